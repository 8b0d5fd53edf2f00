"""Differential fuzz of the text importers (issue 14 item 6): generate, parse back, compare.

Seeded (so a failure names its seed and reproduces), bounded to a few seconds per importer.
Every record must come back with its sender, timestamp, text and kind; every line must be in a
record or reported; hours the AM/PM marker does not allow must be counted in one warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz_text import Chat, signal_chat, sigtop_chat, whatsapp_chat

from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.importers import importer_for
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.signal import SignalImporter
from sar_desk.importers.whatsapp import WhatsAppImporter

SEEDS = range(120)


def _compare(
    records: list[RawMessage], report: ImportReport, chat: Chat, seed: int, aware: bool = False
) -> None:
    """Record by record: line, sender, timestamp, text, kind; and the lines reported."""
    times = [r.timestamp if aware else r.timestamp.replace(tzinfo=None) for r in records]
    got = [(r.line_no, r.sender, t, r.text, r.kind) for r, t in zip(records, times, strict=True)]
    want = [(e.line, e.sender, e.when, e.text, e.kind) for e in chat.records]
    for index, (mine, theirs) in enumerate(zip(got, want, strict=False)):
        assert mine == theirs, f"seed {seed}, record {index}:\n got  {mine}\n want {theirs}"
    assert len(got) == len(want), f"seed {seed}: {len(got)} records, expected {len(want)}"
    assert [i.line_no for i in report.issues] == list(range(1, chat.preamble + 1)), seed


@pytest.mark.parametrize("seed", SEEDS)
def test_whatsapp_chats_parse_back_record_by_record(tmp_path: Path, seed: int) -> None:
    chat = whatsapp_chat(seed)
    path = tmp_path / "WhatsApp Chat with Repairs Group.txt"
    path.write_bytes(chat.text.encode("utf-8"))
    assert isinstance(importer_for(path), WhatsAppImporter), seed
    report = ImportReport()
    options = ImportOptions(timezone="UTC", day_first=chat.day_first)
    records = list(WhatsAppImporter().read(path, report, options))
    _compare(records, report, chat, seed)
    odd = [w for w in report.warnings if "AM/PM marker" in w]
    assert len(odd) == (1 if chat.odd_hours else 0), seed
    if chat.odd_hours:
        assert odd[0].startswith(f"{chat.odd_hours} message times"), seed


@pytest.mark.parametrize("seed", SEEDS)
def test_signal_chats_parse_back_record_by_record(tmp_path: Path, seed: int) -> None:
    chat = signal_chat(seed)
    path = tmp_path / "chat.md"
    path.write_text(chat.text, encoding="utf-8")
    assert isinstance(importer_for(path), SignalImporter), seed
    report = ImportReport()
    records = list(SignalImporter().read(path, report, ImportOptions(timezone="UTC")))
    _compare(records, report, chat, seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_sigtop_chats_parse_back_record_by_record(tmp_path: Path, seed: int) -> None:
    chat = sigtop_chat(seed)
    path = tmp_path / "Housing team.txt"
    path.write_text(chat.text, encoding="utf-8")
    report = ImportReport()
    if not chat.preamble:  # a file whose first line is no message is read, but not sniffed
        assert isinstance(importer_for(path), SignalImporter), seed
    records = list(SignalImporter().read(path, report, ImportOptions(timezone="UTC")))
    _compare(records, report, chat, seed, aware=True)
    for record, expected in zip(records, chat.records, strict=True):
        assert record.timestamp.utcoffset() == expected.when.utcoffset(), seed
