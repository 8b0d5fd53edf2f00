"""HCL Sametime transcripts: folder layout, native/table/text pages, dates, charset."""

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
from sar_desk.importers.sametime import SametimeImporter

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "sametime"
LONDON = ZoneInfo("Europe/London")


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(SametimeImporter().read(path, report, ImportOptions())), report


def test_transcripts_folder_every_line_once() -> None:
    msgs, report = read(DATA / "SametimeTranscripts")
    assert len(msgs) == 12
    assert Counter(m.sender for m in msgs) == {
        "Jamie Lee": 3,
        "Alex Morgan": 3,
        "Sam Patel": 1,
        "Priya Shah": 1,
        "Tom Reid": 1,
        None: 3,
    }
    assert all(m.time_basis == TimeBasis.CASE_TZ for m in msgs)
    (issue,) = report.issues
    assert issue.line_no == 15
    assert issue.location == "jamie.lee@example.com/20140124/jamielog.html line 15"
    assert "25:61 PM" in issue.message


def test_conversations_are_keyed_on_the_contact_folder() -> None:
    msgs, report = read(DATA / "SametimeTranscripts")
    titles = {m.conversation_key: m.conversation_title for m in msgs}
    assert titles == {
        "jamie.lee@example.com": "Jamie Lee",  # from personfolders.xml
        "CN=Sam Patel_OU=Housing": "Sam Patel",  # empty displayName: from the Notes name
        "multi-way/20140126101500{Repairs x2fx Rota}": "Repairs / Rota",
    }
    assert any("iso-8859-1" in w for w in report.warnings)
    cafe = next(m for m in msgs if m.conversation_key.startswith("CN="))
    assert cafe.text == "Morning Sam, the café meeting is at ten"
    assert cafe.timestamp == datetime(2014, 1, 25, 9, 0, 5, tzinfo=LONDON)  # 24-hour clock


def test_native_page_details() -> None:
    msgs, _ = read(DATA / "SametimeTranscripts")
    jamie = [m for m in msgs if m.conversation_key == "jamie.lee@example.com"]
    first, cont, reply, away, late, after = jamie
    assert first.text == "Are you at your desk?"  # the trailing &nbsp; is not text
    assert (first.sender_id, first.sender_id_kind) == (
        "jamie.lee@example.com",
        IdentifierKind.EMAIL,
    )
    assert first.timestamp == datetime(2014, 1, 24, 15, 22, 51, tzinfo=LONDON)
    assert (cont.sender, cont.text) == ("Jamie Lee", "It's about the Elm Street :) case")
    assert reply.text == "yes, call me\non 0113 496 0000"
    assert (away.kind, away.sender, away.timestamp) == (
        MessageKind.SYSTEM,
        None,
        reply.timestamp,
    )
    assert late.timestamp == datetime(2014, 1, 24, 23, 58, tzinfo=LONDON)
    assert after.timestamp == datetime(2014, 1, 25, 0, 1, 30, tzinfo=LONDON)  # past midnight
    group = [m for m in msgs if m.conversation_key.startswith("multi-way")]
    assert group[0].kind == MessageKind.SYSTEM
    assert group[0].timestamp == datetime(2014, 1, 26, 10, 15, tzinfo=LONDON)  # chat start


def test_text_form() -> None:
    msgs, report = read(DATA / "saved_chat.txt")
    assert [(m.sender, m.line_no) for m in msgs] == [
        ("Jamie Lee", 3),
        ("Alex Morgan", 5),
        ("Jamie Lee", 6),
    ]
    assert msgs[0].text == "Can you check the file for 12 Elm Street?\nIt has two addresses on it"
    assert msgs[2].text == "Thanks: ring me after"
    assert msgs[2].timestamp == datetime(2014, 2, 3, 14, 7, 45, tzinfo=LONDON)
    assert not report.issues


def test_table_form_continuations_keep_the_sender() -> None:
    msgs, _ = read(DATA / "saved_table.html")
    assert [(m.sender, m.text) for m in msgs] == [
        ("Jamie Lee", "Quick one about the rota"),
        ("Jamie Lee", "and the keys"),
        ("Alex Morgan", "Both sorted"),
    ]


def test_a_page_without_any_date_reports_its_messages(tmp_path: Path) -> None:
    page = tmp_path / "chat.html"
    text = (DATA / "saved_table.html").read_text(encoding="utf-8")
    page.write_text(text.replace('content="2014-02-04 09:30:00"', 'content="unknown"'))
    msgs, report = read(page)
    assert msgs == []
    assert [i.line_no for i in report.issues] == [2, 3, 4]
    assert "no date" in report.issues[0].message


def test_zip_reads_the_same(tmp_path: Path) -> None:
    expected, _ = read(DATA / "SametimeTranscripts")
    zipped = Path(shutil.make_archive(str(tmp_path / "st"), "zip", DATA, "SametimeTranscripts"))
    assert SametimeImporter().sniff(zipped)
    assert [m.text for m in read(zipped)[0]] == [m.text for m in expected]


def test_hostile_personfolders_is_ignored_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "SametimeTranscripts"
    shutil.copytree(DATA / "SametimeTranscripts", folder)
    (folder / "personfolders.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<folders><folder folderPath="jamie.lee@example.com" displayName="&x;"/></folders>'
    )
    msgs, report = read(folder)
    assert len(msgs) == 12
    assert any("personfolders.xml" in w for w in report.warnings)
    assert all("root:" not in (m.conversation_title or "") for m in msgs)


def test_other_html_is_not_sametime(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><div class='message'>hello</div></body></html>")
    assert not SametimeImporter().sniff(page)
    with pytest.raises(ImportFormatError, match="no Sametime transcript"):
        read(page)
