"""Slack workspace export importer: table tests, missing users.json, bad archives, round trip."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import generate_exports as gen
import pytest

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.core.model import IdentifierKind, MessageKind
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.slack import SlackImporter
from tests.conftest import sample

IMP = SlackImporter()


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(IMP.read(path, report, ImportOptions())), report


@pytest.fixture(scope="module")
def workspace() -> tuple[list[RawMessage], ImportReport]:
    return read(sample("slack", "workspace"))


def by_ts(records: list[RawMessage], ts: str) -> RawMessage:
    return next(r for r in records if r.platform_message_id == ts)


def test_records_are_in_ts_order_per_conversation(
    workspace: tuple[list[RawMessage], ImportReport],
) -> None:
    records, _ = workspace
    general = [r.platform_message_id or "" for r in records if r.conversation_key == "C0GENERAL"]
    assert general == sorted(general, key=lambda ts: tuple(map(int, ts.split("."))))
    assert [r.conversation_title for r in records][:2] == [
        "Direct message: Priya Example, Tom Sample",
        "#general",
    ]


@pytest.mark.parametrize(
    ("ts", "field", "expected"),
    [
        ("1704445200.000100", "kind", MessageKind.SYSTEM),
        ("1704445200.000100", "text", "@Tom Sample has joined the channel"),
        (
            "1704448800.000200",
            "text",
            "ask @Tom Sample about #general & the <leak> report (https://example.org/report) @here",
        ),
        ("1704448800.000200", "mentions", ("U0TOMSA02",)),
        ("1704448800.000200", "reply_to", None),
        ("1704448800.000200", "timestamp", datetime(2024, 1, 5, 10, 0, 0, 200, tzinfo=UTC)),
        ("1704448800.000200", "sender", "Priya Example"),
        ("1704448800.000200", "sender_id_kind", IdentifierKind.PLATFORM_ID),
        ("1704447000.000300", "sender", "Repairs Bot"),
        ("1704447000.000300", "sender_id", "B0BOT0001"),
        ("1704450000.000400", "kind", MessageKind.MEDIA),
        ("1704451000.000500", "kind", MessageKind.DELETED),
        ("1704452000.000600", "edited", True),
        ("1704452000.000600", "sender", "Gone User"),
        ("1704531600.000700", "reply_to", "1704448800.000200"),
        ("1704531600.000700", "location", "general/2024-01-06.json message 1"),
        ("1704531700.000800", "reply_to", "1704448800.000200"),
        ("1704531500.000900", "kind", MessageKind.SYSTEM),
        ("1704460000.000100", "conversation_key", "D0DM00001"),
    ],
)
def test_workspace_fields(
    workspace: tuple[list[RawMessage], ImportReport], ts: str, field: str, expected: object
) -> None:
    assert getattr(by_ts(workspace[0], ts), field) == expected


def test_files_are_listed_never_present(workspace: tuple[list[RawMessage], ImportReport]) -> None:
    (att,) = by_ts(workspace[0], "1704450000.000400").attachments
    assert (att.name, att.type, att.present, att.path, att.size) == (
        "damp.jpg",
        "image/jpeg",
        False,
        None,
        1234,
    )


def test_reactions_are_named_with_users(workspace: tuple[list[RawMessage], ImportReport]) -> None:
    reactions = by_ts(workspace[0], "1704448800.000200").reactions
    assert [(r.emoji, r.actor, r.actor_id) for r in reactions] == [
        (":thumbsup:", "Tom Sample", "U0TOMSA02"),
        (":thumbsup:", "Gone User", "U0GONE003"),
    ]


def test_users_give_links_and_channels_give_members(
    workspace: tuple[list[RawMessage], ImportReport],
) -> None:
    _, report = workspace
    links = {(link.identifier, link.other_kind, link.other) for link in report.identity_links}
    assert links == {
        ("U0PRIYA01", IdentifierKind.EMAIL, "priya.example@example.org"),
        ("U0PRIYA01", IdentifierKind.PHONE, "+447911123456"),
        ("U0TOMSA02", IdentifierKind.EMAIL, "tom.sample@example.org"),
    }
    members = {(p.conversation_key, p.identifier) for p in report.participants}
    assert ("C0GENERAL", "U0GONE003") in members
    assert ("D0DM00001", "U0TOMSA02") in members


def test_bad_records_are_reported(workspace: tuple[list[RawMessage], ImportReport]) -> None:
    assert [(i.location, i.message.split(":")[0]) for i in workspace[1].issues] == [
        ("general/2024-01-05.json message 7", "is not a message object"),
        ("general/2024-01-05.json message 8", "has no readable ts (message time)"),
    ]
    assert any("Business+" in text for text in workspace[1].limitations)


def test_missing_users_json_still_imports_with_a_warning() -> None:
    records, report = read(sample("slack", "no_users"))
    assert [(r.sender, r.text) for r in records] == [
        ("Priya Example", "hi @U0TOMSA02"),
        ("U0TOMSA02", "hello"),
    ]
    assert records[0].mentions == ("U0TOMSA02",)
    assert any("users.json is missing" in w for w in report.warnings)


def test_a_truncated_day_file_is_skipped_and_reported() -> None:
    records, report = read(sample("slack", "bad_day_file"))
    assert [r.text for r in records] == ["good day"]
    assert report.issues[0].location == "general/2024-01-06.json"
    assert "not valid JSON" in report.issues[0].message


def test_zip_with_path_traversal_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("channels.json", "[]")
        zf.writestr("general/2024-01-05.json", "[]")
        zf.writestr("../../evil/2024-01-05.json", "[]")
    bad = tmp_path / "slip.zip"
    bad.write_bytes(buffer.getvalue())
    with pytest.raises(UnsafeArchiveError, match="points outside the archive"):
        IMP.sniff(bad)  # refused with its reason, even while sniffing
    with pytest.raises(UnsafeArchiveError, match="points outside the archive"):
        read(bad)


def test_folder_without_day_files_is_not_slack(tmp_path: Path) -> None:
    (tmp_path / "channels.json").write_text("[]", encoding="utf-8")
    assert not IMP.sniff(tmp_path)
    with pytest.raises(ImportFormatError, match="not a Slack workspace export"):
        read(tmp_path)


@pytest.mark.parametrize("as_zip", [False, True])
def test_round_trip(tmp_path: Path, as_zip: bool) -> None:
    specs = list(gen.specs(11, 500))
    gen.write_slack(tmp_path / "export", specs)
    path = (
        gen.zip_folder(tmp_path / "export", tmp_path / "x.zip") if as_zip else tmp_path / "export"
    )
    assert IMP.sniff(path)
    records, report = read(path)
    assert [gen.as_expected(r) for r in records] == gen.expect_slack(specs)
    assert report.issues == []


def test_demo_workspace_sample() -> None:
    demo = Path(__file__).resolve().parents[3] / "resources/samples/slack/housing-workspace.zip"
    assert IMP.sniff(demo)
    records, report = read(demo)
    assert len(records) == 40
    assert report.issues == []
    assert {r.conversation_title for r in records} == {
        "#housing-repairs",
        "Direct message: Priya Shah, Tom Reid",
    }
    assert sum("U0ALEXM01" in r.mentions for r in records) >= 3
    assert any("07911 654321" in r.text for r in records)
    assert (IdentifierKind.EMAIL, "alex.morgan@example.org") in {
        (link.other_kind, link.other)
        for link in report.identity_links
        if link.identifier == "U0ALEXM01"
    }
