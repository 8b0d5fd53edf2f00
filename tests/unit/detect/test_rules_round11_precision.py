"""Round-11 precision rules (issue 15): what the spread pass may copy, and spans that are things.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.not_people import (
    acronym_tail,
    before_post,
    brand_before_goods,
    common_word_phrase,
    month_range,
    never_person,
    pet_or_boat,
    row_mash,
    software_or_team_word,
    without_things,
)
from sar_desk.detect.posts import is_post
from sar_desk.detect.propagate import propagation_items, propagation_names
from sar_desk.detect.relabel import trim_span
from sar_desk.detect.spread_words import spread_blocked
from sar_desk.detect.words import is_not_a_name
from sar_desk.detect.world_greetings import greeting_phrases, is_world_greeting
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _spread(*spans: str) -> list[str]:
    return propagation_names([(i, s) for i, s in enumerate(spans)])


# --- the spread pass --------------------------------------------------------------------------


def test_dictionary_word_of_a_team_or_scheme_never_spreads() -> None:
    names = _spread("Tenant Voice", "Tenant Voice", "Cosy Home Grant", "Cosy Home Grant")
    assert not {"Voice", "Home", "Tenant", "Cosy", "Grant"} & set(names)


def test_dictionary_word_beside_an_unlisted_name_still_spreads() -> None:
    # "Kestrel" is a word, "Oyelaran" no word: the full name makes the word a surname
    names = _spread("Bamidele Kestrel")
    assert "Kestrel" in names
    assert "Bamidele Kestrel" in names


def test_typo_is_no_anchor_for_a_dictionary_word() -> None:
    assert "Home" not in _spread("Cosy Home Grnat", "Cosy Home Grnat")


def test_contractions_and_shorthand_never_spread() -> None:
    names = _spread("Zenobia We've", "Zenobia We've", "Addr", "Addr")
    assert "We've" not in names
    assert "Addr" not in names


def test_single_dictionary_word_found_alone_twice_still_spreads() -> None:
    assert "Goodness" in _spread("Goodness", "Goodness")


def test_post_before_a_dictionary_surname_spreads_the_person() -> None:
    names = _spread("Revd Canon Wheelwright")
    assert "Revd Canon Wheelwright" in names
    assert "Wheelwright" in names
    assert "Revd" not in names
    assert "Canon" not in names


def test_requesters_title_alone_never_spreads() -> None:
    assert "Revd" not in _spread("Revd Ottoline", "Revd Ottoline", "Revd", "Revd")
    assert is_not_a_name("Revd")


def test_span_over_a_line_break_is_two_lines() -> None:
    found = [Finding(MessageId(1), ProposalField.TEXT, 0, 13, "Penrith\nIssue", "PERSON", 0.8, "x")]
    items = propagation_items([replace(found[0], recognizer="SpacyRecognizer")])
    assert items == [(1, "Penrith"), (1, "Issue")]


def test_spread_is_blocked_on_pets_boats_brands_and_months() -> None:
    assert spread_blocked(*span_of("Biscuit's worming is overdue", "Biscuit"))
    assert spread_blocked(*span_of("Jasper Moon handbag left on the bus", "Jasper"))
    assert spread_blocked(*span_of("Budget Feb-Apr final.xlsx", "Feb"))
    assert not spread_blocked(*span_of("Jasper rang about his rent", "Jasper"))


# --- spans that are things --------------------------------------------------------------------


def test_all_dictionary_words_make_a_team_or_a_clause() -> None:
    assert common_word_phrase("Coastal Rescue")
    assert common_word_phrase("Housing Options Appeals")
    assert common_word_phrase("inspector warned")
    assert not common_word_phrase("Ruby Fielding")  # listed names in it
    assert not common_word_phrase("Miss Kestrel")  # a title and a surname
    assert not common_word_phrase("Aunty Plum")  # a word of kin before a name
    assert not common_word_phrase("Harbour")  # one word is left to other rules


def test_acronym_tail() -> None:
    assert acronym_tail("Linden BTEC")
    assert not acronym_tail("Ola Mensah")
    assert not acronym_tail("BTEC")


def test_brand_before_goods() -> None:
    assert brand_before_goods(*span_of("found a Barbour jacket on the bench", "Barbour"))
    assert brand_before_goods(*span_of("Joules Lane boots in the office", "Joules"))
    assert brand_before_goods(*span_of("Zenith Lumo out of stock again", "Zenith Lumo"))
    assert brand_before_goods(*span_of("my Morphy toaster broke", "Morphy toaster"))
    assert not brand_before_goods(*span_of("Ravi's bag is in the office", "Ravi"))
    assert not brand_before_goods(*span_of("Ravi bag it up for me", "Ravi"))
    assert not brand_before_goods(*span_of("from ravi cake, the new tenant", "ravi cake"))


def test_pets_and_boats_by_their_kind_word() -> None:
    assert pet_or_boat(*span_of("Lost cat: Pickle, tabby, last seen Tues", "Pickle"))
    assert pet_or_boat(*span_of("our dog Hector is a rescue", "Hector"))
    assert pet_or_boat(*span_of("Hector, the spaniel, needs walking", "Hector"))
    assert pet_or_boat(*span_of("can't rehome Bruno (staffy, 4)", "Bruno"))
    assert pet_or_boat(*span_of("nb 'Heron Song' overstaying", "Heron Song"))
    assert not pet_or_boat(*span_of("NB: Hector is off sick", "Hector"))
    assert not pet_or_boat(*span_of("Hector, the dog warden, rang", "Hector"))
    assert not pet_or_boat(*span_of("on the boat Hector said", "Hector"))


def test_month_ranges_and_row_mash() -> None:
    assert month_range("aug-oct")
    assert month_range("Sep–Nov")
    assert not month_range("jan")
    assert row_mash("qwertyu")
    assert row_mash("zxcvbn")
    assert row_mash("lkjhgf")
    assert not row_mash("Peter")
    assert not row_mash("asdf")


def test_software_and_team_words() -> None:
    assert software_or_team_word(*span_of("Zorbly link is in the chat", "Zorbly"))
    assert software_or_team_word(*span_of("Quillo won't sync my files", "Quillo"))
    assert software_or_team_word(*span_of("evening lettings team, quick one", "lettings"))
    assert not software_or_team_word(*span_of("Priya won't sync my files", "Priya"))


def test_place_word_before_a_post() -> None:
    assert before_post(*span_of("ask the Regional Commissioner", "Regional"))
    assert not before_post(*span_of("ask Priya Manager about it", "Priya"))


def test_never_person_keeps_people() -> None:
    for text, value in [
        ("Miss Kestrel rang", "Miss Kestrel"),
        ("Bamidele Oyelaran left", "Bamidele Oyelaran"),
        ("Jasper said hi", "Jasper"),
    ]:
        assert not never_person(*span_of(text, value))


def test_without_things_keeps_names_known_to_the_case() -> None:
    text = "Coastal Rescue and Sam"
    found = [
        Finding(MessageId(1), ProposalField.TEXT, 0, 14, "Coastal Rescue", "PERSON", 0.8, "x"),
        Finding(
            MessageId(1), ProposalField.TEXT, 0, 14, "Coastal Rescue", "PERSON", 0.9, "CaseDenyList"
        ),
    ]
    kept = without_things(text, found, CaseContext(Regime.SAR, (), ()))
    assert [f.recognizer for f in kept] == ["CaseDenyList"]


# --- posts, greetings, titles -----------------------------------------------------------------


def test_church_scouting_security_and_transport_posts() -> None:
    for post in ("Churchwarden", "Deanery Curate", "Akela", "Security Guard", "Depot Driver"):
        assert is_post(post) or is_not_a_name(post), post


def test_round11_greetings() -> None:
    assert is_world_greeting("Boa tarde")
    assert is_world_greeting("Dobrý den")
    assert is_world_greeting("theek hai")
    assert is_world_greeting("Howdo")
    assert greeting_phrases("Grace and peace,\nOttoline") == [(0, 15)]


def test_post_words_before_a_name_are_kept_with_it() -> None:
    text = "Revd Canon Wheelwright signed it"
    start, end = trim_span(text, 0, len("Revd Canon Wheelwright"))
    assert text[start:end] == "Revd Canon Wheelwright"


def test_names_before_goods_or_labels_are_kept() -> None:
    assert not brand_before_goods(*span_of("check Ola Bankole's bag please", "Ola Bankole's"))
    assert not acronym_tail("B. Nowak - BTEC")


def test_phrase_of_rare_and_common_words() -> None:
    assert common_word_phrase("Walnut Garden Lite")  # two common words and one rare word
    assert not common_word_phrase("Aneurin Tallow")  # a rare word beside one common word


def test_round11_everyday_phrases() -> None:
    assert is_world_greeting("Nie ma sprawy")
    assert is_world_greeting("koi baat nahi")
    assert is_world_greeting("não entendi")


def test_town_before_an_acronym_is_kept() -> None:
    assert not acronym_tail("Lincoln YOI")


def test_nickname_adjective_never_spreads_alone() -> None:
    names = _spread("Big Tomasz", "Big Tomasz")
    assert "Big Tomasz" in names
    assert "Tomasz" in names
    assert "Big" not in names
