"""Structural leaks: sender headers, mentions, reactions, system lines, files, quotes, cards."""

from __future__ import annotations

from datetime import UTC, datetime

from sar_desk.core.findings import ProposalField
from sar_desk.core.model import (
    Attachment,
    ConversationId,
    Message,
    MessageId,
    MessageKind,
    PersonId,
    PersonRole,
    Reaction,
    Regime,
)
from sar_desk.detect.analyze import analyze_batch
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.detector import InProcessDetector

SAM = KnownPerson(PersonId(2), PersonRole.THIRD_PARTY, names=("Sam Patel",))
ALEX = KnownPerson(PersonId(1), PersonRole.REQUESTER, names=("Alex Morgan",))
CONTEXT = CaseContext(Regime.SAR, (ALEX, SAM), ("Alex Morgan", "+44 7911 123456"), region="GB")


def message(text: str = "ok", **kw: object) -> Message:
    base: dict[str, object] = dict(
        id=MessageId(7),
        conversation_id=ConversationId(1),
        conversation="Team",
        platform="whatsapp",
        sender="Alex Morgan",
        sender_id="+447911123456",
        timestamp=datetime(2026, 1, 5, tzinfo=UTC),
        kind=MessageKind.MESSAGE,
        text=text,
    )
    base.update(kw)
    return Message(**base)  # type: ignore[arg-type]


def run(detector: InProcessDetector, msg: Message) -> list[tuple[str, str, str]]:
    found = analyze_batch(detector, [(msg.id, msg.text)], CONTEXT, messages=[msg])
    return [(str(f.field), f.text, f.entity_type) for f in found]


def test_third_party_sender_header_is_proposed(fake_detector: InProcessDetector) -> None:
    out = run(fake_detector, message(sender="Sam Patel", sender_id="+447700900123"))
    assert ("sender", "Sam Patel", "PERSON") in out
    assert ("sender", "+447700900123", "PHONE_NUMBER") in out


def test_requester_sender_header_is_not_proposed_in_a_sar(fake_detector: InProcessDetector) -> None:
    assert run(fake_detector, message()) == []


def test_mentions_and_reaction_actors_are_proposed(fake_detector: InProcessDetector) -> None:
    out = run(
        fake_detector,
        message(
            mentions=("@Sam Patel",),
            reactions=(Reaction("👍", "Jo Bloggs", "+447700900456"), Reaction("❤", "Alex Morgan")),
        ),
    )
    assert ("mention", "@Sam Patel", "PERSON") in out
    assert ("reaction", "Jo Bloggs", "PERSON") in out
    assert ("reaction", "+447700900456", "PHONE_NUMBER") in out
    assert not any(t == "Alex Morgan" for _f, t, _e in out)


def test_system_line_names_and_numbers_are_proposed(fake_detector: InProcessDetector) -> None:
    msg = message(
        "Jo added 07911 654321 and Kim Lee", kind=MessageKind.SYSTEM, sender=None, sender_id=None
    )
    out = run(fake_detector, msg)
    assert ("text", "Jo", "PERSON") in out
    assert ("text", "07911 654321", "PHONE_NUMBER") in out
    assert ("text", "Kim Lee", "PERSON") in out


def test_attachment_names_that_identify_someone_are_proposed(
    fake_detector: InProcessDetector,
) -> None:
    msg = message(
        attachments=(
            Attachment("Sam Patel.vcf"),
            Attachment("IMG-20260105-WA0001.jpg"),
            Attachment("sam_patel_sick_note.pdf"),
            Attachment("rota.xlsx"),
        )
    )
    out = [o for o in run(fake_detector, msg) if o[0] == str(ProposalField.ATTACHMENT)]
    assert [o[1] for o in out] == ["Sam Patel.vcf", "sam_patel_sick_note.pdf"]


def test_contact_card_text_is_proposed(fake_detector: InProcessDetector) -> None:
    card = "BEGIN:VCARD\nFN:Kim Lee\nTEL:+44 7911 654321\nEND:VCARD"
    out = run(fake_detector, message(card))
    assert ("text", "Kim Lee", "PERSON") in out
    assert ("text", "+44 7911 654321", "PHONE_NUMBER") in out


def test_quoted_reply_header_is_proposed(fake_detector: InProcessDetector) -> None:
    out = run(fake_detector, message("> Kim Lee: see you at 3\nthanks"))
    assert ("text", "Kim Lee", "PERSON") in out


def test_header_items_have_no_offsets(fake_detector: InProcessDetector) -> None:
    msg = message(sender="Sam Patel")
    found = analyze_batch(fake_detector, [(msg.id, msg.text)], CONTEXT, messages=[msg])
    sender = next(f for f in found if f.field == ProposalField.SENDER)
    assert (sender.start, sender.end, sender.person_id) == (None, None, PersonId(2))


def test_own_side_me_sender_names_nobody(fake_detector: InProcessDetector) -> None:
    assert run(fake_detector, message(sender="Me", sender_id=None)) == []


def test_placeholder_senders_name_nobody(fake_detector: InProcessDetector) -> None:
    for ghost in ("Deleted User", "Author 1", "🌸🌸🌸"):
        assert run(fake_detector, message(sender=ghost, sender_id=None)) == [], ghost
