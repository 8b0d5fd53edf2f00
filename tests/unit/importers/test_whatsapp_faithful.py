"""Issue 14 item 1: every WhatsApp line is in one record with its true sender, or reported.

Fixtures (hand-written, synthetic) in tests/data/importers/whatsapp/:
- direction_marks.txt: U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069, U+FEFF and U+200B
  in headers, around sender names and right after "Name: ".
- odd_hours.txt: "00:04 AM", "23:59 PM" and "00:08 a. m." next to ordinary 12-hour times.
- unreadable_headers.txt: headers of the file's shape with an impossible date or time, and a
  pasted header of another shape.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import MessageKind
from sar_desk.importers import importer_for
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp import WhatsAppImporter
from sar_desk.importers.whatsapp.marks import INVISIBLE, strip_marks

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "whatsapp"


def _read(name: str, **options: object) -> tuple[dict[int, RawMessage], ImportReport]:
    report = ImportReport()
    path = DATA / name
    assert isinstance(importer_for(path), WhatsAppImporter)
    records = WhatsAppImporter().read(path, report, ImportOptions(**options))  # type: ignore[arg-type]
    return {r.line_no: r for r in records if r.line_no is not None}, report


def _covered(records: dict[int, RawMessage], report: ImportReport, path: Path) -> None:
    """Every line is the start or continuation of a record, or a reported line."""
    total = len(path.read_text(encoding="utf-8").splitlines())
    starts = sorted(records)
    covered = {i.line_no for i in report.issues if "before the first" in i.message}
    for start, following in zip(starts, [*starts[1:], total + 1], strict=True):
        covered.update(range(start, following))
    assert covered == set(range(1, total + 1))


def test_the_constant_holds_every_direction_and_invisible_mark() -> None:
    marks = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
    assert all(re.fullmatch(f"[{INVISIBLE}]", ch) for ch in marks)
    assert strip_marks(f"a{marks}b") == "ab"
    assert strip_marks("\U0001f468\u200d\U0001f469") == "\U0001f468\u200d\U0001f469"  # ZWJ kept


@pytest.mark.parametrize(
    ("line", "sender", "kind", "text"),
    [
        (2, "Tom Reid", MessageKind.MESSAGE, "yes, fixed yesterday"),
        (3, "Tom Reid", MessageKind.MESSAGE, "second line with a right-to-left mark"),
        (4, "+44 7700 900123", MessageKind.MESSAGE, "I am the tenant's neighbour"),
        (5, "Priya Shah", MessageKind.MESSAGE, "@Tom Reid thanks"),
        (6, "Priya Shah", MessageKind.MESSAGE, "zero width first"),
        (7, "Jo Bloggs", MessageKind.MESSAGE, "forced LTR text"),
        (8, "Jo Bloggs", MessageKind.MESSAGE, "isolated"),
        (9, "Jo Bloggs", MessageKind.MESSAGE, "Arabic letter mark first"),
        (10, "Tom Reid", MessageKind.MEDIA, "caption on the next line"),
        (12, "Tom Reid", MessageKind.DELETED, "This message was deleted"),
        (14, "Jo Bloggs", MessageKind.MESSAGE, "multi-line after a mark\nstill Jo's message"),
    ],
)
def test_a_mark_after_the_colon_or_in_the_header_keeps_the_sender(
    line: int, sender: str, kind: MessageKind, text: str
) -> None:
    records, report = _read("direction_marks.txt")
    record = records[line]
    assert (record.sender, record.kind, record.text) == (sender, kind, text)
    assert report.issues == []


def test_a_marked_known_group_event_is_still_a_system_event() -> None:
    records, _ = _read("direction_marks.txt")
    assert records[13].kind is MessageKind.SYSTEM
    assert records[13].sender is None
    assert records[13].text == "Priya Shah added Jo Bloggs"


def test_direction_marks_file_has_every_line_in_a_record() -> None:
    records, report = _read("direction_marks.txt")
    assert len(records) == 13
    _covered(records, report, DATA / "direction_marks.txt")


def test_hours_the_marker_does_not_allow_are_read_as_the_clock_value() -> None:
    records, report = _read("odd_hours.txt", timezone="UTC")
    assert sorted(records) == [1, 2, 3, 4, 5, 6]
    when = {n: r.timestamp.replace(tzinfo=None) for n, r in records.items()}
    assert when[1] == datetime(2025, 2, 14, 23, 58)
    assert when[2] == datetime(2025, 2, 15, 0, 4, 10)  # 00:04 AM
    assert when[3] == datetime(2025, 2, 15, 0, 30)  # 12:30 AM is still half past midnight
    assert when[4] == datetime(2025, 2, 15, 23, 59)  # 23:59 PM
    assert when[5] == datetime(2025, 2, 16, 0, 8)  # 00:08 a. m.
    assert when[6] == datetime(2025, 2, 16, 9, 15)
    assert [records[n].sender for n in (2, 4, 5)] == ["Tom Reid", "Jo Bloggs", "Tom Reid"]
    assert records[1].text == "nearly midnight"  # nothing appended to the message before
    (warning,) = [w for w in report.warnings if "AM/PM" in w]
    assert warning.startswith("3 message times")
    assert "lines 2, 4, 5" in warning
    assert report.issues == []


def test_unreadable_headers_are_reported_with_their_line_and_owner() -> None:
    records, report = _read("unreadable_headers.txt")
    assert sorted(records) == [1, 4, 5]
    assert records[1].text.splitlines()[1:] == [
        "31/02/2025, 09:01 - Tom Reid: no 31 February",
        "14/02/2025, 25:61 - Jo Bloggs: no such time",
    ]
    issues = {i.line_no: i.message for i in report.issues}
    assert sorted(issues) == [2, 3, 6]
    assert "'31/02/2025, 09:01' is not a date" in issues[2]
    assert "at line 1" in issues[2]
    assert "at line 1" in issues[3]
    assert "another format" in issues[6]
    assert "at line 5" in issues[6]
    _covered(records, report, DATA / "unreadable_headers.txt")
