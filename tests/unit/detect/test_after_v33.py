"""Shapes, places and named things found after corpus v33's held-out run (session 18)."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.spelt_emails import SpeltEmailRecognizer, written_address
from sar_desk.detect.recognizers.uk_id_recognizer import NinoCueRecognizer, PassportNumberRecognizer


def _found(recognizer: object, text: str, entity: str | None = None) -> list[str]:
    spans = recognizer.spans(text)  # type: ignore[attr-defined]
    return [text[s:e] for s, e, ent, _sc in spans if entity is None or ent == entity]


def test_a_passport_number_read_from_a_pasted_machine_readable_line() -> None:
    text = "MRZ line 2 (pasted by Ann): 5619348721GBR8501014F3103159<<<<<<<<<<<<<<02"
    assert _found(PassportNumberRecognizer(), text) == ["561934872"]
    # Nine digits alone, or a longer run, are no passport line.
    assert _found(PassportNumberRecognizer(), "order 5619348721 shipped") == []


def test_a_corrected_passport_number_is_a_passport_number_too() -> None:
    text = "Passport: 628194821 — sorry typo, it's 628194820"
    assert _found(PassportNumberRecognizer(), text) == ["628194821", "628194820"]
    # Without a correction the next number is not the passport's.
    assert _found(PassportNumberRecognizer(), "Passport: 628194821, order 628194820") == [
        "628194821"
    ]


def test_a_nino_boxed_in_threes_after_its_cue() -> None:
    assert _found(NinoCueRecognizer(), "NI: JB 449 107 C, NHS below") == ["JB 449 107 C"]
    assert _found(NinoCueRecognizer(), "ref JB 449 107 C") == []  # no cue, no pairs


def test_an_nhs_number_one_digit_to_a_box_after_its_cue() -> None:
    text = "NHS (in the boxes): 4 8 7 9 1 5 8 9 0 9"
    assert _found(SeparatedNumberRecognizer(), text, "UK_NHS") == ["4 8 7 9 1 5 8 9 0 9"]
    # The check digit still decides: a run that fails it is no NHS number.
    assert _found(SeparatedNumberRecognizer(), "NHS: 4 8 7 9 1 5 8 9 0 8", "UK_NHS") == []


def test_a_postcode_with_two_spaces_copied_off_a_form() -> None:
    found = _found(SeparatedNumberRecognizer(), "postcode BS98  1TL (two spaces)", "UK_POSTCODE")
    assert found == ["BS98  1TL"]
    assert _found(SeparatedNumberRecognizer(), "room 10  2AB", "UK_POSTCODE") == []


@pytest.mark.parametrize(
    ("text", "value", "address"),
    [
        (
            "her address is mandy.cogan @ letterbox.example.net, sorry",
            "mandy.cogan @ letterbox.example.net",
            "mandy.cogan@letterbox.example.net",
        ),
        (
            "email tez.harland -at- letterbox -dot- example -dot- net (for the bots)",
            "tez.harland -at- letterbox -dot- example -dot- net",
            "tez.harland@letterbox.example.net",
        ),
        (
            "spelled it out: ted dot flinders at sky dot com — her partner",
            "ted dot flinders at sky dot com",
            "ted.flinders@sky.com",
        ),
    ],
)
def test_more_ways_of_spelling_an_address_out(text: str, value: str, address: str) -> None:
    assert _found(SpeltEmailRecognizer(), text) == [value]
    assert written_address(value) == address


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize("text", ["meet @ 5 at the pub", "look at bbc dot co", "see you -at- 3"])
def test_prose_is_no_spelt_address(text: str) -> None:
    assert _found(SpeltEmailRecognizer(), text) == []


@pytest.mark.usefixtures("shipped_lists")
def test_a_town_between_a_street_and_a_postcode_whatever_its_words() -> None:
    from sar_desk.detect.place_slots import unlisted_town

    text = "customer: Zaynab, 19 Tan Yard Bank, Andreas DN32 9JJ, found a plaster"
    start = text.index("Andreas")
    assert unlisted_town(text, start, start + len("Andreas"))  # a given name, but the town
    text = "new member, Flat 5, 92 Harbour Ope, Spurn YO2 7HT"
    assert unlisted_town(text, text.index("Spurn"), text.index("Spurn") + 5)  # a word, too


@pytest.mark.usefixtures("shipped_lists")
def test_two_words_closing_an_address_are_its_town_unless_written_as_a_person() -> None:
    from sar_desk.detect.place_slots import unlisted_town

    def town(text: str, value: str) -> bool:
        start = text.index(value)
        return unlisted_town(text, start, start + len(value))

    assert town("lives at 54a Tanners Drang, Milton Abbot — asking", "Milton Abbot")
    assert town("send cheque to 61 Hopyard Spur, Hurst Green", "Hurst Green")
    # A given name and a family name no dictionary has: a person, as written.
    assert not town("taster: Jo +1, Kit, Priya-Marie Achterberg, Sam", "Priya-Marie Achterberg")
    assert not town("sent to 12 Mill Road, Sarah Jones, she signed", "Sarah Jones")
    # English words only: a product ("3 rolls of tape, Bubble Wrap, delivered").
    assert not town("40 boxes, 3 rolls of tape, Bubble Wrap, delivered by Jo", "Bubble Wrap")


@pytest.mark.usefixtures("shipped_lists")
def test_an_unlisted_word_greeting_the_group_is_no_name() -> None:
    from sar_desk.detect.group_greetings import greets_the_group

    def greets(text: str) -> bool:
        return greets_the_group(text, 0, text.index(" "))

    assert greets("Moni everyone, coffee morning at 10.30")
    assert greets("Shlama all 👋 seppo is doing the talk")
    assert greets("Kamisaki team, 2% below plan")
    assert not greets("Ikrom all good? need the keys")  # a word runs on: a question to Ikrom
    assert not greets("Priya everyone!")  # a listed given name
    assert not greets_the_group("hi Moni everyone", 3, 7)  # not the message's first word


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("HMP Berwyn is locked down, no visits today", "HMP Berwyn"),
        ("River Dove at 2.3m and rising", "River Dove"),
        ("Op Hydrant referral made for her", "Op Hydrant"),
        ("op kenova report out today", "op"),
        ("Operation Elveden learning pack is on the drive", "Operation Elveden"),
        ("Grosvenor Estate freehold, leasehold for her flat", "Grosvenor Estate"),
        ("Cadogan Estate leases on the block", "Cadogan"),
        ("conveying to Musgrove Park? no", "Musgrove Park"),
        ("divert to the John Radcliffe, agreed", "John Radcliffe"),
    ],
)
def test_prisons_rivers_operations_estates_and_hospitals_are_nobody(text: str, value: str) -> None:
    from sar_desk.detect.service_places import service_place

    start = text.index(value)
    assert service_place(text, start, start + len(value))


@pytest.mark.usefixtures("shipped_lists")
def test_a_person_is_kept_beside_those_heads() -> None:
    from sar_desk.detect.service_places import service_place

    assert not service_place("Mr River called about the leak", 0, 8)  # a titled name
    assert not service_place("John Radley rang about the ward", 0, 11)  # no listed hospital
    assert not service_place("Estate agent Priya rang", 13, 18)


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("McKenzie friend for her is her brother", "McKenzie"),
        ("Newton hearing went on all day", "Newton"),
        ("Esterman result for him is a fail", "Esterman"),
        ("Goldmann or Humphrey field accepted?", "Goldmann"),
        ("Humphrey field analyser broken again", "Humphrey"),
        ("Lawton IADL + Katz done for her", "Katz"),
        ("wants every Boxall Profile done by half term", "Boxall Profile"),
        ("Rhodes and Marshall references due friday", "Rhodes"),
        ("Fluenz nasal spray for the clinic arrived", "Fluenz"),
        ("payments come from Coutts, check the direct debit mandate", "Coutts"),
    ],
)
def test_named_terms_of_courts_clinics_funders_and_banks(text: str, value: str) -> None:
    from sar_desk.detect.service_terms import service_term

    start = text.index(value)
    assert service_term(text, start, start + len(value))


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ask Marshall about the rota", "Marshall"),  # no word of awards after it
        ("Abbey Smith rang about the Barthel", "Abbey Smith"),  # a scale's name, then a name
        ("Humphrey Jones did the field test", "Humphrey Jones"),
        ("Dr Katz scored it", "Katz"),  # a title keeps a person
        ("moved from Halifax, paid the deposit", "Halifax"),  # a town, not the bank
        ("Nationwide said she'd ring", "Nationwide"),  # a bank's name, no talk of money
        ("Griffiths assessment booked for Tuesday", "Griffiths"),  # his own assessment
        ("Humphrey field rang about the paid invoice", "Humphrey"),  # a person called so
    ],
)
def test_people_are_kept_beside_those_terms(text: str, value: str) -> None:
    from sar_desk.detect.service_terms import service_term

    start = text.index(value)
    assert not service_term(text, start, start + len(value))


@pytest.mark.usefixtures("shipped_lists")
def test_heads_count_in_lower_case_in_a_message_typed_small() -> None:
    from sar_desk.detect.service_places import service_place

    assert service_place("river kent gauge offline", 0, 10)
    # A water's head is a given name too: only where water is spoken of, or after "the".
    assert not service_place("River Banks collapsed in the gym", 0, 11)
    assert not service_place("spoke to River Banks, she says", 9, 20)
    assert service_place("we walked along the River Banks path", 20, 31)
    assert service_place("hmp isis omu says no", 4, 8)  # after the head
    assert service_place("cadogan estate leases on the block", 0, 7)
    assert service_place("the Idle and River Leven both in warning", 13, 18)  # "River" alone
    # In a message with capitals, a small "river" is the word (or a person called River).
    assert not service_place("River is on lates, Kent Road", 0, 5)


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kasia jest chora, nie przyjdzie dzisiaj", "Kasia"),
        ("Selma hat heute frei und kommt morgen nicht", "Selma"),
        ("gaurav hat angerufen wegen der grundbuchauszug-kopie, rückruf bitte", "gaurav"),
    ],
)
def test_a_name_in_a_clause_of_another_language_is_not_masked(text: str, name: str) -> None:
    from sar_desk.detect.mask import mask

    masked = mask(text)
    assert name in masked  # the person stays for the recognisers
    assert masked.strip() != text.strip()  # the other language's words are still masked


@pytest.mark.usefixtures("shipped_lists")
def test_a_german_noun_inside_the_clause_stays_masked() -> None:
    from sar_desk.detect.mask import mask

    masked = mask("Gaurav hat angerufen wegen der Grundbuchauszug-Kopie, Rückruf bitte")
    assert "Gaurav" in masked
    assert "Grundbuchauszug" not in masked
    assert "Rückruf" not in masked


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("extinguished by Fireman Dobbs", "Fireman Dobbs"),
        ("a letter from Gunner Hale, 1917", "Gunner Hale"),
    ],
)
def test_an_old_register_s_trade_before_a_family_name(text: str, value: str) -> None:
    from sar_desk.detect.recognizers.titled_names import TITLED, titled_name_ok

    found = [m.group("v") for m in TITLED.finditer(text) if titled_name_ok(m.group("v"))]
    assert found == [value]
    assert not titled_name_ok("Fireman Training")  # a trade before a word is the word


@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(
    ("text", "word", "listed"),
    [
        ("arm bruised, lucky, Selma hit the stop", "lucky", False),
        ("took a driver to the thumb, black nail, Ngaire saw it", "nail", False),
        ("keeps leaving early & Zaynab covers for him", "early", False),
        ("ayesha, amber and jo are on lates", "amber", True),
        ("Kofi, amber, jo on lates", "amber", True),
    ],
)
def test_a_common_word_closing_a_phrase_is_no_member_of_a_list(
    text: str, word: str, listed: bool
) -> None:
    from sar_desk.detect.gazetteer import current
    from sar_desk.detect.recognizers.gazetteer_recognizers import _NEVER, NameListRecognizer
    from sar_desk.detect.recognizers.name_lists import in_a_list_of_names

    words = NameListRecognizer()._words(text)
    i = next(k for k, w in enumerate(words) if w.group(0) == word)
    assert in_a_list_of_names(text, words, i, current(), _NEVER) is listed


@pytest.mark.usefixtures("shipped_lists")
def test_the_name_run_opening_a_foreign_clause_stays_whole() -> None:
    from sar_desk.detect.mask import mask

    masked = mask("Gwendal Kooistra hat angerufen wegen der Grundbuchauszug-Kopie, Rückruf bitte")
    assert masked.startswith("Gwendal Kooistra ")
    assert "angerufen" not in masked
    masked = mask("Selma hat heute frei und kommt morgen nicht")
    assert masked.startswith("Selma ")
    assert "hat" not in masked  # a small word after a capitalised name is the clause's
    assert mask("Alles klar, Grüße aus Berlin").strip() == ""  # a place inside stays masked
    assert mask("Nam libero tempore, cum soluta nobis").strip() == ""  # Latin filler


@pytest.mark.usefixtures("shipped_lists")
def test_a_warning_alone_is_no_talk_of_water() -> None:
    from sar_desk.detect.service_places import service_place

    text = "disciplinary outcome for River Banks: final written warning"
    assert not service_place(text, text.index("River"), text.index(":"))
    text = "River Douglas warning lifted"
    assert service_place(text, 0, 13)
