"""Round-10 rules (issue 15): passport short forms, the requester's spelled addresses,
greetings of many languages, posts, fire-service ranks, short town names, river towns,
nicknames and hyphenated given names.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect import gazetteer
from sar_desk.detect.allow_list import build_allow_list
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.languages import foreign_clauses
from sar_desk.detect.people_not_places import person_not_place
from sar_desk.detect.place_forms import short_forms
from sar_desk.detect.posts import is_post, never_spreads
from sar_desk.detect.propagate import propagation_names
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer, after_kin_word
from sar_desk.detect.recognizers.titled_names import TITLED, titled_name_ok
from sar_desk.detect.recognizers.uk_id_recognizer import PassportNumberRecognizer
from sar_desk.detect.recognizers.uk_place_recognizer import UkPlaceRecognizer
from sar_desk.detect.words import is_not_a_name
from sar_desk.detect.world_greetings import is_world_greeting

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _values(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in recognizer.noted_spans(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "pport 204 118 337 seen at the desk",
        "pprot 204118337 copied",
        "her p/port is 204118337",
        "psprt no. 204118337",
        "passprt: 204118337",
        "HMPO ref 204118337",
        "204118337 is the number on his pport",
    ],
)
def test_passport_short_forms_and_slips_cue_the_number(text: str) -> None:
    assert [v.replace(" ", "") for v in _values(PassportNumberRecognizer(), text)] == ["204118337"]


@pytest.mark.parametrize("text", ["the port 204118337", "sport 204118337", "report 204118337"])
def test_words_ending_in_port_are_no_passport_cue(text: str) -> None:
    assert _values(PassportNumberRecognizer(), text) == []


def _requester_case(*others: KnownPerson) -> CaseContext:
    requester = KnownPerson(PersonId(1), PersonRole.REQUESTER, names=("Marisol De La Fuente",))
    return CaseContext(Regime.SAR, (requester, *others), ("Marisol De La Fuente",))


def _email(text: str) -> Finding:
    return Finding(MessageId(1), ProposalField.TEXT, 0, len(text), text, "EMAIL_ADDRESS", 1.0, "x")


@pytest.mark.parametrize(
    "address",
    [
        "fuente@mail.example",
        "delafuente@mail.example",
        "m.delafuente@mail.example",
        "mfuente@mail.example",
        "marisoldela@mail.example",
        "fuente.marisol@mail.example",
    ],
)
def test_addresses_spelled_from_the_requesters_family_name_are_theirs(address: str) -> None:
    assert build_allow_list(_requester_case()).covers(_email(address))


def test_a_given_name_alone_or_a_shared_family_name_is_not_the_requesters() -> None:
    brother = KnownPerson(PersonId(2), PersonRole.THIRD_PARTY, names=("Tomas De La Fuente",))
    allow = build_allow_list(_requester_case(brother))
    assert not allow.covers(_email("marisol@mail.example"))
    assert not allow.covers(_email("fuente@mail.example"))
    assert not allow.covers(_email("delafuente@mail.example"))


@pytest.mark.parametrize(
    "value",
    ["Kia ora koutou", "dia dhuit", "Mahadsanid!", "Sziasztok", "Dziękuję", "Xie xie", "Shalom"],
)
def test_greetings_of_many_languages_are_not_names(value: str) -> None:
    assert is_world_greeting(value)
    assert is_not_a_name(value)


@pytest.mark.parametrize("value", ["Ola", "Salam", "Selam", "Amani Osei", "Toda"])
def test_greeting_words_that_are_given_names_are_left_alone(value: str) -> None:
    assert not is_world_greeting(value)


@pytest.mark.parametrize(
    "value", ["Harbour Master", "Clerk", "Deputy Registrar", "Clerk to the Trustees", "Bursar"]
)
def test_posts_are_never_names(value: str) -> None:
    assert is_post(value)
    assert is_not_a_name(value)


def test_posts_that_are_family_names_stay_names_alone() -> None:
    assert not is_post("Porter")
    assert not never_spreads("Steward")
    assert never_spreads("clerk")
    assert never_spreads("harbour")


def test_a_post_found_twice_does_not_spread() -> None:
    items = [(1, "Clerk"), (2, "Clerk"), (3, "Yusra Kettlewell")]
    names = propagation_names(items)
    assert "Clerk" not in names
    assert "Yusra Kettlewell" in names


@pytest.mark.parametrize("text", ["wm okonjo is on nights", "SM Prendergast signed it"])
def test_fire_service_ranks_before_a_family_name(text: str) -> None:
    match = TITLED.search(text)
    assert match is not None
    assert titled_name_ok(match.group("v"))


def test_fire_rank_before_a_word_is_no_name() -> None:
    match = TITLED.search("cm water pressure low")
    assert match is None or not titled_name_ok(match.group("v"))


def test_short_town_names_come_from_their_qualified_forms() -> None:
    places = ["Great Tolbury", "Upper Nettleby", "Brackwell All Saints", "Milton Regis"]
    forms = short_forms(places, {"milton"}.__contains__)
    assert forms == {"tolbury": "Tolbury", "nettleby": "Nettleby", "brackwell": "Brackwell"}


def test_a_short_town_name_is_a_place_only_where_placed() -> None:
    gaz = gazetteer.current()
    assert gaz.is_word_place("Dunmow")
    assert not gaz.is_place("Dunmow")
    found = _values(UkPlaceRecognizer(), "she moved to Dunmow last spring")
    assert "Dunmow" in found


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("the GP surgery in Lydford-on-Tamar rang", "Lydford-on-Tamar"),
        ("moving to ashby-under-lyne next week", "ashby-under-lyne"),
    ],
)
def test_towns_named_by_their_river_or_hill(text: str, town: str) -> None:
    assert town in _values(UkPlaceRecognizer(), text)


def test_a_hyphenated_phrase_is_no_town() -> None:
    assert _values(UkPlaceRecognizer(), "it was a hands-on-deck sort of day") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("auntie yewande dropped the keys in", "yewande"),
        ("Uncle Femi is collecting her", "Femi"),
        ("our Kez did the raffle", "Kez"),
        ("Big Daz is on the door", "Daz"),
        ("ask Pogo about the minibus", "Pogo"),
        ("cheers Tiggy for the cake", "Tiggy"),
        ("brooke-lily rang the office", "brooke-lily"),
        ("Ellie-Rose's mum called", "Ellie-Rose"),
    ],
)
def test_nicknames_and_hyphenated_given_names(text: str, name: str) -> None:
    assert name in _values(NicknameRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "our house is on the corner",
        "big deal, it can wait",
        "ask Legal about the wording",
        "thanks Teams for nothing",
        "the sign-in sheet is here",
    ],
)
def test_words_after_familiar_or_contact_words_stay_words(text: str) -> None:
    assert _values(NicknameRecognizer(), text) == []


def test_double_barrelled_and_particle_parts_of_the_requester_are_theirs() -> None:
    requester = KnownPerson(PersonId(1), PersonRole.REQUESTER, names=("Ines Ashgrove-Pell",))
    allow = build_allow_list(CaseContext(Regime.SAR, (requester,), ("Ines Ashgrove-Pell",)))
    person = Finding(MessageId(1), ProposalField.TEXT, 0, 4, "Pell", "PERSON", 0.8, "x")
    assert allow.covers(person)
    assert allow.covers(_email("ashgrovepell@mail.example"))
    assert allow.covers(_email("i.pell@mail.example"))


def _proposed(detector: object, text: str) -> list[tuple[str, str]]:
    found = analyze_all(detector, [(MessageId(1), text)], CaseContext(Regime.SAR))  # type: ignore[arg-type]
    return [(f.text, f.entity_type) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "he went from 11 stone to 13 in a year",
        "review booked for 14 Feb with the nurse",
        "swap the shift from 4 tamsin to jude",
    ],
)
def test_measures_dates_and_swaps_after_a_number_are_no_street(
    fake_detector: object, text: str
) -> None:
    assert not [t for t, kind in _proposed(fake_detector, text) if kind == "STREET_ADDRESS"]


def test_a_trip_from_a_street_is_still_a_street(fake_detector: object) -> None:
    found = _proposed(fake_detector, "walked from 17b quillings to the bus stop")
    assert ("17b quillings", "STREET_ADDRESS") in found


def test_a_given_name_before_a_post_is_the_person() -> None:
    assert "Hazel" in _values(NicknameRecognizer(), "Hazel Team Leader approved the leave")
    assert _values(NicknameRecognizer(), "the Senior Team Leader approved it") == []


@pytest.mark.parametrize(
    ("text", "word", "person"),
    [
        ("cheers Kendal for covering", "Kendal", True),
        ("moved to Kendal in the spring", "Kendal", False),
        ("Priya Kendal rang the office", "Kendal", True),
        ("from Priya in Kendal", "Kendal", False),
    ],
)
def test_a_town_that_stands_where_a_person_does(text: str, word: str, person: bool) -> None:
    start = text.index(word)
    assert person_not_place(text, start, start + len(word)) is person


def test_no_name_after_an_adverb_of_degree(fake_detector: object) -> None:
    found = _proposed(fake_detector, "the news was very sad, we all agreed")
    assert ("sad", "PERSON") not in found


def test_a_name_after_a_word_of_kin_is_kept() -> None:
    # The model tags "auntie yetunde"; the lower-case name is not read as a slip of a word.
    text = "ask auntie yetunde"
    assert after_kin_word(text, text.index("yetunde"))
    other = "ask the yetunde"
    assert not after_kin_word(other, other.index("yetunde"))


def test_the_requesters_name_run_together_is_theirs_whatever_its_type() -> None:
    allow = build_allow_list(_requester_case())
    for text, kind in (("marisol_dela", "PERSON"), ("marisol.dela", "LOCATION")):
        span = Finding(MessageId(1), ProposalField.TEXT, 0, len(text), text, kind, 0.5, "x")
        assert allow.covers(span)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Kia ora koutou, rota is up", "Kia ora koutou"),
        ("maidin mhaith a chairde", "maidin mhaith"),
    ],
)
def test_greeting_phrases_are_masked_whole(text: str, phrase: str) -> None:
    spans = [(s, e) for s, e, _kind in foreign_clauses(text)]
    start = text.index(phrase)
    assert any(s <= start and start + len(phrase) <= e for s, e in spans)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gristhorpe wants the minutes by noon", "Gristhorpe"),
        ("Meeting moved. Oxenbury rang to say sorry", "Oxenbury"),
    ],
)
def test_a_family_name_alone_opening_a_sentence_before_a_persons_verb(text: str, name: str) -> None:
    assert name in _values(NicknameRecognizer(), text)


@pytest.mark.parametrize("text", ["Smudge is on the window", "Parking says full", "Teams says no"])
def test_a_word_opening_a_sentence_before_a_verb_is_not_taken(text: str) -> None:
    assert _values(NicknameRecognizer(), text) == []


def test_a_word_town_naming_a_thing_is_no_place() -> None:
    assert "Box" not in _values(UkPlaceRecognizer(), "Thanks everyone, Box Office")
    assert "Box" in _values(UkPlaceRecognizer(), "she moved to Box in May")


@pytest.mark.parametrize("value", ["Away", "Do Not Disturb", "Out of Office", "Busy"])
def test_presence_statuses_are_not_names(value: str) -> None:
    assert is_not_a_name(value)
