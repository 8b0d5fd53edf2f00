"""Every bundle's manifest records the audit head, and ``audit verify --bundle`` checks it."""

import hashlib
import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from test_export_cli import reviewed_case, run  # noqa: F401  (fixture and helper)

from sar_desk.cli.main import cli
from sar_desk.store.audit_marks import HEAD_FILE


def _forge(case: Path) -> None:
    """Rename the approver everywhere and re-hash the chain, its head and the head file."""
    db = sqlite3.connect(case / "case.db")
    with db:
        db.execute("UPDATE audit_log SET user = 'ruth' WHERE user = 'reviewer'")
        prev = "0" * 64
        rows = db.execute("SELECT id, at, user, action, details FROM audit_log ORDER BY id")
        for seq, at, user, action, details in rows.fetchall():
            payload = json.dumps([seq, at, user, action, details, prev], ensure_ascii=False)
            digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
            db.execute(
                "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, seq)
            )
            prev = digest
        db.execute("UPDATE case_meta SET value = ? WHERE key = 'audit_head'", (f"{seq}:{prev}",))
    db.close()
    (case / HEAD_FILE).write_text(json.dumps({"entry": seq, "hash": prev}), encoding="utf-8")


def test_a_rewrite_that_fools_the_head_file_is_caught_by_the_bundle(
    reviewed_case: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "bundle"
    run(
        "export", str(reviewed_case), str(out), "--as", "dpo",
        "--without-detection", "Every message was read in full by the reviewer",
    )  # fmt: skip
    head = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["audit_head"]
    db = sqlite3.connect(reviewed_case / "case.db")
    stored = db.execute("SELECT hash FROM audit_log WHERE id = ?", (head["entry"],)).fetchone()
    db.close()
    assert stored == (head["hash"],)
    ok = CliRunner().invoke(cli, ["audit", str(reviewed_case), "verify", "--bundle", str(out)])
    assert ok.exit_code == 0, ok.output

    _forge(reviewed_case)
    # The chain, its recorded head and the head file now agree with each other...
    alone = CliRunner().invoke(cli, ["audit", str(reviewed_case), "verify", "--json"])
    assert not any("head file" in p["message"] for p in json.loads(alone.output)["problems"])
    # ...but not with the head the bundle took away when it was exported.
    result = CliRunner().invoke(cli, ["audit", str(reviewed_case), "verify", "--bundle", str(out)])
    assert result.exit_code == 1
    assert f"differs from the copy recorded in the manifest of bundle {out.name}" in result.output
