"""Messenger HTML download: both layouts, page order, media, reactions, unreadable times."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.messenger_html import MessengerHtmlImporter, parse_time

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "messenger_html"
LONDON = ZoneInfo("Europe/London")


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(MessengerHtmlImporter().read(path, report, ImportOptions())), report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jun 01, 2025 3:31:29 pm", datetime(2025, 6, 1, 15, 31, 29)),
        ("Jul 12, 2024 4:54:10pm", datetime(2024, 7, 12, 16, 54, 10)),
        ("Jan 05, 2019, 8:16 PM", datetime(2019, 1, 5, 20, 16)),
        ("Jan 05, 2019, 12:03 AM", datetime(2019, 1, 5, 0, 3)),
        ("05 Jan 2019, 20:16", datetime(2019, 1, 5, 20, 16)),
        ("05.01.2019, 20:16", datetime(2019, 1, 5, 20, 16)),
        ("Jan 05, 2019, 00:04 AM", datetime(2019, 1, 5, 0, 4)),  # odd hour: clock value wins
    ],
)
def test_printed_times(text: str, expected: datetime) -> None:
    assert parse_time(text, LONDON) == expected.replace(tzinfo=LONDON)


@pytest.mark.parametrize(
    "text", ["sometime last week", "Foo 05, 2019, 8:16 PM", "31.02.2019, 10:00"]
)
def test_unreadable_times(text: str) -> None:
    assert parse_time(text, LONDON) is None


def test_card_layout_download() -> None:
    msgs, report = read(DATA / "download")
    assert len(msgs) == 8
    assert Counter(m.sender for m in msgs) == {
        "Jamie Lee": 3,
        "Alex Morgan": 2,
        "Sam Patel": 1,
        "Priya Shah": 1,
        None: 1,
    }
    assert all(m.time_basis == TimeBasis.CASE_TZ for m in msgs)
    jamie = [m for m in msgs if m.conversation_key == "inbox/jamielee_1234"]
    assert [m.timestamp for m in jamie] == sorted(m.timestamp for m in jamie)
    assert jamie[0].text == "Hello from the older page — café at 10?"  # message_2 is older
    assert jamie[0].attachments[0].type == "audio"
    assert {m.conversation_title for m in jamie} == {"Jamie Lee"}
    photos = next(m for m in jamie if m.kind == MessageKind.MEDIA)
    assert [(a.name, a.type, a.present) for a in photos.attachments] == [
        ("4401.jpg", "image", True),
        ("4402.jpg", "image", False),
    ]
    last = jamie[-1]
    assert last.text == "See you at 6 & bring the map"  # the reaction is not body text
    assert [(r.emoji, r.actor) for r in last.reactions] == [("👍", "Alex Morgan")]
    assert last.timestamp == datetime(2025, 6, 1, 15, 31, 29, tzinfo=LONDON)
    (issue,) = report.issues
    assert issue.line_no == 9
    assert issue.location.endswith("jamielee_1234/message_1.html line 9")
    assert "sometime last week" in issue.message
    unnamed = next(m for m in msgs if m.sender is None)
    assert unnamed.kind == MessageKind.SYSTEM


def test_legacy_layout_skips_header_boxes() -> None:
    msgs, report = read(DATA / "legacy")
    assert [(m.sender, m.text) for m in msgs] == [
        ("Alex Morgan", "First one <3"),
        ("Tom Reid", "Second message, newest first"),
    ]
    assert msgs[0].reactions[0].actor == "Tom Reid"
    assert msgs[0].line_no == 5
    assert report.issues == []


def test_zip_and_single_page_read_the_same(tmp_path: Path) -> None:
    expected, _ = read(DATA / "download")
    zipped = Path(shutil.make_archive(str(tmp_path / "facebook"), "zip", DATA / "download"))
    assert MessengerHtmlImporter().sniff(zipped)
    assert [m.text for m in read(zipped)[0]] == [m.text for m in expected]
    page = next((DATA / "download").rglob("message_2.html"))
    single, _ = read(page)
    assert [m.text for m in single] == [m.text for m in expected if "message_2" in m.location]


def test_pages_that_are_not_utf8_refuse_the_whole_import(tmp_path: Path) -> None:
    page = tmp_path / "message_1.html"
    data = next((DATA / "download").rglob("message_2.html")).read_bytes()
    page.write_bytes(data.replace("café".encode(), "café".encode("latin-1")))
    with pytest.raises(ImportFormatError, match="not valid UTF-8"):
        read(page)


def test_other_html_is_not_messenger(tmp_path: Path) -> None:
    page = tmp_path / "message_1.html"
    page.write_text("<html><body><div class='message'>hello</div></body></html>")
    assert not MessengerHtmlImporter().sniff(page)
    with pytest.raises(ImportFormatError, match=r"message_1\.html pages"):
        read(page)


def test_odd_hours_are_warned_once_per_page(tmp_path: Path) -> None:
    page = tmp_path / "message_1.html"
    text = next((DATA / "download").rglob("message_2.html")).read_text(encoding="utf-8")
    page.write_text(text.replace("4:50:00pm", "16:50:00pm").replace("9:05:44am", "00:05:44am"))
    msgs, report = read(page)
    assert [(m.timestamp.hour, m.timestamp.minute) for m in msgs] == [(0, 5), (16, 50)]
    assert report.warnings == [
        "message_1.html: some times have an hour their AM/PM marker does not allow "
        "(such as '00:04 AM' or '23:59 PM'); the clock value was used."
    ]


def test_pre_2018_single_messages_htm() -> None:
    msgs, report = read(DATA / "old")
    assert [(m.conversation_title, m.sender, m.text) for m in msgs] == [
        ("Alex Morgan, Jamie Lee", "Alex Morgan", "Are you coming in today?"),
        ("Alex Morgan, Jamie Lee", "Jamie Lee", "See you at the depot"),
        ("Alex Morgan, Sam Patel", "Alex Morgan", "Zone nobody knows"),
        ("Alex Morgan, Sam Patel", "Sam Patel", "Keys are with reception"),
    ]
    pdt = timezone(timedelta(hours=-7))
    assert msgs[1].timestamp == datetime(2015, 4, 5, 15, 4, tzinfo=pdt)
    assert msgs[1].time_basis == TimeBasis.OFFSET_GIVEN
    assert msgs[3].timestamp == datetime(2015, 4, 6, 9, 15, tzinfo=timezone(timedelta(hours=1)))
    assert msgs[2].time_basis == TimeBasis.CASE_TZ
    assert any("XYZT" in w for w in report.warnings)
    assert [(i.line_no, "last Easter" in i.message) for i in report.issues] == [(11, True)]
