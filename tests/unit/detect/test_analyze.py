"""Batch analysis: dedup by text, the case pass, the propagation pass."""

from __future__ import annotations

from collections.abc import Sequence

from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import (
    RawSpan,
    ResultCache,
    analyze_all,
    analyze_batch,
    propagation_names,
    trim_span,
)
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.detector import InProcessDetector

CONTEXT = CaseContext(
    Regime.SAR,
    (KnownPerson(PersonId(1), PersonRole.REQUESTER, names=("Alex Morgan",)),),
    ("Alex Morgan",),
)


class CountingDetector:
    """Wraps a detector and records which texts it was asked about."""

    def __init__(self, inner: InProcessDetector) -> None:
        self.inner = inner
        self.asked: list[str] = []
        self.drop_entities = inner.drop_entities
        self.structured_entities = inner.structured_entities
        self.version = inner.version

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        self.asked += texts
        return self.inner.detect(texts)

    def close(self) -> None:
        pass


def test_identical_texts_are_analysed_once_within_and_across_batches(
    fake_detector: InProcessDetector,
) -> None:
    counting = CountingDetector(fake_detector)
    cache = ResultCache()
    batch = [
        (MessageId(1), "ring 07911 654321"),
        (MessageId(2), "ring 07911 654321"),
        (MessageId(3), "ok"),
    ]
    first = analyze_batch(counting, batch, CONTEXT, cache)
    second = analyze_batch(
        counting, [(MessageId(4), "ok"), (MessageId(5), "ring 07911 654321")], CONTEXT, cache
    )
    assert counting.asked == ["ring 07911 654321", "ok"]
    assert [int(f.message_id) for f in first] == [1, 2]
    assert [int(f.message_id) for f in second] == [5]


def test_names_found_once_are_propagated_to_every_occurrence(
    fake_detector: InProcessDetector,
) -> None:
    # "Bloggs" is in no name list, so only the spread of NER's find reaches message 3.
    items = [
        (MessageId(1), "Jo Bloggs is late"),
        (MessageId(2), "Jo Bloggs again"),
        (MessageId(3), "is bloggs in today"),
    ]
    found = analyze_all(fake_detector, items, CONTEXT)
    third = [f for f in found if f.message_id == 3]
    assert [(f.text, f.recognizer) for f in third] == [("bloggs", "CasePropagation")]


def test_propagation_needs_two_messages_or_a_full_name_written_as_a_name() -> None:
    names = propagation_names(
        [
            (1, "Priya"),
            (2, "Priya Shah"),
            (3, "NHS"),
            (4, "NHS"),
            (5, "Bolton"),
            (6, "reply"),
            (7, "reply"),
        ]
    )
    # "Priya Shah" found once spreads, and so do its parts.
    assert names == ["Priya", "Priya Shah", "Shah"]


def test_places_streets_products_and_placeholders_never_spread_as_people(
    fake_analyzer: object,  # loads the name and place lists
) -> None:
    found = [(i, w) for i, w in enumerate(["Westgate", "Truro", "Teams", "Deleted", "Lorem"] * 3)]
    assert propagation_names(found) == []


def test_ner_names_are_trimmed_to_the_name() -> None:
    text = "hi sam's desk"
    assert text[slice(*trim_span(text, 0, 9))] == "sam"


def test_requester_is_never_proposed_even_when_ner_finds_them(
    fake_detector: InProcessDetector,
) -> None:
    found = analyze_batch(fake_detector, [(MessageId(1), "Alex Morgan and Sam Patel")], CONTEXT)
    assert [f.text for f in found] == ["Sam Patel"]


def test_ner_names_lose_a_trailing_verb_but_keep_a_listed_name(fake_analyzer: object) -> None:
    text = "bob rang from home"
    assert text[slice(*trim_span(text, 0, 8))] == "bob"


def test_names_the_model_calls_organisations_are_recovered(fake_analyzer: object) -> None:
    from sar_desk.detect.relabel import from_org as _from_org

    assert _from_org("Lachlan Penhaligon") == "PERSON"
    assert _from_org("Sandhu") == "PERSON"  # a listed surname
    assert _from_org("Truro") == "LOCATION"
    for org in ("Elm House", "Leeds City Council", "Tesco", "Teams", "DoLS team"):
        assert _from_org(org) is None, org
