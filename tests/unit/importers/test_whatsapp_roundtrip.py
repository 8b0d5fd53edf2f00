"""Round trip: render random synthetic chats in several WhatsApp header styles, parse them back."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sar_desk.core.imports import ImportReport
from sar_desk.core.model import MessageKind
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp import WhatsAppImporter
from sar_desk.importers.whatsapp.events import classify

SENDERS = ("Priya Shah", "Tom Reid", "Jo Bloggs", "+44 7911 123456", "+44 7700 900123", "Zoë 🌻")
NNBSP = "\u202f"


@dataclass(frozen=True)
class Synthetic:
    when: datetime
    sender: str
    text: str


def _twelve(when: datetime) -> tuple[int, str]:
    return (when.hour % 12 or 12), ("AM" if when.hour < 12 else "PM")


def android_gb(m: Synthetic) -> str:
    return f"{m.when:%d/%m/%Y, %H:%M} - {m.sender}: {m.text}"


def android_us_12h(m: Synthetic) -> str:
    hour, half = _twelve(m.when)
    stamp = f"{m.when.month}/{m.when.day}/{m.when:%y}, {hour}:{m.when:%M}{NNBSP}{half}"
    return f"{stamp} - {m.sender}: {m.text}"


def ios_seconds(m: Synthetic) -> str:
    return f"[{m.when:%d/%m/%Y, %H:%M:%S}] {m.sender}: {m.text}"


def dotted(m: Synthetic) -> str:
    return f"{m.when:%d.%m.%y, %H:%M} - {m.sender}: {m.text}"


STYLES: dict[str, tuple[Callable[[Synthetic], str], bool]] = {
    # renderer, whether seconds survive
    "android-gb": (android_gb, False),
    "android-us-12h": (android_us_12h, False),
    "ios-seconds": (ios_seconds, True),
    "dotted": (dotted, False),
}

# Text without digits (so no continuation line can look like a header) but with the things
# that break naive parsers: colons, dashes, brackets, emoji with ZWJ, blank lines.
_PIECES = [*"abcdefghij XYZ:-[]<>.,!?'é", "👨\u200d👩\u200d👧", "❤️", ": ", " - "]
_LINE = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
_TEXT = (
    st.lists(_LINE, min_size=1, max_size=4)
    .map("\n".join)
    .filter(lambda t: t.strip() != "" and not t.endswith("\n") and t.split("\n")[-1].strip() != "")
)
_WHEN = st.datetimes(min_value=datetime(2012, 1, 1), max_value=datetime(2030, 12, 31))
_MESSAGE = st.builds(Synthetic, when=_WHEN, sender=st.sampled_from(SENDERS), text=_TEXT)
_FOLDER = Path(tempfile.mkdtemp(prefix="sar-desk-whatsapp-roundtrip-"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    messages=st.lists(_MESSAGE, min_size=1, max_size=12),
    style=st.sampled_from(sorted(STYLES)),
)
def test_rendered_chats_parse_back_exactly(messages: list[Synthetic], style: str) -> None:
    render, seconds = STYLES[style]
    # Anchor the day/month order with a day above 12, as any real chat of a few weeks has,
    # and give every sender one plain message: a sender whose every message starts "X: "
    # cannot be told apart from a sender called "Name: X" (the importer's documented limit).
    anchors = [Synthetic(datetime(2025, 1, 13, 9, 30, 15), sender, "anchor") for sender in SENDERS]
    chat = [*anchors, *messages]
    path = _FOLDER / f"{style}.txt"
    path.write_text("\n".join(render(m) for m in chat) + "\n", encoding="utf-8")
    report = ImportReport()
    records = list(WhatsAppImporter().read(path, report, ImportOptions()))
    assert report.issues == []
    assert len(records) == len(chat)
    for record, original in zip(records, chat, strict=True):
        expected_when = original.when.replace(microsecond=0)
        if not seconds:
            expected_when = expected_when.replace(second=0)
        assert record.timestamp.replace(tzinfo=None) == expected_when
        assert record.sender == original.sender
        body_kind = classify(original.text, marked=False).kind
        assert record.kind == body_kind
        if body_kind is MessageKind.MESSAGE:
            assert record.text == original.text
