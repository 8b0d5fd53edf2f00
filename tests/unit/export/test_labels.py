"""Issue 13 item 7: one consistent label per person, whatever name of theirs is redacted.

A pack the requester can follow: "Person A" stays Person A across full name, first name,
surname, "Ms Surname", nickname and handle (before, one person became A, B and C); staff
acting in an official capacity are "Officer N", or redacted with the code's marker when the
case's staff policy says so.
"""

from __future__ import annotations

from dataclasses import replace

from export_data import SAR_3P, START

from sar_desk.core.disclosure import (
    ApprovedRedaction,
    DisclosureDecisions,
    PersonNames,
    StaffPolicy,
)
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import (
    Case,
    ConversationId,
    Message,
    MessageId,
    MessageKind,
    PersonId,
    Regime,
)
from sar_desk.export.redact import build_render_bundle

TEXTS = {
    1: "Jordan Blake rang about the fence.",
    2: "I told Jordan we would call back.",
    3: "Ms Blake says @jbl8 is her account and Jordy is what friends call her.",
    4: "Dana Reid approved the works; Dana signs off on Friday.",
    5: "Glenda Pike next door complained; Glenda wants a visit and Mrs Pike is home after 5.",
}
PEOPLE = (
    PersonNames(PersonId(7), ("Jordan Blake", "@jbl8", "Jordy", "+44 7700 900111")),
    PersonNames(PersonId(9), ("Dana Reid",), official=True),
)
NAMES = {
    1: ["Jordan Blake"],
    2: ["Jordan"],
    3: ["Ms Blake", "@jbl8", "Jordy"],
    4: ["Dana Reid", "Dana"],
    5: ["Glenda Pike", "Glenda", "Mrs Pike"],
}


def _bundle(
    policy: StaffPolicy = StaffPolicy.DISCLOSE,
    pseudonyms: bool = True,
    people: tuple[PersonNames, ...] = PEOPLE,
):
    messages, redactions = [], {}
    for mid, text in TEXTS.items():
        messages.append(
            Message(
                MessageId(mid),
                ConversationId(1),
                "Repairs",
                "whatsapp",
                "Kim Dalby",
                None,
                START,
                MessageKind.MESSAGE,
                text,
            )
        )
        group, after = [], 0
        for name in NAMES[mid]:
            start = text.index(name, after)
            after = start + len(name)
            group.append(
                ApprovedRedaction(
                    MessageId(mid),
                    ProposalField.TEXT,
                    start,
                    start + len(name),
                    name,
                    SAR_3P,
                    "Third party",
                    "PERSON",
                    "officer",
                    "reviewer",
                    START,
                    START,
                )
            )
        redactions[MessageId(mid)] = tuple(group)
    decisions = DisclosureDecisions(
        in_scope=tuple(redactions),
        redactions=redactions,
        people=people,
        staff_policy=policy,
        ordinary_words=frozenset({"home"}),
    )
    case = Case("SAR-LABELS", Regime.SAR, START.date(), "Robin Ashby")
    bundle = build_render_bundle(case, messages, decisions, pseudonyms)
    return {int(m.message_id): m.text for c in bundle.conversations for m in c.messages}


def test_one_label_per_person_across_every_form_of_their_name() -> None:
    text = _bundle()
    assert text[1] == "Person A rang about the fence."
    assert text[2] == "I told Person A we would call back."
    assert text[3] == "Person A says Person A is her account and Person A is what friends call her."


def test_someone_not_in_the_case_keeps_one_label_too() -> None:
    text = _bundle()
    assert text[5] == (
        "Person B next door complained; Person B wants a visit and Person B is home after 5."
    )


def test_official_staff_are_officers_or_redacted_by_the_case_policy() -> None:
    assert (
        _bundle(StaffPolicy.LABEL)[4]
        == "Officer 1 approved the works; Officer 1 signs off on Friday."
    )
    marker = "[REDACTED · Sch 2 Pt 3 para 16]"
    assert (
        _bundle(StaffPolicy.REDACT)[4]
        == f"{marker} approved the works; {marker} signs off on Friday."
    )


def test_markers_when_labels_are_turned_off() -> None:
    assert (
        _bundle(pseudonyms=False)[2] == "I told [REDACTED · Sch 2 Pt 3 para 16] we would call back."
    )


def test_labels_are_on_by_default() -> None:
    from sar_desk.export.options import BundleOptions

    assert BundleOptions(generated_at=START).pseudonyms is True
    assert replace(BundleOptions(generated_at=START), pseudonyms=False).pseudonyms is False


def test_one_person_on_two_unmerged_records_keeps_one_label() -> None:
    # Slack and WhatsApp each gave "Jordan Blake" a person record; People has not merged them.
    twice = (*PEOPLE, PersonNames(PersonId(8), ("Jordan Blake", "U0JBLAKE")))
    text = _bundle(people=twice)
    assert text[1] == "Person A rang about the fence."
    assert text[2] == "I told Person A we would call back."
