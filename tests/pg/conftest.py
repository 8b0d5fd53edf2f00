"""A private PostgreSQL 15 cluster for the team-store tests, one per test session (issue 17).

The cluster lives in a temp folder owned by the ``postgres`` OS user (``initdb`` refuses to run
as root), listens only on 127.0.0.1 on a free port, trusts nobody without a password except its
own superuser, and is stopped and deleted at session end. Tests that need it are skipped with a
reason only when PostgreSQL 15 is not installed; no test mocks the database.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_cluster_info import PgCluster

PG_BIN = Path(os.environ.get("SAR_DESK_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "sar_admin"
SUPERUSER_PASSWORD = "admin-test-secret"


def _free_port() -> int:
    # bind() is not connect(): the suite's no-network guard stays untouched.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(args: list[str]) -> list[str]:
    """Run a PostgreSQL tool as the ``postgres`` OS user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


def _run(args: list[str]) -> None:
    done = subprocess.run(_as_postgres(args), capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """Start the private cluster once for the session and stop it at the end."""
    initdb = PG_BIN / "initdb"
    if not initdb.exists():
        pytest.skip(f"PostgreSQL 15 is not installed ({initdb} is missing)")
    root = Path(tempfile.mkdtemp(prefix="sar-desk-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data = root / "data"
    pwfile = root / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(pwfile, "postgres", "postgres")
    port = _free_port()
    try:
        _run(
            [
                str(initdb),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
        _run(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"The private PostgreSQL cluster did not start: {exc}")
    try:
        yield PgCluster("127.0.0.1", port, SUPERUSER, SUPERUSER_PASSWORD)
    finally:
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            ),
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(root, ignore_errors=True)
