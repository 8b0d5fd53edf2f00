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
from sar_desk.importers import importer_for
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


def test_signal_export_is_sniffed_by_shape_whatever_the_file_name() -> None:
    """Hand-written: a chat.md saved under another name, with marks and an impossible date."""
    path = DATA / "Signal chat export.txt"
    assert isinstance(importer_for(path), SignalImporter)
    msgs, report = read(path)
    assert [(m.line_no, m.sender) for m in msgs] == [
        (1, "Ann Lee"),
        (2, "Me"),
        (3, "Bob Roe"),
        (5, "Me"),
    ]
    assert msgs[1].text == "hi Ann, mark after the colon"
    assert msgs[2].text.endswith("\n[2019-02-30, 12:26] Bob Roe: a pasted line with no 30 February")
    (issue,) = report.issues
    assert issue.line_no == 4
    assert "not a date" in issue.message
    assert "message at line 3" in issue.message


def test_a_markdown_title_before_the_first_message_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("# Priya Shah\n\n[2026-01-12, 09:15] Me: hello\n", encoding="utf-8")
    assert SignalImporter().sniff(path)
    msgs, report = read(path)
    assert [m.text for m in msgs] == ["hello"]
    assert [i.line_no for i in report.issues] == [1]


def test_a_bracket_before_an_attachment_link_stays_text(tmp_path: Path) -> None:
    """Found by the fuzz: "[see [a](b)" read "see [a" as the link's label and lost "[see"."""
    path = tmp_path / "chat.md"
    path.write_text(
        "[2026-01-12, 09:15] Me: the report [see [letter.pdf](media/letter.pdf)\n", "utf-8"
    )
    (msg,), _ = read(path)
    assert msg.text == "the report [see"
    assert [a.name for a in msg.attachments] == ["letter.pdf"]


SIGTOP = DATA / "sigtop" / "Priya Shah.txt"


def test_sigtop_text_is_sniffed_and_read() -> None:
    """Hand-written sigtop text conversation: fields, blank line, text, blank line."""
    assert isinstance(importer_for(SIGTOP), SignalImporter)
    msgs, report = read(SIGTOP)
    assert [(m.line_no, m.sender, m.kind) for m in msgs] == [
        (1, "Priya Shah", MessageKind.MESSAGE),
        (10, "Me", MessageKind.MESSAGE),
        (15, "Priya Shah", MessageKind.MEDIA),
        (20, "Priya Shah", MessageKind.SYSTEM),
        (24, "Priya Shah", MessageKind.MESSAGE),
    ]
    first, mine, photo, _, last = msgs
    assert first.text == "Contractor booked for Thursday.\n\nSecond paragraph after a blank line."
    assert (first.sender_id, first.sender_id_kind) == ("+447700900123", IdentifierKind.PHONE)
    assert first.timestamp == datetime(2026, 1, 12, 9, 17, tzinfo=UTC)
    assert first.time_basis is TimeBasis.OFFSET_GIVEN
    assert [(r.emoji, r.actor) for r in first.reactions] == [("👍", "Me")]
    assert mine.text == "Thanks, I will tell the tenant."  # the direction mark is dropped
    assert photo.timestamp.utcoffset() == timedelta(hours=1)
    assert [(a.name, a.type, a.size, a.present) for a in photo.attachments] == [
        ("photo.jpg", "image", 52311, False)
    ]
    # A pasted "From:" line without a readable "Sent:" line stays text of its message.
    assert last.text.startswith("From: the tenant's note, pasted\nSent: yesterday\n")
    assert {m.conversation_key for m in msgs} == {"Priya Shah"}
    assert report.issues == []


def test_sigtop_folder_and_preamble(tmp_path: Path) -> None:
    folder = tmp_path / "sigtop-out"
    folder.mkdir()
    (folder / "Priya Shah.txt").write_bytes(SIGTOP.read_bytes())
    (folder / "Tom Reid.txt").write_text(
        "\nTo: Tom Reid\nSent: Tue, 13 Jan 2026 10:00:00 +0000\n\nhello Tom\n\n", "utf-8"
    )
    assert isinstance(importer_for(folder), SignalImporter)
    msgs, _ = read(folder)
    assert {m.conversation_key for m in msgs} == {"Priya Shah", "Tom Reid"}
    assert len(msgs) == 6
    stray = tmp_path / "stray.txt"
    stray.write_text(
        "exported 2026\nTo: Tom Reid\nSent: Tue, 13 Jan 2026 10:00:00 +0000\n\nhi\n", "utf-8"
    )
    assert not SignalImporter().sniff(stray)  # a first line that is no message: not sniffed
    msgs, report = read(stray)  # but read when the platform is named
    assert [m.text for m in msgs] == ["hi"]
    assert [i.line_no for i in report.issues] == [1]
