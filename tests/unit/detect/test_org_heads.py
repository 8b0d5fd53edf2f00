"""The head of an organisation's name is no person; a name before such a word stays (round 18).

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.not_people import never_person
from sar_desk.detect.org_heads import org_head

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _span(text: str, value: str) -> tuple[str, int, int]:
    start = text.rindex(value)
    return text, start, start + len(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Accreditation Council visit next month, bring the logs", "Council"),
        ("the Housing Trust wrote again about the fence", "Trust"),
        ("Licensing Board meets on the 4th", "Board"),
        ("Safeguarding Council's letter came", "Council's"),
    ],
)
def test_the_head_of_a_body_after_a_dictionary_word_is_nobody(text: str, value: str) -> None:
    assert org_head(*_span(text, value))
    assert never_person(*_span(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Council said no to the extension", "Council"),  # nothing before it
        ("ask Rose Hall about the keys", "Hall"),  # a given name before it
        ("Mrs Hall rang", "Hall"),  # a title before it
        ("spoke to Okafor Trust yesterday", "Trust"),  # a family name, no dictionary word
        ("Accreditation Council", "Accreditation"),  # not the head
        ("the council tax bill", "council"),  # lower case: a word, not a name's head
        ("Cheers Hall, see you Monday", "Hall"),  # a head that is a family name too
    ],
)
def test_names_and_lone_words_are_not_read_as_a_body(text: str, value: str) -> None:
    assert not org_head(*_span(text, value))
