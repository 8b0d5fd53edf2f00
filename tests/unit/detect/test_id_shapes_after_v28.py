"""Identifier shapes found after corpus v28's run (development-set fixes, session 15)."""

from __future__ import annotations

from sar_desk.detect.recognizers.id_rows import nino_column, pp_passports
from sar_desk.detect.recognizers.passport_forms import SPELT_AFTER_CUE
from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer, national_digits


def _values(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_a_country_code_in_brackets_opens_a_uk_number() -> None:
    found = UkPhoneRecognizer().spans("text me on (+44) 7700 900 318 after six")
    assert [(s, e) for s, e, _ent, _sc in found] == [(11, 29)]
    assert national_digits("(+44) 7700 900 318") == "07700900318"
    assert national_digits("[0044] 20 7946 0321") == "02079460321"
    # Not a UK number after the bracketed code: no proposal.
    assert UkPhoneRecognizer().spans("(+44) 12 34") == []


def test_pp_in_a_key_value_log_line() -> None:
    text = "2026-03-02T10:14 user=clerk4 ni=AB123456C pp=804112937 action=view"
    assert _values(text, pp_passports(text)) == ["804112937"]
    assert pp_passports("page=2 pp=804112937") == []  # no identifier row, no passport word


def test_a_mistyped_travel_document_cue() -> None:
    text = "travel documnet: 704 118 293 (expires 2031)"
    match = SPELT_AFTER_CUE.search(text)
    assert match is not None
    assert match.group("v").replace(" ", "") == "704118293"


def test_a_table_drawn_with_rules_between_its_rows() -> None:
    text = (
        "+---------------+-------------+\n"
        "| Resident      | NI number   |\n"
        "+===============+=============+\n"
        "| Orla Fenwick  | QX 12 34 56 A |\n"
        "+---------------+-------------+\n"
        "| Tam Beddoes   | ZZ654321B   |\n"
        "+---------------+-------------+\n"
        "after the table: ZZ111111A is not in it"
    )
    assert _values(text, nino_column(text)) == ["QX 12 34 56 A", "ZZ654321B"]
