"""Round-11 recall rules (issue 15): hyphenated given names, nicknames, word-names by more
person cues, the passport number's own label after an aside, solid NINOs with unissued
prefixes.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.cues import named_by_what_follows
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.recognizers.hyphen_names import HyphenatedNameRecognizer
from sar_desk.detect.recognizers.loose_initials import LooseInitialsRecognizer
from sar_desk.detect.recognizers.pet_names import NicknameListRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import (
    NinoCueRecognizer,
    PassportNumberRecognizer,
)
from sar_desk.detect.recognizers.unnumbered_street import UnnumberedStreetRecognizer
from sar_desk.detect.words import named_in_lower_case, used_as_word

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _values(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in recognizer.noted_spans(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Seo-yeon's landlord wants the deposit back", "Seo-yeon"),
        ("rota: Min-jae on lates, Pavel on earlies", "Min-jae"),
        ("the form came back from Jadon-Rhys yesterday", "Jadon-Rhys"),
        ("cheque handed to seo-yeon at the counter", "seo-yeon"),
        ("min-jae rang about the boiler", "min-jae"),
        ("A-K from stores is off today", "A-K"),
        ("can you ask r-j about the keys", "r-j"),
    ],
)
def test_hyphenated_given_names_are_people(text: str, name: str) -> None:
    assert _values(HyphenatedNameRecognizer(), text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "the pre-op check is at nine",
        "Non-urgent: tidy the shed",
        "the wi-fi at the co-op is down",
        "a drop-in session with a follow-up call",
        "the min-jae rota",  # a determiner: no person slot
        "seo-yeon soup on the menu",  # lower case without a person cue
        "it was an x-ray and a t-shirt",
        "a Zoom-based catch-up",
        "the A-Z is in the glovebox",
    ],
)
def test_hyphenated_compounds_stay_words(text: str) -> None:
    assert _values(HyphenatedNameRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Nobby did the gutters on his own", ["Nobby"]),
        ("taff and shiner on the early shift", ["taff", "shiner"]),
        ("Jonesy's van is blocking the gate", ["Jonesy"]),
        ("tell Robbo the skip is full", ["Robbo"]),
        ("keys left with Tommo at the yard", ["Tommo"]),
    ],
)
def test_nicknames_customary_and_name_shaped(text: str, names: list[str]) -> None:
    assert _values(NicknameListRecognizer(), text) == names


@pytest.mark.parametrize(
    "text",
    [
        "the dusty shelf in the loft",
        "a lofty ambition for the team",
        "Happy Friday all",
        "Referred to LADO today",
        "lofty ideas and big plans",
        "email addy is on the form",  # shorthand for an address
    ],
)
def test_nickname_words_used_as_words(text: str) -> None:
    assert _values(NicknameListRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the parcel belongs to prudence, ring her", "prudence"),
        ("receipt in the name of comfort", "comfort"),
        ("the son of destiny rang the office", "destiny"),
        ("passenger melody left a bag on the bus", "melody"),
        ("keyholder journey is away till monday", "journey"),
        ("rocky (the old caretaker) has the key", "rocky"),
        ("bliss disputes the charge", "bliss"),
        ("bliss got him home safely", "bliss"),
    ],
)
def test_word_names_by_more_person_cues(text: str, name: str) -> None:
    assert name in _values(NameListRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "the name of the game",
        "out of comfort and habit",
        "the forest found its way back",
        "liberty (the statue) on the poster",
    ],
)
def test_word_names_by_more_cues_stay_words(text: str) -> None:
    assert _values(NameListRecognizer(), text) == []


def test_passport_label_after_a_long_aside() -> None:
    text = (
        "passport scan for Oluwaseun Abernethy-Clarke (dual national, checked twice) no. 612093471"
    )
    assert _values(PassportNumberRecognizer(), text) == ["612093471"]


def test_passport_cue_does_not_claim_another_numbers_label() -> None:
    text = "passport photos printed for the whole group, then the booking no. 612093471"
    assert _values(PassportNumberRecognizer(), text) == []


@pytest.mark.parametrize("text", ["Mr Quayle - TN204411B", "list:\nrosa quayle: NT204411A"])
def test_solid_nino_with_an_unissued_prefix(text: str) -> None:
    assert _values(NinoCueRecognizer(), text)[-1] in ("TN204411B", "NT204411A")


@pytest.mark.parametrize(
    "text",
    ["order - TN204411C", "Ref: TN204411B", "Mr Quayle - tn204411b", "Mr Quayle - TN204411B ok"],
)
def test_solid_shape_needs_unissued_prefix_capitals_and_suffix(text: str) -> None:
    assert _values(NinoCueRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("smoke alarm went off at Larchfield Crescent overnight", "Larchfield Crescent"),
        ("bins not collected on Tannery Mews again", "Tannery Mews"),
        ("does anyone have the gate code for orchard gardens?", "orchard gardens"),
        ("leaflets dropped round kiln terrace.", "kiln terrace"),
    ],
)
def test_streets_named_without_a_number(text: str, street: str) -> None:
    assert _values(UnnumberedStreetRecognizer(), text) == [street]


@pytest.mark.parametrize(
    "text",
    [
        "it is saved on the Shared Drive",
        "booked a Test Drive for Saturday",
        "All staff: Harbour Road car park closed today",
        "Ember Street rang about her boiler",  # a given name and a family name
        "statement taken by Mr Street today",
        "Witness Mary Close signed it",
        "we were quite close to the end",
        "the food drive starts monday",
        "stuck at main road works",
    ],
)
def test_unnumbered_street_words_used_otherwise(text: str) -> None:
    assert _values(UnnumberedStreetRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("who is r.t. on the fridge log?", ["r.t."]),
        ("signed off by P.J.W. at handover", ["P.J.W."]),
        ("QF to check the fire doors", ["QF"]),
        ("zv countersigned the float sheet", ["zv"]),
    ],
)
def test_loose_initials_are_people(text: str, initials: list[str]) -> None:
    assert _values(LooseInitialsRecognizer(), text) == initials


@pytest.mark.parametrize(
    "text",
    [
        "bring a coat, e.g. the blue one",
        "starts at 9 a.m. sharp",
        "HR to check the contract",  # an abbreviation
        "ok to do that now",
        "go to check the van",
        "pt to check the dressing",  # a patient
        "the form was signed by QF",  # not opening a line
    ],
)
def test_loose_initials_leave_words_and_abbreviations(text: str) -> None:
    assert _values(LooseInitialsRecognizer(), text) == []


@pytest.mark.parametrize(
    "text",
    [
        "dusty (the new caretaker) starts monday",
        "hazel from the council is here",
        "ivy (carer) rang",
    ],
)
def test_a_role_or_a_body_after_a_word_name_reads_as_a_name(text: str) -> None:
    end = text.index(" ")
    assert named_by_what_follows(text, end)
    assert named_in_lower_case(text, 0, end)
    assert not used_as_word(text, 0, end)


@pytest.mark.parametrize(
    "text", ["rusty (the old bike) is in the shed", "hope from the start matters", "ivy (green)"]
)
def test_a_thing_in_brackets_is_no_role(text: str) -> None:
    assert not named_by_what_follows(text, text.index(" "))
