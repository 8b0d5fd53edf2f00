"""Nicknames British workplaces use for people: "Chalky", "Lofty", "Smithy", "Robbo" (round 11).

Two kinds, both general:

- the customary ones, a short recorded list (`CUSTOMARY`): the "inseparable" nicknames of the
  British services and trades, each tied to a surname ("Chalky" White, "Dusty" Miller,
  "Nobby" Clark, "Smudge" Smith, "Spud" Murphy, "Tug" Wilson), and those given by looks or
  origin ("Lofty", "Titch", "Ginge", "Taff", "Jock"). Left out: the ones that are first a
  place or a trade in chat ("chippy", "sparky", "sarge", "skip"), and those that are
  first pets' or toys' names ("Smudge", "Bunny", "Dolly") or weather ("Windy"). Written from the
  custom as commonly known (described in the English Wikipedia article "Inseparable
  nickname"); no list was copied. Many are words ("dusty", "tiny"), so one counts as a name
  capitalised inside a sentence, or in any case where a person cue of `name_words` stands by
  ("chalky did the job", "ask lofty") or another nickname is joined to it ("Lofty and Ginge");
- the shape English gives a nickname made from a name: a listed given name or family name
  with "-y", "-ie", "-o" or "-sy" after it, the last consonant maybe doubled ("Smithy" of
  Smith, "Jonesy" of Jones, "Robbo" of Rob, "Davo" of Dave). The result must be no English
  word, place or listed non-name; capitalised it is a name anywhere, in lower case only by a
  person cue;
- the British clipped forms with "-z" or "-zza" in place of the "r" of a given name ("Baz" and
  "Bazza" of Barry, "Gaz"/"Gazza" of Gary, "Shaz"/"Shazza" of Sharon, "Daz" of Darren, "Tez"
  of Terry): the part before the "z" and an "r" must open a listed given name, and the whole
  must be no English word ("pizza", "quiz"). Checked against the lists, so "Bazza" is a
  name because "Barry" is, not because anyone listed "Bazza".

None of these spans spreads through the case, so a wrong guess stays in its own message.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sar_desk.core.calendar import DAY_NAMES, MONTH_NAMES
from sar_desk.detect.gazetteer import Gazetteers, current, per_lists
from sar_desk.detect.lexical import lower_word_not_name
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.name_words import JOINERS, sentence_start, word_name_cued
from sar_desk.detect.words import is_not_a_name


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


CUSTOMARY = _set(
    """
    chalky dusty nobby spud tug dinger knocker pincher shiner topsy rattler dodger nutty
    sharkey lofty titch titchy ginge taff taffy jock smithy jonesy dibs shorty
    """
)
_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’]*")
_DETERMINERS = _set("the a an my your his her our their this that some any no")
_ENDINGS = ("sy", "ie", "y", "o")
Span = tuple[int, int, str, float, str]
_POSSESSIVE = re.compile(r"['’]s$")  # compiled once: read at every word
# "baz", "bazza", "shazza", "tezza": one to three letters and a vowel, then "z" or "zza"/"zze".
_CLIPPED_Z = re.compile(r"([a-z]{1,3}[aeiou])(?:z|zz[ae])")
_R_STEMS: dict[int, frozenset[str]] = {}


def _r_stems(gaz: Gazetteers) -> frozenset[str]:
    """The openings of listed given names up to and including an "r" ("bar" of Barry)."""
    key = id(gaz.first_names)
    if key not in _R_STEMS:
        _R_STEMS.clear()
        _R_STEMS[key] = frozenset(
            name[: i + 1]
            for name in gaz.first_names
            for i in range(2, min(len(name), 5))
            if name[i] == "r" and name[:i].isalpha()
        )
    return _R_STEMS[key]


def clipped_z(word: str, gaz: Gazetteers) -> bool:
    """Whether `word` is a "-z"/"-zza" clipped given name ("Bazza" of Barry, "Shaz" of Sharon)."""
    low = word.casefold()
    m = _CLIPPED_Z.fullmatch(low)
    if m is None or len(m.group(1)) < 2 or word.isupper():
        return False
    if gaz.is_english(low) or gaz.is_place(low) or gaz.is_first_name(low) or is_not_a_name(word):
        return False  # "pizza", "quiz"; a listed name is the name lists' own
    return m.group(1) + "r" in _r_stems(gaz)


def name_shaped(word: str, gaz: Gazetteers) -> bool:
    """Whether `word` is a listed name with a nickname ending ("smithy", "robbo", "davo")."""
    low = word.casefold()
    if word.isupper() or low in DAY_NAMES or low in MONTH_NAMES:
        return False  # "LADO" (a post), "Friday" ("frida" + "y")
    if len(low) < 4 or gaz.is_english(low) or gaz.is_place(low) or gaz.is_word_place(low):
        return False
    if gaz.is_first_name(low) or gaz.is_surname(low) or is_not_a_name(word):
        return False  # a listed name is the name lists' own
    if lower_word_not_name(low):
        return False  # chat shorthand or a typo of a word ("addy": an address)
    for ending in _ENDINGS:
        if not low.endswith(ending):
            continue
        stem = low[: -len(ending)]
        stems = {stem, stem + "e"}
        if len(stem) > 3 and stem[-1] == stem[-2]:
            stems.add(stem[:-1])  # "robbo" of "rob", "jonno" of "jon"
        if any(len(s) >= 3 and (gaz.is_first_name(s) or gaz.is_surname(s)) for s in stems):
            return True
    return False


def _joined_to_nickname(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether another nickname stands joined to ``words[i]`` ("Lofty and Ginge")."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(words) and words[j].group(0).casefold() in JOINERS:
            j += step
        if not 0 <= j < len(words):
            continue
        a, b = (words[j], words[i]) if j < i else (words[i], words[j])
        joint = " ".join(text[a.end() : b.start()].split()).casefold()
        if joint not in JOINERS:
            continue
        other = re.sub(r"['’]s$", "", words[j].group(0))
        if other.casefold() in CUSTOMARY or name_shaped(other, gaz):
            return True
    return False


def _shaped(word: str, gaz: Gazetteers) -> bool:
    return name_shaped(word, gaz) or clipped_z(word, gaz)


@per_lists
def _nickname_shaped(word: str) -> bool:
    """`_shaped` with the lists in use, remembered: every word of every message asks it."""
    return _shaped(word, current())


def nickname_at(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether ``words[i]`` is a nickname (see the module docstring)."""
    w = words[i]
    word = _POSSESSIVE.sub("", w.group(0))
    low = word.casefold()
    if word.isupper():
        return False  # a word in capitals is a label or an acronym ("LADO", "TAFF")
    customary = low in CUSTOMARY
    if not customary and not (_nickname_shaped(word) if gaz is current() else _shaped(word, gaz)):
        return False
    prev = words[i - 1].group(0).casefold() if i else ""
    if prev in _DETERMINERS and text[words[i - 1].end() : w.start()] == " ":
        return False  # "the sparky came", "a tiny bit"
    capital = word[:1].isupper() and not word.isupper()
    if capital and (not customary or not sentence_start(text, w.start())):
        return True  # "thanks to Chalky for", "Smithy rang"
    return word_name_cued(text, words, i) or _joined_to_nickname(text, words, i, gaz)


class NicknameListRecognizer(RuleRecognizer):
    """Customary British nicknames and nickname-shaped names (see module docstring)."""

    ENTITIES = ("PERSON",)
    RULES = ()
    NOTE: ClassVar[str] = "A nickname (customary, or a name with a nickname ending)."

    def noted_spans(self, text: str) -> list[Span]:
        """Every word that reads as a nickname where it stands."""
        gaz = current()
        if not gaz.first_names:
            return []
        words = list(_WORD.finditer(text))
        out: list[Span] = []
        for i, w in enumerate(words):
            if nickname_at(text, words, i, gaz):
                value = re.sub(r"['’]s$", "", w.group(0))
                out.append((w.start(), w.start() + len(value), "PERSON", 0.5, self.NOTE))
        return out
