"""``sar-desk server move``: a case folder to the team store, originals hash-checked (issue 17)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from pg_cluster_info import PgCluster

from sar_desk.cli.main import cli

DB = "move_test"
PASSWORD = "move-login-secret"
DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "whatsapp"
CHATS = [DATA / "WhatsApp Chat with Repairs Group.txt", DATA / "android_en_gb_12h_lower.txt"]


def run(*args: str, env: dict[str, str] | None = None, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    return result.stdout, result.stderr


@pytest.fixture(scope="module")
def team(pg_cluster: PgCluster) -> Iterator[dict[str, str]]:
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DB}")
        conn.execute(f"CREATE ROLE mv_ann LOGIN PASSWORD '{PASSWORD}'")
    admin = pg_cluster.url(db=DB)
    run("server", "init", admin)
    run("server", "grant", admin, "mv_ann", "--role", "case-handler")
    yield {"SAR_DESK_SERVER": pg_cluster.url("mv_ann", PASSWORD, DB)}
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {DB} WITH (FORCE)")
        conn.execute("DROP ROLE mv_ann")


def _local_case(folder: Path, reference: str) -> None:
    run("case", "new", str(folder), "--regime", "sar", "--reference", reference,
        "--received", "2026-04-01", "--requester", "Priya Shah")  # fmt: skip
    run("import", str(folder), *map(str, CHATS))


def test_a_case_folder_moves_to_the_server_with_the_same_messages(
    team: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "case"
    _local_case(folder, "SAR-2026-0601")
    here, _ = run("search", str(folder), "--text", "damp OR ceiling", "--json")
    out, _ = run("server", "move", str(folder), env=team)
    assert "Moved case SAR-2026-0601 to the team store" in out
    assert "2 sources (SHA-256 checked)" in out
    there, _ = run("search", "SAR-2026-0601", "--text", "damp OR ceiling", "--json", env=team)
    texts = sorted(json.loads(line)["text"] for line in here.splitlines())
    assert texts
    assert sorted(json.loads(line)["text"] for line in there.splitlines()) == texts
    out, _ = run("audit", "SAR-2026-0601", "verify", env=team)
    assert "Audit log intact" in out
    out, _ = run("audit", "SAR-2026-0601", "list", env=team)
    assert "case-moved" in out
    run("case", "show", str(folder))  # the folder is left as it was
    _, err = run("server", "move", str(folder), env=team, code=1)
    assert "already on the team store" in err


def test_a_case_whose_review_started_does_not_move(team: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "case"
    _local_case(folder, "SAR-2026-0602")
    run("people", str(folder), "mark", "1", "--role", "requester")
    _, err = run("server", "move", str(folder), env=team, code=1)
    assert "already holds decisions (1 person decisions)" in err
    _, err = run("case", "show", "SAR-2026-0602", env=team, code=1)
    assert "There is no case SAR-2026-0602" in err


def test_a_changed_original_stops_the_move(team: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "case"
    _local_case(folder, "SAR-2026-0603")
    kept = next((folder / "originals").glob("0001-*"))
    kept.chmod(0o600)
    kept.write_text(kept.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _, err = run("server", "move", str(folder), env=team, code=1)
    assert "no longer matches the SHA-256" in err
    _, err = run("case", "show", "SAR-2026-0603", env=team, code=1)
    assert "There is no case SAR-2026-0603" in err
