"""Conditions, laws and knots named after people (issue 15, round 23).

A health note says someone "has Parkinson's" or "Bell's palsy", a training day covers
"Clare's Law", a rigger wants "a Munter hitch": each is named after a person and is nobody's
personal data. Read from the kind word next to the name and the message around it, never
from a corpus's names:

- "<Name>'s disease/syndrome/palsy..." or "<Name> syndrome" for a listed medical eponym, or
  for a family name no list has as a given name ("Kessler's syndrome"); the bare possessive
  of a listed eponym ("has Crohn's", "signed off with Ménière's") only with nothing after it
  that the person could own, and after "ill with"/"off with", or after a verb of having or
  in a message about health (both, where the eponym is also a given name: "has Wilson's");
- "<Name>'s Law", "<Name>'s Scheme", "<Name>'s Rule"...: people do not own laws ("Clare's law
  degree" is hers); "the <Name> effect/principle/manoeuvre";
- "<Name> hitch/bend/knot/splice/loop": after an article ("a Blake's hitch"), or for a name
  no list has as a given name ("Munter hitch"); a listed knot alone after an article in a
  message about rope ("needs a Matthew Walker");
- a title before the name keeps a person ("Mr Bell's palsy", "Dr Parkinson's clinic").

Sources: the eponyms and knots were written by hand for this round (7 Dec 2026) from general
medical, legal and rope-work knowledge (NHS condition names, UK statutes and disclosure
schemes, climbing and sailing manuals); not from any corpus's sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from sar_desk.detect import gazetteer

# One word of a name: "Ménière", "O'Brien", "Guillain-Barré"; no possessive inside.
NAME = r"(?:[OoDd]['’])?[^\W\d_][^\W_]*(?:-[^\W\d_][^\W_]*)*"
# Titles of address: a name after one stays a person whatever follows it.
_ADDRESS_WORDS = "mr mrs ms miss mx dr prof sir dame cllr rev lady lord capt nurse sister"
ADDRESS_TITLES = frozenset(_ADDRESS_WORDS.split())
_TITLE_BEFORE = re.compile(r"(?i)(?:^|[^\w'’-])([a-z]+)\.?[ \t]+$")

# Medical eponyms, as written without the possessive (casefolded, accents as well as not).
_MEDICAL_WORDS = """
    addison alzheimer asperger barrett behcet behçet bell bright buerger burkitt charcot conn
    creutzfeldt crohn cushing quervain dupuytren down duchenne ehlers ewing fabry gaucher
    gilbert graves guillain hashimoto hirschsprung hodgkin huntington kaposi kawasaki korsakoff
    lyme marfan meniere ménière munchausen münchausen osgood paget parkinson perthes peyronie
    pick pott raynaud reiter reye scheuermann sever sjogren sjögren stargardt still tourette
    wernicke whipple wilson wolff rett noonan angelman klinefelter prader usher tietze bowen
    heberden colles baker osler stokes kienbock kienböck becker legg
"""
_MEDICAL = frozenset(_MEDICAL_WORDS.split())
_MED_KINDS = (
    r"disease|syndrome|palsy|disorder|sign|phenomenon|ulcer|contracture|lymphoma|sarcoma|"
    r"cyst|oesophagus|esophagus|fracture|arthritis|chorea|neuroma|neuralgia|dementia|nodes|"
    r"encephalopathy|thyroiditis|tremor"
)
# A kind that names a condition after any family name: not "fracture" or "cyst", which
# are as often a person's own ("Kovacs's fracture is healing").
_STRONG_MED = frozenset({"disease", "syndrome", "palsy", "disorder", "chorea", "lymphoma"})
_MED_KIND = re.compile(rf"(?P<name>{NAME})(?P<own>['’]s?)?[ \t]+(?i:(?P<kind>{_MED_KINDS}))\b")
_MED_BARE = re.compile(rf"(?P<name>{NAME})['’]s?(?![\w'’])")
# Having a condition: "has", "got", "diagnosed with", "signed off with", "declared".
_HAVING = re.compile(
    r"(?i)(?:(?:^|[^\w'’-])(?:has|had|have|having|got|gets|with|declared|of|for|her|his|"
    r"my|their|your|our|advanced|mild|severe)|[^\W\d_]['’]s)[ \t]+$"
)
# Having that says the thing had is an illness, whatever else the message says.
_ILL_WITH = re.compile(
    r"(?i)(?:diagnosed with|living with|lives with|suffers from|suffering from|"
    r"suffered from|early[- ]onset)[ \t]+$"
)
_HEALTH = re.compile(
    r"(?i)\b(?:tablets?|meds|medication|medicine|diagnos\w*|symptoms?|flare\w*|hospital|gp|"
    r"doctor|nurse|consultant|clinic|nhs|signed off|sick|ill|illness|condition|paramedic|"
    r"ambulance|a&e|fall|fell|seizures?|treatment|chemo|physio|disabilit\w*|carer|medical|"
    r"health|unwell|poorly|specialist|neurolog\w*|appointment|prescription|insulin|fit to|"
    r"allerg\w*|tremor|mobility|off work|sick note|fit note|surgery|operation)\b"
)
# What may follow a bare possessive that names a condition: nothing, a joint, or a word
# of illness; not a noun the person could own ("Bell's car", "Wilson's number").
_BARE_AFTER = re.compile(
    r"(?i)^(?:[ \t]*(?:$|[.,;:!?)\]—–-])|[ \t]+(?:and|or|but|so|since|as|which|that|now|"
    r"again|too|recently|flare|flares|flare-up|diagnosis|symptoms|nurse|specialist|clinic|"
    r"tremor|attack|attacks|episode|episodes|is|was|has|had|got|gets|getting|flared|flaring|"
    r"for|from|in|at|on|back|last|this|"
    r"years?|months?|weeks?)\b)"
)

# Laws and schemes: "Clare's Law", "Natasha's Law", "Murphy's Law", "Sarah's Scheme".
_LAW_KINDS = r"Law|Act|Rule|Scheme|Principle|Charter|Protocol|Clause|Amendment"
_LAW = re.compile(rf"(?P<name>{NAME})['’]s?[ \t]+(?P<kind>(?i:{_LAW_KINDS}))(?![\w'’-])")
# "Clare's law degree", "Martyn's Law firm", "Amy's Act 2": hers, or a play's.
_LAW_NOT = re.compile(
    r"(?i)^[ \t]+(?:firm|degree|exam|exams|school|course|lecture|lectures|tutor|student|"
    r"books?|notes|essay|coursework|class|placement|practice|office|chambers|[0-9ivx]+\b|"
    r"one|two|three)\b"
)
# Tests, guardians and inquiries of UK law and information governance named after people
# ("Gillick competent", "Fraser guidelines", "the Caldicott Guardian", "Nolan principles").
_GOVERNANCE = frozenset(
    ["gillick", "fraser", "caldicott", "bolam", "wednesbury", "nolan", "leveson", "laming"]
)
_GOVERNANCE_KIND = re.compile(
    rf"(?P<name>{NAME})[ \t]+(?i:competence|competent|competency|guidelines|principles?|"
    r"guardians?|test|unreasonable|unreasonableness|inquiry|report|review|rules?)(?![\w'’-])"
)
_THE_EFFECT = re.compile(
    rf"(?i:\bthe)[ \t]+(?P<name>{NAME}(?:[ \t]+{NAME})?)[ \t]+"
    r"(?P<kind>(?i:principle|effect|paradox|manoeuvre|maneuver|doctrine|fallacy))\b"
)

# Knots and hitches: a name before a rope-work kind word.
_KNOT_KINDS = r"hitch|hitches|bend|bends|knot|knots|splice|loop|stopper|whipping|noose|lashing"
_KNOT = re.compile(
    rf"(?P<name>{NAME}(?:[ \t]+{NAME})?)(?P<own>['’]s?)?[ \t]+(?P<kind>(?i:{_KNOT_KINDS}))\b"
)
# Knots named after people, as climbers, sailors and riggers write them.
_KNOT_WORDS = """
    munter prusik prussik klemheist bachmann blake blakes ashley zeppelin penberthy farrimond
    distel valdotain schwabisch albright rapala turle davy duncan hunter rosendahl icicle
"""
# Not the knots named after places ("Carrick bend", "Marlow", "Palomar knot"): alone they
# are the places, and the kind word after them is read by the pattern above.
_KNOTS = frozenset(_KNOT_WORDS.split())
_KNOT_NAMES = ("matthew walker", "ashley stopper", "turk's head", "turks head")
_ARTICLE = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:a|an|the|your|my|our|his|her|their|double|single|another)[ \t]+$"
)
_ROPE = re.compile(
    r"(?i)\b(?:knots?|hitch\w*|ropes?|cord|lanyard|tie|tied|tying|splic\w*|whipping|bowline|"
    r"clove|granny|reef|climb\w*|abseil\w*|belay\w*|carabiner|karabiner|krab|harness|slings?|"
    r"anchor|mooring|cleat|sailing|rigging|hoist|winch|line|tackle)\b"
)


@lru_cache(maxsize=4096)
def lowered(text: str) -> bool:
    """Whether the message is written wholly in lower case (its names are too).

    Remembered: every thing check asks it of the same message, once per guessed name.
    """
    return not any(ch.isupper() for ch in text)


def titled(text: str, at: int) -> bool:
    """Whether a title of address stands right before ``text[at:]`` ("Mr Bell's ...")."""
    found = _TITLE_BEFORE.search(text[max(0, at - 12) : at])
    return found is not None and found.group(1).casefold() in ADDRESS_TITLES


_WORD_START = re.compile(r"(?<!\S)\S")


def within(
    pattern: re.Pattern[str],
    text: str,
    start: int,
    end: int,
    ok: Callable[[re.Match[str]], bool],
    back: int = 2,
) -> bool:
    """Whether a match of `pattern` holds the whole span and passes `ok`.

    The pattern is tried at the span's start and at each of up to `back` words before it;
    any part of the phrase is the thing's ("Law" of "Martyn's Law" as much as "Martyn").
    """
    starts = [m.start() for m in _WORD_START.finditer(text, max(0, start - 40), start)]
    for at in [start, *reversed(starts[-back:])] if back else [start]:
        found = pattern.match(text, at)
        if found is not None and end <= found.end() and ok(found):
            return True
    return False


def _cased(text: str, name: str) -> bool:
    """Whether every word of `name` is capitalised, or the whole message is lower case."""
    return lowered(text) or all(w[:1].isupper() for w in name.split())


def _first_word(name: str) -> str:
    return name.split()[0].casefold() if name.split() else ""


def medical_eponym(text: str, start: int, end: int) -> bool:
    """Whether a span names a condition after a person ("Bell's palsy", "has Crohn's")."""
    gaz = gazetteer.current()

    def kind(m: re.Match[str]) -> bool:
        name = m.group("name")
        if not _cased(text, name) or titled(text, m.start("name")):
            return False
        if name.casefold() in _MEDICAL:
            return True
        strong = m.group("kind").casefold() in _STRONG_MED
        return strong and not gaz.is_first_name(name) and not gaz.is_english(name.casefold())

    def bare(m: re.Match[str]) -> bool:
        name = m.group("name")
        if name.casefold() not in _MEDICAL or not _cased(text, name) or titled(text, m.start()):
            return False
        if _BARE_AFTER.match(text[m.end() :]) is None:
            return False
        before = text[max(0, m.start() - 24) : m.start()]
        if _ILL_WITH.search(before):
            return True
        having = _HAVING.search(before) is not None
        health = _HEALTH.search(text) is not None
        # "has Crohn's", "Crohn's, GP letter attached": no one's name; "has Bell's", "got
        # Wilson's" need both a verb of having and a word of health.
        if not gaz.is_first_name(name) and not gaz.is_english(name.casefold()):
            return having or health
        return having and health

    return within(_MED_KIND, text, start, end, kind) or within(_MED_BARE, text, start, end, bare)


def named_law(text: str, start: int, end: int) -> bool:
    """Whether a span names a law, a scheme or a rule after a person ("Clare's Law")."""

    def law(m: re.Match[str]) -> bool:
        name, kind = m.group("name"), m.group("kind")
        if not _cased(text, name) or titled(text, m.start("name")):
            return False
        if not (kind[:1].isupper() or kind.casefold() == "law"):
            return False  # "Tom's rule", "Amy's scheme": theirs; "law" is nobody's
        return _LAW_NOT.match(text[m.end() :]) is None

    def effect(m: re.Match[str]) -> bool:
        name = m.group("name")
        return _cased(text, name) and _first_word(name) not in ADDRESS_TITLES

    def governance(m: re.Match[str]) -> bool:
        name = m.group("name")
        return name.casefold() in _GOVERNANCE and _cased(text, name)

    return (
        within(_LAW, text, start, end, law)
        or within(_THE_EFFECT, text, start, end, effect)
        or within(_GOVERNANCE_KIND, text, start, end, governance)
    )


def _knot_listed(name: str) -> bool:
    folded = name.casefold().replace("’", "'")
    return folded in _KNOT_NAMES or all(w in _KNOTS for w in folded.split())


def named_knot(text: str, start: int, end: int) -> bool:
    """Whether a span names a knot or a hitch ("a Blake's hitch", "Munter hitch")."""
    gaz = gazetteer.current()

    def knot(m: re.Match[str]) -> bool:
        name = m.group("name")
        if not _cased(text, name) or titled(text, m.start("name")):
            return False
        words = name.split()
        if words[0].casefold() in ADDRESS_TITLES:
            return False  # "Mrs Munter hitch"
        if len(words) == 2 and not _knot_listed(name):
            # "Sam Munter hitch": only the last word qualifies the kind.
            if start < m.start("name") + len(words[0]):
                return False
            words = words[1:]
        if _ARTICLE.search(text[max(0, m.start() - 10) : m.start()]) is not None:
            return True  # "a Blake's hitch", "the Munter hitch"
        # Bare: a name no list gives a person ("Tom loop back to me", "Blake's knot came
        # undone" are people's), or a listed knot without a possessive ("Ashley stopper").
        given = any(gaz.is_first_name(w) for w in words)
        return not given or (not m.group("own") and _knot_listed(name))

    return within(_KNOT, text, start, end, knot) or _lone_knot(text, start, end)


def _lone_knot(text: str, start: int, end: int) -> bool:
    """A listed knot alone, after an article or in a message about rope.

    A knot that is also a name needs both ("needs a Matthew Walker" on a hoist rope); one no
    list has as a name needs either ("with a Klemheist", "Prusik on the anchor").
    """
    value = text[start:end].strip(".,;:!?'’\"()")
    if not _knot_listed(value) or not _cased(text, value) or titled(text, start):
        return False
    gaz = gazetteer.current()
    named = any(gaz.is_first_name(w) or gaz.is_surname(w) for w in value.split())
    article = _ARTICLE.search(text[max(0, start - 10) : start]) is not None
    if _ROPE.search(text) is None:
        return article and not named
    return article or not named


def eponym_kind(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, guessed to be a person, is a condition, a law or a knot."""
    return (
        medical_eponym(text, start, end)
        or named_law(text, start, end)
        or named_knot(text, start, end)
    )
