"""MMS parts of an SMS Backup & Restore file become attachments of their message (issue 16).

The parts are base64 inside the XML; the import takes each one out, types it by content and
keeps it, linked to its message. A hostile part (damaged base64, a pixel bomb, a file that is
not what the backup says it is) is refused alone with one line in the report; its message
stays, with its text.
"""

from __future__ import annotations

import base64
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sar_desk.app.ingest import ImportResult
from sar_desk.app.session import CaseSession
from sar_desk.core.attachments import AttachmentStatus
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.search import SearchQuery
from tests.unit.attachments import files

PHONE = "+447700900123"
MS = 1773480600000  # 14 March 2026, 09:30 UTC


def _b64(data: bytes) -> str:
    encoded = base64.b64encode(data).decode()
    return "\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))  # as MIME wraps


def _mms(n: int, text: str, *parts: tuple[str, str, str]) -> str:
    inner = "".join(
        f'<part seq="{i}" ct="{ct}" cl="{name}" data="{data}" />'
        for i, (ct, name, data) in enumerate(parts)
    )
    return (
        f'<mms date="{MS + n * 60_000}" date_sent="{(MS + n * 60_000) // 1000}" msg_box="1" '
        f'address="{PHONE}" contact_name="Sam Patel"><parts>'
        '<part seq="-1" ct="application/smil" text="&lt;smil/&gt;" />'
        f'<part seq="0" ct="text/plain" text="{text}" />{inner}</parts>'
        f'<addrs><addr address="{PHONE}" type="137" /></addrs></mms>\n'
    )


def _backup() -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        '<smses count="7" backup_set="x" type="full">\n'
        + _mms(0, "photo of the notice", ("image/jpeg", "IMG_0001.jpg", _b64(files.photo())))
        + f'<sms protocol="0" address="{PHONE}" date="{MS + 30_000}" type="1" body="did you '
        'get it" read="1" contact_name="Sam Patel" />\n'
        + _mms(1, "the letter", ("application/pdf", "letter.pdf", _b64(files.pdf_with_text())))
        + _mms(2, "broken one", ("image/jpeg", "IMG_0002.jpg", "@@not*base64@@"))
        + _mms(3, "huge one", ("image/png", "IMG_0003.png", _b64(files.pixel_bomb())))
        + _mms(4, "sneaky one", ("image/jpeg", "IMG_0004.jpg", _b64(files.pdf_with_text())))
        + _mms(5, "voice", ("audio/ogg", "note.ogg", _b64(files.voice_note())))
        + "</smses>\n"
    )


@pytest.fixture(params=["xml", "zip"])
def imported(
    tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[CaseSession, ImportResult]]:
    xml = tmp_path / "sms-20260401120000.xml"
    xml.write_text(_backup(), encoding="utf-8")
    export = xml
    if request.param == "zip":
        export = tmp_path / "backup.zip"
        with zipfile.ZipFile(export, "w") as archive:
            archive.write(xml, f"SMSBackup/{xml.name}")
    record = Case(
        reference="SAR-MMS-1",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        scope_from=date(2026, 3, 1),
        scope_to=date(2026, 3, 31),
    )
    session = CaseSession.create(tmp_path / "case", record, user="officer")
    (result,) = run_job(session.ingest.import_files([export]))
    assert isinstance(result, ImportResult)
    yield session, result
    session.close()


def _by_text(session: CaseSession) -> dict[str, list]:
    hits = session.search.search(SearchQuery())
    found = session.attachments.attachments_of([h.id for h in hits])
    return {h.text: found.get(h.id, []) for h in hits}


def test_mms_parts_are_kept_typed_by_content_and_linked_to_their_message(imported) -> None:
    session, result = imported
    assert result.messages == 7  # every record, the refused parts' messages too
    by_text = _by_text(session)
    (photo,) = by_text["photo of the notice"]
    assert (photo.status, photo.media_type, photo.name) == (
        AttachmentStatus.KEPT,
        "image/jpeg",
        "IMG_0001.jpg",
    )
    assert photo.sha256 is not None
    assert photo.stored_path
    assert session.attachments.attachment_bytes(photo.id) == files.photo()
    (letter,) = by_text["the letter"]
    assert (letter.status, letter.media_type) == (AttachmentStatus.KEPT, "application/pdf")
    (voice,) = by_text["voice"]
    assert (voice.status, voice.media_type) == (AttachmentStatus.KEPT, "audio/ogg")
    assert by_text["did you get it"] == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("broken one", "damaged (not base64)"),
        ("huge one", "decompression bomb"),
        ("sneaky one", "the backup calls it image/jpeg, but its content is application/pdf"),
    ],
)
def test_a_hostile_part_is_refused_alone_with_a_line_and_its_message_stays(
    imported, text: str, why: str
) -> None:
    session, result = imported
    (part,) = _by_text(session)[text]  # the message is there, with its text
    assert part.status is AttachmentStatus.REFUSED
    assert why in part.reason
    assert part.stored_path is None
    lines = [w for w in result.warnings if part.name in w]
    assert len(lines) == 1
    assert "was not kept" in lines[0]
    assert "Its message was imported" in lines[0]


def test_parts_after_broken_emoji_and_before_a_cut_are_found_again(tmp_path: Path) -> None:
    # Old app versions wrote emoji as surrogate-pair references, and backups get cut off:
    # the parts are found again by the same record count the import used.
    xml = tmp_path / "sms-20260401120000.xml"
    cut = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"3\">\n"
        f'<sms protocol="0" address="{PHONE}" date="{MS}" type="1" body="hi &#55357;&#56832;" '
        'read="1" />\n'
        + _mms(1, "photo &#55357;&#56832;", ("image/jpeg", "IMG_0009.jpg", _b64(files.photo())))
        + _mms(2, "after the cut", ("image/jpeg", "IMG_0010.jpg", _b64(files.photo())))
    )
    xml.write_text(cut[: cut.rindex("<mms") + 200], encoding="utf-8")
    record = Case(
        reference="SAR-MMS-2",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        scope_from=date(2026, 3, 1),
        scope_to=date(2026, 3, 31),
    )
    session = CaseSession.create(tmp_path / "case", record, user="officer")
    try:
        (result,) = run_job(session.ingest.import_files([xml]))
        assert isinstance(result, ImportResult)
        assert result.messages == 2
        (photo,) = _by_text(session)["photo \U0001f600"]
        assert photo.status is AttachmentStatus.KEPT
        assert session.attachments.attachment_bytes(photo.id) == files.photo()
        assert any("ends early" in w for w in result.warnings)
    finally:
        session.close()


def test_refused_parts_are_named_in_the_bundle_not_left_as_included(imported, tmp_path) -> None:
    from sar_desk.core.attachment_review import AttachmentAction
    from sar_desk.core.organisation import DEMO_PROFILE
    from sar_desk.core.scope import Relevance
    from sar_desk.review.roles import Role

    session, _ = imported
    session.export.set_case_organisation(DEMO_PROFILE.to_json())
    session.review.add_user("dpo.lead", Role.DPO)
    session.review.add_user("second", Role.REVIEWER)
    ids = session.scope.search_ids(SearchQuery())
    session.scope.mark_scope(ids, Relevance.ABOUT_REQUESTER, "t")
    session.search.search_logged(SearchQuery(), limit=1, origin="test")
    kept = [
        a.id
        for items in session.attachments.attachments_of(ids).values()
        for a in items
        if a.status is AttachmentStatus.KEPT
    ]
    for attachment in kept:
        session.attachments.decide_attachment(
            attachment, AttachmentAction.WITHHOLD, "SAR-3P", about_another=True
        )
    with CaseSession.open(session.folder, "second") as second:
        for attachment in kept:
            second.attachments.approve_attachment(attachment)
    with CaseSession.open(session.folder, "dpo.lead") as dpo:
        dpo.export.waive_detection("Read in full by two reviewers")
        if session.review.signoff_required():
            dpo.review.sign_off("Checked")
    run_job(session.export.export_bundle(tmp_path / "out"))
    html = "".join(p.read_text("utf-8") for p in (tmp_path / "out" / "pack").glob("*.htm*"))
    assert html.count("could not be opened safely") == 3  # the three refused parts
    assert html.count("withheld · Sch 2 Pt 3 para 16") == 3  # the photo, letter, voice note
