"""Nicknames and run-together given names that no list has, told by how English uses them.

- A family or familiar word of address before a name: "uncle tunde", "Auntie Gloria", "Nana
  Bev", "our Shaz", "Big Al", "Wee Shug". The word after it must be a given name or no
  English word at all, so "our house", "big deal", "wee bit" and "nana nap" stay words.
- A capitalised word after a role, then a subject's verb: "the cleaner Lucjan found it"; in
  lower case only a word in no dictionary ("the cleaner lucjan found it"), and so after a
  closing dash with kisses ("— cerys x").
- A capitalised word inside a sentence right after a verb of contact or thanks, or a
  relation: "ask Tufty about the van", "thanks Mags and Jonesy", "daughter Selam staying".
  Only a word that is no common English word, no place and no product, so "ask Legal" and
  "thanks Teams" stay what they are.
- Hyphenated given names in any case whose every part is a listed given name: "kenzie-may",
  "Lily-Grace" (and not "may-day": a part must be no common word, or the whole capitalised).
- A listed given name right before a post written as a title: "Hazel Team Leader".
- A word in no dictionary opening a sentence before a verb only a person does: "Thistlewaite
  wants the panel report" (a family name alone).

None of these spans spreads through the case (the second pass learns only from the model and
the lists), so a wrong guess stays in its own message.
"""

from __future__ import annotations

import re

from sar_desk.detect.cues import ROLES
from sar_desk.detect.gazetteer import current
from sar_desk.detect.languages import is_foreign_word
from sar_desk.detect.lexical import lower_word_not_name
from sar_desk.detect.posts import is_post
from sar_desk.detect.prefilters import atoms, folded
from sar_desk.detect.recognizers.address_forms import (
    AFTER_RELATION,
    AFTER_RELATION_FULL,
    FAMILY,
    FROM_SAID,
    RELATION_GATE,
    SHORT_SUBJECT,
    SIGN_OFF,
    address_ranks,
    family_ok,
    lower_full_name_ok,
    lower_unlisted_ok,
    short_subject_ok,
    sign_off_ok,
)
from sar_desk.detect.recognizers.base import Rule, RuleRecognizer
from sar_desk.detect.recognizers.shouted_names import shouted_spans
from sar_desk.detect.words import is_not_a_name
from sar_desk.detect.world_greetings import is_world_greeting

_WORD = r"[^\W\d_][^\W\d_'’]*"
_FAMILIAR = (
    r"uncle|auntie|aunty|aunt|nana|nanna|nan|nanny|grandad|granda|grandpa|grandma|granny|"
    r"gran|big|little|lil|our|old|wee"
)
# Only the name is proposed: the word of address is how the person is called, not who.
FAMILIAR_NAME = re.compile(rf"(?<![\w'’-])(?P<cue>(?i:{_FAMILIAR}))[ \t]+(?P<v>{_WORD})(?![\w-])")
_CONTACT = (
    r"ask|asked|asking|thanks|thank|ta|cheers|tell|told|cc|ping|pinged|ring|rang|call|called|"
    r"text|texted|email|emailed|message|messaged|remind|reminded|chase|chased|"
    # a relation names the person right after it: "daughter Selam staying"
    r"son|daughter|wife|husband|partner|mum|mam|dad|brother|sister|nephew|niece|cousin|"
    r"grandson|granddaughter|stepson|stepdaughter"
)
AFTER_CONTACT = re.compile(rf"(?<![\w'’])(?i:{_CONTACT})[ \t]+(?P<v>[A-Z][a-z]{{2,}})(?![\w'’-])")
_CONTACT_GATE = re.compile(
    rf"(?<![\w'’])(?i:{folded(atoms(b) for b in _CONTACT.split('|'))})[ \t]+[A-Z]"
)
# A given name right before a post written as a title: "Hazel Team Leader", "Rowan Practice
# Manager signed it". The model reads the whole as an organisation and drops it.
BEFORE_POST = re.compile(
    r"(?<![\w'’-])(?P<v>[A-Z][a-z]+)[ \t]+(?P<post>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
    r"(?![\w'’-])"
)
# A family name alone opening a sentence, then a verb only a person does: "Thistlewaite wants
# the panel report", "pennington is doing nights". The word must be in no dictionary.
SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s))[ \t]*(?P<v>[^\W\d_][a-z'’-]{3,})[ \t]+(?=(?:wants|wanted|rang|rung|"
    r"called|phoned|emailed|texted|messaged|says|said|asked|told|refused|agreed|signed|missed|"
    r"(?:is|was)[ \t]+(?:doing|on|off|covering|back|away|chairing|leading))\b)",
    re.MULTILINE,
)
# A rota written with arrows: "Mo 👉 counter, Dev 👉 fryer", "kaz -> tills". The word opening
# the line or an item is who does the task.
ASSIGNED = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\n))[ \t]*(?P<v>[A-Za-z][a-z]{1,2})[ \t]*(?:👉|->|→|=>|➡️?)[ \t]*"
    r"(?=[^\W\d_])",
    re.MULTILINE,
)
_ARROW = re.compile(r"👉|->|→|=>|➡")  # in every ASSIGNED match: its gate
HYPHENATED = re.compile(r"(?<![\w'’-])(?P<v>[^\W\d_]{2,}-[^\W\d_]{2,})(?:['’]s)?(?![\w-])")


# "the cleaner Lucjan found a phone": a person's role, a capitalised word, then a verb only a
# person's subject takes. The word must pass `contact_ok` (no common word, place or product).
_SUBJECT_VERB = r"(?=[ \t]+(?:found|said|says|rang|asked|told|wants|is|was|has|had)\b)"
_ROLE_WORDS = "|".join(sorted(ROLES - {"pt", "ta", "head", "lead", "member", "chair"}))
AFTER_ROLE = re.compile(
    rf"(?<![\w'’])(?i:the|our|my|your|their|his|her|new)[ \t]+(?:{_ROLE_WORDS})[ \t]+"
    r"(?P<v>[A-Z][a-z]{2,})" + _SUBJECT_VERB
)
# The same in lower case ("the cleaner lucjan found"): only a word in no dictionary.
AFTER_ROLE_LOWER = re.compile(
    rf"(?<![\w'’])(?i:the|our|my|your|their|his|her|new)[ \t]+(?:{_ROLE_WORDS})[ \t]+"
    r"(?P<v>[a-z]{3,})" + _SUBJECT_VERB
)
# A sign-off in lower case closed with kisses ("— cerys x"): the kisses say a name signs.
SIGN_OFF_KISSED = re.compile(r"(?m)(?:^|[ \t])[-–—~][ \t]*(?P<v>[a-z]{3,})[ \t]+x{1,4}[ \t]*$")
# A character every match of the sign-off and hyphenated-name rules holds (their gate: most
# chat lines have none, and the rules' own patterns cost more to scan for).
_DASH = re.compile(r"[-–—~]")


_KIN_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:uncle|auntie|aunty|aunt|nana|nanna|nanny|grandad|granda|grandpa|"
    r"grandma|granny|gran|cousin)[ \t]+$"
)


def after_kin_word(text: str, start: int) -> bool:
    """Whether a word of kin used as a title stands right before ``start`` ("uncle tunde")."""
    return _KIN_BEFORE.search(text[max(0, start - 12) : start]) is not None


def _plain(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _in_a_name(text: str, start: int, cue: str) -> bool:
    """Whether a capitalised cue word follows a capitalised word ("Amber Little", "Mr Big")."""
    if not cue[:1].isupper():
        return False
    before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 30) : start])
    return before is not None and before.group(1)[:1].isupper()


def familiar_ok(cue: str, value: str) -> bool:
    """Whether the word after "uncle", "our", "big"... is a name, not a word.

    After a word of kin ("uncle", "nan") an unlisted word one slip from a dictionary word is
    still a name ("uncle tunde"): the title says a person follows.
    """
    word = _plain(value)
    low = word.casefold()
    gaz = current()
    kin = cue.casefold() not in ("big", "little", "lil", "old", "our", "wee")
    if is_not_a_name(word) or gaz.is_place(low) or lower_word_not_name(word, typos=not kin):
        return False  # "our house", "little agianst" (a slip of a word)
    listed = gaz.is_first_name(low) and not gaz.is_word(low)
    if not kin:
        # "big deal", "our house": only a capitalised word or a given name no word shares.
        return (
            listed
            or not gaz.is_english(low)
            or (word[:1].isupper() and not gaz.is_common_word(low))
        )
    return listed or not gaz.is_english(low)


def contact_ok(value: str) -> bool:
    """Whether a capitalised word after "ask", "thanks"... is a person, not a team or a tool."""
    gaz = current()
    low = value.casefold()
    if gaz.is_common_word(low) or gaz.is_place(low) or gaz.is_word_place(low):
        return False
    if is_world_greeting(value):
        return False  # "thanks Gracias"
    # A word of another language's lists is a name here ("daughter Selam": also Turkish "hi").
    return not is_not_a_name(value) or is_foreign_word(value)


def subject_ok(value: str) -> bool:
    """Whether a word opening a sentence before a person's verb is a family name.

    In no dictionary, no place, product or greeting; in lower case only a listed name.
    """
    gaz = current()
    low = _plain(value).casefold()
    if gaz.is_english(low) or gaz.is_place(low) or gaz.is_word_place(low):
        return False
    if is_not_a_name(value) or lower_word_not_name(value):
        return False
    return value[:1].isupper() or gaz.is_surname(low) or gaz.is_first_name(low)


def assigned_ok(value: str) -> bool:
    """Whether a short word before a rota's arrow is a given name ("Mo", not "ok" or "ta")."""
    if lower_word_not_name(value) or value.casefold() in {"ig", "fb", "tv", "pc"}:
        return False  # chat shorthand ("ok -> done", "ty"), letters said one by one
    return short_subject_ok(value)


def before_post_ok(name: str, post: str) -> bool:
    """Whether a listed given name stands before a post ("Hazel" of "Hazel Team Leader")."""
    gaz = current()
    if not gaz.is_first_name(name) or is_post(name) or not is_post(post):
        return False
    return not gaz.is_place(name)


def hyphenated_ok(value: str) -> bool:
    """Whether each part of a hyphenated word is a given name ("kenzie-may", "Lily-Grace")."""
    gaz = current()
    parts = _plain(value).split("-")
    if not all(gaz.is_first_name(p) for p in parts):
        return False
    if all(p[:1].isupper() for p in parts):
        return True
    return any(not gaz.is_common_word(p) for p in parts)


class NicknameRecognizer(RuleRecognizer):
    """Nicknames by a familiar word or a contact verb, and hyphenated given names."""

    ENTITIES = ("PERSON",)
    RULES = (
        Rule("after-contact", AFTER_CONTACT, 0.55, validate=contact_ok, needs=_CONTACT_GATE),
        Rule("subject-surname", SUBJECT, 0.5, validate=subject_ok),
        Rule("after-role", AFTER_ROLE, 0.55, validate=lambda v: contact_ok(v)),
        Rule("after-role-lower", AFTER_ROLE_LOWER, 0.5, validate=lower_unlisted_ok),
        Rule("sign-off-kissed", SIGN_OFF_KISSED, 0.5, validate=lower_unlisted_ok, needs=_DASH),
        Rule("hyphenated-given-names", HYPHENATED, 0.6, validate=hyphenated_ok, needs=_DASH),
        # `address_forms`: "see you tomorrow - Tomasz", "mo is on the 2nd van".
        Rule("sign-off", SIGN_OFF, 0.5, validate=sign_off_ok, needs=_DASH),
        Rule("short-given-name", SHORT_SUBJECT, 0.5, validate=short_subject_ok),
        Rule("assigned-by-arrow", ASSIGNED, 0.5, validate=assigned_ok, needs=_ARROW),
        Rule(
            "after-relation", AFTER_RELATION, 0.5, validate=lower_unlisted_ok, needs=RELATION_GATE
        ),
        Rule(
            "after-relation-full",
            AFTER_RELATION_FULL,
            0.5,
            validate=lower_full_name_ok,
            needs=RELATION_GATE,
        ),
        Rule("family-name", FAMILY, 0.5, validate=family_ok),
        Rule("from-said", FROM_SAID, 0.5, validate=lower_unlisted_ok),
    )

    def noted_spans(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """The rules' matches, then names after a familiar word that overlap none of them."""
        found = super().noted_spans(text)
        for start, end in address_ranks(text):  # "Sarge wants everyone on the barrier"
            if all(end <= s or start >= e for s, e, *_rest in found):
                found.append((start, end, "PERSON", 0.5, ""))
        for m in BEFORE_POST.finditer(text):
            start, end = m.span("v")
            if before_post_ok(m.group("v"), m.group("post")) and all(
                end <= s or start >= e for s, e, *_rest in found
            ):
                found.append((start, end, "PERSON", 0.55, ""))
        for start, end in shouted_spans(text, current()):  # "KEELEY left", "Ollieee 😂"
            if all(end <= s or start >= e for s, e, *_rest in found):
                found.append((start, end, "PERSON", 0.55, ""))
        for m in FAMILIAR_NAME.finditer(text):
            start, end = m.span("v")
            if _in_a_name(text, m.start("cue"), m.group("cue")):
                continue  # "Amber Little against": the cue is a family name
            if familiar_ok(m.group("cue"), m.group("v")) and all(
                end <= s or start >= e for s, e, *_rest in found
            ):
                found.append((start, end, "PERSON", 0.6, ""))
        return sorted(found)
