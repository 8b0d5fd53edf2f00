"""Text rules in one place: invisible characters, name folding, phone keys, term matching.

Importers, detection, search and export all use these, so the detector and the export leak
check can never disagree on whether two strings are the same name or the same number.
"""

from sar_desk.core.text.chars import (
    DIRECTION_MARKS,
    INVISIBLE,
    INVISIBLE_CLASS,
    JOINERS,
    clean_whitespace,
    has_invisible,
    strip_invisible,
)
from sar_desk.core.text.fold import SEPARATORS, Folded, fold, fold_char, fold_map, name_key
from sar_desk.core.text.match import (
    MIN_JOINED,
    Hit,
    TermMatcher,
    TermSpan,
    clean_term,
    replace_each,
)
from sar_desk.core.text.phones import (
    MIN_PHONE_DIGITS,
    looks_like_phone,
    national_number,
    phone_key,
    written_forms,
)
from sar_desk.core.text.trie import trie_pattern

__all__ = [
    "DIRECTION_MARKS",
    "INVISIBLE",
    "INVISIBLE_CLASS",
    "JOINERS",
    "MIN_JOINED",
    "MIN_PHONE_DIGITS",
    "SEPARATORS",
    "Folded",
    "Hit",
    "TermMatcher",
    "TermSpan",
    "clean_term",
    "clean_whitespace",
    "fold",
    "fold_char",
    "fold_map",
    "has_invisible",
    "looks_like_phone",
    "name_key",
    "national_number",
    "phone_key",
    "replace_each",
    "strip_invisible",
    "trie_pattern",
    "written_forms",
]
