"""Destroying a case on the team store (R69): the certificate, and the server's own checks.

A case handler destroys a closed case past its retention date from the command line: the
schema, the register entry and every kept original go, the certificate holds counts and hashes
but no name, and the reference then says when it was destroyed. The server checks the rules
again whatever the program asks: a direct call to ``sar_desk.destroy_case`` by a login with the
right role is refused unless the destruction was announced in the audit log for that
certificate, the case is closed and not on hold, and (unless the DPO destroys early) the
retention date has passed. When the server refuses, no certificate is left behind and the case
still opens.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from pg_cluster_info import PgCluster, team_database

from sar_desk.app.team_case import open_team_case
from sar_desk.app.team_purge import purge_team_case
from sar_desk.cli.main import cli
from sar_desk.core.retention import PurgeRefusedError

DB = "purge_test"
PASSWORD = "purge-login-secret"
LOGINS = {"pu_cara": "case-handler", "pu_rex": "reviewer", "pu_dee": "dpo"}
CHAT = Path(__file__).resolve().parents[1] / "data/importers/whatsapp"
CHAT = CHAT / "WhatsApp Chat with Repairs Group.txt"
REQUESTER = "Yolanda Plantedname"  # synthetic; must reach no certificate


@pytest.fixture(scope="module")
def server(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    with team_database(pg_cluster, DB, LOGINS, PASSWORD) as ready:
        yield ready


def run(server: PgCluster, login: str, *args: str, code: int = 0) -> str:
    """One command as `login`; asserts the exit code and returns stdout and stderr together."""
    env = {"SAR_DESK_SERVER": server.url(login, PASSWORD, DB)}
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    return result.stdout + result.stderr


def new_case(server: PgCluster, reference: str, *, closed_on: str | None) -> None:
    """A SAR received in 2019 with one imported chat, closed on `closed_on` when given."""
    run(server, "pu_cara", "case", "new", reference, "--regime", "sar", "--reference",
        reference, "--received", "2019-01-07", "--requester", REQUESTER)  # fmt: skip
    run(server, "pu_cara", "import", reference, str(CHAT))
    if closed_on:
        run(server, "pu_cara", "case", "close", reference, "--closed-on", closed_on)


def schemas(server: PgCluster) -> set[str]:
    with psycopg.connect(server.url(db=DB)) as conn:
        rows = conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'case_%'")
        return {str(name) for (name,) in rows}


def call_destroy(server: PgCluster, login: str, schema: str, certificate: str) -> str:
    """Call the server's function directly, as a program other than SAR Desk could."""
    with psycopg.connect(server.url(login, PASSWORD, DB)) as conn:
        try:
            conn.execute("SELECT sar_desk.destroy_case(%s, %s)", (schema, certificate))
        except psycopg.Error as exc:
            message = exc.diag.message_primary or ""
            return f"{exc.sqlstate} {message}"
    return "done"


def announce(server: PgCluster, login: str, schema: str, certificate: str, early: bool) -> None:
    """Append a "case-purge-started" entry through the audit function, as the login."""
    details = json.dumps({"certificate_id": certificate, "early": early})
    with psycopg.connect(server.url(login, PASSWORD, DB)) as conn:
        conn.execute(
            f"SELECT * FROM {schema}.sar_desk_audit_append(%s, %s, %s)",
            ("2026-12-06T21:00:00+00:00", "case-purge-started", details),
        )


def test_a_case_handler_destroys_a_case_past_its_retention_date(
    server: PgCluster, tmp_path: Path
) -> None:
    new_case(server, "SAR-2019-0007", closed_on="2019-03-01")
    assert "case_sar_2019_0007" in schemas(server)
    certificate = tmp_path / "certificate.json"
    out = run(server, "pu_cara", "case", "purge", "SAR-2019-0007", "--yes", "--certificate",
              str(certificate))  # fmt: skip
    assert "destroyed on the team store" in out
    assert "case_sar_2019_0007" not in schemas(server)
    written = json.loads(certificate.read_text(encoding="utf-8"))
    assert written["status"] == "complete"
    assert written["team_store"] is True
    assert written["case"]["reference"] == "SAR-2019-0007"
    assert written["case"]["destroyed_early"] is False
    assert written["destroyed_by"] == {"user": "pu_cara", "role": "case-handler"}
    assert written["contents"]["files"] >= 1
    assert written["contents"]["bytes"] >= CHAT.stat().st_size
    (original,) = written["originals"]
    assert original["sha256"] == hashlib.sha256(CHAT.read_bytes()).hexdigest()
    assert written["lifecycle"][-1]["action"] == "case-purge-started"
    assert "team server" in written["method"]
    text = certificate.read_text(encoding="utf-8")
    assert REQUESTER not in text
    assert "Yolanda" not in text
    assert CHAT.name not in text
    with psycopg.connect(server.url(db=DB)) as conn:
        register = conn.execute("SELECT count(*) FROM sar_desk.cases WHERE reference = %s",
                                ("SAR-2019-0007",)).fetchone()  # fmt: skip
        record = conn.execute("SELECT certificate_id, destroyed_by FROM "
                              "sar_desk.destroyed_cases WHERE reference = %s",
                              ("SAR-2019-0007",)).fetchone()  # fmt: skip
    assert register == (0,)
    assert record == (written["certificate_id"], "pu_cara")
    said = run(server, "pu_rex", "case", "show", "SAR-2019-0007", code=1)
    assert "was destroyed on the team store" in said
    assert written["certificate_id"] in said


def test_the_server_refuses_a_destruction_its_rules_do_not_allow(server: PgCluster) -> None:
    new_case(server, "SAR-2019-0008", closed_on=None)
    schema = "case_sar_2019_0008"
    # Nothing announced: refused even to the case handler, and the reviewer has no right at all.
    assert call_destroy(server, "pu_rex", schema, "c1").startswith("42501 ")
    announce(server, "pu_cara", schema, "c1", early=False)
    assert "still open" in call_destroy(server, "pu_cara", schema, "c1")
    run(server, "pu_cara", "case", "close", "SAR-2019-0008", "--closed-on", "2019-03-01")
    run(server, "pu_cara", "case", "hold", "SAR-2019-0008", "--reason", "a complaint")
    announce(server, "pu_cara", schema, "c2", early=False)
    assert "legal hold" in call_destroy(server, "pu_cara", schema, "c2")
    run(server, "pu_cara", "case", "release", "SAR-2019-0008", "--reason", "it ended")
    assert "not announced" in call_destroy(server, "pu_cara", schema, "c2")  # not newest
    announce(server, "pu_cara", schema, "c3", early=False)
    assert "not announced" in call_destroy(server, "pu_cara", schema, "other")
    assert "not announced" in call_destroy(server, "pu_dee", schema, "c3")  # by another
    assert schema in schemas(server)
    assert call_destroy(server, "pu_cara", schema, "c3") == "done"  # every rule met
    assert schema not in schemas(server)


def test_early_destruction_is_the_dpos_and_a_refusal_leaves_the_case_whole(
    server: PgCluster, tmp_path: Path
) -> None:
    closed = date.today().isoformat()
    new_case(server, "SAR-2019-0009", closed_on=closed)
    schema = "case_sar_2019_0009"
    announce(server, "pu_cara", schema, "e1", early=True)
    assert "Only the DPO" in call_destroy(server, "pu_cara", schema, "e1")  # early
    announce(server, "pu_cara", schema, "e2", early=False)
    assert "has not ended" in call_destroy(server, "pu_cara", schema, "e2")

    # This PC's clock claims the retention is over; the server's does not agree.
    certificate = tmp_path / "certificate.json"
    url = server.url("pu_cara", PASSWORD, DB)
    with pytest.raises(PurgeRefusedError, match="retention period has not ended"):
        purge_team_case(url, "SAR-2019-0009", certificate, today=date(2099, 1, 1))
    assert not certificate.exists()
    session = open_team_case(url, "SAR-2019-0009")
    try:
        assert session.case.reference == "SAR-2019-0009"
    finally:
        session.close()

    dpo = server.url("pu_dee", PASSWORD, DB)
    cert = purge_team_case(dpo, "SAR-2019-0009", certificate, early=True, reason="court order")
    assert cert["case"]["destroyed_early"] is True
    assert cert["destroyed_by"] == {"user": "pu_dee", "role": "dpo"}
    assert "court order" not in certificate.read_text(encoding="utf-8")
    assert schema not in schemas(server)


def test_a_certificate_that_cannot_be_written_destroys_nothing(
    server: PgCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sar_desk.app import team_purge
    from sar_desk.core.errors import BadInputError

    new_case(server, "SAR-2019-0010", closed_on="2019-03-01")

    def disk_full(_path: Path, _text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(team_purge, "write_atomic", disk_full)
    url = server.url("pu_cara", PASSWORD, DB)
    with pytest.raises(BadInputError, match="nothing was destroyed"):
        purge_team_case(url, "SAR-2019-0010", tmp_path / "certificate.json")
    assert "case_sar_2019_0010" in schemas(server)
