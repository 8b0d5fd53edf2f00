"""Initials standing for someone not in the case: "k.m.", "J.R.", "MH to do the demo" (round 11).

The case's own people's initials are deny-list terms (`detect.initials`); anyone else's were
left to the model, which reads "k.m." or "dg" as nothing. Two shapes say "a person" alone:

- dotted initials, two or three letters each with its dot ("k.m.", "J.R.", "a.b.c."), less
  the dotted abbreviations of English ("e.g.", "i.e.", "a.m.", "p.s.", "n.b.", "a.k.a.") and
  the capitals that are more often an abbreviation (`initials.ACRONYMS`: "G.P.", "M.P.");
- two bare letters opening a line or a sentence before a task or a signature, as rotas and
  registers write them: "MH to do the fire drill", "dg to check the van", "bs countersigned
  the register"; or in capitals before a verb only a person does ("JW said it's fine") or
  after a verb of contact ("ask MK for the keys"). Never an English word or chat shorthand
  ("ok to do", "hr to check"), an abbreviation of `initials.ACRONYMS` or a post ("ask TL");
- two letters in brackets ending a bulleted item of minutes or actions, its owner ("- lift
  approved (MK)"), less units ("(kg)");
- two or three letters right after the word "initials" or "initialled (by)", in any case
  ("initials ap on the butt", "signed only with initials KB", "initialled by dg"): the word
  says what they are, so a post's letters ("AP") count too; an English word ("initials only",
  "initials and date") does not;
- a given name and the initial of a family name with its dot ("Tamsin P.", "tamsin p."), the
  way a register or a name tag shortens a name: proposed whole, so the initial is not left
  beside a redacted name. The first word must be a listed given name (in lower case one that
  is no common word) or, capitalised, a word in no dictionary ("Oluwaseun A."); "Plan B.",
  "Section A." stay words.

None of these spans spreads through the case, so a wrong guess stays in its own message.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sar_desk.detect.gazetteer import current
from sar_desk.detect.initials import ACRONYMS
from sar_desk.detect.lexical import CHAT_WORDS
from sar_desk.detect.recognizers.base import RuleRecognizer


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DOTTED = re.compile(r"(?<![\w.@/])(?P<v>(?:[A-Za-z]\.){2,3})(?![\w@/]|\.\w)")
# Dotted abbreviations that are no one's initials (letters only, lower case).
_ABBREVIATIONS = _set("""
    eg ie am pm ps nb aka uk us eu ok rip asap etc vs ad bc na nhs gp mp pc dc ds hr it qc
    mr ms dr st co op ie pps bst gmt utc fyi tbc tba rsvp ono ovno pt tb ta sw ot rn dn pa qa
    ff
""")
_TASK = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?P<v>[A-Z]{2}|[a-z]{2})(?=[ \t]+(?:to[ \t]+(?:do|check|"
    r"cover|ring|call|chase|sort|book|lead|run|collect|update|finish|lock|open|close)|"
    r"countersigned|co-signed|signed|witnessed|initialled|checked)\b)",
    re.MULTILINE,
)
# Two capitals said as a person: opening a line or a sentence before a verb only a person
# does ("JW said it's fine"), or right after a verb of contact ("ask MK", "thanks RB"). Capitals
# only: "ok said" and "ask me" are words.
_SAID = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?P<v>[A-Z]{2})(?=[ \t]+(?:said|says|rang|asked|wants|"
    r"wanted|told|phoned|texted|emailed|messaged|agreed|reckons|thinks|(?:is|was)[ \t]+(?:off|"
    r"going|in[ \t]+today|on[ \t]+(?:lates|earlies|nights|leave|holiday))|has[ \t]+(?:gone|"
    r"left|asked|said))\b)",
    re.MULTILINE,
)
_ASK = re.compile(
    r"(?<![\w'’])(?:[Aa]sk|[Tt]ell|[Tt]hanks|[Cc]heers|[Pp]ing|[Rr]emind|[Cc]hase|[Tt]ext|"
    r"[Mm]essage)[ \t]+(?P<v>[A-Z]{2})(?![\w'’@-]|[ \t]+[A-Z])"
)
# Minutes and action lists name who owns an item by initials in brackets at its end:
# "- Ola: housing transfer (JW)", "- lift approved (mk)". Only on a bulleted line.
_OWNER = re.compile(
    r"(?m)^[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t][^\n]*?\((?P<v>[A-Z]{2}|[a-z]{2})\)"
    r"(?=[ \t]*(?:[,.;]|$))"
)
# Letters the writer calls initials: "initials ap", "initials: KB", "initialled by dg".
_CALLED = re.compile(
    r"(?i)\binitial(?:s|led|ed)(?:[ \t]+by|[ \t]*:)?[ \t]+[\"'“‘]?(?P<v>[a-z]{2,3})(?![\w'’@.-])"
)
_CALLED_GATE = re.compile(r"(?i)initial")
# A given name, then one letter and its dot: "Tamsin P.", "zofia k." (not "e.g. A." lists).
_NAME_INITIAL = re.compile(
    r"(?<![\w'’.-])(?P<v>(?P<name>[A-Z][a-z]{1,15}|[a-z]{2,16})[ \t](?P<i>[A-Za-z])\.)"
    r"(?![\w.]|[ \t][A-Za-z]\.)"
)
_NAME_INITIAL_GATE = re.compile(r"[a-z][ \t][A-Za-z]\.")
# Units and short words written in brackets ("(kg)", "(ft)", "(ie)"), never initials.
_UNITS = _set("kg km cm mm ml mg ft lb oz gb mb kb hz mph kw ie eg ea yr yo")
# Posts and bodies said by their capitals, no one's initials ("ask TL", "GM said").
_POSTS = _set("""
    gm tl hv dm rm cm om sm md ta lo do co io ap ds di dc sgt pt cs bm fm hm hq ea ceo cfo
    coo dpo sm ic bt ee o2 dj mc fa rm rn cd tv
""")
Span = tuple[int, int, str, float, str]


def _letters(value: str) -> str:
    return value.replace(".", "")


def dotted_ok(value: str) -> bool:
    """Whether dotted letters are initials, not an abbreviation ("k.m.", not "e.g.")."""
    letters = _letters(value)
    return letters.casefold() not in _ABBREVIATIONS and letters.upper() not in ACRONYMS


def called_ok(value: str) -> bool:
    """Whether letters after "initials" are initials, not a word ("initials and date")."""
    low = value.casefold()
    return low not in CHAT_WORDS and not current().is_common_word(low)


def name_initial_ok(m: re.Match[str]) -> bool:
    """Whether "Word X." is a given name and a family name's initial (see module docstring)."""
    name, letter = m.group("name"), m.group("i")
    if name.islower() != letter.islower() or (name[:1].isupper() and letter.islower()):
        return False  # "tamsin p.", "Tamsin P.": one way of writing all through
    gaz = current()
    low = name.casefold()
    if low in CHAT_WORDS or gaz.is_place(low):
        return False  # "pls x.", "Leeds A."
    if gaz.is_first_name(low):
        # a word-name only capitalised: "Mark S." is a name, "mark x." a verb's object
        return name[:1].isupper() or not gaz.is_common_word(low)
    return name[:1].isupper() and not gaz.is_english(low)  # not "Plan B.", "Section A."


def task_ok(value: str) -> bool:
    """Whether two letters before a task are initials, not a word or an abbreviation."""
    low = value.casefold()
    if value.upper() in ACRONYMS or low in _ABBREVIATIONS or low in CHAT_WORDS or low in _POSTS:
        return False
    if low in _UNITS:
        return False
    # the common words only: the larger dictionary holds abbreviations ("dg", "jr")
    return not current().is_common_word(low)


class LooseInitialsRecognizer(RuleRecognizer):
    """Dotted initials, and two letters before a task (see module docstring)."""

    ENTITIES = ("PERSON",)
    RULES = ()
    NOTE: ClassVar[str] = "Initials standing for a person."

    def noted_spans(self, text: str) -> list[Span]:
        """Dotted initials anywhere, bare two-letter initials before a task or a signature."""
        out: list[Span] = [
            (m.start("v"), m.end("v"), "PERSON", 0.5, self.NOTE)
            for m in _DOTTED.finditer(text)
            if dotted_ok(m.group("v"))
        ]
        out += [
            (m.start("v"), m.end("v"), "PERSON", 0.5, self.NOTE)
            for rule in (_TASK, _SAID, _ASK, _OWNER)
            for m in rule.finditer(text)
            if task_ok(m.group("v"))
        ]
        if _NAME_INITIAL_GATE.search(text) is not None:
            out += [
                (m.start("v"), m.end("v"), "PERSON", 0.55, self.NOTE)
                for m in _NAME_INITIAL.finditer(text)
                if name_initial_ok(m)
            ]
        if _CALLED_GATE.search(text) is not None:
            out += [
                (m.start("v"), m.end("v"), "PERSON", 0.55, self.NOTE)
                for m in _CALLED.finditer(text)
                if called_ok(m.group("v"))
            ]
        return out
