"""Posts, greetings, particles, labels and brands that are not people (issue 15, round 7).

Phrases and names written for these tests (not taken from the evaluation corpora).
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import PersonId, PersonRole, Regime
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.mask import regions
from sar_desk.detect.platforms import product_by_cue
from sar_desk.detect.propagate import propagation_names
from sar_desk.detect.recognizers.gated_recognizers import GatedUrlRecognizer
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.words import is_not_a_name


def test_posts_particles_and_abbreviations_never_spread_alone(fake_analyzer: object) -> None:
    twice = ["Matron", "Ní", "DWP", "Nan", "Registrar"]
    for word in twice:
        assert propagation_names([(1, word), (2, word)]) == [], word
    # The person behind a post spreads, the post alone does not.
    names = propagation_names([(1, "Sister Okonjo")])
    assert "Okonjo" in names
    assert "Sister Okonjo" in names
    assert "Sister" not in names
    # A surname particle is part of the full name only ("NI" would match "Ní").
    names = propagation_names([(1, "Aoife Ní Dhuibhir")])
    assert "Aoife" in names
    assert "Ní" not in names
    # A family name opening with its particle spreads whole, the particle never alone.
    assert propagation_names([(1, "Ní Dhuibhir")]) == ["Dhuibhir", "Ní Dhuibhir"]
    # Short first names that look like particles still spread.
    assert propagation_names([(1, "Del"), (2, "Del")]) == ["Del"]


@pytest.mark.parametrize(
    "value",
    ["Coroner", "Superintendent Registrar", "Matron", "Wotcha", "Laters", "ragazzi", "galon"],
)
def test_posts_greetings_and_foreign_courtesies_are_not_names(
    fake_analyzer: object, value: str
) -> None:
    assert is_not_a_name(value)


@pytest.mark.parametrize("value", ["Mrs Lord", "Tomasz Wotjek", "Dominika", "Yusuf Major"])
def test_people_whose_surname_is_a_post_stay_names(fake_analyzer: object, value: str) -> None:
    assert not is_not_a_name(value)


def _known(name: str) -> CaseContext:
    person = KnownPerson(PersonId(3), PersonRole.THIRD_PARTY, names=(name,))
    return CaseContext(Regime.SAR, (person,))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cherry on top of it all, the boiler went too", []),
        ("cherry's boiler went again", ["cherry"]),
        ("cherry pls ring the gas board", ["cherry"]),
        ("cherry to ring the gas board", ["cherry"]),
        ("went round with cherry on friday", ["cherry"]),
        ("Cherry rang at nine", ["Cherry"]),
    ],
)
def test_a_known_word_name_opening_a_note_needs_a_person_cue(
    fake_analyzer: object, text: str, expected: list[str]
) -> None:
    hits = _known("Cherry Adebayo").matcher.find(text)
    assert [text[h.start : h.end] for h in hits] == expected


def test_a_word_before_a_number_is_its_label_not_a_spread_name(fake_analyzer: object) -> None:
    wider = CaseContext(Regime.SAR, ()).with_propagated(["Tel"])
    text = "tel 0161 496 0000 or tel: +44 20 7946 0000; ask tel, he knows"
    hits = [(text[h.start : h.end], h.start) for h in wider.matcher.find(text)]
    assert hits == [("tel", text.index("ask tel") + 4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Netflix page keeps freezing", []),
        ("back from mat leave in june", []),
        ("case officer rang this morning", []),
        ("myrtle's brother rang", ["myrtle"]),
        ("PCSO holly on patrol at the gates", ["holly"]),
    ],
)
def test_lower_case_word_names_in_a_noun_phrase_are_words(
    fake_analyzer: object, text: str, expected: list[str]
) -> None:
    spans = NameListRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected


def test_software_named_by_an_apposition_beats_the_name_list(fake_analyzer: object) -> None:
    text = "the reading list is on Hattie, the school's homework app"
    start = text.index("Hattie")
    assert product_by_cue(text, start, start + len("Hattie"))
    text = "the key is with Hattie, the new tenant"
    start = text.index("Hattie")
    assert not product_by_cue(text, start, start + len("Hattie"))


@pytest.mark.parametrize(
    "text",
    [
        "meet at ///index.home.raft by the gate",
        "w3w: lamp.spoon.crane",
        "what3words daily.fold.mint",
    ],
)
def test_what3words_addresses_are_not_web_links(text: str) -> None:
    assert GatedUrlRecognizer().analyze(text, ["URL"]) == []


def test_screenshots_and_screen_recordings_are_file_names() -> None:
    for name in (
        "Screenshot 2024-01-05 at 9.03.44 am.png",
        "Screen Recording 2023-11-30 at 17.01.09.mov",
    ):
        text = f"sent {name} to the team"
        (region,) = regions(text)
        assert text[region.start : region.end] == name
        assert region.kind == "file"
