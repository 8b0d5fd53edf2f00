"""The rules of attachment decisions: what each action needs, four eyes, boxes from findings."""

from __future__ import annotations

import pytest

from sar_desk.core.attachment_review import (
    AttachmentAction,
    AttachmentDecision,
    AttachmentStatus,
    RedactionBox,
    approve,
    propose,
    proposed_boxes,
)
from sar_desk.core.attachments import AttachmentFinding, WordBox
from sar_desk.core.errors import BadInputError, InvalidTransitionError
from sar_desk.core.model import MessageId

BOX = RedactionBox(10, 10, 50, 30)


@pytest.mark.parametrize(
    ("action", "code", "boxes", "words"),
    [
        (AttachmentAction.DISCLOSE, "SAR-3P", (), "no reason code"),
        (AttachmentAction.DISCLOSE, None, (BOX,), "no reason code"),
        (AttachmentAction.REDACT, None, (BOX,), "reason code"),
        (AttachmentAction.REDACT, "SAR-3P", (), "at least one box"),
        (AttachmentAction.WITHHOLD, None, (), "reason code"),
        (AttachmentAction.WITHHOLD, "SAR-3P", (BOX,), "no boxes"),
    ],
)
def test_a_proposal_must_fit_its_action(action, code, boxes, words) -> None:
    with pytest.raises(BadInputError, match=words):
        propose(AttachmentDecision(1), "amy", action, code, boxes)


def test_four_eyes_and_every_edit_needs_approval_again() -> None:
    first = propose(AttachmentDecision(1), "amy", AttachmentAction.REDACT, "SAR-3P", [BOX])
    with pytest.raises(InvalidTransitionError, match="second person"):
        approve(first, "amy")
    approved = approve(first, "ben")
    assert approved.approved
    assert approved.approved_by == "ben"
    with pytest.raises(InvalidTransitionError, match="no proposal"):
        approve(approved, "cat")
    edited = propose(approved, "ben", AttachmentAction.REDACT, "SAR-3P", [BOX, BOX])
    assert edited.status is AttachmentStatus.PROPOSED
    assert not edited.approved
    assert edited.version == 2
    with pytest.raises(InvalidTransitionError):
        approve(AttachmentDecision(2), "ben")  # nothing proposed yet


@pytest.mark.parametrize(
    "text", ["1,2,3", "a,b,c,d", "1,2,0,4", "-1,2,3,4", "0:1,2,3,4", "x:1,2,3,4", "1:2:1,2,3,4"]
)
def test_bad_box_text_is_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(BadInputError):
        RedactionBox.from_xywh(text)


def test_box_from_xywh() -> None:
    assert RedactionBox.from_xywh("10,20,30,40") == RedactionBox(10, 20, 40, 60)
    assert RedactionBox.from_xywh("3:10,20,30,40") == RedactionBox(10, 20, 40, 60, page=2)


def test_each_kind_of_attachment_says_how_the_bundle_shows_it() -> None:
    from sar_desk.core.attachment_review import shown_as
    from sar_desk.core.attachments import MediaKind

    assert "never disclosed" in shown_as(MediaKind.OFFICE)  # the file itself, only its text
    assert "pages as pictures" in shown_as(MediaKind.PDF)
    assert "cannot be shown" in shown_as(MediaKind.AUDIO)


def test_findings_become_one_box_per_line_of_their_words() -> None:
    words = [
        WordBox("Tenant:", 0, 0, 0, 60, 20, 0, 7),
        WordBox("Quill", 0, 70, 0, 120, 20, 8, 13),
        WordBox("Marbury", 0, 130, 2, 200, 22, 14, 21),
        WordBox("12", 0, 0, 40, 20, 60, 22, 24),
        WordBox("Fenwick", 0, 30, 40, 100, 60, 25, 32),
    ]
    found = [
        AttachmentFinding(1, MessageId(1), 8, 21, "Quill Marbury", "PERSON", 0.9, "test"),
        AttachmentFinding(1, MessageId(1), 22, 32, "12 Fenwick", "UK_ADDRESS", 0.9, "test"),
    ]
    boxes = proposed_boxes(found, words)
    assert boxes == [RedactionBox(70, 0, 200, 22), RedactionBox(0, 40, 100, 60)]
    assert proposed_boxes([], words) == []
