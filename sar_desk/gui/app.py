"""Starting the window: the system check, the application, the log file, the last error hook."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from sar_desk import __version__
from sar_desk.gui.errors import log_file, show_error
from sar_desk.gui.main_window import MainWindow
from sar_desk.gui.style import apply_style
from sar_desk.gui.system_libs import window_blocker

logger = logging.getLogger(__name__)


def configure_logging() -> Path:
    """Log to a rotating file in the user data folder (ids and counts only, never text)."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("sar_desk")
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook(window: MainWindow) -> None:
    """Show exceptions raised in slots (which Qt would otherwise only print) as dialogs."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        show_error(QApplication.activeWindow() or window, exc.with_traceback(tb))

    sys.excepthook = hook


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt), styled."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("SAR Desk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SAR Desk")
    # Styled once: setting the style sheet again re-polishes every widget still alive, and
    # under pytest-qt that includes widgets of earlier windows Qt has not finished deleting.
    if not app.property("sarDeskStyled"):
        apply_style(app)
        app.setProperty("sarDeskStyled", True)
    return app


def run_gui(case_path: str | Path | None = None) -> int:
    """Open the window (and `case_path`, if given) and run until it closes; the exit code.

    Returns 1 with a sentence on stderr, before Qt is started, when a system library the window
    needs is missing: Qt would otherwise abort the whole process with a core dump.
    """
    blocker = window_blocker()
    if blocker is not None:
        sys.stderr.write(blocker + "\n")
        return 1
    app = create_application()
    path = configure_logging()
    logger.info("SAR Desk %s starting; log at %s", __version__, path)
    window = MainWindow()
    install_excepthook(window)
    window.show()
    if case_path is not None:
        window.open_case(Path(case_path))
    return int(app.exec())
