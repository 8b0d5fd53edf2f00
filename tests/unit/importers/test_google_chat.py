"""Google Chat (Takeout) importer: locale dates, deleted markers, threads, round trip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import generate_exports as gen
import pytest

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.google_chat import GoogleChatImporter, parse_takeout_date
from tests.conftest import sample

IMP = GoogleChatImporter()
DM = "google_chat/Takeout/Google Chat/Groups/DM 8xYzAbC"


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(IMP.read(path, report, ImportOptions())), report


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Monday, February 10, 2025 at 3:45:22\u202fPM UTC", datetime(2025, 2, 10, 15, 45, 22)),
        ("Monday, February 10, 2025 at 12:05:00\u202fAM UTC", datetime(2025, 2, 10, 0, 5)),
        ("Monday, February 10, 2025 at 17:13:43 UTC", datetime(2025, 2, 10, 17, 13, 43)),
        ("2015. február 15., vasárnap 21:54:36 UTC", datetime(2015, 2, 15, 21, 54, 36)),
        ("Montag, 10. Februar 2025 um 17:13:43 UTC", datetime(2025, 2, 10, 17, 13, 43)),
        ("mardi 4 mars 2025 à 09:01:02 UTC", datetime(2025, 3, 4, 9, 1, 2)),
    ],
)
def test_locale_dates(raw: str, expected: datetime) -> None:
    assert parse_takeout_date(raw) == (expected.replace(tzinfo=UTC), True)


def test_offset_and_unreadable_dates() -> None:
    parsed = parse_takeout_date("Monday, February 10, 2025 at 17:13:43 UTC+01:00")
    assert parsed == (datetime(2025, 2, 10, 17, 13, 43, tzinfo=timezone(timedelta(hours=1))), True)
    assert parse_takeout_date("someday") is None
    assert parse_takeout_date("Smarch 40, 2025 at 10:00:00 UTC") is None


def test_takeout_folder(tmp_path: Path) -> None:
    records, report = read(sample("google_chat", "Takeout"))
    first, second, deleted, hu1, hu2 = records
    assert (first.conversation_key, first.conversation_title) == (
        "DM 8xYzAbC",
        "DM: Priya Example, Tom Sample",
    )
    assert (first.sender, first.sender_id, first.sender_id_kind) == (
        "Priya Example",
        "priya.example@example.org",
        IdentifierKind.EMAIL,
    )
    assert first.timestamp_raw == "Monday, February 10, 2025 at 3:45:22\u202fPM UTC"
    assert first.time_basis == TimeBasis.UTC
    assert first.mentions == ("tom.sample@example.org",)
    assert [(a.name, a.present) for a in first.attachments] == [
        ("damp.jpg", True),
        ("quote.pdf", False),
    ]
    assert (second.reply_to, second.edited) == ("8xYzAbC/T1/M1", True)
    assert [(r.emoji, r.actor_id) for r in second.reactions] == [
        ("❤️", "priya.example@example.org"),
    ]
    assert (deleted.kind, deleted.text) == (MessageKind.DELETED, "")
    assert deleted.timestamp == datetime(2025, 2, 10, 17, 30, tzinfo=UTC)
    assert (hu1.conversation_title, hu1.timestamp.year) == ("Lakás javítás", 2015)
    assert (hu2.sender, hu2.sender_id, hu2.reply_to) == ("Repairs Bot", None, "AAAAqwerty/Q1/Q1")
    assert [(i.location, i.message) for i in report.issues] == [
        ("DM 8xYzAbC/messages.json message 4", "has no readable date: 'someday'"),
    ]
    members = {(p.conversation_key, p.identifier) for p in report.participants}
    assert ("DM 8xYzAbC", "tom.sample@example.org") in members


def test_single_group_folder_and_single_file() -> None:
    folder, _ = read(sample("google_chat", DM.split("/", 1)[1]))
    lone, _ = read(sample("google_chat", DM.split("/", 1)[1] + "/messages.json"))
    assert [r.text for r in folder] == [r.text for r in lone]
    assert lone[0].conversation_key == "8xYzAbC"
    assert not lone[0].attachments[0].present  # the file beside it was not imported


def test_truncated_messages_json() -> None:
    with pytest.raises(ImportFormatError, match=r"bad_truncated_messages\.json ends abruptly"):
        read(sample("google_chat", "bad_truncated_messages.json"))


def test_zip_without_google_chat_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text('{"messages": [{"a": 1}]}', encoding="utf-8")
    assert not IMP.sniff(tmp_path)
    with pytest.raises(ImportFormatError, match="not a Google Chat export"):
        read(tmp_path)


@pytest.mark.parametrize("as_zip", [False, True])
def test_round_trip(tmp_path: Path, as_zip: bool) -> None:
    specs = list(gen.specs(9, 400))
    gen.write_google_chat(tmp_path / "takeout", specs)
    folder = tmp_path / "takeout"
    path = gen.zip_folder(folder, tmp_path / "takeout.zip") if as_zip else folder
    assert IMP.sniff(path)
    records, report = read(path)
    assert [gen.as_expected(r) for r in records] == gen.expect_google_chat(specs)
    assert report.issues == []
