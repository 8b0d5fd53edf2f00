"""Round-20 precision rules (issue 15): days, posts before names, stock names, firms and sites.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import RawSpan, _text_findings
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.civic_places import body_site, in_body_site, not_a_place
from sar_desk.detect.day_words import day_in_clause
from sar_desk.detect.example_names import stock_name
from sar_desk.detect.leading_posts import without_leading_post
from sar_desk.detect.not_people import never_person
from sar_desk.detect.org_heads import area_body, opens_org_name
from sar_desk.detect.phrase_words import employer_before_worker, paired_common_words
from sar_desk.detect.posts import is_post, post_after_rank
from sar_desk.detect.product_slots import device_label
from sar_desk.detect.propagate import _not_a_name_part
from sar_desk.detect.recognizers.address_forms import address_ranks
from sar_desk.detect.world_greetings import is_world_greeting
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the allotment committee meets Weds at six", "Weds"),
        ("Ifeoma swims Thursdays before her shift", "Thursdays"),
        ("band practice Friday in the scout hut", "Friday"),
        ("parcel comes Thurs, sign for it", "Thurs"),
    ],
)
def test_a_day_in_a_clause_is_never_a_person(text: str, value: str) -> None:
    assert day_in_clause(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [("dr friday left her phone", "friday"), ("Tomasz Monday rang back", "Monday")],
)
def test_a_day_that_is_a_family_name_is_kept(text: str, value: str) -> None:
    assert not day_in_clause(*span_of(text, value))


def test_an_irish_particle_is_no_lone_name_term() -> None:
    orla = KnownPerson(PersonId(1), PersonRole.THIRD_PARTY, names=("Orla Ní Bhriain",))
    matcher = CaseContext(Regime.SAR, (orla,)).matcher
    text = "NI QQ123456C for Orla on file"
    hits = [text[h.start : h.end] for h in matcher.find(text)]
    assert hits == ["Orla"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A. N. Other is down for the Sunday slot", "Other"),
        ("a. n. other on the list until someone signs", "n"),
        ("the form says Joe Bloggs in every box", "Bloggs"),
        ("jane doe on the template, not a real client", "jane"),
    ],
)
def test_a_stock_name_for_nobody_is_never_a_person(text: str, value: str) -> None:
    assert stock_name(*span_of(text, value))
    assert never_person(*span_of(text, value))


def test_a_name_like_a_stock_name_is_kept() -> None:
    assert not stock_name(*span_of("Annie Otterburn phoned twice", "Annie Otterburn"))


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("Gaffer Tomasz says the furnace is down", "Gaffer Tomasz", "Tomasz"),
        ("Yard Foreman Oluwaseun wants the forklift back", "Yard Foreman Oluwaseun", "Oluwaseun"),
        ("Club Captain Ifeoma has the keys", "Club Captain Ifeoma", "Ifeoma"),
        ("lifeboat captain ifeoma says no launch", "captain ifeoma", "ifeoma"),
    ],
)
def test_a_post_before_a_name_is_cut_off(text: str, value: str, name: str) -> None:
    start, end = without_leading_post(*span_of(text, value))
    assert text[start:end] == name


def test_a_captain_with_nothing_before_keeps_the_title() -> None:
    text = "Captain Ifeoma has the keys"
    assert (
        without_leading_post(*span_of(text, "Captain Ifeoma"))
        == span_of(text, "Captain Ifeoma")[1:]
    )


def test_an_address_rank_before_a_name_is_no_name_of_its_own() -> None:
    assert address_ranks("Gaffer Okonkwo wants the tongs") == []
    assert address_ranks("gaffer zdzisław wants the tongs") == []
    assert address_ranks("Gaffer wants the tongs") == [(0, 6)]
    assert address_ranks("tell gaffer tmrw") == [(5, 11)]


def test_a_crew_rank_after_a_qualifier_is_a_post_whoever_follows() -> None:
    assert is_post("Tower Captain")
    assert never_person(*span_of("Lifeboat Skipper zdzisław says no", "Lifeboat Skipper"))
    assert not is_post("Captain Okonkwo")


def test_a_family_name_that_is_a_trade_is_the_post_after_a_rank() -> None:
    text = "Head Glazier Ifeoma cut the panes"
    start, end = without_leading_post(*span_of(text, "Glazier Ifeoma"))
    assert text[start:end] == "Ifeoma"
    assert without_leading_post(*span_of("Glazier Ifeoma", "Glazier Ifeoma")) == (0, 14)


def test_a_trade_after_its_rank_is_a_post() -> None:
    assert post_after_rank(*span_of("Chief Falconer Bodil says no", "Falconer"))
    assert not post_after_rank(*span_of("Mrs Falconer rang about the owl", "Falconer"))
    assert is_post("Coastguard")


def test_a_firm_before_its_workers_trade_and_name_is_no_person() -> None:
    assert employer_before_worker(*span_of("Vestas Blade tech Ama on site", "Vestas Blade"))
    assert employer_before_worker(*span_of("Vestas tech zdzisław on site", "Vestas"))
    assert not employer_before_worker(*span_of("ask Ama tech support about it", "Ama"))
    assert not employer_before_worker(*span_of("Ama's engineer Kojo came", "Ama's"))


def test_a_device_label_at_a_line_start_is_no_person() -> None:
    assert device_label(*span_of("Garmin tracker: signal lost 09:14", "Garmin"))
    assert device_label(*span_of("garmin tracker: signal lost", "garmin"))
    assert not device_label(*span_of("ask Garmin tracker: no", "Garmin"))
    assert not device_label(*span_of("Ama: tracker lost", "Ama"))


def test_goods_after_a_brand_make_it_no_person() -> None:
    assert never_person(*span_of("Yamaha Stagepas amplifier blew again", "Yamaha Stagepas"))


def test_a_guess_that_opens_an_organisations_name_is_no_person() -> None:
    text = "Royal Falcon Breeding Society fees due"
    assert opens_org_name(*span_of(text, "Royal Falcon"))
    assert not opens_org_name(*span_of("Ama Mensah Foundation wrote", "Ama Mensah"))


def test_an_honorific_is_no_rest_of_a_spread_name() -> None:
    assert _not_a_name_part("Sensei")
    assert not _not_a_name_part("Kenji")


@pytest.mark.parametrize("value", ["County Hall", "the Garden of Remembrance", "Town Hall"])
def test_a_bodys_site_is_no_place_to_propose(value: str) -> None:
    assert body_site(value)


@pytest.mark.parametrize("value", ["Brynmor Hall", "Church Lane", "Hall"])
def test_a_named_hall_a_street_or_one_word_is_still_a_place(value: str) -> None:
    assert not body_site(value)


def test_a_name_inside_a_site_after_the_is_the_sites_word() -> None:
    assert in_body_site(*span_of("pigeons nesting on the County Hall roof", "Hall"))
    assert not in_body_site(*span_of("Cheers Hall, see you Monday", "Hall"))


def test_a_day_or_a_lone_site_word_is_no_place() -> None:
    assert not_a_place(*span_of("school trip Fri, coach at 8", "Fri"))
    assert not_a_place(*span_of("Friends of the Park meet at 7", "Park"))
    assert not not_a_place(*span_of("moving to Parkgate in May", "Parkgate"))
    assert not not_a_place(*span_of("moving to Street in May", "Street"))  # the Somerset town


def test_polish_thanks_is_a_greeting() -> None:
    assert is_world_greeting("Dzięki wielkie")


def test_an_organisation_read_as_a_person_is_trimmed_of_its_post() -> None:
    text = "Assistant Engineer Mireia fell asleep in the control room"
    _, start, end = span_of(text, "Engineer Mireia")
    raw = (RawSpan("ORGANIZATION", start, end, 0.85, "SpacyRecognizer"),)
    found = _text_findings(MessageId(1), text, raw, CaseContext(Regime.SAR, ()))
    assert [f.text for f in found if f.entity_type == "PERSON"] == ["Mireia"]


def test_a_body_named_for_its_nation_is_no_person() -> None:
    assert area_body("Crown Estate Scotland")
    assert area_body("Sport England")
    assert not area_body("Rose Wales")
    assert not area_body("Ms Featherstone")  # a title and a family name that is a town
    assert not area_body("Scotland")
    assert not_a_place(*span_of("Crown Estate Scotland licence renewal", "Scotland"))
    assert not not_a_place(*span_of("she moved to Scotland in May", "Scotland"))


def test_two_common_words_paired_by_an_ampersand_are_a_things_name() -> None:
    assert paired_common_words(*span_of("Thursday Stitch & Bitch is on", "Bitch"))
    assert paired_common_words(*span_of("Bread & Butter cafe shut", "Bread"))
    assert not paired_common_words(*span_of("Rose & Sam are coming", "Sam"))


def test_a_word_run_into_a_post_head_is_a_post() -> None:
    text = "Ringmaster Olufemi wants the order"
    start, end = without_leading_post(*span_of(text, "Ringmaster Olufemi"))
    assert text[start:end] == "Olufemi"
    assert is_post("Quizmaster")
    assert not is_post("Lancaster")
    assert not is_post("Fishguard")  # a town, not a guard


def test_an_organisation_with_no_name_left_after_its_post_is_not_cut() -> None:
    text = "escalated to Executive Complaints today"
    _, start, end = span_of(text, "Executive Complaints")
    raw = (RawSpan("ORGANIZATION", start, end, 0.85, "SpacyRecognizer"),)
    found = _text_findings(MessageId(1), text, raw, CaseContext(Regime.SAR, ()))
    assert "Complaints" not in [f.text for f in found]
