"""A spread name another rule found only in part: the rest of it is still proposed (round 18)."""

from __future__ import annotations

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.propagate import PROPAGATED, settle

CONTEXT = CaseContext(Regime.SAR)


def _finding(text: str, value: str, entity: str, recognizer: str) -> Finding:
    start = text.index(value)
    return Finding(
        MessageId(1),
        ProposalField.TEXT,
        start,
        start + len(value),
        value,
        entity,
        0.8,
        recognizer,
    )


def test_the_uncovered_words_of_a_spread_name_are_added() -> None:
    text = "pls text ke'andre dinsa on 07700 900614"
    hit = _finding(text, "ke'andre dinsa", "PERSON", PROPAGATED)
    had = _finding(text, "ke'andre", "PERSON", "HyphenatedNameRecognizer")
    added = settle({1: [hit]}, CONTEXT, [had]).new
    assert [(f.text, f.start, f.recognizer) for f in added] == [("dinsa", 18, PROPAGATED)]


def test_a_name_found_whole_adds_nothing_again() -> None:
    text = "pls text ke'andre dinsa today"
    hit = _finding(text, "ke'andre dinsa", "PERSON", PROPAGATED)
    assert settle({1: [hit]}, CONTEXT, [hit]).new == []


def test_a_place_address_or_longer_finding_is_not_overruled() -> None:
    text = "moved to 4 rose lane last week"
    hit = _finding(text, "rose lane", "PERSON", PROPAGATED)
    street = _finding(text, "4 rose lane", "STREET_ADDRESS", "StreetAddressRecognizer")
    assert settle({1: [hit]}, CONTEXT, [street]).new == []
    place = _finding(text, "rose", "LOCATION", "SpacyRecognizer")
    assert settle({1: [hit]}, CONTEXT, [place]).new == []


def test_a_rest_that_is_a_word_post_or_glued_part_is_not_added(shipped_lists: None) -> None:
    text = "quiz winners: captain Branwen Bittern"
    hit = _finding(text, "captain Branwen Bittern", "PERSON", PROPAGATED)
    had = _finding(text, "Branwen Bittern", "PERSON", "SpacyRecognizer")
    assert settle({1: [hit]}, CONTEXT, [had]).new == []
    text = "ainsley I've put the key safe number in"
    hit = _finding(text, "ainsley I've", "PERSON", PROPAGATED)
    had = _finding(text, "ainsley", "PERSON", "NameListRecognizer")
    assert settle({1: [hit]}, CONTEXT, [had]).new == []
    text = "contact dawa_mac an bhaird@example.org"
    hit = _finding(text, "dawa_mac an bhaird", "PERSON", PROPAGATED)
    had = _finding(text, "mac an bhaird", "PERSON", "SpacyRecognizer")
    assert settle({1: [hit]}, CONTEXT, [had]).new == []


def test_a_trade_before_a_name_is_not_its_rest(shipped_lists: None) -> None:
    text = "Lead Signwriter sakura off Friday"
    hit = _finding(text, "Signwriter sakura", "PERSON", PROPAGATED)
    had = _finding(text, "sakura", "PERSON", "NameListRecognizer")
    assert settle({1: [hit]}, CONTEXT, [had]).new == []


def test_a_second_run_adds_the_rest_only_once() -> None:
    text = "pls text ke'andre dinsa on 07700 900614"
    hit = _finding(text, "ke'andre dinsa", "PERSON", PROPAGATED)
    had = _finding(text, "ke'andre", "PERSON", "HyphenatedNameRecognizer")
    (rest,) = settle({1: [hit]}, CONTEXT, [had]).new
    assert settle({1: [hit]}, CONTEXT, [had, rest]).new == []
