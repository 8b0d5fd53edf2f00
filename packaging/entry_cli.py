"""Frozen entry point of the console ``sar-desk`` executable."""

import multiprocessing

from sar_desk.__main__ import main

if __name__ == "__main__":
    # Detection can use worker processes; frozen apps need this before anything else.
    multiprocessing.freeze_support()
    main()
