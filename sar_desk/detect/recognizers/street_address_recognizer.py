"""Street addresses: a house number, an optional flat, and a street name.

The name usually ends in a suffix ("Mill Lane"); many UK streets have none ("74 Moorgate",
"12 Ashgrove"), so a capitalised name after a house number also counts when it ends like a
street or estate name (-gate, -grove, -field, -mead...), follows an address cue ("lives at
12 Kingsmead"), is followed by a listed UK town or a postcode ("47 Chantry in Walsall",
"12 Nursery, Bodmin") or closes a line after a comma ("letter sent to Ann Lee, 68 Ormond").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.field_commas import as_commas
from sar_desk.detect.gazetteer import current
from sar_desk.detect.numbered_names import in_numbered_list
from sar_desk.detect.recognizers.anchored_street import anchored_streets
from sar_desk.detect.recognizers.bare_street import (
    COUNTED_BEFORE,
    TIME_THEN_PERSON,
    bare_streets,
    lower_welsh_streets,
    never_a_street_word,
    placed_lower,
    the_streets,
)
from sar_desk.detect.recognizers.base import DIGIT, Rule, RuleRecognizer
from sar_desk.detect.recognizers.clock_commas import hour_then_clause
from sar_desk.detect.recognizers.lane_words import RARE_SUFFIX, in_tally, lower_the_streets
from sar_desk.detect.recognizers.postcode_address import postcode_addresses
from sar_desk.detect.recognizers.site_streets import site_streets
from sar_desk.detect.recognizers.street_towns import with_town

_SUFFIX = (
    r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Dr|Close|Way|Crescent|Cres|Place|Pl|Court|"
    r"Ct|Gardens|Gdns|Grove|Terrace|Hill|Row|Square|Sq|Mews|Walk|Park|View|Rise|Parade|Green|"
    r"End|Yard|Wharf|Quay|Chase|Brae|Wynd|Loan|Vennel|Meadows?|Heights|Fold|Approach|Circus|"
    r"Boulevard|Causeway|Embankment|Croft|Grange|Paddock|Orchard|Mount|Vale|Dene|Garth|Leys|"
    r"Nook|Spinney|Villas|Cottages|Buildings|Passage|Esplanade|Promenade|Broadway|Drove|Hollow|"
    rf"Ridge|Gate|Brow|Circle|Gait|Neuk|{RARE_SUFFIX})"
)
# Welsh street words come first ("12 Heol y Nant", "4 Clos Cae Mawr", "9 Ffordd Las").
_WELSH_TYPE = r"(?:Heol|Ffordd|Stryd|Lôn|Lon|Clos|Rhodfa|Cilgant|Teras|Maes|Llwyn|Parc|Cae)"
# Words that are not usually spelt in lower case unless the writer is typing casually.
_STRONG_SUFFIX = (
    r"(?:street|road|lane|avenue|drive|crescent|gardens|terrace|mews|boulevard|esplanade|"
    r"promenade|wynd|brae|vennel|cottages|villas)"
)
_FLAT = r"(?:(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?,?\s+)?"


# Endings of suffix-less UK street and estate names (Moorgate, Ashgrove, Larchfield, Kingsmead).
_STREET_END = (
    r"(?:gate|grove|field|fields|mead|meadow|meadows|acre|acres|bank|side|brook|hurst|wood|"
    r"woods|leigh|ley|lands|dale|croft|garth|holme|ings|thorpe|well|haven|lea|moor|royd|shaw|"
    r"stead|worth|view|way|ridge|combe|down|downs|bourne|burn|glen|wynd|vale|heath|court|mews)"
)
# A name that says it is a street: a suffix word, or a street-like ending ("4, Kingsmead").
_SAYS_STREET = re.compile(rf"(?i)\b(?:{_SUFFIX}|[a-z]+{_STREET_END}|{_WELSH_TYPE})\b")
_NOT_STREET = (
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Bay|Ward|Bed|Room)\b)"
)
# Prepositions that place but never tell the time: "on 2 Hatchery Lonning says" is a house.
_NO_TIME_CUE = re.compile(r"(?i)\b(?:on|off|towards?|near|opposite|outside|beside)[ \t]*$")
_ADDRESS_CUE = r"(?i:\b(?:lives at|living at|moved to|address(?: is)?:?|visit(?:ed)? to|at|to))"


def _time_and_name(value: str) -> bool:
    """Whether a cued "at 3 Kirsty" or "at 10 Teams" is a time and a name, not an address."""
    word = value.split()[-1]
    gaz = current()
    return (gaz.is_first_name(word) and not gaz.is_surname(word)) or never_a_street_word(word)


class StreetAddressRecognizer(RuleRecognizer):
    """``12 High Street``, ``Flat 3, 4 Mill Lane``, ``27b st james's road``."""

    NEEDS = DIGIT

    ENTITIES = ("STREET_ADDRESS",)
    RULES = (
        # Title Case street names: the usual written form.
        Rule(
            "title-case-address",
            re.compile(
                rf"(?<![\w£$.,:])(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){{1,3}}"
                rf"{_SUFFIX})\b\.?"
            ),
            0.7,
        ),
        # Lower-case chat ("flat 2, 9 mill lane"): only with unambiguous street words.
        Rule(
            "lower-case-address",
            re.compile(
                rf"(?<![\w£$.,:])(?P<v>{_FLAT}\d{{1,4}}[a-z]?,?\s+(?:[a-z][a-z'’]+\s+){{1,2}}"
                rf"{_STRONG_SUFFIX})\b",
                re.IGNORECASE,
            ),
            0.6,
        ),
        Rule(
            "welsh-address",
            re.compile(
                rf"(?<![\w£$.,:])(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?\s+{_WELSH_TYPE}"
                rf"(?:[ \t]+(?:y|yr|[A-Z][a-zà-ÿŵŷ'’-][\w'’-]*)){{1,3}})\b"
            ),
            0.6,
        ),
        # "74 Moorgate", "Flat 2, 19 Kingsmead": a street-like name with no suffix.
        Rule(
            "suffix-less-address",
            re.compile(
                rf"(?<![\w£$.,:])(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?[ \t]+{_NOT_STREET}"
                rf"[A-Z][a-z]+{_STREET_END})\b"
            ),
            0.6,
        ),
        # "lives at 12 Kingsmead": any capitalised name after an address cue (three digits at
        # most: "furnace at 1120 Overnight" is a temperature).
        Rule(
            "cued-address",
            re.compile(
                rf"{_ADDRESS_CUE}[ \t]+(?P<v>{_FLAT}\d{{1,3}}[A-Za-z]?,?[ \t]+{_NOT_STREET}"
                rf"[A-Z][a-z]{{3,}})\b"
            ),
            0.55,
            validate=lambda v: not _time_and_name(v),
        ),
        # A form's address field: "ADDRESS: 70b Ox Hey", "address = 4 Elm Row", or the field's
        # first line below it ("address:\n  - 106a Quarry Riggs"). The label says
        # what follows, so short street words pass ("Ox Hey", "Elm Row") that the cue above,
        # which also reads "at" and "to", must refuse.
        Rule(
            "address-field",
            re.compile(
                r"(?i:(?<!ip )(?<!mac )(?<!web )(?<!email )(?<!e-mail )\baddress)[ \t]*[:=][ \t]*"
                # the value may start the next line, after a list's bullet ("address:\n - 4 ...")
                r"(?:\n[ \t]*(?:[-*•▪◦·>][ \t]+)?)?"
                rf"(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?[ \t]+"
                rf"{_NOT_STREET}[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+){{0,3}})\b"
            ),
            0.6,
        ),
    )
    CONTEXT = ("address", "lives", "live", "moved", "flat", "house", "home")

    def noted_spans(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """The rules' spans, plus numbered names placed by a town, a postcode or a line end.

        A phrase closed by a postcode is an address whatever its words (`postcode_address`).
        A line of delimited fields is read as if its delimiters were commas (`field_commas`).
        """
        text = as_commas(text)
        found = super().noted_spans(text)
        if not DIGIT.search(text):
            return found
        extra = [
            (m.start("v"), m.end("v"), "STREET_ADDRESS", 0.55, "")
            for m in _BEFORE_PLACE.finditer(text)
            if _place_at(m.group("place"))
        ]
        extra += [
            (m.start("v"), m.end("v"), "STREET_ADDRESS", 0.5, "")
            for m in _LINE_END.finditer(text)
            if not _common_name(m.group("v"))
        ]
        extra += lower_case_addresses(text)
        extra += bare_streets(text) + the_streets(text) + anchored_streets(text)
        extra += postcode_addresses(text) + site_streets(text) + lower_the_streets(text)
        # The longest reading wins ("9 Bryn Awel" over "9 Bryn"); rules' spans win ties.
        kept: list[tuple[int, int, str, float, str]] = []
        for span in sorted(found + extra, key=lambda s: (-(s[1] - s[0]), -s[3], s[0])):
            if (
                TIME_THEN_PERSON.match(text, span[0])
                and not _NO_TIME_CUE.search(text[max(0, span[0] - 12) : span[0]])
                and not _named_as_street(text[span[0] : span[1]])
            ):
                continue  # "at 4 Priyanka Okafor rang": a time, then someone speaking
            if hour_then_clause(text, span[0], span[1], _SAYS_STREET):
                continue  # "audit at 10, Technical in attendance": an hour, then a clause
            if COUNTED_BEFORE.search(text, max(0, span[0] - 12), span[0]):
                continue  # "lot 88, Beverley-Ann says": a lot in a sale, then a person
            if in_numbered_list(text, span[0]) and not _SAYS_STREET.search(text, span[0], span[1]):
                continue  # "1 Ann Ode 2 Bo Lee 3 Cy": a numbered list of people
            if in_tally(text, span[0], span[1]) and not _SAYS_STREET.search(text, span[0], span[1]):
                continue  # "42 new, 9 retraps": a tally
            if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
                kept.append(span)
        kept.sort()
        # The town after each street, where no list has it ("42 Glebe Croft, Natland:").
        limits = [k[0] for k in kept[1:]] + [len(text)]
        return [with_town(text, k, limit) for k, limit in zip(kept, limits, strict=False)]


_NUMBERED_NAME = (
    rf"{_FLAT}\d{{1,4}}[A-Za-z]?,?[ \t]+{_NOT_STREET}[A-Z][a-z'’]{{3,}}(?:[ \t][A-Z][a-z'’]{{3,}})?"
)
# "47 Chantry in Walsall", "12 Nursery, Bodmin", "3 Priory, TR1 2AB": what follows decides.
_BEFORE_PLACE = re.compile(
    rf"(?<![\w£$.,:])(?P<v>{_NUMBERED_NAME})(?:,[ \t]*|[ \t]+in[ \t]+)"
    r"(?P<place>[A-Z][\w'’]*(?:[ \t-][\w'’]+){0,3})"
)
_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b", re.IGNORECASE)
# ", 68 Ormond" closing a line: the address of someone just named.
_LINE_END = re.compile(rf"(?m),[ \t]+(?P<v>{_NUMBERED_NAME})[ \t]*\.?[ \t]*$")


# Words that never name a street: "5 mins walk", "2 dogs in the park", "3 more days".
_UNITS_AND_WORDS = """
    min mins minute minutes hr hrs hour hours day days wk wks week weeks month months yr yrs
    year years mile miles metres meters km times people kids pm am x more other outside inside
    beside aside alongside anyway midway halfway hallway doorway underway bedside weekday
    holiday worldwide nationwide"""
_NOT_STREET_WORDS = STOP_WORDS | frozenset(_UNITS_AND_WORDS.split())
_CAPITAL_RULE = re.compile(
    rf"(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){{1,3}}{_SUFFIX})\b"
)
# "at 11 kilnhurst": a cue and a street-like ending, as the suffix-less rule asks of capitals.
_CUED_ENDING = re.compile(
    rf"{_ADDRESS_CUE}[ \t]+(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?[ \t]+[A-Z][a-z]+{_STREET_END})\b"
)
_LOWER_CUE = re.compile(
    r"(?i)(?:\b(?:at|to|for|of|from|on|round|address(?: is)?:?|visit)|\()[ \t]*$"
)


def _capitalised(text: str) -> str:
    """`text` with every word's first letter capitalised (same length, same offsets)."""
    # Not after an apostrophe: "st mary's close" must read "St Mary's Close", not "Mary'S".
    return re.sub(r"(?<!['’])\b[a-z]", lambda m: m.group(0).upper(), text)


def lower_case_addresses(text: str) -> list[tuple[int, int, str, float, str]]:
    """Addresses typed wholly in lower case ("41 kestrel close", "at 11 kilnhurst, forfar").

    The Title Case rules are run on a capitalised copy and kept only where the original is all
    lower case, no word of the name is a stop word or a unit, and the address is placed: a cue
    or a bracket before it, or punctuation, a listed town or a postcode after it.
    """
    if not any(c.islower() for c in text):
        return []
    copy = _capitalised(text)
    out: list[tuple[int, int, str, float, str]] = []
    candidates = [(m, True) for m in _CAPITAL_RULE.finditer(copy)]
    candidates += [(m, False) for m in _BEFORE_PLACE.finditer(copy) if _place_at(m.group("place"))]
    candidates += [(m, False) for m in _LINE_END.finditer(copy) if not _common_name(m.group("v"))]
    candidates += [(m, False) for m in _CUED_ENDING.finditer(copy)]
    spans: list[tuple[tuple[int, int], bool | None]] = [
        (m.span("v"), needs_place) for m, needs_place in candidates
    ]
    spans += [((s, e), None) for s, e, *_ in bare_streets(copy, common_words=False)]
    out += lower_welsh_streets(text)
    for (start, end), needs_place in spans:
        if needs_place is None:  # a bare numbered name: placed by a cue and what follows
            if text[start:end] == text[start:end].lower() and placed_lower(text, start, end):
                out.append((start, end, "STREET_ADDRESS", 0.5, ""))
            continue
        value = text[start:end]
        if value != value.lower() or (start and text[start - 1].isalnum()):
            continue
        words = re.findall(r"\b[a-z][a-z'’]*", re.sub(r"^(?:flat|apartment|apt|unit)\b", "", value))
        if not words or any(w in _NOT_STREET_WORDS for w in words):
            continue
        if needs_place and not (
            _LOWER_CUE.search(text[max(0, start - 20) : start])
            or re.match(r"[ \t]*(?:[,.;)\n]|$)", text[end:])
        ):
            continue
        out.append((start, end, "STREET_ADDRESS", 0.5, ""))
    return out


def _named_as_street(value: str) -> bool:
    """Whether "N Two Words" names itself a street, so no time and person ("at 18 Kelp Row rang").

    "The" first ("13 The Pavilion says") is never a person; a street suffix last is not when
    the first word is no listed given name ("at 4 Priya Green rang" stays a time and a person).
    """
    words = re.sub(r"^\d+[A-Za-z]?,?\s+", "", value).split()
    if len(words) < 2:
        return False
    if words[0] == "The":
        return True
    return re.fullmatch(_SUFFIX, words[-1]) is not None and not current().is_first_name(words[0])


def _common_name(numbered: str) -> bool:
    """Whether the words after the number are all everyday English ("Yes, 4 left.")."""
    words = re.findall(r"[A-Za-z'’]+", numbered)
    gaz = current()
    return bool(words) and all(gaz.is_common_word(w.strip("'’")) for w in words)


def _place_at(value: str) -> bool:
    """Whether `value` starts with a listed UK place or is a postcode."""
    if _POSTCODE.match(value):
        return True
    words = re.split(r"([ \t-])", value)
    gaz = current()
    return any(gaz.is_place("".join(words[: 2 * n - 1])) for n in range(4, 0, -1))
