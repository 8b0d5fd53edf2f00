"""Where a name stands in one message: as a thing's name or as a person's (issue 15, round 18).

`case_things` reads every message of a case with these. A name stands as a thing's beside a
common noun for a thing:

- after it, as an apposition: "Kevin the alpaca", "Bob, the old tractor,", "Duke and Lady
  Jane (the Shires)";
- before it, after a determiner: "her late cat Mr Biscuits", "the dogs Moss and Fly";
- as the modifier of a noun: "the Joe Davis table", "the Walton stretch", "the Marquis of
  Granby sign", 'the "Sarah Bernhardt" peonies';
- with an owner: "Monty — owner Sam Kerr", "Kevin's owner";
- as a quoted title of capitalised words that closes on a common word ("Gemma's Groove").

The noun must not be a person noun: one of the role, relation, kin and post lists, a general
person noun ("mate", "vet"), an agent noun by its ending ("plumber", "florist", "postman")
or, after a name, a noun for what is a person's ("the Smith family", "the Jones case"). No
kind of animal and no brand is listed: whether a word is a noun for a thing is read from the
shipped English word list and the closed classes above.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.creature_words import NOT_ANIMALS
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
kids children twins couple owner owners customer customers guest guests visitor visitors
punter punters vet vets doc physio postie sparky brickie chippy cabbie medic locum nanny
grandchild toddler infant teen teenager youngster family families staff team crew gang
trainee employee attendee referee licensee nominee refugee retiree detainee interviewee
absentee mentee invitee evacuee cook temp sub guard judge maid host hostess spouse widow
bride groom heir poet chief cop bobby guv dude bairn wean lassie laddie kiddo bestie hubby
missus ex newbie rookie recruit cadet scout junior senior elder coach pilot twin
president founder patron secretary steward member members
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
# Prepositions the stop list leaves out ("the towpath near Garsdale").
_PLACING = _set("near nr past via outside inside opposite beside behind beyond round towards")
_AGENT = re.compile(r"(?:er|ers|or|ors|ist|ists|ian|ians|man|men|woman|women|eer|eers|ess)$")


def person_noun(word: str, agents: bool = True) -> bool:
    """Whether a word names a person by what they are ("cleaner", "mum", "vet", "trainees").

    `agents`: an agent noun by its ending counts ("plumber"); without it only listed nouns do.
    """
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
        or (agents and bool(_AGENT.search(low)) and low not in NOT_ANIMALS)  # not "roller"
    )


def thing_noun(word: str, modified: bool = False, named: bool = False) -> bool:
    """Whether a lower-case word is a common noun for a thing, not a person or a describing word.

    `modified`: the name stands before the noun ("the Walton stretch"), where nouns of what
    is a person's ("family", "case") keep the name a person's. `named`: a word that is also
    a listed name ("key", "bell") or an unlisted agent noun ("screwdriver") counts, where the
    position leaves no room for a person.
    """
    if not word.isalpha() or not word.islower() or len(word) < 3:
        return False
    if word in STOP_WORDS or word in _DESCRIBING or word in _VERBS or word in _PLACING:
        return False
    if person_noun(word, agents=not named):
        return False
    if modified and word in _OF_A_PERSON:
        return False
    if word.endswith(("ly", "ful", "ous", "ish", "ive", "est", "ing", "ed")):
        return False  # describing words and verbs, not the noun
    gaz = gazetteer.current()
    if not gaz.is_english(word):
        return False
    return named or not (gaz.is_first_name(word) or gaz.is_surname(word))


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
# Quotes, not apostrophes: "Dr Bucket's last stand" is no title "Dr Bucket".
_QUOTED = re.compile(r"(?<!\w)[\"“‘']((?:[A-Z][\w'’-]*[ \t]+){1,4}[A-Z][a-z]+)[\"”’'](?!\w)")


def noun_before(text: str, start: int) -> tuple[str | None, str] | None:
    """The (word, noun) after a determiner right before ``start`` ("her late cat", "the vet")."""
    m = _NOUN_BEFORE.search(text[max(0, start - 40) : start])
    return None if m is None else (m.group(1), m.group(2))


def singular(word: str) -> bool:
    """Whether a noun is singular by its ending ("alpaca", "glass"; not "villages").

    "Kevin the alpaca" names one thing; "Ikenna the villages" drops a verb ("doing").
    """
    return not word.endswith("s") or word.endswith(("ss", "us", "is"))


def _one_word(value: str) -> bool:
    # A name with a family name is a person's shape: "Lorcan Doyle, the new sweep," is a
    # person whatever the noun; only a given name or a titled word stands as an apposition.
    words = value.split()
    lead = words[0].casefold().rstrip(".")
    return len(words) == 1 or (len(words) == 2 and (lead in TITLES or lead in HONORIFICS))


def thing_at(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands as a thing's name (see above)."""
    if _one_word(text[start:end]):
        after = _THE_AFTER.match(text[end : end + 40])
        clause = _CLAUSE_BEFORE.search(text[max(0, start - 8) : start]) is not None
        if after is not None and clause:
            describing, noun = after.group(1) or after.group(3), after.group(2) or after.group(4)
            if thing_noun(noun) and singular(noun) and not person_noun(describing or "x"):
                return True
        before = noun_before(text, start)
        if before is not None and thing_noun(before[1]) and not person_noun(before[0] or "x"):
            return True
        pair = _PAIR_AFTER_KIND.search(text[max(0, start - 60) : start])
        if (
            pair is not None
            and thing_noun(pair.group(2))
            and not singular(pair.group(2))
            and not person_noun(pair.group(1) or "x")
        ):
            return True  # "the dogs Moss and Fly": a plural kind before a pair
        paired = _PAIRED_BEFORE.search(text[max(0, start - 24) : start]) is not None
        if _bracketed(text[end : end + 60], paired) or _OWNED.match(text[end : end + 40]):
            return True
    if _THE_BEFORE.search(text[max(0, start - 10) : start]):
        noun = _NOUN_AFTER.match(text[end : end + 40])
        if noun is not None and thing_noun(noun.group(1), modified=True):
            return True
    return _quoted_title(text, start, end)


_PAIR_AFTER_KIND = re.compile(
    rf"(?:^|[\s(])(?i:{_DET})[ \t]+(?:([a-z]+)[ \t]+)?([a-z]+)[ \t]+"
    r"[A-Z][\w'’-]*[ \t]+(?:and|&)[ \t]+$"
)
_PAIRED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:and|&)[ \t]+$")


def _bracketed(after: str, paired: bool) -> bool:
    m = _BRACKETED.match(after)
    if m is None or (m.group(2) is not None and person_noun(m.group(2))):
        return False
    noun = m.group(3)
    if noun[:1].isupper():
        noun = noun.lower()  # "(the Shires)": a kind written with a capital
    # One name, one thing; "X and Y (the twins)" is two, and "twins" a person noun.
    return thing_noun(noun) and (paired or bool(m.group(1)) or singular(noun))


def _quoted_title(text: str, start: int, end: int) -> bool:
    lo = max(0, start - 2)
    for m in _QUOTED.finditer(text, lo, min(len(text), end + 40)):
        if m.start(1) <= start and end <= m.end(1):
            last = m.group(1).split()[-1]
            gaz = gazetteer.current()
            low = last.casefold()
            return gaz.is_common_word(low) and not (gaz.is_first_name(low) or gaz.is_surname(low))
    return False
