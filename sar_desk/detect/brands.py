"""Vehicle makes, household brands and language names that NER reads as people (issue 15).

A garage's job card says "Ford Kuga, warning light", a cleaner's list "order more Dettol and
Zoflora", an interpreting booking "Tigrinya interpreter"; the model calls each a person.

Source: written by hand for round 12 (6 Dec 2026). The makes are the car and van makes of the
SMMT's UK new-registration tables; the brands are everyday UK household cleaning and care
brands whose names are no given name or family name; the languages are those of the ONS
Census 2021 main-language table (TS024) and the UK's own, as their speakers write them
("Gaeilge", "Cymraeg", "Gàidhlig"). Not a corpus's sentences. Makes that are mostly given
names ("Morgan") are left out, and a make stands as one only before a model word that is no
listed given name or family name ("Ford Kuga", not "Ford Okafor"): "Harrison Ford" is a person.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.words import PLACE_WORDS


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


VEHICLE_MAKES = _set("""
ford vauxhall toyota nissan honda bmw audi volkswagen vw skoda seat cupra kia hyundai peugeot
citroen citroën renault fiat mazda mercedes mercedes-benz volvo jaguar mini tesla mitsubishi
suzuki dacia lexus porsche jeep subaru ssangyong mg polestar byd iveco isuzu alfa abarth ds
landrover land-rover
""")
# Makes of two words, each of which alone may be a name ("Martin", "Royce").
TWO_WORD_MAKES = frozenset(
    {"land rover", "range rover", "aston martin", "alfa romeo", "rolls royce"}
)
# Household cleaning, care and laundry brands that are no one's name: a thing alone.
HOUSEHOLD_BRANDS = _set("""
dettol zoflora domestos persil ariel lenor comfort fairy cif flash harpic febreze vanish
bold surf ecover method astonish sudocrem savlon germolene calpol nurofen lemsip
sudafed olbas vicks colgate sensodyne oral-b listerine andrex cushelle velvet kleenex
plenty marigold vileda dyson henry numatic velux
""")
# Languages as their speakers and UK forms name them: a language, never a person.
LANGUAGE_NAMES = _set("""
gaeilge gàidhlig gaidhlig cymraeg kernewek gaelg tigrinya amharic oromo somali dari pashto
farsi persian kurdish sorani kurmanji urdu panjabi punjabi gujarati bengali bangla sylheti
hindi tamil telugu malayalam marathi nepali sinhala arabic turkish polish romanian
lithuanian latvian bulgarian ukrainian russian albanian portuguese spanish italian
mandarin cantonese hakka vietnamese tagalog yoruba igbo hausa akan twi shona swahili lingala
tigre krio wolof
""")
_PLACE_AFTER = _set("bridge station estate junction cross centre village town city")
_MODEL_WORD = re.compile(r"[A-Z0-9][\w-]*")
_WORD_AFTER = re.compile(r"^[ \t]+([A-Z0-9][\w-]*)")


def _listed_name(word: str) -> bool:
    gaz = gazetteer.current()
    return gaz.is_first_name(word.casefold()) or gaz.is_surname(word.casefold())


def vehicle(text: str, start: int, end: int) -> bool:
    """Whether a span is a vehicle: a make and its model ("Vauxhall Corsa", "Ford Kuga")."""
    words = text[start:end].split()
    if " ".join(words[:2]).casefold() in TWO_WORD_MAKES:
        return True  # "Range Rover", "Aston Martin": the make is the whole span
    if not words or words[0].casefold() not in VEHICLE_MAKES:
        return False
    if len(words) >= 2:
        model = words[1]
    else:
        after = _WORD_AFTER.match(text[end:])
        if after is None:
            return False
        model = after.group(1)
    # "Vauxhall Bridge Road", "Ford Park": a place named after the make, not a vehicle.
    if _listed_name(model) or model.casefold() in PLACE_WORDS or model.casefold() in _PLACE_AFTER:
        return False
    # "ford kuga" typed in lower case and tagged whole: a model word no dictionary has.
    return bool(_MODEL_WORD.fullmatch(model)) or (
        len(words) >= 2
        and words[0].islower()
        and model.isalpha()
        and model.islower()
        and not gazetteer.current().is_english(model)
    )


def household_brand(value: str) -> bool:
    """Whether a span, as a whole, is a listed household brand that is no one's name."""
    word = value.strip(".,:;!?'’\"()").casefold()
    if word not in HOUSEHOLD_BRANDS:
        return False
    gaz = gazetteer.current()
    return not (gaz.is_first_name(word) or gaz.is_surname(word))


def language_name(value: str) -> bool:
    """Whether a span, as a whole, is a language's name ("Gaeilge", "Tigrinya", "Sorani").

    One that is also a listed given name or family name is left to the other rules.
    """
    word = value.strip(".,:;!?'’\"()").casefold()
    if word not in LANGUAGE_NAMES:
        return False
    gaz = gazetteer.current()
    return not (gaz.is_first_name(word) or gaz.is_surname(word))
