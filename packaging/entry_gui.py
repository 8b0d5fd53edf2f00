"""Frozen entry point of the windowed ``sar-desk-gui`` executable."""

import multiprocessing

from sar_desk.__main__ import gui_main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    gui_main()
