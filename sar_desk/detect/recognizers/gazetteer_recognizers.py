"""Names and UK places from the shipped lists (`detect.gazetteer`), for what NER misses.

The small model misses lone and lower-case names ("spoke to dan hughes", "grzegorz rang") and
most small towns ("our client in Oban"). These recognisers read the name and place lists:

- a given name followed by a family name, in any case ("dan hughes"), or a title and a
  capitalised word ("Mrs Okoro");
- a lone given name that is not an everyday word, in any case ("Shauna", "grzegorz");
- a given name that is also a word ("rose", "pat", "will", "Mark" opening a sentence) only
  with a person cue next to it ("asking for pat", "rose is in bay 3", "will is on nights";
  never after "the"/"a"/"my"): the cues are in `name_words`;
- a UK town or city as written in the list ("Truro"); one that is also a name or a word only
  after a place preposition ("in Bolton").

Scores sit below NER's (0.85) so a model label wins a tie, and above 0.4 so a reviewer
filtering at 0.5 still sees full names and places.
"""

from __future__ import annotations

import re
from typing import ClassVar

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.core.calendar import DAY_NAMES, MONTH_NAMES
from sar_desk.detect.cues import RELATIONS, ROLES, after_article
from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.lexical import lower_word_not_name, odd_capitals
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.family_plurals import plural_family
from sar_desk.detect.recognizers.name_lists import EVERYDAY_NOUNS, in_a_list_of_names, named_by_cue
from sar_desk.detect.recognizers.name_words import (
    CUE_BEFORE,
    sentence_start,
    will_is_a_name,
    word_name_cued,
)
from sar_desk.detect.recognizers.noun_phrases import in_a_compound
from sar_desk.detect.recognizers.uk_villages import title_or_name_before
from sar_desk.detect.words import (
    FILLER_WORDS,
    NOT_NAMES,
    PLACE_WORDS,
    PLACEHOLDER_WORDS,
    PRODUCTS,
    TITLES,
)

# Latin letters with their marks, Vietnamese's too (Latin Extended Additional: "Bảo", "Thị").
_WORD = re.compile(r"[A-Za-zÀ-ɏ\u1e00-\u1eff][A-Za-zÀ-ɏ\u1e00-\u1eff'’\-]*")
_PLACE_CUE = frozenset(
    ["in", "to", "from", "near", "at", "of", "outside", "around", "towards", "via"]
)
_NEVER = (
    STOP_WORDS
    | NOT_NAMES
    | TITLES
    | PLACE_WORDS
    | PRODUCTS
    | FILLER_WORDS
    | PLACEHOLDER_WORDS
    | MONTH_NAMES
    | DAY_NAMES
)

Span = tuple[int, int, str, float, str]


# A trailing possessive ("Sam's"), compiled once: the name check reads every word.
_POSSESSIVE = re.compile(r"['’]s$")
# The last text's words: the name and place recognisers all read the same message in turn.
_last_words: tuple[str, list[re.Match[str]]] = ("", [])


class _ListRecognizer(RuleRecognizer):
    RULES = ()

    def _words(self, text: str) -> list[re.Match[str]]:
        """The words of `text` (shared between recognisers: never change the list)."""
        global _last_words
        seen, words = _last_words
        if seen is text or seen == text:
            return words
        # Letters glued to digits ("XR516622A", "P45") are codes, not words.
        words = [
            w
            for w in _WORD.finditer(text)
            if not (w.start() and text[w.start() - 1].isdigit())
            and not text[w.end() : w.end() + 1].isdigit()
        ]
        _last_words = (text, words)
        return words


class NameListRecognizer(_ListRecognizer):
    """Given names and family names from the shipped lists (see module docstring)."""

    ENTITIES = ("PERSON",)
    NOTE: ClassVar[str] = "Name found in the given-name and family-name lists."

    def noted_spans(self, text: str) -> list[Span]:
        """Full names first, then lone given names; no two spans overlap."""
        gaz = current()
        if not gaz.first_names:
            return []
        words = self._words(text)
        out: list[Span] = []
        taken = -1
        for i, w in enumerate(words):
            if w.start() < taken:
                continue
            span = self._at(text, words, i, gaz) or plural_family(text, words, i, gaz)
            if span is not None:
                out.append(span)
                taken = span[1]
        return out

    def _at(self, text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> Span | None:
        w = words[i]
        word = _POSSESSIVE.sub("", w.group(0)).strip("'’-")
        low = word.casefold()
        if low not in TITLES and low != "will" and not gaz.is_first_name(low):
            return None  # most words: no title, no name (the checks below all need one)
        nxt = words[i + 1] if i + 1 < len(words) else None
        adjacent = nxt is not None and text[w.end() : nxt.start()] in (" ", ". ")
        if low in TITLES and adjacent and nxt is not None:
            follow = nxt.group(0)
            if follow[:1].isupper() and follow.casefold() not in _NEVER:
                return (w.start(), nxt.end(), "PERSON", 0.6, self.NOTE)
            # "ms ramsbottom", "mx sharp": a listed surname after a title typed in lower case
            # ("miss" is also a verb, so only with a surname that is not a word).
            f_low = re.sub(r"['’]s$", "", follow.casefold())
            if (
                gaz.is_surname(f_low)
                and f_low not in _NEVER
                # "miss lam", but "miss rice": a word-surname after "miss" only if uncommon
                and (low != "miss" or not gaz.is_word(f_low) or not gaz.is_common_word(f_low))
            ):
                end = nxt.start() + len(re.sub(r"['’]s$", "", follow))
                return (w.start(), end, "PERSON", 0.55, self.NOTE)
            # "rev smethurst", "mrs van der berg": after a title, a family name no list or
            # dictionary has, or one that opens with a particle, is still a family name.
            family_end = _surname_after_title(text, words, i + 1)
            if family_end is not None:
                return (w.start(), family_end, "PERSON", 0.5, self.NOTE)
        if low == "will" and will_is_a_name(text, words, i, gaz):
            # "will is on nights", "from Will, says"; "will farooq" is a full name.
            full = (
                nxt is not None
                and text[w.end() : nxt.start()] == " "
                and (_plain_surname(nxt, gaz) or _unknown_word(nxt.group(0)))
            )
            if nxt is not None and word[0].isupper() and text[w.end() : nxt.start()] == " ":
                full = nxt.group(0)[0].isupper() and not gaz.is_english(nxt.group(0).casefold())
            end = (
                nxt.start() + len(re.sub(r"['’]s$", "", nxt.group(0)))
                if full and nxt
                else w.start() + len(word)
            )
            return (w.start(), end, "PERSON", 0.45, self.NOTE)
        if not gaz.is_first_name(low) or low in _NEVER or len(low) < 2 or odd_capitals(word):
            return None
        cased = word[:1].isupper()
        if not cased and (
            lower_word_not_name(word)
            or low in CUE_BEFORE | ROLES | RELATIONS
            or (after_article(text, w.start()) and not _that_clause(text, w.start(), low, gaz))
            or _DEGREE_BEFORE.search(text[max(0, w.start() - 16) : w.start()]) is not None
        ):
            return None  # "nat ins", "her son", "Sam's gran", "his ben", "a hazel tree"
        if not cased and low in EVERYDAY_NOUNS and not named_by_cue(text, words, i):
            return None  # "in cash", "council tax", "charity fun run": the word
        if adjacent and nxt is not None and text[w.end() : nxt.start()] == " ":
            last = nxt.group(0)
            last_low = last.casefold()
            listed = gaz.is_surname(last_low) and last_low not in _NEVER
            if cased:
                # "Rose Bell", "Reece Entwistle": both capitalised, the second not a place.
                ok_last = (
                    last[:1].isupper()
                    and last_low not in _NEVER
                    and (listed or not (gaz.is_word(last_low) or gaz.is_place(last_low)))
                    and not gaz.is_place(text[w.start() : nxt.end()])  # "Whitley Bay"
                )
            else:
                ok_last = listed and not gaz.is_word(last_low)
            if ok_last and (not gaz.is_word(low) or cased):
                return (w.start(), nxt.end(), "PERSON", 0.6, self.NOTE)
            if not cased and (_plain_surname(nxt, gaz) or _double_barrelled(last, gaz)):
                # "lily owusu had words": a word-name, then a family name no dictionary has.
                return (w.start(), nxt.end(), "PERSON", 0.55, self.NOTE)
        if not gaz.is_word(low) and not gaz.is_place(low):
            if cased or len(low) >= 3:
                return (w.start(), w.start() + len(word), "PERSON", 0.5, self.NOTE)
            return None
        if cased and not gaz.is_place(low) and not sentence_start(text, w.start()):
            return (w.start(), w.start() + len(word), "PERSON", 0.45, self.NOTE)
        if not cased and in_a_compound(text, words, i, gaz):
            return None  # "Pitchero page", "case officer": the word in a noun phrase
        if word_name_cued(text, words, i) or in_a_list_of_names(text, words, i, gaz, _NEVER):
            return (w.start(), w.start() + len(word), "PERSON", 0.45, self.NOTE)
        return None


_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "du", "da", "di", "la", "le", "del", "della", "dos", "st"}
)
# An adverb of degree takes an adjective or an adverb, never a name: "very sad", "too long",
# "really rusty", "a bit grey" ("so" is left out: "so rose rang").
_DEGREE_BEFORE = re.compile(
    r"(?i)\b(?:very|too|really|quite|rather|pretty|fairly|extremely|slightly|somewhat|"
    r"terribly|awfully|incredibly|a[ \t]+bit|abit|bit)[ \t]+$"
)


def _surname_after_title(text: str, words: list[re.Match[str]], j: int) -> int | None:
    """End of a lower-case family name starting at ``words[j]`` after a title, if it is one.

    Particles ("van der", "de la") run on to the word they introduce; the name itself must be
    a word no dictionary has (not "mrs said", not a typo of a word).
    """
    k = j
    while k + 1 < len(words) and words[k].group(0) in _PARTICLES and k - j < 3:
        if text[words[k].end() : words[k + 1].start()] != " ":
            return None
        k += 1
    name = re.sub(r"['’]s$", "", words[k].group(0))
    if not name.isalpha() or len(name) < 3 or not _unknown_word(name):
        return None
    if current().is_english(name) or current().is_word(name):
        return None  # "dont miss price rises": a listed surname that is a word stays one
    return words[k].start() + len(name)


def _that_clause(text: str, start: int, low: str, gaz: Gazetteers) -> bool:
    """Whether "that" before a name no dictionary has opens a clause ("tell jo that edna is").

    A determiner needs a noun after it; a name that is no word cannot be one, so "that" is
    the conjunction.
    """
    return text[:start].rstrip().casefold().endswith("that") and not gaz.is_english(low)


def _plain_surname(word: re.Match[str], gaz: Gazetteers) -> bool:
    """A listed family name in lower case that is no word and no place ("owusu", "farooq")."""
    low = word.group(0).casefold()
    return (
        word.group(0) == low
        and gaz.is_surname(low)
        and low not in _NEVER
        and not gaz.is_word(low)
        and not gaz.is_english(low)
        and not gaz.is_place(low)
    )


def _double_barrelled(word: str, gaz: Gazetteers) -> bool:
    """A lower-case double-barrelled family name ("okafor-hill"), parts listed or unknown.

    One part is a listed family name that is no word; the other is one too or a word no
    dictionary has.
    """
    parts = word.split("-")
    if len(parts) != 2 or not word.islower():
        return False
    listed = [gaz.is_surname(p) and p not in _NEVER and not gaz.is_word(p) for p in parts]
    return any(listed) and all(
        ok or (_unknown_word(p) and not gaz.is_english(p))
        for p, ok in zip(parts, listed, strict=True)
    )


def _unknown_word(word: str) -> bool:
    """A lower-case word no dictionary or name list has, not a typo or shorthand ("farooq")."""
    word = re.sub(r"['’]s$", "", word)
    return word.islower() and len(word) > 2 and not lower_word_not_name(word) and word not in _NEVER


class UkPlaceRecognizer(_ListRecognizer):
    """UK towns, cities and districts from the GeoNames list, as written there."""

    ENTITIES = ("LOCATION",)
    NOTE: ClassVar[str] = "UK town or city in the place list."

    def noted_spans(self, text: str) -> list[Span]:
        """Longest place starting at each capitalised word."""
        gaz = current()
        if not gaz.places:
            return []
        words = self._words(text)
        out: list[Span] = []
        taken = -1
        for i, w in enumerate(words):
            if w.start() < taken or not w.group(0)[:1].isupper():
                continue
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                end = words[i + n - 1].end()
                value = text[w.start() : end]
                if not gaz.is_place(value) or "\n" in value:
                    continue
                low = value.casefold()
                ambiguous = n == 1 and (
                    gaz.is_first_name(low) or gaz.is_surname(low) or gaz.is_word(low)
                )
                prev = words[i - 1].group(0) if i > 0 else ""
                # "in Carlisle", "71 Broadacre, Carlisle", "Elm House, Kendal".
                listed = (
                    i > 0 and prev[:1].isupper() and text[words[i - 1].end() : w.start()] == ", "
                )
                if ambiguous and prev.casefold() not in _PLACE_CUE and not listed:
                    break
                if n == 1 and title_or_name_before(text, words, i, gaz):
                    break  # "Nia Featherstone", "Ms Featherstone": a surname, not the town
                out.append((w.start(), end, "LOCATION", 0.6, self.NOTE))
                taken = end
                break
        return out
