"""A third party named only in a channel title never reaches the pack (issue 20 item 1).

The Slack channel "#ruth-okoro-case" is the only place in the disclosure set where Ruth Okoro
(a known member of the workspace) is named. Detection must propose the title; once the
proposal is accepted and approved, no file of the pack holds any part of her name. The
manual path does the same for a name detection cannot know: a reviewer redacts words of a
title or of a file name, with a code and a rationale, and a second person approves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.core.decisions import Action
from sar_desk.core.errors import BadInputError, ExportBlockedError
from sar_desk.core.findings import ProposalField
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.detect.detector import InProcessDetector
from sar_desk.export.extract import file_pieces
from sar_desk.review.bulk import BulkSelection
from sar_desk.review.roles import Role
from tests.conftest import TEST_PASSPHRASE
from tests.integration.test_detection import fake_detector as fake_detector

USERS = (
    ("Alex Morgan", "U0ALEXM01"),
    ("Sam Officer", "U0SAMOF02"),
    ("Ruth Okoro", "U0RUTHO03"),
)
# Ruth speaks only in #general, which is not disclosed: in the disclosure set her name is
# in the channel title and nowhere else, so nothing but the title's own decision hides it.
CHANNELS = {
    "ruth-okoro-case": [
        ("U0ALEXM01", "1768208100.000100", "Any news on the boiler repair?"),
        ("U0SAMOF02", "1768208160.000200", "Booked for Tuesday, see the attached plan."),
    ],
    "general": [("U0RUTHO03", "1768208220.000300", "Morning all.")],
    "repairs": [("U0SAMOF02", "1768208280.000400", "Rota for next week attached.")],
}


def _write_slack(root: Path) -> Path:
    root.mkdir(parents=True)
    users = [
        {"id": uid, "name": name.split()[0].lower(), "real_name": name, "profile": {}}
        for name, uid in USERS
    ]
    (root / "users.json").write_text(json.dumps(users), encoding="utf-8")
    channels = [
        {"id": f"C0{n:07d}", "name": name, "members": [u for _n, u in USERS]}
        for n, name in enumerate(CHANNELS)
    ]
    (root / "channels.json").write_text(json.dumps(channels), encoding="utf-8")
    for name, posts in CHANNELS.items():
        day: list[dict[str, Any]] = [
            {"type": "message", "user": uid, "ts": ts, "text": text} for uid, ts, text in posts
        ]
        if name == "repairs":
            day[0]["files"] = [{"id": "F01", "name": "okoro_rota.pdf", "filetype": "pdf"}]
        (root / name).mkdir()
        (root / name / "2026-01-12.json").write_text(json.dumps(day), encoding="utf-8")
    return root


def _case(tmp_path: Path, channels: tuple[str, ...]) -> CaseSession:
    case = Case(
        reference="SAR-TTL-1",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        scope_from=date(2026, 1, 1),
        scope_to=date(2026, 1, 31),
    )
    session = CaseSession.create(tmp_path / "case", case, user="officer")
    session.review.add_user("second", Role.REVIEWER)
    # With a passphrase, so the command line can act as them (issue 17).
    session.review.add_user("clerk", Role.REVIEWER, TEST_PASSPHRASE)
    run_job(session.ingest.import_files([_write_slack(tmp_path / "slack")]))
    with session.store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT m.id, c.title FROM messages m JOIN conversations c "
            "ON c.id = m.conversation_id ORDER BY m.id"
        ).all()
    wanted = [int(i) for i, title in rows if title.lstrip("#") in channels]
    if wanted:
        session.scope.mark_scope(wanted, Relevance.ABOUT_REQUESTER, "About the requester")
    session.search.search_logged(SearchQuery(), limit=1, origin="test")
    return session


@pytest.fixture
def title_case(tmp_path: Path) -> Iterator[CaseSession]:
    session = _case(tmp_path, ("ruth-okoro-case",))
    yield session
    session.close()


def _approve_all(case: CaseSession) -> None:
    other = CaseSession.open(case.folder, "second")
    try:
        other.review.bulk_decide(BulkSelection(everything=True), Action.APPROVE, confirmed=True)
    finally:
        other.close()


def _pack_text(out: Path) -> str:
    pieces = []
    for path in (p for p in (out / "pack").rglob("*") if p.is_file()):
        pieces.append(path.name)
        pieces += [text for _where, text in file_pieces(path)]
    return "\n".join(pieces)


def test_detection_proposes_the_title_and_export_hides_every_part_of_the_name(
    title_case: CaseSession, tmp_path: Path, fake_detector: InProcessDetector
) -> None:
    run_job(title_case.detection.run_detection(scope="in-scope", detector=fake_detector))
    titles = [
        v for v in title_case.review.review_items() if v.item.field is ProposalField.CONVERSATION
    ]
    assert [v.text for v in titles] == ["ruth-okoro"]  # one proposal for the channel
    assert titles[0].item.entity_type == "PERSON"
    # A second run proposes the title again for no conversation.
    run_job(title_case.detection.run_detection(scope="all", detector=fake_detector))
    again = [
        v for v in title_case.review.review_items() if v.item.field is ProposalField.CONVERSATION
    ]
    assert len(again) == 1
    title_case.review.bulk_decide(
        BulkSelection(everything=True),
        Action.ACCEPT,
        code="default",
        rationale="Third party named in the channel title",
        confirmed=True,
    )
    _approve_all(title_case)
    manifest = run_job(title_case.export.export_bundle(tmp_path / "out"))
    text = _pack_text(manifest.folder)
    assert "boiler repair" in text  # the pack really was read
    assert "okoro" not in text.casefold()
    assert "#Person A-case" in text  # the title reads with the pseudonym (the default)


def test_without_the_title_decision_the_name_would_reach_the_pack(
    title_case: CaseSession, tmp_path: Path, fake_detector: InProcessDetector
) -> None:
    # The control: reject the title proposal and the title stays as it is.
    run_job(title_case.detection.run_detection(scope="in-scope", detector=fake_detector))
    title = next(
        v for v in title_case.review.review_items() if v.item.field is ProposalField.CONVERSATION
    )
    title_case.review.decide([title.item.id], Action.REJECT, note="Testing the control")
    rest = [v.item.id for v in title_case.review.review_items() if v.item.id != title.item.id]
    if rest:
        title_case.review.decide(rest, Action.REJECT, note="Testing the control")
    _approve_all(title_case)  # a second person confirms the rejections
    manifest = run_job(title_case.export.export_bundle(tmp_path / "out"))
    assert "#ruth-okoro-case" in _pack_text(manifest.folder)


def test_a_reviewer_redacts_words_of_a_title_and_of_a_file_name_by_hand(
    tmp_path: Path, fake_detector: InProcessDetector
) -> None:
    case = _case(tmp_path, ("ruth-okoro-case", "repairs"))
    try:
        run_job(case.detection.run_detection(scope="in-scope", detector=fake_detector))
        # Detection's own proposals are rejected: only the manual decisions hide the name.
        found = [v.item.id for v in case.review.review_items()]
        case.review.decide(found, Action.REJECT, note="Decided by hand in this test")
        with case.store.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT m.id, c.title FROM messages m JOIN conversations c "
                "ON c.id = m.conversation_id ORDER BY m.id"
            ).all()
        first = {title: int(i) for i, title in reversed(rows)}
        with pytest.raises(BadInputError, match="not in the conversation title"):
            case.review.redact_field(
                first["#ruth-okoro-case"], ProposalField.CONVERSATION, "Jo Bloggs", "SAR-3P", "x"
            )
        with pytest.raises(BadInputError, match="rationale"):
            case.review.redact_field(
                first["#ruth-okoro-case"], ProposalField.CONVERSATION, "Ruth Okoro", "SAR-3P", ""
            )
        view = case.review.redact_field(
            first["#ruth-okoro-case"],
            ProposalField.CONVERSATION,
            "Ruth Okoro",
            "SAR-3P",
            "Third party named in the channel title",
        )
        assert view.text == "ruth-okoro"  # as the title writes it
        assert str(view.status) == "accepted"  # waiting for a second person
        with pytest.raises(BadInputError, match="by its words"):
            case.review.redact_field(first["#repairs"], ProposalField.SENDER, "Sam", "SAR-3P", "x")
        base = ["review", str(case.folder), "redact", "--message", str(first["#repairs"])]
        tail = ["--code", "SAR-3P", "--reason", "r", "--as", "clerk"]
        for mixed in (["--start", "0", "--title", "x"], ["--start", "0"], []):
            usage = CliRunner().invoke(cli, [*base, *mixed, *tail])
            assert usage.exit_code == 2, usage.output
            assert "--title" in usage.output
        result = CliRunner().invoke(
            cli,
            [
                "review",
                str(case.folder),
                "redact",
                "--message",
                str(first["#repairs"]),
                "--attachment",
                "Okoro",
                "--code",
                "SAR-3P",
                "--reason",
                "Third party named in the file name",
                "--as",
                "clerk",
            ],
        )
        assert result.exit_code == 0, result.output
        assert "(attachment name)" in result.output
        _approve_all(case)
        manifest = run_job(case.export.export_bundle(tmp_path / "out"))
        text = _pack_text(manifest.folder)
        assert "Booked for Tuesday" in text
        assert "okoro" not in text.casefold()
    finally:
        case.close()


def test_a_title_decided_on_a_message_later_left_out_still_governs_the_title(
    tmp_path: Path, fake_detector: InProcessDetector
) -> None:
    # Detection over everything before the disclosure set exists: the title's proposal rides
    # on the channel's first message, which the reviewer then leaves out of the disclosure.
    case = _case(tmp_path, ())
    try:
        run_job(case.detection.run_detection(scope="all", detector=fake_detector))
        title = next(
            v for v in case.review.review_items() if v.item.field is ProposalField.CONVERSATION
        )
        with case.store.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                "WHERE c.title = '#ruth-okoro-case' ORDER BY m.id"
            ).all()
        carrier, later = (int(r[0]) for r in rows)
        assert int(title.item.message_id) == carrier
        case.scope.mark_scope([later], Relevance.ABOUT_REQUESTER, "About the requester")
        case.search.search_logged(SearchQuery(), limit=1, origin="test")
        # Still proposed: export refuses while the title is undecided.
        with pytest.raises(ExportBlockedError):
            run_job(case.export.export_bundle(tmp_path / "early"))
        case.review.decide(
            [title.item.id], Action.ACCEPT, code="SAR-3P", rationale="Third party in the title"
        )
        rest = [v.item.id for v in case.review.review_items() if v.item.id != title.item.id]
        case.review.decide(rest, Action.REJECT, note="Not disclosed in this test")
        _approve_all(case)
        manifest = run_job(case.export.export_bundle(tmp_path / "out"))
        text = _pack_text(manifest.folder)
        assert "Booked for Tuesday" in text
        assert "okoro" not in text.casefold()
    finally:
        case.close()
