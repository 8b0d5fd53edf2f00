"""Round-16: a number and a plain common noun is no street (issue 15).

Phrases written for these tests (not taken from the evaluation corpora).
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.anchored_street import anchored_streets
from sar_desk.detect.recognizers.bare_street import bare_streets

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    "text",
    ["quiz night booked (8 players)", "minibus for 12 passengers.", "table for 4 guests, tel me"],
)
def test_a_count_of_people_in_brackets_or_after_for_is_no_street(text: str) -> None:
    assert anchored_streets(text) == []


def test_a_lower_case_street_placed_by_a_cue_is_still_found() -> None:
    assert anchored_streets("she lives at 73 bluebells, by the park") != []


def test_a_time_a_comma_then_a_capitalised_word_is_no_street() -> None:
    assert bare_streets("meeting at 10, Finance in attendance") == []


def test_a_common_word_street_after_a_cue_is_still_found() -> None:
    assert bare_streets("sent to 12 Nightingales.") != []


def test_a_time_a_comma_then_a_common_word_is_no_anchored_street() -> None:
    assert anchored_streets("review at 11, Estates in attendance") == []


def test_a_comma_after_the_number_keeps_a_street_a_postcode_places() -> None:
    assert anchored_streets("at 9, laurels, ls2 4ab") != []


@pytest.mark.parametrize(
    "text", ["• flat 2, 7 tan yard fold — owes 2 cleans", "left it at 12 ash tree chase – ask jo"]
)
def test_a_lower_case_street_closed_by_a_long_dash_and_a_street_type(text: str) -> None:
    assert anchored_streets(text) != []
