"""Codes, phone groupings and greetings found after corpus v31's held-out run (session 17)."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.world_greetings import greeting_phrases, is_world_greeting


def test_a_patent_number_is_no_passport(real_detector: object) -> None:
    from sar_desk.core.model import MessageId, Regime
    from sar_desk.detect.analyze import analyze_all
    from sar_desk.detect.case_terms import CaseContext

    texts = [
        "examiner docket\n✳ GB2411033.1 — Noura\n✳ GB2409871.6 — Selma",
        "ref 12-AB1234567 filed",
        "passport AB1234567 for the trip",
    ]
    items = [(MessageId(i), t) for i, t in enumerate(texts)]
    found = analyze_all(real_detector, items, CaseContext(Regime.SAR, ()))  # type: ignore[arg-type]
    passports = {(int(f.message_id), f.text) for f in found if f.entity_type == "UK_PASSPORT"}
    assert passports == {(2, "AB1234567")}  # a code that runs on is part of a longer code


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("call me on 07 700 900 461 after 6", "07 700 900 461"),
        ("mob 07 700 900 461", "07 700 900 461"),
        ("ring 01 632 960 123", "01 632 960 123"),
    ],
)
def test_a_number_cut_after_its_second_digit_is_a_phone_number(text: str, value: str) -> None:
    spans = SeparatedNumberRecognizer().spans(text)
    assert [text[s:e] for s, e, ent, _sc in spans if ent == "PHONE_NUMBER"] == [value]


@pytest.mark.parametrize("text", ["order 07 123 456 789 10", "score 01 234 567 890"])
def test_groups_that_are_no_uk_number_stay_unread(text: str) -> None:
    assert SeparatedNumberRecognizer().spans(text) == []


@pytest.mark.usefixtures("shipped_lists")
def test_greetings_of_more_languages_after_v31() -> None:
    assert is_world_greeting("Goddag")
    assert is_world_greeting("Grüezi")
    assert is_world_greeting("Bonjorn")
    assert greeting_phrases("Zǎoshang hǎo everyone") == [(0, 12)]


def test_fields_apart_by_a_spaced_slash_read_as_an_address() -> None:
    from sar_desk.detect.field_commas import as_commas
    from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer

    text = "address on Form 7: Epeli Bah / 122a Burrow Knap / Buckland Brewer / BN6 1AD"
    assert as_commas(text).endswith("Epeli Bah,  122a Burrow Knap,  Buckland Brewer,  BN6 1AD")
    spans = [text[s:e] for s, e, _ent, _sc in StreetAddressRecognizer().spans(text)]
    assert spans == ["122a Burrow Knap / Buckland Brewer"]
    # A line without a postcode, or with one slash, is left as written.
    for other in ("Mon / Tue / Wed shifts, 4 people", "1/2 price / 3 for 2, AB1 2CD"):
        assert as_commas(other) == other


def test_identifier_shapes_found_after_v32() -> None:
    from sar_desk.detect.recognizers.uk_id_recognizer import PassportNumberRecognizer

    def found(recognizer: object, text: str) -> list[tuple[str, str]]:
        spans = recognizer.spans(text)  # type: ignore[attr-defined]
        return [(text[s:e], entity) for s, e, entity, _sc in spans]

    # A form's arrow between "ppt#" and its value.
    assert found(PassportNumberRecognizer(), "ppt# ▹ 102855090") == [("102855090", "UK_PASSPORT")]
    # A printed dash after a space in a phone number, and a postcode joined by a slash.
    separated = SeparatedNumberRecognizer()
    assert ("0118 496–0947", "PHONE_NUMBER") in found(separated, "clerk on 0118 496–0947")
    assert ("DN34/5RT", "UK_POSTCODE") in found(separated, "post to DN34/5RT please")
    # A path, a reference and a page range stay what they are.
    assert found(separated, "files in dn34/5rt/old") == []
    assert found(separated, "ref AB12/3CD") == []
    assert found(separated, "see pages 12–14") == []
