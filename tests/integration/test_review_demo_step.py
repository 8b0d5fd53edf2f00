from pathlib import Path

from sar_desk.app.demo import DEMO_REVIEWER, DemoResult, _review_step
from sar_desk.app.session import CaseSession
from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.core.model import MessageId
from sar_desk.store.findings import save_findings

CHAT = (
    "12/03/2026, 09:20 - Jo Bloggs: Sam Carter from the repairs team will call you on "
    "07700 900123\n"
)


def test_demo_review_step_accepts_and_approves_as_two_people(
    session: CaseSession, tmp_path: Path
) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    run_job(session.ingest.import_files([chat], day_first=True), lambda _p: None)
    with session.store.transaction() as conn:
        save_findings(
            conn,
            [
                Finding(
                    MessageId(1), ProposalField.TEXT, 0, 10, "Sam Carter", "PERSON", 0.85, "spacy"
                ),
                Finding(
                    MessageId(1),
                    ProposalField.SENDER,
                    None,
                    None,
                    "Jo Bloggs",
                    "PERSON",
                    0.9,
                    "structure",
                ),
            ],
        )
    result = DemoResult(session.folder)
    run_job(_review_step(session, result, CancelToken()), lambda _p: None)
    assert any("accepted 2 proposals" in line and "approved 2" in line for line in result.lines)
    views = session.review.review_items()
    assert {(v.state.proposer, v.state.approver, v.state.code) for v in views} == {
        ("officer", DEMO_REVIEWER, "SAR-3P")
    }
    assert session.review.verify_audit() == []
