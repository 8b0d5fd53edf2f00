import json
from pathlib import Path

from click.testing import CliRunner, Result

from sar_desk.app.session import CaseSession
from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId
from sar_desk.store.findings import save_findings

CHAT = """12/03/2026, 09:15 - Alex Morgan: Hi, any news on the repair?
12/03/2026, 09:20 - Jo Bloggs: Sam Carter from the repairs team will call you on 07700 900123
"""

KEYS = {
    "id",
    "message_id",
    "start",
    "end",
    "field",
    "text",
    "entity_type",
    "score",
    "recognizer",
    "status",
    "code",
}


def run(*args: str) -> Result:
    from sar_desk.cli.main import cli

    return CliRunner().invoke(cli, list(args))


def test_review_workflow_end_to_end(tmp_path: Path) -> None:
    case = str(tmp_path / "case")
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    assert (
        run(
            "case",
            "new",
            case,
            "--regime",
            "sar",
            "--reference",
            "SAR-E2E",
            "--received",
            "2026-05-05",
            "--requester",
            "Alex Morgan",
            "--as",
            "officer",
        ).exit_code
        == 0
    )
    assert run("import", case, str(chat), "--day-first", "--as", "officer").exit_code == 0
    s = CaseSession.open(Path(case), "officer")
    with s.store.transaction() as conn:
        save_findings(
            conn,
            [
                Finding(
                    MessageId(2), ProposalField.TEXT, 0, 10, "Sam Carter", "PERSON", 0.85, "spacy"
                ),
                Finding(
                    MessageId(2),
                    ProposalField.TEXT,
                    51,
                    63,
                    "07700 900123",
                    "PHONE_NUMBER",
                    0.7,
                    "uk_phone",
                ),
            ],
        )
    s.close()

    listed = run("review", case, "list", "--json")
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert listed.exit_code == 0
    assert len(rows) == 2
    assert set(rows[0]) >= KEYS
    assert rows[0]["status"] == "proposed"
    assert rows[0]["text"] == "Sam Carter"

    wrong = run(
        "review", case, "accept", "1", "--code", "FOI-40-2", "--reason", "x", "--as", "officer"
    )
    assert wrong.exit_code == 1
    assert "scoped to the case's regime" in wrong.output
    assert "Traceback" not in wrong.output

    ok = run(
        "review",
        case,
        "accept",
        "--all",
        "--code",
        "default",
        "--reason",
        "Third-party personal data; no consent",
        "--as",
        "officer",
    )
    assert ok.exit_code == 0
    assert "case by case" in ok.output

    own = run("review", case, "approve", "1", "--as", "officer")
    assert own.exit_code == 1
    assert "cannot approve" in own.output
    stranger = run("review", case, "approve", "1", "--as", "rita")
    assert stranger.exit_code == 1
    assert "rita is not a user of this case" in stranger.output
    assert "sar-desk users CASE add NAME --role ROLE" in stranger.output
    assert run("users", case, "add", "rita", "--role", "reviewer", "--as", "officer").exit_code == 0
    assert run("review", case, "approve", "--all-accepted", "--as", "rita").exit_code == 0

    approved = run("review", case, "list", "--status", "approved", "--json")
    codes = {json.loads(line)["code"] for line in approved.output.splitlines()}
    assert codes == {"SAR-3P"}

    s = CaseSession.open(Path(case), "officer")
    try:
        d = s.review.disclosure_decisions([1, 2])
    finally:
        s.close()
    assert [r.text for r in d.redactions[MessageId(2)]] == ["Sam Carter", "07700 900123"]
    assert d.undecided == 0

    shown = run("case", "show", case, "--json")
    review = json.loads(shown.output)["review"]
    assert review["totals"]["approved"] == 2
    verify = run("audit", case, "verify")
    assert verify.exit_code == 0
    actions = [
        json.loads(line)["action"]
        for line in run("audit", case, "list", "--json").output.splitlines()
    ]
    assert "review-accept" in actions
    assert "review-approve" in actions


def test_bulk_above_threshold_needs_yes(tmp_path: Path) -> None:
    case = str(tmp_path / "case")
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    run(
        "case",
        "new",
        case,
        "--regime",
        "foi",
        "--reference",
        "FOI-1",
        "--received",
        "2026-05-05",
        "--as",
        "officer",
    )
    run("import", case, str(chat), "--day-first", "--as", "officer")
    s = CaseSession.open(Path(case), "officer")
    from sar_desk.review.decide import ReviewSettings

    s.review.set_review_settings(ReviewSettings(bulk_warning_threshold=1))
    with s.store.transaction() as conn:
        save_findings(
            conn,
            [
                Finding(
                    MessageId(2), ProposalField.TEXT, 0, 10, "Sam Carter", "PERSON", 0.85, "spacy"
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
    s.close()
    refused = run(
        "review",
        case,
        "accept",
        "--entity",
        "PERSON",
        "--code",
        "default",
        "--reason",
        "Third party",
        "--as",
        "officer",
    )
    assert refused.exit_code == 1
    assert "--yes" in refused.output
    assert "case by case" in refused.output
    done = run(
        "review",
        case,
        "accept",
        "--entity",
        "PERSON",
        "--code",
        "default",
        "--reason",
        "Third party",
        "--yes",
        "--as",
        "officer",
    )
    assert done.exit_code == 0, done.output
    codes = {
        json.loads(x)["code"] for x in run("review", case, "list", "--json").output.splitlines()
    }
    assert codes == {"FOI-40-2"}
