"""Software named where English talks about software is not a person (issue 15).

Phrases written for these tests (not taken from the evaluation corpora).
"""

from __future__ import annotations

import pytest

from sar_desk.detect.platforms import product_by_cue


def _at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the new form, it's on Quarkly now", "Quarkly"),
        ("put it on Vendari before 5", "Vendari"),
        ("logged into Tessora but it froze", "Tessora"),
        ("message me on Chattix if urgent", "Chattix"),
        ("the Homzy app has the wrong rent", "Homzy"),
        ("Benefitron is down so I can't check", "Benefitron"),
        ("Plyo keeps logging me out", "Plyo"),
        ("reinstalled Docuvox last night", "Docuvox"),
    ],
)
def test_an_unlisted_word_with_a_software_cue_is_a_product(
    fake_analyzer: object, text: str, word: str
) -> None:
    assert product_by_cue(*_at(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ping Priya on the group", "Priya"),  # a listed name
        ("it's on Zubayr's desk", "Zubayr"),  # a possessive
        ("booked in Oyelaran for 3pm", "Oyelaran"),  # people are booked in
        ("Oyelaran is down as next of kin", "Oyelaran"),
        ("staying in Penzance this week", "Penzance"),  # a town
        ("spoke to Oyelaran today", "Oyelaran"),
    ],
)
def test_people_and_places_keep_their_cues(fake_analyzer: object, text: str, word: str) -> None:
    assert not product_by_cue(*_at(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the Oyelaran account is in arrears", "Oyelaran"),  # a person's account
        ("put it in the Oyelaran folder", "Oyelaran"),
        ("Oyelaran update: moved out on Friday", "Oyelaran"),
        ("any details on Oyelaran?", "Oyelaran"),
        ("call logged to Oyelaran", "Oyelaran"),
        ("the Oyelaran licence lapsed", "Oyelaran"),
    ],
)
def test_what_a_persons_case_has_is_not_a_software_cue(
    fake_analyzer: object, text: str, word: str
) -> None:
    assert not product_by_cue(*_at(text, word))
