"""Round-15 precision rules (issue 15): trades known by their ending, words of address.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import Regime
from sar_desk.detect.address_words import (
    address_term,
    dialect_word,
    language_phrase,
    lone_kin_word,
)
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.not_people import never_person
from sar_desk.detect.place_slots import unlisted_town
from sar_desk.detect.posts import is_post
from sar_desk.detect.propagate import propagation_names
from sar_desk.detect.relabel import relabel, trim_span
from sar_desk.detect.spread_seeds import seed_items
from sar_desk.detect.trade_words import agent_noun, post_title, trade_word
from sar_desk.detect.word_positions import character_name, placed_not_named
from sar_desk.detect.words import is_not_a_name
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize("word", ["lifeguard", "Locksmith", "courier", "receptionist"])
def test_a_trade_no_name_list_has_never_spreads(word: str) -> None:
    assert trade_word(word)
    # found alone in two messages, it would otherwise be proposed wherever it is written
    seeds = seed_items([(1, word.capitalize(), "rota: Ola ("), (2, word.capitalize(), "and ")])
    assert seeds == []


def test_a_trade_after_a_title_is_a_family_name_that_spreads() -> None:
    names = propagation_names(seed_items([(1, "Revd Canon Farrier", "ask ")]))
    assert "Farrier" in names


@pytest.mark.parametrize(
    "word", ["Tyler", "Archer", "Brewer", "Turner", "Okonjo", "Wainwright", "Fryer", "Lorimer"]
)
def test_names_that_end_like_trades_still_spread(word: str) -> None:
    assert not trade_word(word)
    assert word in propagation_names(seed_items([(1, word, "ask "), (2, word, "and ")]))


@pytest.mark.parametrize(
    "value",
    [
        "Head Greenkeeper",
        "Senior Lifeguard",
        "Chief Farrier",
        "Deputy Head Brewer",
        "head lifeguard",
    ],
)
def test_rank_words_before_a_trade_are_a_post(value: str) -> None:
    assert post_title(value)
    assert is_post(value)
    assert is_not_a_name(value)


@pytest.mark.parametrize(
    "value", ["Grace Turner", "Mr Brewer", "Brewer", "Junior Okonjo", "Head Office", "Lead"]
)
def test_a_name_or_a_lone_rank_is_no_trade_post(value: str) -> None:
    assert not post_title(value)


def test_agent_noun_reads_the_ending_not_a_list() -> None:
    assert agent_noun("greenkeeper")
    assert agent_noun("lifeguards")
    assert not agent_noun("Tyler")  # a given name
    assert not agent_noun("Zyxer")  # no English word


def test_a_lower_case_post_head_is_the_job() -> None:
    assert is_post("marshal")  # "Ade on marshal": a given-name list has it, chat means the job
    assert not is_post("Marshal")  # capitalised, left to the name rules


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mum says the carer never came", "Mum"),
        ("picked up nan's tablets", "nan's"),
        ("Nain is coming for tea", "Nain"),
        ("babcia rang again", "babcia"),
        ("nae bother at all", "nae"),
        ("och it's fine", "och"),
        ("patient needs Kurdish Sorani at the clinic", "Kurdish Sorani"),
    ],
)
def test_words_of_address_and_dialect_are_nobody(text: str, value: str) -> None:
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nana Mensah is in reception", "Nana Mensah"),
        ("Oma rang", "Oma"),  # a listed given name: kept
        ("Nae rang about the shift", "Nae"),  # capitalised: left to the name rules
        ("ask miss rose about it", "miss rose"),  # a listed given name after the title
        ("mrs wood rang", "mrs wood"),
        ("mr vicar said yes", "mr vicar"),
        ("ask miss gardener about the hedge", "miss gardener"),  # the title before a name
        ("Polish Kasia is on tonight", "Polish Kasia"),
    ],
)
def test_names_beside_such_words_are_kept(text: str, value: str) -> None:
    assert not never_person(*span_of(text, value))


def test_the_closed_classes_keep_listed_names() -> None:
    assert lone_kin_word("Mum")
    assert not lone_kin_word("Mum Okafor")
    assert dialect_word("dinnae")
    assert not dialect_word("Dinnae")
    assert language_phrase("Kurdish Sorani")
    assert not language_phrase("Kurdish")
    assert address_term("habibi")
    assert address_term("shukran")
    assert not address_term("Love")  # a listed given name
    assert address_term("Ahoj")  # Czech greeting
    assert address_term("hiya")
    assert not address_term("Salam")  # a greeting that also opens names
    assert not address_term("Sweet")  # a chat word that is also an English word


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("shukran habibi Zayneb for covering", "habibi Zayneb", "Zayneb"),
        ("thanks hun Kayleigh x", "hun Kayleigh", "Kayleigh"),
        ("bhai Imran is here", "bhai Imran", "Imran"),
        ("Ahoj Vendula, the van is late", "Ahoj Vendula", "Vendula"),
        (
            "Mangwanani Tendai Moyo-Hart, gate is open",
            "Mangwanani Tendai Moyo-Hart",
            "Tendai Moyo-Hart",
        ),
        ("Wagwan Dele, running late", "Wagwan Dele", "Dele"),
        ("Jambo Wanjiru!", "Jambo Wanjiru", "Wanjiru"),
    ],
)
def test_a_term_of_address_is_cut_from_the_front_of_a_name(
    text: str, value: str, name: str
) -> None:
    start, end = trim_span(*span_of(text, value))
    assert text[start:end] == name


def test_a_listed_name_at_the_front_is_not_cut() -> None:
    text = "Love Okafor rang"
    start, end = trim_span(*span_of(text, "Love Okafor"))
    assert text[start:end] == "Love Okafor"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the tenant at 75 Quarry Road, Pontyberem asked again", "Pontyberem"),
        ("sent to 40 The Leas, Nether Blatchford", "Nether Blatchford"),
        ("lives in Cwmgarw, SA19 4ZZ now", "Cwmgarw"),
        ("court at Llanfrodyr magistrates 10am", "Llanfrodyr"),
    ],
)
def test_an_unlisted_word_in_a_towns_slot_is_the_town(text: str, value: str) -> None:
    assert unlisted_town(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("left at 12 Mill Road, Siobhan signed for it", "Siobhan"),  # a listed given name
        ("ask Pontyberem about it", "Pontyberem"),  # no address around it
        ("at 12 Mill Road, then Mary-Jane came", "Mary-Jane"),
    ],
)
def test_a_name_or_a_word_outside_an_address_stays(text: str, value: str) -> None:
    assert not unlisted_town(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("| IG-0412 | reablement | due 8 Jan |", "Jan"),
        ("starts on the 3rd of June, all day", "June"),
        ("contract ends May 2027", "May"),
        ("knows the defendant's family", "defendant's"),
        ("the gritter got a puncture", "gritter"),
        ("filled in a near miss form for it", "miss form"),
        ("it was a miss by inches", "miss by"),
    ],
)
def test_a_dated_month_or_an_articles_noun_is_nobody(text: str, value: str) -> None:
    assert placed_not_named(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("booked for Jan on Friday", "Jan"),  # no date around it: left to the others
        ("ask June about the 8 rotas", "June"),
        ("give it to the rose in reception", "rose"),  # a listed given name after "the"
        ("the Okafor file", "Okafor"),  # capitalised: a family's name
    ],
)
def test_a_name_where_a_date_or_a_noun_could_be_is_kept(text: str, value: str) -> None:
    assert not placed_not_named(*span_of(text, value))


def test_a_lower_case_noun_after_a_capitalised_name_never_seeds() -> None:
    seeds = seed_items([(1, "Florence Nightingale house", "for the ")])
    assert seeds == [(1, "Florence Nightingale")]
    assert "House" not in propagation_names(seeds)


def test_a_lower_case_full_name_keeps_its_words() -> None:
    assert seed_items([(1, "ivy webb", "ask ")]) == [(1, "ivy webb")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("off to Cwmgarw A&E with a sprain", "Cwmgarw"),
        ("school trip from Tregwyn primary tomorrow", "Tregwyn"),
        ("120 covers at Llanfrodyr town hall", "Llanfrodyr"),
    ],
)
def test_a_word_before_a_public_service_is_the_town(text: str, value: str) -> None:
    assert unlisted_town(*span_of(text, value))


def test_a_family_name_in_a_towns_slot_stays_the_place() -> None:
    context = CaseContext(Regime.SAR, (), ())
    text = "school trip from Tynan primary tomorrow"
    _text, start, end = span_of(text, "Tynan")
    assert relabel(text, start, end, "LOCATION", context) == "LOCATION"
    moved = "Tynan rang about the trip"
    assert relabel(moved, 0, 5, "LOCATION", context) == "PERSON"  # no town slot: a person


def test_common_words_in_a_towns_slot_are_no_town() -> None:
    text = "order more Bubble Wrap, SA19 4ZZ depot"
    assert not unlisted_town(*span_of(text, "Bubble Wrap"))


@pytest.mark.parametrize("word", ["Habib", "Sri", "Salam", "Didi", "Pal"])
def test_words_that_open_names_are_never_cut_as_terms_of_address(word: str) -> None:
    assert not address_term(word)
    text = f"ask {word} Rahman about it"
    start, end = trim_span(*span_of(text, f"{word} Rahman"))
    assert text[start:end] == f"{word} Rahman"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bramble the club mascot needs a wash", "Bramble"),
        ("Gorwel the scarecrow fell over", "Gorwel"),
        ("Kraken costume for the gala", "Kraken"),
        ("hire an Elvis outfit", "Elvis"),
    ],
)
def test_a_characters_name_beside_its_kind_is_nobody(text: str, value: str) -> None:
    assert character_name(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sam the mascot driver is late", "Sam"),  # a trade after the kind: a person
        ("Sam's costume is in the wash", "Sam"),  # a person's costume
        ("Sam, the mascot needs a wash", "Sam"),  # spoken to, then a new clause
    ],
)
def test_a_person_beside_a_characters_kind_is_kept(text: str, value: str) -> None:
    assert not character_name(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("do jutra, bardzo Jurgita dziękuję", "bardzo Jurgita", "Jurgita"),
        ("ne vedem mâine - Viliami", "mâine - Viliami", "Viliami"),
    ],
)
def test_a_european_word_is_cut_from_the_front_of_a_name(text: str, value: str, name: str) -> None:
    start, end = trim_span(*span_of(text, value))
    assert text[start:end] == name


def test_a_titled_name_after_a_numbered_phrase_stays_a_person() -> None:
    text = "4 MOTs booked, Dr Okonjo-Baptiste on ramp 2"
    assert not unlisted_town(*span_of(text, "Dr Okonjo-Baptiste"))
