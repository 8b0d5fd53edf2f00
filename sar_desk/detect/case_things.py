"""Names a whole case shows to be things, not people (issue 15, round 18).

Animals, tables, stretches of river and apple trees carry people's names, and chat names
them many times without saying what they are. Somewhere in the case one message usually
does, by where the name stands beside a common noun (`thing_positions`: "Kevin the alpaca",
"the Joe Davis table", "her late cat Mr Biscuits") or beside a kind of animal, bell, boat or
machine, a weight in grams, a deed or a part only those have (`creature_positions`, round 20:
"kestrel Kevin 198g", "the bell is called Kevin", "Kevin perched", "Kevin's jesses").

A name is a thing for the case only when no message shows it as a person: a title before
it, a family name after it, a speech verb after it ("Kevin said"), a person noun after its
possessive ("Kevin's mum"), a person cue before it ("told Kevin", "hi Kevin"), a person noun
beside it ("the cleaner Kevin", "Kevin (cleaner)"), a phone number or an e-mail address
right after it, a line that opens with it and a colon (a sender), a listed given name before
it ("Jo Harris") or a person noun before "called" ("a lad called Kevin"). Nor when one shows it
as a place ("in Ely", "near Garsdale", "the Calcethorpe pitch": `town_sites.town_modifier`),
or it is a listed town or village: a PERSON guess on a place still covers it for redaction.
A name known to the case (its people table) is never a thing. `case_things` returns the keys
of such names;
`analyze.analyze_all` drops PERSON proposals on them before the spread, and the detection
job does not spread them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import lru_cache

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer
from sar_desk.detect.creature_positions import called_person, creature_at
from sar_desk.detect.creature_words import part_word
from sar_desk.detect.modifier_positions import modifier_at
from sar_desk.detect.thing_positions import noun_before, person_noun, thing_at
from sar_desk.detect.town_sites import town_modifier

# An epithet before a given name, part of how the person is called ("the miller Old Amos").
_EPITHET_BEFORE = re.compile(r"(?:\b(?:Old|Young|Little|Big|Great|Wee)[ \t]+)+$")
_TITLE_BEFORE = re.compile(
    r"(?i)\b(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|cllr|rev|revd|lady|lord)\.?[ \t]+$"
)
_SAYS_AFTER = re.compile(
    r"(?i)^(?:['’]s)?[ \t]+(?:said|says|rang|phoned|emailed|texted|messaged|replied|wrote|"
    r"asked|asks|told|tells|reckons|thinks|agreed|confirmed|signed|complained|mentioned|"
    r"explained|apologised|promised|is[ \t]+on[ \t]+(?:\+44|0)\d)\b"
)
_CUE_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:tell|told|ask|asked|asking|thank|thanks|cheers|ta|cc|ping|remind|hi|"
    r"hey|hiya|dear|morning|spoke[ \t]+to|speak[ \t]+to|rang|ring|phoned|emailed|texted|"
    r"messaged|love|from)[ \t,]+$"
)
_PLACE_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:in|at|near|nr|to|via|outside|around|towards|into|through|past)[ \t]+$"
)
_POSSESSED = re.compile(r"^['’]s[ \t]+([a-z]+)")
_BRACKET_AFTER = re.compile(r"^[ \t]*[(,][ \t]*(?:the[ \t]+|our[ \t]+|a[ \t]+)?([a-z]+)[ \t]*[),]")
_CONTACT_AFTER = re.compile(
    r"(?i)^[ \t]*[,:–—-]?[ \t]*(?:on[ \t]+|tel[ \t:.]+|mob[ \t:.]+)?"
    r"(?:(?:\+44|0)[\d ]{9,13}\d|[\w.+-]+@[\w-]+\.[\w.]+)"
)
_SURNAME_AFTER = re.compile(r"^[ \t]+([A-Z][a-z][\w'’-]*)")
# Describing words that open a thing's name ("Old Gordon"), not given names before a surname.
_DESCRIBING = frozenset({"old", "little", "big", "young", "new", "wee", "baby"})
_GIVEN_BEFORE = re.compile(r"(?:^|[^\w'’-])([A-Z][a-z][\w'’-]*)[ \t]+$")


def person_at(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands as a person's (see above)."""
    before = text[max(0, start - 24) : start]
    after = text[end : end + 60]
    if _TITLE_BEFORE.search(before) or _CUE_BEFORE.search(before) or before.endswith("@"):
        return True
    if _PLACE_BEFORE.search(before) or town_modifier(text, start, end):
        # "lives in Ely", "near Garsdale", "the Calcethorpe pitch": a place, which a PERSON
        # guess still covers
        return True
    if _SAYS_AFTER.match(after) or _CONTACT_AFTER.match(after):
        return True
    owned = _POSSESSED.match(after)
    if (
        owned is not None
        and person_noun(owned.group(1))
        and owned.group(1) != "owner"
        and not part_word(owned.group(1))
    ):
        return True  # "Kevin's mum"; "Monty's owner", "Big Tom's clapper" are a thing's
    bracket = _BRACKET_AFTER.match(after)
    if bracket is not None and person_noun(bracket.group(1)):
        return True  # "Kevin (cleaner)", "Kevin, the plumber,"
    noun = noun_before(text, start)
    if noun is None and (epithet := _EPITHET_BEFORE.search(before)) is not None:
        noun = noun_before(text, epithet.start() + max(0, start - 24))
    if noun is not None and person_noun(noun[1]):
        return True  # "our cleaner Kevin", "the miller Old Amos"
    surname = _SURNAME_AFTER.match(after)
    if surname is not None and any(
        gazetteer.current().is_surname(part)
        for part in re.split(r"[-'’]", surname.group(1).casefold())
    ):
        return True  # "Kevin Price", "Kevin Petrović-Shaw": a family name attached
    given = _GIVEN_BEFORE.search(before)
    if (
        given is not None
        and given.group(1).casefold() not in _DESCRIBING
        and gazetteer.current().is_first_name(given.group(1).casefold())
    ):
        return True  # "Jo Harris": a family name with its given name
    if called_person(text, start):
        return True  # "a lad called Nigel"
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end : end + 1] == ":"


def case_things(
    texts: Iterable[str], names: Iterable[str], known: Container[str] = ()
) -> frozenset[str]:
    """The keys of `names` that the case's `texts` show to be things and never people.

    Args:
        texts: Every message text of the case.
        names: The texts of the case's PERSON proposals.
        known: Name keys of the case's people table; such a name is never a thing.
    """
    wanted = {thing_key(n) for n in names}
    gaz = gazetteer.current()
    # A listed town or village keeps its guess: a PERSON proposal on it still covers a place.
    wanted = {
        k
        for k in wanted
        if len(k) >= 3 and k not in known and not (gaz.is_place(k) or gaz.is_village(k))
    }
    if not wanted:
        return frozenset()
    longest = max(len(_WORD.findall(k)) for k in wanted)
    firsts = {_WORD.findall(k)[0] for k in wanted if _WORD.findall(k)}
    thing: set[str] = set()
    person: set[str] = set()
    heads: dict[str, set[str]] = {}  # a given name: the full names it stood in as a person
    for text in texts:
        for start, end in _occurrences(text, wanted, firsts, longest):
            key = thing_key(text[start:end])
            # "Kizzy Bakker" is matched whole, longest first; its given name standing before
            # a family name is person evidence for a lone "Kizzy" too, unless the whole name
            # turns out a thing ("Agnes Rose", a boat).
            head = _WORD.match(text, start)
            if (
                head is not None
                and head.end() < end
                and thing_key(head.group()) in wanted
                and person_at(text, start, head.end())
            ):
                heads.setdefault(thing_key(head.group()), set()).add(key)
            if key in person:
                continue
            # Person evidence first ("tell Kevin the van is ready"); a thing only as written
            # with a capital ("the bill came in" is the word).
            if person_at(text, start, end):
                person.add(key)
            elif text[start].isupper() and (
                thing_at(text, start, end)
                or modifier_at(text, start, end)
                or creature_at(text, start, end)
            ):
                thing.add(key)
    person.update(h for h, fulls in heads.items() if any(f not in thing for f in fulls))
    return frozenset(thing - person)


_EDGE = " \t\n.,:;!?()[]\"“”‘’'"
_WORD = re.compile(r"[^\W_]+")
_JOINED = "'’-"


@lru_cache(maxsize=65536)
def _folded(value: str) -> str:
    return name_key(value)


def _occurrences(
    text: str, wanted: set[str], firsts: set[str], longest: int
) -> list[tuple[int, int]]:
    """Where the `wanted` names (by `name_key`) stand in `text` as whole words, longest first.

    Words are looked up a few at a time, not with one pattern of every name: a case has
    thousands of names and a hundred thousand messages.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        start = words[i][0]
        if start and (text[start - 1] in _JOINED or text[start - 1].isalnum()):
            i += 1  # "Neill" of "O'Neill", "Smith" of "Jones-Smith"
            continue
        if _folded(text[start : words[i][1]]) not in firsts:
            i += 1  # no name of the case opens with this word
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            end = words[i + n - 1][1]
            follows = text[end : end + 1]
            if follows == "-" or follows.isalnum() or follows == "_":
                continue
            if _folded(text[start:end]) in wanted:
                out.append((start, end))
                i += n - 1
                break
        i += 1
    return out


# Recognisers that read the case itself: what they find is a known person, never dropped.
CASE_SOURCES = frozenset({"CaseDenyList", "CaseStructure"})


def thing_key(value: str) -> str:
    """The key `case_things` gives a proposal's text (a possessive "'s" dropped)."""
    return name_key(value.strip(_EDGE).removesuffix("'s").removesuffix("’s").strip(_EDGE))


def thing_keys(
    texts: Iterable[str], found: Iterable[Finding], known: Container[str]
) -> frozenset[str]:
    """`case_things` of the case's PERSON proposals in `found` (those the model or a list made)."""
    names = [
        f.text
        for f in found
        if f.entity_type == "PERSON"
        and f.field == ProposalField.TEXT
        and f.recognizer not in CASE_SOURCES
    ]
    return case_things(texts, names, known) if names else frozenset()


def without_thing_names(found: Iterable[Finding], things: frozenset[str]) -> list[Finding]:
    """`found` without the PERSON proposals on names in `things` (`thing_keys`)."""
    return [
        f
        for f in found
        if not (
            things
            and f.entity_type == "PERSON"
            and f.field == ProposalField.TEXT
            and f.recognizer not in CASE_SOURCES
            and thing_key(f.text) in things
        )
    ]
