"""Where a name stands as an animal's, a bell's or a vessel's in one message (issue 15, round 20).

`thing_positions` reads a name beside any common noun; this module knows the kinds that most
often carry people's names (animals, birds, bells, boats, vehicles and machines) and what only
such things do, so it reads positions the generic rule cannot trust for every noun:

- a kind right before the name, with no determiner or after a comma: "merlin Hilda 165g",
  "goshawk Bertram", "our buzzard, Percy,"; a kind opening the line and closing with "!" or
  ":" ("escaped ferret! Clover headed off"), or with the name alone in brackets ("the
  greyhound (Biscuit)"); a describing word may open the name ("the narrowboat Old Tilly");
- an apposition of up to four words closing on a kind, after the name and a describing word
  that may open it: "Little Horace the black runner duck", "Hester, our tenor bell,"; with a
  comma the phrase must close ("Sam, the dog needs a walk" speaks to Sam), and a trade in it
  keeps a person ("Sam the farrier shod the cob"); or said of the name: "Biscuit is a
  3-year-old Labrador cross", "Biscuit's our new puppy";
- a kind in brackets after it, with or without a determiner: "Percy (Lanner falcon)";
- a kind or another thing noun before "called"/"named": "that old ewe is called Rosalind";
- the name before an animal kind it modifies: "a Cooper hawk", "a Jack Russell terrier"
  (not before a noun, a trade or an activity: "Sam pony club", "Sam dog walking");
- a weight in grams (a bell's in hundredweight) or a height in hands after it ("Bertram
  742g", "Fenella 14 cwt", "Bramble 15.2hh"), a verb only an animal or a bell takes ("Percy
  perched", "Bramble foaled", "Hilda laid an egg"), a vet's or a farrier's work done to it
  ("Rex was neutered", "Bramble needs shoeing"), or a body part or a piece of kit only they
  have after its possessive ("Hilda's jesses", "Hester's clapper").

Kinds also said of people ("bird", "cow", "duck", "chick", "monkey") count only after "the",
"a", "an" or "our": "his bird Stacey" is his girlfriend, "silly cow Stacey" a person; after
"is a" they never count, nor after a saying ("a night owl", "a dark horse"). "Tenor",
"treble" and "boxer" are people too and count only before a kind ("the tenor bell").
The word lists are in `creature_words`.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect import gazetteer
from sar_desk.detect.creature_words import (
    DET_PLAIN,
    FIGURATIVE,
    FOOD,
    KINDS,
    NOT_ANIMALS,
    PEOPLE_TOO,
    SAYINGS,
    deed_word,
    kind_word,
    part_word,
)
from sar_desk.detect.thing_positions import person_noun, thing_noun

_WORD = r"[A-Za-z]+"
# Before the name: up to three words closing on the kind, then perhaps a comma or a dash
# ("our hawk, Maggie"), or "!"/":" when the words open the line ("lost bird! Maggie"); a
# describing word may open the name ("the van Old Gertie").
_KIND_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(•·]))((?:{_WORD}[ \t]+){{0,3}}?)({_WORD})[ \t]*([,:!–—-]?|[ \t]\()[ \t]*"
    r"(?:(?:Old|Little|Big|Young)[ \t]+)?$"
)
_CLAUSE_END = ".!?;:(•·–—-"
# An apposition opens its clause, perhaps after a describing word ("Old Gordon the cock").
_OPENS = re.compile(
    r"(?:^|[.,;:!?()\n•·–—-][ \t]*|(?:^|[ \t])(?:and|with|by|then)[ \t]+)"
    r"(?:(?:[Oo]ld|[Ll]ittle|[Bb]ig|[Yy]oung)[ \t]+)?$"
)
# After the name: "the blue bar cock won", "the tenor bell," (the words are read one by one).
_APPOSED = re.compile(r"^,?[ \t]+(the|our|my|his|her|their|a|an)[ \t]+")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
# "Biscuit is a rescue greyhound", "Biscuit's our new puppy": the name is the kind.
_PREDICATE = re.compile(r"^[ \t]+(?:is|was)[ \t]+(a|an|our|my)[ \t]+|^['’]s[ \t]+(a|an|our)[ \t]+")
_BRACKET = re.compile(
    rf"^[ \t]*\([ \t]*(?:(the|a|an|our|my)[ \t]+)?(?:{_WORD}[ \t]+){{0,2}}({_WORD})[ \t]*[,;)]"
)
_CALLED = re.compile(
    rf"(?:^|[\s(])(?:{_WORD}[ \t]+){{0,2}}?({_WORD})[ \t]+"
    r"(?:(?:is|was|'s|’s|who's|that's|has[ \t]+been)[ \t]+)?"
    r"(?:called|named|nicknamed)[ \t]+['‘\"“]?$"
)
_MODIFIES = re.compile(rf"^[ \t]+([a-z]+)(?![\w'’-])(?:[ \t]+({_WORD}))?")
_GRAMS = re.compile(
    r"^[ \t]*(?:[:(–—-]|is|was|at|weighs|weighed(?:[ \t]+in)?(?:[ \t]+at)?)?[ \t]*"
    r"\d{2,4}(?:\.\d)?[ \t]*(?:g|gms?|grams?|cwt)(?!\w)"
)
# A horse's height in hands ("Kevin 15.2hh"), eggs laid, a vet's or a farrier's work done to it.
_HANDS = re.compile(r"^[ \t]*[(,:–—-]?[ \t]*(?:is[ \t]+)?\d{2}(?:\.[0-3])?[ \t]*hh(?!\w)")
_LAID = re.compile(
    r"^[ \t]+(?:has[ \t]+)?laid[ \t]+(?:an|another|her[ \t]+first|\d+|two|three|four)?"
    r"[ \t]*eggs?(?!\w)"
)
_DONE_TO = re.compile(
    r"^(?:['’]s)?[ \t]+(?:was|is|has[ \t]+been|had[ \t]+been|been|got|gets|needs|"
    r"needs[ \t]+to[ \t]+be|due[ \t]+to[ \t]+be|booked[ \t]+in[ \t]+to[ \t]+be)[ \t]+"
    r"(?:spayed|neutered|castrated|microchipped|wormed|worming|shod|shoeing|"
    r"de-?flea['’]?d)(?!\w)"
)
# "the yard dog is Tyson", "our kiln was Big Bertha": the kind is the name (round 21).
_KIND_IS = re.compile(
    r"(?:^|[\s(])(the|our|my)[ \t]+(?:[a-z]+[ \t]+){0,2}?([a-z]+)[ \t]+(?:is|was)[ \t]+$"
)
# "the ghost story about Old Jory", "the legend of Tom": a ghost's or a legend's name.
_LEGEND = re.compile(
    r"(?i)\b(?:ghost|ghosts|legend|legends|phantom|spectre)(?:[ \t]+(?:story|stories|tale|tales|"
    r"walk|tour|hunt))?[ \t]+(?:about|of|called|named)[ \t]+$"
)
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+$")
# "the Ellen Rose has a cracked rigger": a vessel's or an engine's part after "the NAME has".
_THE_NAME = re.compile(r"(?:^|[\s(])[Tt]he[ \t]+$")
_HAS_A_PART = re.compile(
    rf"^[ \t]+(?:has|had|needs|got|lost|broke)[ \t]+((?:{_WORD}[ \t]+){{0,2}}{_WORD})"
)
_DEED_AFTER = re.compile(rf"^(?:[ \t]+(?:has|had|was|just|finally|then))?[ \t]+({_WORD})")
_PART_AFTER = re.compile(rf"^['’]s[ \t]+(?:(?:new|old|left|right)[ \t]+)?({_WORD})")


def called_person(text: str, start: int) -> bool:
    """Whether a person noun stands before "called" right before the name ("a guy called Nigel")."""
    m = _CALLED.search(text[max(0, start - 60) : start])
    return m is not None and person_noun(m.group(1))


def creature_at(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands as an animal's or a named thing's."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    return (
        _kind_before(text, start, end, before)
        or _apposed(before, after)
        or _bracketed(after)
        or _called(before)
        or _modifies(after)
        or bool(_GRAMS.match(after) or _HANDS.match(after))
        or bool(_LAID.match(after) or _DONE_TO.match(after))
        or _did(after)
        or _has_part(after)
        or _is_kind(before)
        or _LEGEND.search(before) is not None
        or _after_a_word(before)
        or (_THE_NAME.search(before) is not None and _has_a_part(after))
    )


def _after_a_word(before: str) -> bool:
    # "is called Big Bertha", "named Glowforge Gary", "the ghost story about Old Jory": the
    # name after a describing word or a maker's name that is no given name, read alone
    m = _WORD_BEFORE.search(before)
    if m is None or gazetteer.current().is_first_name(m.group(1).casefold()):
        return False
    rest = before[: m.start(1)]
    return _called(rest) or _LEGEND.search(rest) is not None


def _is_kind(before: str) -> bool:
    m = _KIND_IS.search(before)
    return m is not None and kind_word(m.group(2), m.group(1)) and m.group(2) not in PEOPLE_TOO


def _has_a_part(after: str) -> bool:
    m = _HAS_A_PART.match(after)
    # "has a cracked rigger", "needs a new firebox"; not "has a perch" (a person sits on one)
    return m is not None and any(
        part_word(w) and w not in ("perch", "mews") for w in m.group(1).split()
    )


def _kind_before(text: str, start: int, end: int, before: str) -> bool:
    m = _KIND_BEFORE.search(before)
    if m is None or not m.group(2).islower():
        return False
    lead, kind, mark = m.group(1).split(), m.group(2), m.group(3)
    plain = next((w for w in lead if w.casefold() in DET_PLAIN), None)
    opened = start - len(m.group(0))
    line = text[text.rfind("\n", 0, opened) + 1 : opened]
    if mark.endswith("("):
        # "the dog (Biscuit)": the name alone in brackets after its kind
        return text[end : end + 1] == ")" and kind_word(kind, plain)
    if mark in ("!", ":"):
        # a heading: "lost bird! Maggie", "New foal: Bramble"
        return not line.strip() and len(lead) <= 2 and kind_word(kind, plain or "the")
    if mark:
        # "our hawk, Maggie": a determiner's phrase opening its clause, not "feed the cat, Kevin"
        first = lead[0].casefold() if lead else ""
        return (
            first in DET_PLAIN | {"my"}
            and (not line.strip() or line.rstrip()[-1] in _CLAUSE_END)
            and kind_word(kind, "the" if first == "my" else first)
        )
    return kind_word(kind, plain)  # "kestrel Kevin", "the barn owl Doris"


def _apposed(before: str, after: str) -> bool:
    m = _APPOSED.match(after)
    if m is not None and _OPENS.search(before):  # not "give Sam the dog"
        # with a comma the phrase must close: "Sam, the dog needs a walk" speaks to Sam
        closed = after.startswith(",")
        return _kind_phrase(after[m.end() :], m.group(1), sayings=False, closed=closed)
    m = _PREDICATE.match(after)
    if m is None:
        return False
    det = m.group(1) or m.group(2)
    # "Stacey is a pig", "a night owl" say something of a person; "is our dog" does not
    return _kind_phrase(after[m.end() :], det, sayings=det in ("a", "an"))


def _family_name(word: str) -> bool:
    # "Stacey is a Heron now": a capitalised kind that is a listed name is the name
    low = word.casefold()
    gaz = gazetteer.current()
    return not word.islower() and (gaz.is_surname(low) or gaz.is_first_name(low))


def _kind_phrase(rest: str, det: str, sayings: bool, closed: bool = False) -> bool:
    """Whether `rest` opens with up to three describing words and a kind ("big grey rabbit").

    `det`: the determiner before `rest`. `sayings`: after "is a", where a kind said of people
    ("a pig", "a night owl") is no kind. `closed`: the kind must end its phrase.
    """
    tokens = _TOKEN.findall(rest)[:6]
    for i, word in enumerate(tokens[:4]):
        low = word.casefold()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if not word[:1].isalnum() or low in STOP_WORDS or (sayings and low in SAYINGS):
            return False
        kind = (
            word.isalpha()
            and low not in PEOPLE_TOO
            and kind_word(word, det)
            and not _family_name(word)
        )
        if sayings and kind and low in FIGURATIVE | NOT_ANIMALS:
            return False  # "a pig", "a bus ride away"
        if not kind:
            if word != low or (person_noun(word) and not kind_word(nxt, det)):
                return False  # a name goes on; "Kevin the farrier shod the cob"
            continue  # a describing word: "the blue bar cock", "a 3-year-old collie"
        if nxt.isalpha() and kind_word(nxt, det):
            continue  # "the eagle owl"
        if closed:
            return nxt == "" or nxt in ".,;:!?)"
        # "Kevin the dog walker", "Kevin the cat sitting service": the noun goes on
        return nxt not in ("'", "’") and not (
            nxt.isalpha() and (person_noun(nxt) or nxt.endswith("ing"))
        )
    return False


def _bracketed(after: str) -> bool:
    m = _BRACKET.match(after)
    if m is None:
        return False
    kind = m.group(2).lower()
    # "Eun-ji (hire boat)", "Sam (fresh fish)": a person's boat or stall; an animal only
    return kind not in NOT_ANIMALS and kind not in FOOD and kind_word(kind, m.group(1) or "the")


def _called(before: str) -> bool:
    m = _CALLED.search(before)
    if m is None or person_noun(m.group(1)):
        return False
    noun = m.group(1)
    return kind_word(noun, "the") or (noun.islower() and thing_noun(noun))


def _modifies(after: str) -> bool:
    m = _MODIFIES.match(after)
    # one animal, singular: "Sam ducks out", "Sam badgers me" are verbs
    if m is None or m.group(1) in NOT_ANIMALS or m.group(1) not in KINDS:
        return False
    if not kind_word(m.group(1), None):
        return False
    nxt = (m.group(2) or "").casefold()
    # "Kevin dog walking", "Kevin horse rider", "Kevin pony club": the person's doings
    return not (nxt.endswith("ing") or person_noun(nxt) or thing_noun(nxt))


def _did(after: str) -> bool:
    m = _DEED_AFTER.match(after)
    return m is not None and m.group(1).islower() and deed_word(m.group(1))


def _has_part(after: str) -> bool:
    m = _PART_AFTER.match(after)
    return m is not None and part_word(m.group(1))
