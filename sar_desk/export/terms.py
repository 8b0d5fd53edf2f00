"""Protected terms for the safety net and the leak checks (the rules live in `core.text`).

A leak must be found however a renderer happens to write it: differently cased, in Arabic
presentation forms, split across lines or hyphenated at a line end, with zero-width characters
inside, with hyphens, underscores or dots between the parts of a name ("#ruth-okoro-case"), or
as a phone number in another spacing. The second safety net in `redact`, the pre-render check
and the export gate in `checks` all use `sar_desk.core.text.TermMatcher`, the same matcher
detection uses, so they agree with each other and with detection on what a leak is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sar_desk.core.text import (
    Hit,
    TermMatcher,
    clean_term,
    fold,
    replace_each,
)

__all__ = [
    "Hit",
    "TermMatcher",
    "TermReplacer",
    "clean_term",
    "normalise",
    "replace_each",
    "replace_terms",
]

#: The comparison form of a term (pseudonym keys, marker lookup): `core.text.fold`.
normalise = fold


def replace_terms(
    text: str, terms: Iterable[str], marker: str, region: str | None = None
) -> tuple[str, int]:
    """Replace every occurrence of any term with `marker`, all terms matched at once.

    Returns:
        The new text and how many replacements were made.
    """
    new, found = TermMatcher(terms, region).sub(text, lambda _term: marker)
    return new, len(found)


class TermReplacer:
    """One compiled matcher for many terms: the safety net's pass over every string."""

    def __init__(self, terms: Iterable[str], region: str | None = None) -> None:
        self._matcher = TermMatcher(terms, region)

    def sub(self, text: str, replace: Callable[[str], str]) -> tuple[str, list[str]]:
        """Replace every occurrence; `replace` gets the original term and returns its marker.

        Overlapping occurrences are one replacement, made for the longest term, so a shorter
        term never breaks a longer one.

        Returns:
            The new text and the terms replaced (one entry per occurrence).
        """
        if not text:
            return text, []
        return self._matcher.sub(text, replace)
