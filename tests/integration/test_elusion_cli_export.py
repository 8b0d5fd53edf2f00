"""Issue 15 item 5b end to end: the elusion test from the command line, gating export, recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action
from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.jobs import run_job
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.detect.detector import InProcessDetector
from sar_desk.review.roles import Role
from tests.conftest import TEST_PASSPHRASE
from tests.integration.test_detection import fake_detector as fake_detector
from tests.integration.test_detection import make_case

# The requester's own messages with nothing to redact, plus one with a third party's number.
CHAT = (
    "12/01/2026, 09:15 - Alex Morgan: any news on the repair?\n"
    "12/01/2026, 09:16 - Alex Morgan: the boiler is still off\n"
    "12/01/2026, 09:17 - Alex Morgan: please call the office on 07700 900123\n"
    "12/01/2026, 09:18 - Alex Morgan: thanks, speak tomorrow\n"
    "12/01/2026, 09:19 - Alex Morgan: the engineer came at 3\n"
)


def run(*args: str) -> Result:
    from sar_desk.cli.main import cli

    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def case(tmp_path: Path, fake_detector: InProcessDetector) -> CaseSession:
    session = make_case(tmp_path / "case", CHAT)
    session.review.set_passphrase("officer", TEST_PASSPHRASE)  # so that '--as officer' may act
    session.review.add_user("dpo.lead", Role.DPO)
    session.review.add_user("second", Role.REVIEWER)
    session.scope.mark_scope(
        session.scope.search_ids(SearchQuery()), Relevance.ABOUT_REQUESTER, "About the requester"
    )
    session.search.search_logged(SearchQuery(), limit=1, origin="test")
    run_job(session.detection.run_detection(scope="in-scope", detector=fake_detector))
    ids = [v.item.id for v in session.review.review_items()]
    assert ids  # the third party's number
    session.subjects.link_items(ids, other_individual=True, reason="The office manager's mobile")
    session.review.decide(ids, Action.ACCEPT, code="default", rationale="Third party's number")
    other = CaseSession.open(session.folder, "second")
    try:
        other.review.decide(ids, Action.APPROVE)
    finally:
        other.close()
    return session


def test_the_cli_draws_marks_and_shows_and_export_waits_for_the_test(
    case: CaseSession, tmp_path: Path
) -> None:
    folder = str(case.folder)
    case.close()
    assert "No elusion test has been drawn" in run("review", folder, "elusion", "show").output
    set_on = run("review", folder, "elusion", "threshold", "--on", "--as", "officer")
    assert set_on.exit_code == 0, set_on.output
    assert "Elusion threshold 5%" in set_on.output
    blocked = CaseSession.open(Path(folder), "officer")
    try:
        with pytest.raises(ExportBlockedError, match="needs an elusion test"):
            run_job(blocked.export.export_bundle(tmp_path / "out"))
    finally:
        blocked.close()

    drawn = run(
        "review", folder, "elusion", "draw", "--size", "10", "--seed", "4", "--as", "officer"
    )
    assert drawn.exit_code == 0, drawn.output
    shown = json.loads(run("review", folder, "elusion", "show", "--json").output)
    sample = [s["message_id"] for s in shown["sample"]]
    # The message with the accepted phone-number redaction is not in the null set.
    assert (shown["seed"], shown["population"], len(sample)) == (4, 4, 4)
    text = run("review", folder, "elusion", "show", "--text").output
    assert "the boiler is still off" in text
    assert "07700 900123" not in text

    bad = run("review", folder, "elusion", "mark", str(sample[0]), "--as", "officer")
    assert bad.exit_code != 0
    assert "--missed or --clean" in bad.output
    missed = run(
        "review",
        folder,
        "elusion",
        "mark",
        str(sample[0]),
        "--missed",
        "--note",
        "A first name",
        "--as",
        "officer",
    )
    assert missed.exit_code == 0, missed.output
    assert "1 missed personal data" in missed.output
    for m in sample[1:]:
        assert (
            run("review", folder, "elusion", "mark", str(m), "--clean", "--as", "officer").exit_code
            == 0
        )
    result = run("review", folder, "elusion", "show").output
    assert "Miss rate 25.0% (95% interval 0.6% to 80.6%" in result
    assert "FAILS this case's threshold of 5%" in result

    # A case that accepts a wide bound (a tiny null set) can sign off and export.
    assert run("review", folder, "elusion", "threshold", "90", "--as", "officer").exit_code == 0
    assert "passes" in run("review", folder, "elusion", "show").output
    session = CaseSession.open(Path(folder), "officer")
    try:
        if session.review.signoff_outstanding():
            dpo = CaseSession.open(Path(folder), "dpo.lead")
            try:
                dpo.review.sign_off("Checked, with the elusion test")
            finally:
                dpo.close()
        manifest = run_job(session.export.export_bundle(tmp_path / "out"))
    finally:
        session.close()
    record = json.loads((manifest.folder / "internal" / "elusion-test.json").read_text())
    assert record["threshold_percent"] == 90.0
    [test] = record["tests"]
    assert test["missed"] == 1
    assert test["passes"] is True
    assert {s["message_id"]: s["verdict"] for s in test["sample"]}[sample[0]] == "missed"
    # Item 5a: the detector's measured accuracy travels with every bundle's internal record.
    accuracy = json.loads((manifest.folder / "internal" / "detection-accuracy.json").read_text())
    assert accuracy["engine"] != "none"
    shipped = Path(__file__).resolve().parents[2] / "resources" / "detect" / "accuracy.json"
    assert accuracy["models"] == json.loads(shipped.read_text(encoding="utf-8"))["models"]
    assert 0.5 < accuracy["models"]["md"]["PERSON"]["precision"] <= 1.0  # a measured figure
    # The internal record is never part of what goes to the requester.
    assert not list((manifest.folder / "pack").rglob("elusion*"))
    assert not list((manifest.folder / "pack").rglob("*accuracy*"))


def test_the_cli_refuses_bad_input_with_a_domain_sentence(case: CaseSession) -> None:
    folder = str(case.folder)
    case.close()
    zero = run("review", folder, "elusion", "draw", "--size", "0", "--as", "officer")
    assert zero.exit_code != 0
    assert "between 1 and" in zero.output
    both = run("review", folder, "elusion", "threshold", "5", "--off", "--as", "officer")
    assert both.exit_code != 0
    off = run("review", folder, "elusion", "threshold", "--off", "--as", "officer")
    assert "No elusion threshold" in off.output
