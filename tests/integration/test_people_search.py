"""People across platforms, search by person and date, scope and the search log (issue 4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_people_search_support import JO_EMAIL, JO_PHONE, install_fakes, write_exports

from sar_desk.core.errors import BadInputError, BadSearchError, NotFoundError
from sar_desk.core.jobs import run_job
from sar_desk.core.model import PersonRole
from sar_desk.core.scope import Relevance, SearchStatus
from sar_desk.core.search import SearchQuery, day_range
from sar_desk.store import audit


@pytest.fixture
def loaded(session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    install_fakes(monkeypatch)
    outcomes = run_job(
        session.ingest.import_files(write_exports(tmp_path / "exports")), lambda p: None
    )
    assert all(hasattr(o, "source") for o in outcomes), outcomes
    return session


def jo(session):  # type: ignore[no-untyped-def]
    (person,) = session.people.find_people(JO_EMAIL)
    return person


def test_whatsapp_number_teams_account_and_slack_id_are_one_person(loaded) -> None:  # type: ignore[no-untyped-def]
    person = jo(loaded)
    platforms = {platform for platform, _kind, _ident in person.identifiers}
    assert platforms == {"whatsapp", "teams", "slack"}
    assert loaded.people.find_people(JO_PHONE) == [person]
    assert loaded.people.find_people("U0JO") == [person]


def test_search_by_person_finds_first_name_mentions(loaded) -> None:  # type: ignore[no-untyped-def]
    query = SearchQuery(person_ids=(jo(loaded).id,), person_roles=("mentioned",))
    texts = [m.text for m in loaded.search.search(query)]
    assert "Did Jo sign off the Café rota?" in texts
    assert "Reminder: fire drill, Jo is warden" in texts
    assert "@jbloggs thanks, filed" in texts  # an export-marked mention
    assert "Lunch order closes at noon" not in texts


def test_roles_and_dates_narrow_the_search(loaded) -> None:  # type: ignore[no-untyped-def]
    pid = jo(loaded).id
    sent = loaded.search.search(SearchQuery(person_ids=(pid,), person_roles=("sender",)))
    assert {m.sender for m in sent} == {"Jo Bloggs", "Joanne Bloggs", "jbloggs"}
    start, end = day_range(date(2026, 3, 1), date(2026, 3, 31), "Europe/London")
    march = loaded.search.search(SearchQuery(person_ids=(pid,), date_from=start, date_to=end))
    assert [m.platform for m in march] == ["teams", "teams"]
    # Slack: sent, @-mentioned, and named in #general ("Lunch order" would need the declared
    # membership, which ingest writes only before declare(); see the report).
    assert loaded.search.count(SearchQuery(person_ids=(pid,), platforms=("slack",))) >= 3
    housing = loaded.search.search(SearchQuery(person_ids=(pid,), person_roles=("participant",)))
    assert "Thanks, will check the damp report" in [m.text for m in housing]


def test_text_search_is_accent_insensitive_and_finds_phone_fragments(loaded) -> None:  # type: ignore[no-untyped-def]
    assert [m.text for m in loaded.search.search(SearchQuery(text="cafe"))] == [
        "Did Jo sign off the Café rota?"
    ]
    for fragment in ("7911 123", "07911123456", "+44 7911 123456"):
        hits = loaded.search.search(SearchQuery(text=fragment))
        assert [h.text for h in hits] == [
            "Call the tenant back on 07911 123456 about the boiler"
        ], fragment
    assert loaded.search.count(SearchQuery(text="boil* NOT contractor")) == 1


@pytest.mark.parametrize("hostile", ['"', "NEAR(", "*", "((a", "a))", "'; DROP TABLE messages; --"])
def test_hostile_queries_return_results_or_bad_search(loaded, hostile: str) -> None:  # type: ignore[no-untyped-def]
    try:
        loaded.search.search(SearchQuery(text=hostile))
    except BadSearchError as exc:
        message = str(exc).lower()
        assert "search" in message
    assert loaded.search.count(SearchQuery()) == 11  # nothing was dropped


def test_every_logged_search_is_recorded_with_filters_and_counts(loaded) -> None:  # type: ignore[no-untyped-def]
    pid = jo(loaded).id
    result = loaded.search.search_logged(
        SearchQuery(person_ids=(pid,), text="boiler"), limit=5, context=1
    )
    (entry,) = loaded.search.search_log()
    assert entry.id == result.log_id
    assert entry.user == "officer"
    assert entry.person_ids == (pid,)
    assert entry.person_names == ("Jo Bloggs",)
    assert entry.text == "boiler"
    assert entry.total == result.total == 2
    assert sum(entry.by_source.values()) == 2
    assert set(entry.by_source) == {1, 2, 3}
    assert result.hits[0].context
    assert result.hits[0].score is not None
    frame = loaded.search.search_log_frame()
    assert list(frame["hits"]) == [2]
    with loaded.store.read() as conn:
        assert [e.details["search"] for e in audit.entries(conn, "search")] == [result.log_id]


def test_excluded_source_is_not_searched_and_statuses_are_recorded(loaded) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadInputError, match="justification"):
        loaded.search.exclude_source(1, "no")
    loaded.search.exclude_source(1, "Personal phone; the staff member confirmed no work use.")
    assert loaded.search.count(SearchQuery(text="boiler")) == 1  # only the Teams message
    loaded.search.search_logged(SearchQuery(text="lunch"))
    loaded.search.record_unavailable(
        "signal", "Team Signal group", "Disappearing messages were set to 1 week"
    )
    statuses = {s.name: s.status for s in loaded.search.source_statuses()}
    assert statuses["wa.json"] is SearchStatus.NOT_SEARCHED_JUSTIFIED
    assert statuses["teams.json"] is SearchStatus.NONE_FOUND
    assert statuses["slack.json"] is SearchStatus.FOUND
    assert statuses["Team Signal group"] is SearchStatus.NOT_AVAILABLE
    loaded.search.include_source(1)
    assert loaded.search.count(SearchQuery(text="boiler")) == 2


def test_name_matches_are_only_suggestions_and_merges_are_audited(loaded) -> None:  # type: ignore[no-untyped-def]
    priyas = loaded.people.find_people("Priya")
    assert len(priyas) == 1  # "~ Priya" (WhatsApp) and "Priya Shah" (Teams) stay apart
    (suggestion,) = [s for s in loaded.people.suggestions() if s.other_id is not None]
    assert {suggestion.person_id, suggestion.other_id} == {
        priyas[0].id,
        loaded.people.find_people("Priya Shah")[0].id,
    }
    merged = loaded.people.accept_suggestion(suggestion.id)
    assert {p for p, _k, _i in merged.identifiers} == {"whatsapp", "teams"}
    with loaded.store.read() as conn:
        merges = audit.entries(conn, "people-merge")
    assert any(not e.details["automatic"] for e in merges)
    assert any(e.details["automatic"] for e in merges)  # Jo's link-based merge
    assert [d.action for d in loaded.people.person_decisions()][-1] == "merge"


def test_split_and_mark_are_recorded_and_split_people_stay_apart(loaded) -> None:  # type: ignore[no-untyped-def]
    person = jo(loaded)
    new = loaded.people.split_person(person.id, f"whatsapp:{JO_PHONE}", "Shared family phone")
    assert [i for _p, _k, i in new.identifiers] == [JO_PHONE]
    loaded.people.resolve_people()
    assert loaded.people.person(new.id).identifiers == new.identifiers
    with pytest.raises(BadInputError, match="official"):
        loaded.people.mark_person(new.id, PersonRole.THIRD_PARTY, official=True)
    staff = loaded.people.mark_person(
        person.id, PersonRole.STAFF, official=True, reason="Housing officer"
    )
    assert staff.role is PersonRole.STAFF
    assert staff.official_capacity
    actions = [d.action for d in loaded.people.person_decisions()]
    assert actions[-2:] == ["split", "mark"]


def test_requester_found_from_strong_alias(session, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    install_fakes(monkeypatch)
    run_job(session.ingest.import_files(write_exports(tmp_path / "exports")), lambda p: None)
    # The fixture's requester number (07911 123456) only appears in message text, so no one
    # holds it as an identity: nobody is marked automatically and searching by it is a text hit.
    assert [p for p in session.people.people() if p.person.role is PersonRole.REQUESTER] == []
    with pytest.raises(NotFoundError):
        session.people.find_people("requester")


def test_scope_marks_disclosure_set_and_counts(loaded) -> None:  # type: ignore[no-untyped-def]
    ids = [m.id for m in loaded.search.search(SearchQuery(person_ids=(jo(loaded).id,)))]
    loaded.scope.mark_scope(ids[:3], Relevance.ABOUT_REQUESTER, "About the repairs complaint")
    loaded.scope.mark_scope(ids[3:5], Relevance.MENTIONS_ONLY)
    assert loaded.scope.scope_of(ids[3]).in_disclosure is False
    assert "Mentions only" in loaded.scope.scope_of(ids[3]).reason
    loaded.scope.add_to_disclosure([ids[4]], "Context for the complaint")
    loaded.scope.remove_from_disclosure([ids[0]], "Duplicate of the Teams post")
    assert loaded.scope.disclosure_set() == sorted([ids[1], ids[2], ids[4]], key=ids.index)
    counts = {c.title: c for c in loaded.scope.scope_counts()}
    assert sum(c.about_requester for c in counts.values()) == 3
    assert sum(c.in_disclosure for c in counts.values()) == 3
    with pytest.raises(NotFoundError):
        loaded.scope.mark_scope([999_999], Relevance.NOT_RELEVANT)


def test_case_summary_has_people_search_log_and_scope(loaded) -> None:  # type: ignore[no-untyped-def]
    loaded.search.search_logged(SearchQuery(text="boiler"))
    titles = {s.title: s for s in loaded.summary_sections()}
    assert {"People", "Search log", "Scope"} <= set(titles)
    assert titles["Search log"].data["searches"] == 1
