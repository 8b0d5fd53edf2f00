"""Messenger / Instagram importer: thread parts, mojibake, order, media, fake texts."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from generate_exports_b import write_messenger

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.messenger import MessengerImporter, needs_repair, repair

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "messenger"


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(MessengerImporter().read(path, report, ImportOptions())), report


@pytest.mark.parametrize(
    ("data", "fix"),
    [
        ({"a": "caf\u00c3\u00a9"}, True),
        ({"a": "\u00e2\u009d\u00a4\u00ef\u00b8\u008f"}, True),
        ({"a": "caf\u00c3\u00a9", "b": "\u201creal\u201d"}, False),  # above U+00FF: not mojibake
        ({"a": "plain ascii"}, False),
        ({"a": "caf\u00e9"}, False),  # Latin-1 that is not UTF-8 bytes
    ],
)
def test_mojibake_is_decided_per_file(data: dict[str, str], fix: bool) -> None:
    assert needs_repair(data) is fix


def test_repair_fixes_keys_and_values() -> None:
    assert repair({"Zo\u00c3\u00ab": ["\u00e2\u009d\u00a4"]}) == {"Zoë": ["❤"]}


def test_facebook_download() -> None:
    msgs, report = read(DATA / "download")
    thread = [m for m in msgs if m.conversation_key == "inbox/alexmorgan_1234"]
    assert [m.timestamp for m in thread] == sorted(m.timestamp for m in thread)
    kinds = [m.kind for m in thread]
    assert kinds == [
        MessageKind.MESSAGE,
        MessageKind.SYSTEM,
        MessageKind.CALL,
        MessageKind.MESSAGE,
        MessageKind.MEDIA,
        MessageKind.DELETED,
        MessageKind.MESSAGE,
    ]
    sticker, joined, call, share, photos, unsent, last = thread
    assert sticker.text == "Hello — café tomorrow?"
    assert sticker.attachments[0].type == "sticker"
    assert joined.text == "Alex Morgan added Zoë Hart to the group."
    assert call.sender == "Zoë Hart"
    assert call.text.endswith("(65 seconds)")
    assert share.text == "Look at this\nhttps://example.org/repairs"
    assert [(a.name, a.present) for a in photos.attachments] == [
        ("111.jpg", True),
        ("222.jpg", False),
    ]
    assert unsent.text == ""
    assert unsent.attachments == ()
    assert last.reactions[0].emoji == "❤️"
    assert last.reactions[0].actor == "Alex Morgan"
    assert last.timestamp == datetime(2026, 1, 13, 11, 0, tzinfo=UTC)
    assert last.conversation_title == "Zoë Hart"
    real = next(m for m in msgs if m.conversation_key == "message_requests/priyashah_99")
    assert real.text == "“Quoted” – real UTF-8 Zoë"  # BOM and real UTF-8: left alone
    assert any(m.conversation_key.startswith("archived_threads") for m in msgs)
    locations = [i.location for i in report.issues]
    assert any(loc.endswith("tomreid_7/message_2.json") for loc in locations)
    assert any(loc.endswith("message_2.json messages[3]") for loc in locations)
    declared = {(p.identifier, p.kind) for p in report.participants}
    assert ("Zoë Hart", IdentifierKind.NAME) in declared


def test_instagram_fake_texts_are_classified() -> None:
    msgs, _ = read(DATA / "instagram")
    assert [m.kind for m in msgs] == [
        MessageKind.MESSAGE,
        MessageKind.SYSTEM,
        MessageKind.SYSTEM,
        MessageKind.MEDIA,
    ]
    assert msgs[1].text == "Reacted 😂 to your message"
    assert not msgs[3].attachments[0].present
    assert msgs[0].conversation_title == "Instagram: Jo Bloggs"


def test_zip_of_download(tmp_path: Path) -> None:
    target = tmp_path / "facebook.zip"
    root = DATA / "download"
    with zipfile.ZipFile(target, "w") as archive:
        for path in root.rglob("*"):
            if path.is_file():
                archive.write(path, path.relative_to(root).as_posix())
    assert MessengerImporter().sniff(target)
    zipped, _ = read(target)
    folder, _ = read(root)
    assert [(m.text, m.kind) for m in zipped] == [(m.text, m.kind) for m in folder]
    assert any(a.present for m in zipped for a in m.attachments)


def test_single_thread_file() -> None:
    path = DATA / "instagram/your_instagram_activity/messages/inbox/jobloggs_555/message_1.json"
    assert MessengerImporter().sniff(path)
    assert len(read(path)[0]) == 4


def test_not_messenger() -> None:
    assert not MessengerImporter().sniff(DATA / "not_messenger.json")
    with pytest.raises(ImportFormatError, match="no Messenger or Instagram"):
        read(DATA / "not_messenger.json")


def test_path_traversal_zip(tmp_path: Path) -> None:
    target = tmp_path / "evil.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("messages/inbox/a/message_1.json", json.dumps({"participants": []}))
        archive.writestr("/etc/message_2.json", "{}")
    with pytest.raises(UnsafeArchiveError):  # refused with its reason, even while sniffing
        MessengerImporter().sniff(target)
    with pytest.raises(UnsafeArchiveError):
        read(target)


def test_round_trip(tmp_path: Path) -> None:
    expected = write_messenger(tmp_path, 1200, seed=11, per_part=500)
    msgs, report = read(tmp_path)
    assert not report.issues
    assert report.settings["mojibake_repaired"] == "yes"
    assert [(m.sender, m.timestamp, m.text) for m in msgs] == [
        (e.sender, e.when, e.text) for e in expected
    ]
    assert msgs[0].conversation_title == "Housing repair — Zoë"
