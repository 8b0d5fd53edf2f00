"""Round-7 recall cues (issue 15): each a general cue of English, chat or UK address practice.

Every phrase was written for these tests (invented names, streets and numbers, varied wording),
none taken from an evaluation corpus. The list and rule recognisers alone decide here.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import PassportNumberRecognizer
from sar_desk.detect.recognizers.uk_place_recognizer import UkPlaceRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def found(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in recognizer.spans(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contact verb in the past takes a person: "rang X", "texted X"
        ("rang dawn back about the boiler", ["dawn"]),
        ("texted rose twice, no reply", ["rose"]),
        # what is sent or handed goes to a person
        ("forms sent to pat for signing", ["pat"]),
        # verbs only a person does, after a bare word-name
        ("holly refused the assessment today", ["holly"]),
        ("ivy complained about the lift again", ["ivy"]),
        ("hazel won the raffle at the fete", ["hazel"]),
        ("ivy wfh again, laptop issue", ["ivy"]),
        ("dawn on the sick since tuesday", ["dawn"]),
        ("her ex rose keeps turning up", ["rose"]),
        ("minutes: pat (treas), holly (sec)", ["pat", "holly"]),
        # "that" before a name no dictionary has is the conjunction
        ("let Jo know that bronwen is not picking up", ["Jo", "bronwen"]),
    ],
)
def test_word_names_by_their_cues(text: str, expected: list[str]) -> None:
    assert found(NameListRecognizer(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "that rose is lovely",  # "that" as a determiner before a word
        "the storm refused to die down",  # an article makes it a noun
        "rang round the depots, nobody has it",
        "the storm won, we lost power",
        "dont miss price rises",
    ],
)
def test_words_stay_words(text: str) -> None:
    assert found(NameListRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seconded by cllr fothergale, carried", ["cllr fothergale"]),
        ("dr van der merwe rang the ward", ["dr van der merwe"]),
        ("spoke to mx quillfeather yesterday", ["mx quillfeather"]),
        ("mr said it was fine", []),  # a dictionary word after a title is no surname
    ],
)
def test_lower_case_title_then_unlisted_surname(text: str, expected: list[str]) -> None:
    assert found(NameListRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pemberthy, you said the fence was yours", ["Pemberthy"]),
        ("okonjo, can you ring me back", ["okonjo"]),
        ("ask big bev if the van is free", ["bev"]),
        ("Sorry, you were right", []),
        ("Mate, can you check the rota", []),
    ],
)
def test_vocative_and_nickname(text: str, expected: list[str]) -> None:
    assert found(ChatNameRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("taxi booked from 12b larkspurs to the day centre", ["12b larkspurs"]),
        ("she is staying at 8 the maltings", ["8 the maltings"]),
        ("22 Bramblegate (Whitby)", ["22 Bramblegate"]),
        ("the tenant at 61 the larches is away till june", ["61 the larches"]),
        ("flat 4, 9 brackenrigg has no heating", ["flat 4, 9 brackenrigg"]),
        ("the review at 3 weeks is fine", []),
        ("went from 2 weeks to a month", []),
        ("meet at 5 the shop.", []),
    ],
)
def test_streets_by_their_cues(text: str, expected: list[str]) -> None:
    assert found(StreetAddressRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("banns read for Ola Dunne and Kit Varga, both of Whitby", ["Whitby"]),
        ("she is relocating to amble, start date tbc", ["amble"]),
        ("he moved from bath.", ["bath"]),
        ("it is in bath.", []),  # "in bath" is an idiom
        ("both of them came", []),
        ("hearing listed at selby county court, 2pm", ["selby"]),  # a town names its court
    ],
)
def test_towns_by_their_cues(text: str, expected: list[str]) -> None:
    assert found(UkPlaceRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("passport (Irish, expires 2031) number 204918337", ["204918337"]),
        ("passport (exp 07/2030): 118 402 975", ["118 402 975"]),
    ],
)
def test_passport_cue_with_a_bracketed_aside(text: str, expected: list[str]) -> None:
    assert found(PassportNumberRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mrs de la fontaine wants the fence back", "mrs de la fontaine"),  # particles
        ("let Jo know that bronwen is not picking up", "bronwen"),  # "that" the conjunction
    ],
)
def test_model_names_kept(text: str, value: str) -> None:
    from sar_desk.core.model import Regime
    from sar_desk.detect.case_terms import CaseContext
    from sar_desk.detect.relabel import word_not_name

    start = text.index(value)
    assert not word_not_name(text, start, start + len(value), CaseContext(Regime.SAR))
