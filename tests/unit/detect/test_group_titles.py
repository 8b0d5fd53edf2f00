"""A person a group's title is named after is proposed; titles naming no one stay masked."""

from __future__ import annotations

import pytest

from sar_desk.detect.group_titles import owner_spans
from sar_desk.detect.mask import regions

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _owners(text: str) -> list[str]:
    return [text[a:b] for a, b in owner_spans(text, regions(text))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'You changed the group name to "Marisol Okwuosa-Binns\'s 40th 🎂"',
            "Marisol Okwuosa-Binns",
        ),
        ('Dev changed the subject to "Mrs Threlkeld’s retirement do"', "Mrs Threlkeld"),
        ('You changed the group name to "Dr Kettle\'s leaving card"', "Dr Kettle"),
    ],
)
def test_a_title_named_after_someone_names_them(text: str, name: str) -> None:
    assert _owners(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        'You changed the group name to "Mum\'s 60th"',
        'You changed the group name to "Night Shift"',
        'You changed the group name to "the team\'s rota"',
        'You changed the group name to "Staff Room\'s kettle fund"',  # common words
        'she said "Marisol\'s coming" in the chat',  # no group title
    ],
)
def test_titles_naming_no_one_stay_unproposed(text: str) -> None:
    assert _owners(text) == []
