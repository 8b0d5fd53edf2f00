"""WhatsApp Business exports read through the ordinary WhatsApp importer (same text grammar).

formats-more.md section 6 found no difference in the .txt grammar; only business notices
differ, and on Android they may be printed under the business's name. These tests pin the
guarantees (every line in one record, true senders, recognised without a platform) and leave
the classification of the Android notice line to the WhatsApp parser.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import MessageKind
from sar_desk.importers import importer_for
from sar_desk.importers.base import ImportOptions

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "whatsapp_business"
ANDROID = DATA / "WhatsApp Chat with Morgan Home Goods.txt"
IOS = DATA / "_chat.txt"


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    importer = importer_for(path)
    assert importer.platform == "whatsapp"
    return list(importer.read(path, report, ImportOptions())), report


@pytest.mark.parametrize("path", [ANDROID, IOS], ids=["android", "ios"])
def test_every_line_lands_in_one_record(path: Path) -> None:
    msgs, report = read(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [m.line_no for m in msgs]
    assert not report.issues
    # Each record starts on a dated line; the only undated line continues the one before it.
    assert starts == [n for n, line in enumerate(lines, 1) if "/2024, " in line[:14]]
    assert len(msgs) == (10 if path is ANDROID else 6)


def test_android_business_chat_senders_and_notices() -> None:
    msgs, _ = read(ANDROID)
    by_line = {m.line_no: m for m in msgs}
    people = Counter(m.sender for n, m in by_line.items() if n != 2)
    assert people == {"Alex Morgan": 2, "Morgan Home Goods": 2, None: 5}
    assert by_line[5].text == "Yes, 4 left.\nDelivery is free within 5 miles."
    assert by_line[7].kind == MessageKind.MEDIA
    for line in (1, 3, 8, 9, 10):  # business notices without a sender are system events
        assert by_line[line].kind == MessageKind.SYSTEM, line
    assert "secure service from Meta" in by_line[2].text


def test_ios_business_notices_marked_by_direction_mark_are_system() -> None:
    msgs, _ = read(IOS)
    assert [m.kind for m in msgs[:2]] == [MessageKind.SYSTEM, MessageKind.SYSTEM]
    assert Counter(m.sender for m in msgs if m.kind != MessageKind.SYSTEM) == {
        "Alex Morgan": 2,
        "Morgan Home Goods": 2,
    }
