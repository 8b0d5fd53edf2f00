"""Dishes and pubs named after people (issue 15, round 23).

A café serves "eggs Benedict" and "beef Wellington", a WI bakes a "Victoria sponge", a club
meets "at the Marquis of Granby" or "the Admiral Rodney": each name is a dish's or a pub's,
nobody's personal data. Read from the words around the name, never from a corpus's names:

- a listed dish name after a food word ("beef Wellington", "peach Melba", "steak Diane":
  a dish that is also a given name needs its own food word) or before a dish word
  ("Victoria sponge", "Melba toast", "Garibaldi biscuits"); a listed dish alone after an
  article or a list mark in a message about food ("the Pavlova", "/ Battenberg /");
- "the <title> [of] <Name>" ("the Duke of Wellington", "the Admiral Rodney", "the Lord
  Nelson") or "the <title>" alone, in a message about a pub or at a place ("at the", "outside
  the", "19:30 from the"); a title without "the" is a person's ("meet Duke at the pub");
- "the <Name> Arms/Head/Inn/Tavern/Vaults" anywhere; "the <Name>" after a pub word ("pint
  at the Nelson", "landlord of the Rodney", "down the Granby").

Sources: the dishes and the pub signs' titles were written by hand for this round (7 Dec
2026) from general knowledge of British and French cookery and of English pub names; not
from any corpus's sentences.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.eponym_kinds import ADDRESS_TITLES, NAME, lowered, titled, within

_ANY = frozenset({"*"})
# Dishes named after a person or a place, by the food words that may stand before them;
# those that are given names need their own ("eggs Benedict", not "chicken Benedict").
_AFTER_ANY_FOOD = """
    wellington melba florentine thermidor stroganoff rossini mornay véronique veronique
    marengo newburg orloff kiev tetrazzini cacciatore chasseur parmentier dauphinoise
    lyonnaise duchesse bercy colbert provençale milanese royale
"""
_AFTER_FOOD: dict[str, frozenset[str]] = {
    **dict.fromkeys(_AFTER_ANY_FOOD.split(), _ANY),
    "benedict": frozenset({"eggs", "egg"}),
    "suzette": frozenset({"crêpes", "crepes", "crêpe", "crepe", "pancakes"}),
    "rockefeller": frozenset({"oysters"}),
    "diane": frozenset({"steak"}),
    "anna": frozenset({"pommes", "potatoes"}),
    "foster": frozenset({"bananas"}),
    "oscar": frozenset({"veal"}),
}
_FOOD = (
    r"eggs|egg|beef|chicken|lobster|peach|peaches|pêche|peche|pears|pear|sole|steak|veal|"
    r"salmon|cod|haddock|fish|crêpes|crepes|crêpe|crepe|pancakes|tournedos|fillet|filet|"
    r"bananas|oysters|pork|lamb|venison|duck|prawns|prawn|scallops|turkey|mushroom|veggie|"
    r"vegan|spinach|potatoes|pommes|pasta|spaghetti|halibut|plaice"
)
_FOOD_NAME = re.compile(rf"(?i:(?P<food>{_FOOD}))[ \t]+(?P<name>{NAME})(?![\w'’-])")
# Dishes before a dish word: a given name only with its own ("Victoria sponge").
_BEFORE_ANY_DISH = """
    melba garibaldi pavlova battenberg bakewell eccles lamington florentine tatin madeira
    sachertorte stroganoff thermidor
"""
_BEFORE_DISH: dict[str, frozenset[str]] = {
    **dict.fromkeys(_BEFORE_ANY_DISH.split(), _ANY),
    "victoria": frozenset({"sponge", "sponges", "sandwich"}),
    "marie rose": frozenset({"sauce"}),
    "caesar": frozenset({"salad", "dressing"}),
    "waldorf": frozenset({"salad"}),
    "cobb": frozenset({"salad"}),
    "arnold bennett": frozenset({"omelette"}),
    "chelsea": frozenset({"bun", "buns"}),
    "sally lunn": frozenset({"bun", "buns"}),
    "charlotte": frozenset({"russe"}),
    "eton": frozenset({"mess"}),
}
_DISH = (
    r"sponges?|cakes?|toast|biscuits?|buns?|tarts?|pudding|sauce|salad|dressing|soufflé|"
    r"omelette|pie|truffles?|trifle|roulade|torte|gateau|flan|slices?|squares|fancies|bars?|"
    r"bites|loaf|sandwich|crumble|russe|block|fingers|mess"
)
_NAME_DISH = re.compile(rf"(?P<name>{NAME}(?:[ \t]+{NAME})?)[ \t]+(?P<dish>(?i:{_DISH}))\b")
_FOOD_TALK = re.compile(
    r"(?i)\b(?:menu|lunch|dinner|tea|pudding|dessert|cakes?|bak\w*|bring\w*|caf[eé]|serv\w*|"
    r"recipe|kitchen|oven|cook\w*|eat|ate|order\w*|starter|mains?|buffet|carvery|sponge|"
    r"scones?|chef|chocolate|praline|truffles?|flavours?|biscuits?|range|stall|raffle)\b"
)
# An article or a list mark before a lone dish ("the Pavlova", "/ Battenberg /").
_DISH_SLOT = re.compile(r"(?i)(?:(?:^|[^\w'’-])(?:a|an|the|some|and|or|of)[ \t]+|[/•|,;][ \t]*)$")

# Titles a pub sign puts before a name, or alone ("the Duke", "the Admiral Rodney").
_SIGN_TITLES = (
    r"Admiral|Duke|Duchess|Marquis|Marquess|Earl|Lord|King|Queen|Prince|Princess|General|"
    r"Bishop|Squire|Baron|Viscount|Cardinal"
)
_SIGN_FORM = (
    r"(?i:the)[ \t]+(?P<name>(?:{titles})(?:[ \t]+of(?:[ \t]+the)?)?(?:[ \t]+{name}){{0,2}})"
    r"(?![\w'’-])"
)
# In a message with capitals the name after the title is capitalised ("the Duke doing
# the act" is "the Duke"); in one wholly lower case any words may be the name.
_SIGN = re.compile(_SIGN_FORM.format(titles=_SIGN_TITLES, name=rf"(?=[A-ZÀ-ÖØ-Þ]){NAME}"))
_SIGN_LOWER = re.compile(_SIGN_FORM.format(titles=_SIGN_TITLES.lower(), name=NAME))
# A sign's title and name before "pub" without "the" ("Princess Royal pub quiz").
_SIGN_PUB = re.compile(
    rf"(?P<name>(?:{_SIGN_TITLES})(?:[ \t]+of)?(?:[ \t]+(?=[A-ZÀ-ÖØ-Þ]){NAME}){{1,2}})"
    r"[ \t]+(?i:pub|inn|tavern)\b"
)
_PUB_TAIL = re.compile(
    rf"(?i:the)[ \t]+(?P<name>{NAME}(?:['’]s?)?(?:[ \t]+{NAME}(?:['’]s?)?){{0,2}})[ \t]+"
    r"(?:Arms|Head|Inn|Tavern|Vaults|Tap|Alehouse)(?![\w'’-])(?![ \t]+of\b)"
)
_PUB_TALK = re.compile(
    r"(?i)\b(?:pubs?|pints?|refurb\w*|reopen\w*|beer|wine|gin|drinks|landlord|landlady|"
    r"carvery|quiz|skittles|darts|beer garden|"
    r"real ale|ales?|bitter|lager|cider|last orders|lock-in|boozer|inn|tavern|free house|"
    r"snug|function room|sunday roast|pub grub|barman|barmaid|bar staff|publican|gastropub|"
    r"karaoke|open mic|pool table|jukebox)\b"
)
# Where a place is spoken of: "at the", "outside the", "down the"; "to" and "from" only
# after going somewhere or a time ("outing to the", "19:30 from the"), not "a letter to".
_AT_THE = re.compile(
    r"(?i)(?:\b(?:at|outside|opposite|behind|near|inside|down|round|past|into|in)|"
    r"(?:\b(?:outing|trip|walk|go|going|went|head|heading|come|coming|back|taxi|lift|bus|"
    r"minibus|coach|meet|meeting|start|starts|leave|leaves|leaving)|\d[.:]\d\d|\d(?:am|pm))"
    r"[ \t]+(?:to|from))[ \t]+the[ \t]+$"
)
_PUB_CUE = re.compile(
    r"(?i)\b(?:pints?|drinks?|round|quiz|skittles|darts|carvery|landlord|landlady|lock-in|"
    r"down|meet|meeting|meet up|see you)(?:[ \t]+(?:at|in|of|from|down|outside))?[ \t]+the"
    r"[ \t]+$"
)


def _cased(text: str, name: str) -> bool:
    return lowered(text) or all(w[:1].isupper() or w == "of" for w in name.split())


def named_dish(text: str, start: int, end: int) -> bool:
    """Whether a span names a dish after a person ("eggs Benedict", "Victoria sponge")."""

    def after_food(m: re.Match[str]) -> bool:
        heads = _AFTER_FOOD.get(m.group("name").casefold())
        return heads is not None and (heads is _ANY or m.group("food").casefold() in heads)

    def before_dish(m: re.Match[str]) -> bool:
        name = m.group("name")
        if name.split()[0].casefold() in ADDRESS_TITLES:
            return False  # "Mrs Garibaldi cakes": hers
        kinds = _BEFORE_DISH.get(name.casefold())
        if kinds is None and len(name.split()) == 2:
            # "Mags Garibaldi biscuits": only the second word qualifies the dish.
            second = m.start("name") + len(name.split()[0]) + 1
            if start < second:
                return False
            name = text[second : m.end("name")].strip()
            kinds = _BEFORE_DISH.get(name.casefold())
        if kinds is None or not _cased(text, name):
            return False
        return kinds is _ANY or m.group("dish").casefold() in kinds

    return (
        within(_FOOD_NAME, text, start, end, after_food, back=1)
        or within(_NAME_DISH, text, start, end, before_dish, back=1)
        or _lone_dish(text, start, end)
    )


# Teas named after people: "the Earl Grey", "a Lady Grey", "Earl Grey, no milk".
_TEAS = frozenset({"earl grey", "lady grey"})
_TEA_TALK = re.compile(r"(?i)\b(?:teas?|teabags?|cuppa|brew|milk|lemon|pot|blend|leaf)\b")


def _lone_dish(text: str, start: int, end: int) -> bool:
    value = text[start:end].strip(".,;:!?'’\"()")
    if value.casefold() in _TEAS:
        article = _DISH_SLOT.search(text[max(0, start - 8) : start]) is not None
        return article or _TEA_TALK.search(text) is not None
    if _BEFORE_DISH.get(value.casefold()) is not _ANY or not _cased(text, value):
        return False
    if _FOOD_TALK.search(text) is None or titled(text, start):
        return False
    gaz = gazetteer.current()
    slot = _DISH_SLOT.search(text[max(0, start - 8) : start]) is not None
    return slot or (start == 0 and not gaz.is_first_name(value))


def pub_name(text: str, start: int, end: int) -> bool:
    """Whether a span is (part of) a pub's name ("the Duke of Wellington", "the Nelson Arms")."""
    return _pub_sign(text, start, end) or _after_pub_cue(text, start, end)


def _pub_sign(text: str, start: int, end: int) -> bool:
    """A pub's sign: "the Duke of ...", "the <Name> Arms", "<title> <Name> pub"."""

    def sign(m: re.Match[str]) -> bool:
        if not _cased(text, m.group("name")):
            return False
        if re.match(r"['’]s?(?![\w])", text[m.end() :]):
            return False  # "the Queen's speech", "the Duke of Kent's visit"
        before = text[max(0, m.start() - 30) : m.start()] + "the "
        return _PUB_TALK.search(text) is not None or _AT_THE.search(before) is not None

    def tail(m: re.Match[str]) -> bool:
        words = m.group("name").split()
        return _cased(text, m.group("name")) and words[0].casefold() not in ADDRESS_TITLES

    return (
        within(_SIGN_LOWER if lowered(text) else _SIGN, text, start, end, sign, back=4)
        or within(_PUB_TAIL, text, start, end, tail, back=4)
        or within(_SIGN_PUB, text, start, end, lambda m: True, back=3)
    )


# What may follow a pub's name after a pub word: nothing, a time, a joint or a verb; not a
# noun it qualifies ("see you at the Leeds jobs fair", "down the Carver Street end").
_AFTER_PUB = re.compile(
    r"(?i)^(?:[ \t]*(?:$|[.,;:!?)\]—–-])|[ \t]+(?:at|for|on|in|tonight|till|until|after|"
    r"before|and|or|with|is|was|has|had|does|did|said|says|then|from|to|by|around|about|"
    r"again|later|instead|this|next|last|it|we|they|i|if|when|yesterday|today|\d)\b)"
)


def _after_pub_cue(text: str, start: int, end: int) -> bool:
    """A name after a pub word: "pint at the Nelson", "landlord of the Rodney"."""
    value = text[start:end]
    if _PUB_CUE.search(text[max(0, start - 30) : start]) is None or not _cased(text, value):
        return False
    after = text[end:]
    # "the Hendersons", "the Patel family": people, plural or by a family word.
    family = r"[ \t]+(?:family|household|lot|twins|kids|house|home|place|flat)\b"
    if value.endswith("s") or re.match(family, after):
        return False
    return _AFTER_PUB.match(after) is not None


def eponym_fare(text: str, start: int, end: int, place: bool = False) -> bool:
    """Whether ``text[start:end]``, guessed to be a person or a place, is a dish or a pub.

    For a `place` guess a name after a pub word counts only in a message about a pub:
    "down the Strand", "see you at the Leeds fair" are places.
    """
    if place and _PUB_TALK.search(text) is None:
        return named_dish(text, start, end) or _pub_sign(text, start, end)
    return named_dish(text, start, end) or pub_name(text, start, end)
