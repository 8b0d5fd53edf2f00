"""US exports mix one- and two-digit months and days; that is one header style, not two."""

from __future__ import annotations

from pathlib import Path

from sar_desk.core.imports import ImportReport
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp import WhatsAppImporter


def test_single_and_double_digit_us_dates_are_one_style_and_month_first(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Dana.txt"
    chat.write_text(
        "1/6/25, 9:15\u202fAM - Dana Cole: happy new year\n"
        "1/6/25, 9:16\u202fAM - Sam Lee: you too\n"
        "12/16/25, 4:02\u202fPM - Dana Cole: see you on the 20th\n"
        "12/16/25, 4:05\u202fPM - Sam Lee: great\n",
        encoding="utf-8",
    )
    report = ImportReport()
    records = list(WhatsAppImporter().read(chat, report, ImportOptions(timezone="UTC")))
    assert [r.timestamp.isoformat() for r in records] == [
        "2025-01-06T09:15:00+00:00",
        "2025-01-06T09:16:00+00:00",
        "2025-12-16T16:02:00+00:00",
        "2025-12-16T16:05:00+00:00",
    ]
    assert report.settings["date_order"] == "month-first"
    assert not report.warnings
    assert not report.issues
