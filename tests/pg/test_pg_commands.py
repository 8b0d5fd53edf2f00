"""Every CASE command of the CLI contract on a team case: it works, or refuses in one line.

Walks the rest of the command set (beyond the done-when workflow) on a case on the private
cluster, as the logins whose roles allow each step: case details and the clock, sources,
people (the requester marked from her alias, as on a case folder), search, scope with its
second person, the review's decisions and legal records, QA and elusion, export, verify,
delivery, the audit log, and the case's life cycle up to its destruction. Before that, every
id counter on the server is at or above its table's largest id, so a row left to the default
cannot collide.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from pg_cluster_info import PgCluster, team_database

from sar_desk.cli.main import cli

DB = "commands_test"
PASSWORD = "commands-secret"
LOGINS = {"cm_ann": "case-handler", "cm_ben": "reviewer", "cm_dot": "dpo"}
CHAT = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "importers"
    / "whatsapp"
    / "WhatsApp Chat with Repairs Group.txt"
)
REF = "SAR-2026-0801"
SCHEMA = "case_sar_2026_0801"


class Walk:
    """Runs commands as logins and keeps every unexpected outcome, to report them all at once."""

    def __init__(self, cluster: PgCluster) -> None:
        self.cluster = cluster
        self.problems: list[str] = []

    def __call__(self, login: str, *args: str, code: int = 0, says: str = "", **extra: str) -> str:
        env = {"SAR_DESK_SERVER": self.cluster.url(login, PASSWORD, DB), **extra}
        result = CliRunner().invoke(cli, list(args), env=env)
        err = result.stderr.strip()
        if result.exit_code != code or says not in (result.stdout + result.stderr):
            self.problems.append(f"{login} {' '.join(args)} -> {result.exit_code}: {err[-300:]}")
        elif code == 1 and len(err.splitlines()) != 1:
            self.problems.append(f"{' '.join(args)}: refusal is not one line: {err}")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            self.problems.append(f"{' '.join(args)} raised {result.exception!r}")
        return str(result.stdout)


@pytest.fixture(scope="module")
def cluster(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    with team_database(pg_cluster, DB, LOGINS, PASSWORD) as ready:
        yield ready


def _rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip().startswith("{")]


def test_the_command_set_on_a_team_case(cluster: PgCluster, tmp_path: Path) -> None:
    run = Walk(cluster)
    ann, ben, dot = LOGINS
    run(ann, "case", "new", REF, "--regime", "sar", "--reference", REF, "--received",
        "2026-04-01", "--requester", "Priya Shah", "--alias", "+44 7911 123456")  # fmt: skip
    run(ann, "case", "update", REF, "--id-received", "2026-04-02", says="")
    run(ann, "import", REF, str(CHAT))
    shown = json.loads(run(ann, "case", "show", REF, "--json") or "{}")
    assert shown.get("reference") == REF

    # Sources.
    run(ann, "sources", "list", REF)
    run(ann, "sources", "exclude", REF, "1", "--reason", "a test of the record")
    run(ann, "sources", "include", REF, "1")

    # People: the requester is marked from her alias on import, as on a case folder.
    people = _rows(run(ann, "people", REF, "--json"))
    marked = [p for p in people if p.get("role") == "requester"]
    assert [p["name"] for p in marked] == ["+44 7911 123456"], people
    ids = {str(p["name"]): str(p["id"]) for p in people}
    # Her name alone is a suggestion to confirm, as on a case folder (names are not unique).
    run(ann, "people", REF, "suggestions", says="(Priya Shah) as the requester")
    run(ann, "people", REF, "mark", ids["Tom Reid"], "--role", "staff")
    run(ann, "people", REF, "merge", ids["+44 7911 123456"], ids["Priya Shah"])
    run(ann, "people", REF, "history")
    run(ann, "people", REF, "resolve")

    # Search and scope, with the second person for an exclusion.
    hits = _rows(run(ann, "search", REF, "--text", "damp", "--json"))
    assert hits
    run(ann, "search", REF, "--person", "requester", "--json")
    run(ann, "scope", "add", REF, "--search", "--platform", "whatsapp")
    first = str(hits[0]["id"])
    run(ann, "scope", "mark", REF, "--message", first, "--as", "about-requester")
    others = [str(h["id"]) for h in _rows(run(ann, "search", REF, "--text", "Sam", "--json"))]
    if others and others[0] != first:
        run(ann, "scope", "mark", REF, "--message", others[0], "--as", "not-relevant",
            "--reason", "about the rota")  # fmt: skip
        run(ann, "scope", "exclusions", REF, "--pending")
        run(ben, "scope", "approve", REF, "--note", "checked the exclusion")
    run(ann, "scope", "show", REF)

    # Detection and the review's decisions and records.
    run(ann, "detect", REF)
    items = _rows(run(ann, "review", REF, "list", "--json"))
    assert len(items) >= 2
    run(ann, "review", REF, "codes")
    # The first proposal is a street address: a third-party code needs its individual first.
    run(ann, "review", REF, "link", str(items[0]["id"]), "--other-individual",
        "--reason", "a neighbour's address")  # fmt: skip
    run(ann, "review", REF, "accept", str(items[0]["id"]), "--code", "default",
        "--reason", "a neighbour")  # fmt: skip
    run(ann, "review", REF, "reject", *(str(i["id"]) for i in items[1:]),
        "--reason", "not third-party data")  # fmt: skip
    run(ann, "review", REF, "reopen", str(items[-1]["id"]), "--reason", "look again")
    run(ann, "review", REF, "reject", str(items[-1]["id"]), "--reason", "still not")
    run(ann, "review", REF, "redact", "--message", first, "--start", "0", "--end", "7",
        "--code", "default", "--reason", "a name")  # fmt: skip
    # A neighbour named twice in a pasted message: redacted where first named, the second
    # mention is a place the safety net finds for a decision.
    (pasted,) = _rows(run(ann, "search", REF, "--text", "pasted", "--json"))
    at = str(pasted["text"]).index("Someone Else")
    run(ann, "review", REF, "redact", "--message", str(pasted["id"]), "--start", str(at),
        "--end", str(at + 12), "--code", "default", "--reason", "a neighbour's name")  # fmt: skip
    run(ann, "review", REF, "places", "--redact", "--reason", "the same neighbour")
    run(ann, "review", REF, "link", str(items[0]["id"]), "--other-individual",
        "--reason", "a neighbour not in the chat")  # fmt: skip
    run(ann, "review", REF, "third-party", "Neighbour", "--response", "not-sought",
        "--decision", "redact", "--reason", "no consent, confidential")  # fmt: skip
    run(ann, "review", REF, "third-parties")
    run(ann, "review", REF, "staff-policy")
    run(ann, "review", REF, "pits")
    run(ann, "review", REF, "attachments")
    run(dot, "review", REF, "qa", "--mode", "full")
    run(ben, "review", REF, "approve", "--all-accepted", "--yes")
    run(ann, "review", REF, "elusion", "draw", "--size", "5")
    run(ann, "review", REF, "elusion", "show")
    run(dot, "review", REF, "sign-off", "--note", "checked")

    # Export, checks, delivery and the log.
    bundle = tmp_path / "bundle"
    run(ann, "export", REF, str(bundle))
    run(ann, "verify", str(bundle))
    run(ben, "verify", str(bundle), "--case", REF)
    pack = tmp_path / "encrypted"
    run(ann, "export", REF, str(pack), "--encrypt", SAR_DESK_PACK_PASSWORD="pack-secret-42x")
    run(ann, "verify", str(pack))
    run(ann, "case", "passphrase", REF, code=1, says="no passphrase of its own")
    run(ann, "delivery", REF, "--method", "secure-email", "--recipient", "requester@example.org",
        "--password-by", "phone")  # fmt: skip
    run(ben, "audit", REF, "list")
    run(ben, "audit", REF, "verify", "--bundle", str(bundle), says="Audit log intact")

    # A case's own users mean nothing on the team store: roles are the server's.
    run(ann, "users", REF, "list", code=1, says="users are the server's logins")
    run(ann, "users", REF, "add", "someone", "--role", "reviewer", code=1, says="server grant")

    # The life cycle: close, hold and release, then the DPO destroys it early.
    run(ann, "case", "close", REF, "--closed-on", "2026-05-01")
    run(ann, "case", "hold", REF, "--reason", "a complaint")
    run(ann, "case", "release", REF, "--reason", "the complaint ended")
    run(ben, "audit", REF, "verify", says="Audit log intact")
    _ids_follow_the_rows(cluster)
    certificate = tmp_path / "certificate.json"
    run(ann, "case", "purge", REF, "--yes", "--certificate", str(certificate), code=1,
        says="Only the DPO")  # fmt: skip
    assert not certificate.exists()
    run(dot, "case", "purge", REF, "--yes", "--certificate", str(certificate), "--early",
        "--reason", "test", says="destroyed on the team store")  # fmt: skip
    assert json.loads(certificate.read_text(encoding="utf-8"))["status"] == "complete"
    run(ann, "case", "show", REF, code=1, says="was destroyed on the team store")
    assert not run.problems, "\n".join(run.problems)


def _ids_follow_the_rows(cluster: PgCluster) -> None:
    # Every serial id's counter is at least the largest id its table holds (the writer and
    # the audit log number their rows themselves).
    behind = []
    with psycopg.connect(cluster.url(db=DB)) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = %s "
            "AND column_name = 'id' AND column_default LIKE 'nextval%%'",
            (SCHEMA,),
        ).fetchall()
        for (table,) in tables:
            largest, counter = conn.execute(
                f"SELECT (SELECT coalesce(max(id), 0) FROM {SCHEMA}.{table}), "
                f"(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
                f"{SCHEMA}.{table}_id_seq)"
            ).fetchone() or (0, 0)
            if counter < largest:
                behind.append(f"{table}: counter {counter} < largest id {largest}")
    assert not behind, behind


def test_an_foi_case_on_the_team_store(cluster: PgCluster, tmp_path: Path) -> None:
    # The FOI-only commands: the clock's fees pause, the outcome, the legal records (public
    # interest test, qualified person, legitimate interests) and the letter's export.
    run = Walk(cluster)
    ann, ben, _ = LOGINS
    ref = "FOI-2026-0802"
    run(ann, "case", "new", ref, "--regime", "foi", "--reference", ref, "--received",
        "2026-04-01")  # fmt: skip
    run(ann, "case", "update", ref, "--fee-notice", "2026-04-03", "--fee-received", "2026-04-08")
    run(ann, "import", ref, str(CHAT))
    run(ann, "review", ref, "pit", "--code", "FOI-43", "--for", "transparency about repairs",
        "--against", "the contractor's prices", "--conclusion", "withhold the prices")  # fmt: skip
    run(ann, "review", ref, "qualified-person", "--name", "the Chief Executive",
        "--date", "2026-04-10", "--opinion", "disclosure would inhibit advice")  # fmt: skip
    run(ben, "review", ref, "pits", "--json", says="FOI-43")
    run(ann, "case", "outcome", ref, "--ncnd", "--code", "FOI-40-2",
        "--reason", "Confirming would reveal whether a named officer was disciplined")  # fmt: skip
    run(ann, "review", ref, "legitimate-interests", "--code", "FOI-40-2",
        "--purpose", "accountability", "--necessity", "the statistics meet it",
        "--balance", "the officer would expect privacy")  # fmt: skip
    run(ann, "export", ref, str(tmp_path / "letter"))
    run(ann, "verify", str(tmp_path / "letter"))
    run(ben, "audit", ref, "verify", says="Audit log intact")
    assert not run.problems, "\n".join(run.problems)
