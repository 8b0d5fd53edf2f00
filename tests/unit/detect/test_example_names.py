"""A name a form or template gives as its example is nobody; real people held up stay (round 18).

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.example_names import example_name
from sar_desk.detect.not_people import never_person
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tobias Wren is the example name on the booking form, leave it", "Tobias Wren"),
        ("tobias wren is the sample name on the waiver template", "tobias wren"),
        ("example name: Marnie Coldwell", "Marnie Coldwell"),
        ("the sample name is 'Ann Other' on every form", "Ann Other"),
        ("enter the full name (e.g. Idris Penhale)", "Idris Penhale"),
        ("signature box (example: Idris Penhale)", "Idris Penhale"),
        ("Idris Penhale is just a placeholder.", "Idris Penhale"),
        ("Idris Penhale (example) is printed on the consent slip", "Idris Penhale"),
    ],
)
def test_an_example_name_on_a_form_is_nobody(text: str, value: str) -> None:
    assert example_name(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Priya is an example of good practice on the ward", "Priya"),
        ("someone senior, e.g. Priya, can sign it", "Priya"),
        ("names for the rota, e.g. Priya and Sam", "Priya"),
        ("Sam is the test lead this week", "Sam"),  # a post, not an example
        ("Tom is a dummy, he left the gate open", "Tom"),  # an insult names him
        ("for example Priya rang twice", "Priya"),
        ("Priya's test results came back", "Priya"),
        ("Idris Penhale is the new sample collector", "Idris Penhale"),
    ],
)
def test_real_people_held_up_as_examples_stay_people(text: str, value: str) -> None:
    assert not example_name(*span_of(text, value))
