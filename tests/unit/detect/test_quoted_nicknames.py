"""Quoted nicknames inside a name and names after a greeting emoji (issue 15, round 24).

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.epithets import EpithetNameRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _spans(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in EpithetNameRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('our old skipper Gethin "Bull" Pritchard held the record', 'Gethin "Bull" Pritchard'),
        ('"Crusher" Llewellyn was hooker that year', '"Crusher" Llewellyn'),
        ("Big 'Nettie' Adeyemi runs the tuck shop", "Big 'Nettie' Adeyemi"),
        ("Nell “the Guv” Hargreaves signed the minutes", "Nell “the Guv” Hargreaves"),
        ("ask Sgt 'Smudge' Whitworth about the rota", "Sgt 'Smudge' Whitworth"),
        ("photo of ‘Iron Lady’ Oyelaran at the finish", "‘Iron Lady’ Oyelaran"),
    ],
)
def test_a_quoted_epithet_in_a_name_makes_the_whole_span_a_person(text: str, name: str) -> None:
    assert name in _spans(text)


@pytest.mark.parametrize(
    "text",
    [
        'the "Flying Scotsman" engine is at the museum',  # no capitalised word after it
        'the "Deluxe" Hamper sold out',  # an English word after the quotes
        "Dad's 'Special' Curry is back on the menu",  # a family name that is also a word
        'we played "Delilah" Saturday night',  # a day
        "the 'Big' Manchester derby is on",  # a place with no given name before it
        'install "Teams" Outlook plugin first',  # a product
    ],
)
def test_a_quoted_title_before_a_word_a_place_or_a_product_is_no_name(text: str) -> None:
    assert not any('"' in s or "'" in s for s in _spans(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("👋 Pipsy! running late", ["Pipsy"]),
        ("🙋\u200d♀️ Tamsin, can you open up", ["Tamsin"]),
        ("👋👋 Wibbs and Jinty on the door", ["Wibbs", "Jinty"]),
        ("all sorted\n🤗 Zennor Quayle thank you", ["Zennor", "Quayle"]),
        ("👋🏽 Oluchi, Wilf & Ferelith pls reply", ["Oluchi", "Wilf", "Ferelith"]),
    ],
)
def test_a_greeting_emoji_at_a_line_start_addresses_the_names_after_it(
    text: str, names: list[str]
) -> None:
    assert [s for s in _spans(text) if s in names] == names


@pytest.mark.parametrize(
    "text",
    [
        "👋 Hola everyone",  # a greeting of another language
        "🤗 Bonjour à tous",
        "👋 Netflix is down again",  # a product
        "👋 Morning all",  # an English word
        "👋 Cardiff crew, who's in?",  # a place
        "👋 Monday again",  # a day
        "see you there 👋 Pipsy",  # not where a message or a line opens
    ],
)
def test_a_greeting_emoji_before_a_word_a_place_or_a_brand_names_nobody(text: str) -> None:
    assert _spans(text) == []
