"""``server move REF --to FOLDER``: a team case copied back to a case folder (issue 17 item 7).

The case is worked on the server by two logins (imported, decided, approved, exported), then
copied to a folder: the copy holds the same messages and decisions, its originals match the
SHA-256 recorded at import, the server's audit chain verifies in the folder (also against the
bundle exported on the server), and the server records who took the copy.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from pg_cluster_info import PgCluster

from sar_desk.cli.main import cli

DB = "copy_back_test"
PASSWORD = "copy-back-secret"
LOGINS = {"cb_ann": "case-handler", "cb_ben": "reviewer", "cb_dot": "dpo", "cb_aud": "auditor"}
DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "whatsapp"
CHATS = [DATA / "WhatsApp Chat with Repairs Group.txt"]
REF = "SAR-2026-0701"
PROFILE = {  # synthetic, as the suite's own (a module-wide fixture runs before the autouse one)
    "name": "Testshire County Council",
    "address": "County Hall, 2 Test Road, Testtown TT1 1TT",
    "dpo_email": "dpo@testshire.example",
    "requests_email": "foi@testshire.example",
    "retention_text": "Chat records are kept for six years after the matter closes.",
    "automated_decisions": "We make no solely automated decisions about you from these messages.",
    "transfers": "Our chat data is stored in the UK; nothing is transferred abroad.",
}


def run(*args: str, env: dict[str, str] | None = None, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    return result.stdout, result.stderr


@pytest.fixture(scope="module")
def logins(pg_cluster: PgCluster) -> Iterator[dict[str, dict[str, str]]]:
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DB}")
        for login in LOGINS:
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'")
    admin = pg_cluster.url(db=DB)
    run("server", "init", admin)
    for login, role in LOGINS.items():
        run("server", "grant", admin, login, "--role", role)
    yield {login: {"SAR_DESK_SERVER": pg_cluster.url(login, PASSWORD, DB)} for login in LOGINS}
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {DB} WITH (FORCE)")
        for login in LOGINS:
            conn.execute(f"DROP ROLE {login}")


def _rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def worked(logins: dict[str, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The case worked on the server up to an export; returns the bundle folder."""
    from sar_desk.app.organisation import update_profile

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
        update_profile(PROFILE)
        return _work(logins, tmp_path_factory)


def _work(logins: dict[str, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    ann, ben = logins["cb_ann"], logins["cb_ben"]
    run("case", "new", REF, "--regime", "sar", "--reference", REF, "--received", "2026-04-01",
        "--requester", "Priya Shah", env=ann)  # fmt: skip
    run("import", REF, str(CHATS[0]), env=ann)
    run("detect", REF, env=ann)
    rows = _rows(run("review", REF, "list", "--json", env=ann)[0])
    # A neighbour's street address, linked to its (unnamed) individual, then accepted.
    (address,) = [int(str(r["id"])) for r in rows if r["entity_type"] == "STREET_ADDRESS"]
    ids = [address] + [int(str(r["id"])) for r in rows if int(str(r["id"])) != address]
    assert len(ids) >= 2
    run("review", REF, "link", str(ids[0]), "--other-individual", "--reason", "a neighbour",
        env=ann)  # fmt: skip
    run("review", REF, "accept", str(ids[0]), "--code", "default", "--reason", "a neighbour",
        env=ann)  # fmt: skip
    run("review", REF, "reject", *map(str, ids[1:]), "--reason", "not third-party data",
        env=ann)  # fmt: skip
    run("scope", "add", REF, "--search", "--platform", "whatsapp", env=ann)
    # A neighbour named twice in a pasted message: redacted where first named, the second
    # mention is the place the safety net finds.
    (pasted,) = _rows(run("search", REF, "--text", "pasted", "--json", env=ann)[0])
    at = str(pasted["text"]).index("Someone Else")
    run("review", REF, "redact", "--message", str(pasted["id"]), "--start", str(at), "--end",
        str(at + 12), "--code", "default", "--reason", "a neighbour's name", env=ann)  # fmt: skip
    run("review", REF, "places", "--redact", "--reason", "the same neighbour", env=ann)
    run("review", REF, "approve", "--all-accepted", "--yes", env=ben)
    run("scope", "add", REF, "--search", "--platform", "whatsapp", env=ann)
    run("review", REF, "sign-off", "--note", "checked", env=logins["cb_dot"])
    bundle = tmp_path_factory.mktemp("bundle") / "out"
    run("export", REF, str(bundle), env=ann)
    return bundle


def test_the_copy_holds_the_same_case_and_its_chain_verifies(
    logins: dict[str, dict[str, str]], worked: Path, tmp_path: Path
) -> None:
    ann, ben = logins["cb_ann"], logins["cb_ben"]
    folder = tmp_path / "offline"
    out, _ = run("server", "move", REF, "--to", str(folder), env=ben)
    assert f"Copied case {REF} from the team store" in out
    assert "originals: 1," in out

    # The same decisions and the same messages, read from the folder.
    there = _rows(run("review", REF, "list", "--json", env=ann)[0])
    here = _rows(run("review", str(folder), "list", "--json")[0])
    assert sorted((r["id"], r["status"]) for r in here) == sorted(
        (r["id"], r["status"]) for r in there
    )
    assert "approved" in {r["status"] for r in here}
    query = ("--text", "damp OR ceiling", "--json")
    found_there = sorted(str(r["text"]) for r in _rows(run("search", REF, *query, env=ann)[0]))
    found_here = sorted(str(r["text"]) for r in _rows(run("search", str(folder), *query)[0]))
    assert found_here == found_there != []

    # Originals are the bytes recorded at import on the server.
    shown = json.loads(run("case", "show", str(folder), "--json")[0])
    assert len(shown["sources"]) == 1
    kept = sorted((folder / "originals").iterdir())
    recorded = {hashlib.sha256(CHATS[0].read_bytes()).hexdigest()}
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in kept} == recorded

    # The server's chain, carried entry for entry, verifies in the folder, also against the
    # bundle exported on the server; the folder's newest entry names the copy.
    out, _ = run("audit", str(folder), "verify", "--bundle", str(worked))
    assert "Audit log intact" in out
    out, _ = run("verify", str(worked), "--case", str(folder))
    assert "checks passed" in out
    listed, _ = run("audit", str(folder), "list")
    assert "case-copied-to-folder" in listed
    assert "case-copied-from-team-store" in listed
    server_log, _ = run("audit", REF, "list", env=ann)
    assert "case-copied-to-folder" in server_log
    assert "cb_ben" in server_log

    # A bundle exported from the copy verifies too.
    offline = tmp_path / "offline-bundle"
    run("export", str(folder), str(offline))
    run("verify", str(offline))


def test_a_changed_original_on_the_server_stops_the_copy(
    logins: dict[str, dict[str, str]], worked: Path, tmp_path: Path, pg_cluster: PgCluster
) -> None:
    schema = "case_sar_2026_0701"
    where = f"WHERE seq = 0 AND sha256 = (SELECT min(sha256) FROM {schema}.sources)"
    admin = pg_cluster.url(db=DB)  # the superuser, as a broken disk would
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"UPDATE {schema}.original_chunks SET data = data || 'x'::bytea {where}")
    folder = tmp_path / "offline"
    before = run("audit", REF, "list", env=logins["cb_ann"])[0].count("case-copied-to-folder")
    try:
        _, err = run("server", "move", REF, "--to", str(folder), env=logins["cb_ann"], code=1)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                f"UPDATE {schema}.original_chunks "
                f"SET data = substring(data FROM 1 FOR length(data) - 1) {where}"
            )
    assert "no longer matches its SHA-256" in err
    assert not folder.exists()  # nothing half-made, and no copy recorded on the server
    after = run("audit", REF, "list", env=logins["cb_ann"])[0].count("case-copied-to-folder")
    assert after == before


def test_refusals_are_one_line(
    logins: dict[str, dict[str, str]], worked: Path, tmp_path: Path
) -> None:
    _, err = run("server", "move", REF, "--to", str(tmp_path / "a"), env=logins["cb_aud"], code=1)
    assert "the auditor role cannot write" in err
    _, err = run("server", "move", "SAR-0000", "--to", str(tmp_path / "b"),
                 env=logins["cb_ann"], code=1)  # fmt: skip
    assert "There is no case SAR-0000" in err
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine", encoding="utf-8")
    _, err = run("server", "move", REF, "--to", str(taken), env=logins["cb_ann"], code=1)
    assert "is not empty" in err
    assert (taken / "notes.txt").read_text(encoding="utf-8") == "mine"
    for err_line in (err,):
        assert len(err_line.strip().splitlines()) == 1


def test_a_folder_export_goes_to_the_server_and_back_file_by_file(
    logins: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    # A folder export (a Discord export with its media folder) moves to the server, where each
    # file is kept by its hash, and comes back whole: the same files, the same recorded SHA-256.
    ann = logins["cb_ann"]
    ref = "SAR-2026-0702"
    local = tmp_path / "local"
    run("case", "new", str(local), "--regime", "sar", "--reference", ref,
        "--received", "2026-04-01")  # fmt: skip
    folder_export = DATA.parent / "discord" / "with_media"
    run("import", str(local), str(folder_export), "--platform", "discord")
    out, _ = run("server", "move", str(local), env=ann)
    assert "1 sources (SHA-256 checked)" in out
    back = tmp_path / "back"
    run("server", "move", ref, "--to", str(back), env=ann)
    here = json.loads(run("case", "show", str(local), "--json")[0])["sources"]
    there = json.loads(run("case", "show", str(back), "--json")[0])["sources"]
    assert [s["sha256"] for s in there] == [s["sha256"] for s in here]
    kept = next((back / "originals").iterdir())
    files = sorted(p.relative_to(kept).as_posix() for p in kept.rglob("*") if p.is_file())
    expected = sorted(
        p.relative_to(folder_export).as_posix() for p in folder_export.rglob("*") if p.is_file()
    )
    assert files == expected
    assert "Audit log intact" in run("audit", str(back), "verify")[0]
    query = ("--text", "damp", "--json")
    assert len(run("search", str(back), *query)[0].splitlines()) == len(
        run("search", ref, *query, env=ann)[0].splitlines()
    )
