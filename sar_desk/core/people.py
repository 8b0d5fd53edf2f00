"""Resolving participants into people: strong-key merges and name-based suggestions (pure).

Two identities are merged automatically only when they share a strong key — the same E.164
phone number, e-mail address or platform user id — or when an export links two such keys
itself (a Slack user id and its e-mail). Anything resting on names (nicknames, spelling,
WhatsApp contact names) is only ever a *suggestion* for a person to confirm, because merging
two different people would disclose one person's messages to another.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sar_desk.core.identity import classify_identifier, name_key
from sar_desk.core.model import IdentifierKind, Participant, Person, PersonId

MIN_SUGGESTION_SCORE = 70


class SuggestionKind(enum.StrEnum):
    """What accepting a suggestion does."""

    MERGE = "merge"
    REQUESTER = "requester"


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """A person with their identifiers grouped by platform and how many messages they sent."""

    person: Person
    identifiers: dict[str, tuple[str, ...]]
    message_count: int


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A name-based match offered for a person to confirm or dismiss."""

    id: int
    kind: SuggestionKind
    person_id: PersonId
    other_id: PersonId | None
    score: int
    reason: str
    status: str = "open"


@dataclass(frozen=True, slots=True)
class PersonDecision:
    """A recorded merge, split, mark or suggestion decision (who, when, what, why)."""

    id: int
    at: str
    user: str
    action: str
    person_id: PersonId
    other_id: PersonId | None
    automatic: bool
    reason: str
    details: dict[str, object] = field(default_factory=dict)


def strong_key(platform: str, kind: IdentifierKind | str, identifier: str) -> str | None:
    """The merge key of an identity, or None when it is not strong (names, handles).

    Phones and e-mails mean the same across platforms; a platform user id only within its
    platform, so it is keyed with the platform name.
    """
    kind = IdentifierKind(kind)
    if not kind.strong:
        return None
    if kind is IdentifierKind.PLATFORM_ID:
        return f"{kind}:{platform}:{identifier}"
    return f"{kind}:{identifier.casefold() if kind is IdentifierKind.EMAIL else identifier}"


def key_label(key: str) -> str:
    """What kind of key it is, for the record of why a merge happened ("phone", "email")."""
    return key.split(":", 1)[0]


# ---------------------------------------------------------------- strong-key resolution


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(frozen=True, slots=True)
class AutoMerge:
    """Two existing people joined because a strong key connects them."""

    keep: PersonId
    absorb: PersonId
    basis: tuple[str, ...]


@dataclass
class Resolution:
    """What strong-key resolution decided.

    Attributes:
        join: Unassigned participant id -> existing person it joins.
        new_people: Groups of unassigned participant ids that each become a new person.
        merges: Existing people to merge (strong key in common, not separated by a person).
        basis: Per new group index or joined participant, the kinds of key that connected it.
    """

    join: dict[int, PersonId] = field(default_factory=dict)
    new_people: list[tuple[int, ...]] = field(default_factory=list)
    merges: list[AutoMerge] = field(default_factory=list)
    basis: dict[int, tuple[str, ...]] = field(default_factory=dict)


def resolve(
    participants: Sequence[Participant],
    links: Iterable[tuple[str, str]],
    separated: Iterable[frozenset[PersonId]] = (),
) -> Resolution:
    """Group participants by strong keys and export links.

    Participants already assigned to a person stay there; unassigned ones join the person
    their keys lead to, or form new people. Two existing people are merged only when a strong
    key joins them and no one has split them apart before.
    """
    blocked = set(separated)
    uf = _UnionFind()
    keys_of: dict[int, str] = {}
    for part in participants:
        node = f"p:{part.id}"
        uf.find(node)
        key = strong_key(part.platform, part.kind, part.identifier)
        if key:
            keys_of[int(part.id)] = key
            uf.union(node, f"k:{key}")
    for a, b in links:
        uf.union(f"k:{a}", f"k:{b}")
    components: dict[str, list[Participant]] = defaultdict(list)
    for part in participants:
        components[uf.find(f"p:{part.id}")].append(part)
    result = Resolution()
    for members in components.values():
        basis = _basis([keys_of.get(int(p.id)) for p in members])
        people = sorted({p.person_id for p in members if p.person_id is not None})
        fresh = [int(p.id) for p in members if p.person_id is None]
        if people:
            keep = people[0]
            for other in people[1:]:
                if frozenset((keep, other)) in blocked or frozenset((other, keep)) in blocked:
                    continue
                result.merges.append(AutoMerge(keep, other, basis))
            for pid in fresh:
                result.join[pid] = keep
                result.basis[pid] = basis
        elif fresh:
            result.basis[len(result.new_people)] = basis
            result.new_people.append(tuple(sorted(fresh)))
    return result


def _basis(keys: list[str | None]) -> tuple[str, ...]:
    present = [key_label(k) for k in keys if k]
    return tuple(sorted(set(present))) if len(present) > 1 else ()


def best_display_name(parts: Sequence[Participant]) -> str:
    """The name to show for a new person: the commonest real name, else an identifier."""
    if not parts:
        return "Unknown"
    names = Counter(
        p.display_name.strip()
        for p in parts
        if p.display_name and classify_identifier(p.display_name)[0] is IdentifierKind.NAME
    )
    if names:
        return names.most_common(1)[0][0].lstrip("~").strip() or parts[0].identifier
    return parts[0].display_name or parts[0].identifier


# ---------------------------------------------------------------- names and nicknames


class Nicknames:
    """Groups of interchangeable first names (Jo / Joanne / Josephine)."""

    def __init__(self, groups: Iterable[Iterable[str]]) -> None:
        self._groups: dict[str, set[int]] = defaultdict(set)
        for index, group in enumerate(groups):
            for name in group:
                self._groups[name_key(name)].add(index)

    def equivalent(self, a: str, b: str) -> bool:
        """Whether two first names can be the same person's (same name or a known diminutive)."""
        ka, kb = name_key(a), name_key(b)
        if ka == kb:
            return True
        return bool(self._groups.get(ka, set()) & self._groups.get(kb, set()))


def person_names(values: Iterable[str]) -> tuple[str, ...]:
    """The name keys among display names (phone numbers, e-mails and handles left out)."""
    found: dict[str, None] = {}
    for value in values:
        if value and classify_identifier(value)[0] is IdentifierKind.NAME:
            key = name_key(value)
            if key and any(ch.isalpha() for ch in key):
                found[key] = None
    return tuple(found)


def compare_names(a: str, b: str, nicknames: Nicknames) -> tuple[int, str] | None:
    """Score two name keys: (score, reason) when they may be one person, else None."""
    if a == b:
        return 100, "same name"
    ta, tb = a.split(), b.split()
    if len(ta) >= 2 and len(tb) >= 2:
        if ta[-1] == tb[-1]:
            if nicknames.equivalent(ta[0], tb[0]):
                return 92, "same surname, first names are forms of one name"
            if (len(ta[0]) == 1 or len(tb[0]) == 1) and ta[0][0] == tb[0][0]:
                return 85, "same surname and first initial"
        short_surname = len(ta[-1]) == 1 or len(tb[-1]) == 1
        if short_surname and ta[-1][0] == tb[-1][0] and nicknames.equivalent(ta[0], tb[0]):
            return 80, "same first name and surname initial"
    spelling = int(fuzz.token_sort_ratio(a, b))
    if spelling >= 90:
        return spelling, "similar spelling"
    return None


def _first_name_only(a: str, b: str, nicknames: Nicknames) -> bool:
    ta, tb = a.split(), b.split()
    if (len(ta) == 1) == (len(tb) == 1):
        return False
    return nicknames.equivalent(ta[0], tb[0])


@dataclass(frozen=True, slots=True)
class Candidate:
    """A suggested pair (or requester match) before it is stored."""

    kind: SuggestionKind
    person_id: PersonId
    other_id: PersonId | None
    score: int
    reason: str


def suggest_merges(
    names: Mapping[PersonId, tuple[str, ...]],
    nicknames: Nicknames,
    blocked: Iterable[frozenset[PersonId]] = (),
) -> list[Candidate]:
    """Name-based merge suggestions between people (never merges).

    Pairs are only compared when they share a surname, a first name form, or a close
    spelling (found with rapidfuzz in bulk), so a 500-person case stays quick.
    """
    skip = set(blocked)
    by_token: dict[str, set[PersonId]] = defaultdict(set)
    flat: list[tuple[PersonId, str]] = []
    for pid, keys in names.items():
        for key in keys:
            flat.append((pid, key))
            tokens = key.split()
            by_token["s:" + tokens[-1]].add(pid)
            by_token["f:" + tokens[0]].add(pid)
    pairs: set[tuple[PersonId, PersonId]] = set()
    for group in by_token.values():
        if len(group) < 60:  # a token shared by dozens of people says nothing
            ordered = sorted(group)
            pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    if flat:
        texts = [key for _, key in flat]
        matrix = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, score_cutoff=90)
        for i, j in zip(*matrix.nonzero(), strict=True):
            a, b = flat[int(i)][0], flat[int(j)][0]
            if a != b:
                pairs.add((min(a, b), max(a, b)))
    first_names = Counter(key.split()[0] for keys in names.values() for key in set(keys))
    found: list[Candidate] = []
    for a, b in sorted(pairs):
        if frozenset((a, b)) in skip:
            continue
        best = _best_pair(names[a], names[b], nicknames, first_names)
        if best is not None and best[0] >= MIN_SUGGESTION_SCORE:
            found.append(Candidate(SuggestionKind.MERGE, a, b, best[0], best[1]))
    return found


def _best_pair(
    a_names: Sequence[str], b_names: Sequence[str], nicknames: Nicknames, first_names: Counter[str]
) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for a in a_names:
        for b in b_names:
            score = compare_names(a, b, nicknames)
            # A bare first name only counts when it is rare in the case; "Sam" says little.
            rare = first_names[a.split()[0]] <= 2 and first_names[b.split()[0]] <= 2
            if score is None and rare and _first_name_only(a, b, nicknames):
                score = (70, "one name is only a first name")
            if score is not None and (best is None or score[0] > best[0]):
                best = score
    return best


def match_requester(
    aliases: Iterable[str],
    keys: Mapping[PersonId, set[str]],
    names: Mapping[PersonId, tuple[str, ...]],
    handles: Mapping[PersonId, set[str]],
    nicknames: Nicknames,
    region: str = "GB",
) -> tuple[set[PersonId], list[Candidate]]:
    """Find the requester among people from the case's aliases.

    Returns:
        People holding one of the requester's phone numbers or e-mail addresses (marked as
        the requester automatically), and name or handle matches to offer as suggestions.
    """
    strong: set[PersonId] = set()
    alias_names: list[str] = []
    alias_handles: set[str] = set()
    for alias in aliases:
        kind, value = classify_identifier(alias, region)
        key = (
            strong_key("", kind, value)
            if kind in (IdentifierKind.PHONE, IdentifierKind.EMAIL)
            else None
        )
        if key:
            strong.update(pid for pid, person_keys in keys.items() if key in person_keys)
        elif kind is IdentifierKind.HANDLE:
            alias_handles.add(value.lstrip("@").casefold())
        else:
            alias_names.extend(person_names([value]))
    suggestions: list[Candidate] = []
    for pid in sorted(set(names) | set(handles)):
        if pid in strong:
            continue
        best: tuple[int, str] | None = None
        if alias_handles & handles.get(pid, set()):
            best = (95, "same handle as a requester alias")
        for alias in alias_names:
            for name in names.get(pid, ()):
                score = compare_names(alias, name, nicknames)
                if score is None and len(alias.split()) == 1 and alias == name.split()[0]:
                    continue  # a bare first name alias alone is too weak to suggest
                if score is not None and (best is None or score[0] > best[0]):
                    best = (score[0], score[1] + " as a requester alias")
        if best is not None and best[0] >= MIN_SUGGESTION_SCORE:
            suggestions.append(Candidate(SuggestionKind.REQUESTER, pid, None, best[0], best[1]))
    return strong, suggestions
