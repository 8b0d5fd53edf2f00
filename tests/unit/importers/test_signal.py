"""Signal importer: signal-export chat folders (chat.md, data.json), zips and bare files."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from generate_exports_b import write_signal

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.signal import SignalImporter

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "signal"
BST = timezone(timedelta(hours=1))


def read(path: Path, zone: str = "Europe/London") -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(SignalImporter().read(path, report, ImportOptions(timezone=zone))), report


def test_markdown_chat() -> None:
    msgs, report = read(DATA / "chats" / "Priya Shah")
    assert [m.sender for m in msgs] == ["Me", "Priya Shah", "Priya Shah", "Me", "Me", "Priya Shah"]
    me = msgs[0]
    assert me.sender_id is None
    assert me.time_basis == TimeBasis.CASE_TZ
    assert me.timestamp == datetime(2026, 1, 12, 9, 15, tzinfo=UTC)
    assert me.timestamp_raw == "[2026-01-12, 09:15]"
    assert me.location.endswith("chat.md line 1")
    assert msgs[1].text == (
        "Contractor booked for Thursday.\nSecond line of the same message.\n"
        "> a quoted line stays text"
    )
    photo = msgs[2]
    assert photo.kind == MessageKind.MEDIA
    assert photo.text == ""
    assert [(a.name, a.present, a.type) for a in photo.attachments] == [
        ("photo.jpg", True, "image")
    ]
    letter = msgs[3]
    assert letter.text == "Here is the letter thanks"
    assert [(a.name, a.present) for a in letter.attachments] == [("letter.pdf", False)]
    assert msgs[5].timestamp == datetime(2026, 7, 1, 12, 0, 30, tzinfo=BST)
    assert "https://example.org/a?b=1" in msgs[5].text  # web links stay in the text
    assert not report.issues


def test_data_json_is_preferred_and_bad_lines_reported() -> None:
    msgs, report = read(DATA / "chats" / "Tom Reid")
    assert [m.platform_message_id for m in msgs] == ["a1", "a2", "a4", "a5"]
    first, reply, media, gone = msgs
    assert (first.sender_id, first.sender_id_kind) == ("+447700900102", IdentifierKind.PHONE)
    assert first.time_basis == TimeBasis.UTC
    assert first.reactions[0].emoji == "👍"
    assert first.reactions[0].actor == "Me"
    assert (reply.sender, reply.reply_to) == ("Me", "a1")
    assert media.kind == MessageKind.MEDIA
    assert media.attachments[0].name == "plan.pdf"
    assert gone.kind == MessageKind.DELETED
    assert [i.line_no for i in report.issues] == [3, 4]


def test_folder_of_chats_and_zip(tmp_path: Path) -> None:
    msgs, _ = read(DATA / "chats")
    assert {m.conversation_key for m in msgs} == {"Priya Shah", "Tom Reid"}
    target = tmp_path / "signal.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in (DATA / "chats").rglob("*"):
            if path.is_file():
                archive.write(path, "export/" + path.relative_to(DATA / "chats").as_posix())
    assert SignalImporter().sniff(target)
    zipped, _ = read(target)
    assert [(m.text, m.timestamp) for m in zipped] == [(m.text, m.timestamp) for m in msgs]
    assert any(a.present for m in zipped for a in m.attachments)


def test_bare_chat_md_and_preamble() -> None:
    msgs, _ = read(DATA / "chats" / "Priya Shah" / "chat.md")
    assert msgs[0].conversation_key == "Priya Shah"
    assert not SignalImporter().sniff(DATA / "preamble.md")
    msgs, report = read(DATA / "preamble.md")
    assert [m.text for m in msgs] == ["hello"]
    assert report.issues[0].line_no == 1


def test_case_time_zone_is_used() -> None:
    msgs, _ = read(DATA / "chats" / "Priya Shah", zone="America/New_York")
    assert msgs[0].timestamp == datetime(2026, 1, 12, 14, 15, tzinfo=UTC)


@pytest.mark.parametrize("name", ["notes.md"])
def test_not_signal(name: str) -> None:
    assert not SignalImporter().sniff(DATA / name)
    with pytest.raises(ImportFormatError, match="not a signal-export chat"):
        read(DATA / name)


def test_path_traversal_zip_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "evil.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("chat/chat.md", "[2026-01-12, 09:15] Me: hi\n")
        archive.writestr("../../chat.md", "[2026-01-12, 09:15] Me: escape\n")
    with pytest.raises(UnsafeArchiveError):  # refused with its reason, even while sniffing
        SignalImporter().sniff(target)
    with pytest.raises(UnsafeArchiveError):
        read(target)


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_bytes("[2026-01-12, 09:15] Me: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ImportFormatError, match="not valid UTF-8"):
        read(path)


@pytest.mark.parametrize("json_lines", [False, True])
def test_round_trip(tmp_path: Path, json_lines: bool) -> None:
    expected = write_signal(tmp_path, 200, seed=7, json_lines=json_lines)
    msgs, report = read(tmp_path / "Housing team")
    assert not report.issues
    assert [(m.sender, m.timestamp, m.text) for m in msgs] == [
        (e.sender, e.when, e.text) for e in expected
    ]
