"""SAR and FOI policies: the requester is never proposed in a SAR; FOI codes; officials."""

from __future__ import annotations

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.policy import apply_policy

ALEX = KnownPerson(
    PersonId(1),
    PersonRole.REQUESTER,
    names=("Alex Morgan",),
    phones=("+44 7911 123456",),
    emails=("alex.morgan@example.org",),
)
SAM = KnownPerson(PersonId(2), PersonRole.THIRD_PARTY, names=("Sam Patel",))
BOSS = KnownPerson(
    PersonId(3),
    PersonRole.STAFF,
    official_capacity=True,
    names=("Dana Reid",),
    phones=("0113 496 0000",),
)
ALIASES = ("Alex Morgan", "+44 7911 123456", "alex.morgan@example.org")


def finding(text: str, entity: str = "PERSON", person: int | None = None) -> Finding:
    return Finding(
        MessageId(1),
        ProposalField.TEXT,
        0,
        len(text),
        text,
        entity,
        0.9,
        "test",
        person_id=PersonId(person) if person else None,
    )


def context(regime: Regime, *people: KnownPerson) -> CaseContext:
    return CaseContext(regime, people or (ALEX, SAM, BOSS), ALIASES, region="GB")


def test_sar_never_proposes_the_requesters_identifiers() -> None:
    own = [
        finding("Alex Morgan"),
        finding("ALEX MORGAN"),
        finding("Mr Morgan"),
        finding("Alex"),
        finding("07911 123456", "PHONE_NUMBER"),
        finding("+447911123456", "PHONE_NUMBER"),
        finding("Alex.Morgan@example.org", "EMAIL_ADDRESS"),
        finding("someone", person=1),
    ]
    assert apply_policy(own, context(Regime.SAR)) == []


def test_sar_proposes_third_parties_under_para_16() -> None:
    out = apply_policy([finding("Sam Patel", person=2)], context(Regime.SAR))
    assert len(out) == 1
    assert "para 16" in out[0].explanation


def test_sar_proposes_a_first_name_the_requester_shares_with_someone() -> None:
    other_alex = KnownPerson(PersonId(4), PersonRole.THIRD_PARTY, names=("Alex Shah",))
    out = apply_policy([finding("Alex")], context(Regime.SAR, ALEX, SAM, other_alex))
    assert [f.text for f in out] == ["Alex"]


def test_person_named_like_the_requester_is_treated_as_the_requester() -> None:
    unmarked = KnownPerson(PersonId(9), PersonRole.UNKNOWN, names=("Alex Morgan",))
    out = apply_policy([finding("Alex", person=9)], context(Regime.SAR, unmarked, SAM))
    assert out == []


def test_sar_official_capacity_staff_are_proposed_with_the_balancing_note() -> None:
    out = apply_policy([finding("Dana Reid", person=3)], context(Regime.SAR))
    assert "official capacity" in out[0].explanation
    assert out[0].score == 0.9


def test_foi_proposes_the_requesters_data_under_s40_1() -> None:
    out = apply_policy(
        [finding("Alex Morgan", person=1), finding("07911 123456", "PHONE_NUMBER")],
        context(Regime.FOI),
    )
    assert len(out) == 2
    assert all("s.40(1)" in f.explanation for f in out)


def test_eir_and_foisa_use_their_own_codes() -> None:
    eir = apply_policy(
        [finding("Alex Morgan"), finding("Sam Patel", person=2)], context(Regime.EIR)
    )
    assert "reg. 5(3)" in eir[0].explanation
    assert "reg. 13" in eir[1].explanation
    foisa = apply_policy([finding("Sam Patel", person=2)], context(Regime.FOISA))
    assert "s.38(1)(b)" in foisa[0].explanation


def test_foi_suggests_officials_names_with_a_lower_score_but_not_their_numbers() -> None:
    out = apply_policy(
        [finding("Dana Reid", person=3), finding("0113 496 0000", "PHONE_NUMBER", person=3)],
        context(Regime.FOI),
    )
    name, number = out
    assert name.score < 0.9
    assert "Suggestion only" in name.explanation
    assert number.score == 0.9
    assert "s.40(2)" in number.explanation


def test_sar_allows_the_requesters_platform_account_id() -> None:
    alex = KnownPerson(
        PersonId(1), PersonRole.REQUESTER, names=("Alex Morgan",), handles=("U0ALEXM01",)
    )
    header = Finding(
        MessageId(1), ProposalField.SENDER, None, None, "U0ALEXM01", "PERSON", 0.9, "CaseStructure"
    )
    assert apply_policy([header], context(Regime.SAR, alex, SAM)) == []


def test_sar_keeps_an_address_spelled_from_the_requesters_full_name() -> None:
    # The request came from an address nobody typed in as an alias; it is still the requester's.
    own = [
        finding(text, "EMAIL_ADDRESS")
        for text in (
            "alex_morgan@example.net",
            "AlexMorgan@example.com",
            "morgan.alex@example.org",
            "alex.morgan2@example.org",
        )
    ]
    assert apply_policy(own, context(Regime.SAR)) == []


def test_sar_proposes_addresses_that_only_share_the_requesters_given_name() -> None:
    # A given name alone is shared by too many people; another person's name is theirs.
    others = [
        finding(text, "EMAIL_ADDRESS")
        for text in ("alex@example.org", "alex.m@example.org", "sam.patel@example.org")
    ]
    assert [f.text for f in apply_policy(others, context(Regime.SAR))] == [f.text for f in others]


def test_sar_keeps_addresses_spelled_from_the_requesters_family_name_or_initial() -> None:
    # Round 10: "a.morgan@" and "morgan@" are the requester's when no other known person is
    # called Morgan (the allow-list already keeps a bare surname nobody else shares).
    own = [finding(t, "EMAIL_ADDRESS") for t in ("a.morgan@example.org", "morgan@example.org")]
    assert apply_policy(own, context(Regime.SAR)) == []


def test_a_spelled_address_is_proposed_when_it_also_spells_another_known_person() -> None:
    # "Morgan Alex" is someone else: morgan.alex@ may be theirs, so it is not assumed.
    namesake = KnownPerson(PersonId(4), PersonRole.THIRD_PARTY, names=("Morgan Alex",))
    found = [finding("morgan.alex@example.net", "EMAIL_ADDRESS")]
    kept = apply_policy(found, context(Regime.SAR, ALEX, SAM, namesake))
    assert [f.text for f in kept] == ["morgan.alex@example.net"]
