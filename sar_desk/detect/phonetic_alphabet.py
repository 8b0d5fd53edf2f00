"""Letters spelt in the NATO phonetic alphabet: "Victor Oscar", "Mike Foxtrot Two One Zulu".

Radio users, call handlers, parking and police officers spell registrations and call signs
word by word, and "Victor", "Oscar", "Mike", "Romeo", "Juliet" and "Kilo" read as names to a
model (session 18, from corpus v34 as a development set). A run of two or more alphabet words
(with digits said as words among them) is spelling, and no word of it is a person, when the run
is three words or longer or the message speaks of letters, registrations or call signs
("Whiskey Oscar for the last two letters of the reg"). "Victor and Oscar" (a joiner between)
and "Victor Lima rang" (two words, no such talk) stay people.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ALPHABET = (
    "alfa|alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|lima|"
    "mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-ray|"
    "xray|yankee|zulu"
)
_DIGITS = "zero|one|two|three|four|five|six|seven|eight|nine|niner"
_WORD = rf"(?:{_ALPHABET}|{_DIGITS})"
_RUN = re.compile(rf"(?i)(?<![\w'’-]){_WORD}(?:[ \t]+{_WORD})+(?![\w'’-])")
_LETTER = re.compile(rf"(?i)^(?:{_ALPHABET})$")
_SPELLING = re.compile(
    r"(?i)\b(?:letters?|reg|registration|vrm|plate|call ?sign|callsign|spell\w*|phonetic|"
    r"radio|over|copy)\b"
)


@lru_cache(maxsize=256)
def _runs(text: str) -> tuple[tuple[int, int], ...]:
    """Where spelt letters stand in `text` (searched once a text)."""
    talk = _SPELLING.search(text) is not None
    out = []
    for m in _RUN.finditer(text):
        words = m.group(0).split()
        if sum(1 for w in words if _LETTER.match(w)) >= 2 and (len(words) >= 3 or talk):
            out.append(m.span())
    return tuple(out)


def spelt_letters(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a run of letters spelt in the phonetic alphabet."""
    return any(a <= start and end <= b for a, b in _runs(text))
