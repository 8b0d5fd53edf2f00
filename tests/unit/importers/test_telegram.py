"""Telegram Desktop JSON importer: table tests on synthetic samples, malformed input, round trip."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import generate_exports as gen
import pytest

from sar_desk.core.errors import ImportFormatError, SarDeskError
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.telegram import TelegramImporter
from tests.conftest import sample

IMP = TelegramImporter()


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(IMP.read(path, report, ImportOptions())), report


@pytest.fixture(scope="module")
def single() -> tuple[list[RawMessage], ImportReport]:
    return read(sample("telegram", "single_chat.json"))


def by_id(records: list[RawMessage], mid: str) -> RawMessage:
    return next(r for r in records if r.platform_message_id == mid)


def test_single_chat_keys_and_order(single: tuple[list[RawMessage], ImportReport]) -> None:
    records, _ = single
    assert [r.platform_message_id for r in records] == ["1", "2", "3", "4", "5", "6", "7"]
    assert {r.conversation_key for r in records} == {"4001"}
    assert {r.conversation_title for r in records} == {"Repairs team"}


@pytest.mark.parametrize(
    ("mid", "field", "expected"),
    [
        ("1", "kind", MessageKind.SYSTEM),
        ("1", "text", "Priya Example added Tom Sample, Deleted Account"),
        ("1", "sender_id", "user555"),
        ("2", "text", "call me on 07911 123456 or mail priya@example.org cc @tomsample and Ann"),
        ("2", "mentions", ("@tomsample", "user777")),
        ("2", "timestamp", datetime(2024, 5, 2, 8, 14, 3, tzinfo=UTC)),
        ("2", "time_basis", TimeBasis.UTC),
        ("2", "timestamp_raw", "1714637643"),
        ("2", "sender_id_kind", IdentifierKind.PLATFORM_ID),
        ("3", "reply_to", "2"),
        ("3", "edited", True),
        ("3", "text", "noted \x0b tab\\x41 done"),
        ("3", "time_basis", TimeBasis.CASE_TZ),
        ("3", "timestamp", datetime(2024, 5, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))),
        ("4", "sender", "Deleted Account"),
        ("4", "sender_id", "user999"),
        ("5", "kind", MessageKind.MEDIA),
        ("5", "text", "damp photo"),
        ("6", "mentions", ("+447700900123",)),
        ("6", "text", "Shared contact: Jo Bloggs +44 7700 900123"),
    ],
)
def test_single_chat_fields(
    single: tuple[list[RawMessage], ImportReport], mid: str, field: str, expected: object
) -> None:
    assert getattr(by_id(single[0], mid), field) == expected


def test_placeholder_media_is_listed_but_absent(
    single: tuple[list[RawMessage], ImportReport],
) -> None:
    (att,) = by_id(single[0], "5").attachments
    assert (att.name, att.type, att.present, att.path) == ("photo", "photo", False, None)


def test_reactions_keep_recent_actors_and_count(
    single: tuple[list[RawMessage], ImportReport],
) -> None:
    reactions = by_id(single[0], "7").reactions
    assert [(r.emoji, r.actor, r.actor_id) for r in reactions] == [
        ("👍", "Tom Sample", "user666"),
        ("👍", None, None),
    ]


def test_unreadable_records_are_reported_with_where_and_why(
    single: tuple[list[RawMessage], ImportReport],
) -> None:
    _, report = single
    assert [(i.location, i.message) for i in report.issues] == [
        (
            "single_chat.json message 8",
            "has message type 'unsupported', which the export could not render",
        ),
        ("single_chat.json message 9", "has no readable date"),
    ]
    assert report.settings["timezone"] == "Europe/London"
    assert any("deleted messages" in text for text in report.limitations)


def test_full_export_reads_chats_and_left_chats_with_media_presence() -> None:
    records, report = read(sample("telegram", "full_export"))
    assert [(r.conversation_key, r.conversation_title, r.location) for r in records] == [
        ("666", "Tom Sample", "result.json chat 1 message 1"),
        ("666", "Tom Sample", "result.json chat 1 message 2"),
        ("555", "Saved Messages", "result.json chat 2 message 1"),
        ("777", "Old group", "result.json chat 3 message 1"),
    ]
    photo, missing = records[0].attachments[0], records[1].attachments[0]
    assert photo.present
    assert photo.path == "photos/photo_1@01-06-2024_09-00-00.jpg"
    assert (missing.name, missing.present, missing.type) == ("missing.pdf", False, "document")
    assert records[3].text == 'Priya Example created the group "Old group" with Priya Example'
    assert records[3].kind == MessageKind.SYSTEM
    assert report.issues == []


def test_result_json_alone_has_no_media_present(tmp_path: Path) -> None:
    lone = tmp_path / "result.json"
    lone.write_bytes(sample("telegram", "full_export/result.json").read_bytes())
    records, _ = read(lone)
    assert not records[0].attachments[0].present


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("bad_truncated.json", "ends abruptly at byte 700"),
        ("bad_utf16_nobom.json", "UTF-16 text without a byte-order mark"),
        ("bad_latin1.json", "not valid UTF-8"),
    ],
)
def test_malformed_files_raise_a_clear_error(name: str, words: str) -> None:
    with pytest.raises(ImportFormatError, match=words):
        read(sample("telegram", name))


def test_truncated_telegram_from_bad_inputs_tool(bad_inputs: Path) -> None:
    path = bad_inputs / "truncated_telegram.json"
    assert IMP.sniff(path)
    with pytest.raises(SarDeskError, match=r"truncated_telegram\.json ends abruptly"):
        read(path)


def test_json_that_is_not_telegram_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"hello": [1, 2, 3]}', encoding="utf-8")
    assert not IMP.sniff(other)
    with pytest.raises(ImportFormatError, match="no Telegram chats or messages"):
        read(other)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_round_trip_single_chat(tmp_path: Path, seed: int) -> None:
    specs = list(gen.specs(seed, 300))
    gen.write_telegram(tmp_path / "result.json", specs)
    records, report = read(tmp_path / "result.json")
    assert [gen.as_expected(r) for r in records] == gen.expect_telegram(specs)
    assert report.issues == []


def test_round_trip_full_export_zip(tmp_path: Path) -> None:
    specs = sorted(gen.specs(7, 300), key=lambda s: (s.conv, s.index))
    folder = tmp_path / "DataExport"
    folder.mkdir()
    gen.write_telegram(folder / "result.json", specs, full=True)
    archive = gen.zip_folder(folder, tmp_path / "export.zip")
    assert IMP.sniff(archive)
    records, _ = read(archive)
    assert [gen.as_expected(r) for r in records] == gen.expect_telegram(specs, full=True)
