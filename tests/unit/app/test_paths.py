"""`resources_dir()` in the three layouts: source tree, frozen bundle, installed wheel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sar_desk.app import paths

REPO = Path(__file__).resolve().parents[3]


def _fake_resources(folder: Path) -> Path:
    (folder / "codes").mkdir(parents=True)
    (folder / "codes" / "codes-v1.json").write_text("{}", encoding="utf-8")
    return folder


def test_source_tree_uses_the_top_level_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.resources_dir() == REPO / "resources"
    assert paths.resource_path("codes/codes-v1.json").is_file()


def test_frozen_bundle_uses_meipass(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundled = _fake_resources(tmp_path / "_internal" / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert paths.resources_dir() == bundled
    assert paths.resource_path("codes/codes-v1.json") == bundled / "codes" / "codes-v1.json"


def test_installed_wheel_uses_package_resources(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An installed wheel: site-packages/sar_desk/_resources, and no resources/ beside it.
    site = tmp_path / "site-packages"
    installed = _fake_resources(site / "sar_desk" / "_resources")
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(paths, "_PACKAGE_ROOT", site / "sar_desk")
    assert paths.resources_dir() == installed


def test_missing_resources_say_to_reinstall(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "frozen"), raising=False)
    monkeypatch.setattr(paths, "_PACKAGE_ROOT", tmp_path / "site-packages" / "sar_desk")
    with pytest.raises(FileNotFoundError, match="reinstall SAR Desk"):
        paths.resources_dir()


@pytest.mark.slow
def test_built_wheel_carries_the_resources(tmp_path: Path) -> None:
    """setup.py copies resources/ into sar_desk/_resources of the wheel."""
    pytest.importorskip("setuptools")
    build = tmp_path / "build"
    # Build with this interpreter's setuptools (no network): run setup.py's build_py directly
    # into a temporary folder, which is exactly what the wheel is made from.
    subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(build)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    shipped = sorted(
        p.relative_to(build / "sar_desk" / "_resources").as_posix()
        for p in (build / "sar_desk" / "_resources").rglob("*")
        if p.is_file()
    )
    expected = sorted(
        p.relative_to(REPO / "resources").as_posix()
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert shipped == expected
    assert "fonts/NotoSans-Regular.ttf" in shipped
    assert (build / "sar_desk" / "app" / "paths.py").is_file()
