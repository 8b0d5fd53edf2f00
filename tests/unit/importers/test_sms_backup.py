"""SMS Backup & Restore importer: SMS, MMS, groups, surrogates, truncation, safety."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from generate_exports_b import write_sms

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.sms_backup import SmsBackupImporter, SurrogateFixer, address_id

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "sms"
ALEX = "+447911123456"


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(SmsBackupImporter().read(path, report, ImportOptions())), report


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("07911 123456", (ALEX, IdentifierKind.PHONE)),
        ("+44 7911 123456", (ALEX, IdentifierKind.PHONE)),
        ("7911123456", (ALEX, IdentifierKind.PHONE)),
        ("NVCouncil", ("NVCouncil", IdentifierKind.HANDLE)),
        ("80800", ("80800", IdentifierKind.HANDLE)),
        ("group_8@rcs.google.com", ("group_8@rcs.google.com", IdentifierKind.EMAIL)),
    ],
)
def test_addresses(address: str, expected: tuple[str, IdentifierKind]) -> None:
    assert address_id(address, "GB") == expected


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        (b"a&#55357;&#56832;b", b"a&#128512;b"),
        (b"&#xD83D;&#xDE00;", b"&#128512;"),
        (b"lone &#55357; x", b"lone &#xFFFD; x"),
        (b"&#10;&#9731;", b"&#10;&#9731;"),
    ],
)
def test_surrogate_prefilter(raw: bytes, fixed: bytes) -> None:
    assert SurrogateFixer(io.BytesIO(raw)).read() == fixed


def test_surrogate_pairs_split_across_chunks() -> None:
    data = b"x" * 65530 + b"&#55357;&#56832;" + b"y" * 100
    fixer = SurrogateFixer(io.BytesIO(data))
    out = b""
    while chunk := fixer.read(65536):
        out += chunk
    assert out == b"x" * 65530 + b"&#128512;" + b"y" * 100


def test_basic_backup() -> None:
    msgs, report = read(DATA / "basic.xml")
    received, sent, draft, alpha, short, rcs, group, mms_sent = msgs
    assert (received.sender, received.sender_id, received.sender_id_kind) == (
        ALEX,
        ALEX,
        IdentifierKind.PHONE,
    )  # contact_name "(Unknown)" -> no name
    assert received.text == "Hello, is the repair booked?\nSecond line"
    assert received.timestamp == datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
    assert received.time_basis == TimeBasis.UTC
    assert received.timestamp_raw == "1767261600000"
    assert (sent.sender, sent.sender_id, sent.conversation_key) == ("Me", None, ALEX)
    assert sent.text == "Yes, Thursday & Friday <am>"
    assert draft.sender == "Me"
    assert draft.conversation_key == ALEX
    assert (alpha.sender_id, alpha.sender_id_kind) == ("NVCouncil", IdentifierKind.HANDLE)
    assert short.text == ""  # literal "null"
    assert rcs.sender is None
    assert rcs.conversation_key == "group_8@rcs.google.com"
    assert group.conversation_key == "+447700900101~+447700900102~+447911123456"
    assert group.sender_id == "+447700900101"
    assert group.mentions == ("+447700900102", ALEX)
    assert group.text == "Photo of the damp wall 😀"
    assert [(a.name, a.present, a.type) for a in group.attachments] == [
        ("IMG_0001.jpg", True, "image"),
        ("clip.mp4", False, "video"),
    ]
    assert mms_sent.sender == "Me"
    assert mms_sent.mentions == (ALEX,)
    assert [i.location for i in report.issues] == ["basic.xml, <sms> #9"]
    group_members = {
        p.identifier for p in report.participants if p.conversation_key == group.conversation_key
    }
    assert group_members == {"+447700900101", "+447700900102", ALEX}


def test_truncated_backup_keeps_records_and_warns() -> None:
    msgs, report = read(DATA / "truncated.xml")
    assert len(msgs) == 7
    assert "ends early" in report.warnings[0]
    assert "7 records" in report.warnings[0]
    assert report.issues


def test_surrogates_and_lone_halves() -> None:
    msgs, report = read(DATA / "surrogates.xml")
    assert [m.text for m in msgs] == ["pair 😀 hex 😀 done", "lone \ufffd here", "ok ❤️"]
    assert report.settings["surrogate_pairs_fixed"] == "2"
    assert "broken emoji" in report.warnings[0]


def test_allsms_root_is_accepted() -> None:
    msgs, report = read(DATA / "allsms.xml")
    assert [m.sender for m in msgs] == ["Alex Morgan", "Me"]
    assert report.settings["xml_root"] == "allsms"


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("calls-20260430120000.xml", "call log"),
        ("not_sms.xml", "not an SMS backup"),
        ("latin1.xml", "not readable XML"),
    ],
)
def test_refused_files(name: str, match: str) -> None:
    with pytest.raises(ImportFormatError, match=match):
        read(DATA / name)


def test_sniff() -> None:
    importer = SmsBackupImporter()
    assert importer.sniff(DATA / "basic.xml")
    assert importer.sniff(DATA / "allsms.xml")
    assert not importer.sniff(DATA / "calls-20260430120000.xml")
    assert not importer.sniff(DATA / "not_sms.xml")


def test_zip_of_backups(tmp_path: Path) -> None:
    target = tmp_path / "backup.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(DATA / "basic.xml", "sms-20260430120000.xml")
        archive.write(DATA / "calls-20260430120000.xml", "calls-20260430120000.xml")
    assert SmsBackupImporter().sniff(target)
    msgs, _ = read(target)
    assert len(msgs) == 8


@pytest.mark.parametrize("seed", [1, 2])
def test_round_trip(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "sms-20260430120000.xml"
    with path.open("wb") as handle:
        expected = write_sms(handle, 400, seed=seed, media_bytes=64)
    msgs, report = read(path)
    assert not report.issues
    got = [
        (
            m.sender if m.sender == "Me" else None,
            m.timestamp,
            m.text,
            m.sender_id,
            tuple(a.name for a in m.attachments),
        )
        for m in msgs
    ]
    assert got == [(e.sender, e.when, e.text, e.sender_id, e.files) for e in expected]
