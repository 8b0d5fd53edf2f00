"""Person recall, round 22: given names of more origins, signed initials, names after a courtesy.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import PersonId, PersonRole, Regime
from sar_desk.detect import gazetteer
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.recognizers.valedictions import ValedictionNameRecognizer
from sar_desk.detect.spread_names import propagation_names

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize("name", ["Minh", "Linh", "Phuong", "Haruka", "Naoki", "Xiulan", "Wasin"])
def test_romanised_given_names_of_more_origins_are_listed(name: str) -> None:
    assert gazetteer.current().is_first_name(name)


@pytest.mark.parametrize("word", ["yen", "chi", "hai", "gang", "ping", "tri"])
def test_words_and_other_languages_words_stay_off_the_added_list(word: str) -> None:
    # Given names in Faker's lists, but English words ("Yen", "Chi"), Hindi ("hai"), or from
    # the Indonesian list, left out for its numerals ("Tri.x" is a product).
    assert not gazetteer.current().is_first_name(word)


def test_a_one_syllable_name_that_is_also_a_dish_spreads_when_found_twice() -> None:
    # "Pho" is a dish and no name; a listed given name that is also a dish ("Bao") is a name.
    assert "Bao" in propagation_names([(1, "Bao"), (2, "Bao")])
    assert "Bao Tranh-Okoye" in propagation_names([(3, "Bao Tranh-Okoye")])
    assert propagation_names([(1, "Pho"), (2, "Pho")]) == []


KIT = KnownPerson(PersonId(4), PersonRole.THIRD_PARTY, names=("Kestrel Zubair",))
MAY = KnownPerson(PersonId(5), PersonRole.THIRD_PARTY, names=("Marisol Yuki Fenwick",))
LUIS = KnownPerson(PersonId(6), PersonRole.THIRD_PARTY, names=("Luis de Haro",))
CARYS = KnownPerson(PersonId(7), PersonRole.THIRD_PARTY, names=("Carys Corrigan",))


def _initials(text: str, *people: KnownPerson) -> list[str]:
    context = CaseContext(Regime.SAR, people)
    return [text[h.start : h.end] for h in context.matcher.find(text) if h.kind == "initials"]


@pytest.mark.parametrize(
    "text",
    [
        "float counted, till balanced - signed off MF",
        "van keys returned to the office (MF)",
        "stock take: 14 boxes, 3 short — MF",
    ],
)
def test_short_initials_of_a_three_word_name_count_where_a_sheet_is_signed(text: str) -> None:
    # Marisol Yuki Fenwick signs "MF"; alone in a sentence two capitals need a list.
    assert _initials(text, MAY) == ["MF"]
    assert _initials("MF figures are in the report", MAY) == []


def test_initials_that_are_an_abbreviation_need_a_signing_verb() -> None:
    # "CC" is also "carbon copy": signed off, it is Carys; closing a line, or "by", it is not.
    assert _initials("rota checked and signed off CC", CARYS) == ["CC"]
    assert _initials("minutes sent to the team — CC", CARYS) == []
    assert _initials("signed off by CC", CARYS) == []


def test_initials_of_a_name_with_a_particle_are_read_as_written() -> None:
    assert _initials("glazing order logged (LdH)", LUIS) == ["LdH"]
    assert _initials("glazing order logged — LH", LUIS) == ["LH"]
    assert _initials("the LH side of the frame is loose", LUIS) == []


def test_lower_case_initials_sign_only_a_message_typed_in_lower_case() -> None:
    assert _initials("bins out and yard swept - kz", KIT) == ["kz"]
    assert _initials("Bins out - kz", KIT) == []


def _signed(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in ValedictionNameRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('inscription: "For Ida, love always, Viv 1962"', "Viv"),
        ("see you Tuesday. Cheers, Mo", "Mo"),
        ("Many thanks, Del Ashworth.", "Del Ashworth"),
        ("Best wishes, Reg\nsent from my phone", "Reg"),
    ],
)
def test_a_short_name_signed_after_a_courtesy_is_a_name(text: str, name: str) -> None:
    assert _signed(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Love, Mum x",
        "Kind regards, Housing Team",
        "Kind regards, Helpdesk",
        "Cheers, Everyone!",
        "thanks, Monday then",
        "Thanks, Monday",
        "cheers, viv",
        "Thanks, Reg for the lift",
    ],
)
def test_a_word_after_a_courtesy_is_no_name(text: str) -> None:
    assert _signed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "can someone ask MF about the float",
        "MF to check the till roll",
        "MF's rota is on the board",
        "spoke to MF this morning",
    ],
)
def test_short_initials_count_where_a_person_goes(text: str) -> None:
    assert _initials(text, MAY) == ["MF"]


def test_an_abbreviation_where_a_person_goes_needs_a_person_verb() -> None:
    assert _initials("CC rang twice about the key", CARYS) == ["CC"]
    assert _initials("ask CC about it", CARYS) == []
    assert _initials("CC to check the list", CARYS) == []
