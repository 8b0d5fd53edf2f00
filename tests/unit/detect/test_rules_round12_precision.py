"""Round-12 precision rules (issue 15): identifier shapes, things and phrases that are not people.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.brands import household_brand, language_name, vehicle
from sar_desk.detect.not_people import never_person
from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import NinoCueRecognizer
from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer
from sar_desk.detect.words import looks_like_name
from sar_desk.detect.world_greetings import greeting_phrases, is_world_greeting
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _found(recognizer: object, text: str, entity: str) -> list[str]:
    results = recognizer.analyze(text, [entity], None)  # type: ignore[attr-defined]
    return [text[r.start : r.end] for r in results]


# --- identifiers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["028 95 123456", "0113 4960871", "0161-4960222", "(028) 95 123456", "02895 123456"],
)
def test_any_uk_grouping_of_a_whole_number_is_a_phone(number: str) -> None:
    text = f"please ring the depot on {number} before noon"
    assert _found(UkPhoneRecognizer(), text, "PHONE_NUMBER") == [number]


@pytest.mark.parametrize(
    "text", ["ref 0123 4567 8901 2345 closed", "order 01234567 shipped", "on 01 02 2025 at 3"]
)
def test_groupings_of_the_wrong_length_are_no_phone(text: str) -> None:
    assert _found(UkPhoneRecognizer(), text, "PHONE_NUMBER") == []


@pytest.mark.parametrize("line", ["DQ135790A", "  qv 24 68 02 b ", "ZZ246801C."])
def test_a_nino_alone_on_its_line_is_proposed_whatever_its_prefix(line: str) -> None:
    text = f"what's your NI again?\n{line}\nthanks"
    assert [v.strip(" .") for v in _found(NinoCueRecognizer(), text, "UK_NINO")] == [
        line.strip(" .")
    ]


def test_a_nino_shaped_code_inside_a_sentence_still_needs_its_cue() -> None:
    assert _found(NinoCueRecognizer(), "the tag reads DQ135790A on the box", "UK_NINO") == []


# --- things, not people -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the Nissan Juke needs tyres", "Nissan Juke"),
        ("trade-in: Kia Sportage 2018, 80k", "Kia Sportage"),
        ("is the Toyota Yaris back yet", "Toyota"),
        ("customer's nissan qashqai, rear light out", "nissan qashqai"),
    ],
)
def test_a_make_before_its_model_is_a_vehicle(text: str, value: str) -> None:
    assert vehicle(*span_of(text, value))
    assert never_person(*span_of(text, value))


def test_a_make_that_is_also_a_surname_stays_a_person_beside_a_name() -> None:
    assert not never_person(*span_of("spoke to Ford Okafor at the desk", "Ford Okafor"))
    assert not never_person(*span_of("Imogen Ford rang back", "Imogen Ford"))
    assert not vehicle(*span_of("the ford van is outside", "ford van"))
    assert not vehicle(*span_of("Ford asap pls", "Ford"))


def test_a_make_before_its_model_is_no_town_but_a_place_named_after_it_stays() -> None:
    from sar_desk.core.findings import Finding, ProposalField
    from sar_desk.core.model import MessageId, Regime
    from sar_desk.detect.case_terms import CaseContext
    from sar_desk.detect.not_people import without_things

    def town(text: str, value: str) -> Finding:
        start = text.index(value)
        return Finding(
            MessageId(1), ProposalField.TEXT, start, start + len(value), value, "LOCATION", 0.8,
            "UkPlaceRecognizer", "a town",
        )  # fmt: skip

    context = CaseContext(Regime.SAR, (), ())
    car = "the Vauxhall Astra needs two tyres by friday"
    assert without_things(car, [town(car, "Vauxhall")], context) == []
    for kept in ("she lives off Vauxhall Bridge Road", "meet at Vauxhall station at 9"):
        assert len(without_things(kept, [town(kept, "Vauxhall")], context)) == 1


def test_household_brands_and_languages_are_things() -> None:
    assert household_brand("Domestos")
    assert household_brand("Harpic")
    assert language_name("Sorani")
    assert language_name("Cymraeg")
    assert language_name("Tigrinya")
    assert never_person(*span_of("we need a Sorani speaker", "Sorani"))
    assert not household_brand("Comfort")  # a given name too: left to the other rules


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("left a Stanley flask in room 4", "Stanley"),
        ("found a Pandora bracelet by the sinks", "Pandora"),
        ("Velux windows quoted at £900", "Velux"),
    ],
)
def test_a_brand_before_its_goods_is_a_thing(text: str, value: str) -> None:
    assert never_person(*span_of(text, value))


def test_polish_and_urdu_courtesies_are_phrases() -> None:
    assert is_world_greeting("Miłego weekendu")
    assert is_world_greeting("ile to kosztuje")
    assert greeting_phrases("Aap ki class peer ko hai") == [(0, 6), (13, 20)]


def test_link_is_never_a_name() -> None:
    assert not looks_like_name("link")
    text = "hiya link workers, new drop-in at the library"
    assert ChatNameRecognizer().analyze(text, ["PERSON"], None) == []


# --- name-list hits on everyday nouns ---------------------------------------------------------


def _names(text: str) -> list[str]:
    results = NameListRecognizer().analyze(text, ["PERSON"], None)
    return [text[r.start : r.end] for r in results]


@pytest.mark.parametrize(
    "text",
    [
        "she paid the parking in cash at the desk",
        "arrears on the council tax since may",
        "charity quiz night in the hall friday",
        "no reason given for the delay",
        "can you add the minutes to the folder",
    ],
)
def test_everyday_nouns_in_lower_case_are_not_names(text: str) -> None:
    assert _names(text) == []


def test_an_everyday_noun_after_a_naming_cue_is_still_a_name() -> None:
    found = _names("thanks charity for covering the stall")
    assert found == ["charity"]
