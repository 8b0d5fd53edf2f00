"""Issue 13 item 2: what the requester gives about themselves in their own messages is theirs.

UK GDPR Art. 15 gives the requester their own personal data; DPA 2018 Sch 2 Pt 3 para 16
covers only information about another individual. So in a SAR, "my address is ..." written by
the requester is never proposed; the same words from staff, or about someone else, still are.
The texts are written for these tests, not taken from any recogniser's templates.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import ConversationId, Message, MessageId, MessageKind, PersonId, Regime
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.policy import apply_policy
from sar_desk.detect.self_disclosure import self_regions

ALIASES = ("Robin Ashby", "+44 7700 900777")
ROBIN = KnownPerson(PersonId(1), names=("Robin Ashby",), phones=("+44 7700 900777",))


def message(mid: int, sender: str, text: str) -> Message:
    return Message(
        MessageId(mid),
        ConversationId(1),
        "Tenancy",
        "whatsapp",
        sender,
        None,
        datetime(2026, 2, 3, 10, 0, tzinfo=UTC),
        MessageKind.MESSAGE,
        text,
    )


def spans(msg: Message, *parts: tuple[str, str]) -> list[Finding]:
    out = []
    for value, entity in parts:
        start = msg.text.index(value)
        out.append(
            Finding(msg.id, ProposalField.TEXT, start, start + len(value), value, entity, 0.9, "t")
        )
    return out


def proposed(regime: Regime, msg: Message, *parts: tuple[str, str]) -> list[str]:
    context = CaseContext(regime, (ROBIN,), ALIASES)
    return [f.text for f in apply_policy(spans(msg, *parts), context, messages=[msg])]


OWN = (
    "Morning. For the form, my home address is 27 Quarry Bank, Hexley HX3 9QP and my NHS "
    "number is 401 023 2137. Ring me on 07700 900555 after four."
)
PARTS = (
    ("27 Quarry Bank", "STREET_ADDRESS"),
    ("HX3 9QP", "UK_POSTCODE"),
    ("401 023 2137", "UK_NHS"),
    ("07700 900555", "PHONE_NUMBER"),
)


def test_requesters_own_statements_are_never_proposed_in_a_sar() -> None:
    assert proposed(Regime.SAR, message(1, "Robin Ashby", OWN), *PARTS) == []


def test_the_same_words_from_staff_are_still_proposed() -> None:
    staff = message(2, "Kim Dalby", OWN)
    assert proposed(Regime.SAR, staff, *PARTS) == [p for p, _ in PARTS]


def test_someone_elses_details_in_the_requesters_message_are_proposed() -> None:
    text = (
        "My address is 27 Quarry Bank. My neighbour's mobile is 07700 900321 and "
        "Glenda Pike at 29 Quarry Bank has the same damp."
    )
    msg = message(3, "Robin Ashby", text)
    got = proposed(
        Regime.SAR,
        msg,
        ("27 Quarry Bank", "STREET_ADDRESS"),
        ("07700 900321", "PHONE_NUMBER"),
        ("Glenda Pike", "PERSON"),
        ("29 Quarry Bank", "STREET_ADDRESS"),
    )
    assert got == ["07700 900321", "Glenda Pike", "29 Quarry Bank"]


def test_a_region_stops_at_another_person_named_in_it() -> None:
    text = "my address is 27 Quarry Bank, Glenda Pike is at 29 Quarry Bank"
    regions = self_regions(text, [text.index("Glenda")])
    assert [text[a:b] for a, b in regions] == ["27 Quarry Bank, "]


def test_foi_marks_it_as_the_requesters_own_not_a_third_partys() -> None:
    msg = message(4, "Robin Ashby", OWN)
    context = CaseContext(Regime.FOI, (ROBIN,), ALIASES)
    [nhs] = apply_policy(spans(msg, ("401 023 2137", "UK_NHS")), context, messages=[msg])
    assert "requester's own" in nhs.explanation
