"""Every sample is claimed by exactly one importer, and never by another platform's importer."""

from __future__ import annotations

from pathlib import Path

import generate_exports as gen
import pytest

from sar_desk.core.errors import UnsafeArchiveError
from sar_desk.importers import IMPORTERS, importer_for
from tests.conftest import DATA

SAMPLES = DATA / "importers"
MINE = {
    "telegram": "telegram",
    "slack": "slack",
    "discord": "discord",
    "google_chat": "google-chat",
}
MESSAGE_FILES = ("result.json", "messages.json")
# Other platforms' negative samples that really are one of these formats.
DELIBERATE = {"messenger/not_messenger.json": "google-chat"}


def _samples(folder: str) -> list[Path]:
    root = SAMPLES / folder
    if not root.is_dir():
        return []
    found = sorted(p for p in root.iterdir() if not p.name.startswith("bad_"))
    found += sorted(
        p
        for p in root.rglob("*.json")
        if p.parent != root and (p.name in MESSAGE_FILES or folder == "discord")
    )
    return found


MY_SAMPLES = [(platform, path) for folder, platform in MINE.items() for path in _samples(folder)]
OTHER_SAMPLES = (
    [
        path
        for folder in sorted(p.name for p in SAMPLES.iterdir() if p.is_dir() and p.name not in MINE)
        for path in sorted((SAMPLES / folder).rglob("*"))
        if path.is_file()
    ]
    if SAMPLES.is_dir()
    else []
)


def claims(path: Path) -> list[str]:
    return [imp.platform for imp in IMPORTERS if imp.sniff(path)]


@pytest.mark.parametrize(
    ("platform", "path"), MY_SAMPLES, ids=[str(p.relative_to(SAMPLES)) for _, p in MY_SAMPLES]
)
def test_each_sample_is_claimed_by_exactly_its_importer(platform: str, path: Path) -> None:
    assert claims(path) == [platform]
    assert importer_for(path).platform == platform


@pytest.mark.parametrize(
    "path", OTHER_SAMPLES, ids=[str(p.relative_to(SAMPLES)) for p in OTHER_SAMPLES]
)
def test_other_platforms_samples_are_not_claimed_by_these_importers(path: Path) -> None:
    rel = path.relative_to(SAMPLES).as_posix()
    mine = set(claims(path)) & set(MINE.values())
    assert mine == ({DELIBERATE[rel]} if rel in DELIBERATE else set())


def test_generated_exports_are_told_apart(tmp_path: Path) -> None:
    specs = list(gen.specs(3, 60))
    gen.write_telegram(tmp_path / "result.json", specs)
    gen.write_slack(tmp_path / "slack", specs)
    gen.write_discord(tmp_path / "dce", specs)
    gen.write_google_chat(tmp_path / "gc", specs)
    expected = {"result.json": "telegram", "slack": "slack", "dce": "discord", "gc": "google-chat"}
    for name, platform in expected.items():
        assert claims(tmp_path / name) == [platform], name
        zipped = (
            gen.zip_folder(tmp_path / name, tmp_path / f"{name}.zip")
            if (tmp_path / name).is_dir()
            else None
        )
        if zipped is not None:
            assert claims(zipped) == [platform], zipped.name


def test_hostile_inputs_never_break_sniffing(bad_inputs: Path) -> None:
    for path in sorted(bad_inputs.iterdir()):
        if path.name in ("zip_slip.zip", "zip_absolute.zip", "zip_bomb.zip"):
            # Issue 20: a hostile archive is refused with its reason, even while sniffing.
            with pytest.raises(UnsafeArchiveError):
                claims(path)
            continue
        result = claims(path)  # must not raise
        if path.name == "truncated_telegram.json":
            assert result == ["telegram"]
        else:
            assert not set(result) & set(MINE.values()), path.name


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02", b"{", b"[]", b"not json at all"])
def test_sniff_never_raises_on_junk(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.json"
    path.write_bytes(content)
    assert not set(claims(path)) & set(MINE.values())
    assert not set(claims(tmp_path / "does-not-exist")) & set(MINE.values())
