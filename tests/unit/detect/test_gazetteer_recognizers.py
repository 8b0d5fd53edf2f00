"""Names and UK places from the shipped lists (issue 15 item 2)."""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect import gazetteer
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer, UkPlaceRecognizer
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def spans(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in recognizer.spans(text)]  # type: ignore[attr-defined]


def test_lists_are_loaded_with_their_sizes() -> None:
    gaz = gazetteer.current()
    assert len(gaz.first_names) > 5000
    assert len(gaz.surnames) > 5000
    assert len(gaz.places) > 3000
    assert gaz.is_word("rose")
    assert not gaz.is_word("shauna")
    assert gaz.is_place("fort william")


def test_full_lone_and_lower_case_names() -> None:
    names = NameListRecognizer()
    assert spans(names, "spoke to dan hughes re the arrears") == ["dan hughes"]
    assert spans(names, "Shauna rang, then grzegorz") == ["Shauna", "grzegorz"]
    assert spans(names, "letter to Mrs Okoro today") == ["Mrs Okoro"]


def test_names_that_are_words_need_a_person_cue() -> None:
    names = NameListRecognizer()
    assert spans(names, "rose is in bay 3, asking for pat") == ["rose", "pat"]
    assert spans(names, "bob's wife is here") == ["bob"]
    for text in ("pat on the back", "the rose bushes", "will mark it", "grace period ends"):
        assert spans(names, text) == [], text


def test_uk_places_as_listed_and_ambiguous_ones_only_after_a_preposition() -> None:
    places = UkPlaceRecognizer()
    assert spans(places, "lives in Truro, our client in Oban") == ["Truro", "Oban"]
    assert spans(places, "transfer to Fort William") == ["Fort William"]
    assert spans(places, "Nia Featherstone rang") == []


def test_streets_without_a_suffix_after_a_house_number() -> None:
    streets = StreetAddressRecognizer()
    assert spans(streets, "tenant at 74 Moorgate says") == ["74 Moorgate"]
    assert spans(streets, "keys for Flat 2, 12 Ashgrove") == ["Flat 2, 12 Ashgrove"]
    assert spans(streets, "moved to 9 Kingsbury, Leeds") == ["9 Kingsbury"]
    assert spans(streets, "back on 12 March, bed 4 Bay B") == []


def test_places_and_streets_are_not_spread_as_people(fake_detector: InProcessDetector) -> None:
    items = [
        (MessageId(1), "Priya moved to 74 Westgate"),
        (MessageId(2), "Westgate again"),
        (MessageId(3), "Priya said Westgate"),
    ]
    found = analyze_all(fake_detector, items, CaseContext(Regime.SAR))
    assert not [f for f in found if f.entity_type == "PERSON" and "Westgate" in f.text]


def test_names_that_are_words_in_a_list_of_names_or_after_a_relation() -> None:
    names = NameListRecognizer()
    assert spans(names, "Farah n grace both off sick") == ["Farah", "grace"]
    assert spans(names, "Hassan, frankie and holly now on the morning run") == [
        "Hassan",
        "frankie",
        "holly",
    ]
    assert spans(names, "lives with her son holly at the flat") == ["holly"]
    assert spans(names, "referral received, allocated to dean") == ["dean"]
    assert spans(names, "holly here, got ur letter") == ["holly"]
    assert spans(names, "holly from housing rang again") == ["holly"]
    assert spans(names, "it's an amber warning, the met office says") == []
    # Words used as words stay words, even beside another word-name.
    assert spans(names, "amber and green lights on the dash") == []
    assert spans(names, "the rose and crown") == []
    assert spans(names, "holly here is lovely this year") == []


def test_lower_case_titles_with_a_listed_surname() -> None:
    names = NameListRecognizer()
    assert spans(names, "nhs number for ms okoro is on file") == ["ms okoro"]
    assert spans(names, "a copy of mx okafor's care plan") == ["mx okafor"]
    assert spans(names, "dont miss price rises") == []


def test_words_of_other_languages_are_not_names_unless_a_name_list_has_them() -> None:
    from sar_desk.detect.words import is_not_a_name

    assert is_not_a_name("Diolch")
    assert is_not_a_name("Dzień dobry")
    assert is_not_a_name("Google Meet")
    assert not is_not_a_name("Modi")  # Latin filler, but also a surname
    assert not is_not_a_name("Sian Evans")
