"""Teams, services and posts are not people, and never spread as one (issue 15).

Phrases written for these tests (not taken from the evaluation corpora).
"""

from __future__ import annotations

import pytest

from sar_desk.detect.propagate import propagation_names
from sar_desk.detect.relabel import trim_span
from sar_desk.detect.units import before_unit, is_unit, without_unit
from sar_desk.detect.words import is_not_a_name


def _at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize(
    "value",
    [
        "Green Watch",
        "Adult Social Care Duty Team",
        "Housing Options Service",
        "Trading Standards Enforcement",
        "Parking Services",
        "CAMHS Team",
        "Head of Service",
        "Income Recovery Officer",
        "Shift Supervisor",
        "Crew Manager",
        "Learning Support & Wellbeing",
        "Watch",
        "Enforcement",
    ],
)
def test_units_and_posts_are_not_names(fake_analyzer: object, value: str) -> None:
    assert is_unit(value)
    assert is_not_a_name(value)


@pytest.mark.parametrize(
    "value",
    ["Tomasz Wieczorek", "Okonkwo", "Aled Parry-Jones", "Service Road", "Manor Court", "Hazel"],
)
def test_names_and_streets_are_not_units(fake_analyzer: object, value: str) -> None:
    assert not is_unit(value)


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("cc Bronwen Okafor Duty Manager", "Bronwen Okafor Duty Manager", "Bronwen Okafor"),
        ("Area Team Leader Dariusz Nowak rang", "Area Team Leader Dariusz Nowak", "Dariusz Nowak"),
        ("call Tunde Bakare", "Tunde Bakare", "Tunde Bakare"),
    ],
)
def test_a_post_run_into_a_name_is_cut_off(
    fake_analyzer: object, text: str, span: str, kept: str
) -> None:
    _t, start, end = _at(text, span)
    s, e = trim_span(text, start, end)
    assert text[s:e] == kept


def test_a_span_that_is_all_unit_leaves_nothing(fake_analyzer: object) -> None:
    text = "Amber Watch took the call"
    assert without_unit(*_at(text, "Amber Watch")) is None


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("White Watch are on nights", "White", True),
        ("the Youth Offending Team rang", "Offending", True),
        ("Gwenllian Team Leader says no", "Gwenllian", False),  # a name, not a modifier
        ("White said she would call", "White", False),
        ("Red watch out", "Red", False),  # not a capitalised head
    ],
)
def test_a_word_before_a_unit_is_its_modifier(
    fake_analyzer: object, text: str, word: str, expected: bool
) -> None:
    assert before_unit(*_at(text, word)) is expected


def test_units_never_spread_as_people(fake_analyzer: object) -> None:
    names = propagation_names(
        [(1, "Amber Watch"), (2, "Amber Watch"), (3, "Estates Team"), (4, "Estates Team")]
    )
    assert names == []
    # A real full name still spreads, with its parts.
    assert propagation_names([(5, "Ngozi Adeyemi")]) == ["Adeyemi", "Ngozi", "Ngozi Adeyemi"]


def test_units_posts_and_products_get_no_proposal_end_to_end(real_detector: object) -> None:
    from sar_desk.core.model import MessageId, Regime
    from sar_desk.detect.analyze import analyze_all
    from sar_desk.detect.case_terms import CaseContext

    texts = [
        "Green Watch have the keys to the store",
        "Green Watch are short tonight, can anyone swap",
        "passed to the Housing Options Service on Friday",
        "the Income Recovery Officer signed it off",
        "ask the Crew Manager before you book leave",
        "Parking Enforcement will call round tomorrow",
        "the claim form is on Quarkly, logged into Quarkly twice",
        "Bronwen Okafor rang about the rent again",
    ]
    items = [(MessageId(i), t) for i, t in enumerate(texts)]
    found = analyze_all(real_detector, items, CaseContext(Regime.SAR, ()))  # type: ignore[arg-type]
    people = {(int(f.message_id), f.text) for f in found if f.entity_type == "PERSON"}
    assert all(mid == 7 for mid, _text in people), people
    assert (7, "Bronwen Okafor") in people
