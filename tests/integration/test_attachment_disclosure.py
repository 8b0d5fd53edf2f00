"""Issue 16 done-when, end to end: a photo with a third party's name and GPS, reviewed and exported.

A WhatsApp zip whose photo shows another person's name and address (GPS in its EXIF) is found
by that name, becomes a review item with boxes proposed from the OCR word boxes, is approved by
a second user, and is exported: the requester's PDF holds the photo with the name black in the
pixels, no image in the pack carries EXIF, and verification (reading the images back by OCR)
passes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sar_desk.app.attachment_review import image_reader
from sar_desk.app.session import CaseSession
from sar_desk.core.attachment_review import AttachmentAction, AttachmentStatus, RedactionBox
from sar_desk.core.decisions import Action
from sar_desk.core.errors import BadInputError, InvalidTransitionError
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set
from sar_desk.export.image_checks import pdf_pictures
from sar_desk.export.images import metadata_problems
from sar_desk.review.bulk import BulkSelection
from sar_desk.review.roles import Role
from tests.unit.attachments import files

REPO = Path(__file__).resolve().parents[2]
REGISTRY = REPO / "resources" / "detect" / "recognizers-uk-v2.yaml"
PHOTO = "IMG-20260314-WA0001.jpg"
pytestmark = pytest.mark.slow


def _export(path: Path) -> Path:
    chat = (
        f"14/03/2026, 09:30 - Sam Patel: {PHOTO} (file attached)\nnotice on the door\n"
        "14/03/2026, 09:31 - Alex Morgan: thanks, that is my door\n"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", chat)
        archive.writestr(PHOTO, files.photo())
    return path


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("disclosure")
    record = Case(
        reference="SAR-ATT-2",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        scope_from=date(2026, 3, 1),
        scope_to=date(2026, 3, 31),
    )
    session = CaseSession.create(root / "case", record)  # the OS account, as the CLI acts
    from sar_desk.core.organisation import DEMO_PROFILE

    session.export.set_case_organisation(DEMO_PROFILE.to_json())
    run_job(
        session.ingest.import_files(
            [_export(root / "WhatsApp Chat with Housing.zip")], day_first=True
        )
    )
    settings = load_recognizer_set(REGISTRY)
    engine = blank_nlp_engine(settings, ["Jordan Whitfield", "Sam Patel"])
    run_job(
        session.detection.run_detection(
            detector=InProcessDetector(build_analyzer(REGISTRY, nlp_engine=engine))
        )
    )
    session.review.add_user("reviewer2", Role.REVIEWER)
    yield root, session
    session.close()


def _photo_id(session: CaseSession) -> int:
    (hit,) = session.search.search(SearchQuery(text="Whitfield"))
    (attachment,) = session.attachments.attachments_of([hit.id])[hit.id]
    return attachment.id


def test_found_by_name_and_proposed_boxes_cover_the_name(case) -> None:
    _, session = case
    item = session.attachments.attachment_item(_photo_id(session))
    assert item.decision.status is AttachmentStatus.UNDECIDED
    assert item.proposed  # boxes from the OCR word boxes of the findings
    names = [f for f in item.findings if f.text == "Jordan Whitfield"]
    assert names
    word = next(w for w in item.words if w.text == "Whitfield")
    assert any(b.x0 <= word.x0 and word.x1 <= b.x1 for b in item.proposed)


def test_rules_four_eyes_and_codes(case) -> None:
    root, session = case
    photo = _photo_id(session)
    with pytest.raises(BadInputError, match="reason code"):
        session.attachments.decide_attachment(photo, AttachmentAction.WITHHOLD)
    with pytest.raises(BadInputError, match="at least one box"):
        session.attachments.decide_attachment(photo, AttachmentAction.REDACT, "default")
    item = session.attachments.attachment_item(photo)
    other = CaseSession.open(root / "case", "reviewer2")
    try:
        mine = other.attachments.decide_attachment(
            photo, AttachmentAction.REDACT, "SAR-3P", item.proposed
        )
        with pytest.raises(InvalidTransitionError, match="second person"):
            other.attachments.approve_attachment(photo)
    finally:
        other.close()
    assert mine.status is AttachmentStatus.PROPOSED
    decided = session.attachments.decide_attachment(
        photo, AttachmentAction.REDACT, "default", item.proposed
    )
    assert decided.code == "SAR-3P"
    # A box the reviewer draws (a face, say), then deletes again: two recorded proposals.
    more = session.attachments.edit_attachment_boxes(
        photo, add=[RedactionBox.from_xywh("900,600,50,50")]
    )
    assert len(more.boxes) == len(item.proposed) + 1
    back = session.attachments.edit_attachment_boxes(photo, delete=[len(more.boxes)])
    assert back.boxes == tuple(item.proposed)
    assert back.version == decided.version + 2


def test_export_burns_the_name_strips_exif_and_verifies(case) -> None:
    root, session = case
    photo = _photo_id(session)
    everything = BulkSelection(everything=True)
    session.scope.mark_scope(
        session.scope.search_ids(SearchQuery()), Relevance.ABOUT_REQUESTER, "test"
    )
    session.search.search_logged(SearchQuery(text="Whitfield"), limit=10, origin="test")
    accepted = session.review.bulk_decide(
        everything, Action.ACCEPT, code="default", rationale="t", confirmed=True
    )
    if accepted.plan.refused:
        session.review.decide(
            [i for i, _ in accepted.plan.refused], Action.REJECT, note="not a third party"
        )
    other = CaseSession.open(root / "case", "reviewer2")
    try:
        other.review.bulk_decide(everything, Action.APPROVE, confirmed=True)
        approved = other.attachments.approve_attachment(photo)
        assert approved.approved
    finally:
        other.close()
    if session.review.signoff_required():
        session.review.add_user("dpo", Role.DPO)
        dpo = CaseSession.open(root / "case", "dpo")
        try:
            dpo.review.sign_off("test sign-off")
        finally:
            dpo.close()
    run_job(session.export.export_bundle(root / "bundle"))
    pdf = next((root / "bundle" / "pack").glob("*.pdf"))
    photos = [p for p in pdf_pictures(pdf) if Image.open(io.BytesIO(p[1])).size == (1200, 800)]
    assert len(photos) == 1
    _, png, problems = photos[0]
    assert problems == []
    assert metadata_problems(png) == []
    reader = image_reader()
    assert reader is not None
    read = reader(png)
    assert "Whitfield" not in read
    assert "NOTICE" in read.upper()  # the rest of the photo is still legible
    item = session.attachments.attachment_item(photo)
    word = next(w for w in item.words if w.text == "Whitfield")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.getpixel((int((word.x0 + word.x1) / 2), int((word.y0 + word.y1) / 2))) == (0, 0, 0)
    for path in (root / "bundle" / "pack").rglob("*"):
        assert b"Exif\x00\x00" not in path.read_bytes() if path.is_file() else True
    report = session.export.verify_bundle(root / "bundle")
    assert report.ok, [r.sentence() for r in report.results if not r.passed]
    assert any(r.check == "image-text-leak" for r in report.results)


def test_command_line_lists_shows_and_edits_boxes(case) -> None:
    import json

    from click.testing import CliRunner

    from sar_desk.cli.main import cli

    root, session = case
    photo = _photo_id(session)
    folder = str(root / "case")
    runner = CliRunner()
    listed = runner.invoke(cli, ["review", folder, "attachments", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    (row,) = [r for r in rows if r["id"] == photo]
    assert row["decision"]["status"] == "approved"
    assert row["proposed_boxes"]
    # Moving a box is a new proposal: the approval no longer stands until a second person agrees.
    moved = runner.invoke(
        cli,
        [
            "review",
            folder,
            "attachment",
            str(photo),
            "--move-box",
            "1=10,10,400,80",
            "--json",
        ],
    )
    assert moved.exit_code == 0, moved.output
    decision = json.loads(moved.output)["decision"]
    assert decision["status"] == "proposed"
    assert decision["boxes"][0] == [10.0, 10.0, 400.0, 80.0]
    same = runner.invoke(cli, ["review", folder, "attachment", str(photo), "--approve"])
    assert same.exit_code == 1
    assert "cannot approve" in same.output  # the case handler proposed it
    bad = runner.invoke(cli, ["review", folder, "attachment", str(photo), "--add-box", "1,2,3"])
    assert bad.exit_code == 1
    assert "x,y,width,height" in bad.output


def test_the_audit_chain_seals_attachment_decisions(case) -> None:
    import sqlite3

    _, session = case
    assert session.review.verify_audit() == []
    # Changing a recorded box after the fact breaks the seal of the entry that recorded it.
    with sqlite3.connect(session.base.case_folder.db_path) as db:
        db.execute("UPDATE attachment_review_events SET boxes_json = '[]' WHERE id = 1")
    problems = session.review.verify_audit()
    assert any("attachment" in str(p) for p in problems), problems
