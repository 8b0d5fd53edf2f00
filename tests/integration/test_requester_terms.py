"""The case's requester is always a person in search, by the name and aliases on the case.

A requester whose only record came from a phone number (a WhatsApp contact never saved with
a name) must still be found where others write their name (issue 14 item 5). Synthetic data.
"""

from __future__ import annotations

from pathlib import Path

from sar_desk.core.jobs import run_job
from sar_desk.core.search import SearchQuery

# The session fixture's requester is "Alex Morgan", aliases +44 7911 123456 and an e-mail.
CHAT = "\n".join(
    [
        "[05/05/2026, 09:00:00] +44 7911 123456: Hello, any news on my repair?",
        "[05/05/2026, 09:05:00] Sam Taylor: @Alex Morgan we will call you today",
        "[05/05/2026, 09:06:00] Priya Shah: Alex Morgan keeps ringing about the boiler",
        "[05/05/2026, 09:07:00] Priya Shah: Alex, the engineer says Friday",
        "[05/05/2026, 09:08:00] Sam Taylor: Lunch order closes at noon",
        "[05/05/2026, 09:09:00] Priya Shah: Morgan Stanley sent the pension letter",
    ]
)


def _load(session, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "WhatsApp Chat with Repairs.txt"
    path.write_text(CHAT + "\n", encoding="utf-8")
    outcomes = run_job(session.ingest.import_files([path]), lambda p: None)
    assert all(hasattr(o, "source") for o in outcomes), outcomes
    (requester,) = session.people.find_people("requester")
    return requester


def _mentioned(session, person_id) -> list[str]:  # type: ignore[no-untyped-def]
    query = SearchQuery(person_ids=(person_id,), person_roles=("mentioned",))
    return sorted(m.text for m in session.search.search(query))


def test_requester_known_only_by_number_is_found_by_their_name(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    requester = _load(session, tmp_path)
    # The person came from the phone number alone: no export names them.
    assert {kind for _platform, kind, _ident in requester.identifiers} == {"phone"}
    assert _mentioned(session, requester.id) == [
        "@Alex Morgan we will call you today",
        "Alex Morgan keeps ringing about the boiler",
        "Alex, the engineer says Friday",
    ]


def test_requester_terms_stay_with_the_requester(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _load(session, tmp_path)
    (sam,) = session.people.find_people("Sam Taylor")
    found = _mentioned(session, sam.id)
    assert "Alex Morgan keeps ringing about the boiler" not in found
    assert "@Alex Morgan we will call you today" not in found


def test_the_requester_is_found_by_the_name_on_the_case(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    requester = _load(session, tmp_path)
    assert [p.id for p in session.people.find_people("Alex Morgan")] == [requester.id]
    assert [p.id for p in session.people.find_people("alex  MORGAN")] == [requester.id]
