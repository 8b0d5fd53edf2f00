"""The characters WhatsApp headers hide and the AM/PM spellings they use.

`INVISIBLE` is the shared set of invisible and direction characters (`core.text`), as the
character-class body the WhatsApp header patterns use.
"""

from __future__ import annotations

import re
from typing import Final

from sar_desk.core.text.chars import INVISIBLE_CLASS

_SP = "[ \u00a0\u202f\u2009]"  # the spaces WhatsApp puts in headers

INVISIBLE: Final = INVISIBLE_CLASS
"""Bidi marks, BOMs and zero-width spaces that exports scatter through headers and bodies.

The shared set (never ZWJ, ZWNJ or VS16, which change how text reads), as a regex character
class body.
"""

# Every AM/PM spelling WhatsApp writes after the time: AM, am, a.m., a. m. (with any space),
# German vorm./nachm., Greek π.μ./μ.μ., Finnish ap./ip., Arabic ص/م, and the CJK words.
MARKER_AFTER: Final = (
    rf"[aApP]\.?{_SP}?[mM]\.?|vorm\.|nachm\.|\u03c0\.{_SP}?\u03bc\.|\u03bc\.{_SP}?\u03bc\."
    r"|ap\.|ip\.|[\u0645\u0635]|\u5348\u524d|\u5348\u5f8c|\u4e0a\u5348|\u4e0b\u5348"
    r"|\uc624\uc804|\uc624\ud6c4"
)
# Japanese, Chinese and Korean phones write the marker before the time ("午後9:41:35").
MARKER_BEFORE: Final = (
    r"\u5348\u524d|\u5348\u5f8c|\u4e0a\u5348|\u4e0b\u5348|\uc624\uc804|\uc624\ud6c4"
)
_PM_FIRST: Final = frozenset("pPnNi\u03bc\u0645")
_PM_WORDS: Final = frozenset({"\u5348\u5f8c", "\u4e0b\u5348", "\uc624\ud6c4"})


def is_pm(marker: str) -> bool:
    """Whether an AM/PM marker (any spelling `MARKER_AFTER` or `MARKER_BEFORE` accepts) is PM."""
    return marker[0] in _PM_FIRST or marker in _PM_WORDS


_INVISIBLE_RE: Final = re.compile(f"[{INVISIBLE}]")


def has_invisible(text: str) -> bool:
    """Whether `text` holds any bidi mark, BOM or zero-width space."""
    return not text.isascii() and _INVISIBLE_RE.search(text) is not None


def strip_marks(text: str) -> str:
    """`text` without bidi marks, BOMs and zero-width spaces (ZWJ and VS16 are kept)."""
    return _INVISIBLE_RE.sub("", text) if has_invisible(text) else text
