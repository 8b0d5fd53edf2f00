"""Overlap resolution: the stronger or longer proposal wins; weaker duplicates go."""

from __future__ import annotations

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, PersonId
from sar_desk.detect.resolve import resolve

STRUCTURED = {"PHONE_NUMBER", "EMAIL_ADDRESS", "UK_NHS"}


def f(
    start: int,
    end: int,
    entity: str,
    rec: str = "r",
    score: float = 0.85,
    person: int | None = None,
    field: ProposalField = ProposalField.TEXT,
) -> Finding:
    return Finding(
        MessageId(1),
        field,
        start,
        end,
        "x" * (end - start),
        entity,
        score,
        rec,
        person_id=PersonId(person) if person else None,
    )


def test_date_inside_a_phone_number_is_dropped() -> None:
    out = resolve([f(5, 17, "PHONE_NUMBER", score=0.4), f(5, 10, "DATE_TIME")], STRUCTURED)
    assert [x.entity_type for x in out] == ["PHONE_NUMBER"]


def test_url_inside_an_email_is_dropped() -> None:
    out = resolve([f(0, 20, "EMAIL_ADDRESS"), f(9, 20, "URL", score=0.95)], STRUCTURED)
    assert [x.entity_type for x in out] == ["EMAIL_ADDRESS"]


def test_longer_name_wins_and_inherits_the_known_person() -> None:
    out = resolve(
        [f(0, 9, "PERSON", "SpacyRecognizer"), f(0, 3, "PERSON", "CaseDenyList", 0.95, person=2)],
        STRUCTURED,
    )
    assert [(x.start, x.end, x.person_id) for x in out] == [(0, 9, PersonId(2))]


def test_known_name_turns_a_ner_place_into_a_person() -> None:
    out = resolve(
        [f(0, 5, "LOCATION", "SpacyRecognizer"), f(0, 5, "PERSON", "CaseDenyList", 0.95, person=4)],
        STRUCTURED,
    )
    assert [(x.entity_type, x.person_id) for x in out] == [("PERSON", PersonId(4))]


def test_dropped_types_never_appear_and_separate_spans_stay() -> None:
    out = resolve(
        [f(0, 4, "US_DRIVER_LICENSE"), f(10, 14, "PERSON"), f(20, 30, "UK_NHS")],
        STRUCTURED,
        drop={"US_DRIVER_LICENSE"},
    )
    assert [x.entity_type for x in out] == ["PERSON", "UK_NHS"]


def test_header_items_are_deduplicated_by_value() -> None:
    a = Finding(MessageId(1), ProposalField.SENDER, None, None, "Sam", "PERSON", 0.9, "s")
    b = Finding(MessageId(1), ProposalField.SENDER, None, None, "Sam", "PERSON", 0.8, "t")
    assert resolve([a, b], STRUCTURED) == [a]
