"""Names in non-Latin scripts inside English chat (issue 15, round 17).

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.recognizers.script_names import ScriptNameRecognizer
from sar_desk.detect.recognizers.vouched import vouched_name

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _found(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in ScriptNameRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my aunt ਸੁਖਪ੍ਰੀਤ ਗਿੱਲ is coming at 4", "ਸੁਖਪ੍ਰੀਤ ਗਿੱਲ"),  # Gurmukhi after a kin cue
        ("cc Олена Кравець on the rota", "Олена Кравець"),  # Cyrillic after "cc"
        ("ask سلمى يوسف about the van", "سلمى يوسف"),  # Arabic after "ask"
        ("Mrs 李秀英 rang twice", "李秀英"),  # Chinese after a title
        ("राकेश वर्मा - treasurer", "राकेश वर्मा"),  # Devanagari "Name - role" line
        ("ਸੁਖਪ੍ਰੀਤ ਗਿੱਲ (Sukhpreet Gill) signed the form", "ਸੁਖਪ੍ਰੀਤ ਗਿੱਲ"),  # transliteration
        ("Anjali (अंजलि) signed", "अंजलि"),  # script beside its Latin form
        ("Ξανθή Λάμπρου left her keys", "Ξανθή Λάμπρου"),  # Greek, two capitals
        ("ਸੁਖਪ੍ਰੀਤ ਗਿੱਲ ਜੀ did the accounts", "ਸੁਖਪ੍ਰੀਤ ਗਿੱਲ ਜੀ"),  # subject of an English verb
        ("parcel from Олена Кравець today", "Олена Кравець"),
    ],
)
def test_a_name_in_another_script_is_proposed_in_a_name_slot(text: str, name: str) -> None:
    assert _found(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Доброго ранку, я сьогодні хвора",  # a sentence of Ukrainian
        "Дякую Вам",  # thanks, with the formal "you" capitalised
        "Дякую, до завтра",
        "صباح الخير everyone",  # an Arabic greeting to the team
        "شكرا جزيلا",
        "شكرا (Thanks)",  # a word and its translation, not a name
        "ਧੰਨਵਾਦ ਜੀ",  # Punjabi thank-you
        "धन्यवाद, कल मिलते हैं",  # Hindi: thanks, see you tomorrow
        "from Київ with love",  # one word after "from": a place
        "called Доброго ранку я сьогодні хвора",  # a clause, not a name, after a cue
        "Ευχαριστώ πολύ",
        "唔該晒",
        "Нова Пошта parcel arrived",  # a courier firm
        "ਅੱਜ ਲੰਗਰ ਦੀ ਸੇਵਾ ਬਹੁਤ ਵਧੀਆ ਸੀ",  # a sentence of Punjabi
        "Thanks Sam, see you at 4",  # no other script: the gate skips it
    ],
)
def test_running_text_greetings_and_places_are_not_names(text: str) -> None:
    assert _found(text) == []


def test_the_shipped_settings_load_the_rule(fake_detector: InProcessDetector) -> None:
    text = "my aunt ਸੁਖਪ੍ਰੀਤ ਗਿੱਲ is coming"
    (spans,) = fake_detector.detect([text])
    assert any(s.recognizer == "ScriptNameRecognizer" and s.entity_type == "PERSON" for s in spans)


def test_the_rule_vouches_for_the_models_guess_of_the_same_span() -> None:
    text = "Ξανθή Λάμπρου left her keys"
    assert vouched_name(text, 0, 13) == (0, 13)  # kept though the model's guess is refused
    assert vouched_name("Дякую Вам", 0, 9) is None  # a thank-you is not vouched for
