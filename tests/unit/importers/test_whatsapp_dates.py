"""WhatsApp header variants, day/month order and daylight-saving handling."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sar_desk.core.errors import AmbiguousDateOrderError, Hint
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp import WhatsAppImporter
from sar_desk.importers.whatsapp.dates import match_line, style_of, to_int

DATA = Path(__file__).parents[2] / "data" / "importers" / "whatsapp"


def read(path: Path, day_first: bool | None = None) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    options = ImportOptions(day_first=day_first)
    return list(WhatsAppImporter().read(path, report, options)), report


def stamps(path: Path, day_first: bool | None = None) -> list[str]:
    return [r.timestamp.isoformat() for r in read(path, day_first)[0]]


@pytest.mark.parametrize(
    ("name", "order", "expected"),
    [
        (
            "android_en_us_12h.txt",
            "month-first",
            [
                "2023-02-04T22:35:00+00:00",
                "2023-02-14T09:05:00+00:00",
                "2023-02-14T12:00:00+00:00",
                "2023-02-14T00:30:00+00:00",
            ],
        ),
        (
            "android_en_gb_12h_lower.txt",
            "day-first",
            ["2023-10-09T11:11:00+01:00", "2023-10-19T13:05:00+01:00"],
        ),
        (
            "android_cs_dots.txt",
            "day-first",
            ["2022-03-23T13:31:00+00:00", "2022-03-23T13:32:00+00:00"],
        ),
        ("android_es_12h.txt", "day-first", None),
        ("android_nl_dashes.txt", "day-first", None),
        ("android_de.txt", "day-first", None),
        (
            "ios_en_us_12h.txt",
            "month-first",
            ["2018-01-29T23:46:03+00:00", "2018-01-30T00:01:00+00:00"],
        ),
        (
            "ios_buddhist.txt",
            "month-first",
            ["2022-03-27T21:41:35+01:00", "2022-03-28T09:00:00+01:00"],
        ),
        (
            "ios_arabic.txt",
            "day-first",
            ["2022-03-27T21:41:35+01:00", "2022-03-28T10:00:00+01:00"],
        ),
        (
            "year_first.txt",
            "year-first",
            ["2019-01-30T20:49:00+00:00", "2019-02-01T08:00:00+00:00"],
        ),
        (
            "ios_finnish_klo.txt",
            "day-first",
            ["2022-03-12T14:08:18+00:00", "2022-03-13T09:00:00+00:00"],
        ),
    ],
)
def test_header_variants_parse_with_inferred_order(
    name: str, order: str, expected: list[str] | None
) -> None:
    records, report = read(DATA / name)
    assert report.settings["date_order"] == order
    assert report.issues == []
    assert records, "no records"
    if expected is not None:
        assert [r.timestamp.isoformat() for r in records] == expected


def test_spanish_p_m_with_nbsp_is_afternoon() -> None:
    records = read(DATA / "android_es_12h.txt")[0]
    assert [r.timestamp.hour for r in records] == [20, 20, 8, 20]
    assert records[0].timestamp_raw == "30/01/2019, 08:49 p.\u00a0m."


def test_arabic_phone_sender_and_digits() -> None:
    records = read(DATA / "ios_arabic.txt")[0]
    assert records[1].sender == "+44 7700 900456"
    assert records[1].sender_id == "+447700900456"
    assert records[0].text == "مرحبا"


def test_truly_ambiguous_order_asks_the_user() -> None:
    with pytest.raises(AmbiguousDateOrderError) as caught:
        read(DATA / "ambiguous.txt")
    message = str(caught.value)
    assert "day first (UK phones) or month first (US phones)" in message
    assert caught.value.hint is Hint.DATE_ORDER
    assert "ambiguous.txt" in message


def test_explicit_order_overrides_inference() -> None:
    assert stamps(DATA / "ambiguous.txt", day_first=True) == [
        "2026-04-03T10:00:00+01:00",
        "2026-06-05T11:00:00+01:00",
    ]
    assert stamps(DATA / "ambiguous.txt", day_first=False) == [
        "2026-03-04T10:00:00+00:00",
        "2026-05-06T11:00:00+01:00",
    ]
    report = read(DATA / "ambiguous.txt", day_first=False)[1]
    assert report.settings["date_order"] == "month-first"


def test_order_is_inferred_from_the_whole_file(tmp_path: Path) -> None:
    # Only the last line settles the order; everything before it is ambiguous.
    lines = [f"0{m}/0{d}/2025, 10:00 - Ann: msg" for m, d in [(1, 2), (3, 4), (5, 6)] * 200]
    lines.append("01/13/2025, 10:00 - Ann: the thirteenth")
    path = tmp_path / "late_evidence.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, report = read(path)
    assert report.settings["date_order"] == "month-first"
    assert records[0].timestamp.date().isoformat() == "2025-01-02"


def test_same_day_and_month_everywhere_is_not_ambiguous(tmp_path: Path) -> None:
    path = tmp_path / "same.txt"
    path.write_text("03/03/2025, 10:00 - Ann: hi\n05/05/2025, 10:00 - Ann: hi\n", encoding="utf-8")
    assert [r.timestamp.day for r in read(path)[0]] == [3, 5]


@pytest.mark.parametrize(
    ("header", "iso"),
    [
        # Autumn: 01:30 happens twice on 25 Oct 2026; the first (BST) is taken.
        ("25/10/2026, 01:30", "2026-10-25T01:30:00+01:00"),
        # Spring: 01:30 never happens on 29 Mar 2026; read with the offset before the gap.
        ("29/03/2026, 01:30", "2026-03-29T01:30:00+00:00"),
        ("29/03/2026, 00:59", "2026-03-29T00:59:00+00:00"),
        ("29/03/2026, 02:00", "2026-03-29T02:00:00+01:00"),
        ("25/10/2026, 02:00", "2026-10-25T02:00:00+00:00"),
    ],
)
def test_daylight_saving_edges_are_deterministic(tmp_path: Path, header: str, iso: str) -> None:
    path = tmp_path / "dst.txt"
    path.write_text(f"{header} - Ann: hi\n13/01/2026, 10:00 - Ann: anchor\n", encoding="utf-8")
    record = read(path)[0][0]
    assert record.timestamp.isoformat() == iso


def test_spring_gap_time_is_the_instant_before_the_change(tmp_path: Path) -> None:
    path = tmp_path / "gap.txt"
    path.write_text("29/03/2026, 01:30 - Ann: hi\n", encoding="utf-8")
    record = read(path)[0][0]
    assert record.timestamp.utcoffset() == timedelta(0)
    assert record.timestamp == datetime.fromisoformat("2026-03-29T01:30:00+00:00")


def test_other_case_time_zone_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "ny.txt"
    path.write_text("13/07/2025, 10:00 - Ann: hi\n", encoding="utf-8")
    report = ImportReport()
    options = ImportOptions(timezone="America/New_York")
    (record,) = WhatsAppImporter().read(path, report, options)
    assert record.timestamp.isoformat() == "2025-07-13T10:00:00-04:00"
    assert report.settings["timezone"] == "America/New_York"


@pytest.mark.parametrize(
    "line",
    [
        "23/03/2022, 13:32 - Sam Lee: hi",
        "2/4/23, 10:35\u202fPM - Person 1: hi",
        "09/10/2023, 11:11\u202fam - +44 7700 900123: <Media omitted>",
        "23.03.22 13:31 - Jana: hi",
        "23-03-2022 13:31 - Sanne: hi",
        "01/30/2019, 08:49 p.\u00a0m. - Ana: hi",
        "[3/27/22, 21:41:35] Dmitry S: Hello",
        "[1/29/18, 11:46:03 PM] Alice: hi",
        "[3/27/22 21:41:35] Kenji: hi",
        "[3/27/2565 BE, 21:41:35] Somchai: hi",
        "\u200e[\ufeff29.01.18, 23:46:03] Anna: hi",
        "2019/01/30, 20:49 - Mei: hi",
        "[2024/10/31 15:50:46] Mei: hi",
        "[12.3.2022 klo 14.08.18] Aino: hi",
    ],
)
def test_every_documented_header_shape_matches(line: str) -> None:
    match = match_line(line)
    assert match is not None
    assert style_of(match) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Dear Sir, please find attached",
        "2022-03-23T13:32:00Z something",
        "23/03/2022 - no time here",
        '{"date": "23/03/2022, 13:32"}',
        "123/03/2022, 13:32 - Sam: three-digit day",
        "[2026-01-12, 09:15] Me: signal-export markdown has no seconds",
    ],
)
def test_non_headers_do_not_match(line: str) -> None:
    match = match_line(line)
    assert match is None or style_of(match) is None


def test_to_int_reads_non_latin_digits() -> None:
    assert to_int("٢٠٢٢") == 2022
    assert to_int("१२") == 12
    assert to_int("07") == 7
