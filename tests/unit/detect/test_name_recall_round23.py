"""Round-23 person recall (issue 15): word-like given names known by their family name, and
people named by an office or an epithet that the case-wide thing pass took for things.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer
from sar_desk.detect.case_things import case_things, person_at
from sar_desk.detect.paired_names import paired_names
from sar_desk.detect.recognizers.epithets import STAGE_NAME, stage_name_ok

pytestmark = pytest.mark.usefixtures("shipped_lists")

_GIFT = [
    "Gift Mensah has joined the rota, Tuesdays",
    "tea rota: gift mensah / Ola",
    "Gift Mensah left the gate open again",
    "ask Gift Mensah about the float",
]


def test_a_word_given_name_written_again_and_again_with_a_family_name_is_a_full_name() -> None:
    assert paired_names(_GIFT) == ["Gift Mensah"]


def test_a_pair_the_case_shows_to_be_a_thing_is_not_returned() -> None:
    # The job and the evaluation pass the case's thing keys ("Gift Mensah" the boat).
    assert paired_names(_GIFT, frozenset({"gift mensah"})) == []
    assert paired_names(_GIFT, frozenset({"mensah"})) == ["Gift Mensah"]


def test_two_sightings_are_not_enough() -> None:
    assert paired_names(_GIFT[:2]) == []


def test_words_that_vary_before_a_family_name_make_no_name() -> None:
    texts = [
        "thanks Adeyemi for the lift",
        "ask Adeyemi about Friday",
        "tell Adeyemi the van is back",
        "thanks Adeyemi, sorted",
        "Adeyemi said yes",
    ]
    # "thanks Adeyemi" is in two of five sightings: a greeting, not a given name
    assert paired_names(texts) == []


def test_a_given_name_that_is_no_word_is_left_to_the_model_and_the_lists() -> None:
    texts = [f"Chidiebube Mensah {w}" for w in ("rang", "paid", "left", "came")]
    assert paired_names(texts) == []


def test_a_title_before_a_family_name_is_no_given_name() -> None:
    texts = [f"Sister Mensah {w}" for w in ("rang", "paid", "left", "came")]
    assert paired_names(texts) == []


def test_mixed_case_pairs_are_not_read() -> None:
    texts = [f"gift Mensah {w}" for w in ("rang", "paid", "left", "came")]
    assert paired_names(texts) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("our late president Lady Araminta, 1921 to 1934", "Lady Araminta"),
        ("a photo of the founder Dame Petronel in the hall", "Dame Petronel"),
        ("the old tale of the cooper Old Ebenezer and his barrels", "Ebenezer"),
        ("our farrier Young Tobiah shod the grey", "Tobiah"),
    ],
)
def test_an_office_or_an_epithet_before_a_name_shows_a_person(text: str, name: str) -> None:
    start = text.index(name)
    assert person_at(text, start, start + len(name))


def test_a_person_named_after_an_epithet_is_not_made_a_thing_case_wide() -> None:
    texts = ["the cooper Old Ebenezer haunts the cellar", "Ebenezer haunts the cellar again"]
    assert name_key("Ebenezer") not in case_things(texts, ["Ebenezer"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "a handbill for The Mighty Ravellini (real name Frank Bottomley), 1898",
            "The Mighty Ravellini",
        ),
        ("the amazing kestrova (aka doris pym) topped the bill", "the amazing kestrova"),
        ("The Great Orsetti said he would do two shows", "The Great Orsetti"),
    ],
)
def test_a_stage_name_with_its_real_name_or_a_person_verb_is_a_person(text: str, name: str) -> None:
    assert name in _stage_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "we watched The Great Escape again",
        "the great unwashed turned up",
        "off to Great Yarmouth on Friday",
        "The Great Orsetti poster is framed",  # no real name and no person verb
        "the great orsetti said yes",  # lower case needs the real name
    ],
)
def test_praise_before_a_word_a_place_or_a_thing_is_no_stage_name(text: str) -> None:
    assert _stage_names(text) == []


def _stage_names(text: str) -> list[str]:
    gaz = gazetteer.current()
    return [m.group("v") for m in STAGE_NAME.finditer(text) if stage_name_ok(m, gaz)]


def test_a_town_named_with_a_family_name_is_no_pair() -> None:
    texts = [f"lorry stuck near Port Talbot {w}" for w in ("again", "today", "now", "still")]
    assert paired_names(texts) == []
