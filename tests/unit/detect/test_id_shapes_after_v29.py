"""Identifier and address shapes found after corpus v29's run (development-set fixes)."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.passport_forms import spelt_passport
from sar_desk.detect.recognizers.uk_id_recognizer import NinoCueRecognizer, PassportNumberRecognizer


def _found(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _sc in recognizer.spans(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("passport_no: 481854779\nholder: Ioane Kuusk", "481854779"),
        ("passport_number=481854779", "481854779"),
        ("holder_passport: 481854779", "481854779"),
        ("psasport_no: 419699245", "419699245"),  # a slip, and the underscore
    ],
)
def test_a_passport_cue_joined_by_an_underscore(text: str, value: str) -> None:
    assert _found(PassportNumberRecognizer(), text) == [value]


def test_a_nino_cue_joined_by_an_underscore() -> None:
    text = "ni_number: nt257035a\npassport_no: 794256784"
    assert _found(NinoCueRecognizer(), text) == ["nt257035a"]
    # A word that merely contains the letters is still no cue.
    assert _found(NinoCueRecognizer(), "uni_number: nt257035a") == []


def test_a_passport_number_with_a_short_run_of_digits_in_it() -> None:
    # "3 2 1 0" counts down, but the number as a whole is no count.
    assert spelt_passport("533.210.498")
    assert _found(PassportNumberRecognizer(), "passport no. 533.210.498 — scanned 12/03") == [
        "533.210.498"
    ]
    # Counting all along (but for one step) is still refused: a placeholder, not a number.
    assert not spelt_passport("1.2.3.4.5.6.7.8.0")
    assert not spelt_passport("9-8-7-6-5-4-3-2-1")


def test_a_form_address_field_takes_short_street_words() -> None:
    from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer

    recognizer = StreetAddressRecognizer()
    assert _found(recognizer, "CUSTOMER: M R\nADDRESS: 70b Ox Hey, Hartfield") == [
        "70b Ox Hey, Hartfield"  # the town after it is the address's too
    ]
    assert _found(recognizer, "address = 4 Elm Row") == ["4 Elm Row"]
    # Other kinds of address, a count and a day are no street.
    assert _found(recognizer, "email address: 12 Of Them bounced") == []
    assert _found(recognizer, "Address: 3 Monday") == []
