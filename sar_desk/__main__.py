"""Program entry points: ``sar-desk`` (command line, window when run bare) and ``sar-desk-gui``.

This module is the one place that wires the command line to the window: nothing else imports
``sar_desk.gui`` (checked by import-linter), and the window is imported only when asked for.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path


def _launch_gui(case: Path | None) -> int:
    if not gc.isenabled():  # `main` turned it off for start-up; the window runs for hours
        gc.enable()
    try:
        from sar_desk.gui.app import run_gui
    except ImportError as exc:  # the Qt libraries are missing on this computer
        from sar_desk.gui.system_libs import import_failure_sentence  # no Qt import in it

        sentence = import_failure_sentence(str(exc))
        sys.stderr.write(
            (sentence or f"The desktop window cannot start on this computer ({exc}).")
            + " The command line still works: run 'sar-desk --help'.\n"
        )
        return 1
    return run_gui(case)


def main() -> None:
    """The ``sar-desk`` console script and ``python -m sar_desk``."""
    # No cycle collection while modules load; the command group turns it back on (and freezes
    # the loaded modules out of it) before the command runs: `cli.main.start_collecting`.
    gc.disable()
    from sar_desk.cli.main import cli, set_gui_launcher

    set_gui_launcher(_launch_gui)
    cli(prog_name="sar-desk")


def gui_main() -> None:
    """Entry point of the windowed executable."""
    sys.exit(_launch_gui(Path(sys.argv[1]) if len(sys.argv) > 1 else None))


if __name__ == "__main__":
    main()
