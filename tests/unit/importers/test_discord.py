"""DiscordChatExporter JSON importer: table tests, dedupe, old shape, malformed, round trip."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import generate_exports as gen
import pytest

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.discord import DiscordImporter
from tests.conftest import sample

IMP = DiscordImporter()


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(IMP.read(path, report, ImportOptions())), report


@pytest.fixture(scope="module")
def channel() -> tuple[list[RawMessage], ImportReport]:
    return read(sample("discord", "with_media"))


def test_kinds_and_fallback_texts(channel: tuple[list[RawMessage], ImportReport]) -> None:
    records, _ = channel
    assert [(r.kind, r.text) for r in records] == [
        (MessageKind.MESSAGE, "hello <@900000000000000666>"),
        (MessageKind.MESSAGE, "see attached"),
        (MessageKind.CALL, "Started a call that lasted 10 minutes."),
        (MessageKind.SYSTEM, "Added Tom to the group."),
        (MessageKind.SYSTEM, "Guild member join"),
    ]
    assert {r.conversation_key for r in records} == {"500"}
    assert records[0].conversation_title == "Northvale / Housing / General"


def test_identity_time_reply_edit_and_mentions(
    channel: tuple[list[RawMessage], ImportReport],
) -> None:
    first, reply = channel[0][:2]
    assert (first.sender, first.sender_id, first.sender_id_kind) == (
        "Priya Example",
        "900000000000000555",
        IdentifierKind.PLATFORM_ID,
    )
    assert reply.sender == "tomsample"  # no nickname: falls back to the user name
    assert reply.timestamp == datetime(2024, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert reply.timestamp.utcoffset() == timedelta(hours=1)
    assert reply.time_basis == TimeBasis.OFFSET_GIVEN
    assert (reply.reply_to, reply.edited, first.edited) == ("1100000000000000001", True, False)
    assert first.mentions == ("900000000000000666",)
    assert [(r.emoji, r.actor_id) for r in first.reactions] == [
        ("👍", "900000000000000666"),
        ("👍", None),
    ]


def test_attachments_present_only_when_beside_the_json(
    channel: tuple[list[RawMessage], ImportReport],
) -> None:
    local, remote = channel[0][1].attachments
    assert (local.name, local.present, local.path) == (
        "damp.png",
        True,
        "General [500].json_Files/damp-1A2B.png",
    )
    assert (remote.name, remote.present, remote.size) == ("notes.pdf", False, 100)


def test_duplicates_and_bad_timestamps_are_reported(
    channel: tuple[list[RawMessage], ImportReport],
) -> None:
    assert [(i.location, i.message) for i in channel[1].issues] == [
        (
            "General [500].json message 6",
            "repeats message 1100000000000000001 of this channel; the copy was dropped",
        ),
        ("General [500].json message 7", "has no readable timestamp: 'not a time'"),
    ]


def test_old_shape_without_reference_roles_or_stickers() -> None:
    (record,), report = read(sample("discord", "old_shape.json"))
    assert (record.sender, record.text, record.reply_to) == ("tomsample", "old shape message", None)
    assert record.conversation_title == "Direct Messages / tomsample"
    assert report.issues == []


def test_truncated_file_names_file_and_offset() -> None:
    with pytest.raises(ImportFormatError, match=r"bad_truncated.json ends abruptly at byte 900"):
        read(sample("discord", "bad_truncated.json"))


def test_json_that_is_not_dce_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "x.json"
    other.write_text('{"messages": []}', encoding="utf-8")
    assert not IMP.sniff(other)
    with pytest.raises(ImportFormatError, match="not a DiscordChatExporter"):
        read(other)


@pytest.mark.parametrize("as_zip", [False, True])
def test_round_trip_folder_of_channels(tmp_path: Path, as_zip: bool) -> None:
    specs = list(gen.specs(5, 400))
    gen.write_discord(tmp_path / "dce", specs)
    path = gen.zip_folder(tmp_path / "dce", tmp_path / "dce.zip") if as_zip else tmp_path / "dce"
    records, report = read(path)
    assert [gen.as_expected(r) for r in records] == gen.expect_discord(specs)
    assert report.issues == []
