"""Chat words, typos, mash and odd capitals are not names; grammar marks lower-case names.

Issue 15, round 5. Every phrase here was written for these tests: none is taken from the
evaluation corpora or from the recognisers' own examples.
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.cues import after_article, person_grammar, question_subject
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.lexical import (
    is_mash,
    is_typo_of_word,
    lower_word_not_name,
    odd_capitals,
    repeated_words,
    word_not_name,
)
from sar_desk.detect.mask import mask
from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.words import is_not_a_name


def _at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("gorgeous", True),  # a dictionary word no name list has
        ("wonderful", True),
        ("tihs", True),  # a typo of "this"
        ("plmuber", True),  # a typo of "plumber"
        ("brb", True),  # shorthand
        ("qwer", True),  # keyboard mash
        ("daisy", False),  # a name that is a word: context decides, not the dictionary
        ("siobhan", False),  # a listed name
        ("Gorgeous", False),  # capitalised: not this check's business
    ],
)
def test_lower_case_words_that_no_list_names_are_not_names(
    fake_analyzer: object, word: str, expected: bool
) -> None:
    assert lower_word_not_name(word) is expected


def test_typos_mash_capitals_and_repeats_have_general_shapes(fake_analyzer: object) -> None:
    assert is_typo_of_word("teh") is False  # too short to judge
    assert is_typo_of_word("recieve")
    assert not is_typo_of_word("okonkwo")
    # Beside other names an unlisted name is not read as a typo ("carys" / "crays").
    # "elis" (a Welsh name no list has) is one slip from "lies": alone it reads as a typo,
    # next to other names it does not.
    assert lower_word_not_name("elis")
    assert not lower_word_not_name("elis", typos=False)
    assert all(is_mash(w) for w in ("sdfg", "zxcvb", "hmmm", "grr"))
    assert not any(is_mash(w) for w in ("anna", "bryn", "tom"))
    assert all(odd_capitals(w) for w in ("PoBox", "iPad", "REf"))
    for name in (
        "McAllister",
        "MacKenzie",
        "O'Brien",
        "D'Arcy",
        "DeAndre",
        "Hughes-Lloyd",
        "Dalby-Wójcik",
    ):
        assert not odd_capitals(name), name
    assert repeated_words("blah blah blah")
    assert not repeated_words("Anna Anna-Maria")
    assert word_not_name("Superstars")
    assert not word_not_name("Rose")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Adobe Acrobat Pro", True),  # a vendor, a product and a product word
        ("Google Classroom", True),
        ("Power", False),  # a product word alone is not a product
        ("zxcv zxcv", True),
        ("Nos da", True),  # a Welsh greeting: a listed word and a short particle
        ("Ana da Costa", False),  # a particle inside a name
        ("Kemi Adeyemi", False),
    ],
)
def test_products_mash_and_greetings_are_not_names(
    fake_analyzer: object, value: str, expected: bool
) -> None:
    assert is_not_a_name(value) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("pls could holly sign the form", "holly", True),  # subject of a question
        ("is ivy around this afternoon", "ivy", True),
        ("we could holly the whole porch", "holly", False),  # after a subject: not a question
        ("ask the support worker ivy first", "ivy", True),  # a role before
        ("text ivy back later", "ivy", True),  # a contact verb
        ("ivy the cleaner found it", "ivy", True),  # a role in apposition
        ("ivy the cleanre found it", "ivy", True),  # ... typed with a slip
        ("holly wasnt home", "holly", True),  # a negated auxiliary
        ("holly forgot her badge", "holly", True),  # an irregular past
        ("holly already signed", "holly", True),  # an adverb opening the predicate
        ("holly berries everywhere", "holly", False),
        ("holly wreath on the door", "holly", False),
    ],
)
def test_grammar_marks_a_lower_case_name_where_only_a_person_fits(
    fake_analyzer: object, text: str, word: str, expected: bool
) -> None:
    assert person_grammar(*_at(text, word)) is expected


def test_question_subjects_and_articles(fake_analyzer: object) -> None:
    assert question_subject(*_at("ok, can holly lock up", "holly"))
    assert not question_subject(*_at("they can holly it", "holly"))
    assert after_article("the ivy on the wall", 4)
    assert after_article("Tomasz's nan called", len("Tomasz's "))
    assert not after_article("our ivy is in", 4)  # "our Ivy": a relative in Northern English


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hiya gorgeous, all ok?", []),
        ("cheers Legend", []),
        ("ring asking for a callback", []),
        ("hiya siobhan", ["siobhan"]),
    ],
)
def test_chat_cues_do_not_turn_dictionary_words_into_names(
    fake_analyzer: object, text: str, expected: list[str]
) -> None:
    spans = ChatNameRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pls could holly sign the form", ["holly"]),
        ("holly wasnt home at 4", ["holly"]),
        ("nat ins number still missing", []),  # shorthand, not Nat
        ("her nan is picking him up", []),  # a relation word
        ("Tomasz's nan is picking him up", ["Tomasz"]),
        ("he wrote his NiNo on the back", []),  # capitals no name has
        ("a rowan by the gate", []),
        ("kofi and holly came in", ["kofi", "holly"]),
        ("Mr Adeyemi and holly came in", ["Mr Adeyemi", "holly"]),  # a title makes a name
    ],
)
def test_list_names_in_lower_case_follow_grammar_and_the_dictionary(
    fake_analyzer: object, text: str, expected: list[str]
) -> None:
    spans = NameListRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected


def _known(*people: tuple[int, PersonRole, str]) -> CaseContext:
    return CaseContext(
        Regime.SAR,
        tuple(KnownPerson(PersonId(i), role, names=(name,)) for i, role, name in people),
    )


def test_known_names_that_are_words_follow_the_same_grammar(
    fake_detector: InProcessDetector,
) -> None:
    context = _known(
        (2, PersonRole.STAFF, "Holly Mensah"), (3, PersonRole.THIRD_PARTY, "Kwame Osei")
    )
    items = [
        (MessageId(1), "pls can holly sign it off"),
        (MessageId(2), "we can holly the porch"),
        (MessageId(3), "HCA Holly off sick today"),
        (MessageId(4), "holly wreath on the door"),
        (MessageId(5), "ko says the heating is off again"),
        (MessageId(6), "no news yet"),
        (MessageId(7), "holly and I went round, all fine"),  # a known name opening a message
    ]
    found = analyze_all(fake_detector, items, context)
    names = sorted((int(f.message_id), f.text) for f in found if f.entity_type == "PERSON")
    assert names == [(1, "holly"), (3, "Holly"), (5, "ko"), (7, "holly")]


def test_a_group_name_in_a_system_line_is_masked() -> None:
    for line in (
        'Femi created group "Floor 3 Rota"',
        "Femi changed the subject from “Old” to “Kitchen Team”",
        "You named the conversation Quiz Night",
    ):
        masked = mask(line)
        assert not any(w in masked for w in ("Rota", "Kitchen", "Quiz"))
        assert masked.startswith(line.split()[0])


def test_titles_towns_after_addresses_and_place_compounds(fake_analyzer: object) -> None:
    from sar_desk.detect.relabel import relabel, trim_span
    from sar_desk.detect.relabel import word_not_name as guess_not_name

    text = "pls emial mrs fisher about it"
    start, end = trim_span(text, text.index("emial"), text.index(" about"))
    assert text[start:end] == "mrs fisher"  # the title stays, the typo goes
    assert not guess_not_name(text, start, end, CaseContext())
    town = "Flat 4, 12 Mill Road, Bolton, BL1 1AA"
    at = town.index("Bolton")
    # A listed town after a street is a place, even when it is also a surname.
    assert relabel(town, at, at + len("Bolton"), "PERSON", CaseContext()) == "LOCATION"
    for line, word in (("moved to 3 Pen-y-Graig last week", "Graig"), ("st john's court", "john")):
        at = line.index(word)
        assert guess_not_name(line, at, at + len(word), CaseContext()), line


def test_a_role_before_a_known_word_name_keeps_it_a_name(
    fake_detector: InProcessDetector,
) -> None:
    context = _known((2, PersonRole.STAFF, "Holly Mensah"))
    items = [(MessageId(1), "support worker holly off today"), (MessageId(2), "holly off the tree")]
    found = analyze_all(fake_detector, items, context)
    assert [(int(f.message_id), f.text) for f in found if f.entity_type == "PERSON"] == [
        (1, "holly")
    ]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("parcel left at 41 Ty-Gwyn for her", "Ty-Gwyn", "41 "),  # a street with no suffix
        ("keys to 7b Dunmore by noon", "Dunmore", "7b "),
        ("bed 4 Anwen needs obs", "Anwen", None),  # a bed, not a house
        ("year 11 Tobias missed it", "Tobias", None),
        ("paid £40 Rhiannon", "Rhiannon", None),
    ],
)
def test_a_name_like_word_after_a_house_number_is_a_street(
    text: str, word: str, expected: str | None
) -> None:
    from sar_desk.detect.relabel import street_start

    at = street_start(text, text.index(word))
    assert (text[at : text.index(word)] if at is not None else None) == expected


@pytest.mark.parametrize(
    "value",
    ["Happy Hanukkah", "Eid Mubarak", "Fred Bloggs", "Jane Doe", "Salaam", "Kiitos", "Merhaba"],
)
def test_wishes_stock_names_and_greetings_in_other_languages_are_nobody(
    fake_analyzer: object, value: str
) -> None:
    assert is_not_a_name(value)


def test_a_channel_topic_is_masked_and_a_passive_is_not_a_person(fake_analyzer: object) -> None:
    line = "Ola set the channel topic: Night Shift Swaps"
    assert mask(line).strip() == "Ola"
    assert not person_grammar(*_at("the letter sent to legal", "letter"))
    assert person_grammar(*_at("holly went home early", "holly"))


def test_a_model_name_is_cut_where_masked_text_begins() -> None:
    from sar_desk.detect.analyze import _before_masked
    from sar_desk.detect.mask import regions

    line = "Ola set the channel topic: Night Shift Swaps"
    assert _before_masked(regions(line), 0, len(line)) == line.index("set")
