"""Rare street words, lower-case "the" streets and misspelt place cues (round 23).

UK streets end in more words than the common suffixes: regional words for a lane or a
passage (alley, ginnel, snicket, twitten, jitty, loke, chare, wend, ope), a slope or a
mound (pitch, tump) and a paved square (plaza). "135a Wagon Pitch, Foulden" and "flat 9,
124 shambles ginnel," are addresses whatever the town. These words extend the suffix list
(`RARE_SUFFIX`) rather than the street-like endings, so they need a capitalised name or a
place after them as every suffix does.

"53 the tump, llanddew" is a "the" street written in lower case: read only after an address
cue and before a comma or the line's end (`lower_the_streets`).

Chat misspells its cues ("adrdess", "arrvied", "adress"): `is_cue` accepts a word with the
cue's letters in another order or one of them dropped, the first letter kept (the common typos).

A tally is no address: "42 new, 9 retraps" counts two things (`in_tally`).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

Span = tuple[int, int, str, float, str]

NOTE_THE = "A house number, then a lower-case street named with 'the'."

# Regional and less common street words, in the suffix list's Title Case form.
RARE_SUFFIX = r"Alley|Pitch|Ginnel|Snicket|Twitten|Jitty|Loke|Chare|Wend|Ope|Tump|Plaza"


def is_cue(word: str, cues: frozenset[str]) -> bool:
    """Whether `word` is one of `cues`, or a slip of one (see below).

    A slip, in a word of five letters or more: the first letter kept and the others reordered
    ("arrvied"), or one letter after the first dropped ("adress").
    """
    word = word.casefold()
    if word in cues:
        return True
    if len(word) < 5:
        return False  # short words' anagrams are other words ("form"/"from")
    letters = sorted(word)
    for cue in cues:
        if len(cue) == len(word) and cue[0] == word[0] and sorted(cue) == letters:
            return True  # two letters swapped: "arrvied"
        if len(cue) == len(word) + 1 and any(
            cue[:i] + cue[i + 1 :] == word for i in range(1, len(cue))
        ):
            return True  # a letter dropped, the first kept: "adress"
    return False


_ADDRESS_CUES = frozenset({"address", "at", "to", "lives", "living", "says", "file"})
_LOWER_THE = re.compile(
    r"(?<![\w£$€.,:/#+-])(?P<v>\d{1,4}[a-z]?[ \t]+the[ \t]+(?P<name>[a-z][a-z'’-]{2,}"
    r"(?:[ \t]+[a-z][a-z'’-]{2,})?))(?=[ \t]*(?:[,;\n]|$))"
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+):?[ \t]*$")


def lower_the_streets(text: str) -> list[Span]:
    """Lower-case "N the name" streets after an address cue and before a comma or line end."""
    out: list[Span] = []
    for m in _LOWER_THE.finditer(text):
        before = _WORD_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        if not before or not is_cue(before.group(1), _ADDRESS_CUES):
            continue
        if any(w in STOP_WORDS for w in m.group("name").split()):
            continue  # "at 5 the same", "to 3 the other": no street's name
        number = re.match(r"\d+", m.group("v"))
        if before.group(1).casefold() == "at" and number and int(number.group(0)) <= 24:
            continue  # "back at 5 the latest,": an hour
        out.append((m.start("v"), m.end("v"), "STREET_ADDRESS", 0.5, NOTE_THE))
    return out


_TALLY_BEFORE = re.compile(r"(?<![\w.,:/-])\d{1,4}[ \t]+[A-Za-z]+[ \t]*,[ \t]*$")


def in_tally(text: str, start: int, end: int) -> bool:
    """Whether a one-word "N word" at `start` follows another "N word," ("42 new, 9 retraps")."""
    if len(text[start:end].split()) != 2:
        return False
    return bool(_TALLY_BEFORE.search(text[max(0, start - 24) : start]))
