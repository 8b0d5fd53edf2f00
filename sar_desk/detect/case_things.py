"""Names a whole case shows to be things, not people (issue 15, round 18).

Animals, tables, stretches of river and apple trees carry people's names, and chat names
them many times without saying what they are. Somewhere in the case, though, one message
usually does, by where the name stands beside a common noun:

- after it, as an apposition: "Kevin the alpaca", "Bob, the old tractor";
- before it, after a determiner: "her late cat Mr Biscuits", "the alpaca Kevin";
- as the modifier of a noun: "the Joe Davis table", "the Walton stretch", "the Marquis of
  Granby sign";
- as a quoted title of capitalised words that closes on a common word ("Gemma's Groove").

The noun must not be a person noun: one of the role, relation, kin and post lists, an agent
noun by its ending ("plumber", "florist", "postman") or a noun that names what is a person's
("the Smith family", "the Jones case"). No kind of animal and no brand is listed.

A name is a thing for the case only when no message shows it as a person: a title before
it, a family name after it, a speech verb after it ("Kevin said"), a relation after its
possessive ("Kevin's mum"), a person cue before it ("told Kevin", "hi Kevin"), a person noun
beside it ("the cleaner Kevin", "Kevin (cleaner)"), a phone number or an e-mail address
right after it, or a line that opens with it and a colon (a sender). A name known to the
case (its people table) is never a thing. `case_things` returns the keys of such names;
`analyze.analyze_all` and the detection job drop PERSON proposals on them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.cues import AUXILIARIES, RELATIONS, ROLES
from sar_desk.detect.phrase_words import KIN
from sar_desk.detect.posts import HEADS as POST_HEADS
from sar_desk.detect.units import ROLE_HEADS
from sar_desk.detect.words import TITLES, VERBS


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# General person nouns the role lists leave out: how chat speaks of someone by what they are.
_PEOPLE = _set("""
guy guys lad lads lass lasses chap gent gents mate mates pal buddy person people folk folks
kids children twins couple owner owners customer customers guest guests visitor visitor
punter punters vet vets doc physio postie sparky brickie chippy cabbie medic locum nanny
grandchild toddler infant teen teenager youngster family families staff team crew gang
trainee employee attendee referee licensee nominee refugee retiree detainee interviewee
absentee mentee invitee evacuee
""")
# Nouns a person's name modifies to mean something of that person's ("the Smith family", "the
# Jones case", "the Patel house"): the name there is still a person.
_OF_A_PERSON = _set("""
family families household case cases file files account accounts complaint complaints claim
claims matter situation incident issue issues job jobs order orders booking bookings house
home flat address property plot grave funeral wedding party birthday do appeal review report
referral request enquiry inquiry letter letters email emails records record notes note form
forms meeting visit appointment thing stuff lot side end estate tenancy application
""")
# Describing words that stand before a person's name ("the late Gary", "our lovely Sue").
_DESCRIBING = _set("""
late new old young little big poor dear lovely other same real famous great good only one
first last next former wonderful amazing brilliant best
""")
# Verbs that follow a subject ("the Marquis said", "the bill came"): no noun for a thing.
_VERBS = (
    VERBS
    | AUXILIARIES
    | _set("came went fell took ran saw gave rang wrote broke drove threw began did got sat stood")
)
_AGENT = re.compile(r"(?:er|ers|or|ors|ist|ists|ian|ians|man|men|woman|women|eer|eers|ess)$")


def _person_noun(word: str) -> bool:
    low = word.casefold()
    if low.endswith("s") and low[:-1] in _PEOPLE:
        return True  # "trainees"
    return (
        low in ROLES
        or low in RELATIONS
        or low in KIN
        or low in POST_HEADS
        or low in ROLE_HEADS
        or low in HONORIFICS
        or low in TITLES
        or low in _PEOPLE
        or bool(_AGENT.search(low))
    )


def thing_noun(word: str, modified: bool = False) -> bool:
    """Whether a lower-case word is a common noun for a thing, not a person or a describing word.

    `modified`: the name stands before the noun ("the Walton stretch"), where nouns of what
    is a person's ("family", "case") keep the name a person's.
    """
    if not word.isalpha() or not word.islower() or len(word) < 3:
        return False
    if word in STOP_WORDS or word in _DESCRIBING or word in _VERBS or _person_noun(word):
        return False
    if modified and word in _OF_A_PERSON:
        return False
    if word.endswith(("ly", "ful", "ous", "ish", "ive", "est", "ing", "ed")):
        return False  # describing words and verbs, not the noun
    gaz = gazetteer.current()
    return gaz.is_english(word) and not (gaz.is_first_name(word) or gaz.is_surname(word))


_DET = r"(?:the|our|my|his|her|their|your|a|an)"
# "Kevin the alpaca spat", "Bob, the old tractor,": an apposition. With a comma it must close
# its phrase ("Sam, the van is ready" speaks to Sam).
_THE_AFTER = re.compile(
    r"^(?:[ \t]+the[ \t]+(?:([a-z]+)[ \t]+)?([a-z]+)(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+[a-z])|"
    r",[ \t]+the[ \t]+(?:([a-z]+)[ \t]+)?([a-z]+)(?=[ \t]*(?:[.,;:!?)\n]|$)))"
)
# Where an apposition's name may stand: opening a clause or after a preposition, not after
# a verb with two objects ("give Sam the key", "tell Sam the van is ready").
_CLAUSE_BEFORE = re.compile(
    r"(?:^|[.,;:!?()\n•·-][ \t]*|(?:^|[ \t])(?i:and|or|but|by|with|from|to|of|for|at|on|in|"
    r"about|then|so)[ \t]+)$"
)
# "her late cat Mr Biscuits", "the alpaca Kevin": a determiner, a word or none, the noun.
_NOUN_BEFORE = re.compile(rf"(?:^|[\s(])(?i:{_DET})[ \t]+(?:([a-z]+)[ \t]+)?([a-z]+)[ \t]+$")
# "the Joe Davis table", "the old Marquis of Granby sign": the name modifies the noun.
# A modifier may be quoted ('the "Ena Harkness" roses') or one of two ("the Ellis Bitter and
# the Yarlington Mill trees").
_THE_BEFORE = re.compile(r"(?:^|[\s(])(?i:the)[ \t]+(?:old[ \t]+|new[ \t]+)?[\"“‘']?$")
_NOUN_AFTER = re.compile(
    r"^[\"”’']?(?:[ \t]+of[ \t]+[A-Z][\w'’-]*)?"
    r"(?:[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})?"
    r"[ \t]+([a-z]+)(?!['’\w-])"
)
# "Duke and Lady Jane (the Shires)", "Bob (the tractor)": an apposition in brackets.
_BRACKETED = re.compile(
    r"^((?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)?)[ \t]*"
    r"\([ \t]*(?:the|a|an|our|my)[ \t]+(?:([a-z]+)[ \t]+)?([A-Za-z]+)[ \t]*\)"
)
# What has an owner is no person: "Monty — owner Sam Kerr", "Kevin's owner".
_OWNED = re.compile(
    r"^(?:['’]s[ \t]+owners?\b|[ \t]*[-–—(,:][ \t]*(?:owners?|owned[ \t]+by)[ \t:]+[A-Z])"
)
# A quoted title whose words are all capitalised ("Gemma's Groove", "Nev's Nightmare").
_QUOTED = re.compile(r"[\"“‘']((?:[A-Z][\w'’-]*[ \t]+){1,4}[A-Z][a-z]+)[\"”’']")


def _single(word: str) -> bool:
    # "Kevin the alpaca" names one thing; "Ikenna the villages" drops a verb ("doing").
    return not word.endswith("s") or word.endswith(("ss", "us", "is"))


def _one_word(value: str) -> bool:
    # A name with a family name is a person's shape: "Lorcan Doyle, the new sweep," is a
    # person whatever the noun; only a given name or a titled word stands as an apposition.
    words = value.split()
    lead = words[0].casefold().rstrip(".")
    return len(words) == 1 or (len(words) == 2 and (lead in TITLES or lead in HONORIFICS))


def _thing_at(text: str, start: int, end: int) -> bool:
    if _one_word(text[start:end]):
        after = _THE_AFTER.match(text[end : end + 40])
        clause = _CLAUSE_BEFORE.search(text[max(0, start - 8) : start]) is not None
        if after is not None and clause:
            describing, noun = after.group(1) or after.group(3), after.group(2) or after.group(4)
            if thing_noun(noun) and _single(noun) and not _person_noun(describing or "x"):
                return True
        before = _NOUN_BEFORE.search(text[max(0, start - 40) : start])
        if before is not None and thing_noun(before.group(2)):
            word = before.group(1)
            if word is None or not _person_noun(word):
                return True
        paired = _PAIRED_BEFORE.search(text[max(0, start - 24) : start]) is not None
        if _bracketed(text[end : end + 60], paired) or _OWNED.match(text[end : end + 40]):
            return True
    if _THE_BEFORE.search(text[max(0, start - 10) : start]):
        noun = _NOUN_AFTER.match(text[end : end + 40])
        if noun is not None and thing_noun(noun.group(1), modified=True):
            return True
    return _quoted_title(text, start, end)


_PAIRED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:and|&)[ \t]+$")


def _bracketed(after: str, paired: bool) -> bool:
    m = _BRACKETED.match(after)
    if m is None or (m.group(2) is not None and _person_noun(m.group(2))):
        return False
    noun = m.group(3)
    if noun[:1].isupper():
        noun = noun.lower()  # "(the Shires)": a kind written with a capital
    # One name, one thing; "X and Y (the twins)" is two, and "twins" a person noun.
    return thing_noun(noun) and (paired or bool(m.group(1)) or _single(noun))


def _quoted_title(text: str, start: int, end: int) -> bool:
    lo = max(0, start - 2)
    for m in _QUOTED.finditer(text, lo, min(len(text), end + 40)):
        if m.start(1) <= start and end <= m.end(1):
            last = m.group(1).split()[-1]
            gaz = gazetteer.current()
            low = last.casefold()
            return gaz.is_common_word(low) and not (gaz.is_first_name(low) or gaz.is_surname(low))
    return False


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
_POSSESSED = re.compile(r"^['’]s[ \t]+([a-z]+)")
_BRACKET_AFTER = re.compile(r"^[ \t]*[(,][ \t]*(?:the[ \t]+|our[ \t]+|a[ \t]+)?([a-z]+)[ \t]*[),]")
_CONTACT_AFTER = re.compile(
    r"(?i)^[ \t]*[,:–—-]?[ \t]*(?:on[ \t]+|tel[ \t:.]+|mob[ \t:.]+)?"
    r"(?:(?:\+44|0)[\d ]{9,13}\d|[\w.+-]+@[\w-]+\.[\w.]+)"
)
_SURNAME_AFTER = re.compile(r"^[ \t]+([A-Z][a-z][\w'’-]*)")


def _person_at(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24) : start]
    after = text[end : end + 60]
    if _TITLE_BEFORE.search(before) or _CUE_BEFORE.search(before) or before.endswith("@"):
        return True
    if _SAYS_AFTER.match(after) or _CONTACT_AFTER.match(after):
        return True
    owned = _POSSESSED.match(after)
    if owned is not None and _person_noun(owned.group(1)) and owned.group(1) != "owner":
        return True  # "Kevin's mum"; "Monty's owner" is an animal's
    bracket = _BRACKET_AFTER.match(after)
    if bracket is not None and _person_noun(bracket.group(1)):
        return True  # "Kevin (cleaner)", "Kevin, the plumber,"
    noun = _NOUN_BEFORE.search(text[max(0, start - 40) : start])
    if noun is not None and _person_noun(noun.group(2)):
        return True  # "our cleaner Kevin"
    surname = _SURNAME_AFTER.match(after)
    if surname is not None and gazetteer.current().is_surname(surname.group(1).casefold()):
        return True  # "Kevin Price": a family name attached
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
    forms = {n.strip().removesuffix("'s").removesuffix("’s") for n in names}
    forms = {f for f in forms if len(f) >= 3 and name_key(f) not in known}
    if not forms:
        return frozenset()
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    thing: set[str] = set()
    person: set[str] = set()
    for text in texts:
        for m in pattern.finditer(text):
            key = thing_key(m.group(0))
            if key in person:
                continue
            # Person evidence first ("tell Kevin the van is ready"); a thing only as written
            # with a capital ("the bill came in" is the word).
            if _person_at(text, m.start(), m.end()):
                person.add(key)
            elif m.group(0)[:1].isupper() and _thing_at(text, m.start(), m.end()):
                thing.add(key)
    return frozenset(thing - person)


# Recognisers that read the case itself: what they find is a known person, never dropped.
_CASE_SOURCES = frozenset({"CaseDenyList", "CaseStructure"})


def thing_key(value: str) -> str:
    """The key `case_things` gives a proposal's text (a possessive "'s" dropped)."""
    return name_key(value.strip().removesuffix("'s").removesuffix("’s"))


def thing_keys(
    texts: Iterable[str], found: Iterable[Finding], known: Container[str]
) -> frozenset[str]:
    """`case_things` of the case's PERSON proposals in `found` (those the model or a list made)."""
    names = [
        f.text
        for f in found
        if f.entity_type == "PERSON"
        and f.field == ProposalField.TEXT
        and f.recognizer not in _CASE_SOURCES
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
            and f.recognizer not in _CASE_SOURCES
            and thing_key(f.text) in things
        )
    ]
