"""A lone first name that is also a month ("April") does not block every bundle dated in April.

SAR Desk writes month and day names itself (day headings, the letter's dates). Redacting the
name "April" once must not make those the tool's own words into leaks or undecided places.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from export_data import GENERATED_AT, _msg, _span, inputs_for, synthetic

from sar_desk.app.places import ordinary_words
from sar_desk.core.calendar import CALENDAR_WORDS
from sar_desk.core.errors import SarDeskError
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.export.bundle import build_bundle
from sar_desk.export.extract import file_pieces
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions

TEXT = "April from next door called about the fence."


def _inputs(words: frozenset[str]):
    case, messages, decisions = synthetic()
    msg = _msg(40, 1, messages[0].conversation, "Sam Officer", TEXT)
    msg = replace(msg, timestamp=datetime(2026, 4, 14, 10, 0, tzinfo=UTC))
    redactions = {**decisions.redactions, msg.id: (_span(40, TEXT, "April"),)}
    decisions = replace(
        decisions,
        in_scope=(*decisions.in_scope, msg.id),
        redactions=redactions,
        ordinary_words=words,
    )
    return inputs_for(case, [*messages, msg], decisions)


def _build(tmp_path: Path, words: frozenset[str]) -> Path:
    options = BundleOptions(
        generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, pseudonyms=False
    )
    run_job(build_bundle(_inputs(words), options, tmp_path / "out", cancel=CancelToken()))
    return tmp_path / "out" / "pack"


def test_month_and_day_names_are_ordinary_words() -> None:
    assert {"april", "june", "jan", "monday"} <= CALENDAR_WORDS <= ordinary_words()


def test_a_bundle_dated_in_april_exports_with_april_redacted_where_decided(tmp_path: Path) -> None:
    pack = _build(tmp_path, ordinary_words())
    texts = [t for p in sorted(pack.rglob("*.pdf")) for _w, t in file_pieces(p)]
    joined = "\n".join(texts)
    assert "from next door called about the fence" in joined
    assert "April from next door" not in joined  # the decided span is redacted
    assert "April 2026" in joined  # the tool's own date heading stays readable


def test_without_the_calendar_words_the_same_bundle_is_refused(tmp_path: Path) -> None:
    plain = ordinary_words() - CALENDAR_WORDS
    with pytest.raises(SarDeskError):
        _build(tmp_path, plain)
