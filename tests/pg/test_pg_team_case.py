"""Issue 17's "done when", end to end through the command line on a private PostgreSQL cluster.

The admin sets up the server and grants three logins their roles; with ``SAR_DESK_SERVER`` set,
the case handler creates, imports, searches, detects and decides; she cannot approve her own
decisions nor act as another login; a login with no role cannot open the case; two logins work
at once in two processes; the reviewer approves, the DPO signs off; the export and ``audit
verify`` pass; and no team login can change or delete audit rows with direct SQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from pg_cluster_info import PgCluster

from sar_desk.cli.main import cli

DB = "workflow_test"
PASSWORD = "workflow-login-secret"
REF = "SAR-2026-0417"
LOGINS = ("wf_alice", "wf_bob", "wf_dora", "wf_nora")
DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
CHAT = DATA / "whatsapp" / "WhatsApp Chat with Repairs Group.txt"


def _env(server: PgCluster, login: str) -> dict[str, str]:
    """A login's environment: the libpq way (PGUSER/PGPASSWORD), the server by variable."""
    return {
        "SAR_DESK_SERVER": f"postgresql://{server.host}:{server.port}/{DB}",
        "PGUSER": login,
        "PGPASSWORD": PASSWORD,
    }


def run(server: PgCluster, login: str, *args: str, code: int = 0) -> tuple[str, str]:
    """One command as `login`; asserts its exit code and returns (stdout, stderr)."""
    result = CliRunner().invoke(cli, list(args), env=_env(server, login))
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    return result.stdout, result.stderr


def spawn(server: PgCluster, login: str, *args: str) -> subprocess.Popen[str]:
    """One command as `login` in a process of its own (the real entry point)."""
    env = {**os.environ, **_env(server, login)}
    return subprocess.Popen(
        [sys.executable, "-c", "from sar_desk.cli.main import main; main()", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def team(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    """A database of its own with four logins (created by the cluster's admin, as IT would)."""
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DB}")
        for login in LOGINS:
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'")
    yield pg_cluster
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {DB} WITH (FORCE)")
        for login in LOGINS:
            conn.execute(f"DROP ROLE {login}")


def _admin(team: PgCluster, *args: str) -> None:
    result = CliRunner().invoke(cli, ["server", *args])
    assert result.exit_code == 0, result.stderr


def _ids(out: str) -> list[int]:
    return [json.loads(line)["id"] for line in out.splitlines() if line.strip()]


def test_a_case_is_worked_on_the_team_store_from_start_to_export(
    team: PgCluster, tmp_path: Path
) -> None:
    admin = team.url(db=DB)
    _admin(team, "init", admin)
    for login, role in (
        ("wf_alice", "case-handler"),
        ("wf_alice", "reviewer"),
        ("wf_bob", "reviewer"),
        ("wf_dora", "dpo"),
    ):
        _admin(team, "grant", admin, login, "--role", role)

    # Only a case handler creates; the case is named by its reference on the server.
    new = ("case", "new", REF, "--regime", "sar", "--reference", REF, "--received", "2026-04-01")
    _, err = run(team, "wf_bob", *new, "--requester", "Alex Morgan", code=1)
    assert "Only a case handler creates cases" in err
    out, _ = run(team, "wf_alice", *new, "--requester", "Alex Morgan")
    assert f"Created case {REF} on the team store" in out
    assert not Path(REF).exists()  # no local folder was made instead

    # A login with no team role cannot open the case: one line, nothing shown.
    out, err = run(team, "wf_nora", "case", "show", REF, code=1)
    assert out == ""
    assert "wf_nora has no role on this team store" in err
    assert len(err.strip().splitlines()) == 1

    out, _ = run(team, "wf_alice", "import", REF, str(CHAT))
    assert "as source 1 (whatsapp)" in out
    out, _ = run(team, "wf_alice", "search", REF, "--text", "damp", "--json")
    assert ["damp report" in json.loads(line)["text"] for line in out.splitlines()] == [True]
    run(team, "wf_alice", "detect", REF)
    proposals = _ids(run(team, "wf_alice", "review", REF, "list", "--json")[0])
    assert proposals
    first, rest = proposals[0], proposals[1:]
    run(team, "wf_alice", "review", REF, "accept", str(first), "--code", "default",
        "--reason", "another individual's data")  # fmt: skip
    if rest:
        run(team, "wf_alice", "review", REF, "reject", *map(str, rest),
            "--reason", "not personal data of anyone else")  # fmt: skip

    # Four eyes against the login: not her own decisions, and not as anyone else.
    _, err = run(team, "wf_alice", "review", REF, "approve", str(first), code=1)
    assert "wf_alice cannot also approve it" in err
    assert "four eyes" in err
    _, err = run(team, "wf_alice", "review", REF, "approve", str(first), "--as", "wf_bob", code=1)
    assert "--as is refused there" in err

    # Two logins at once, each in its own process: the reviewer approves while the case
    # handler puts the chat in scope and searches.
    workers = [
        spawn(team, "wf_bob", "review", REF, "approve", "--all-accepted", "--yes"),
        spawn(team, "wf_alice", "scope", "add", REF, "--search", "--platform", "whatsapp"),
        spawn(team, "wf_alice", "search", REF, "--text", "Priya", "--json"),
    ]
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        assert "locked" not in err

    out, _ = run(team, "wf_bob", "review", REF, "list", "--json")
    states = {json.loads(line)["id"]: json.loads(line)["status"] for line in out.splitlines()}
    assert states[first] == "approved"

    # Only the DPO signs off; then the export and every check pass.
    _, err = run(team, "wf_bob", "review", REF, "sign-off", "--note", "checked", code=1)
    out, _ = run(team, "wf_dora", "review", REF, "sign-off", "--note", "checked the redactions")
    assert "Signed off by wf_dora" in out
    bundle = tmp_path / "bundle"
    run(team, "wf_alice", "export", REF, str(bundle))
    assert (bundle / "manifest.json").exists()
    run(team, "wf_alice", "verify", str(bundle))
    # Checked against the case from another login's session: the signing key and the
    # bundle's master were kept on the server, not in the exporting session's scratch folder.
    out, _ = run(team, "wf_bob", "verify", str(bundle), "--case", REF)
    assert "checks passed" in out
    out, _ = run(team, "wf_bob", "audit", REF, "verify")
    assert "Audit log intact" in out

    # Who did what is the login, in the chain.
    _, users = _audit_users(team)
    assert {"wf_alice", "wf_bob", "wf_dora"} <= users


def _audit_users(team: PgCluster) -> tuple[int, set[str]]:
    schema = "case_sar_2026_0417"
    with psycopg.connect(team.url("wf_bob", PASSWORD, DB)) as conn:
        rows = conn.execute(f'SELECT "user" FROM {schema}.audit_log').fetchall()
    return len(rows), {str(r[0]) for r in rows}


@pytest.mark.parametrize("login", ["wf_alice", "wf_bob", "wf_dora"])
@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM case_sar_2026_0417.audit_log",
        "UPDATE case_sar_2026_0417.audit_log SET \"user\" = 'someone'",
        "TRUNCATE case_sar_2026_0417.audit_log",
        "DELETE FROM case_sar_2026_0417.decision_events",
    ],
)
def test_no_team_login_changes_the_worked_cases_audit_by_direct_sql(
    team: PgCluster, login: str, statement: str
) -> None:
    before = _audit_users(team)
    assert before[0] > 0, "runs after the workflow above"
    with psycopg.connect(team.url(login, PASSWORD, DB)) as conn, pytest.raises(psycopg.Error):
        conn.execute(statement)
    assert _audit_users(team) == before
    out, _ = run(team, login, "audit", REF, "verify")
    assert "Audit log intact" in out


def test_the_server_itself_refuses_her_approving_her_own_decision(team: PgCluster) -> None:
    # A script with her login, bypassing SAR Desk, meets the same four-eyes rule.
    schema = "case_sar_2026_0417"
    with psycopg.connect(team.url("wf_alice", PASSWORD, DB)) as conn:
        item = conn.execute(
            f"SELECT item_id FROM {schema}.decision_events WHERE action = 'accept' "
            "AND \"user\" = 'wf_alice' LIMIT 1"
        ).fetchone()
        assert item is not None, "runs after the workflow above"
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Four eyes"):
            conn.execute(
                f'INSERT INTO {schema}.decision_events (item_id, action, "user", at, "before", '
                "\"after\", rationale, note, bulk, table_version) VALUES (%s, 'approve', "
                "'wf_alice', 'now', 'accepted', 'accepted', 'r', '', false, 'v1')",
                (item[0],),
            )


def test_the_server_refuses_her_confirming_her_own_rejection(team: PgCluster) -> None:
    # Rejecting a proposal discloses its text: a second login confirms it, on the server too.
    schema = "case_sar_2026_0417"
    with psycopg.connect(team.url("wf_alice", PASSWORD, DB)) as conn:
        item = conn.execute(
            f"SELECT item_id FROM {schema}.decision_events WHERE action = 'reject' "
            "AND \"user\" = 'wf_alice' LIMIT 1"
        ).fetchone()
        assert item is not None, "runs after the workflow above"
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Four eyes"):
            conn.execute(
                f'INSERT INTO {schema}.decision_events (item_id, action, "user", at, "before", '
                "\"after\", rationale, note, bulk, table_version) VALUES (%s, 'approve', "
                "'wf_alice', 'now', 'rejected', 'rejected', 'r', '', false, 'v1')",
                (item[0],),
            )


def test_a_later_session_has_the_bundles_master_and_the_one_signing_key(team: PgCluster) -> None:
    from sar_desk.app.team_case import open_team_case

    sessions = [
        open_team_case(team.url(login, PASSWORD, DB), REF) for login in ("wf_bob", "wf_dora")
    ]
    try:
        kept = [s.base.case_folder.masters for s in sessions]
        masters = [sorted(folder.rglob("protected-terms.json")) for folder in kept]
        assert len(masters[0]) == 1, "runs after the workflow above"
        keys = {(s.folder / "bundle-signing-key.pem").read_bytes() for s in sessions}
        assert len(keys) == 1
        scratch = [s.folder for s in sessions]
    finally:
        for session in sessions:
            session.close()
    assert not any(folder.exists() for folder in scratch)  # the scratch folders are removed


def test_two_imports_into_one_case_at_once_both_land_whole(team: PgCluster) -> None:
    ref = "SAR-2026-0418"
    new = ("case", "new", ref, "--regime", "sar", "--reference", ref, "--received", "2026-04-02")
    run(team, "wf_alice", *new)
    _, err = run(team, "wf_alice", *new, code=1)
    assert "already on the team store" in err
    chats = [CHAT, DATA / "whatsapp" / "android_en_gb_12h_lower.txt"]
    workers = [spawn(team, "wf_alice", "import", ref, str(chat)) for chat in chats]
    for worker in workers:
        _, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
    out, _ = run(team, "wf_bob", "case", "show", ref, "--json")
    shown = json.loads(out)
    assert len(shown["sources"]) == 2
    out, _ = run(team, "wf_bob", "audit", ref, "verify")
    assert "Audit log intact" in out
