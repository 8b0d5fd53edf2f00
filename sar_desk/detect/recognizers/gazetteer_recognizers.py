"""Names and UK places from the shipped lists (`detect.gazetteer`), for what NER misses.

The small model misses lone and lower-case names ("spoke to dan hughes", "grzegorz rang") and
most small towns ("our client in Oban"). These recognisers read the name and place lists:

- a given name followed by a family name, in any case ("dan hughes"), or a title and a
  capitalised word ("Mrs Okoro");
- a lone given name that is not an everyday word, in any case ("Shauna", "grzegorz");
- a given name that is also a word ("rose", "pat", "Mark" opening a sentence) only with a
  person cue next to it ("asking for pat", "rose is in bay 3"; never after "the"/"a"/"my");
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
from sar_desk.detect.cues import RELATIONS, ROLES, after_article, person_grammar
from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.lexical import lower_word_not_name, odd_capitals
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.words import (
    FILLER_WORDS,
    NOT_NAMES,
    PLACE_WORDS,
    PLACEHOLDER_WORDS,
    PRODUCTS,
    TITLES,
)

_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*")
_DETERMINERS_WORDS = """
    the a an my your his her our their this that these those some any no every each
"""
_DETERMINERS = frozenset(_DETERMINERS_WORDS.split())
# Person cues before a name, relations and roles among them ("her son holly").
_CUE_BEFORE_WORDS = """
    with for from visited visit saw see ask asking tell told thanks thank hi hey hiya cc ping
    called named about met seen contacted dear love son daughter mum dad mother father wife
    husband partner brother sister nan gran grandma grandad aunt uncle nephew niece carer
    neighbour friend colleague
"""
_CUE_BEFORE = frozenset(_CUE_BEFORE_WORDS.split())
_CUE_BEFORE_2 = frozenset(
    {"spoke to", "speak to", "talk to", "talked to", "chat to", "ring"}
    | {"allocated to", "assigned to", "referred to", "passed to", "next to"}
)
_CUE_AFTER_WORDS = """
    said says rang called phoned emailed texted is was has had wants wanted needs asked asks
    from keeps came went thinks told fell swapped moved seen
"""
_CUE_AFTER = frozenset(_CUE_AFTER_WORDS.split())
# Words that join names in a list: "kofi n amber", "janet, ayesha, amber and jasmine".
_JOINERS = frozenset({",", "and", "n", "&", "or", "+", ", and", ", n"})
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

# Where a patient or resident is ("in bed 6", "in side room 2"): only a person is there.
_WHERE_A_PATIENT_IS = re.compile(r"(?i) (?:is )?in (?:bed|bay|room|side room|cubicle) \d")

# A sentence's subject placed by where they are, then a speech verb: "amber on reception says",
# "holly from housing rang".
_SUBJECT_WHERE_SAYS = re.compile(
    r" (?:on|from|at|in) (?:the )?[a-z]+(?: [a-z]+)? (?:says|said|rang|phoned|called|asked|told)\b",
    re.IGNORECASE,
)

Span = tuple[int, int, str, float, str]


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n-–"


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
            span = self._at(text, words, i, gaz)
            if span is not None:
                out.append(span)
                taken = span[1]
        return out

    def _at(self, text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> Span | None:
        w = words[i]
        word = re.sub(r"['’]s$", "", w.group(0)).strip("'’-")
        low = word.casefold()
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
                and (low != "miss" or not gaz.is_word(f_low))
            ):
                end = nxt.start() + len(re.sub(r"['’]s$", "", follow))
                return (w.start(), end, "PERSON", 0.55, self.NOTE)
        if not gaz.is_first_name(low) or low in _NEVER or len(low) < 2 or odd_capitals(word):
            return None
        cased = word[:1].isupper()
        if not cased and (
            lower_word_not_name(word)
            or low in _CUE_BEFORE | ROLES | RELATIONS
            or after_article(text, w.start())
        ):
            return None  # "nat ins", "her son", "Sam's gran", "his ben", "a hazel tree"
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
                )
            else:
                ok_last = listed and not gaz.is_word(last_low)
            if ok_last and (not gaz.is_word(low) or cased):
                return (w.start(), nxt.end(), "PERSON", 0.6, self.NOTE)
        if not gaz.is_word(low) and not gaz.is_place(low):
            if cased or len(low) >= 3:
                return (w.start(), w.start() + len(word), "PERSON", 0.5, self.NOTE)
            return None
        if cased and not gaz.is_place(low) and not _sentence_start(text, w.start()):
            return (w.start(), w.start() + len(word), "PERSON", 0.45, self.NOTE)
        if self._cued(text, words, i) or _in_a_list_of_names(text, words, i, gaz):
            return (w.start(), w.start() + len(word), "PERSON", 0.45, self.NOTE)
        return None

    @staticmethod
    def _cued(text: str, words: list[re.Match[str]], i: int) -> bool:
        prev = words[i - 1].group(0).casefold() if i > 0 else ""
        prev2 = f"{words[i - 2].group(0).casefold()} {prev}" if i > 1 else ""
        if prev in _DETERMINERS or current().is_place(prev):
            return False  # "the rose", "our Leeds branch"
        if i > 0 and words[i - 1].group(0).endswith(("'s", "’s")):
            return False  # a possessive is a determiner: "Sam's gran", "the tenant's bill"
        if prev in _CUE_BEFORE or prev2 in _CUE_BEFORE_2:
            return True
        if person_grammar(text, words[i].start(), words[i].end()):
            return True  # "can holly lock up", "ivy the cleaner found it", "support worker ivy"
        end = words[i].end()
        if words[i].group(0).endswith(("'s", "’s")):
            return True  # "bob's wife"
        nxt = words[i + 1].group(0).casefold() if i + 1 < len(words) else ""
        if _WHERE_A_PATIENT_IS.match(text, end):
            return True  # "ivy in bed 6", "rose in bay 3"
        if _SUBJECT_WHERE_SAYS.match(text, end) and _sentence_start(text, words[i].start()):
            return True  # "amber on reception says the parcel came"
        if nxt == "here" and _sentence_start(text, words[i].start()):
            # "holly here, got ur letter": a texter naming themselves.
            return bool(re.match(r" here\s*[,.!:-]", text[end:]))
        return nxt in _CUE_AFTER and text[end : words[i + 1].start()] == " "


def _unambiguous_name(word: str, gaz: Gazetteers) -> bool:
    low = word.casefold()
    return (
        (gaz.is_first_name(low) or gaz.is_surname(low))
        and low not in _NEVER
        and not gaz.is_word(low)
        and not gaz.is_place(low)
    )


def _in_a_list_of_names(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether a word-name is joined to a plain name: "kofi n amber", "ayesha, amber and jo"."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(words) and words[j].group(0).casefold() in _JOINERS:
            j += step  # "and", "n", "or" are words themselves
        if not 0 <= j < len(words):
            continue
        a, b = (words[j], words[i]) if j < i else (words[i], words[j])
        joint = " ".join(text[a.end() : b.start()].split()).casefold()
        if joint in _JOINERS and _plain_name_at(text, words, j, gaz):
            return True
    return False


def _plain_name_at(text: str, words: list[re.Match[str]], j: int, gaz: Gazetteers) -> bool:
    """A name that is not a word: listed, after a title, or capitalised and in no dictionary.

    "Mrs O'Connor", or "Rukhsana" in mid-sentence (no list has it).
    """
    word = words[j].group(0)
    if _unambiguous_name(word, gaz) or word.casefold() in TITLES:
        return True
    if j > 0 and words[j - 1].group(0).casefold().rstrip(".") in TITLES:
        return True
    low = word.casefold()
    return (
        word[:1].isupper()
        and word[1:].islower()
        and not _sentence_start(text, words[j].start())
        and not gaz.is_english(low)
        and not gaz.is_place(low)
        and low not in _NEVER
    )


def _names_before(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    if i == 0 or text[words[i - 1].end() : words[i].start()] not in (" ", ". "):
        return False
    prev = words[i - 1].group(0)
    low = prev.casefold().rstrip(".")
    return low in TITLES or (prev[:1].isupper() and gaz.is_first_name(low))


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
                if n == 1 and _names_before(text, words, i, gaz):
                    break  # "Nia Featherstone", "Ms Featherstone": a surname, not the town
                out.append((w.start(), end, "LOCATION", 0.6, self.NOTE))
                taken = end
                break
        return out
