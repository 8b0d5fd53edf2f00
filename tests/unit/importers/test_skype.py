"""Skype / Teams personal messages.json: senders, kinds, markup, tar and zip, damage."""

from __future__ import annotations

import shutil
import tarfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.skype import SkypeImporter

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "skype"


def read(path: Path) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    return list(SkypeImporter().read(path, report, ImportOptions())), report


def test_every_message_once_with_its_sender() -> None:
    msgs, report = read(DATA / "export")
    assert len(msgs) == 10
    assert Counter(m.sender for m in msgs) == {
        "Jamie Lee": 4,
        "Sam Patel": 3,
        "live:.cid.a1b2c3": 1,
        None: 2,
    }
    assert [i.location for i in report.issues] == ["messages.json conversations[0].MessageList[5]"]
    assert all(m.time_basis == TimeBasis.UTC for m in msgs)
    assert msgs[0].timestamp == datetime(2024, 5, 1, 9, 0, 2, 113000, tzinfo=UTC)
    assert msgs[6].timestamp == datetime(2024, 5, 2, 8, 54, 20, 123400, tzinfo=UTC)


def test_kinds_and_markup() -> None:
    msgs, report = read(DATA / "export")
    by_id = {m.platform_message_id: m for m in msgs}
    assert by_id["1714554002113"].text == "Ready when you are :)"
    reply = by_id["1714554060000"]
    assert reply.text == "> Jamie Lee: Ready when you are\nOn my way & bringing the file"
    assert reply.reply_to == "1714554002113"
    assert reply.edited
    assert reply.sender_id == "live:.cid.a1b2c3"
    assert reply.sender_id_kind == IdentifierKind.PLATFORM_ID
    photo = by_id["1714554120000"]
    assert photo.kind == MessageKind.MEDIA
    assert photo.text == ""  # the "To view this shared photo" boilerplate is not content
    (file,) = photo.attachments
    assert (file.name, file.present, file.size) == ("site-plan.png", True, 108188)
    assert file.path == "media/0-weu-d1-abc-site-plan.png"
    assert by_id["1714554180000"].kind == MessageKind.DELETED
    call = by_id["1714554240000"]
    assert call.kind == MessageKind.CALL
    assert call.text == "Call ended: Jamie Lee (84.82 s), Alex Morgan (84.82 s)"
    added, renamed = (m for m in msgs if m.kind == MessageKind.SYSTEM)
    assert added.text == "live:.cid.a1b2c3 added live:sam.patel_2"
    assert renamed.text == "Sam Patel renamed the conversation to Repairs rota"
    assert renamed.conversation_title == "Repairs rota"
    assert by_id["1714640240000"].kind == MessageKind.MESSAGE
    assert any("Hologram/Wave" in w for w in report.warnings)
    members = {p.identifier for p in report.participants}
    assert members == {"live:.cid.a1b2c3", "live:jamie.lee_7", "live:sam.patel_2"}


def _tar(tmp_path: Path) -> Path:
    target = tmp_path / "8_live_cid_a1b2c3_export.tar"
    with tarfile.open(target, "w") as tar:
        for path in sorted((DATA / "export").rglob("*")):
            tar.add(path, arcname=path.relative_to(DATA / "export").as_posix(), recursive=False)
    return target


def test_the_tar_download_and_a_zip_read_the_same(tmp_path: Path) -> None:
    expected, _ = read(DATA / "export")
    tar = _tar(tmp_path)
    assert SkypeImporter().sniff(tar)
    from_tar, _ = read(tar)
    assert [(m.text, m.sender) for m in from_tar] == [(m.text, m.sender) for m in expected]
    assert next(m for m in from_tar if m.attachments).attachments[0].present
    zipped = Path(shutil.make_archive(str(tmp_path / "export"), "zip", DATA / "export"))
    from_zip, _ = read(zipped)
    assert len(from_zip) == len(expected)


def test_a_cut_short_tar_is_refused(tmp_path: Path) -> None:
    tar = _tar(tmp_path)
    data = tar.read_bytes()
    tar.write_bytes(data[: len(data) // 3])
    with pytest.raises((UnsafeArchiveError, ImportFormatError)) as caught:
        read(tar)
    assert "\n" not in str(caught.value)


def test_cut_short_json_is_refused_not_half_read(tmp_path: Path) -> None:
    data = (DATA / "export" / "messages.json").read_bytes()
    cut = tmp_path / "messages.json"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFormatError, match=r"ends abruptly|not valid JSON"):
        read(cut)


def test_json_without_conversations_is_not_skype(tmp_path: Path) -> None:
    other = tmp_path / "messages.json"
    other.write_text('{"userId": "8:live:x", "exportDate": "2024-01-01T00:00"}')
    assert not SkypeImporter().sniff(other)
    with pytest.raises(ImportFormatError, match="Skype"):
        read(other)
