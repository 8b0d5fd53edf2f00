"""Identifier forms, spelt letters and named bodies found after corpus v34's held-out run."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.phone_slips import unzeroed_mobiles
from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import PassportNumberRecognizer


def _postcodes(text: str) -> list[str]:
    spans = SeparatedNumberRecognizer().spans(text)
    return [text[s:e] for s, e, ent, _sc in spans if ent == "UK_POSTCODE"]


def test_a_postcode_joined_by_a_word_processor_s_dash() -> None:
    assert _postcodes("postcode on the appeal is S97–2XQ — Word did it") == ["S97–2XQ"]


def test_a_postcode_with_its_area_letters_typed_apart() -> None:
    assert _postcodes("the letter went to NE 99 4QD, check it") == ["NE 99 4QD"]
    assert _postcodes("ne 99 4qd") == ["ne 99 4qd"]
    # One letter apart is a room or a size.
    assert _postcodes("room B 12 3AB") == []
    assert _postcodes("size M 10 2XL") == []


def test_a_mobile_with_its_country_code_but_no_plus() -> None:
    text = "ring her on 44 7700 900877 (that's how it shows in the export)"
    assert [text[a:b] for a, b in unzeroed_mobiles(text)] == ["44 7700 900877"]
    assert unzeroed_mobiles("order 44 7700 900877 shipped") == []  # no word of calling


def test_a_number_the_message_says_is_no_passport() -> None:
    text = "receipt no PP 108 447 293 is NOT the passport — actual passport no. is 108447293"
    spans = PassportNumberRecognizer().spans(text)
    assert [text[s:e] for s, e, *_ in spans] == ["108447293"]


@pytest.mark.parametrize(
    ("text", "value", "spelt"),
    [
        ("VRM Yankee Romeo Seven Two Oscar Papa Kilo on the zigzags", "Oscar", True),
        ("Whiskey Oscar for the last two letters of the reg", "Whiskey Oscar", True),
        ("Victor Lima rang about his bins", "Victor Lima", False),  # two words, no spelling
        ("Mike and Victor on lates", "Victor", False),  # a joiner between: two people
    ],
)
def test_letters_spelt_in_the_phonetic_alphabet(text: str, value: str, spelt: bool) -> None:
    from sar_desk.detect.phonetic_alphabet import spelt_letters

    start = text.index(value)
    assert spelt_letters(text, start, start + len(value)) is spelt


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hickman line flush for her due weds", "Hickman"),
        ("Foley catheter change tues", "Foley"),
        ("Sue Ryder online grief chat suggested", "Sue Ryder"),
        ("Leonard Cheshire supported living might take her", "Leonard Cheshire"),
        ("Alexander Dennis Enviro400 off road", "Alexander Dennis"),
        ("Marks and Spencer warehouse fair thurs", "Marks"),
    ],
)
def test_lines_charities_and_makers_named_after_people(text: str, value: str) -> None:
    from sar_desk.detect.service_terms import service_term

    start = text.index(value)
    assert service_term(text, start, start + len(value))


@pytest.mark.usefixtures("shipped_lists")
def test_a_person_beside_a_line_stays_a_person() -> None:
    from sar_desk.detect.service_terms import service_term

    assert not service_term("Jones line manager rang", 0, 5)  # not a listed device
    assert not service_term("Mr Foley catheter clinic", 3, 8)  # a titled name


def test_a_number_the_caller_id_showed_is_a_phone_number() -> None:
    text = "caller ID showed 447700900583 (whatsapp), she says it's her sister's"
    assert [text[a:b] for a, b in unzeroed_mobiles(text)] == ["447700900583"]
    assert unzeroed_mobiles("staff ID 7700900583 on the badge") == []  # another number's label
