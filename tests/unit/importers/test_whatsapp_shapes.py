"""Issue 14 item 2: WhatsApp headers are recognised by shape, without naming the platform.

Hand-written fixtures in tests/data/importers/whatsapp/ (ios_short_year_no_comma.txt,
android_de_vorm_nachm.txt, ios_ja_marker_before.txt) and one-line chats for the grid below.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.importers import importer_for
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.signal import SignalImporter
from sar_desk.importers.whatsapp import WhatsAppImporter

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "whatsapp"


def _sniff_and_read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    importer = importer_for(path)  # no platform named: the shape must be recognised
    assert isinstance(importer, WhatsAppImporter)
    report = ImportReport()
    return list(importer.read(path, report, ImportOptions(timezone="UTC"))), report


def _naive(record: RawMessage) -> datetime:
    return record.timestamp.replace(tzinfo=None)


def test_brackets_two_digit_year_no_comma_no_seconds() -> None:
    records, report = _sniff_and_read(DATA / "ios_short_year_no_comma.txt")
    assert [(r.sender, _naive(r), r.text) for r in records] == [
        ("Ann Lee", datetime(2019, 1, 30, 20, 49), "first"),
        ("Bob Roe", datetime(2019, 1, 30, 20, 50), "second\nstill second"),
        ("Ann Lee", datetime(2019, 1, 31, 8, 5), "next day"),
    ]
    assert report.issues == []


def test_german_vorm_nachm() -> None:
    records, _ = _sniff_and_read(DATA / "android_de_vorm_nachm.txt")
    assert [_naive(r) for r in records] == [
        datetime(2019, 1, 30, 8, 49),
        datetime(2019, 1, 30, 12, 15),
        datetime(2019, 1, 31, 23, 59),
    ]


def test_japanese_marker_before_the_time() -> None:
    records, _ = _sniff_and_read(DATA / "ios_ja_marker_before.txt")
    assert [(r.sender, _naive(r)) for r in records] == [
        ("Ann Lee", datetime(2019, 1, 30, 8, 49)),
        ("Bob Roe", datetime(2019, 1, 30, 20, 50)),
        ("Ann Lee", datetime(2019, 1, 31, 0, 5)),
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("30/01/2019, 20:49 - ", datetime(2019, 1, 30, 20, 49)),
        ("30.01.19 20:49 - ", datetime(2019, 1, 30, 20, 49)),
        ("30-01-2019 20:49 - ", datetime(2019, 1, 30, 20, 49)),
        ("30.01.19 20:49:10 - ", datetime(2019, 1, 30, 20, 49, 10)),
        ("2019/01/30, 20:49 - ", datetime(2019, 1, 30, 20, 49)),
        ("[30/01/2019, 20:49:10] ", datetime(2019, 1, 30, 20, 49, 10)),
        ("[30-01-2019 20:49:10] ", datetime(2019, 1, 30, 20, 49, 10)),
        ("[1/30/19 8:49 PM] ", datetime(2019, 1, 30, 20, 49)),
        ("[1/30/19, 8:49:00\u202fpm] ", datetime(2019, 1, 30, 20, 49)),
        ("30/01/2019, 8:49\u00a0p.\u00a0m. - ", datetime(2019, 1, 30, 20, 49)),
        ("30/01/2019, 8:49 a. m. - ", datetime(2019, 1, 30, 8, 49)),
        ("30/1/19, 8:49 \u03bc.\u03bc. - ", datetime(2019, 1, 30, 20, 49)),
        ("2019/1/30 \u4e0b\u53488:49 - ", datetime(2019, 1, 30, 20, 49)),
        ("2019. 1. 30. \uc624\ud6c4 8:49 - ", datetime(2019, 1, 30, 20, 49)),
        ("[30/01/2019, 8:49:35 \u0645] ", datetime(2019, 1, 30, 20, 49, 35)),
    ],
)
def test_header_grid(tmp_path: Path, header: str, expected: datetime) -> None:
    path = tmp_path / "export.txt"
    path.write_text(f"{header}Ann Lee: hello\n", encoding="utf-8")
    (record,), report = _sniff_and_read(path)
    assert (record.sender, record.text, _naive(record)) == ("Ann Lee", "hello", expected)
    assert report.issues == []


def test_signal_export_shape_is_left_to_the_signal_importer(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("[2019-12-24, 12:23] Ann Lee: hello\n", encoding="utf-8")
    assert not WhatsAppImporter().sniff(path)
    assert isinstance(importer_for(path), SignalImporter)
