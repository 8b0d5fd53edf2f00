"""Table tests of the WhatsApp importer on the synthetic samples in tests/data."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp import WhatsAppImporter

DATA = Path(__file__).parents[2] / "data" / "importers" / "whatsapp"
REPAIRS = DATA / "WhatsApp Chat with Repairs Group.txt"


def read(path: Path, **options: object) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    records = list(WhatsAppImporter().read(path, report, ImportOptions(**options)))  # type: ignore[arg-type]
    return records, report


def by_line(records: list[RawMessage]) -> dict[int, RawMessage]:
    return {r.line_no: r for r in records if r.line_no is not None}


def offset(record: RawMessage) -> timedelta | None:
    return record.timestamp.utcoffset()


@pytest.fixture(scope="module")
def repairs() -> tuple[dict[int, RawMessage], ImportReport]:
    records, report = read(REPAIRS)
    return by_line(records), report


@pytest.mark.parametrize(
    ("line", "kind", "sender", "sender_id", "text"),
    [
        (2, MessageKind.SYSTEM, None, None, "Messages and calls are end-to-end encrypted."),
        (3, MessageKind.SYSTEM, None, None, 'Priya Shah created group "Repairs Group"'),
        (4, MessageKind.SYSTEM, None, None, "Priya Shah added +44 7911 123456"),
        (5, MessageKind.SYSTEM, None, None, "You're now an admin"),
        (6, MessageKind.MESSAGE, "Priya Shah", None, "Morning all, the damp report"),
        (9, MessageKind.MESSAGE, "+44 7911 123456", "+447911123456", "Thanks Priya"),
        (10, MessageKind.MEDIA, "+44 7700 900123", "+447700900123", ""),
        (11, MessageKind.MESSAGE, "Sam", None, "hello from a non-contact"),
        (12, MessageKind.MEDIA, "Tom Reid", None, "Photo of the ceiling"),
        (14, MessageKind.DELETED, "Tom Reid", None, "This message was deleted"),
        (16, MessageKind.CALL, "Tom Reid", None, "Missed voice call"),
        (17, MessageKind.MEDIA, "Tom Reid", None, ""),
        (18, MessageKind.MEDIA, "Jo Bloggs", None, "location: https://maps.google.com/"),
        (24, MessageKind.SYSTEM, None, None, "Tom Reid left"),
        (25, MessageKind.SYSTEM, None, None, "Some future WhatsApp event nobody has seen yet"),
    ],
)
def test_reads_each_kind_of_android_line(
    repairs: tuple[dict[int, RawMessage], ImportReport],
    line: int,
    kind: MessageKind,
    sender: str | None,
    sender_id: str | None,
    text: str,
) -> None:
    record = repairs[0][line]
    assert record.kind == kind
    assert record.sender == sender
    assert record.sender_id == sender_id
    assert record.sender_id_kind == (IdentifierKind.PHONE if sender_id else None)
    assert record.text.startswith(text)
    assert record.location == f"line {line}"
    assert record.platform == "whatsapp"


def test_every_line_is_in_a_record_or_reported(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    records, report = repairs
    # Line 1 precedes the first header; lines 21-22 look like headers but are kept as text.
    assert [(i.location, i.line_no) for i in report.issues] == [
        ("line 1", 1),
        ("line 21", 21),
        ("line 22", 22),
    ]
    assert "before the first message" in report.issues[0].message
    total_lines = len(REPAIRS.read_text(encoding="utf-8").splitlines())
    covered = {1}
    starts = sorted(records)
    for start, following in zip(starts, [*starts[1:], total_lines + 1], strict=True):
        covered.update(range(start, following))
    assert covered == set(range(1, total_lines + 1))


def test_multi_line_message_keeps_blank_lines(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    assert repairs[0][6].text == (
        "Morning all, the damp report for 14 Elm Row is in.\n\nSecond paragraph after a blank line."
    )


def test_gmt_and_bst_dates_get_the_case_zone_offset(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    gmt, bst = repairs[0][6], repairs[0][12]
    assert gmt.timestamp == datetime.fromisoformat("2026-03-20T09:04:00+00:00")
    assert offset(gmt) == timedelta(0)
    assert bst.timestamp == datetime.fromisoformat("2026-04-02T14:30:00+01:00")
    assert offset(bst) == timedelta(hours=1)
    assert bst.timestamp_raw == "02/04/2026, 14:30"
    assert bst.time_basis is TimeBasis.CASE_TZ


def test_out_of_order_timestamps_stay_in_file_order(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    records = repairs[0]
    assert records[19].timestamp < records[18].timestamp
    assert list(records) == sorted(records)


def test_pasted_headers_of_another_style_or_order_stay_message_text(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    record = repairs[0][20]
    assert record.text == (
        "pasted from elsewhere:\n"
        "[02/04/2026, 10:00:00] Someone Else: a quoted iOS line\n"
        "04/25/2026, 10:00 - Someone Else: a quoted US-order line"
    )
    assert 21 not in repairs[0]
    assert 22 not in repairs[0]
    assert any("different format" in w for w in repairs[1].warnings)
    # Never silently: each such line is reported with its number and where its text went.
    reported = {i.line_no: i.message for i in repairs[1].issues}
    assert "another format" in reported[21]
    assert "at line 20" in reported[21]
    assert "'04/25/2026, 10:00' is not a date" in reported[22]
    assert "at line 20" in reported[22]


def test_media_attachment_is_absent_from_a_bare_txt(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    (attachment,) = repairs[0][12].attachments
    assert (attachment.name, attachment.type, attachment.present) == (
        "IMG-20260402-WA0003.jpg",
        "image",
        False,
    )
    (omitted,) = repairs[0][10].attachments
    assert omitted.present is False


def test_view_once_and_location_are_media_attachments(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    (once,) = repairs[0][17].attachments
    assert (once.type, once.present) == ("view-once", False)
    (place,) = repairs[0][18].attachments
    assert (place.type, place.name) == ("location", "https://maps.google.com/?q=51.5072,-0.1276")


def test_edited_marker_is_removed_and_flagged(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    record = repairs[0][15]
    assert (record.text, record.edited) == ("Fixed the time to 3pm", True)
    assert repairs[0][16].edited is False


def test_system_lines_keep_actor_numbers_as_mentions(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    assert repairs[0][4].mentions == ("+447911123456",)


def test_zwj_and_vs16_survive_in_text(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    assert repairs[0][23].text == "\U0001f468\u200d\U0001f469\u200d\U0001f467 \u2764\ufe0f"


def test_title_comes_from_created_group_and_key_from_file_name(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    record = repairs[0][6]
    assert record.conversation_key == "Repairs Group"
    assert record.conversation_title == "Repairs Group"


def test_report_records_settings_and_limitations(
    repairs: tuple[dict[int, RawMessage], ImportReport],
) -> None:
    report = repairs[1]
    assert report.settings["date_order"] == "day-first"
    assert report.settings["timezone"] == "Europe/London"
    assert "Europe/London" in report.settings["timezone_assumption"]
    joined = " ".join(report.limitations).lower()
    assert "reactions" in joined
    assert "repl" in joined
    assert "edit" in joined


# --- iOS (_chat.txt: CRLF, BOM, LRM, U+202A-wrapped numbers) ---------------------------------


@pytest.fixture(scope="module")
def ios() -> dict[int, RawMessage]:
    return by_line(read(DATA / "_chat.txt")[0])


@pytest.mark.parametrize(
    ("line", "kind", "sender", "text", "files"),
    [
        (1, MessageKind.SYSTEM, None, "Messages and calls are end-to-end encrypted.", []),
        (2, MessageKind.MESSAGE, "Dmitry Example", "Hello", []),
        (3, MessageKind.MESSAGE, "Dmitry Example", "Line one\nline two", []),
        (5, MessageKind.MEDIA, "Dmitry Example", "", [("image omitted", "image")]),
        (6, MessageKind.SYSTEM, None, "Your security code with Dmitry Example changed.", []),
        (
            7,
            MessageKind.MEDIA,
            "Dmitry Example",
            "Lease.docx",
            [("00000012-Lease.docx", "document")],
        ),
        (
            8,
            MessageKind.MEDIA,
            "Dmitry Example",
            "",
            [("00000035-PHOTO-2022-03-28-08-02-10.jpg", "image")],
        ),
        (9, MessageKind.MEDIA, "Dmitry Example", "", [("Rent schedule.pdf", "document")]),
        (10, MessageKind.DELETED, "Dmitry Example", "This message was deleted.", []),
        (11, MessageKind.DELETED, "+44 7911 123456", "You deleted this message.", []),
        (12, MessageKind.MESSAGE, "+44 7911 123456", "Midline BOM and @Dmitry Example mention", []),
        (13, MessageKind.CALL, "Dmitry Example", "Missed voice call", []),
        (14, MessageKind.MEDIA, "Dmitry Example", "Location: https://maps.google.com/", []),
        (15, MessageKind.MEDIA, "Dmitry Example", "", [("sticker omitted", "sticker")]),
    ],
)
def test_reads_each_kind_of_ios_line(
    ios: dict[int, RawMessage],
    line: int,
    kind: MessageKind,
    sender: str | None,
    text: str,
    files: list[tuple[str, str]],
) -> None:
    record = ios[line]
    assert (record.kind, record.sender) == (kind, sender)
    assert record.text.startswith(text)
    assert "\u200e" not in record.text
    assert "\ufeff" not in record.text
    if files:
        assert [(a.name, a.type) for a in record.attachments] == files


def test_ios_phone_sender_wrapped_in_bidi_marks_is_normalised(
    ios: dict[int, RawMessage],
) -> None:
    record = ios[11]
    assert record.sender_id == "+447911123456"
    assert record.sender_id_kind is IdentifierKind.PHONE


def test_ios_seconds_and_bom_inside_bracket(ios: dict[int, RawMessage]) -> None:
    assert ios[2].timestamp == datetime.fromisoformat("2022-03-27T21:41:35+01:00")
    assert ios[6].timestamp == datetime.fromisoformat("2022-03-28T08:00:00+01:00")
    assert ios[2].timestamp_raw == "27/03/2022, 21:41:35"


def test_ios_chat_alone_is_named_after_its_stem(ios: dict[int, RawMessage]) -> None:
    assert ios[2].conversation_key == "_chat"


# --- names containing ": " -------------------------------------------------------------------


def test_sender_names_containing_colon_space_are_cross_checked() -> None:
    records = by_line(read(DATA / "colon_names.txt")[0])
    assert [(r.sender, r.text) for r in records.values()] == [
        ("Dr: Who", "first message"),
        ("Dr: Who", "Re: second message"),
        ("Dr: Who", "third"),
        ("Sam Lee", "Note: bring the keys"),
        ("Sam Lee", "ok"),
        ("Sam Lee", "fine"),
        (None, 'Sam Lee changed the subject from "Rent: arrears" to "Rent"'),
        ("Sam Lee", "Update: done"),
    ]
    assert records[7].kind == MessageKind.SYSTEM


def test_crlf_and_lf_files_give_the_same_records(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(REPAIRS.read_bytes().replace(b"\n", b"\r\n"))
    lf_records = read(REPAIRS)[0]
    crlf_records = read(crlf)[0]
    assert [(r.line_no, r.text, r.timestamp) for r in crlf_records] == [
        (r.line_no, r.text, r.timestamp) for r in lf_records
    ]
