"""English grammar that marks a lower-case word as a person where it stands (issue 15).

Chat writes names in lower case, and many names are words ("holly", "ivy", "robin"). A bare
singular noun cannot be the subject of an English clause without an article ("the bill came",
"no joy"), so the places only a name or a pronoun can fill tell a name from the word:

- the subject of a question: a clause-opening auxiliary, the word, more ("can holly lock
  up", "is ivy ok?", "pls could robin review");
- after a role or a contact verb ("union rep ___", "hca ___", "call ___ back");
- before an appositive role ("___ the carer says", "___ our cleaner");
- before a negated auxiliary, an irregular past-tense verb or an adverb that opens a predicate
  ("___ wasnt in", "___ left her coat", "___ still in bed").

The lists are closed classes of English (auxiliaries, irregular pasts, sentence adverbs) and
generic roles found in UK casework, not the wording of any corpus. Callers still refuse a word
after an article or a possessive ("the bill", "Sam's gran").
"""

from __future__ import annotations

import re


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


AUXILIARIES = _set("can could will would should shall did does do has have had is was may might")
# What may come before a clause-opening auxiliary besides the start or punctuation.
_OPENERS = _set("pls plz please so and but ok okay also then oh hi hey hiya right sorry")
ROLES = _set("""
tenant resident patient pt client pupil student child kid baby boy girl lady man woman fella
bloke nurse hca carer doctor gp midwife worker officer manager rep councillor cllr teacher
ta head senco receptionist cleaner caretaker contractor plumber electrician surveyor engineer
driver volunteer colleague boss supervisor lead coordinator assistant adviser advisor solicitor
landlord landlady neighbour friend partner boyfriend girlfriend fiance fiancee cousin grandson
granddaughter stepson stepdaughter stepmum stepdad foster member chair witness applicant
judge magistrate usher
""")
RELATIONS = _set("""
son daughter mum mam mom dad mother father wife husband brother sister nan nana nanna gran
granny grandma grandad grandpa aunt auntie uncle nephew niece
""")
# Roles and relations as typed, with one slip of neighbouring letters ("the cleanre said").
_PEOPLE_TYPED = frozenset(
    w[:i] + w[i + 1] + w[i] + w[i + 2 :] if i >= 0 else w
    for w in ROLES | RELATIONS
    for i in range(-1, len(w) - 1)
)
_CONTACT = _set("call contact phone text email ring visit collect chase remind meet help support")
_NEGATED = _set("""
wasnt isnt hasnt hadnt didnt doesnt dont wont cant couldnt wouldnt shouldnt arent werent aint
""")
# Past tenses that are not also past participles ("went", not "sent"): "the form sent to
# legal" is a thing, "ivy went home" a person. "said", "told" and "left" are kept: things
# seldom say or leave; "did" too, for a bare noun before it needs an article ("clay did the
# check" names a person, "the clay did crack" a thing).
_PAST = _set("""
went came fell took ran saw gave rang woke wrote spoke broke forgot drove rode threw ate swore
began drank sang swam said told left did
""")
_ADVERBS = _set("still just never always already also now finally apparently really actually")
# What follows a verb, not a subject: "will mark it", "can bill the council".
_OBJECTS = _set("it its them him her us me you the a an this that these those some all up off down")
_APPOSITION = _set("the our my your their his her")
_WORD = re.compile(r"[\w'’]+")


def _plain(word: str) -> str:
    return word.casefold().replace("'", "").replace("’", "")


def person_grammar(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands where English puts a person (see module docstring)."""
    before = _WORD.findall(text[max(0, start - 40) : start])
    head = text[:start].rstrip()
    prev = before[-1].casefold() if before and head.endswith(before[-1]) else ""
    if (
        prev in ROLES
        or prev in _CONTACT
        or head.casefold().endswith((" w/", "\tw/"))
        or head == "w/"
    ):
        return True  # "support worker ivy", "call robin back", "visit w/ ivy"
    tail = text[end : end + 40]
    after = _WORD.findall(tail)
    if not after or tail[:1] not in (" ", "\t"):
        return False
    nxt = _plain(after[0])
    if question_subject(text, start, end):
        return True  # "can holly lock up", "pls could robin review", "is ivy ok?"
    if nxt in _NEGATED or nxt in _PAST:
        return True
    if appositive_role(text, end):
        return True  # "ivy the cleaner found it"
    return nxt in _ADVERBS and len(after) > 1  # "ivy still at work", "holly just rang"


def appositive_role(text: str, end: int) -> bool:
    """Whether a role in apposition follows: "ivy the cleaner", "sam our caretaker"."""
    after = _WORD.findall(text[end : end + 30])
    return (
        text[end : end + 1] == " "
        and len(after) > 1
        and after[0].casefold() in _APPOSITION
        and after[1].casefold() in _PEOPLE_TYPED
    )


def question_subject(text: str, start: int, end: int) -> bool:
    """Whether the word is the subject after a clause-opening auxiliary ("can joy review").

    After a subject ("we can bill them") the auxiliary makes the word a verb, and so does an
    object after it: chat drops the subject of a statement ("will mark it", "can bill the
    council").
    """
    head = text[:start].rstrip()
    before = _WORD.findall(head[-12:])
    if not before or not head.endswith(before[-1]) or before[-1].casefold() not in AUXILIARIES:
        return False
    tail = text[end : end + 2]
    after = _WORD.findall(text[end : end + 20])
    return (
        tail[:1] in (" ", "\t")
        and tail[1:2].isalnum()
        and bool(after)
        and after[0].casefold() not in _OBJECTS
        and _opens_clause(head[: len(head) - len(before[-1])])
    )


def _opens_clause(head: str) -> bool:
    """Whether a word after `head` starts a clause: nothing, punctuation or "pls" before it."""
    head = head.rstrip()
    if not head or head[-1] in ",.!?;:-(\n":
        return True
    words = _WORD.findall(head[-12:])
    return bool(words) and words[-1].casefold() in _OPENERS


# Determiners before a noun ("the", "his", "Sam's"); not "our", which Northern English puts
# before a relative's name ("our Jo").
_ARTICLES = _set("the a an my your his her their its this that these those some any no every each")


# "it's", "that's", "she's": "is" or "has" after a pronoun, never a possessive.
_CONTRACTED = re.compile(r"(?i)\b(?:it|that|there|here|what|who|he|she|where|how|this)['’]s$")
# Away from work ("hazel off sick again"): a person, although "off" mostly follows a verb.
OFF_WORK = re.compile(r"(?i)[ \t]+off (?:sick|ill|work|today|tomorrow|tmrw|on leave)\b")


def possessive_before(text: str, start: int) -> bool:
    """Whether a possessive ends right before `start` ("Sam's gran"), not "it's"."""
    head = text[:start].rstrip()
    return head.endswith(("'s", "’s")) and len(head) < start and not _CONTRACTED.search(head[-8:])


def after_article(text: str, start: int) -> bool:
    """Whether an article, a possessive pronoun or a possessive comes right before."""
    head = text[:start].rstrip()
    if possessive_before(text, start):
        return True  # "Sam's gran", "the tenant's bill"
    before = _WORD.findall(head[-12:])
    return bool(before) and head.endswith(before[-1]) and before[-1].casefold() in _ARTICLES


# Round 11: a role in brackets ("rusty (the new volunteer)") or a body and a verb ("major
# from the cadets is coming") after a word-name say who it is, as `name_words` reads them.
_NAMED_BY_WHAT_FOLLOWS = re.compile(
    r"[ \t]*\((?:(?:the|our|my|a|an)[ \t]+)?(?:(?:new|old|former)[ \t]+)?(?P<role>[a-z]+)\)"
    r"|[ \t]+from[ \t]+(?:the[ \t]+)?[a-z]+[ \t]+(?:is|was|has|came|rang|said|says)\b",
    re.IGNORECASE,
)


def named_by_what_follows(text: str, end: int) -> bool:
    """Whether a role in brackets or "from the <body> is" follows a word-name at `end`."""
    m = _NAMED_BY_WHAT_FOLLOWS.match(text, end)
    if m is None:
        return False
    role = m.group("role")
    return role is None or role.casefold() in ROLES or role.casefold() in RELATIONS
