"""Given names that are also words ("rose", "fern", "will") told apart by the words around them.

A name that is a word is a name only where a person cue stands by (issue 15). English grammar
gives the cues: a bare singular noun needs an article, so a word-name with none, in a slot
only a person fills, is the name:

- before: a contact verb or preposition of company ("spoke to pat", "drive fern to"), a role,
  relation or rank ("appropriate adult hazel", "PCSO iris", "her neighbour will");
- after: a speech or movement verb ("rose rang"), "off sick", "in bed 6", a role in brackets
  or an age ("drew (mum)", "fern (82)"), a place phrase then a speech verb ("frank at no. 12
  says"), "here" when a texter names themselves;
- "it's fern from next door": a caller naming themselves;
- a list with a plain name in it ("kofi n amber").

"will" is first a modal verb, and a modal is always followed by a bare verb or an adverb, so
it is a name only where no verb can be: before "is", "says", "'s", "off sick", a past tense or
punctuation when a preposition, a role or a list put it there ("from will, says", "for will
moved", "pcso will and", "(will)"), and capitalised inside a sentence ("from Will, says").
"""

from __future__ import annotations

import re

from sar_desk.detect.cues import OFF_WORK, RELATIONS, ROLES, person_grammar, possessive_before
from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.lexical import lower_word_not_name
from sar_desk.detect.recognizers.word_name_places import placed_as_a_person


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETERMINERS = _set("""
    the a an my your his her our their this that these those some any no every each
""")
# Person cues before a name, relations and roles among them ("her son holly").
CUE_BEFORE = _set("""
    with for from visited visit saw see ask asking tell told thanks thank hi hey hiya cc ping
    called named about met seen contacted dear love son daughter mum dad mother father wife
    husband partner brother sister nan gran grandma grandad aunt auntie uncle nephew niece carer
    neighbour friend colleague escort accompany rang rung phoned texted emailed messaged
    visiting ex
""")
_CUE_BEFORE_2 = frozenset(
    {"spoke to", "speak to", "talk to", "talked to", "chat to", "ring"}
    | {"allocated to", "assigned to", "referred to", "passed to", "next to"}
    | {"appropriate adult", "lift for", "lift to"}
    # things sent or handed go to a person: "sent to dot for comment"
    | {"sent to", "send to", "forwarded to", "handed to", "gave it to"}
    # what belongs to a person, and kin "of" a person: "belongs to bliss", "in the name of
    # comfort", "daughter of comfort", "paid cash to marvel" (round 11)
    | {"belongs to", "belonged to", "name of", "cash to", "paid to", "owed to"}
    | {f"{kin} of" for kin in ("son", "daughter", "mum", "dad", "mother", "father", "wife")}
    | {f"{kin} of" for kin in ("husband", "partner", "carer", "sister", "brother", "friend")}
)
# Ranks and case roles written before a name ("PCSO iris", "complainant fern").
_RANKS = _set("""
    pc pcso dc ds sgt insp supt wpc cllr councillor complainant claimant defendant suspect
    victim appellant tutor mentor volunteer
    customer cust caller keyholder occupier candidate passenger bride groom scholar casualty
""")
# Speech and movement verbs after a name; the later ones take only a person as subject
# (one misses school, refuses, agrees, complains): "dusty missed school again".
# A committee's officers, as minutes write them after a name: "jo (sec)", "kit (treas)".
_OFFICERS = _set("sec secretary treasurer treas chairman chairperson vice-chair")
_CUE_AFTER = _set("""
    said says rang called phoned emailed texted is was has had wants wanted needs asked asks
    from keeps came went thinks told fell swapped moved seen popped reported
    missed attended refused declined agreed admitted complained disclosed denied apologised
    apologized confirmed collapsed signed shouted threatened promised won wfh
    disputes disputed no-showed wandered found scored
""")
# Words that join names in a list: "kofi n amber", "janet, ayesha, amber and jasmine".
JOINERS = frozenset({",", "and", "n", "&", "or", "+", ", and", ", n", "/"})

# Where a patient or resident is ("in bed 6", "in side room 2"): only a person is there.
_WHERE_A_PATIENT_IS = re.compile(r"(?i) (?:is )?in (?:bed|bay|room|side room|cubicle) \d")
# "on the sick", "on sick": off work ill, said only of a person.
_ON_SICK = re.compile(r"(?i)[ \t]+on (?:the )?sick\b")
# A bracket holding an age or a role: "fern (82)", "drew (mum)", "sky (tenant)".
# "rusty (the new volunteer)": a role may come with its article and "new"/"old" (round 11).
_BRACKET_AFTER = re.compile(
    r" ?\((?:(?:aged? )?\d{1,3}|(?:(?:the|our|my|a) )?(?:(?:new|old|former) )?(?P<role>[a-z]+))\)",
    re.IGNORECASE,
)
# A sentence's subject placed by where they are, then a speech verb: "amber on reception says",
# "holly from housing rang", "frank at no. 12 says".
_SUBJECT_WHERE_SAYS = re.compile(
    r" (?:(?:on|from|at|in) (?:the )?(?:no\.? ?\d+[a-z]?|number \d+|[a-z]+(?: [a-z]+)?) "
    # what a person has or wants there: "cliff at the depot has the keys" (round 13)
    r"(?:says|said|rang|phoned|called|asked|told|has the|wants)"
    # someone from a body, then a verb: "pearl from the agency is her new carer"
    r"|from (?:the )?[a-z]+ (?:is|was|has|will|came|wants))\b",
    re.IGNORECASE,
)
# A past tense and an object pronoun after a bare word: "hazel found her on the floor".
_DID_TO_SOMEONE = re.compile(
    r"(?i)[ \t]+(?:found|saw|told|took|gave|met|helped|brought|sent|heard|asked|rang|phoned|"
    r"visited|called|drove|walked|picked|got|paid)[ \t]+(?:her|him|them|me|us)\b"
    # only a person pays cash for something: "dot paid cash for the cleans" (round 16)
    r"|[ \t]+paid[ \t]+(?:in[ \t]+)?cash[ \t]+(?:for|to)\b"
)
# Someone taken somewhere for their own sake: "drive amber to her physio", "book fern in w/".
_TAKEN = re.compile(
    r"(?i)\b(?:drive|drove|driving|take|took|taking|bring|brought|walk|book|booked)[ \t]+$"
)
_TAKEN_TO = re.compile(r"(?i)[ \t]+(?:(?:to|in|for)[ \t]+(?:her|his|their)\b|in[ \t]+w/)")
# A caller naming themselves: "hiya it's fern from next door", "this is sky from the school".
_SELF_NAMED = re.compile(r"(?i)(?:\bit['’]?s|\bthis is|\bits)[ \t]+$")
_SELF_NAMED_AFTER = re.compile(r"(?i)[ \t]+(?:from|here|at|calling|again)\b|[ \t]*[,.!]")

# What follows "will" the modal: never these ("will is on nights", "will says", "will off").
_NOT_AFTER_MODAL = _set("""
    is was has had says said rang phoned called emailed texted wants wanted needs asked asks
    keeps came went thinks told fell moved popped reported off and or & n to from at on
    did took made gave got brought bought sent
""")
# Who comes right before "will" the modal: a subject ("she will", "they will").
_SUBJECTS = _set("""
    i we you u he she they it who that which this there what ya
""")


def sentence_start(text: str, start: int) -> bool:
    """Whether `start` opens a sentence or a line."""
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n-–"


def word_name_cued(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether the word-name ``words[i]`` stands where a person does (see module docstring)."""
    w = words[i]
    prev = words[i - 1].group(0).casefold() if i > 0 else ""
    prev2 = f"{words[i - 2].group(0).casefold()} {prev}" if i > 1 else ""
    adjacent = i > 0 and text[words[i - 1].end() : w.start()] in (" ", "\t")
    if adjacent and (prev in _DETERMINERS or current().is_place(prev)):
        return False  # "the rose", "our Leeds branch"
    if possessive_before(text, w.start()):
        return False  # a possessive is a determiner: "Sam's gran", "the tenant's bill"
    if prev in CUE_BEFORE or prev2 in _CUE_BEFORE_2 or (adjacent and prev in _RANKS):
        return True
    taken = _TAKEN.search(text[max(0, w.start() - 10) : w.start()])
    if taken and _TAKEN_TO.match(text, w.end()):
        return True  # "drive amber to her physio", "book fern in w/ the nurse"
    if person_grammar(text, w.start(), w.end()):
        return True  # "can holly lock up", "ivy the cleaner found it", "support worker ivy"
    end = w.end()
    if w.group(0).endswith(("'s", "’s")):
        return True  # "bob's wife"
    if _self_named(text, w.start(), end):
        return True  # "hiya it's fern from next door"
    bracket = _BRACKET_AFTER.match(text, end)
    if bracket and (not bracket.group("role") or _is_person_word(bracket.group("role"))):
        return True  # "fern (82)", "drew (mum)"
    if _DID_TO_SOMEONE.match(text, end):
        return True  # "hazel found her on the kitchen floor"
    if placed_as_a_person(text, end, sentence_start(text, w.start())):
        return True  # "autumn and her mum", "crystal at 12 mill lane has", "rich in HR has"
    if (
        _WHERE_A_PATIENT_IS.match(text, end)
        or OFF_WORK.match(text, end)
        or _ON_SICK.match(text, end)
    ):
        return True  # "ivy in bed 6", "hazel off sick again"
    if _SUBJECT_WHERE_SAYS.match(text, end) and sentence_start(text, w.start()):
        return True  # "amber on reception says the parcel came"
    nxt = words[i + 1].group(0).casefold() if i + 1 < len(words) else ""
    if nxt == "here" and sentence_start(text, w.start()):
        # "holly here, got ur letter": a texter naming themselves.
        return bool(re.match(r" here\s*[,.!:-]", text[end:]))
    return nxt in _CUE_AFTER and text[end : words[i + 1].start()] == " "


def _is_person_word(word: str) -> bool:
    low = word.casefold()
    return low in ROLES or low in RELATIONS or low in _RANKS or low in _OFFICERS


def _self_named(text: str, start: int, end: int) -> bool:
    return bool(_SELF_NAMED.search(text[max(0, start - 8) : start])) and bool(
        _SELF_NAMED_AFTER.match(text, end)
    )


def will_is_a_name(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether "will"/"Will" at ``words[i]`` is the name, not the modal or the noun."""
    w = words[i]
    prev = words[i - 1].group(0).casefold() if i > 0 else ""
    head = text[: w.start()].rstrip()
    adjacent = i > 0 and text[words[i - 1].end() : w.start()] in (" ", "\t")
    if (adjacent and (prev in _DETERMINERS or prev in _SUBJECTS)) or possessive_before(
        text, w.start()
    ):
        return False  # "his will", "she will", "the tenant's will"
    if prev in ("free", "good", "ill", "living", "last", "strong", "own", "of", "against"):
        return False  # "free will", "last will", "strength of will"
    end = w.end()
    tail = text[end:]
    nxt = words[i + 1] if i + 1 < len(words) else None
    nxt_low = re.sub(r"['’]s$", "", nxt.group(0).casefold()) if nxt else ""
    gap = text[end : nxt.start()] if nxt else ""
    if w.group(0).endswith(("'s", "’s")):
        return True  # "Will's DBS still not back"
    if w.group(0).islower() and adjacent and _subject_name(prev, gaz):
        return False  # "duty planner owain will ring": a name is the modal's subject
    capital_next = bool(nxt and gap == " " and nxt.group(0)[0].isupper())
    if w.group(0)[0].isupper() and (capital_next or not sentence_start(text, w.start())):
        # "changed from Will, says", "auntie Will wants", "list: Will Okafor": a capital
        # inside a sentence or before a family name, unless a title follows ("Will Writing").
        return not (capital_next and gaz.is_english(nxt_low) and not gaz.is_surname(nxt_low))
    if nxt and gap == " " and nxt.group(0).islower() and not _verb_like(nxt_low, gaz):
        return True  # "will farooq reported in late": a full name, no verb after a modal
    if OFF_WORK.match(text, end) or _BRACKET_AFTER.match(text, end):
        return True
    placed = (
        not head
        or head[-1] in "(,:;/&+"
        or prev in CUE_BEFORE
        or prev in _RANKS
        or prev in ROLES
        or prev in RELATIONS
        or prev in ("and", "n")
    )
    if re.match(r"[ \t]*(?:[,.;:!?)/]|$)", tail):
        return placed and not (not head and tail.strip()[:1] == ".")  # "from will, says"
    if gap != " " or (nxt_low not in _NOT_AFTER_MODAL and not _past_tense(nxt_low)):
        return False  # "will do", "will check", "thanks will call her"
    if nxt_low in ("and", "or", "&", "n", "to", "from", "at", "on"):
        return placed  # "pcso will and pc fern", "landlord will to be paid"
    return True  # "will is on nights", "will says", "neighbour will popped in"


def _verb_like(word: str, gaz: Gazetteers) -> bool:
    """What may follow a modal: an English word, shorthand or a typo of one ("will chekc")."""
    if gaz.is_surname(word) and not gaz.is_english(word) and not gaz.is_word(word):
        return False
    return len(word) < 3 or gaz.is_english(word) or lower_word_not_name(word) or not word.isalpha()


def _subject_name(word: str, gaz: Gazetteers) -> bool:
    """A name that may be a subject: listed, and no role, relation or cue word."""
    return (
        (gaz.is_first_name(word) or gaz.is_surname(word))
        and word not in CUE_BEFORE
        and not _is_person_word(word)
    )


def _past_tense(word: str) -> bool:
    """A regular past tense that no modal takes ("will moved"), not "feed" or "need"."""
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")
