"""``sar-desk server init/grant/revoke/whoami`` against the private cluster, as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from pg_cluster_info import PgCluster

from sar_desk.cli.main import cli

DB = "cli_test"
PASSWORD = "cli-login-secret"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def server(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DB}")
        for login in ("cli_carol", "cli_ravi"):
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'")
    yield pg_cluster
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {DB} WITH (FORCE)")
        for login in ("cli_carol", "cli_ravi"):
            conn.execute(f"DROP ROLE {login}")


def test_the_admin_sets_up_the_server_and_grants_roles(server: PgCluster) -> None:
    admin = server.url(db=DB)
    code, out, err = run("server", "init", admin)
    assert (code, err) == (0, "")
    assert f"{server.host}:{server.port}/{DB}" in out
    assert server.admin_password not in out
    assert run("server", "init", admin)[0] == 0  # running it again is harmless
    assert run("server", "grant", admin, "cli_carol", "--role", "case-handler")[0] == 0
    assert run("server", "grant", admin, "cli_carol", "--role", "reviewer")[0] == 0
    # The login's own credentials, the libpq way: PGUSER/PGPASSWORD, no user in the URL.
    plain = f"postgresql://{server.host}:{server.port}/{DB}"
    env = {"PGUSER": "cli_carol", "PGPASSWORD": PASSWORD, "SAR_DESK_SERVER": plain}
    code, out, _ = run("server", "whoami", "--json", env=env)
    assert code == 0
    assert json.loads(out) == {"login": "cli_carol", "roles": ["case-handler", "reviewer"]}
    assert run("server", "revoke", admin, "cli_carol", "--role", "reviewer")[0] == 0
    code, out, _ = run("server", "whoami", env=env)
    assert out.strip() == "cli_carol: case-handler"


def test_revoke_as_the_contract_writes_it_takes_every_team_role(server: PgCluster) -> None:
    # cli-contract.md: `server revoke URL LOGIN` (no role): the login leaves the team.
    admin = server.url(db=DB)
    run("server", "init", admin)
    for role in ("case-handler", "dpo"):
        assert run("server", "grant", admin, "cli_ravi", "--role", role)[0] == 0
    code, out, err = run("server", "revoke", admin, "cli_ravi")
    assert (code, err) == (0, "")
    assert "took away: case-handler, dpo" in out
    code, _, err = run("server", "whoami", server.url("cli_ravi", PASSWORD, DB))
    assert code == 1
    assert "cli_ravi has no role on this team store" in err
    code, out, _ = run("server", "revoke", admin, "cli_ravi")
    assert (code, out.strip()) == (0, "cli_ravi had no team role; nothing was changed.")


def test_a_login_with_no_role_is_refused_in_one_line(server: PgCluster) -> None:
    run("server", "init", server.url(db=DB))
    code, out, err = run("server", "whoami", server.url("cli_ravi", PASSWORD, DB))
    assert code == 1
    assert out == ""
    assert "cli_ravi has no role on this team store" in err
    assert len(err.strip().splitlines()) == 1


def test_mistakes_are_one_clear_line(server: PgCluster) -> None:
    admin = server.url(db=DB)
    code, _, err = run("server", "grant", admin, "nobody_here", "--role", "dpo")
    assert code == 1
    assert "no login 'nobody_here'" in err
    code, _, err = run("server", "grant", admin, "cli_ravi", "--role", "owner")
    assert code == 2  # not a team role: a usage error
    code, _, err = run("server", "whoami", server.url("cli_ravi", "wrong", DB))
    assert code == 1
    assert "could not be reached or refused the login" in err
    assert "wrong" not in err
    code, _, err = run("server", "init", server.url("cli_ravi", PASSWORD, DB))
    assert code == 1
    assert len(err.strip().splitlines()) == 1


def test_with_a_server_chosen_mistakes_are_refused_before_any_connection(tmp_path: Path) -> None:
    # No cluster needed (and none reached): these refusals come before any connection.
    env = {"SAR_DESK_SERVER": "postgresql://team.example:5432/sar"}
    new = ["case", "new", "SAR-1", "--regime", "sar", "--reference", "SAR-1"]
    code, _, err = run(*new, "--received", "2026-05-05", "--encrypt", env=env)
    assert code == 2
    assert "the team server protects its cases" in err
    code, _, err = run(
        "case", "new", str(tmp_path / "n"), *new[3:], "--received", "2026-05-05", env=env
    )
    assert code == 2
    assert "CASE is the case's reference" in err
    assert not (tmp_path / "n").exists()
    code, _, err = run("review", "SAR-1", "list", "--as", "dpo1", env=env)
    assert code == 1
    assert "team store team.example:5432/sar" in err
    assert "--as is refused there" in err
    code, _, err = run(
        "--server", "postgresql://team.example:5432/sar", "review", "SAR-1", "list", "--as", "x"
    )
    assert code == 1
    assert "--as is refused there" in err
