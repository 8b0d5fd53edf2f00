"""The case deny-list: every known name, handle, e-mail and phone in one pass."""

from __future__ import annotations

from sar_desk.core.model import PersonId, PersonRole, Regime
from sar_desk.core.text import trie_pattern
from sar_desk.detect.case_terms import CaseContext, KnownPerson

SAM = KnownPerson(
    PersonId(2),
    PersonRole.THIRD_PARTY,
    names=("Sam Patel", "Sammy"),
    handles=("@spatel",),
    phones=("07700 900123",),
    emails=("sam.p@example.org",),
)
WILL = KnownPerson(PersonId(3), PersonRole.STAFF, names=("Will Turner",))
CONTEXT = CaseContext(Regime.SAR, (SAM, WILL), region="GB")


def found(text: str) -> list[tuple[str, str, frozenset[PersonId | None]]]:
    return [
        (text[h.start : h.end], h.entity_type, h.person_ids) for h in CONTEXT.matcher.find(text)
    ]


def test_matches_names_in_any_case_and_their_parts() -> None:
    hits = found("sam said SAMMY told Mr Patel and sam patel")
    assert [h[0] for h in hits] == ["sam", "SAMMY", "Mr Patel", "sam patel"]
    assert all(h[1] == "PERSON" and h[2] == {PersonId(2)} for h in hits)


def test_matches_phone_digits_whatever_the_spacing() -> None:
    for written in ("07700900123", "07700 900 123", "+44 7700 900123", "(07700) 900-123"):
        hits = found(f"ring {written} today")
        assert [(h[0], h[1]) for h in hits] == [(written, "PHONE_NUMBER")], written


def test_matches_handles_and_emails() -> None:
    hits = found("cc @spatel or sam.p@example.org")
    assert ("@spatel", "PERSON", frozenset({PersonId(2)})) in hits
    assert ("sam.p@example.org", "EMAIL_ADDRESS", frozenset({PersonId(2)})) in hits


def test_known_names_that_are_words_match_in_any_case_but_not_as_words() -> None:
    # Will Turner is a participant: "ask will" is him; "I will", "the will" are words.
    assert [h[0] for h in found("I will ask will about the will, Will")] == ["will", "Will"]


def test_propagated_names_that_are_words_do_not_match_as_the_word() -> None:
    wider = CaseContext(Regime.SAR, ()).with_propagated(["Mark"])
    assert [(h.start, h.end) for h in wider.matcher.find("mark it, Mark")] == [(9, 13)]


def test_placeholder_accounts_are_never_name_terms() -> None:
    ghosts = KnownPerson(
        PersonId(9), names=("Deleted User", "Author 1", "You", "🌸🌸", "Hello World")
    )
    context = CaseContext(Regime.SAR, (ghosts,))
    text = "This message was deleted. you said hello world to Author 1"
    assert context.matcher.find(text) == []


def test_initials_of_a_known_third_party_are_found_but_not_acronyms() -> None:
    ruth = KnownPerson(PersonId(4), PersonRole.THIRD_PARTY, names=("Ruth Okoro",))
    hattie = KnownPerson(PersonId(5), PersonRole.THIRD_PARTY, names=("Hattie Reid",))
    context = CaseContext(Regime.SAR, (ruth, hattie))
    hits = context.matcher.find("RO rang about her HR claim; ro and PRO are not initials")
    assert [(h.start, h.end, h.kind, h.person_ids) for h in hits] == [
        (0, 2, "initials", frozenset({PersonId(4)}))
    ]


def test_initials_that_are_abbreviations_need_a_verb() -> None:
    nurse = KnownPerson(PersonId(6), PersonRole.THIRD_PARTY, names=("Rhian Nash",))
    context = CaseContext(Regime.SAR, (nurse,))
    text = "RN asked for her notes; the RN on shift said no"
    assert [(h.start, h.end) for h in context.matcher.find(text)] == [(0, 2)]


def test_does_not_match_inside_words() -> None:
    assert found("samples of sambuca") == []


def test_propagated_names_match_without_a_person() -> None:
    wider = CONTEXT.with_propagated(["Priya"])
    hits = wider.matcher.find("tell priya")
    assert [(h.kind, h.person_ids) for h in hits] == [("propagated", frozenset({None}))]


def test_trie_pattern_matches_exactly_its_terms() -> None:
    import re

    pattern = re.compile(f"^(?:{trie_pattern(['sam', 'samantha', 'sally'])})$")
    assert all(pattern.match(w) for w in ("sam", "samantha", "sally"))
    assert not any(pattern.match(w) for w in ("sa", "samanth", "sallyx"))


def test_words_of_bot_and_team_accounts_are_not_names() -> None:
    bot = KnownPerson(PersonId(5), PersonRole.UNKNOWN, names=("Repairs Bot",))
    matcher = CaseContext(Regime.SAR, (bot,)).matcher
    text = "the repairs at Elm Court, says Repairs Bot"
    assert [text[h.start : h.end] for h in matcher.find(text)] == ["Repairs Bot"]


def test_detection_and_the_leak_check_agree_on_names_and_numbers() -> None:
    from sar_desk.core.text import TermMatcher

    ruth = KnownPerson(
        PersonId(4), PersonRole.THIRD_PARTY, names=("Ruth Okoro",), phones=("07700 900456",)
    )
    context = CaseContext(Regime.SAR, (ruth,), region="GB")
    leak_check = TermMatcher(["Ruth Okoro", "07700 900456"], "GB")
    for text in ("#ruth-okoro-case", "ruth_okoro", "Rúth Okoro", "call +44 7700 900-456"):
        hits = context.matcher.find(text)
        assert [h.person_ids for h in hits] == [frozenset({PersonId(4)})], text
        assert leak_check.find(text), text


def test_national_numbers_need_the_case_region() -> None:
    us = KnownPerson(PersonId(5), PersonRole.THIRD_PARTY, phones=("(202) 555-0143",))
    hits = CaseContext(Regime.SAR, (us,), region="US").matcher.find(
        "ring 202 555 0143 or +1 202-555-0143"
    )
    assert [h.entity_type for h in hits] == ["PHONE_NUMBER", "PHONE_NUMBER"]
    assert CaseContext(Regime.SAR, (us,)).phone_index == {}


def test_function_word_name_parts_match_only_where_they_read_as_names() -> None:
    # Test-suite accounts ("Person One") are placeholders; "Dr: Who" is not, but its "Who"
    # is a function word: only where it reads as the person.
    odd = KnownPerson(PersonId(7), PersonRole.THIRD_PARTY, names=("Dr: Who", "Person One"))
    context = CaseContext(Regime.SAR, (odd,))
    text = "Who has the keys? Back in one second. Who rang? ask who"
    hits = [text[h.start : h.end] for h in context.matcher.find(text)]
    assert hits == ["Who", "who"]  # "Who rang?" and "ask who", not the question or "one"
    # Someone whose name is a function word is still found where it reads as them.
    assert [h[0] for h in found("Will rang. Will you call?")] == ["Will"]


def test_initials_after_a_time_are_the_time() -> None:
    ann = KnownPerson(PersonId(8), PersonRole.THIRD_PARTY, names=("Ann Marsh",))
    context = CaseContext(Regime.SAR, (ann,))
    assert context.matcher.find("Mar 03, 2024 9:00:00 AM was the slot") == []
    assert [(h.start, h.end) for h in context.matcher.find("AM was late")] == [(0, 2)]


def test_surname_particles_are_not_names_on_their_own() -> None:
    sanne = KnownPerson(PersonId(9), PersonRole.THIRD_PARTY, names=("Sanne de Vries",))
    context = CaseContext(Regime.SAR, (sanne,))
    text = "Daan heeft de groep verlaten; Sanne de Vries and Vries stay"
    assert [text[h.start : h.end] for h in context.matcher.find(text)] == [
        "Sanne de Vries",
        "Vries",
    ]
