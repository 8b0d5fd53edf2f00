"""RSMF importer: e-mail, bare zip and manifest; schema and reference checks; lenient mode."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from generate_exports_b import rsmf_bytes, rsmf_email

from sar_desk.core.errors import Hint, ImportFormatError, UnsafeArchiveError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.rsmf import RsmfImporter

DATA = Path(__file__).resolve().parents[2] / "data" / "importers" / "rsmf"
BASE: dict[str, Any] = {
    "version": "2.0.0",
    "participants": [{"id": "P1", "display": "Priya Shah"}],
    "conversations": [{"id": "C1", "platform": "sms", "participants": ["P1"]}],
    "events": [
        {
            "id": "E1",
            "type": "message",
            "participant": "P1",
            "conversation": "C1",
            "timestamp": "2026-02-02T09:00:00Z",
            "body": "hi",
        }
    ],
}


def read(path: Path, lenient: bool = False) -> tuple[list[RawMessage], ImportReport]:
    report = ImportReport()
    options = ImportOptions(lenient=lenient)
    return list(RsmfImporter().read(path, report, options)), report


def test_rsmf_2_events() -> None:
    msgs, report = read(DATA / "valid_2.rsmf")
    kinds = [m.kind for m in msgs]
    assert kinds == [
        MessageKind.SYSTEM,
        MessageKind.MESSAGE,
        MessageKind.MESSAGE,
        MessageKind.MEDIA,
        MessageKind.DELETED,
        MessageKind.SYSTEM,
        MessageKind.SYSTEM,
        MessageKind.SYSTEM,
    ]
    joined, first, edited, media, deleted, disclaimer, left, _history = msgs
    assert joined.text == "Jo Bloggs joined"
    assert left.text == "Jo Bloggs left"
    assert (first.sender, first.sender_id, first.sender_id_kind) == (
        "Priya Shah",
        "priya.shah@northvale.gov.uk",
        IdentifierKind.EMAIL,
    )
    assert [(r.emoji, r.actor) for r in first.reactions] == [
        ("👍", "Tom Reid"),
        ("👍", "Jo Bloggs"),
    ]
    assert edited.edited
    assert edited.reply_to == "E2"
    assert edited.text == (
        "Great, closing the case\n[earlier version] Great, Alex Morgan was rude though"
    )
    assert [(a.name, a.present, a.size) for a in media.attachments] == [
        ("Inspection report.pdf", True, 3)
    ]
    assert deleted.text == "recovered text"
    assert disclaimer.text == "This chat is recorded."
    assert disclaimer.sender is None
    assert first.conversation_title == "Repairs (Teams)"
    assert first.platform == "rsmf"
    assert first.time_basis == TimeBasis.OFFSET_GIVEN
    assert first.timestamp == datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
    assert [i.location for i in report.issues] == ["valid_2.rsmf events[8]"]
    assert report.identity_links[0].identifier == "AAAAAAAA-1111-2222-3333-444444444444"
    assert {p.display_name for p in report.participants} == {"Priya Shah", "Tom Reid", "Jo Bloggs"}


@pytest.mark.parametrize("name", ["valid_1.rsmf", "rsmf.zip", "rsmf_manifest.json"])
def test_every_container_is_accepted(name: str) -> None:
    assert RsmfImporter().sniff(DATA / name)
    msgs, _ = read(DATA / name)
    assert [m.text for m in msgs] == ["RSMF one"]
    assert msgs[0].conversation_title == "C1 (slack)"  # no application header: the platform


def _mutate(change: Any) -> dict[str, Any]:
    manifest = copy.deepcopy(BASE)
    change(manifest)
    return manifest


@pytest.mark.parametrize(
    ("change", "field", "lenient_ok"),
    [
        (lambda m: m.pop("version"), "version", True),
        (lambda m: m.pop("events"), "events", False),
        (lambda m: m.pop("participants"), "participants", False),
        (lambda m: m["participants"][0].update(id=1), r"participants\[0\].id", True),
        (lambda m: m["participants"][0].pop("id"), r"participants\[0\].id", False),
        (lambda m: m["conversations"][0].pop("platform"), r"conversations\[0\].platform", False),
        (
            lambda m: m["conversations"][0]["participants"].append("P9"),
            r"conversations\[0\].participants\[1\]",
            True,
        ),
        (lambda m: m["events"][0].update(type="chat"), r"events\[0\].type", False),
        (lambda m: m["events"][0].update(participant="P9"), r"events\[0\].participant", True),
        (lambda m: m["events"][0].update(conversation="C9"), r"events\[0\].conversation", False),
        (lambda m: m["events"][0].update(parent="E9"), r"events\[0\].parent", True),
        (lambda m: m["events"][0].update(timestamp="tuesday"), r"events\[0\].timestamp", False),
        (
            lambda m: m["events"][0].update(attachments=[{"id": "gone.jpg"}]),
            r"events\[0\].attachments\[0\].id",
            True,
        ),
        (
            lambda m: m["participants"][0].update(avatar="face.png"),
            r"participants\[0\].avatar",
            True,
        ),
    ],
)
def test_validation_names_the_field(
    tmp_path: Path, change: Any, field: str, lenient_ok: bool
) -> None:
    path = tmp_path / "x.rsmf"
    path.write_bytes(rsmf_email(_mutate(change), {}))
    with pytest.raises(ImportFormatError, match=field):
        read(path)
    if lenient_ok:
        msgs, report = read(path, lenient=True)
        assert msgs
        assert any(i.location.endswith(field.replace("\\", "")) for i in report.issues)
    else:
        with pytest.raises(ImportFormatError, match=field):
            read(path, lenient=True)


def test_lenient_sample() -> None:
    with pytest.raises(ImportFormatError, match="lenient import") as refused:
        read(DATA / "mistakes.rsmf")
    assert refused.value.hint is Hint.LENIENT_IMPORT
    msgs, report = read(DATA / "mistakes.rsmf", lenient=True)
    assert [m.text for m in msgs] == ["local time", "ghost"]
    assert msgs[0].time_basis == TimeBasis.CASE_TZ
    assert msgs[0].sender == "Priya Shah"
    assert len(report.issues) == 8  # the offset-less time is a warning, not a mistake
    assert any("no UTC offset" in w for w in report.warnings)


def test_offsetless_times_import_in_the_case_zone_with_a_warning(tmp_path: Path) -> None:
    """The schema allows timestamps without an offset (the official sample has them)."""
    path = tmp_path / "x.rsmf"
    path.write_bytes(
        rsmf_email(_mutate(lambda m: m["events"][0].update(timestamp="2026-07-02T09:00:00")), {})
    )
    report = ImportReport()
    options = ImportOptions(timezone="Europe/London")
    msgs = list(RsmfImporter().read(path, report, options))
    assert msgs[0].timestamp == datetime(2026, 7, 2, 8, 0, tzinfo=UTC)  # BST
    assert msgs[0].time_basis == TimeBasis.CASE_TZ
    assert report.issues == []
    (warning,) = [w for w in report.warnings if "no UTC offset" in w]
    assert "1 event times" in warning
    assert "events[0]" in warning
    strict = ImportOptions(timezone="Europe/London", strict=True)
    with pytest.raises(ImportFormatError, match=r"events\[0\].timestamp .* no UTC offset"):
        list(RsmfImporter().read(path, ImportReport(), strict))


@pytest.mark.parametrize(
    ("name", "error", "match"),
    [
        ("bad_type.rsmf", ImportFormatError, "events\\[0\\].type"),
        ("no_zip.rsmf", ImportFormatError, "without its rsmf.zip"),
        ("traversal.rsmf", UnsafeArchiveError, "outside the archive"),
        ("plain.eml", ImportFormatError, "holds no RSMF"),
    ],
)
def test_refused(name: str, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        read(DATA / name, lenient=True)


def test_sniff_rejects_plain_email() -> None:
    assert not RsmfImporter().sniff(DATA / "plain.eml")


def test_round_trip(tmp_path: Path) -> None:
    data, expected = rsmf_bytes(300, seed=5)
    path = tmp_path / "slice.rsmf"
    path.write_bytes(data)
    msgs, report = read(path)
    assert not report.issues
    assert [(m.sender, m.sender_id, m.timestamp, m.text, m.platform_message_id) for m in msgs] == [
        (e.sender, e.sender_id, e.when, e.text, e.msg_id) for e in expected
    ]
