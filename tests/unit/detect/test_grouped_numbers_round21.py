"""Round 21: numbers read out in groups, spaced joins, margins that are no house, word villages."""

from __future__ import annotations

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import PassportNumberRecognizer
from sar_desk.detect.recognizers.unlisted_towns import unlisted_town_spans
from sar_desk.detect.recognizers.unnumbered_street import UnnumberedStreetRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _values(recognizer: RuleRecognizer, text: str, entity: str) -> list[str]:
    recognizer.load()
    return [text[s:e] for s, e, ent, _sc in recognizer.spans(text) if ent == entity]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "passport no two one seven, six six four, oh eight three (she read it out) for Bo",
            "two one seven, six six four, oh eight three",
        ),
        ("her passport: 317, 664, 083 ta", "317, 664, 083"),
        ("two one seven, six six four, oh eight three is his passport", None),
    ],
)
def test_passport_read_out_in_groups(text: str, value: str | None) -> None:
    expected = value or text.split(" is his")[0]
    assert _values(PassportNumberRecognizer(), text, "UK_PASSPORT") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "passport photos: one, two, three copies",  # a count, too few digits
        "passport office opens at nine, ten on fridays",
        "passport: 1 2 3, 4 5 6, 7 8 9",  # counting up
    ],
)
def test_groups_that_are_no_passport(text: str) -> None:
    assert _values(PassportNumberRecognizer(), text, "UK_PASSPORT") == []


def test_nhs_number_read_out_in_its_groups_even_if_misheard() -> None:
    # 6 4 3 / 2 1 9 / 8 8 5 0: the check digit does not hold, the 3-3-4 grouping and cue do
    text = "NHS six four three, two one nine, eight eight five oh for Bo's medical"
    assert _values(SeparatedNumberRecognizer(), text, "UK_NHS") == [
        "six four three, two one nine, eight eight five oh"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "NHS six four three two one nine eight eight five oh",  # no groups, check fails
        "NHS six four, three two one nine, eight eight five oh",  # 2-5-3: not the card's shape
        "NHS oh four three, two one nine, eight eight five oh",  # a 0 first: a phone's trunk
    ],
)
def test_misheard_nhs_needs_its_shape(text: str) -> None:
    assert _values(SeparatedNumberRecognizer(), text, "UK_NHS") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("she's on 0161 / 496 0712 after five", "0161 / 496 0712"),
        ("ring 0161 - 496 - 0712 tonight", "0161 - 496 - 0712"),
    ],
)
def test_spaced_joins_in_phone_numbers(text: str, value: str) -> None:
    assert _values(SeparatedNumberRecognizer(), text, "PHONE_NUMBER") == [value]


def test_spaced_hyphens_in_a_score_are_no_phone() -> None:
    text = "final 0161 - 49 - 07"
    assert _values(SeparatedNumberRecognizer(), text, "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    "text",
    [
        "Result: won by 7 wickets",
        "we lost by 12 runs in the end",
        "the order came up short by 30 sheets, call the mill",
        "coach party of 18 Satruday, lead name on the form",
    ],
)
def test_margins_and_typed_days_are_no_street(text: str) -> None:
    assert _values(StreetAddressRecognizer(), text, "STREET_ADDRESS") == []


def test_by_still_places_a_street() -> None:
    text = "left the key by 12 Kelp Row, thanks"
    assert _values(StreetAddressRecognizer(), text, "STREET_ADDRESS") == ["12 Kelp Row"]


def _towns(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in unlisted_town_spans(text, gazetteer.current())]


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("the van is going via hills and loch to collect Bo and Cy", ["hills", "loch"]),
        ("coach running via moss, then the school", ["moss"]),
        ("is Bo still living out at ness? the card came back", ["ness"]),
        ("the fixture at Quillbrook postponed, pitch flooded", ["Quillbrook"]),
        ("minibus from Quillbrook at 11, Cy driving", ["Quillbrook"]),
    ],
)
def test_villages_in_strong_place_positions(text: str, towns: list[str]) -> None:
    assert _towns(text) == towns


@pytest.mark.parametrize(
    "text",
    [
        "send it via email to jo",
        "going via kirsty and jo to the shop",
        "is he still living out at home?",
        "going via the back door, then upstairs",
        "a message at Brian cancelled",
        "the walls and roof need work",  # a plain word with no route before it
    ],
)
def test_plain_words_and_people_are_no_villages(text: str) -> None:
    assert _towns(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("neighbour Bo at 18 Quill Row rang about the fence", "18 Quill Row"),
        ("Cy from 13 The Granary says the gate is broken", "13 The Granary"),
    ],
)
def test_street_named_as_one_before_a_speech_verb(text: str, value: str) -> None:
    assert _values(StreetAddressRecognizer(), text, "STREET_ADDRESS") == [value]


def test_time_then_person_with_a_suffix_surname_stays_no_street() -> None:
    text = "see you at 4 Priya Green rang earlier"
    assert _values(StreetAddressRecognizer(), text, "STREET_ADDRESS") == []


def test_close_of_an_event_is_no_street() -> None:
    assert (
        _values(
            UnnumberedStreetRecognizer(), "Bo missing at course close, search out", "STREET_ADDRESS"
        )
        == []
    )
    assert _values(
        UnnumberedStreetRecognizer(), "spare fobs for quadrangle close.", "STREET_ADDRESS"
    ) == ["quadrangle close"]
