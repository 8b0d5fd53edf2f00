"""UK identifiers typed with a slip or laid out in rows and tables (round 24, issue 15).

A mobile without its trunk zero, letters O typed for zeros, a passport number after "pp" in a
row of identifiers, and NINO / passport / NHS values under a table header that names them.
Every example here is made up for these tests.
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.recognizers.phone_slips import (
    o_for_zero_number,
    o_for_zero_numbers,
    unzeroed_mobiles,
)
from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import NinoCueRecognizer, PassportNumberRecognizer


def values(recognizer: object, text: str, entity: str | None = None) -> list[str]:
    spans = recognizer.spans(text)  # type: ignore[attr-defined]
    return [text[s:e] for s, e, ent, _score in spans if entity is None or ent == entity]


def found(spans: list[tuple[int, int]], text: str) -> list[str]:
    return [text[s:e] for s, e in spans]


UNZEROED = [
    ("her mob is 7457 112098, she never bothers with the zero", ["7457 112098"]),
    ("7911 204 385 - no leading 0 on that, text after 6", ["7911 204 385"]),
    ("Contact number: 7824556013", ["7824556013"]),
    ("whatsapp me on 791 120 4385 pls", ["791 120 4385"]),
    ("7824 556 013 (without the 0, as he writes it)", ["7824 556 013"]),
    ("Mobile:\n7457 112098", ["7457 112098"]),  # a form's label above its field
    ("ring 7624 301122 for the Douglas office", ["7624 301122"]),  # Isle of Man mobiles
    ("the customer's mob 7457 112098", ["7457 112098"]),  # the phone word stands closer
    # Not a number to call: another number's label, no cue, or not a mobile's shape.
    ("order 7457112098 dispatched, call if it's late", []),
    ("ref 7911 204385 - text me when it's paid", []),
    ("invoice total came to 7457112098 somehow", []),
    ("7457112098", []),
    ("tracking: 7824 556 013, ring the depot", []),
    ("mob 7612 345678 is a pager range", []),  # 076 outside 07624 is no mobile
    ("call me on 7911 20438", []),  # nine digits
    ("phone 79112043851 twice", []),  # eleven digits
    ("call 4 7911204385", []),  # glued to a digit group before it
    ("v2.7911204385 build, call me", []),
    ("text me your NHS number 7123456789", []),  # the label stands closer than the cue
    ("mob 07700 900123, 7457112098 is her order", []),  # the cue is the other number's
    ("7457112098 - the 07700 900123 one is her mobile", []),
]


@pytest.mark.parametrize(("text", "expected"), UNZEROED)
def test_mobiles_without_the_trunk_zero_need_a_phone_cue(text: str, expected: list[str]) -> None:
    assert found(unzeroed_mobiles(text), text) == expected


O_FOR_ZERO = [
    ("new landline O113 496 O8O2 from monday", ["O113 496 O8O2"]),
    ("mob o7911 2o3 455 x", ["o7911 2o3 455"]),
    ("ring +44 2o 7946 o5o5 from abroad", ["+44 2o 7946 o5o5"]),
    ("office (O161) 496 OO77", ["(O161) 496 OO77"]),
    ("from spain dial 0044 7911 2o3 455", ["0044 7911 2o3 455"]),
    ("two: o7911 2o3 455 or O113 496 O8O2", ["o7911 2o3 455", "O113 496 O8O2"]),
    # Words, too few digits, glued to a word, or no UK number's length and prefix.
    ("oooo ooo oooo", []),
    ("the zoo opens at 10, room 2oo", []),
    ("code O1O1 2O2O OOOO", []),
    ("ticket O7911 2O3455X", []),
    ("o4o 7946 o5o5", []),  # no UK number starts 04
]


@pytest.mark.parametrize(("text", "expected"), O_FOR_ZERO)
def test_letters_o_typed_for_zeros(text: str, expected: list[str]) -> None:
    assert found(o_for_zero_numbers(text), text) == expected


def test_o_for_zero_needs_both_letters_and_digits() -> None:
    assert o_for_zero_number("o7911 2o3 455")
    assert not o_for_zero_number("07911 203 455")  # a plain number is the phone rules'
    assert not o_for_zero_number("oooo ooo oooo")


def test_slipped_numbers_reach_the_separated_number_recogniser() -> None:
    recognizer = SeparatedNumberRecognizer()
    text = "mob o7911 2o3 455, or 7457 112098 - she forgets the 0"
    assert values(recognizer, text, "PHONE_NUMBER") == ["o7911 2o3 455", "7457 112098"]


def test_pp_after_other_identifiers_on_its_line() -> None:
    passport = PassportNumberRecognizer()
    row = "- Kit Byrne | NINO JT 55 90 21 B | NHS 401 023 2137 | pp 307 418 952"
    assert values(passport, row) == ["307 418 952"]
    assert values(passport, "DOB 04/05/1988 ▸ PP 530927184") == ["530927184"]
    assert values(passport, "PP 307418952 (passport renewed last year)") == ["307418952"]
    block = "Kit Byrne\nnino: JT 55 90 21 B\nnhs: 401 023 2137\npp 307 418 952\nthanks"
    assert values(passport, block) == ["307 418 952"]  # one label a line, the NHS one above


def test_pp_alone_is_pages_or_per_procurationem() -> None:
    passport = PassportNumberRecognizer()
    assert values(passport, "see pp 307418952 of the bundle") == []
    assert values(passport, "NHS 401 023 2137 - read pp 12-15 of the report") == []
    assert values(passport, "signed pp Jo Bloggs, order 307418952") == []
    assert values(passport, "NHS 401 023 2137 ▸ pp 30741895") == []  # eight digits


def test_nino_column_named_by_its_header_in_any_case_and_prefix() -> None:
    nino = NinoCueRecognizer()
    text = "name,dob,ni number\nKit Byrne,04/05/1988,qq 12 34 56 a\nJo Smith,11/11/1971,TN559021B"
    spans = nino.noted_spans(text)
    assert [text[s:e] for s, e, *_r in spans] == ["qq 12 34 56 a", "TN559021B"]
    notes = [note for *_r, note in spans]
    assert all("never issued" in note for note in notes)
    assert "'TN'" in notes[1]


def test_columns_in_tab_bar_and_quoted_tables() -> None:
    nino, passport = NinoCueRecognizer(), PassportNumberRecognizer()
    tsv = "Name\tNINO\tPassport\nKit\tfy102938c\t307418952"
    assert values(nino, tsv) == ["fy102938c"]
    assert values(passport, tsv) == ["307418952"]
    bars = "| Staff | NI No. | NHS number |\n|---|---|---|\n| Kit | DQ 11 22 33 D | 401 023 2137 |"
    assert values(nino, bars) == ["DQ 11 22 33 D"]
    assert values(SeparatedNumberRecognizer(), bars, "UK_NHS") == ["401 023 2137"]
    quoted = 'name,national_insurance_number\n"Byrne, Kit",QQ559021B'
    assert values(nino, quoted) == ["QQ559021B"]
    trailing = "Employee NI number,name\nQQ559021B,Kit,\nTN102938A,Jo,"
    assert values(nino, trailing) == ["QQ559021B", "TN102938A"]


def test_columns_the_header_does_not_name_stay_unproposed() -> None:
    nino = NinoCueRecognizer()
    assert values(nino, "name,ref\nKit,QQ559021B") == []
    assert values(nino, "name,nino,order\nKit,n/a,QQ559021B") == []
    assert values(nino, "name,nino\nKit,tbc\n\nref,QQ559021B") == []  # the table ended
    assert values(PassportNumberRecognizer(), "author,title,pp\nByrne,Notes,000000000") == []
    # the next cell of a passport column's row is another column's, not a list's next value
    orders = "name,passport,order\nKit,307418952,412345678"
    assert values(PassportNumberRecognizer(), orders) == ["307418952"]


def test_pp_value_opens_a_list_like_any_cued_one() -> None:
    row = "NHS 401 023 2137 ▸ pp 307418952, Jo 412345678"
    assert values(PassportNumberRecognizer(), row) == ["307418952", "412345678"]


def test_column_nino_reaches_a_proposal_with_its_note(fake_detector: InProcessDetector) -> None:
    text = "staff,ni number\nKit Byrne,ZZ 20 40 60 B"
    got = analyze_all(fake_detector, [(MessageId(1), text)], CaseContext(Regime.SAR))
    ninos = [f for f in got if f.entity_type == "UK_NINO"]
    assert [f.text for f in ninos] == ["ZZ 20 40 60 B"]
    assert "never issued" in ninos[0].explanation
