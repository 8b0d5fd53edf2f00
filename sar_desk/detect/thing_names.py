"""Names that chat gives to things, read from the words around them (issue 15, round 13).

A given name does not make a person: the weather, animals, teams, months and trade brands
carry names too. Each rule reads the span and the words right next to it, never a corpus's
names:

- a storm or a hurricane with its name ("Storm Bronagh", "hurricane Ida"), when the message
  talks about the weather or the span opens with "Hurricane"/"Typhoon"/"Cyclone";
- an animal named by its kind: "the lamb is called Bluebell", "Pip (meerkat)", "Otis the
  tapir"; the zoo's, the farm's and the house's animals, not only pets (`not_people`);
- a name in quotes after a team, band or quiz team ("quiz team "Quizteama Aguilera"");
- a month's short form in brackets among other months ("Tom (Feb), Ana (Aug)") or beside a
  day or a year ("3 Jan", "Jan 2027"): "Jan", "Mar" and "May" are given names too;
- a range of two letters after what it counts ("blocks D–F", "surnames A-C"); "T-J" alone
  is a nickname;
- a maker before a part or a fitting ("Genie lift", "Ideal part", "Guinness tap"), and a
  boiler's make after "combi"/"boiler" ("combi Baxi");
- a seasonal or pantomime character ("santa" in a Christmas message, "Widow Twankey"), and
  one common English word opening a line's label ("Nearest A&E: ...");
- a UK trade brand named whole (`TRADE_BRANDS`): boiler makes, merchants, catering
  wholesalers, facilities firms, tool makers, golf makers and booking apps. A brand that is a
  listed given or family name is left to the other rules.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.named_kinds import storm_and_given_name, storm_event

_EDGE = ".,:;!?'’\"()[]‘“”"


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Source: written by hand for round 13 (6 Dec 2026) from general knowledge of the UK market,
# not from a corpus and not checked line by line against a published register: the gas boiler
# and heat-pump makes sold in the UK, the national builders', plumbers' and electrical
# merchants and trade counters, the national food-service wholesalers, the large
# facilities-management contractors, power-tool and cleaning-machine makers, golf equipment
# makers, salon and restaurant booking apps, the card and direct-debit payment services small
# firms use, the telephone interpreting services public bodies book, and (round 14) the
# national parcel carriers. Multi-word brands are joined with "_" ("worcester_bosch").
TRADE_BRANDS = _set("""
worcester_bosch vaillant baxi viessmann glow-worm glowworm potterton ariston intergas ferroli
vokera remeha navien biasi keston atag daikin ecodan
screwfix toolstation wickes jewson travis_perkins selco city_plumbing plumb_center wolseley
huws_gray buildbase topps_tiles howdens homebase b&q cef edmundson
brakes bidfood booker bestway makro costco sysco
mitie sodexo serco amey engie interserve g4s ocs
kärcher karcher makita dewalt hilti ryobi stihl husqvarna festool
titleist callaway taylormade srixon mizuno
fresha treatwell booksy setmore opentable resdiary
gocardless sumup zettle worldpay klarna clearpay
language_line thebigword
royal_mail parcelforce evri yodel dpd
""")

# Kinds of animal beyond pets: zoo, farm and wild animals and their young.
_ANIMALS = (
    r"giraffe|calf|cub|lion|lioness|tiger|elephant|zebra|rhino|hippo|gorilla|chimp|"
    r"chimpanzee|orangutan|monkey|lemur|meerkat|otter|panda|red panda|penguin|seal|sea lion|"
    r"flamingo|owl|eagle|hawk|falcon|macaw|parrot|snake|python|lizard|iguana|gecko|tortoise|"
    r"turtle|crocodile|alligator|camel|llama|alpaca|donkey|goat|sheep|lamb|ewe|ram|pig|piglet|"
    r"cow|bull|heifer|foal|pony|horse|hen|chicken|duck|goose|swan|bear|wolf|fox|deer|fawn|"
    r"reindeer|kangaroo|wallaby|koala|sloth|tapir|okapi|cheetah|leopard|lynx|hyena|warthog|"
    r"capybara|armadillo|anteater|porcupine|hedgehog|squirrel|rat|mouse|gerbil|chinchilla|"
    r"dog|puppy|cat|kitten|rabbit|hamster|ferret|budgie|joey|chick|bird|fish|stallion|mare"
)
_ANIMAL_BEFORE = re.compile(
    rf"(?i)\b(?:{_ANIMALS})s?(?:\s+(?:calf|cub|chick|foal|pup|joey))?\s+"
    r"(?:(?:is|was|has\s+been|will\s+be|got)\s+)?(?:called|named|nicknamed)\s+['‘\"“]?$"
)
# "Pip (meerkat)", "Bo (red panda, 4)", "Otis the tapir is ...": not "Sam (dog walker)".
_ANIMAL_AFTER = re.compile(
    rf"(?i)^(?:\s*\((?:a\s+|the\s+|baby\s+|male\s+|female\s+)?(?:{_ANIMALS})s?\s*[,;)]|"
    rf",?\s+the\s+(?:baby\s+|new\s+|old\s+)?(?:{_ANIMALS})"
    r"(?=\s*(?:[.,;:!?)]|$|\s+(?:is|was|has|had|who|that|needs|got)\b)))"
)


def named_animal(text: str, start: int, end: int) -> bool:
    """Whether a name names an animal by its kind next to it ("calf called Bo", "Bo (otter)")."""
    return bool(
        _ANIMAL_BEFORE.search(text[max(0, start - 40) : start]) or _ANIMAL_AFTER.match(text[end:])
    )


_STORM_WORD = re.compile(r"(?i)^(?:storm|hurricane|typhoon|cyclone)\s+\S")
_STORM_BEFORE = re.compile(r"(?i)\b(?:storm|hurricane|typhoon|cyclone)\s+$")
_WEATHER = re.compile(
    r"(?i)\b(?:warning|weather|winds?|gusts?|gales?|rain|flood\w*|forecast|met office|"
    r"met éireann|snow|ice|power cuts?|trees? down|named storm|storm damage|batter\w*|mph|"
    r"landfall)\b"
)


def named_storm(text: str, start: int, end: int) -> bool:
    """Whether a span is a storm's name ("Storm Bronagh", "Hurricane Ida").

    "Storm" is a given name too; it is the weather when the message speaks of the weather or
    when a given name follows it ("Storm Dervla"), not a family name ("Storm Okafor").
    "Hurricane", "Typhoon" and "Cyclone" name nobody.
    """
    value = text[start:end]
    before = text[max(0, start - 12) : start]
    nxt = _NEXT_WORD.match(text[end:])
    if storm_event(text, start, end):
        return True
    if _STORM_WORD.match(value):
        lead, phrase = value.split()[0].casefold(), value
    elif _STORM_BEFORE.search(before):
        lead, phrase = before.split()[-1].casefold(), f"{before.split()[-1]} {value}"
    elif value == "Storm" and nxt is not None:  # "Storm" spread alone from "Storm Dervla"
        phrase_end = end + nxt.end()
        return storm_and_given_name(f"{value} {nxt.group(1)}") or storm_event(
            text, start, phrase_end
        )
    else:
        return False
    return lead != "storm" or bool(_WEATHER.search(text)) or storm_and_given_name(phrase)


_TEAM_QUOTE = re.compile(
    r"(?i)\b(?:team|band|group|crew|squad|side|choir|duo|trio|act)\s*"
    r"(?:name\s*(?:is\s*)?:?\s*|(?:is\s+)?(?:called|named)\s+)?['‘\"“]$"
)


def quoted_team(text: str, start: int, end: int) -> bool:
    """Whether a span is a team's or a band's name in quotes after the word ("team "X"")."""
    closes = text[end : end + 1] in ("'", "’", '"', "”")
    return closes and bool(_TEAM_QUOTE.search(text[max(0, start - 30) : start]))


_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december)"
)
_MONTH_WORD = re.compile(rf"(?i)^{_MONTH}\.?$")
_BRACKETED_MONTH = re.compile(rf"(?i)\(\s*{_MONTH}\.?\s*\)")
# A day before the month, with an ordinal or closing the phrase ("3rd Jan", "on 3 Jan."), or
# a day or a year after it ("Jan 3rd", "Jan 2027", "Mar '26"); not "at 3 Jan rang" (a time
# and a person) nor "ring Jan 0161 ..." (a phone number).
_DAY_BEFORE = re.compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th|[ \t]+of)?[ \t]+$")
_ORDINAL_BEFORE = re.compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th)(?:[ \t]+of)?[ \t]+$")
_PHRASE_CLOSES = re.compile(r"^\.?(?:[ \t]*(?:[,;:)\n]|$)|[ \t]+(?:19|20)\d{2}\b)")
_DAY_OR_YEAR_AFTER = re.compile(
    r"(?i)^\.?[ \t]+(?:\d{1,2}(?:st|nd|rd|th)\b|\d{1,2}(?=[ \t]*(?:[,;:)\n]|$))|"
    r"(?:19|20)\d{2}\b|['’]\d{2}\b)"
)


def month_as_date(text: str, start: int, end: int) -> bool:
    """Whether a month's name or short form stands as a date ("3 Jan", "Jan 2027", "(Mar)").

    In brackets only when the message brackets two months or more ("Tom (Feb), Ana (Aug)"):
    one "(Jan)" may be the name of someone just mentioned.
    """
    value = text[start:end].strip(_EDGE)
    if not _MONTH_WORD.match(value):
        return False
    before = text[max(0, start - 10) : start]
    if _ORDINAL_BEFORE.search(before) or (
        _DAY_BEFORE.search(before) and _PHRASE_CLOSES.match(text[end:])
    ):
        return True
    if _DAY_OR_YEAR_AFTER.match(text[end:]):
        return True
    bracketed = text[max(0, start - 2) : start].rstrip().endswith("(") and text[
        end : end + 2
    ].lstrip().startswith(")")
    return bracketed and len(_BRACKETED_MONTH.findall(text)) >= 2


_LETTER_RANGE = re.compile(r"^[A-Za-z][-–][A-Za-z]$")
# What a range of letters counts ("blocks A-C", "surnames D–F"); "T-J" and "A-J" alone are
# nicknames.
_RANGED = re.compile(
    r"(?i)\b(?:blocks?|rooms?|wards?|bays?|rows?|aisles?|sections?|grades?|levels?|files?|"
    r"folders?|surnames?|names?|columns?|units?|floors?|zones?|areas?|parts?|questions?|"
    r"items?|boxes|shelves|flats?|houses?|sites?|letters?|stands?|gates?|seats?)[ \t]+$"
)


def letter_range(text: str, start: int, end: int) -> bool:
    """Whether a span is a range of two letters after what it counts ("blocks A-C")."""
    return bool(_LETTER_RANGE.match(text[start:end].strip(_EDGE))) and bool(
        _RANGED.search(text[max(0, start - 16) : start])
    )


# Parts and fittings a maker's name stands before ("Ideal part", "Genie lift", "Guinness tap").
_FITTING_AFTER = re.compile(
    r"(?i)^[ \t]+(?:part|parts|spares|tap|taps|keg|kegs|pump|pumps|valve|valves|filter|"
    r"filters|lift|lifts|boiler|boilers|combi|flue|unit|units|cartridge|cartridges)\b"
    r"(?![ \t]+(?:of|it|them|him|her|up)\b)"
)
_BOILER_BEFORE = re.compile(r"(?i)\b(?:combi|boiler|heat pump)[ \t]*[:\-–]?[ \t]*$")


def _listed(word: str) -> bool:
    gaz = gazetteer.current()
    low = word.casefold()
    return gaz.is_first_name(low) or gaz.is_surname(low)


def trade_brand(value: str) -> bool:
    """Whether a span, as a whole, is a listed trade brand that is no listed name."""
    words = [w.strip(_EDGE) for w in value.split()]
    key = "_".join(w.casefold() for w in words if w)
    if key not in TRADE_BRANDS:
        return False
    return len(words) > 1 or not _listed(words[0])


_NEXT_WORD = re.compile(r"^[ \t]+([\w&-]+)")
_PREV_WORD = re.compile(r"([\w&-]+)[ \t]+$")


def in_trade_brand(text: str, start: int, end: int) -> bool:
    """Whether a span is a trade brand or one word of one ("Worcester" of "Worcester Bosch")."""
    value = text[start:end]
    if trade_brand(value):
        return True
    nxt = _NEXT_WORD.match(text[end:])
    prev = _PREV_WORD.search(text[max(0, start - 24) : start])
    return (nxt is not None and trade_brand(f"{value} {nxt.group(1)}")) or (
        prev is not None and trade_brand(f"{prev.group(1)} {value}")
    )


def maker_before_fitting(text: str, start: int, end: int) -> bool:
    """Whether a capitalised span is a maker: a part or fitting after it, a boiler before it.

    "Genie lift", "the Ideal part", "combi Baxi"; a person's would be possessive ("Sam's
    lift"), and "gave Sam part of it" is not a fitting.
    """
    value = text[start:end]
    if not value[:1].isupper() or value.endswith(("'s", "’s")):
        return False
    if text[end : end + 2] in ("'s", "’s"):
        return False
    return bool(_FITTING_AFTER.match(text[end:])) or bool(
        _BOILER_BEFORE.search(text[max(0, start - 16) : start])
    )


# Seasonal and stage characters ("santa's grotto", "Widow Twankey's wig"): played by someone,
# nobody's name. Santa only in a Christmas message ("Santa" is a given name too).
_WIDOW = re.compile(r"(?i)^widow\s+\S")
_SANTA = re.compile(r"(?i)^(?:santa|father christmas|santa claus)$")
_CHRISTMAS = re.compile(
    r"(?i)\b(?:christmas|xmas|grotto|elf|elves|sleigh|reindeer|presents?|stocking|"
    r"north pole|mince pies?)\b"
)


def stock_character(text: str, start: int, end: int) -> bool:
    """Whether a span is a seasonal or pantomime character ("santa", "Widow Twankey")."""
    value = text[start:end].strip(_EDGE)
    value = re.sub(r"['’]s$", "", value)
    if _WIDOW.match(value):
        return True
    return bool(_SANTA.match(value)) and bool(_CHRISTMAS.search(text))


# "Nearest A&E: ...", "Unit base: ...": a label opening a line, its words common English.
_LABEL_AFTER = re.compile(r"^[^\n:]{0,24}:")


def line_label(text: str, start: int, end: int) -> bool:
    """Whether one common English word that no list names opens a line's label."""
    value = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or " " in value or not value.isalpha():
        return False
    if _listed(value) or not gazetteer.current().is_common_word(value.lower()):
        return False
    return bool(_LABEL_AFTER.match(text[end:]))


def names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, guessed to be a person, is a thing by the rules above."""
    value = text[start:end]
    return (
        named_storm(text, start, end)
        or named_animal(text, start, end)
        or quoted_team(text, start, end)
        or month_as_date(text, start, end)
        or letter_range(text, start, end)
        or trade_brand(value)
        or maker_before_fitting(text, start, end)
        or stock_character(text, start, end)
        or line_label(text, start, end)
    )
