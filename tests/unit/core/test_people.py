"""People resolution: strong keys merge, names only suggest."""

from __future__ import annotations

from sar_desk.core.model import IdentifierKind, Participant, ParticipantId, PersonId
from sar_desk.core.people import (
    Nicknames,
    SuggestionKind,
    compare_names,
    match_requester,
    resolve,
    strong_key,
    suggest_merges,
)

NICKS = Nicknames([["joanne", "jo"], ["josephine", "jo"], ["alexander", "alex"], ["thomas", "tom"]])


def part(
    pid: int,
    platform: str,
    kind: IdentifierKind,
    ident: str,
    person: int | None = None,
    name: str | None = None,
) -> Participant:
    return Participant(
        ParticipantId(pid),
        platform,
        kind,
        ident,
        name,
        PersonId(person) if person is not None else None,
    )


def test_same_phone_on_two_platforms_is_one_person() -> None:
    parts = [
        part(1, "whatsapp", IdentifierKind.PHONE, "+447700900123"),
        part(2, "sms", IdentifierKind.PHONE, "+447700900123"),
    ]
    result = resolve(parts, [])
    assert result.new_people == [(1, 2)]


def test_export_links_join_platform_ids_through_email() -> None:
    parts = [
        part(1, "teams", IdentifierKind.PLATFORM_ID, "aad-1"),
        part(2, "slack", IdentifierKind.PLATFORM_ID, "U1"),
    ]
    email = strong_key("", IdentifierKind.EMAIL, "Jo@Example.org")
    links = [
        (strong_key("teams", IdentifierKind.PLATFORM_ID, "aad-1"), email),
        (strong_key("slack", IdentifierKind.PLATFORM_ID, "U1"), email),
    ]
    result = resolve(parts, links)  # type: ignore[arg-type]
    assert result.new_people == [(1, 2)]


def test_platform_ids_only_match_within_their_platform() -> None:
    parts = [
        part(1, "teams", IdentifierKind.PLATFORM_ID, "123"),
        part(2, "slack", IdentifierKind.PLATFORM_ID, "123"),
    ]
    assert len(resolve(parts, []).new_people) == 2


def test_same_name_is_never_merged_automatically() -> None:
    parts = [
        part(1, "whatsapp", IdentifierKind.NAME, "Jo Bloggs"),
        part(2, "slack", IdentifierKind.NAME, "Jo Bloggs"),
    ]
    assert len(resolve(parts, []).new_people) == 2


def test_new_identity_joins_existing_person_and_split_people_stay_apart() -> None:
    parts = [
        part(1, "whatsapp", IdentifierKind.PHONE, "+447700900123", person=10),
        part(2, "sms", IdentifierKind.PHONE, "+447700900123", person=11),
        part(3, "signal", IdentifierKind.PHONE, "+447700900123"),
    ]
    result = resolve(parts, [], [frozenset((PersonId(10), PersonId(11)))])
    assert result.merges == []
    assert result.join == {3: 10}
    merged = resolve(parts, [])
    assert [(m.keep, m.absorb) for m in merged.merges] == [(10, 11)]


def test_nicknames_and_initials_score_as_suggestions() -> None:
    assert compare_names("jo bloggs", "joanne bloggs", NICKS) == (
        92,
        "same surname, first names are forms of one name",
    )
    assert compare_names("j bloggs", "joanne bloggs", NICKS)[0] == 85  # type: ignore[index]
    assert compare_names("jo b", "jo bloggs", NICKS)[0] == 80  # type: ignore[index]
    assert compare_names("tom reed", "priya shah", NICKS) is None


def test_suggest_merges_offers_name_matches_but_not_blocked_pairs() -> None:
    names = {
        PersonId(1): ("jo bloggs",),
        PersonId(2): ("joanne bloggs",),
        PersonId(3): ("tom reed",),
    }
    found = suggest_merges(names, NICKS)
    assert [(c.person_id, c.other_id, c.kind) for c in found] == [(1, 2, SuggestionKind.MERGE)]
    assert suggest_merges(names, NICKS, [frozenset((PersonId(1), PersonId(2)))]) == []


def test_requester_strong_alias_marks_and_name_alias_suggests() -> None:
    keys = {
        PersonId(1): {strong_key("", IdentifierKind.PHONE, "+447911123456")},
        PersonId(2): set(),
    }
    names = {PersonId(1): ("alex morgan",), PersonId(2): ("alexander morgan",)}
    strong, suggestions = match_requester(
        ["Alex Morgan", "+44 7911 123456"],
        keys,
        names,
        {},
        NICKS,  # type: ignore[arg-type]
    )
    assert strong == {1}
    assert [(s.person_id, s.kind) for s in suggestions] == [(2, SuggestionKind.REQUESTER)]
