"""OCR's letter/digit confusions (O and 0, I, l and 1) undone, one word at a time.

OCR engines read "9 Oak R0ad" and "LS7 3QP" with a zero for an O or a one for an I. Matching a
name or a postcode against such text fails, so each word is pushed towards what it mostly is:
a word of letters gets letters, a number gets digits. Mixed words whose shape is meaningful
(postcodes such as "SW1A", references such as "HX-20394") are left alone. Every replacement is
one character for one character, so offsets and word boxes stay valid.
"""

from __future__ import annotations

import re
from typing import Final

_WORD = re.compile(r"\S+")
_TO_LETTER_UPPER: Final = str.maketrans({"0": "O", "1": "I"})
_TO_LETTER_LOWER: Final = str.maketrans({"0": "o", "1": "l"})
_TO_DIGIT: Final = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_CONFUSABLE_DIGITS: Final = frozenset("01")
_CONFUSABLE_LETTERS: Final = frozenset("OoIl|")


def _fix_word(word: str) -> str:
    core = word.strip(".,;:!?()[]\"'")
    letters = sum(c.isalpha() for c in core)
    digits = sum(c.isdigit() for c in core)
    if not letters or not digits:
        return word
    other_digits = sum(c.isdigit() and c not in _CONFUSABLE_DIGITS for c in core)
    other_letters = sum(c.isalpha() and c not in _CONFUSABLE_LETTERS for c in core)
    if other_digits == 0 and other_letters >= 2 and any(c.islower() for c in core):
        # "R0ad", "Sm1th": a word in lower or mixed case with a stray 0 or 1 is a word.
        lower = sum(c.islower() for c in core) >= sum(c.isupper() for c in core)
        return word.translate(_TO_LETTER_LOWER if lower else _TO_LETTER_UPPER)
    if other_letters == 0 and other_digits >= 2:
        # "O7700 9OO461": a number with a stray O or l is a number.
        return word.translate(_TO_DIGIT)
    return word


def normalise_ocr(text: str) -> str:
    """`text` with OCR's O/0 and I/1 confusions undone; always the same length."""
    return _WORD.sub(lambda m: _fix_word(m.group()), text)
