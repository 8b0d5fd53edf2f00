"""Guarantees shared by the issue-14 importers: recognised alone, hostile files refused, listed.

Every fixture of a new shape is claimed by its importer and by no other; no other platform's
fixture (or hostile file) is claimed by a new importer; a failing import leaves the case as it
was; `sar-desk formats` lists each.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sar_desk.app.importing import ImportFailure
from sar_desk.app.ingest import ImportResult
from sar_desk.app.parsing import supported_formats
from sar_desk.core.errors import SarDeskError
from sar_desk.core.imports import ImportReport
from sar_desk.core.jobs import run_job
from sar_desk.core.search import SearchQuery
from sar_desk.importers import IMPORTERS, by_platform, importer_for
from sar_desk.importers.base import ImportOptions

DATA = Path(__file__).resolve().parents[2] / "data" / "importers"
REPO = Path(__file__).resolve().parents[3]
# Beside the repository in a checkout of the project; two levels up from a worktree.
SCRIPTS = [base / "shared" / "tools" / "make_bad_inputs.py" for base in REPO.parents[:2]]
# Each new platform's fixtures: (platform, path relative to tests/data/importers).
NEW: dict[str, list[str]] = {
    "skype": ["skype/export", "skype/export/messages.json"],
    "imessage": [
        "imessage/exporter",
        "imessage/exporter/Lunch Crew - 12.txt",
        "imessage/imazing_messages.csv",
        "imessage/imazing_old.csv",
        "imessage/exporter_html",
        "imessage/exporter_html/Jamie Lee.html",
    ],
    "sametime": [
        "sametime/SametimeTranscripts",
        "sametime/saved_chat.txt",
        "sametime/saved_table.html",
        "sametime/SametimeTranscripts/jamie.lee@example.com/20140124/jamielog.html",
    ],
    "wechat": [
        "wechat/WeChatMsg",
        "wechat/WeChatMsg/Jamie_Lee.txt",
        "wechat/WeChatMsg/Jamie_Lee_utf8.csv",
        "wechat/WeChatMsg/Jamie_Lee.html",
        "wechat/PyWxDump",
        "wechat/PyWxDump/wxid_alex01/wxid_alex01_0_5000.csv",
    ],
    "messenger-html": [
        "messenger_html/download",
        "messenger_html/legacy",
        "messenger_html/old",
        "messenger_html/old/html/messages.htm",
        "messenger_html/download/your_facebook_activity/messages/inbox/jamielee_1234/"
        "message_2.html",
    ],
}
NEW_PLATFORMS = set(NEW)
MINE = [(platform, rel) for platform, rels in NEW.items() for rel in rels]
NEW_FOLDERS = {rel.split("/", 1)[0] for _, rel in MINE}
OTHERS = sorted(
    p
    for folder in DATA.iterdir()
    if folder.is_dir() and folder.name not in NEW_FOLDERS
    for p in folder.rglob("*")
    if p.is_file() or p.parent == folder
)


def claims(path: Path) -> list[str]:
    return [imp.platform for imp in IMPORTERS if imp.sniff(path)]


@pytest.mark.parametrize(("platform", "rel"), MINE, ids=[rel for _, rel in MINE])
def test_new_fixture_is_claimed_by_its_importer_only(platform: str, rel: str) -> None:
    assert claims(DATA / rel) == [platform]
    assert importer_for(DATA / rel).platform == platform


@pytest.mark.parametrize("path", OTHERS, ids=[str(p.relative_to(DATA)) for p in OTHERS])
def test_new_importers_never_steal_other_platforms_files(path: Path) -> None:
    assert not set(claims(path)) & NEW_PLATFORMS


def test_each_new_shape_is_listed_in_formats() -> None:
    listed = {row["platform"]: row for row in supported_formats()}
    for platform in NEW_PLATFORMS:
        assert listed[platform]["shapes"]
        assert by_platform(platform).platform == platform


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    script = next((s for s in SCRIPTS if s.exists()), None)
    if script is None:
        pytest.skip("shared/tools is not beside the repository")
    out = tmp_path_factory.mktemp("hostile-new")
    subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)
    return out


@pytest.mark.parametrize("platform", sorted(NEW_PLATFORMS))
def test_hostile_inputs_are_refused_in_one_sentence(hostile: Path, platform: str) -> None:
    importer = by_platform(platform)
    for path in sorted(hostile.iterdir()):
        started = time.monotonic()
        # Sniffing either declines or names the real reason (a bomb, an unsafe entry).
        try:
            recognised = importer.sniff(path)
        except SarDeskError as exc:
            recognised, reason = False, str(exc)
            assert "\n" not in reason.strip(), path.name
        assert not recognised, path.name
        with pytest.raises(SarDeskError) as caught:
            list(importer.read(path, ImportReport(), ImportOptions()))
        message = str(caught.value)
        assert "\n" not in message.strip(), path.name
        assert message.endswith((".", ")")), path.name
        assert "root:" not in message
        assert time.monotonic() - started < 5, path.name


def broken_copies(tmp_path: Path) -> dict[str, Path]:
    """One damaged export per new platform: valid start, cut short in the middle."""
    out: dict[str, Path] = {}
    skype = tmp_path / "skype"
    shutil.copytree(DATA / "skype" / "export", skype)
    data = (skype / "messages.json").read_bytes()
    (skype / "messages.json").write_bytes(data[: len(data) * 2 // 3])
    out["skype"] = skype
    html = tmp_path / "messenger_html"
    shutil.copytree(DATA / "messenger_html" / "download", html)
    page = next(html.rglob("message_2.html"))
    page.write_bytes(page.read_bytes().replace("café".encode(), "café".encode("latin-1")))
    out["messenger-html"] = html
    chats = tmp_path / "imessage"
    shutil.copytree(DATA / "imessage" / "exporter", chats)
    (chats / "zz - 99.txt").write_bytes(b"Mar 03, 2024  9:05:12 AM\nJamie\ncaf\xe9\n")
    out["imessage"] = chats
    sametime = tmp_path / "sametime"
    shutil.copytree(DATA / "sametime" / "SametimeTranscripts", sametime)
    page = next(sametime.rglob("samlog.html"))
    page.write_bytes(page.read_bytes().replace(b"Noted", b"No\x00\x01\x02ted" * 2000))
    out["sametime"] = sametime
    wechat = tmp_path / "wechat"
    shutil.copytree(DATA / "wechat" / "PyWxDump", wechat)
    page = next(wechat.rglob("*.csv"))
    page.write_bytes(page.read_bytes() + b'7,9007,x,0,wxid_sam04,12345@chatroom,"open quote\n')
    out["wechat"] = wechat
    return out


def test_a_damaged_export_is_refused_and_leaves_the_case_unchanged(
    session: Any, tmp_path: Path
) -> None:
    for platform, path in broken_copies(tmp_path).items():
        outcomes = run_job(session.ingest.import_files([path], platform=platform))
        assert isinstance(outcomes[0], ImportFailure), platform
        assert "\n" not in outcomes[0].message.strip()
    assert session.ingest.sources() == []


def test_each_new_shape_imports_into_a_case_with_every_record(session: Any, tmp_path: Path) -> None:
    firsts = {platform: DATA / rels[0] for platform, rels in NEW.items()}
    for platform, path in firsts.items():
        report = ImportReport()
        expected = list(by_platform(platform).read(path, report, ImportOptions()))
        target = tmp_path / f"{platform}-{path.name}"
        (shutil.copytree if path.is_dir() else shutil.copy)(path, target)
        (outcome,) = run_job(session.ingest.import_files([target]))  # recognised without a platform
        assert isinstance(outcome, ImportResult), platform
        assert outcome.platform == platform
        assert outcome.messages + outcome.system + outcome.duplicates == len(expected), platform
        assert len(outcome.issues) == len(report.issues), platform
        senders = {m.sender for m in expected if m.sender}
        found = session.search.count(SearchQuery(platforms=(platform,), senders=tuple(senders)))
        assert found == sum(1 for m in expected if m.sender), platform
