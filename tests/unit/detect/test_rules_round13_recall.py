"""Round-13 recall rules (issue 15): service ranks before a name, a rank said as a name,
"-z"/"-zza" clipped given names, sign-offs after a dash (also after a clause in another
language), short given names opening a line, a software cue that does not reach across a line
break, and passport numbers listed further along the cue's line.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect import gazetteer
from sar_desk.detect.analyze import RawSpan, _text_findings
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.mask import regions
from sar_desk.detect.platforms import product_by_cue
from sar_desk.detect.recognizers.address_forms import ruled_name
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer
from sar_desk.detect.recognizers.pet_names import NicknameListRecognizer, clipped_z
from sar_desk.detect.recognizers.titled_names import TITLED, titled_name_ok
from sar_desk.detect.recognizers.uk_id_recognizer import PassportNumberRecognizer
from sar_desk.detect.recognizers.vouched import vouched_name

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _titled(text: str) -> list[str]:
    return [m.group("v") for m in TITLED.finditer(text) if titled_name_ok(m.group("v"))]


def _nick(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in NicknameRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cpl Okonkwo-Baird signed for the rifles", "Cpl Okonkwo-Baird"),
        ("ask wo1 strachan about the range", "wo1 strachan"),
        ("Sqn Ldr Haverford is flying the sortie", "Sqn Ldr Haverford"),
        ("Lt Col Treharne took the salute", "Lt Col Treharne"),
        ("LCpl Mbatha on guard tonight", "LCpl Mbatha"),
        ("handed over to CPO Vasquez-Reilly", "CPO Vasquez-Reilly"),
        ("Flt Lt de Souza briefed the crews", "Flt Lt de Souza"),
        ("Major Quartermaine wants the returns", "Major Quartermaine"),
        ("Watch Manager Gethin rang control", "Watch Manager Gethin"),
        ("Detective Sergeant Oyelaran took the statement", "Detective Sergeant Oyelaran"),
        ("chef okonedo wants the fish order in", "chef okonedo"),
    ],
)
def test_service_ranks_before_a_family_name(text: str, name: str) -> None:
    assert _titled(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Major Incident declared at the depot",
        "the General Manager signed it off",
        "booked a Private Hire cab for six",
        "Watch Manager Training is on Thursday",
        "parking on Marine Drive again",
        "send it to the po box",
        "Head Chef wants the pass wiped down",
        "Chef Special is the lamb tonight",
    ],
)
def test_ranks_that_are_words_need_a_name_no_dictionary_has(text: str) -> None:
    assert _titled(text) == []


def test_a_two_word_rank_is_one_title_not_a_rank_and_a_name() -> None:
    assert _titled("Lt Colin Abernathy") == ["Lt Colin"]
    assert _titled("Lt Col Abernathy") == ["Lt Col Abernathy"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sarge said we can go at 4", "Sarge"),
        ("has anyone told sarge about the van", "sarge"),
        ("Sarn't rang from the custody suite", "Sarn't"),
    ],
)
def test_a_rank_said_as_a_name(text: str, name: str) -> None:
    assert _nick(text) == [name]


@pytest.mark.parametrize("text", ["we need a sarge on nights", "every sarge got the memo"])
def test_a_rank_as_a_post_is_not_a_name(text: str) -> None:
    assert _nick(text) == []


# "Jezza" is listed since round 24 (given_nicknames.txt), so the list, not the shape, has it.
@pytest.mark.parametrize("word", ["Gazza", "Shazza", "Tezza", "Daz", "Kaz", "Shaz", "Dazza"])
def test_z_clipped_forms_of_listed_given_names(word: str) -> None:
    assert clipped_z(word, gazetteer.current())


def test_a_listed_z_form_is_the_lists_own() -> None:
    assert gazetteer.current().is_first_name("Jezza")
    assert not clipped_z("Jezza", gazetteer.current())


@pytest.mark.parametrize("word", ["pizza", "quiz", "Fizz", "Oz", "Liz", "jazz", "PIZZA"])
def test_words_and_listed_names_are_not_z_clipped_forms(word: str) -> None:
    assert not clipped_z(word, gazetteer.current())


def test_a_z_clipped_name_is_proposed_where_it_stands() -> None:
    text = "Tezza borrowed the ladder again"
    found = [text[s:e] for s, e, *_ in NicknameListRecognizer().noted_spans(text)]
    assert found == ["Tezza"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("bis morgen - Tomasz", "Tomasz"),
        ("see you Friday - Aoife O'Dwyer", "Aoife O'Dwyer"),
        ("got the keys, see you at the depot – Ilse Brandt-Moyo", "Ilse Brandt-Moyo"),
        ("rota for Sunday:\n- bar - Ngozi\n- door - Ferdinand", "Ngozi"),
    ],
)
def test_a_name_signed_after_a_dash(text: str, name: str) -> None:
    assert name in _nick(text)


@pytest.mark.parametrize(
    "text",
    [
        "cheers - Thanks",
        "all sorted - The Team",
        "back at 2 - Reception",
        "update - HR",
        "tried it - Didn't",
    ],
)
def test_words_after_a_dash_are_not_a_signature(text: str) -> None:
    assert _nick(text) == []


def test_a_signature_after_a_foreign_clause_is_not_masked() -> None:
    text = "bis morgen, danke schön - Oksana"
    masked = [r for r in regions(text) if r.kind == "foreign"]
    assert masked
    assert masked[-1].end <= text.index(" - Oksana")


def test_a_foreign_clause_with_no_signature_stays_masked() -> None:
    text = "bis morgen, danke schön"
    assert [r.kind for r in regions(text)] == ["foreign"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("jo wants the minutes by noon", "jo"), ("al is covering the late shift", "al")],
)
def test_a_short_given_name_opening_a_line(text: str, name: str) -> None:
    assert _nick(text) == [name]


@pytest.mark.parametrize(
    "text", ["tv is on the blink again", "it is on the side", "so says the memo", "hr wants it"]
)
def test_short_words_opening_a_line_stay_words(text: str) -> None:
    assert _nick(text) == []


def test_a_software_cue_does_not_reach_across_a_line_break() -> None:
    text = "is the canteen open\nMarisol says till 3"
    start = text.index("Marisol")
    assert not product_by_cue(text, start, start + len("Marisol"))
    same_line = "just open Zorbly and log in"
    start = same_line.index("Zorbly")
    assert product_by_cue(same_line, start, start + len("Zorbly"))


def _passports(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in PassportNumberRecognizer().noted_spans(text)]


def test_a_passport_number_further_along_the_cue_line() -> None:
    text = "HR wants passport scans for the Oslo conference: Tobiah Marchetti-Lowe 204 881 379"
    assert _passports(text) == ["204 881 379"]


@pytest.mark.parametrize(
    "text",
    [
        "passport scans for the Oslo conference, then the invoice no. 204881379",
        "passport scans for the Oslo conference; call 020 7946 0321",
        "passport scans for the Oslo conference: Tobiah 20488137912",
    ],
)
def test_other_numbers_on_a_passport_line_are_not_passports(text: str) -> None:
    assert _passports(text) == []


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Sarge wants the rota", (0, 5), (0, 5)),
        ("WO1 Haddington took the parade", (0, 14), (0, 14)),
        ("3. Mr de Courcy 81 (playoff)", (3, 18), (3, 15)),
        ("11/03,Mx Pengelly,feeds", (0, 17), (6, 17)),
    ],
)
def test_a_model_span_holding_a_rank_or_titled_name(
    text: str, span: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert ruled_name(text, *span) == expected


def test_a_model_span_with_more_than_a_titled_name_is_left_to_the_checks() -> None:
    assert ruled_name("Dr Amara Quayle rang", 0, 15) is None
    assert ruled_name("a sarge rang", 2, 7) is None


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("WO1 Haddington took the parade", (0, 14), "WO1 Haddington"),
        ("Sarge wants the rota by noon", (0, 5), "Sarge"),
        ("3. Mr de Courcy 81 (playoff)", (3, 18), "Mr de Courcy"),
    ],
)
def test_the_model_span_the_rules_vouch_for_is_kept(
    text: str, span: tuple[int, int], name: str
) -> None:
    raw = [RawSpan("PERSON", span[0], span[1], 0.85, "SpacyRecognizer")]
    found = _text_findings(MessageId(1), text, raw, CaseContext(Regime.SAR, (), ()))
    assert [f.text for f in found] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gaffer says the skip goes Friday", "Gaffer"),
        ("ok, guv wants it on his desk", "guv"),
    ],
)
def test_a_form_of_address_opening_a_clause_is_a_name(text: str, name: str) -> None:
    assert _nick(text) == [name]


@pytest.mark.parametrize(
    "text", ["new gaffer starts Monday", "ifeoma gaffer wants the clips", "any sarge will do"]
)
def test_a_form_of_address_after_another_word_is_the_post(text: str) -> None:
    assert _nick(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("she says her husband tadeusz is at work", "tadeusz"),
        ("landlord olumide won't fix the boiler", "olumide"),
        ("her carer tsegaye's van broke down", "tsegaye"),
    ],
)
def test_an_unlisted_lower_case_name_after_a_relation(text: str, name: str) -> None:
    assert _nick(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "her husband hasnt rung",
        "landlord wont answer",
        "tenant agreement signed",
        "the carer didn't turn up",
        "her son can't come",
    ],
)
def test_words_and_shorthand_after_a_relation_are_not_names(text: str) -> None:
    assert _nick(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the Adeyemi-Clarke family moved to the coast", "Adeyemi-Clarke"),
        ("the kowalczyk fmaily asked for a refund", "kowalczyk"),
        ("the Fletcher twins start on Monday", "Fletcher"),
    ],
)
def test_a_family_name_before_family_or_twins(text: str, name: str) -> None:
    assert _nick(text) == [name]


@pytest.mark.parametrize(
    "text", ["the whole family came", "the royal family", "the new family next door"]
)
def test_words_before_family_are_not_names(text: str) -> None:
    assert _nick(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("fern at the depot has the van keys", "fern"), ("dawn on reception wants a word", "dawn")],
)
def test_a_word_name_placed_then_having_or_wanting(text: str, name: str) -> None:
    found = [text[s:e] for s, e, *_ in NameListRecognizer().noted_spans(text)]
    assert found == [name]


def test_a_word_placed_then_needing_stays_a_word() -> None:
    text = "rose in the front bed needs water"
    assert [text[s:e] for s, e, *_ in NameListRecognizer().noted_spans(text)] == []


def test_an_unlisted_lower_case_name_from_somewhere_saying() -> None:
    assert _nick("oluwaseun from the agency said nights are covered") == ["oluwaseun"]
    assert _nick("someone from the agency said nights are covered") == []


@pytest.mark.parametrize(
    "text",
    ["LAC review for the twins on Monday", "Superintendent Registrar to sign", "CSM Training"],
)
def test_a_rank_shaped_acronym_before_a_word_is_not_a_name(text: str) -> None:
    assert _titled(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("nobby from the depot rang twice", "nobby"),
        ("tell sarge the van is back", "sarge"),
        ("her daughter Selam visiting tonight", "Selam"),
    ],
)
def test_a_name_a_rule_found_is_kept_when_the_model_found_it_too(text: str, name: str) -> None:
    start = text.index(name)
    raw = [RawSpan("PERSON", start, start + len(name), 0.85, "SpacyRecognizer")]
    found = _text_findings(MessageId(1), text, raw, CaseContext(Regime.SAR, (), ()))
    assert [f.text for f in found] == [name]


def test_a_model_guess_no_rule_vouches_for_still_goes_through_the_checks() -> None:
    text = "the sarge rota is up"
    start = text.index("sarge")
    assert vouched_name(text, start, start + 5) is None
    raw = [RawSpan("PERSON", start, start + 5, 0.85, "SpacyRecognizer")]
    assert _text_findings(MessageId(1), text, raw, CaseContext(Regime.SAR, (), ())) == []


def test_a_word_name_that_scored() -> None:
    text = "rocky scored twice on Saturday"
    found = [text[s:e] for s, e, *_ in NameListRecognizer().noted_spans(text)]
    assert found == ["rocky"]


def test_a_relation_then_a_full_lower_case_name_takes_both_words() -> None:
    assert _nick("her husband dritan hoxha rang the office") == ["dritan hoxha"]


def test_a_given_name_alone_is_not_proposed_where_a_family_name_may_follow() -> None:
    # "budge" may be the family name: proposing "teodor" alone would stop the spread pass
    # from covering "teodor budge" where the case knows the full name.
    assert _nick("her ex teodor budge took out loans") == []


@pytest.mark.parametrize("text", ["Revd Canon Ashdown-Pryce", "Rev Fr Okonjo"])
def test_a_title_is_not_the_family_name_of_the_title_before_it(text: str) -> None:
    assert all(not v.endswith(("Canon", "Fr")) for v in _titled(text))


def test_a_postscript_is_not_a_rank() -> None:
    assert _titled("ps kalinda if ur passing") == []
