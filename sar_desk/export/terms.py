"""Protected terms: normalisation and matching shared by the safety net and the leak checks.

A leak must be found however a renderer happens to write it: differently cased, in Arabic
presentation forms (NFKC), split across lines or hyphenated at a line end, with zero-width
characters inside, or as a phone number in another spacing. Both the second safety net in
`redact` and the export gate in `checks` use this one module, so they agree on what a leak is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import phonenumbers

# Zero-width and bidi format characters a renderer (or an attacker) may slip inside a word.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2060\u2066\u2067\u2068\u2069\ufeff",
    ),
    None,
)
# A word broken at a line end with a hyphen ("Jor-\ndan") is one word again.
_HYPHEN_BREAK = re.compile(r"[-\u2010\u2011]\s*\n\s*")
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"\W+")
_DIGIT_RUN = re.compile(r"\+?\d[\d\s().\-\u00a0\u202f\u2009/]*\d")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Terms shorter than this are only matched as whole words, and are not matched with every
# space removed: "Sam" must not block a bundle because a message says "same".
_MIN_SPACELESS = 6
_MIN_PHONE_DIGITS = 7


_EDGE = " \t\r\n\"'`“”‘’«»„‚()[]{}<>.,;:!?*_~|"


def clean_term(term: str) -> str:
    """A protected term without surrounding quotes, brackets or punctuation.

    Detection spans often include the quotes of "created group “Housing Team”"; the same
    words without them (a chat title, a bookmark) must count as the same term.
    """
    return term.strip(_EDGE)


def normalise(text: str) -> str:
    """NFKC, casefold, drop invisible characters, join hyphenated line breaks, collapse spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _HYPHEN_BREAK.sub("", text)
    return _SPACE.sub(" ", text.casefold()).strip()


def spaceless(text: str) -> str:
    """The normalised text with every space and punctuation mark removed."""
    return _NON_WORD.sub("", normalise(text))


def phone_digits(term: str) -> str | None:
    """The national significant digits of a phone-like term ("07911 123456" -> "7911123456")."""
    stripped = term.strip()
    digits = re.sub(r"\D", "", stripped)
    if len(digits) < _MIN_PHONE_DIGITS or not re.fullmatch(r"[+\d\s().\-\u00a0/]+", stripped):
        return None
    try:
        number = phonenumbers.parse(stripped, "GB")
        national = str(number.national_number)
    except phonenumbers.NumberParseException:
        national = digits
    return national if len(national) >= _MIN_PHONE_DIGITS else digits


def _variants(term: str) -> list[str]:
    base = normalise(term)
    found = [base]
    if _RTL.search(base) and " " in base:
        # Some PDF text layers give RTL words in visual order; look for that order too.
        found.append(" ".join(reversed(base.split(" "))))
    return found


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a protected term was found (the index of the term, never its text in logs)."""

    term_index: int
    how: str


class TermMatcher:
    """Finds any of a set of protected terms in text, however it was written."""

    def __init__(self, terms: Iterable[str]) -> None:
        cleaned = sorted({clean_term(t) for t in terms if t and clean_term(t)}, key=str.casefold)
        self.terms: tuple[str, ...] = tuple(cleaned)
        word_keys: dict[str, int] = {}
        self._spaceless: list[tuple[int, str]] = []
        self._phones: list[tuple[int, str]] = []
        for index, term in enumerate(self.terms):
            for variant in _variants(term):
                word_keys.setdefault(_SPACE.sub("", variant), index)
            flat = spaceless(term)
            if len(flat) >= _MIN_SPACELESS:
                self._spaceless.append((index, flat))
            digits = phone_digits(term)
            if digits:
                self._phones.append((index, digits))
        self._word_keys = word_keys
        # Per variant: its longest word (a fast substring pre-filter) and its pattern.
        self._word = [
            (max(v.split(" "), key=len), re.compile(_word_body(v)))
            for v in sorted({v for t in self.terms for v in _variants(t)}, key=len, reverse=True)
        ]

    def find(self, text: str) -> list[Hit]:
        """Every protected term present in `text` (one hit per term)."""
        if not self.terms or not text:
            return []
        norm = normalise(text)
        flat = _NON_WORD.sub("", norm)
        runs = ["".join(ch for ch in m.group() if ch.isdigit()) for m in _DIGIT_RUN.finditer(norm)]
        hits: dict[int, Hit] = {}
        for needle, pattern in self._word:
            if needle not in norm:
                continue
            match = pattern.search(norm)
            index = self._word_keys.get(_SPACE.sub("", match.group())) if match else None
            if index is not None and index not in hits:
                hits[index] = Hit(index, "text")
        for index, needle in self._spaceless:
            if index not in hits and needle in flat:
                hits[index] = Hit(index, "split-or-spaced")
        for index, digits in self._phones:
            if index not in hits and any(digits in run for run in runs):
                hits[index] = Hit(index, "phone-digits")
        return [hits[i] for i in sorted(hits)]


def _word_body(variant: str) -> str:
    # Whole-word match with flexible spacing inside the term.
    body = r"\s*".join(re.escape(part) for part in variant.split(" "))
    return rf"(?<!\w){body}(?!\w)"


def replace_terms(text: str, terms: Iterable[str], marker: str) -> tuple[str, int]:
    """Replace whole-word, case-insensitive occurrences of any term with `marker`.

    This is the second safety net: it works on the rendered string itself, so it only
    catches forms written the way the term is (modulo case and spacing); the leak checks
    that follow use `TermMatcher`'s fuller normalisation.

    Returns:
        The new text and how many replacements were made.
    """
    count = 0
    for term in sorted({t.strip() for t in terms if t and t.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in term.split())
        pattern = re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
        text, n = pattern.subn(marker, text)
        count += n
    return text, count


class TermReplacer:
    """One compiled pattern for many terms: the safety net's fast path over every string."""

    def __init__(self, terms: Iterable[str]) -> None:
        cleaned = sorted(
            {clean_term(t) for t in terms if t and clean_term(t)}, key=len, reverse=True
        )
        self._keys = {normalise(t): t for t in cleaned}
        bodies = [r"\s+".join(re.escape(part) for part in t.split()) for t in cleaned]
        self._pattern = (
            re.compile(rf"(?<!\w)(?:{'|'.join(bodies)})(?!\w)", re.IGNORECASE) if bodies else None
        )

    def sub(self, text: str, replace: Callable[[str], str]) -> tuple[str, list[str]]:
        """Replace every occurrence; `replace` gets the original term and returns its marker.

        Returns:
            The new text and the terms replaced (one entry per occurrence).
        """
        if self._pattern is None or not text:
            return text, []
        found: list[str] = []

        def swap(match: re.Match[str]) -> str:
            term = self._keys.get(normalise(match.group()), match.group())
            found.append(term)
            return replace(term)

        return self._pattern.sub(swap, text), found
