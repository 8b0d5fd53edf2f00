"""Round-13 precision rules (issue 15): names that chat gives to things, foreign clauses, dates.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId
from sar_desk.detect.languages import foreign_clauses
from sar_desk.detect.not_people import never_person
from sar_desk.detect.phrase_words import noun_in_a_phrase, word_before_post
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer
from sar_desk.detect.spread_seeds import opens_sentence, propagation_items, seed_items
from sar_desk.detect.thing_names import (
    letter_range,
    line_label,
    maker_before_fitting,
    month_as_date,
    named_animal,
    named_storm,
    quoted_team,
    stock_character,
    trade_brand,
)
from sar_desk.detect.words import looks_like_name
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _streets(text: str) -> list[str]:
    found = StreetAddressRecognizer().analyze(text, ["STREET_ADDRESS"], None)
    return [text[r.start : r.end] for r in found]


# --- storms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yellow wind warning, Storm Bronagh due friday", "Storm Bronagh"),
        ("power cut in the lab since storm ellis came through", "storm ellis"),
        ("Hurricane Pilar has grounded the crew's flight", "Hurricane Pilar"),
        ("trees down after Storm Aoife, site shut", "Aoife"),
    ],
)
def test_a_named_storm_is_the_weather(text: str, value: str) -> None:
    assert named_storm(*span_of(text, value))
    assert never_person(*span_of(text, value))


def test_storm_is_a_given_name_when_the_message_is_not_about_weather() -> None:
    assert not named_storm(*span_of("Storm Okafor starts on the desk monday", "Storm Okafor"))


# --- animals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("our new alpaca is called Beatrix, say hi", "Beatrix"),
        ("the lamb was named Dorothy by the school", "Dorothy"),
        ("feed log: Pip (meerkat), Bo (red panda, 4)", "Pip"),
        ("feed log: Pip (meerkat), Bo (red panda, 4)", "Bo"),
        ("Otis the tapir is off his food", "Otis"),
    ],
)
def test_a_name_beside_an_animal_kind_names_the_animal(text: str, value: str) -> None:
    assert named_animal(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Priya (dog walker) rang about the gate", "Priya"),
        ("Otis the keeper is off today", "Otis"),
        ("Mabel fed the goats then went home", "Mabel"),
    ],
)
def test_people_near_animal_words_stay_people(text: str, value: str) -> None:
    assert not named_animal(*span_of(text, value))


# --- teams, months, ranges --------------------------------------------------------------------


def test_a_quoted_name_after_team_is_the_team() -> None:
    text = 'our quiz team "Agatha Quiztie" won again'
    assert quoted_team(*span_of(text, "Agatha Quiztie"))
    assert not quoted_team(*span_of('team lead "Agatha" said no', "said"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("renewals: Tomasz (Feb), Ana (Aug), Jo (Nov)", "Aug"),
        ("renewals: Tomasz (Jan), Ana (Mar)", "Jan"),
        ("tickets for 3rd Mar please", "Mar"),
        ("deadline is 12 Jan.", "Jan"),
        ("back on Jan 9th", "Jan"),
        ("fees from May 2027", "May"),
    ],
)
def test_a_month_beside_a_day_a_year_or_other_months_is_a_date(text: str, value: str) -> None:
    assert month_as_date(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("cover from the agency (Jan) today", "Jan"),
        ("ring Jan 0161 496 0000 after lunch", "Jan"),
        ("at 3 Jan rang the desk", "Jan"),
        ("May said she'd lock up", "May"),
    ],
)
def test_a_month_name_alone_stays_a_possible_name(text: str, value: str) -> None:
    assert not month_as_date(*span_of(text, value))


def test_two_letters_with_a_dash_after_what_they_count_are_a_range() -> None:
    assert letter_range(*span_of("cleaned blocks B-D today", "B-D"))
    assert letter_range(*span_of("files for surnames e–g", "e–g"))


def test_two_letters_with_a_dash_alone_may_be_a_nickname() -> None:
    assert not letter_range(*span_of("T-J is on the door tonight", "T-J"))
    assert not letter_range(*span_of("ask A-J about it", "A-J"))
    assert not letter_range(*span_of("blocks Al-Amin", "Al-Amin"))


# --- brands and makers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["Baxi", "Glow-worm", "Travis Perkins", "Bidfood", "Treatwell", "SumUp", "thebigword"]
)
def test_listed_trade_brands_are_things(value: str) -> None:
    assert trade_brand(value)


def test_a_trade_brand_that_is_a_listed_name_is_left_to_other_rules() -> None:
    # "Booker" is a family name too: alone it may be someone; two words make the brand.
    assert not trade_brand("Booker")
    assert trade_brand("Travis Perkins")
    assert not trade_brand("Ngozi")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("is the Ideal part the 22 or 28 kW", "Ideal"),
        ("the Carling pump is leaking again", "Carling"),
        ("fitted a combi Alpha at no 6", "Alpha"),
        ("the Haulotte lift needs charging", "Haulotte"),
    ],
)
def test_a_maker_before_a_fitting_or_after_combi_is_a_thing(text: str, value: str) -> None:
    assert maker_before_fitting(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("gave Ngozi part of the float", "Ngozi"),
        ("Ngozi's lift home fell through", "Ngozi"),
        ("ask ngozi lift the boxes", "ngozi"),
    ],
)
def test_people_before_fitting_words_stay_people(text: str, value: str) -> None:
    assert not maker_before_fitting(*span_of(text, value))


def test_a_common_word_before_a_post_is_part_of_the_post() -> None:
    assert word_before_post(*span_of("Duty Officer to ring back", "Duty"))
    assert not word_before_post(*span_of("Ngozi Manager to ring back", "Ngozi"))
    assert not word_before_post(*span_of("General, the manager", "General"))


# --- foreign clauses and dates ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Edrych ymlaen at nos Fercher 🎻 Tomos Rees", "welsh"),
        ("maraming salamat sa lahat", "tagalog"),
        ("Gobeithio wythnos dda i bawb", "welsh"),
    ],
)
def test_whole_welsh_and_tagalog_clauses_are_found(text: str, language: str) -> None:
    found = foreign_clauses(text)
    assert found
    assert found[0][2] == language


def test_an_emoji_ends_the_foreign_clause_so_the_name_after_it_is_kept() -> None:
    text = "Diolch i bawb heno 🎉 Tomos Rees"
    (start, end, _lang), *_ = foreign_clauses(text)
    assert "Tomos" not in text[start:end]


def test_english_with_one_listed_word_is_no_foreign_clause() -> None:
    assert foreign_clauses("Mae and Sila are on the late shift") == []


@pytest.mark.parametrize(
    "text", ["Booking for 22 Nov: 3 adults", "your slot on 9 sept at noon", "Gate 4 Sat only"]
)
def test_a_day_and_a_month_or_weekday_are_no_street(text: str) -> None:
    assert _streets(text) == []


def test_a_brand_after_a_number_counts_goods_not_a_house() -> None:
    assert _streets("ordered 6 Baxi for the new block") == []
    assert _streets("moved to 14 Kingsmead last week") == ["14 Kingsmead"]


# --- characters, labels and phrases --------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Widow Corcoran's apron needs a stitch", "Widow Corcoran"),
        ("grotto shifts: Tomasz elf, Ana santa", "santa"),
        ("Santa's sleigh is in the car park", "Santa"),
    ],
)
def test_seasonal_and_stage_characters_are_nobody(text: str, value: str) -> None:
    assert stock_character(*span_of(text, value))
    assert never_person(*span_of(text, value))


def test_santa_outside_christmas_talk_may_be_someone() -> None:
    assert not stock_character(*span_of("Santa Mbeki rang about her shift", "Santa"))


def test_a_common_word_opening_a_line_label_is_the_label() -> None:
    text = "SHOOT DAY 4\nClosest parking: Quay Street"
    assert line_label(*span_of(text, "Closest"))
    assert not line_label(*span_of("ROTA\nTomasz: lates", "Tomasz"))
    assert not line_label(*span_of("we went to the closest: fine", "closest"))


def test_an_article_before_a_title_makes_it_a_noun() -> None:
    assert never_person(*span_of("she swore at a lady member in the lounge", "lady member"))
    assert not never_person(*span_of("she swore at Lady Pemberton in the lounge", "Lady Pemberton"))


@pytest.mark.parametrize(
    ("text", "value", "word"),
    [
        ("meet at the village hall after", "hall", True),
        ("it was a new dawn for us", "dawn", True),
        ("ask our neighbour rose to feed it", "rose", False),
        ("the nurse holly is on", "holly", False),
        ("thanks to the lovely rose", "rose", False),
        ("the farmer prudence says it was kids", "prudence", False),
    ],
)
def test_a_lower_case_word_closing_an_article_phrase_is_the_word(
    text: str, value: str, word: bool
) -> None:
    assert noun_in_a_phrase(*span_of(text, value)) is word


# --- spread seeds -----------------------------------------------------------------------------


def test_a_common_word_opening_sentences_does_not_seed_the_spread() -> None:
    rows = [(1, "Parcel", ""), (2, "Parcel", "done. "), (3, "Tomasz", "")]
    assert seed_items(rows) == [(3, "Tomasz")]
    assert opens_sentence("Parcel", "hi all\n")
    assert not opens_sentence("Parcel", "ask ")


def test_a_common_word_also_found_inside_a_sentence_seeds_everywhere() -> None:
    rows = [(1, "Honesty", ""), (2, "Honesty", "cover for ")]
    assert seed_items(rows) == [(1, "Honesty"), (2, "Honesty")]


def test_listed_names_seed_where_sentences_open() -> None:
    assert not opens_sentence("Frank", "")


def test_spread_items_read_the_message_before_each_finding() -> None:
    text = "Parcel came. Parcel again"
    found = [
        Finding(MessageId(1), ProposalField.TEXT, 0, 6, "Parcel", "PERSON", 0.8, "SpacyRecognizer"),
        Finding(
            MessageId(1), ProposalField.TEXT, 13, 19, "Parcel", "PERSON", 0.8, "SpacyRecognizer"
        ),
    ]
    assert propagation_items(found, {1: text}) == []
    assert propagation_items(found) == [(1, "Parcel"), (1, "Parcel")]


def test_a_regional_word_for_mate_is_no_name() -> None:
    assert not looks_like_name("marra")
    assert looks_like_name("Marek")
