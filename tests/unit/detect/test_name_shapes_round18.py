"""Name shapes of round 18: capitals both sides of an apostrophe, a lone word of another script.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.lexical import odd_capitals
from sar_desk.detect.recognizers.epithets import EpithetNameRecognizer
from sar_desk.detect.recognizers.loose_initials import LooseInitialsRecognizer
from sar_desk.detect.recognizers.script_names import ScriptNameRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize("word", ["Sha'Ron", "La'Tisha", "De'Andre", "Ja'Marr's", "O'Neill"])
def test_a_capital_each_side_of_an_apostrophe_is_a_name_shape(word: str) -> None:
    assert not odd_capitals(word)


@pytest.mark.parametrize("word", ["Don'T", "It'S", "We'Ll", "NiNo", "iPad", "Shar'ON"])
def test_contractions_and_labels_in_odd_capitals_stay_odd(word: str) -> None:
    assert odd_capitals(word)


def _script(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in ScriptNameRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Олександр from the night shift took the keys", "Олександр"),
        ("Σταυρούλα (she writes it in Greek) paid cash", "Σταυρούλα"),
        ("spoke to Богдана about the rota", "Богдана"),
        ("the card says love from Mum and Αφροδίτη x", "Αφροδίτη"),
    ],
)
def test_a_lone_capitalised_cyrillic_or_greek_word_is_a_name(text: str, name: str) -> None:
    assert _script(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Дякую for the lift",  # thanks
        "Добре, see you at 6",  # a one-word reply
        "Εντάξει, on my way",
        "Ναι",
        "from Київ with love",  # a place after a place preposition
        "she lives in Львів now",
        "flew in from Αθήνα last night",
        "Ω is the unit on the meter",  # a letter used as a symbol
        "ΔΕΗ bill came",  # capitals all through: an acronym
        "сергей from the yard",  # lower case: no capital to read a name by
        "going back to Sofia, довиждане",
    ],
)
def test_greetings_replies_places_and_symbols_are_not_lone_names(text: str) -> None:
    assert _script(text) == []


def _epithet(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in EpithetNameRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Baz the Spanner is back on site tomorrow", ["Baz"]),
        ("ask Dave the Rave about the decks", ["Dave"]),
        ("it was Kev the Hat who left it", ["Kev"]),
        ("Catherine the Great", ["Catherine"]),
        ("met Sarah the Florist at the door", ["Sarah"]),
        ("ask if Will the Manager signed it", ["Will"]),  # a word-name inside a sentence
        ("because big tel says she started it", ["tel"]),
        ("wee jimbo wants the keys", ["jimbo"]),
        ("old shug rang about the van", ["shug"]),
    ],
)
def test_a_nickname_with_an_epithet_or_a_familiar_word_is_found(
    text: str, names: list[str]
) -> None:
    assert _epithet(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Will the Council agree?",  # a question opening with a verb
        "mark the invoice paid",  # lower case: a verb and its object
        "Mark the Invoice Paid",  # a word-name opening a line: the verb
        "press the Mark the Invoice button",  # after a determiner
        "Monday the Council rang",
        "Bath the City of",  # a place
        "Tell the Team",
        "big deal says who",  # a common word after "big"
        "old boy said no",
        "young lad says hi",
        "little sis said so",  # a relation
        "old git said that",  # what English calls a man
        "big tel box here",  # a rare word after "big", but no person's verb after it
    ],
)
def test_words_verbs_places_and_relations_are_no_epithet_names(text: str) -> None:
    assert _epithet(text) == []


def _initials(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in LooseInitialsRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("snooker cue left behind, initials ap on the butt", "ap"),  # a post's letters, said so
        ("ticket signed only with initials KB, ask Sam", "KB"),  # a unit's letters, said so
        ("the form was initialled by dg", "dg"),
        ("initials: JW", "JW"),
    ],
)
def test_letters_called_initials_are_a_person(text: str, value: str) -> None:
    assert _initials(text) == [value]


@pytest.mark.parametrize(
    "text",
    ["initials only please", "initials and date", "initials on the form", "initials ok"],
)
def test_words_after_initials_are_not_initials(text: str) -> None:
    assert _initials(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('name inside the wetsuit: "Oluwaseun A.", bagged', "Oluwaseun A."),  # no dictionary word
        ("Zofia K. rang about the booking", "Zofia K."),
        ("zofia k. rang about the booking", "zofia k."),
        ("Mark S. rang", "Mark S."),  # a word-name, capitalised
    ],
)
def test_a_given_name_and_an_initial_are_one_name(text: str, value: str) -> None:
    assert _initials(text) == [value]


@pytest.mark.parametrize(
    "text",
    ["Plan B. is fine", "Section A. of the form", "Grade A. pass", "mark x. here", "pls x. ta"],
)
def test_a_word_and_a_letter_are_not_a_name_and_initial(text: str) -> None:
    assert _initials(text) == []
