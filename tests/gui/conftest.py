"""GUI test fixtures: offscreen unless --onscreen, a window, synthetic exports, dialog capture."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_data import write_chat

# Must happen before PySide6 is imported anywhere (pytest-qt imports it when it loads).
if os.environ.get("SAR_DESK_ONSCREEN") != "1":
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on the real display")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen", default=False):
        os.environ.pop("QT_QPA_PLATFORM", None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def chat_file(tmp_path: Path) -> Path:
    return write_chat(tmp_path / "exports")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from sar_desk.gui.app import create_application
    from sar_desk.gui.main_window import MainWindow

    create_application()
    win = MainWindow(user="officer")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.jobs.wait()
    win.context.close()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every dialog `show_error` opens, recorded instead of shown."""
    from sar_desk.gui import errors

    shown: list[object] = []
    original = errors.show_error

    def record(parent, exc):  # type: ignore[no-untyped-def]
        dialog = original(parent, exc)
        if dialog is not None:
            shown.append(dialog)
            dialog.close()
        return dialog

    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("sar_desk.gui") and getattr(module, "show_error", None) is original:
            monkeypatch.setattr(module, "show_error", record)
    return shown


@pytest.fixture
def fast_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    """Detection on spaCy's tokenizer and an entity ruler (every recogniser, no model load)."""
    from sar_desk.app import detection as app_detection
    from sar_desk.detect.detector import InProcessDetector
    from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set

    registry = Path(__file__).resolve().parents[2] / "resources/detect/recognizers-uk-v1.yaml"

    def detector(model: str, workers: int) -> InProcessDetector:
        settings = load_recognizer_set(registry)
        engine = blank_nlp_engine(settings, ["Sam Patel", "Jo Reed", "Alex Morgan"])
        return InProcessDetector(build_analyzer(registry, nlp_engine=engine))

    monkeypatch.setattr(app_detection, "default_detector", detector)
