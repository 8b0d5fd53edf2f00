"""Synthetic messages and decisions with planted third-party strings, for export tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from sar_desk.core.disclosure import (
    ApprovedRedaction,
    DisclosureDecisions,
    ReasonCode,
    WithheldMessage,
)
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import (
    Attachment,
    Case,
    ConversationId,
    Message,
    MessageId,
    MessageKind,
    PersonId,
    Reaction,
    Regime,
)
from sar_desk.export.options import BundleInputs, SearchRecord, Versions

REPO = Path(__file__).resolve().parents[3]
RESOURCES = REPO / "resources"
GENERATED_AT = datetime(2026, 5, 20, 9, 30, tzinfo=UTC)

THIRD_PARTY = "Jordan Blake"
ARABIC_NAME = "سارة خليل"
EMOJI_NAME = "Priya Shah"
PHONE_FORMS = ("07911 654321", "+44 7911 654321", "07911654321", "07911 654 321")
EMAIL = "jordan.blake@example.org"
#: Every string that must never appear in the requester pack.
PLANTED = (THIRD_PARTY, ARABIC_NAME, EMOJI_NAME, EMAIL, *PHONE_FORMS)

SAR_3P = ReasonCode(
    code="SAR-3P",
    regime=Regime.SAR,
    reference="DPA 2018 Sch 2 Pt 3 para 16",
    marker="Sch 2 Pt 3 para 16",
    title="Information about other people",
    summary="Information that identifies someone else, removed to protect their privacy.",
    kind="qualified",
    public_interest_test=False,
    source="https://example.invalid/sch2",
)
SAR_LPP = ReasonCode(
    code="SAR-LPP",
    regime=Regime.SAR,
    reference="DPA 2018 Sch 2 Pt 4 para 19",
    marker="Sch 2 Pt 4 para 19",
    title="Legal professional privilege",
    summary="Legal advice we are entitled to keep confidential.",
    kind="class",
    public_interest_test=False,
    source="https://example.invalid/sch2p4",
)

BST = timezone(timedelta(hours=1))
START = datetime(2026, 3, 27, 9, 0, tzinfo=UTC)


def _msg(i: int, conv: int, title: str, sender: str | None, text: str, **kw: object) -> Message:
    when = kw.pop("when", START + timedelta(hours=12 * i))
    return Message(
        id=MessageId(i),
        conversation_id=ConversationId(conv),
        conversation=title,
        platform="whatsapp",
        sender=sender,
        sender_id=None,
        timestamp=when,  # type: ignore[arg-type]
        kind=kw.pop("kind", MessageKind.MESSAGE),
        text=text,
        **kw,  # type: ignore[arg-type]
    )


def _red(
    mid: int,
    field: ProposalField,
    text: str,
    start: int | None = None,
    end: int | None = None,
    entity: str = "PERSON",
    person: int | None = 7,
    code: ReasonCode = SAR_3P,
) -> ApprovedRedaction:
    return ApprovedRedaction(
        message_id=MessageId(mid),
        field=field,
        start=start,
        end=end,
        text=text,
        code=code,
        rationale="Third party, no consent, not reasonable to disclose",
        entity_type=entity,
        proposer="officer",
        approver="reviewer",
        proposed_at=START,
        approved_at=START,
        person_id=PersonId(person) if person is not None else None,
    )


def _span(
    mid: int, text: str, needle: str, entity: str = "PERSON", person: int | None = 7
) -> ApprovedRedaction:
    start = text.index(needle)
    return _red(mid, ProposalField.TEXT, needle, start, start + len(needle), entity, person)


def synthetic() -> tuple[Case, list[Message], DisclosureDecisions]:
    """Two conversations with planted third-party strings and their approved decisions."""
    t = {
        1: "Morning Alex, Jordan Blake called about your repair.",
        2: "Jordan Blake's number is 07911 654321, or +44 7911 654321 from abroad.",
        3: "Ok thanks. Can you email jordan.blake@example.org?",
        4: "Spoke to سارة خليل at the office, she will call 07911654321 back.",
        5: "Thanks👍Priya Shah sorted it 🎉 and her desk line is 07911 654 321",
        6: "Our solicitor advised that the claim is weak.",
        8: "not relevant: lunch order",
        9: "Duplicate of message 1",
        10: "Alex confirmed the visit on Friday.",
        11: "Reminder: jordan blake will attend too",  # decided: the same redaction as elsewhere
    }
    title1, title2 = "Repairs team", "Chat with Jordan Blake"
    messages = [
        _msg(1, 1, title1, "Sam Officer", t[1]),
        _msg(2, 1, title1, "Jordan Blake", t[2], reactions=(Reaction("👍", "Jordan Blake"),)),
        _msg(3, 1, title1, "Alex Morgan", t[3], reply_to=MessageId(2), edited=True),
        _msg(4, 1, title1, "Sam Officer", t[4], when=datetime(2026, 3, 28, 10, 42, tzinfo=UTC)),
        _msg(
            5,
            1,
            title1,
            "Sam Officer",
            t[5],
            attachments=(Attachment("Jordan_Blake_letter.pdf", "document"),),
        ),
        _msg(6, 1, title1, "Sam Officer", t[6]),
        _msg(7, 1, title1, None, "Jordan Blake added Alex Morgan", kind=MessageKind.SYSTEM),
        _msg(8, 2, title2, "Sam Officer", t[8]),
        _msg(9, 2, title2, "Sam Officer", t[9]),
        _msg(
            10, 2, title2, "Sam Officer", t[10], attachments=(Attachment("IMG-0001.jpg", "image"),)
        ),
        _msg(11, 2, title2, "Sam Officer", t[11]),
    ]
    redactions = {
        MessageId(1): (_span(1, t[1], THIRD_PARTY),),
        MessageId(2): (
            _red(2, ProposalField.SENDER, THIRD_PARTY),
            _span(2, t[2], THIRD_PARTY),
            _span(2, t[2], "07911 654321", "PHONE_NUMBER", None),
            _span(2, t[2], "+44 7911 654321", "PHONE_NUMBER", None),
            _red(2, ProposalField.REACTION, THIRD_PARTY),
        ),
        MessageId(3): (_span(3, t[3], EMAIL, "EMAIL_ADDRESS"),),
        MessageId(4): (
            _span(4, t[4], ARABIC_NAME, person=8),
            _span(4, t[4], "07911654321", "PHONE_NUMBER", None),
        ),
        MessageId(5): (
            _span(5, t[5], EMOJI_NAME, person=9),
            _span(5, t[5], "07911 654 321", "PHONE_NUMBER", None),
            _red(5, ProposalField.ATTACHMENT, "Jordan_Blake_letter.pdf", entity="FILE"),
        ),
        MessageId(7): (_red(7, ProposalField.TEXT, THIRD_PARTY, 0, 12),),
        MessageId(10): (_red(10, ProposalField.CONVERSATION, THIRD_PARTY),),
        MessageId(11): (_span(11, t[11], "jordan blake"),),
    }
    withheld = {
        MessageId(6): WithheldMessage(
            MessageId(6), SAR_LPP, "Legal advice", "officer", "reviewer", START
        )
    }
    decisions = DisclosureDecisions(
        in_scope=tuple(MessageId(i) for i in (1, 2, 3, 4, 5, 6, 7, 10, 11)),
        redactions=redactions,
        withheld=withheld,
        not_in_scope=frozenset({MessageId(8)}),
        duplicates=frozenset({MessageId(9)}),
        protected_terms=(THIRD_PARTY, "+44 7911 654321", EMAIL, ARABIC_NAME, EMOJI_NAME),
    )
    case = Case(
        reference="SAR-TEST-7",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        aliases=("Alex Morgan",),
    )
    return case, messages, decisions


def inputs_for(case: Case, messages: list[Message], decisions: DisclosureDecisions) -> BundleInputs:
    searches = (
        SearchRecord(
            datetime(2026, 5, 6, 10, tzinfo=UTC),
            "officer",
            ("whatsapp",),
            date(2026, 1, 1),
            date(2026, 4, 30),
            11,
            terms="Jordan Blake",
        ),
    )
    return BundleInputs(
        case=case,
        messages=tuple(messages),
        decisions=decisions,
        searches=searches,
        versions=Versions("0.1.0", "en_core_web_sm 3.8.0", "codes-2026.1"),
        resources=RESOURCES,
        case_path="/cases/SAR-TEST-7",
    )
