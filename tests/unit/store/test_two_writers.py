"""Two processes writing one local case at once wait their turn instead of failing (issue 17).

SQLite allows one writer at a time; `store.db` takes the write lock up front and retries with
growing pauses, so neither process sees "database is locked" and the audit chain stays whole.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sar_desk.store import audit, open_store

ROUNDS = 40

_WORKER = """
import sys
from pathlib import Path
from sar_desk.store import audit, open_store
path, who, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with open_store(path) as store:
    for n in range(rounds):
        with store.transaction() as conn:
            audit.append(conn, who, "test.write", {"n": n})
        with store.read() as conn:
            audit.current_head(conn)
"""


def test_two_processes_writing_one_case_both_finish_with_one_chain(tmp_path: Path) -> None:
    path = tmp_path / "case" / "case.db"
    path.parent.mkdir()
    open_store(path, create=True).close()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(path), who, str(ROUNDS)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("first", "second")
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert "locked" not in err
    with open_store(path) as store, store.read() as conn:
        entries = audit.entries(conn)
        assert audit.verify_chain(conn) == []
    written = [e for e in entries if e.action == "test.write"]
    assert sorted(e.user for e in written) == ["first"] * ROUNDS + ["second"] * ROUNDS
    assert [e.details["n"] for e in written if e.user == "first"] == list(range(ROUNDS))
