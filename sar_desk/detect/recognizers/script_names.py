"""Names written in a non-Latin script inside English chat: "my aunt ਹਰਜੀਤ ਕੌਰ" (issue 15).

UK chat names people in the script of their community language (Gurmukhi, Devanagari,
Arabic, Cyrillic, Greek, Chinese ...). The English model and the Latin name lists cannot read
those words, and a sentence of Punjabi or Ukrainian, a greeting or a thank-you is no name, so
a run of one to three such words is proposed only where English chat puts a name:

- after a person cue or title ("my aunt", "Mrs", "cc", "ask", "called", "name:"); after
  "from" only two or three words ("from Київ" is a place);
- at the head of a "Name - role" or "Name: ..." line, the rest of the line in Latin letters;
- beside its own transliteration in brackets ("ਹਰਜੀਤ ਕੌਰ (Harjeet Kaur)", "Harjeet (ਹਰਜੀਤ)");
- in a script with capitals (Cyrillic, Greek), two or three capitalised words in a row
  ("Марічка Дорош"), none of them a listed greeting, thanks or formal "you";
- in those scripts, one capitalised word of three letters or more standing alone in English
  ("Сергей from the lorry park asked", "Χρύσανθος (he spells it) booked"): English chat puts
  a lone word of another script there for a name, a greeting, a one-word reply or a place;
  the listed greetings and replies are refused, and so is a word after a place preposition
  ("in Київ", "from Αθήνα"); in a message typed with no capitals at all, the same word in
  lower case as the subject of an English verb ("κατερίνα is on the front desk", not
  "сергей from the yard");
- two or three words opening a message as its subject: an English verb follows, maybe
  after an honorific ("ਹਰਜੀਤ ਕੌਰ ਜੀ did the accounts").

Texts with no letter of these scripts skip every rule (`_GATE`), so English chat pays one
regex search. `detect.languages` masks only Latin-letter clauses, so nothing here overlaps it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sar_desk.detect.cues import RELATIONS
from sar_desk.detect.gazetteer import current
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.words import TITLES, VERBS


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts to Sinhala, Thai, Georgian,
# Ethiopic, kana, CJK ideographs and Hangul (punctuation of those blocks taken out below).
_LETTERS = (
    "\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u05d0-\u05f4\u0620-\u064a\u064b-\u065f"
    "\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f\u0900-\u0963\u0966-\u0dff\u0e00-\u0e7f"
    "\u10a0-\u10ff\u1200-\u137f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
)
_GATE = re.compile(f"[{_LETTERS}]")
_W = f"[{_LETTERS}]+"
_RUN = f"{_W}(?: {_W}){{0,2}}"
_CASED = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")

# Cue words before a name (lower case; a title may carry its full stop).
_CUES = (
    RELATIONS
    | TITLES
    | _set(
        "cc ask asked tell told ping called named name auntie aunty uncle cousin colleague "
        "friend neighbour client tenant carer mrs. mr. ms. dr. ji sahib"
    )
)
_BEFORE = re.compile(r"(?i)([a-z.]+):?[ \t]+$")
_FROM = re.compile(r"(?i)\bfrom[ \t]+$")
_LINE = re.compile(rf"(?m)^[ \t]*({_RUN})[ \t]*(?:[-–—:])[ \t]+[A-Za-z]")
_BRACKET_AFTER = re.compile(rf"({_RUN})[ \t]*\(([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){{0,2}})\)")
_BRACKET_BEFORE = re.compile(rf"([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){{0,2}})[ \t]*\(({_RUN})\)")
_UP, _LOW = "А-ЯЁЄІЇҐΑ-ΩΆ-Ώ", "а-яёєіїґ'’α-ωά-ώ"
_CAPS = re.compile(rf"(?<![\w])([{_UP}][{_LOW}]+(?: [{_UP}][{_LOW}]+){{1,2}})(?![\w])")
_LONE = re.compile(rf"(?<![\w])[{_UP}][{_LOW}]{{2,}}(?![\w])")
# The same in a message typed with no capitals at all, where case says nothing ("κατερίνα is
# on the front desk").
_LONE_LOWER = re.compile(rf"(?<![\w])[{_LOW}]{{3,}}(?![\w])[ \t]+([a-z]+)")
# Words before which a lone capitalised word is more often a town than a person.
_PLACE_BEFORE = re.compile(
    r"(?i)\b(?:in|at|near|into|via|from|around|outside|of|visiting|flew|flying)[ \t]+$"
)
_SUBJECT = re.compile(
    rf"(?m)^[ \t]*({_W} {_W}(?: {_W})?)(?: (?:ਜੀ|जी|جی|ji|sahib))?[ \t]+([a-z]+)\b"
)
_RUN_AT = re.compile(_RUN)

# Capitalised Cyrillic and Greek words that open a greeting or thanks, or are the formal
# "you" (capitalised in letters): written by hand from the everyday phrases phrasebooks give
# first for Ukrainian, Russian, Bulgarian and Greek (Census 2021 main languages, TS024).
_NOT_NAMES = _set(
    """
дякую спасибо благодаря добрий доброго добрый добро добре добрый привіт привет здравствуйте
вітаю щиро дуже большое много гарного хорошего до побачення свидания вам вас ви вы ваш ваша
ваше тобі тебе нова пошта
ευχαριστώ ευχαριστω καλημέρα καλησπέρα καληνύχτα γεια χαίρετε πολύ σας
да нет так ні ok ок окей добре хорошо ладно пока бувай ура супер отлично конечно звичайно
будь ласка пожалуйста вибач извините прошу привіт ало алло алё слава україні героям
ναι όχι οχι εντάξει ενταξει αντίο μπράβο παρακαλώ συγγνώμη χρόνια πολλά
"""
)
_PROSE_VERBS = VERBS | _set("did does has had is was will can rang phoned")
Span = tuple[int, int, str, float, str]


def _cued(text: str, start: int, words: int) -> bool:
    """Whether a person cue stands right before `start` ("my aunt ", "Mrs ", "cc ")."""
    head = text[max(0, start - 24) : start]
    if words >= 2 and _FROM.search(head):
        return True
    m = _BEFORE.search(head)
    return m is not None and m.group(1).casefold() in _CUES


def _plausible(text: str, start: int, end: int) -> bool:
    """Whether a run is a whole name-sized phrase, not part of a clause in its language.

    No more script words run on either side; in a script with capitals every word is
    capitalised and none is a listed greeting, thanks or formal "you".
    """
    if re.match(rf" {_W}", text[end : end + 2]) or re.search(
        rf"{_W} $", text[max(0, start - 2) : start]
    ):
        return False  # part of a longer clause in that language
    words = text[start:end].split()
    if _CASED.match(words[0]):
        capitals = any(c.isupper() for c in text)  # none: typed all in lower case
        return all(
            (w[:1].isupper() or not capitals) and w.casefold() not in _NOT_NAMES for w in words
        )
    return True


def _transliteration(latin: str) -> bool:
    """Whether capitalised Latin words read as a name, not a word ("Harjeet Kaur", not "Thanks")."""
    gaz = current()
    return all(
        not gaz.is_common_word(low) or gaz.is_first_name(low) or gaz.is_surname(low)
        for low in latin.casefold().split()
    )  # "Gill" is a word and a family name


class ScriptNameRecognizer(RuleRecognizer):
    """Names in a non-Latin script where English chat puts a name (see module docstring)."""

    ENTITIES = ("PERSON",)
    RULES = ()
    NOTE: ClassVar[str] = "A name written in another script, where a name stands."

    def noted_spans(self, text: str) -> list[Span]:
        """Every run of non-Latin words in a name slot."""
        if _GATE.search(text) is None:
            return []
        found: set[tuple[int, int]] = set()
        for m in _RUN_AT.finditer(text):
            if _cued(text, m.start(), len(m.group(0).split())):
                found.add(m.span())
        for m in _LINE.finditer(text):
            value = m.group(1)
            if len(value.split()) >= 2 or _CASED.match(value) is not None:
                found.add(m.span(1))
        for m in _BRACKET_AFTER.finditer(text):
            if _transliteration(m.group(2)):
                found.add(m.span(1))
        for m in _BRACKET_BEFORE.finditer(text):
            if _transliteration(m.group(1)):
                found.add(m.span(2))
        for m in _CAPS.finditer(text):
            if not any(w.casefold() in _NOT_NAMES for w in m.group(1).split()):
                found.add(m.span(1))
        for m in _LONE.finditer(text):
            word = m.group(0)
            head = text[max(0, m.start() - 16) : m.start()]
            if word.casefold() not in _NOT_NAMES and _PLACE_BEFORE.search(head) is None:
                found.add(m.span())
        for m in _LONE_LOWER.finditer(text) if not any(c.isupper() for c in text) else ():
            head = text[max(0, m.start() - 16) : m.start()]
            place = _PLACE_BEFORE.search(head) or head.endswith(("to ", "to\t"))  # "to αθήνα"
            word = m.group(0).split()[0]
            if m.group(1) in _PROSE_VERBS and word not in _NOT_NAMES and not place:
                found.add((m.start(), m.start() + len(word)))
        for m in _SUBJECT.finditer(text):
            if m.group(2) in _PROSE_VERBS:
                found.add(m.span(1))
        found = {(a, b) for a, b in found if _plausible(text, a, b)}
        spans = [
            (a, b)
            for a, b in found
            if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in found)
        ]
        return [(a, b, "PERSON", 0.6, self.NOTE) for a, b in sorted(spans)]
