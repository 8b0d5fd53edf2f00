"""Nothing half-written survives an export (issue 20 item 6)."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from export_data import GENERATED_AT, inputs_for, synthetic

from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.export import bundle as bundle_mod
from sar_desk.export.bundle import build_bundle
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions
from sar_desk.export.writers import default_writers

OPTIONS = BundleOptions(generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, pseudonyms=False)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(child.stdout)


def test_internal_records_and_masters_are_private(tmp_path: Path) -> None:
    run_job(
        build_bundle(
            inputs_for(*synthetic()),
            OPTIONS,
            tmp_path / "out",
            cancel=CancelToken(),
            master_dir=tmp_path / "case" / "masters",
        )
    )
    out = tmp_path / "out"
    assert _mode(out) == 0o700
    assert _mode(out / "internal") == 0o700
    files = [p for p in (out / "internal").rglob("*") if p.is_file()]
    assert any(p.name == "protected-terms.json" for p in files)
    assert all(_mode(p) == 0o600 for p in files)
    master = next((tmp_path / "case" / "masters").iterdir())
    assert _mode(master) == 0o700
    assert all(_mode(p) == 0o600 for p in master.rglob("*") if p.is_file())
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]


def test_the_bundle_is_built_in_a_private_folder_removed_on_failure(tmp_path: Path) -> None:
    seen: list[int] = []

    def failing(bundle, letter, ctx) -> None:  # type: ignore[no-untyped-def]
        seen.append(_mode(ctx.pack.parent))
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        run_job(
            build_bundle(
                inputs_for(*synthetic()),
                OPTIONS,
                tmp_path / "out",
                cancel=CancelToken(),
                writers=[*default_writers(OPTIONS), failing],
            )
        )
    assert seen == [0o700]
    assert list(tmp_path.iterdir()) == []


def test_a_killed_exports_leftovers_are_removed_by_the_next_export(tmp_path: Path) -> None:
    # What a SIGKILL mid-export leaves: a hidden partial folder with an unchecked pack and
    # the redacted strings in clear.
    left = tmp_path / f".old{bundle_mod.PARTIAL}{_dead_pid()}-abc123"
    (left / "internal").mkdir(parents=True)
    (left / "internal" / "protected-terms.json").write_text('{"terms": ["Priya Shah"]}')
    (left / "pack").mkdir()
    alive = tmp_path / f".other{bundle_mod.PARTIAL}{__import__('os').getpid()}-def456"
    alive.mkdir()  # an export still running in this process is left alone
    run_job(build_bundle(inputs_for(*synthetic()), OPTIONS, tmp_path / "out", cancel=CancelToken()))
    assert not left.exists()
    assert alive.exists()
