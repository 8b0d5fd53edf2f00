"""Person recall, round 20: makers after "by", sign-off kisses, kin titles, initials, scripts.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import PersonId, PersonRole, Regime
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.product_slots import sold_goods
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer, familiar_ok
from sar_desk.detect.recognizers.script_names import ScriptNameRecognizer
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the quilt by Tamsin Okorie-Vale sold out by lunch", "Tamsin Okorie-Vale"),
        ("that shawl by Ilse Brandvold is sold out again", "Brandvold"),
    ],
)
def test_a_maker_after_by_is_not_the_goods_sold(text: str, value: str) -> None:
    assert not sold_goods(*span_of(text, value))


def test_goods_sold_out_are_still_goods() -> None:
    assert sold_goods(*span_of("Old Barnaby sold out at the bar", "Old Barnaby"))


def _nicknames(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in NicknameRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [("see you at six — Ffion x", "Ffion"), ("back tomorrow - Carwyn xx", "Carwyn")],
)
def test_a_sign_off_may_close_with_kisses(text: str, name: str) -> None:
    assert _nicknames(text) == [name]


def test_a_closing_word_with_kisses_is_not_a_name() -> None:
    assert _nicknames("speak soon - Thanks x") == []


def test_a_kin_title_makes_a_near_word_a_name() -> None:
    # "ravni" sits one slip from a word, as many given names do; after "uncle" it is a name.
    assert familiar_ok("uncle", "ravni")
    assert _nicknames("uncle ravni is collecting the kids") == ["ravni"]
    assert not familiar_ok("nana", "nap")  # a word, not a name
    assert not familiar_ok("big", "ravni")  # "big" is no title: a slip of a word stays one


TEO = KnownPerson(PersonId(4), PersonRole.THIRD_PARTY, names=("Teodora Lindqvist",))
ROSA = KnownPerson(PersonId(5), PersonRole.THIRD_PARTY, names=("Rosalind Mae Pennick",))
LIDIA = KnownPerson(PersonId(6), PersonRole.THIRD_PARTY, names=("Lidia Dragomir",))


def _initials(text: str, *people: KnownPerson) -> list[str]:
    context = CaseContext(Regime.SAR, people)
    return [text[h.start : h.end] for h in context.matcher.find(text) if h.kind == "initials"]


def test_initials_that_are_an_abbreviation_count_in_a_list_of_names() -> None:
    # "LD" is also "learning disability": only a list of names makes it a person.
    assert _initials("rota for Sunday: Ingrid, Marguerite and LD on doors", LIDIA) == ["LD"]
    assert _initials("the HR and LD teams meet at ten", LIDIA) == []
    assert _initials("training for staff, LD and autism", LIDIA) == []


def test_two_letter_initials_of_a_three_word_name_need_a_list() -> None:
    # Rosalind Mae Pennick signs "RP" with her middle name dropped.
    assert _initials("served by Ingrid, Bartholomew and RP", ROSA) == ["RP"]
    assert _initials("RP figures are in the report", ROSA) == []


def test_lower_case_initials_only_in_a_message_typed_in_lower_case() -> None:
    assert _initials("on doors: ingrid, marguerite and tl", TEO) == ["tl"]
    assert _initials("Ingrid, Marguerite and tl", TEO) == []


def _script(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in ScriptNameRecognizer().noted_spans(text)]


def test_a_lower_case_greek_name_in_a_lower_case_message() -> None:
    assert _script("φωτεινή is on the tills till 3") == ["φωτεινή"]
    assert _script("φωτεινή from the tills") == []  # no verb: nothing to read a subject by
    assert _script("καλημέρα all, tills open") == []  # a greeting
    assert _script("flew to θεσσαλονίκη on friday") == []  # a place after "to"
    assert _script("Φωτεινή said φωτεινή is fine") == ["Φωτεινή"]  # capitals elsewhere


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the caretaker Wojtek found the keys by the bins", "Wojtek"),
        ("our receptionist Oluchi said the lift is fixed", "Oluchi"),
    ],
)
def test_a_name_after_a_role_before_a_subjects_verb(text: str, name: str) -> None:
    assert _nicknames(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "the driver Wrexham was late",  # a place
        "the manager Teams is down again",  # a product
        "the cleaner Lucky found it",  # a common word
        "the cleaner Wojtek keys",  # no verb after
    ],
)
def test_a_role_before_a_word_that_is_no_name(text: str) -> None:
    assert _nicknames(text) == []


def test_lower_case_names_after_a_role_or_a_kissed_sign_off() -> None:
    assert _nicknames("the caretaker wojtek found the keys") == ["wojtek"]
    assert _nicknames("the caretaker app was down") == []  # a word
    assert _nicknames("see you at six — ffion x") == ["ffion"]
    assert _nicknames("see you at six - hun x") == []  # a word of endearment
