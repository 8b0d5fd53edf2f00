"""Greetings, months, cues and boxes found after corpus v30's held-out run (session 17)."""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.civic_places import not_a_place
from sar_desk.detect.mask import mask, regions
from sar_desk.detect.word_positions import placed_not_named
from sar_desk.detect.world_greetings import greeting_phrases, is_world_greeting
from tests.unit.detect.conftest import span_of


def test_a_phrase_found_folded_keeps_its_offsets_in_the_text() -> None:
    # "ß" folds to two letters, so the folded text is longer than the one written.
    text = "Straße 4: xin chào Dechen"
    assert [text[s:e] for s, e in greeting_phrases(text)] == ["xin chào"]


@pytest.mark.parametrize("text", ["xin chào Dechen", "XIN CHÀO", "Merci beaucoup!"])
def test_a_phrase_is_found_whatever_accents_it_is_typed_with(text: str) -> None:
    assert greeting_phrases(text)


@pytest.mark.usefixtures("shipped_lists")
def test_greetings_of_more_languages() -> None:
    for word in ("Muraho", "Isänme", "Akkam", "Murakoze"):
        assert is_world_greeting(word), word
    assert greeting_phrases("Wah gwaan 😂") == [(0, 9)]


@pytest.mark.usefixtures("shipped_lists")
def test_a_word_listed_only_with_its_accents_is_a_greeting_only_with_them() -> None:
    assert is_world_greeting("Sälem")
    assert not is_world_greeting("Salem")  # a place and a name


def test_a_greeting_phrase_is_masked_as_an_english_greeting() -> None:
    text = "Kia ora Eivind! how are you"
    masked = mask(text, regions(text))
    assert masked.startswith("Hi      Eivind!")
    assert len(masked) == len(text)
    lower = "kia ora Eivind"
    assert mask(lower, regions(lower)).startswith("hi      Eivind")
    # Other foreign clauses are blanked as before.
    assert [r.kind for r in regions(text)] == ["greeting"]


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ted Baker confirmed for Feb, update the diary", "Feb"),
        ("obs rota (Sept)", "Sept"),
        ("joining docs, Nat Insurance → JW609676B", "Nat Insurance"),
        ("payslip query — Nat. Ins. MB669446B", "Nat"),
    ],
)
def test_months_and_the_insurance_cue_are_nobody(text: str, value: str) -> None:
    assert placed_not_named(*span_of(text, value))


@pytest.mark.usefixtures("shipped_lists")
def test_names_like_them_are_still_people() -> None:
    assert not placed_not_named(*span_of("Nat said she would come", "Nat"))
    assert not placed_not_named(*span_of("ask Jan about the rota", "Jan"))
    assert not placed_not_named(*span_of("Dec is on lates", "Dec"))  # Declan


@pytest.mark.usefixtures("shipped_lists")
def test_the_box_of_a_po_box_is_no_village() -> None:
    assert not_a_place(*span_of("fax RE: PO box UB9 3BN", "box"))
    assert not_a_place(*span_of("P.O. Box 12, Leeds", "Box"))
    assert not not_a_place(*span_of("she lives in Box near Bath", "Box"))
    assert not_a_place(*span_of("see you in Sept", "Sept"))


def test_the_name_after_a_greeting_phrase_is_found(real_detector: object) -> None:
    texts = ["Kia ora Eivind! how are you", "Kia ora koutou", "xin chào Dechen, can u do lates?"]
    items = [(MessageId(i), t) for i, t in enumerate(texts)]
    found = analyze_all(real_detector, items, CaseContext(Regime.SAR, ()))  # type: ignore[arg-type]
    people = {(int(f.message_id), f.text) for f in found if f.entity_type == "PERSON"}
    assert (0, "Eivind") in people
    assert not any(i == 1 for i, _t in people)  # greeting everyone names nobody
    assert (2, "Dechen") in people
    assert not any("Kia" in t or "ora" in t or "chào" in t for _i, t in people)


@pytest.mark.parametrize(
    "text", ["Goeie môre almal", "Asante sana rafiki", "Muchas gracias por todo", "Kia ora TEAM"]
)
def test_a_small_word_after_a_greeting_phrase_stays_blank(text: str) -> None:
    # The language's "everyone", "friend" or a plain word after the phrase is nobody greeted.
    assert "hi" not in mask(text, regions(text)).casefold()


@pytest.mark.usefixtures("shipped_lists")
def test_a_body_named_royal_is_nobody() -> None:
    from sar_desk.detect.org_heads import royal_body

    for value in ("Royal Welsh", "Royal Regiment", "Royal Sussex Lodge", "Royal Mail"):
        assert royal_body(value), value
    assert placed_not_named(*span_of("the Royal Welsh band played", "Royal Welsh"))
    # Someone called Royal, and "Royal" alone, are left to the other rules.
    assert not royal_body("Royal Sam")
    assert not royal_body("Royal")


def test_an_address_down_the_lines_is_read_as_one() -> None:
    from sar_desk.detect.field_commas import as_commas
    from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer

    text = "address:\n  - 106a Quarry Riggs\n  - Priest Hutton\n  - M2 8XZ"
    commas = as_commas(text)
    assert len(commas) == len(text)
    assert "106a Quarry Riggs,    Priest Hutton,    M2 8XZ" in commas
    spans = [text[s:e] for s, e, _ent, _sc in StreetAddressRecognizer().spans(text)]
    assert spans == ["106a Quarry Riggs\n  - Priest Hutton"]  # the street and its town
    plain = "Flat 2\n19 Kingsmead\nHawes\nDL8 3NT"
    assert as_commas(plain) == "Flat 2\n19 Kingsmead,Hawes,DL8 3NT"  # from the street line
    # A list that is no address (no house number first, or no postcode last) is left alone.
    for other in ("rota:\n- Sam Patel\n- Jo Lee\n- AB1 2CD", "- 4 Elm Row\n- Hartfield\n- soon"):
        assert as_commas(other) == other


def test_a_model_span_starting_on_the_masked_greeting_keeps_only_the_name() -> None:
    from sar_desk.detect.analyze import _after_greeting

    text = "Kia ora Eivind! how are you"
    assert _after_greeting(text, regions(text), 0, 14) == text.index("Eivind")
    # A span that starts after the phrase, or a text without one, is left as it is.
    assert _after_greeting(text, regions(text), 8, 14) == 8
    plain = "Eivind rang"
    assert _after_greeting(plain, regions(plain), 0, 6) == 0
