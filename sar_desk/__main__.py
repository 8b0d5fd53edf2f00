"""``python -m sar_desk`` opens the window; with arguments it runs the command line."""

from __future__ import annotations

import sys


def gui_main() -> None:
    """Entry point of the windowed executable."""
    from sar_desk.gui.app import run_gui

    sys.exit(run_gui(sys.argv[1] if len(sys.argv) > 1 else None))


if __name__ == "__main__":
    from sar_desk.cli.main import main

    main()
