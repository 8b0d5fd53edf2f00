"""The demo exports in resources/samples/whatsapp read cleanly and show what the demo needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import MessageKind
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp import WhatsAppImporter

SAMPLES = Path(__file__).parents[3] / "resources" / "samples" / "whatsapp"
GROUP = SAMPLES / "WhatsApp Chat - Housing Team.zip"
TOMS = SAMPLES / "WhatsApp Chat - Housing Team (Tom's phone).zip"
ONE_TO_ONE = SAMPLES / "WhatsApp Chat with Sam Patel.txt"
ALEX_PHONE = "+447911123456"


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(WhatsAppImporter().read(path, report, ImportOptions())), report


@pytest.mark.parametrize("path", [GROUP, TOMS, ONE_TO_ONE])
def test_demo_exports_read_without_issues(path: Path) -> None:
    assert WhatsAppImporter().sniff(path)
    records, report = read(path)
    assert records
    assert report.issues == []
    assert report.settings["date_order"] == "day-first"


def test_group_chat_has_the_requester_and_the_traps() -> None:
    records, _ = read(GROUP)
    assert 60 <= len(records) <= 120
    assert {r.conversation_title for r in records} == {"Housing Team"}
    assert any(r.sender_id == ALEX_PHONE for r in records)
    others = [r.text for r in records if r.sender_id != ALEX_PHONE]
    assert sum("Alex" in text for text in others) >= 5
    kinds = [r.kind for r in records]
    assert kinds.count(MessageKind.DELETED) == 1
    assert sum(r.edited for r in records) == 1
    assert kinds.count(MessageKind.SYSTEM) >= 5
    assert any("\n" in r.text for r in records if r.kind == MessageKind.MESSAGE)
    (photo,) = [a for r in records for a in r.attachments]
    assert photo.present
    assert photo.size


def test_group_chat_spans_the_spring_clock_change() -> None:
    records, _ = read(GROUP)
    offsets = {r.timestamp.utcoffset() for r in records}
    assert len(offsets) == 2
    assert records[0].timestamp.isoformat().endswith("+00:00")
    assert records[-1].timestamp.isoformat().endswith("+01:00")


def test_group_chat_holds_third_party_data_for_redaction() -> None:
    text = "\n".join(r.text for r in read(GROUP)[0])
    assert "LS6 2QT" in text
    assert "07700 900482" in text
    assert "denise.carter@example.com" in text
    assert "QQ 12 34 56 C" in text
    nhs = re.search(r"\b(\d{3}) (\d{3}) (\d{4})\b", text)
    assert nhs is not None
    digits = "".join(nhs.groups())
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    assert (11 - total % 11) % 11 == int(digits[9])


def test_second_phone_export_overlaps_the_first() -> None:
    def keys(path: Path) -> set[tuple[str, str | None, str]]:
        return {
            (r.timestamp.isoformat(), r.sender, r.text)
            for r in read(path)[0]
            if r.kind == MessageKind.MESSAGE
        }

    ours, toms = keys(GROUP), keys(TOMS)
    assert len(ours & toms) >= 60
    assert toms - ours == set()
    assert {r.conversation_title for r in read(TOMS)[0]} == {"Housing Team"}


def test_one_to_one_chat_mentions_the_requester() -> None:
    records, _ = read(ONE_TO_ONE)
    assert {r.sender for r in records} == {"Sam Patel", "Tom Reid"}
    assert any("07911 123456" in r.text for r in records)
    assert {r.conversation_key for r in records} == {"Sam Patel"}
