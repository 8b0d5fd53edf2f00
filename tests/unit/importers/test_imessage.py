"""iMessage exports: imessage-exporter TXT and iMazing-style CSV."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.imessage import IMessageImporter
from sar_desk.importers.imessage.txt import split_records

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "imessage"
LONDON = ZoneInfo("Europe/London")


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(IMessageImporter().read(path, report, ImportOptions())), report


def test_txt_chats_every_record_once_with_its_sender() -> None:
    msgs, report = read(DATA / "exporter")
    assert len(msgs) == 10
    assert Counter(m.sender for m in msgs) == {
        "Jamie Lee": 3,
        "Me": 3,
        "+44 7700 900123": 2,
        "sam.patel@example.org": 1,
        None: 1,
    }
    assert all(m.time_basis == TimeBasis.CASE_TZ for m in msgs)
    (issue,) = report.issues
    assert (issue.location, issue.line_no) == ("Lunch Crew - 12.txt line 34", 34)
    assert "Feb 30, 2024" in issue.message


def test_txt_details() -> None:
    msgs, _ = read(DATA / "exporter")
    lunch = [m for m in msgs if m.conversation_key == "Lunch Crew"]
    first, sent, long, reply, named, deleted, missing, edited = lunch
    assert first.text == "Lunch at noon?"
    assert [(r.emoji, r.actor) for r in first.reactions] == [("Liked", "Me")]
    assert first.timestamp == datetime(2024, 3, 3, 9, 5, 12, tzinfo=LONDON)
    assert sent.text == "Sounds good"  # the read note is not text
    (photo,) = sent.attachments
    assert (photo.type, photo.present) == ("image", True)
    assert photo.path == "attachments/12/5d1c0b7e-2f7a-4c55-9a1e-0c3b2f9d8e11.jpeg"
    assert long.text.startswith("First line of a long one\n\nSecond paragraph")
    assert long.text.endswith("was pasted in here and stays in this message")
    assert (long.sender_id, long.sender_id_kind) == ("+447700900123", IdentifierKind.PHONE)
    assert (reply.sender, reply.text, reply.line_no) == (
        "Jamie Lee",
        "Replying inside the thread",
        19,
    )
    assert (named.kind, named.sender) == (MessageKind.SYSTEM, None)
    assert named.text == "You named the conversation Lunch Crew"
    assert deleted.kind == MessageKind.DELETED
    assert deleted.sender_id_kind == IdentifierKind.EMAIL
    assert missing.kind == MessageKind.MEDIA
    assert not missing.attachments[0].present
    assert edited.edited
    new_year = [m for m in msgs if m.conversation_key == "+447700900123"]
    assert new_year[1].timestamp == datetime(2024, 1, 1, 0, 0, 30, tzinfo=LONDON)  # 12 AM
    assert [(r.emoji, r.actor) for r in new_year[1].reactions] == [("Loved", "+44 7700 900123")]


def test_a_pasted_date_only_starts_a_record_after_a_blank_line() -> None:
    lines = [
        "Mar 03, 2024  9:05:12 AM",
        "Jamie",
        "Mar 03, 2024  9:00:00 AM pasted",
        "",
        "Mar 03, 2024  9:06:00 AM",
        "Me",
        "ok",
    ]
    records = list(split_records(lines))
    assert [r.line_no for r in records] == [1, 5]
    assert records[0].lines[2] == "Mar 03, 2024  9:00:00 AM pasted"


def test_text_before_the_first_record_is_reported(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("Mar 03, 2024  9:05:12 AM\nJamie\nhello\n")
    msgs, report = read(chat)
    assert len(msgs) == 1
    chat.write_text("Mar 03, 2024  9:05:12 AM\n\nMar 03, 2024  9:06:12 AM\nJamie\nhello\n")
    msgs, report = read(chat)
    assert len(msgs) == 1
    assert report.issues[0].line_no == 1
    assert "no sender" in report.issues[0].message


def test_imazing_csv() -> None:
    msgs, report = read(DATA / "imazing_messages.csv")
    assert [(m.sender, m.kind) for m in msgs] == [
        ("Jamie Lee", MessageKind.MESSAGE),
        ("Me", MessageKind.MESSAGE),
        ("Jamie Lee", MessageKind.MEDIA),
        (None, MessageKind.SYSTEM),
    ]
    incoming, outgoing, photo, _ = msgs
    assert (incoming.sender_id, incoming.line_no) == ("+447700900123", 2)
    assert outgoing.text == "> Morning, on my way\nSee you there,\nbring the keys"
    assert outgoing.edited
    assert (photo.attachments[0].name, photo.attachments[0].type) == ("IMG_0042.HEIC", "image")
    assert [(i.line_no, i.location) for i in report.issues] == [
        (7, "imazing_messages.csv line 7"),
        (8, "imazing_messages.csv line 8"),
    ]
    assert photo.line_no == 5  # the row after a two-line quoted text keeps its true line


def test_older_imazing_header_with_reactions() -> None:
    msgs, report = read(DATA / "imazing_old.csv")
    assert [(m.sender, m.text) for m in msgs] == [
        ("+447700900456", "Happy new year"),
        ("Me", "You too"),
    ]
    assert msgs[0].reactions[0].emoji == "Liked by Me"
    assert msgs[1].timestamp == datetime(2020, 1, 1, 12, 1, tzinfo=LONDON)
    assert not report.issues


def test_imazing_whatsapp_csv_is_not_claimed(tmp_path: Path) -> None:
    other = tmp_path / "whatsapp.csv"
    other.write_text(
        "Chat Session,Message Date,Sent Date,Type,Sender ID,Sender Name,Status,Forwarded,"
        "Replying to,Text,Reactions,Attachment,Attachment type,Attachment info\n"
    )
    assert not IMessageImporter().sniff(other)
    with pytest.raises(ImportFormatError, match="no iMessage export"):
        read(other)


def test_broken_csv_text_refuses_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "messages.csv"
    data = (DATA / "imazing_messages.csv").read_bytes()
    bad.write_bytes(data.replace(b"Morning", b"Morn\xe9ng"))
    with pytest.raises(ImportFormatError, match="line"):
        read(bad)


def test_zip_of_everything(tmp_path: Path) -> None:
    folder = tmp_path / "all"
    shutil.copytree(DATA / "exporter", folder)
    shutil.copy(DATA / "imazing_old.csv", folder)
    zipped = Path(shutil.make_archive(str(tmp_path / "export"), "zip", folder))
    assert IMessageImporter().sniff(zipped)
    msgs, _ = read(zipped)
    assert len(msgs) == 12


def test_a_quote_left_open_refuses_the_file_instead_of_swallowing_rows(tmp_path: Path) -> None:
    bad = tmp_path / "messages.csv"
    rows = (DATA / "imazing_messages.csv").read_text(encoding="utf-8-sig").splitlines()
    rows[1] = rows[1].replace('"Morning, on my way"', '"Morning, on my way')
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="broken CSV quoting"):
        read(bad)


def test_an_hour_the_marker_does_not_allow_keeps_the_clock_with_a_warning(tmp_path: Path) -> None:
    chat = tmp_path / "odd.txt"
    chat.write_text("Mar 03, 2024  0:04:10 AM\nJamie\nodd\n\nMar 03, 2024 13:05:00 PM\nMe\nodder\n")
    msgs, report = read(chat)
    assert [m.timestamp.hour for m in msgs] == [0, 13]
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith("odd.txt: some times have an hour")


def test_exporter_html_page() -> None:
    msgs, report = read(DATA / "exporter_html")
    assert [(m.sender, m.kind, m.line_no) for m in msgs] == [
        ("Jamie Lee", MessageKind.MESSAGE, 7),
        ("Me", MessageKind.MESSAGE, 17),  # the reply is its own record with its own sender
        ("Me", MessageKind.MEDIA, 30),
        (None, MessageKind.SYSTEM, 39),
        ("+44 7700 900123", MessageKind.DELETED, 40),
    ]
    hello, reply, photo, named, deleted = msgs
    assert hello.text == "Hello from 12 Elm Street & co"  # no tapback or reply text in it
    assert hello.platform_message_id == "A1B2-C3"
    assert hello.timestamp == datetime(2022, 5, 17, 17, 29, 42, tzinfo=LONDON)
    assert [(r.emoji, r.actor) for r in hello.reactions] == [("Loved", "Me")]
    assert reply.text == "Replying in the thread"
    assert (photo.attachments[0].path, photo.attachments[0].present) == (
        "attachments/7/3f2a.png",
        True,
    )
    assert named.text == "You named the conversation Elm Street"
    assert (deleted.text, deleted.sender_id) == ("", "+447700900123")
    assert [(i.line_no, "sometime" in i.message) for i in report.issues] == [(49, True)]
