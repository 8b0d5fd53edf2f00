"""Cued UK identifiers: passport numbers, NINOs with any prefix, postcodes above 0.5."""

from __future__ import annotations

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.recognizers.uk_id_recognizer import (
    NinoCueRecognizer,
    PassportNumberRecognizer,
    unissued_prefix,
)
from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer


def values(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in recognizer.spans(text)]  # type: ignore[attr-defined]


def test_passport_numbers_need_a_cue() -> None:
    passport = PassportNumberRecognizer()
    assert values(passport, "right to work: passport no. 123456789, seen") == ["123456789"]
    assert values(passport, "her Passport number is 987 654 321") == ["987 654 321"]
    assert values(passport, "order ref 123456789") == []
    assert values(passport, "passport 1234567890") == []  # ten digits: something else


def test_nino_shape_after_a_cue_even_with_an_unissued_prefix() -> None:
    nino = NinoCueRecognizer()
    assert values(nino, "NI number: TN 31 12 58 A") == ["TN 31 12 58 A"]
    assert values(nino, "national insurance no qq123456c") == ["qq123456c"]
    assert values(nino, "ref TN311258A") == []
    notes = [n for *_span, n in nino.noted_spans("her NI number is ZZ123456C")]
    assert "never issued" in notes[0]
    assert unissued_prefix("QQ")
    assert unissued_prefix("GB")
    assert not unissued_prefix("AB")


def test_whatsapp_number_mentions_are_phone_numbers() -> None:
    assert values(UkPhoneRecognizer(), "thanks @447911123456 and @jo") == ["447911123456"]


def test_identifiers_reach_proposals_with_comparable_scores(
    fake_detector: InProcessDetector,
) -> None:
    text = "NI number QQ 12 34 56 C, passport 123456789, lives at TR1 2AB"
    found = analyze_all(fake_detector, [(MessageId(1), text)], CaseContext(Regime.SAR))
    got = {f.entity_type: f for f in found}
    assert set(got) == {"UK_NINO", "UK_PASSPORT", "UK_POSTCODE"}
    assert all(f.score >= 0.75 for f in found)  # never below a reviewer's 0.5 filter
    assert "never issued" in got["UK_NINO"].explanation


def test_cues_are_found_mistyped_and_abbreviated() -> None:
    nino, passport = NinoCueRecognizer(), PassportNumberRecognizer()
    assert values(nino, "N.I. number BG 40 85 99 C - can payroll check") == ["BG 40 85 99 C"]
    assert values(nino, "his natoinal insuarnce is OO989546C, DOB") == ["OO989546C"]
    assert values(nino, "national ins. no. ZZ 12 34 56 A") == ["ZZ 12 34 56 A"]
    assert values(nino, "nat insurance number given as QQ123456C") == ["QQ123456C"]
    assert values(nino, "UNI ref QQ123456C") == []  # "NI" inside a word is no cue
    assert values(passport, "she read out her paspsort number as 589258939") == ["589258939"]
    assert values(passport, "her passport's 123456789 but it expired") == ["123456789"]
    assert values(passport, "passenger 123456789") == []


def test_nino_and_passport_named_after_the_value() -> None:
    nino = NinoCueRecognizer()
    passport = PassportNumberRecognizer()
    assert values(nino, "she read out QQ 12 34 56 C as her NINo") == ["QQ 12 34 56 C"]
    assert values(nino, "tb640219d is his national insurance no") == ["tb640219d"]
    assert values(nino, "AB123456C was the case ref") == []  # no cue: Presidio's shape check
    assert values(passport, "he read 402 117 936 off his uk passport") == ["402 117 936"]
    assert values(passport, "paid £402117936 for the passport office") == []
    assert (
        values(passport, "ref 402117936 and then a good many other words before the passport") == []
    )


def test_nino_cue_tolerates_a_swapped_letter() -> None:
    assert values(NinoCueRecognizer(), "nnio: qq 70 11 52 a") == ["qq 70 11 52 a"]


def test_nino_in_printed_pairs_and_more_cue_wordings() -> None:
    nino = NinoCueRecognizer()
    passport = PassportNumberRecognizer()
    assert values(nino, "card says TN 40 21 77 B") == ["TN 40 21 77 B"]
    assert values(nino, "card says TN402177B") == []  # compact, no label, unissued prefix
    assert values(nino, "what HMRC holds: nk 40 21 77 b") == ["nk 40 21 77 b"]
    assert values(nino, "insurance no: QQ402177A") == ["QQ402177A"]
    assert values(passport, "pp no. 402117936 on file") == ["402117936"]
    assert values(passport, "her pasport 402117936") == ["402117936"]


def test_nino_values_of_a_list_the_cue_opens_however_far_along() -> None:
    nino = NinoCueRecognizer()
    text = (
        "NI numbers to chase for payroll: Teodor Vasquez-Lindqvist - sent, "
        "Marguerite Oyelowo-Hart - QQ 12 34 56 C, Ib Strand = TN654321B"
    )
    assert values(nino, text) == ["QQ 12 34 56 C", "TN654321B"]
    # far along, a code that is no list item's value stays unproposed
    far = "NI numbers are on the form in the office drawer, and the works van's ticket is TN654321B"
    assert values(nino, far) == []
