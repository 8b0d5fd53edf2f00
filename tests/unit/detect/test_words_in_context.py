"""Names that are words, labels that are not names, full names that spread (issue 15).

Phrases written for these tests (not taken from the evaluation corpora or the recognisers).
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.propagate import propagation_names
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.relabel import acronym as _acronym
from sar_desk.detect.relabel import from_org as _from_org
from sar_desk.detect.words import named_in_lower_case, used_as_word


def _at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("prune the daisy before it spreads", "daisy", True),
        ("lily them all up with water", "lily", True),  # before a pronoun
        ("ask lily the code for the door", "lily", False),  # a person cue first
        ("lily rang back at ten", "lily", False),
        ("our lily pad pond", "lily", True),
    ],
)
def test_a_name_that_is_a_word_is_read_from_its_neighbours(
    text: str, word: str, expected: bool
) -> None:
    assert used_as_word(*_at(text, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("daisy phoned the office twice", "daisy", True),  # a verb after
        ("daisy wanted a lift home", "daisy", True),
        ("no news from daisy, still waiting", "daisy", True),  # a cue before
        ("checked on daisy.", "daisy", True),  # punctuation after
        ("daisy chain of emails", "daisy", False),
        ("lily pond at the back", "lily", False),
    ],
)
def test_a_lower_case_propagated_word_name_needs_a_cue(
    text: str, word: str, expected: bool
) -> None:
    assert named_in_lower_case(*_at(text, word)) is expected


def test_propagated_word_names_count_in_lower_case_only_where_they_name_someone() -> None:
    wider = CaseContext(Regime.SAR, ()).with_propagated(["Daisy", "Will"])
    text = "daisy phoned again; the daisy chain; will do; Daisy left"
    hits = [text[h.start : h.end] for h in wider.matcher.find(text)]
    assert hits == ["daisy", "Daisy"]


def test_full_names_spread_even_in_lower_case_or_with_a_surname_that_is_a_town(
    fake_analyzer: object,  # loads the name and place lists
) -> None:
    # Listed first name + listed surname in lower case: the person and both parts spread.
    assert propagation_names([(1, "orla brennan")]) == ["Brennan", "Orla", "Orla Brennan"]
    # "Selby" is a listed town: the full name spreads, the town alone does not.
    assert propagation_names([(1, "Obinna Selby")]) == ["Obinna", "Obinna Selby"]
    # Lower case words that are not both listed names stay unspread.
    assert propagation_names([(1, "sofa bed")]) == []


def test_a_lower_case_full_name_found_once_finds_the_first_name_elsewhere(
    fake_detector: InProcessDetector,
) -> None:
    items = [(MessageId(1), "Priya Brennan moved in"), (MessageId(2), "priya phoned again")]
    found = analyze_all(fake_detector, items, CaseContext(Regime.SAR, ()))
    assert [(f.text, int(f.message_id)) for f in found if f.entity_type == "PERSON"] == [
        ("Priya Brennan", 1),
        ("priya", 2),
    ]


def test_identifier_labels_are_never_proposed_as_people(
    fake_detector: InProcessDetector,
) -> None:
    items = [(MessageId(1), "NI no. JG 10 37 44 D and NINO JG103744D for payroll")]
    found = analyze_all(fake_detector, items, CaseContext(Regime.SAR, ()))
    assert {f.entity_type for f in found} == {"UK_NINO"}


def test_short_capital_labels_are_not_names_unless_known(fake_analyzer: object) -> None:
    assert _from_org("NINO") is None  # "Nino" is a listed given name
    assert _acronym("NI", None)
    assert _acronym("DWP", None)
    assert not _acronym("Nino", None)
    assert not _acronym("SARAH", None)
    known = CaseContext(Regime.SAR, (KnownPerson(PersonId(4), PersonRole.STAFF, names=("Jo Li",)),))
    assert not _acronym("JO", known)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("payroll has Nino XR516622A on file", ["Nino"]),  # not "Nino XR"
        ("moving to our Truro branch from May", []),
        ("daisy in side room 1 wants a drink", ["daisy"]),
        ("has anyone seen daisy? her son is here", ["daisy"]),
        ("picking daisy flowers", []),
    ],
)
def test_list_names_are_not_read_from_codes_or_after_a_town(
    fake_analyzer: object, text: str, expected: list[str]
) -> None:
    spans = NameListRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected


def test_a_name_never_runs_over_a_line_break() -> None:
    from sar_desk.detect.relabel import trim_span

    text = "Kind regards,\nFarah Patel\nTenancy Officer"
    start = text.index("Farah")
    s, e = trim_span(text, start, text.index("Officer") - 1)
    assert text[s:e] == "Farah Patel"


def test_test_suite_accounts_are_placeholders_and_real_names_are_not() -> None:
    from sar_desk.detect.words import is_placeholder

    for ghost in ("Person One", "person 2", "User A", "Contact 3", "Sender", "Test"):
        assert is_placeholder(ghost), ghost
    for name in ("Personal Shopper", "Tom Sample", "Testy McTest", "Contacta Ruiz"):
        assert not is_placeholder(name), name
