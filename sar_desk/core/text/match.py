"""Term matching: find protected or known terms in text, however they are written.

One `TermMatcher` serves detection (the case deny-list), the export safety net (replacing
protected terms in every rendered string) and the leak check (is any protected term left in an
output file). They therefore agree on what counts as the same name or number: names are
compared folded (`fold`), so case, accents, invisible characters and the separators between
name parts (spaces, hyphens, underscores, dots, or none at all for longer names) never hide a
term; numbers are compared as phone keys (`phones`) with the case's region.

All terms are matched against the original text at once: at every word start the longest term
wins, and overlapping matches are merged into one span, so replacing a shorter term ("Ruth")
can never break a longer one ("Ruth Okoro" in "#ruth-okoro-case").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from sar_desk.core.text.fold import Folded, fold, fold_map
from sar_desk.core.text.phones import (
    MIN_PHONE_DIGITS,
    form_of,
    national_number,
    phone_key,
    phone_trie,
    written_forms,
)
from sar_desk.core.text.trie import trie_pattern

#: Terms whose folded letters are shorter than this match only with their separators:
#: "Al Li" must not match "alli", and "Sam" is never looked for inside "same".
MIN_JOINED: Final = 6
_EDGE: Final = " \t\r\n\"'`“”‘’«»„‚()[]{}<>.,;:!?*_~|"
_FLEX: Final = "\x1f"  # trie symbol: separators optional between name parts
_HYPHEN_BREAK = re.compile(r"[-\u2010\u2011]\s*\n\s*")
_NON_WORD = re.compile(r"\W+")
_DIGIT_RUN = re.compile(r"\+?\d[\d\s().\-\u00a0\u202f\u2009/]*\d")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def clean_term(term: str) -> str:
    """A term without surrounding quotes, brackets or punctuation.

    Detection spans often include the quotes of 'created group "Housing Team"'; the same
    words without them (a chat title, a bookmark) must count as the same term.
    """
    return term.strip(_EDGE)


def _atom(ch: str) -> str:
    if ch == _FLEX:
        return " *"
    if ch == " ":
        return " +"
    return re.escape(ch)


@dataclass(frozen=True, slots=True)
class TermSpan:
    """Where terms were found: one merged span of the original text.

    Attributes:
        start: Start offset in the original text.
        end: End offset in the original text.
        terms: Indexes into `TermMatcher.terms`, the longest match's terms first.
        phone: Whether the longest match was a phone number.
    """

    start: int
    end: int
    terms: tuple[int, ...]
    phone: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A protected term present in a text (its index, never its text, goes in logs)."""

    term_index: int
    how: str


def _variants(folded: str) -> list[str]:
    found = [folded]
    if _RTL.search(folded) and " " in folded:
        # Some PDF text layers give RTL words in visual order; look for that order too.
        found.append(" ".join(reversed(folded.split(" "))))
    return found


class TermMatcher:
    """Finds any of a set of terms (names, handles, e-mails, numbers) in text.

    Args:
        terms: The terms as written; surrounding punctuation is ignored.
        region: The case's region, for reading numbers written in national form.
    """

    def __init__(self, terms: Iterable[str], region: str | None = None) -> None:
        # A term of separators or invisible characters only would match everywhere: skipped.
        cleaned = sorted(
            {c for c in (clean_term(t) for t in terms if t) if fold(c)}, key=str.casefold
        )
        self.terms: tuple[str, ...] = tuple(cleaned)
        self._keys: dict[str, list[int]] = {}
        self._flat: list[tuple[int, str]] = []
        self._digits: list[tuple[int, str]] = []
        self._forms: dict[str, list[int]] = {}
        entries: set[str] = set()
        for index, term in enumerate(self.terms):
            folded = fold(term)
            flat = _NON_WORD.sub("", folded)
            for variant in _variants(folded):
                joiner = _FLEX if len(flat) >= MIN_JOINED else " "
                entries.add(variant.replace(" ", joiner))
                self._keys.setdefault(variant.replace(" ", ""), []).append(index)
            if len(flat) >= MIN_JOINED:
                self._flat.append((index, flat))
            self._add_number(index, term, region)
        self._words = (
            re.compile(rf"(?<!\w)(?=({trie_pattern(sorted(entries), _atom)})(?!\w))")
            if entries
            else None
        )
        self._phones = re.compile(phone_trie(list(self._forms))) if self._forms else None

    def _add_number(self, index: int, term: str, region: str | None) -> None:
        forms = written_forms(term, region)
        for form in forms:
            self._forms.setdefault(form, []).append(index)
        key = phone_key(term, region)
        digits = national_number(key) if key else (forms[0] if forms else "")
        if len(digits) >= MIN_PHONE_DIGITS:
            self._digits.append((index, digits))

    def _matches(self, folded: Folded) -> list[tuple[int, int, tuple[int, ...], bool]]:
        found: list[tuple[int, int, tuple[int, ...], bool]] = []
        if self._words is not None:
            for match in self._words.finditer(folded.text):
                key = match.group(1).replace(" ", "")
                start, end = folded.span(match.start(1), match.end(1))
                found.append((start, end, tuple(self._keys.get(key, ())), False))
        if self._phones is not None:
            for match in self._phones.finditer(folded.text):
                start, end = folded.span(match.start(), match.end())
                terms = self._forms.get(form_of(match.group()), [])
                found.append((start, end, tuple(terms), True))
        return [f for f in found if f[2] and f[1] > f[0]]

    def spans(self, text: str) -> list[TermSpan]:
        """Every place a term occurs, overlapping matches merged, in text order."""
        return self._spans(fold_map(text)) if text else []

    def _spans(self, folded: Folded) -> list[TermSpan]:
        merged: list[TermSpan] = []
        best = 0
        # By start, longest first, a number before a name of the same span.
        ordered = sorted(self._matches(folded), key=lambda m: (m[0], -m[1], not m[3]))
        for start, end, terms, phone in ordered:
            if merged and start < merged[-1].end:
                last = merged[-1]
                longer = end - start > best
                best = max(best, end - start)
                merged[-1] = TermSpan(
                    last.start,
                    max(last.end, end),
                    (*terms, *last.terms) if longer else (*last.terms, *terms),
                    phone if longer else last.phone,
                )
            else:
                best = end - start
                merged.append(TermSpan(start, end, terms, phone))
        return merged

    def sub(self, text: str, replace: Callable[[str], str]) -> tuple[str, list[str]]:
        """Replace every occurrence at once; `replace` gets the longest term of each span.

        Returns:
            The new text and the term replaced in each span (one entry per span).
        """
        spans = self.spans(text)
        if not spans:
            return text, []
        out: list[str] = []
        found: list[str] = []
        at = 0
        for span in spans:
            term = self.terms[span.terms[0]]
            out += [text[at : span.start], replace(term)]
            found.append(term)
            at = span.end
        out.append(text[at:])
        return "".join(out), found

    def find(self, text: str) -> list[Hit]:
        r"""Every term present in `text`, looked for as hard as the leak check needs.

        Beyond `spans`, this joins words broken at a line end ("Jor-\ndan"), finds longer
        terms with every space and mark removed (letter-spaced PDF text) and numbers inside
        any run of digits. One hit per term, in term order.
        """
        if not self.terms or not text:
            return []
        folded = fold_map(_HYPHEN_BREAK.sub("", text))
        hits: dict[int, Hit] = {}
        for span in self._spans(folded):
            for index in span.terms:
                hits.setdefault(index, Hit(index, "phone" if span.phone else "text"))
        flat = _NON_WORD.sub("", folded.text)
        for index, needle in self._flat:
            if index not in hits and needle in flat:
                hits[index] = Hit(index, "split-or-spaced")
        if self._digits:
            runs = [re.sub(r"\D", "", m.group()) for m in _DIGIT_RUN.finditer(folded.text)]
            for index, digits in self._digits:
                if index not in hits and any(digits in run for run in runs):
                    hits[index] = Hit(index, "phone-digits")
        return [hits[i] for i in sorted(hits)]


def replace_each(text: str, pairs: Iterable[tuple[str, str]], region: str | None = None) -> str:
    """Replace several terms, each with its own replacement, matching all of them at once.

    The first replacement given for a term (as folded) wins.
    """
    markers: dict[str, str] = {}
    for term, marker in pairs:
        markers.setdefault(fold(clean_term(term)), marker)
    if not markers:
        return text
    matcher = TermMatcher(markers, region)
    return matcher.sub(text, lambda term: markers[fold(term)])[0]
