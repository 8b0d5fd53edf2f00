"""Run every importer over one hostile file, in this process; print one line per importer.

Used by ``test_fuzz_importers.py`` in a child process with a memory cap (RLIMIT_AS) and a
time cap, so a runaway parser fails the test instead of the machine. Output lines:
``<platform> ok <n>`` or ``<platform> refused <one-line message>``; anything else that
escapes is a crash: ``<platform> crash <ExceptionType>`` and exit status 3.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def main() -> int:
    path = Path(sys.argv[1])
    cap = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from sar_desk.core.errors import SarDeskError
    from sar_desk.core.imports import ImportReport
    from sar_desk.importers import IMPORTERS, importer_for
    from sar_desk.importers.base import ImportOptions

    crashed = False
    try:
        chosen = importer_for(path).platform
        print(f"sniff ok {chosen}")
    except SarDeskError as exc:
        print(f"sniff refused {exc}")
    except BaseException as exc:
        print(f"sniff crash {type(exc).__name__}")
        crashed = True
    for importer in IMPORTERS:
        report = ImportReport()
        count = 0
        try:
            for _record in importer.read(path, report, ImportOptions()):
                count += 1
            print(f"{importer.platform} ok {count}")
        except SarDeskError as exc:
            print(f"{importer.platform} refused {exc}")
        except BaseException as exc:
            print(f"{importer.platform} crash {type(exc).__name__}")
            crashed = True
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak_kib {peak}")
    return 3 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
