"""Round-8 precision: known apps, software-noun names, posts that are surnames, institutions,
what3words links, Welsh toasts and regional words of address (issue 15).

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.closed_classes import GREETINGS
from sar_desk.detect.languages import foreign_clauses, language_before_noun
from sar_desk.detect.mask import regions
from sar_desk.detect.platforms import in_product_phrase, named_thing, product_name
from sar_desk.detect.units import institution, post_not_name
from sar_desk.detect.words import is_not_a_name, used_as_word


def _at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize("value", ["Candy Crush", "Shift Cloud", "Bin Day App", "Tenant Portal"])
def test_known_apps_and_software_noun_names_are_not_names(value: str) -> None:
    assert product_name(value)


@pytest.mark.parametrize("value", ["Ottilie Brack", "Cloud", "Jem Appleyard"])
def test_people_are_not_products(value: str) -> None:
    assert not product_name(value)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("nan keeps asking the Echo Show for the weather", "Echo"),
        ("left the ring doorbell unplugged", "ring"),
        ("she got tickets via Trainline yesterday", "Trainline"),
    ],
)
def test_a_word_inside_a_known_product_is_not_a_name(text: str, word: str) -> None:
    assert in_product_phrase(*_at(text, word))


def test_a_given_name_alone_is_not_a_product() -> None:
    assert not in_product_phrase(*_at("Echo Marwick rang twice", "Echo"))


def test_product_phrases_are_read_afresh_for_each_text() -> None:
    """The phrases of the last text are kept; another text (or an equal copy) is its own."""
    product, person = "got an Echo Dot for Sam", "Echo Marwick rang twice"
    assert in_product_phrase(*_at(product, "Echo"))
    assert not in_product_phrase(*_at(person, "Echo"))
    assert in_product_phrase(*_at("".join(list(product)), "Echo"))
    assert not in_product_phrase(*_at(product, "Sam"))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ask the Night Porter for the fob", "Porter"),
        ("Delphine is our new porter", "porter"),
        ("the warden locked the gate early", "warden"),
        ("Site Steward is off today", "Steward"),
    ],
)
def test_posts_that_are_surnames_are_posts_after_a_modifier(text: str, word: str) -> None:
    assert post_not_name(*_at(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Mr Porter rang about the lease", "Porter"),
        ("Abi Warden moved to flat 3", "Warden"),
        ("the Porter family want a meeting", "Porter"),
        ("the Steward's daughter called", "Steward"),
    ],
)
def test_surnames_that_are_posts_stay_names(text: str, word: str) -> None:
    assert not post_not_name(*_at(text, word))


def test_institution_nouns_alone_are_not_places_or_people() -> None:
    assert institution("Library")
    assert institution("Museum")
    assert not institution("Hallam")
    assert not institution("Library Street")
    assert named_thing(*_at("Friends of the Gallery meet on weds", "Gallery"))


def test_what3words_short_links_are_map_links_not_urls() -> None:
    text = "meet at https://w3w.co/salt.kettle.bright by the gate"
    assert [r.kind for r in regions(text)] == ["map"]
    assert [r.kind for r in regions("see https://example.org/w3w for more")] == ["url"]


def test_welsh_toast_and_regional_words_of_address() -> None:
    assert foreign_clauses("Iechyd da pawb!")
    assert "bab" in GREETINGS
    assert "mornin" in GREETINGS
    assert is_not_a_name("Mornin'")
    assert is_not_a_name("duck")
    assert not is_not_a_name("Ottilie")


@pytest.mark.parametrize("value", ["jollof", "Biryani", "pakoras"])
def test_dishes_alone_are_not_names(value: str) -> None:
    assert is_not_a_name(value)


def test_a_sign_off_is_the_word_not_a_surname() -> None:
    assert used_as_word(*_at("Best wishes, the front desk", "Best"))
    assert used_as_word(*_at("Kind regards and Warm regards", "Warm"))
    assert not used_as_word(*_at("ask Best about the keys", "Best"))


@pytest.mark.parametrize("value", ["Harbour Master", "Station Master", "harbourmaster"])
def test_masters_of_a_place_are_posts(fake_analyzer: object, value: str) -> None:
    assert is_not_a_name(value)


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Eluned teaches the Welsh class on tues", "Welsh", True),
        ("the Polish shop on the corner", "Polish", True),
        ("Welsh said the gate was open", "Welsh", False),
        ("ask Ffion Welsh about it", "Welsh", False),
        ("spoke to Welsh about the rent", "Welsh", False),
    ],
)
def test_a_language_before_a_noun_is_not_a_surname(text: str, word: str, language: bool) -> None:
    assert language_before_noun(*_at(text, word)) is language


def test_kisses_are_not_names() -> None:
    assert is_not_a_name("x")
    assert is_not_a_name("xx")
