"""More places only a town stands, for villages no list has (round 20, issue 15).

The place names are made up ("Tregarnoch", "Nanthowell", "Pen-Cae-Garthwen", "Carnby-IX-Crosses"):
no list holds them, as no list holds every village a blind corpus names.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.lexical import inner_capitals
from sar_desk.detect.place_slots import unlisted_town
from sar_desk.detect.recognizers.uk_place_recognizer import UkPlaceRecognizer, place_word
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _places(text: str) -> list[str]:
    return [text[s:e] for s, e, ent, _sc, _n in UkPlaceRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can anyone give Priya a lift to Tregarnoch sat", "Tregarnoch"),
        ("fell off the quad, ambulance to Nanthowell, family told", "Nanthowell"),
        ("she's moving to Tregarnoch with her sister in spring", "Tregarnoch"),
        ("80 miles to Nanthowell, it's more like 30", "Nanthowell"),
        ("his mum's awa tae Tregarnoch wi the dog", "Tregarnoch"),
        ("the band from Tregarnoch booked the hall for Sat", "Tregarnoch"),
        ("Mr Ellery from Nanthowell wants his deposit back", "Nanthowell"),
        ("the christening at Tregarnoch, 4th of May, cake ordered", "Tregarnoch"),
        ("left my coat at the quiz at Nanthowell", "Nanthowell"),
        ("parcel for the Ellery family, Tregarnoch, ZE2 9QT", "Tregarnoch"),
        ("the trawler left Nanthowell harbour at dawn", "Nanthowell"),
        ("custody hearing at Tregarnoch magistrates 10am", "Tregarnoch"),
        ("air ambulance from Carnby-IX-Crosses, police informed", "Carnby-IX-Crosses"),
        ("a lift to Pen-Cae-Garthwen tmrw?", "Pen-Cae-Garthwen"),
        # lower case: one word no dictionary, list or name has
        ("slipped on the ice, took him to nanthowell a&e", "nanthowell"),
        ("could you give me a lift to tregarnoch sat", "tregarnoch"),
        ("air ambulance from nanthowell, police informed", "nanthowell"),
        ("he drove himself to the minor injuries at tregarnoch", "tregarnoch"),
        ("compost for the ellery family, nanthowell, ze2 9qt", "nanthowell"),
        # a bracketed "who, where"
        ("the undertaker rang (Priya, Nanthowell) about the flowers", "Nanthowell"),
        ("the undertaker rang (Mx Ellery, Tregarnoch) again", "Tregarnoch"),
        ("the undertaker rang (priya, nanthowell) again", "nanthowell"),
    ],
)
def test_an_unlisted_town_is_read_where_only_a_town_stands(text: str, value: str) -> None:
    assert value in _places(text)


@pytest.mark.parametrize(
    "text",
    [
        "she's going to Ellery's after work",  # a person's house
        "a lift to Siobhan tomorrow",  # a listed given name
        "a message from Okafor wants an answer",  # a lone family name
        "the invoice from Accounts is wrong",  # English words
        "meet at Monday, ok?",  # a weekday
        "moved to Teams for the call",  # a product
        "a lift to hoem sat",  # a typo of an English word, in lower case
        "took him to the local a&e",  # an English word before a service
        "a lift to town sat",  # an English word after a journey
        "ring Siobhan, ZE2 9QT is her postcode",  # a given name before a postcode
        "the email from Garthwen says he can't come",  # a message is from a person
        "she threw her pint at Garthwen, then left",  # a glass is thrown at a person
        "hurt his wrist in randori, dad collected him",  # "in" takes activities in lower case
        "email her at nanthowell.ellery@example.org",  # an address goes on after the dot
        "the undertaker rang (Okonkwo, Garthwen) again",  # the bracket names no person first
        "a text from garthwen, she says hi",  # a message's sender in lower case
        "coming up from nanthowell at xmas, can she stay",  # a feast, not a town
        "appointment moved to thrus, sorry",  # a weekday typed with a slip
        "pcode ze2 9qt",  # a label before a postcode
        "the pre-auth from Garthwen came through",  # a firm sends a pre-auth
    ],
)
def test_people_words_and_products_there_stay_unproposed(text: str) -> None:
    assert _places(text) == []


@pytest.mark.parametrize(
    ("text", "value", "town"),
    [
        ("the ferry to Pen-Cae-Garthwen is off today", "Pen-Cae-Garthwen", True),
        ("she needs a lift to Tregarnoch sat", "Tregarnoch", True),
        ("she needs a lift to Siobhan sat", "Siobhan", False),  # a person may stand there
        ("she gave a lift to Tregarnoch's sister", "Tregarnoch", False),
    ],
)
def test_a_person_guess_after_a_journey_is_the_town(text: str, value: str, town: bool) -> None:
    assert unlisted_town(*span_of(text, value)) is town


@pytest.mark.parametrize(
    ("word", "odd"),
    [
        ("Ruyton-XI-Towns", False),
        ("Pen-Cae-Garthwen", False),
        ("Cwm-y-Brynach", False),
        ("NHSmail", True),
        ("WhatsApp", False),  # one capital inside: decided elsewhere
        ("McDonaldS", True),
        ("AbC-DeF", True),
    ],
)
def test_inner_capitals_spare_a_hyphened_place_name(word: str, odd: bool) -> None:
    assert inner_capitals(word) is odd


@pytest.mark.parametrize(
    ("text", "value", "place"),
    [
        ("nain collected the little one from judo", "judo", False),  # an English word
        ("she came in pesron to sign the form", "pesron", False),  # a slip of one
        ("he's back from nanthowell tonight", "nanthowell", True),  # no word: placed by "from"
        ("the bus from wigan is late", "wigan", True),  # a listed town
        ("parcel to 35 kirk road, dulas, by wed", "dulas", True),  # in an address: the town
        ("bird strike — T09 — logged", "T09", False),  # a code
        ("21:10 · M31 · clear sky", "M31", False),
    ],
)
def test_a_lower_case_place_guess_that_is_a_word_is_no_place(
    text: str, value: str, place: bool
) -> None:
    assert place_word(*span_of(text, value), value) is place
