"""Presidio's phone, URL and e-mail recognisers, consulted only when a text could hold a match.

Each costs about 0.2 ms a message (presidio.md §3.3), most of it on texts that cannot contain
what it looks for. `UkPhoneRecognizer` finds every national and +44 form, so Presidio's
`PhoneRecognizer` (GB region) only adds numbers written with an international prefix; a URL
always has a letter, a dot and a letter. The gate is a cheap regular expression; when it
matches, the original recogniser runs unchanged. `gate` does the same for Presidio's pattern
recognisers of identifiers that always hold a digit: most chat lines have none. E-mail
addresses are also accepted at any domain (`AnyDomainEmailRecognizer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import regex  # type: ignore[import-untyped]  # Presidio's pattern engine
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    PhoneRecognizer,
    UrlRecognizer,
)

_INTERNATIONAL = re.compile(r"(?:\+|(?<!\d)00)\s?\(?[1-9]")
_DOTTED = re.compile(r"[A-Za-z0-9]\.[A-Za-z]|://")


class GatedPhoneRecognizer(PhoneRecognizer):
    """`PhoneRecognizer` for texts with a ``+`` or ``00`` international prefix."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        """Run Presidio's recogniser only when an international prefix is present."""
        if not _INTERNATIONAL.search(text):
            return []
        results: list[RecognizerResult] = super().analyze(text, entities, nlp_artifacts)
        return results


class GatedUrlRecognizer(UrlRecognizer):
    """`UrlRecognizer` for texts with a dotted name or a scheme."""

    def __init__(self) -> None:
        super().__init__()
        # Its four patterns (≈600 domain endings each) set their own case rule, `(?i)`, and
        # use no `.`, `^` or `$`, so the registry's flags change nothing but the cache key:
        # with none, the first analysis reuses the compilation Presidio did at import (its
        # patterns are validated then) instead of compiling them again at every start.
        self.global_regex_flags = 0

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None, regex_flags: Any = None
    ) -> list[RecognizerResult]:
        """Run Presidio's recogniser only when something URL-shaped is present."""
        if not _DOTTED.search(text):
            return []
        results: list[RecognizerResult] = super().analyze(
            text, entities, nlp_artifacts, regex_flags
        )
        return [r for r in results if not _what3words(text, r.start, r.end)]


# A what3words address: three lower-case words joined by dots, after "///" or a "w3w" or
# "what3words" label ("///filled.count.soap", "w3w: index.home.raft"). A place, not a web site.
_W3W_WORDS = re.compile(r"[^\W\d_]+\.[^\W\d_]+\.[^\W\d_]+")
_W3W_LABEL = re.compile(r"(?i)(?:///|\b(?:w3w|what ?3 ?words)\b[\s:=-]*(?:///)?)$")


def _what3words(text: str, start: int, end: int) -> bool:
    """Whether a URL match lies inside a what3words address."""
    begin = start
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    words = _W3W_WORDS.match(text, begin)
    return (
        words is not None
        and words.end() >= end
        and bool(_W3W_LABEL.search(text[max(0, begin - 16) : begin]))
    )


# A domain's last label: letters only, two or more (".uk", ".scot", ".local", ".example").
_TOP_LABEL = re.compile(r"\.[^\W\d_]{2,63}$")


class AnyDomainEmailRecognizer(EmailRecognizer):
    """`EmailRecognizer` for texts with an "@", accepting any top-level domain.

    Presidio keeps an address only when its domain ends in a public suffix from tldextract's
    list, so addresses at internal, reserved or new domains ("@trust.local", "@x.example")
    are lost; an address at any domain is still someone's.
    """

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None, regex_flags: Any = None
    ) -> list[RecognizerResult]:
        """Run the pattern only when the text holds an "@"."""
        if "@" not in text:
            return []
        results: list[RecognizerResult] = super().analyze(
            text, entities, nlp_artifacts, regex_flags
        )
        return results

    def validate_result(self, pattern_text: str) -> bool:
        """Any dotted domain whose last label is letters."""
        return bool(_TOP_LABEL.search(pattern_text.rsplit("@", 1)[-1]))


_DIGIT = re.compile(r"\d")
# Presidio recognisers whose every match holds one of these (IBANs have check digits, IPv6 a
# digit or "::"). Crypto wallet addresses have no digit gate (a digit is likely, not certain).
_GATES: dict[str, re.Pattern[str]] = {
    "IpRecognizer": re.compile(r"\d|::"),
    "IbanRecognizer": _DIGIT,
    "CreditCardRecognizer": _DIGIT,
    "NhsRecognizer": _DIGIT,
    "UkNinoRecognizer": _DIGIT,
    "UkPostcodeRecognizer": _DIGIT,
    "UkPassportRecognizer": _DIGIT,
    "UkDrivingLicenceRecognizer": _DIGIT,
}


# The fewest digits a match of each holds, read off Presidio 2.2.366's patterns: a card is
# 4+3+3+3, an NHS number 3+3+4, a NINO 2+2+2, a passport two letters and 7, a driving licence
# 1+2+2+1 (a postcode may be "GIR 0AA", an IBAN only its check digits: the gate above is all).
# A chat line with a time or a date ("at 10:30 on the 4th") is then skipped by all five.
_MIN_DIGITS: dict[str, int] = {
    "CreditCardRecognizer": 13,
    "NhsRecognizer": 10,
    "UkNinoRecognizer": 6,
    "UkPassportRecognizer": 7,
    "UkDrivingLicenceRecognizer": 6,
}
# Shapes every match holds, past the gates above (round 15, speed), so a chat line with only
# a time ("10:30") skips them. An IPv4 address has a digit, a dot and a digit; an IPv6 one
# "::" or seven colons (the forms of Presidio 2.2.366's five patterns). A wallet address is a
# run of 26 or more letters and digits, which ordinary words never make.
_IP_SHAPE = re.compile(r"[0-9]\.[0-9]|::")
_LONG_RUN = re.compile(r"[^\W_]{26}")


def _ip_shaped(text: str) -> bool:
    return _IP_SHAPE.search(text) is not None or text.count(":") >= 7


def _wallet_shaped(text: str) -> bool:
    return _LONG_RUN.search(text) is not None


_SHAPES: dict[str, Callable[[str], bool]] = {
    "IpRecognizer": _ip_shaped,
    "CryptoRecognizer": _wallet_shaped,
}
# Pieces every match of a pattern recogniser holds, as written in its one pattern (round 16,
# speed): an IBAN begins with two letters and two check digits, and a postcode's inward code
# is a digit and two letters ("GIR 0AA" too). They are compiled like the recogniser's own
# pattern (Presidio's `regex` module, the recogniser's flags), so they read letters and case
# exactly as it does, and are searched only where the digit gate above has passed.
_PIECES: dict[str, str] = {
    "IbanRecognizer": "[A-Z]{2}[0-9]{2}",
    "UkPostcodeRecognizer": "[0-9][ABD-HJLNP-UW-Z]{2}",
}
# Recognisers whose match must be a whole code: Presidio's weak passport pattern (two letters
# and seven digits) also reads the start of a patent or a case reference ("GB2411033.1",
# "AB1234567/2"), where a mark and more digits run on.
_WHOLE_CODES = frozenset({"UkPassportRecognizer"})
_RUNS_ON = re.compile(r"[./\-]\d")
_RUNS_INTO = re.compile(r"\d[./\-]$")


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a match is part of a longer code: a mark and a digit touch either end."""
    return bool(_RUNS_ON.match(text, end) or _RUNS_INTO.search(text[max(0, start - 2) : start]))


# The last text's digit count: the gated recognisers read the same message in turn.
_last_count: tuple[str, int] = ("", 0)


def digit_count(text: str) -> int:
    r"""How many characters of `text` are digits (``\d``, as the patterns read them)."""
    global _last_count
    seen, count = _last_count
    if seen is text or seen == text:
        return count
    count = len(_DIGIT.findall(text))
    _last_count = (text, count)
    return count


def gate(recognizer: EntityRecognizer) -> EntityRecognizer:
    """`recognizer`, consulted only on texts that could hold its match (`_GATES`, `_SHAPES`).

    For `_WHOLE_CODES`, a match that is only the start or end of a longer code is dropped.
    """
    name = type(recognizer).__name__
    pattern, shaped = _GATES.get(name), _SHAPES.get(name)
    if pattern is None and shaped is None:
        return recognizer
    need = _MIN_DIGITS.get(name, 0)
    inner = recognizer.analyze
    piece = _piece(recognizer, name)

    def analyze(
        text: str, entities: list[str], nlp_artifacts: Any = None, **kwargs: Any
    ) -> list[RecognizerResult]:
        if pattern is not None and not pattern.search(text):
            return []
        if (need and digit_count(text) < need) or (shaped is not None and not shaped(text)):
            return []
        if piece is not None and not kwargs.get("regex_flags") and not piece(text):
            return []  # read with the recogniser's own flags (a call with others is not gated)
        results: list[RecognizerResult] = inner(text, entities, nlp_artifacts, **kwargs)
        if name in _WHOLE_CODES and results:
            results = [r for r in results if not _glued(text, r.start, r.end)]
        return results

    recognizer.analyze = analyze  # type: ignore[method-assign]
    return recognizer


def _piece(recognizer: EntityRecognizer, name: str) -> Callable[[str], bool] | None:
    """`_PIECES`'s gate for `recognizer`, read with its current flags (None: no such gate)."""
    source = _PIECES.get(name)
    patterns = getattr(recognizer, "patterns", None)
    shipped = getattr(type(recognizer), "PATTERNS", None)
    if source is None or not patterns or not shipped or len(patterns) != 1:
        return None
    if patterns[0].regex != shipped[0].regex or source not in patterns[0].regex:
        return None  # not the pattern the piece was read from
    compiled: dict[int, Any] = {}

    def holds(text: str) -> bool:
        # The flags are read at each call, as the recogniser reads them.
        flags = recognizer.global_regex_flags  # type: ignore[attr-defined]
        found = compiled.get(flags)
        if found is None:
            found = compiled[flags] = regex.compile(source, flags=flags)
        return found.search(text) is not None

    return holds
