"""Two logins work one team case at once, each in processes of their own (issue 17 item 6).

The twin of ``tests/integration/test_two_people_local.py`` on the team store: the case
handler accepts proposals one command at a time and searches, while the reviewer imports a
second export, searches and rejects other proposals. Every command is its own process through
the real entry point: none may fail with a lock error, no decision may be lost, and the
server's audit chain stays whole with each decision under the login that made it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pg_cluster_info import PgCluster, team_database

from sar_desk.cli.main import cli

DB = "two_people_test"
PASSWORD = "two-people-secret"
LOGINS = {"tp_ann": "case-handler", "tp_ben": "reviewer"}
DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "whatsapp"
CHATS = [DATA / "WhatsApp Chat with Repairs Group.txt", DATA / "android_en_gb_12h_lower.txt"]
ENTRY = "from sar_desk.cli.main import main; main()"
REF = "SAR-2026-0901"


@pytest.fixture(scope="module")
def cluster(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    with team_database(pg_cluster, DB, LOGINS, PASSWORD) as ready:
        yield ready


def person(commands: list[list[str]], failures: list[str], env: dict[str, str]) -> None:
    """One login's commands, one process each, in order."""
    for args in commands:
        done = subprocess.run(
            [sys.executable, "-c", ENTRY, *args],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0 or "locked" in done.stderr or "deadlock" in done.stderr:
            failures.append(f"{' '.join(args)} -> {done.returncode}: {done.stderr.strip()}")


def test_two_logins_review_search_and_import_one_case_at_once(cluster: PgCluster) -> None:
    env = {login: {"SAR_DESK_SERVER": cluster.url(login, PASSWORD, DB)} for login in LOGINS}

    def run(login: str, *args: str) -> str:
        result = CliRunner().invoke(cli, list(args), env=env[login])
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return str(result.stdout)

    run("tp_ann", "case", "new", REF, "--regime", "sar", "--reference", REF,
        "--received", "2026-04-01", "--requester", "Priya Shah")  # fmt: skip
    run("tp_ann", "import", REF, str(CHATS[0]))
    run("tp_ann", "detect", REF)
    listed = [
        json.loads(line)
        for line in run("tp_ann", "review", REF, "list", "--json").split("\n")
        if line
    ]
    senders = [item for item in listed if item["field"] == "sender"]
    mine = [int(i["id"]) for i in senders if i["text"] == "Tom Reid"][:3]
    hers = [int(i["id"]) for i in senders if i["text"] == "Jo Bloggs"][:3]
    assert len(mine) == len(hers) == 3
    search = ["search", REF, "--text", "damp OR boiler", "--json"]
    handler = [
        step
        for item in mine
        for step in (
            ["review", REF, "accept", str(item), "--code", "default", "--reason", "a neighbour"],
            search,
        )
    ]
    reviewer = [
        ["import", REF, str(CHATS[1])],
        *(
            step
            for item in hers
            for step in (
                ["review", REF, "reject", str(item), "--reason", "not others' data"],
                search,
            )
        ),
    ]
    failures: list[str] = []
    threads = [
        threading.Thread(target=person, args=(handler, failures, env["tp_ann"])),
        threading.Thread(target=person, args=(reviewer, failures, env["tp_ben"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=900)
    assert not failures, "\n".join(failures)

    status = {
        int(json.loads(line)["id"]): json.loads(line)["status"]
        for line in run("tp_ben", "review", REF, "list", "--json").splitlines()
    }
    assert [status[i] for i in mine] == ["accepted"] * 3
    assert [status[i] for i in hers] == ["rejected"] * 3
    assert len(json.loads(run("tp_ben", "case", "show", REF, "--json"))["sources"]) == 2
    assert "Audit log intact" in run("tp_ben", "audit", REF, "verify")
    logged = [line.split()[3:5] for line in run("tp_ben", "audit", REF, "list").splitlines()]
    assert [who for who, action in logged if action == "review-accept"] == ["tp_ann"] * 3
    assert [who for who, action in logged if action == "review-reject"] == ["tp_ben"] * 3
