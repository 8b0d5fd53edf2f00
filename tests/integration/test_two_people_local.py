"""Two people work one local case at once, each in processes of their own (issue 17 item 6).

The case handler (the OS account) accepts proposals one command at a time and searches, while
the reviewer (``--as rev1``, with her passphrase) imports a second export, searches and rejects
other proposals. Every command runs as its own process through the real entry point, so the
two people's writes meet on the SQLite file: none may fail with "database is locked", no
decision may be lost, and the audit chain stays whole. The team store's twin of this test is
``tests/pg/test_pg_two_people.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from click.testing import CliRunner

from sar_desk.cli.main import cli

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "whatsapp"
CHATS = [DATA / "WhatsApp Chat with Repairs Group.txt", DATA / "android_en_gb_12h_lower.txt"]
ENTRY = "from sar_desk.cli.main import main; main()"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return str(result.stdout)


def person(commands: list[list[str]], failures: list[str], env: dict[str, str]) -> None:
    """One person's commands, one process each, in order."""
    for args in commands:
        done = subprocess.run(
            [sys.executable, "-c", ENTRY, *args],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0 or "locked" in done.stderr:
            failures.append(f"{' '.join(args)} -> {done.returncode}: {done.stderr.strip()}")


def at_once(*people: tuple[list[list[str]], dict[str, str]]) -> list[str]:
    """Run each person's commands in a thread of their own; every failure, from all of them."""
    failures: list[str] = []
    threads = [
        threading.Thread(target=person, args=(commands, failures, env)) for commands, env in people
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=900)
    return failures


def test_two_people_review_search_and_import_one_case_at_once(tmp_path: Path) -> None:
    case = str(tmp_path / "case")
    run("case", "new", case, "--regime", "sar", "--reference", "SAR-2026-0900",
        "--received", "2026-04-01", "--requester", "Priya Shah")  # fmt: skip
    run("users", case, "add", "rev1", "--role", "reviewer")
    run("import", case, str(CHATS[0]))
    run("detect", case)
    listed = [json.loads(line) for line in run("review", case, "list", "--json").splitlines()]
    senders = [item for item in listed if item["field"] == "sender"]
    # She accepts the items of one third party's messages while he rejects another's.
    mine = [int(i["id"]) for i in senders if i["text"] == "Tom Reid"][:3]
    hers = [int(i["id"]) for i in senders if i["text"] == "Jo Bloggs"][:3]
    assert len(mine) == len(hers) == 3
    search = ["search", case, "--text", "damp OR boiler", "--json"]
    handler = [
        step
        for item in mine
        for step in (
            ["review", case, "accept", str(item), "--code", "default", "--reason", "a neighbour"],
            search,
        )
    ]
    reviewer = [
        ["import", case, str(CHATS[1]), "--as", "rev1"],
        *(
            step
            for item in hers
            for step in (
                [
                    "review",
                    case,
                    "reject",
                    str(item),
                    "--reason",
                    "not others' data",
                    "--as",
                    "rev1",
                ],
                [*search, "--user", "rev1"],
            )
        ),
    ]
    failures = at_once((handler, {}), (reviewer, {}))
    assert not failures, "\n".join(failures)

    status = {
        int(json.loads(line)["id"]): json.loads(line)["status"]
        for line in run("review", case, "list", "--json").splitlines()
    }
    assert [status[i] for i in mine] == ["accepted"] * len(mine)
    assert [status[i] for i in hers] == ["rejected"] * len(hers)
    shown = json.loads(run("case", "show", case, "--json"))
    assert len(shown["sources"]) == 2
    assert "Audit log intact" in run("audit", case, "verify")
    # Each decision is in the chain once, under the person who made it.
    logged = [line.split()[3:5] for line in run("audit", case, "list").splitlines()]
    assert [who for who, action in logged if action == "review-reject"] == ["rev1"] * 3
    accepts = [who for who, action in logged if action == "review-accept"]
    assert len(accepts) == 3
    assert "rev1" not in accepts
