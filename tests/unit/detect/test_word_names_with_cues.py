"""Given names that are everyday words, found where a person cue stands by (issue 15, round 6).

Every phrase was written for these tests (invented names, varied wording), none taken from an
evaluation corpus. The list recogniser alone decides here, so the model cannot help or hide.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def names(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in NameListRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("will is covering the late shift", ["will"]),  # a modal is never followed by "is"
        ("will says the van is booked", ["will"]),
        ("Will off ill since monday", ["Will"]),
        ("Will's payslip came back wrong", ["Will"]),
        ("the rota was swapped with Will, ask him", ["Will"]),  # capital inside a sentence
        ("sister Will phoned the ward", ["Will"]),
        ("the parcel for will arrived damaged", ["will"]),  # a preposition puts a name there
        ("rota for will moved to fridays", ["will"]),
        ("caretaker will to be told first", ["will"]),  # "to" never follows the modal
        ("sgt will and pc dawn attended", ["will", "dawn"]),
        ("noise from no. 4 (will) again", ["will"]),
        ("will okafor rang about the boiler", ["will okafor"]),  # no verb follows a modal
        ("she says will okafor's van is blocking", ["will okafor"]),
        ("rota: Will Adeyemi on lates", ["Will Adeyemi"]),  # a capital before a family name
    ],
)
def test_will_is_a_name_where_no_verb_can_follow(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "cheers will do",  # chat with the subject dropped
        "ok will ring her after lunch",
        "we will see on tuesday",
        "the will is with the solicitor",  # the noun
        "against her will apparently",
        "duty manager dawn will phone back",  # a name is the modal's subject
        "will you be in on monday?",
        "she will.",
        "Will Writing Service opens on monday",  # a title
    ],
)
def test_will_stays_the_modal_or_the_noun(text: str) -> None:
    assert "will" not in [n.casefold() for n in names(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello it's ivy from number 9, can you call", ["ivy"]),  # naming oneself
        ("matched violet (79) with a volunteer driver", ["violet"]),  # an age in brackets
        ("at the review: robin (dad) and a social worker", ["robin"]),  # a relation in brackets
        ("heather at no. 22 said the fence is down", ["heather"]),
        ("pearl off sick again this week", ["pearl"]),
        ("appropriate adult ruby arriving at 6", ["ruby"]),
        ("PCSO jade visited the shop", ["jade"]),
        ("can someone drive amber to her physio on friday", ["amber"]),
        ("complainant dawn rang twice", ["dawn"]),
        ("hazel and rose mensah were both there", ["hazel", "rose mensah"]),
        ("Pearl from the agency is her new carer", ["Pearl"]),  # someone from a body
        ("dad had a fall, ivy found him by the door", ["ivy"]),  # a past tense, an object
        # between names no dictionary has
        ("panel: tomasz / violet / grzegorz", ["tomasz", "violet", "grzegorz"]),
    ],
)
def test_word_names_with_a_person_cue(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a fern (plant) by the door",  # a bracket that holds neither an age nor a role
        "the sky at no. 4 looked dark",
        "ruby red paint on the wall",
        "the amber light was on",
        "book the room for 3",
        "drive link in the chat",  # a thing taken nowhere
        "the ivy found on the wall",  # after an article, and no object pronoun
    ],
)
def test_word_names_used_as_words_stay_words(text: str) -> None:
    assert names(text) == []


def test_a_contraction_after_a_greeting_is_not_a_name() -> None:
    spans = ChatNameRecognizer().spans("hiya it's me again")
    assert spans == []


def test_a_listed_two_word_town_is_not_a_full_name() -> None:
    assert names("moved to Whitley Bay last year") == []
