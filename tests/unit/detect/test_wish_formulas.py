"""Well-wishes in another language, masked by their shape (round 19).

NER proposed the Polish "Wesołych Świąt" and the Cornish "Nadelik Lowen" whole as people. No
list of phrases: a Polish wish is in the genitive (its first word ends in -ego or -ych), and a
card's wish is signed for a group ("... from all at the yard"). People's names that stand the
same way are still left to the recognisers.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.languages import wish_formulas
from sar_desk.detect.mask import regions

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _words(text: str) -> list[str]:
    return [text[a:b] for a, b in wish_formulas(text)]


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("Wesołych Świąt 🎄", "Wesołych Świąt"),
        ("wesołych świąt", "wesołych świąt"),
        ("Szczęśliwego Nowego Roku!", "Szczęśliwego Nowego Roku"),
        ("ok then. Spokojnych Świąt", "Spokojnych Świąt"),
        ("Nadelik Lowen from all at the yard", "Nadelik Lowen"),
        ("nadolig llawen from everyone at No. 4 🎄", "nadolig llawen"),
        ("Nedeleg Laouen from all of us at the dojo", "Nedeleg Laouen"),
    ],
)
def test_a_wish_in_another_language_is_masked(text: str, wish: str) -> None:
    assert _words(text) == [wish]
    start = text.index(wish)
    assert any(r.start <= start and start + len(wish) <= r.end for r in regions(text))


@pytest.mark.parametrize(
    "text",
    [
        "Diego Santos rang about the hides",  # a listed name in -ego
        "Tharindu Abrehet from all at the yard sends her love",  # the line goes on
        "Tharindu Perera from all at the yard",  # a listed family name
        "Merry Christmas from all at the yard",  # English: the other rules' business
        "tell Ka-Ho Lubega the wagon is late",
    ],
)
def test_names_and_english_are_left_alone(text: str) -> None:
    assert wish_formulas(text) == []
