"""Cultivars, boats in a list, magic moves and makers named after people (issue 15, round 23).

Growers name roses, apples and potatoes after people, magicians name sleights after whoever
published them, and makers put their own names on knives and bikes. Such a name is nobody's
personal data; it is read from the words around it, never from a corpus's names:

- a cultivar: a name right before a plant's kind word ("a Jessie Rowe rose", "Kerr's Pink
  potatoes" without the "'s"), quoted after one ("clematis 'Nelly Tate'"), in a list opened by
  a colon after a plant word ("apples in the orchard: Howgate, Lady Sudeley"), the entry after
  " - " in a plant show's list, or after a growing or quantity word in a plant message
  ("lifted the Arran Pilot", "two sacks of Kerr Pilot"); not when a verb follows ("Ada said
  the roses are in");
- a boat or a pet among the items of a list a colon opens after a plural kind word ("boats on
  the mooring list: Auntie Vi, Skipper Tom");
- a magic move: a name, perhaps with one or two words between, before a sleight's kind word
  ("the Vernon touch", "a Marlo tilt", "the Kelner card switch") in a message about magic;
- a maker: a capitalised name right before a product's kind word ("Rabone levels", "Hetton
  chisel"), not with "'s" ("Sam's chisel") nor after a giving verb ("bring Sam chisels").

The kind words were written by hand for this round (7 Dec 2026) from general knowledge of
gardening, boating, conjuring and tools; no corpus's sentences were read for them.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer

_EDGE = ".,:;!?'’\"()[]‘“”"
_QUOTES = "'‘’\"“”"

# Plants grown as named cultivars; plural or singular ("rose" alone is also a verb).
_PLANTS = (
    r"roses|apples?|pears?|plums?|potato(?:es)?|spuds|earlies|tubers|clematis|dahlias?|"
    r"tulips?|daffodils?|narcissi|sweet ?peas?|peon(?:y|ies)|fuchsias?|camellias?|"
    r"rhododendrons?|azaleas?|lilac|lavenders?|hostas?|irises|delphiniums?|chrysanths?|"
    r"chrysanthemums?|pelargoniums?|geraniums?|strawberr(?:y|ies)|raspberr(?:y|ies)|"
    r"gooseberr(?:y|ies)|tomato(?:es)?|leeks?|onions?|shallots|runner beans|cultivars?|"
    r"varieties|variety|shrubs?|climbers?|ramblers?|bushes|cooking apples|cookers|eaters"
)
_PLANT_AFTER = re.compile(rf"(?i)^['’\"”]?[ \t]+(?:{_PLANTS})(?![\w'’-])")
# "a Jessie Rowe rose", "the 'Nelly Tate' rose": singular "rose" only after an article.
_ROSE_AFTER = re.compile(r"(?i)^['’\"”]?[ \t]+rose(?![\w'’-])")
_ARTICLE = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:a|an|the|my|her|his|our|their|that|this)[ \t]+['‘\"“]?$"
)
_PLANT_QUOTED = re.compile(rf"(?i)\b(?:{_PLANTS}|rose)[ \t]*[:\-–]?[ \t]*['‘\"“]$")
_PLANT_TALK = re.compile(
    rf"(?i)(?<![\w'’-])(?:{_PLANTS}|rose|bloom\w*|garden\w*|allotment|veg|vegetables?|orchard|"
    r"prun\w*|grafted|rootstock|nursery|show bench|horticultur\w*|greenhouse|border|"
    r"crumble|pie|chutney|planted|planting)(?![\w'’-])"
)
_SHOW_HEAD = re.compile(r"(?i)\b(?:entr(?:y|ies)|class(?:es)?|shows?|exhibits?|results)\b[^:]*:")
# Growing, cooking and quantity words before a cultivar ("lifted the ...", "3 lots of").
_GROWN_BEFORE = re.compile(
    r"(?i)(?:\b(?:grow|grows|grew|grown|growing|plant|planted|planting|prune|pruned|lift|"
    r"lifted|dug|picked|sowed|sown|used|using|entered|ordered|bought)(?:[ \t]+(?:the|some|a|"
    r"my|her|his|our|their|more))?|\b(?:lots|sacks?|bags?|kg|kilos?|trays?|boxes|crates?|"
    r"dozen|pounds|lbs?|rows|plants?|tubers|\d+)[ \t]+of(?:[ \t]+(?:the|my|our|her|his))?)[ \t]+$"
)
# Words after a name that make it a person's doing ("Ada said", "Maris is coming").
_VERB_AFTER = re.compile(
    r"(?i)^['’]?[ \t]+(?:said|says|is|was|has|had|will|would|can|could|did|does|asked|told|"
    r"wants|rang|called|thinks|thought|brought|took|came|went|won|got|left|and[ \t]+(?:her|his)\b|"
    r"\w+ed\b)"
)
_GIVING = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:give|gave|bring|brought|send|sent|pass|lend|lent|hand|show|"
    r"buy|bought|get|got|ask|tell|told|owe|owes|make|made|offer|find|leave|left)[ \t]+$"
)
_BOATS = (
    r"boats|boat names|narrowboats|barges|yachts|vessels|cruisers|dinghies|"
    r"dogs|horses|ponies|cats|hounds|ferrets|rabbits|hens|goats|alpacas"
)
# A list's head names its items' kind in the plural ("roses by the gate:"); not "apple pie:".
_PLURAL_PLANTS = (
    r"roses|apples|pears|plums|potatoes|spuds|earlies|tubers|clematis|dahlias|tulips|"
    r"daffodils|sweet ?peas|peonies|fuchsias|camellias|rhododendrons|hostas|irises|"
    r"varieties|cultivars|climbers|ramblers|shrubs|seed potatoes"
)
_KIND_HEAD = re.compile(
    rf"(?i)\b(?:{_BOATS}|{_PLURAL_PLANTS})\b(?![ \t]+[a-z]+[ \t]*:)[^:\n]{{0,40}}:[ \t]*$"
)
# Words that open a boat's or a rose's name and a model may leave out of the span.
_OPENER_WORDS = """
    uncle auntie aunt dame lady sir lord captain skipper old little big miss mrs mr king queen
    prince princess duke duchess father mother granny grandad saint st
"""
_NAME_OPENERS = frozenset(_OPENER_WORDS.split())
_ITEM_END = re.compile(
    r"^(?P<rest>(?:[ \t]+[^\W\d_][\w'’-]*){0,2})['’\"”]?[ \t]*(?:[,;.&)!]|and\b|or\b|$|\n)"
)
_ITEM_GAP = re.compile(r"^[ \t]*[^\W\d_][\w'’ .-]{0,40}$")
_MAGIC_TALK = re.compile(
    r"(?i)\b(?:magic\w*|magician\w*|tricks?|cards?|deck|sleights?|conjur\w*|illusion\w*|"
    r"mentalis\w*|close-up|closeup|routines?|lecture|coins?|linking rings|sponge balls|"
    r"effects?|flourish\w*|aces?|packet)\b"
)
_SLEIGHTS = (
    r"count|counts|force|forces|pass|passes|shuffle|shuffles|cut|cuts|change|changes|lift|"
    r"lifts|vanish|vanishes|load|loads|switch|switches|spread|deal|deals|problem|principle|"
    r"subtlety|move|moves|stack|control|controls|display|displays|tilt|touch|turnover|"
    r"glide|grip|steal|palm|drop|spin|sequence|transfer|stab|prediction|dribble|fan"
)
_SLEIGHT_AFTER = re.compile(rf"(?i)^(?:[ \t]+[a-z][\w-]*){{0,2}}[ \t]+(?:{_SLEIGHTS})(?![\w'’-])")
_DETERMINED = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:a|an|the|his|her|their|my|your|our|this|that)[ \t]+$"
)
# What a maker's name stands before: tools, kit, bikes, prints and other goods.
_PRODUCTS = (
    r"knife|knives|blades?|spanners?|wrench(?:es)?|screwdrivers?|chisels?|planes?|saws|"
    r"hammers?|mallets?|levels?|drills?|keys|anchors|fixings|bolts|clamps|pliers|"
    r"bikes?|bicycles?|folders?|frames?|mouldings?|profiles|prints?|reproductions?|"
    r"posters?|wallpapers?|fabrics?|curtains|tiles|croquet sets?|hoops|balls|rackets?|"
    r"racquets?|kettles?|toasters?|mixers?|irons?|jumpsuits?|costumes?|wigs?|suits?|"
    r"kippers|pans|casseroles?|mugs|teapots?|pens?|pencils?|paints?|canvases|samples|"
    r"hoovers?|vacuums?"
)
_PRODUCT_AFTER = re.compile(
    rf"^(?:[ \t]+[A-Z][\w'’-]*){{0,2}}[ \t]+(?P<kind>{_PRODUCTS})(?![\w'’-])"
    r"(?![ \t]+(?:it|them|up|out|off|this|that|for him|for her)\b)"
)
# After a plural kind, an object makes it a verb: "Sam paints the fence", "Ola irons his".
_OBJECT = re.compile(
    r"(?i)^[ \t]+(?:the|a|an|his|her|their|my|our|your|its|it|them|him|me|us|this|that|"
    r"these|those|some|every|all|on|in|with|for|to|down|back|over|round|at|by|into)\b"
)


def _listed_first(word: str) -> bool:
    return gazetteer.current().is_first_name(word.strip(_EDGE))


def cultivar(text: str, start: int, end: int) -> bool:
    """Whether a span names a plant's cultivar by the words around it."""
    before, after = text[max(0, start - 40) : start], text[end:]
    if before[-1:] in _QUOTES and _PLANT_QUOTED.search(before):
        return True  # "clematis 'Nelly Tate'"
    if text[end : end + 2] in ("'s", "’s") or _VERB_AFTER.match(after):
        return False  # "Ada's roses", "Maris said the roses are in": people
    if _PLANT_AFTER.match(after):
        return True  # "Jessie Rowe roses", "Kerr Pilot potatoes"
    if _ROSE_AFTER.match(after) and _ARTICLE.search(before):
        return True  # "a Jessie Rowe rose"; not "Ethel rose from her chair"
    if _PLANT_TALK.search(text) is None:
        return False
    return bool(
        _GROWN_BEFORE.search(before)
        or _show_entry(text, start, end)
        or in_kind_list(text, start, end)
    )


def _item_end(text: str, end: int) -> bool:
    """Whether a list's item ends at `end`, or after the rest of its name ("Lady Ada| Rowe,")."""
    found = _ITEM_END.match(text[end:])
    if found is None:
        return False
    lowered = not any(ch.isupper() for ch in text)
    gaz = gazetteer.current()
    # Words a model left out of the name: capitalised, or in a lower-case message no
    # dictionary's ("potatoes: sam to lift" is a clause, "lady ada rowe," a name).
    return all(
        w[:1].isupper() or (lowered and not gaz.is_english(w)) for w in found.group("rest").split()
    )


def entry_end(text: str, start: int, end: int) -> int:
    """Where a person's span should end when it ran on into a show entry ("Ada - Jessie Tate")."""
    found = re.search(r"[ \t]+[-–][ \t]+", text[start:end])
    if found is None or _PLANT_TALK.search(text) is None:
        return end
    head = text[start : start + found.start()].split()
    gaz = gazetteer.current()
    if all(w.islower() and gaz.is_english(w) for w in head):
        return end  # "sunshine - ...": cut, a lower-case word name would be lost as a word
    after = start + found.end()
    return start + found.start() if _show_entry(text, after, end) else end


def _show_entry(text: str, start: int, end: int) -> bool:
    """Whether a span follows " - " after a name in a colon-opened list ("Ada Rowe - Jessie")."""
    if not _item_end(text, end):
        return False
    head = text[:start]
    found = re.search(r"[A-Za-z][\w'’.-]*[ \t]+[-–][ \t]+$", head)
    if found is None or ":" not in head[: found.start()]:
        return False
    # Only a show's entries or results: "keys out: boiler - Ann" is a task and its person.
    return _SHOW_HEAD.search(head[: found.start()]) is not None


def in_kind_list(text: str, start: int, end: int) -> bool:
    """Whether a span is an item of a list a colon opens after a plural kind word."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    colon = head.rfind(":")
    if colon < 0 or _KIND_HEAD.search(head[: colon + 1]) is None:
        return False
    items = head[colon + 1 :]
    # Every item before the span is itself a name: "A, B, C"; no verb or clause between.
    parts = re.split(r"[ \t]*(?:,|;|\band\b|&)[ \t]*", items)
    # The last part may hold one word of the name the model left out ("uncle " of "uncle bert").
    last = parts[-1].strip(" \t" + _QUOTES).casefold()
    if (last and last not in _NAME_OPENERS) or not _item_end(text, end):
        return False  # "potatoes: Sam to lift them": a clause, not a list
    return all(_ITEM_GAP.match(p) or not p.strip() for p in parts[:-1])


def listed_boat(text: str, start: int, end: int) -> bool:
    """Whether a span is a boat or an animal in a list opened after its plural kind."""
    if _VERB_AFTER.match(text[end:]) or text[end : end + 2] in ("'s", "’s"):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    colon = head.rfind(":")
    if colon < 0 or re.search(rf"(?i)\b(?:{_BOATS})\b", head[:colon]) is None:
        return False
    return in_kind_list(text, start, end)


def magic_move(text: str, start: int, end: int) -> bool:
    """Whether a span names a sleight after its inventor ("the Vernon touch") in magic talk."""
    after = _SLEIGHT_AFTER.match(text[end:])
    if after is None or text[end : end + 2] in ("'s", "’s"):
        return False
    if _MAGIC_TALK.search(text) is None:
        return False
    # Only after an article or a possessive: "Ann cut her thumb" is what Ann did.
    return _DETERMINED.search(text[max(0, start - 12) : start]) is not None


_GOODS_WORD = re.compile(rf"(?:{_PRODUCTS})")
# "the rabone level": an article, then the maker, then the lone goods word a list calls a name.
_MAKER_BEFORE = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:the|a|an|her|his|my|our|their|your|new|old)[ \t]+[^\W\d_][\w'’-]*[ \t]+$"
)


# A maker's name as the thing bought, ridden or mended: "rode in on her Brompton".
_BOUGHT = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:bought|buy|buying|ordered|rode|ride|riding|borrowed|using|use|used|"
    r"fixed|fixing|repaired|mended|sold|selling)[ \t]+(?:a|an|her|his|my|our|their|your|"
    r"the|new|old)[ \t]+$"
)
# The name closes the object: punctuation, the end, or a word that starts what follows.
_OBJECT_END = re.compile(
    r"(?i)^(?:[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:to|for|from|in|at|and|with|again|yesterday|today|"
    r"last|this|back|off|is|was|has|had|needs|broke|lol|haha)\b)"
)
_OWNED_AFTER = re.compile(r"(?i)^(?:['’]s|s['’]|[ \t]+(?:family|twins|kids|lot|household)\b)")


def bought_make(text: str, start: int, end: int) -> bool:
    """Whether a one-word capitalised name is what was bought or ridden ("her Brompton")."""
    value = text[start:end].strip(_EDGE)
    if " " in value or not value[:1].isupper() or _OWNED_AFTER.match(text[end:]):
        return False
    if _OBJECT_END.match(text[end:]) is None:
        return False  # "using the Kippen hall": the name qualifies a noun after it
    return _BOUGHT.search(text[max(0, start - 24) : start]) is not None


def maker(text: str, start: int, end: int) -> bool:
    """Whether a span is a maker before its product ("Rabone levels"), or the product word."""
    value = text[start:end].strip(_EDGE)
    if value.islower() and _GOODS_WORD.fullmatch(value):
        return _MAKER_BEFORE.search(text[max(0, start - 30) : start]) is not None
    lowered = not any(ch.isupper() for ch in text)
    if not (value[:1].isupper() or lowered) or text[end : end + 2] in ("'s", "’s"):
        return False
    found = _PRODUCT_AFTER.match(text[end:])
    if found is None:
        return False
    if found.group("kind").endswith("s") and _OBJECT.match(text[end + found.end() :]):
        return False  # "Sam paints the fence", "Ola levels the lawn"
    words = value.split()
    # "bring Sam chisels": a given name after a giving verb is whom the goods go to.
    giving = _GIVING.search(text[max(0, start - 12) : start]) is not None
    return not (giving and len(words) == 1 and _listed_first(words[0]))


def eponym_good(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a person or place to a model, is a cultivar or a make."""
    return (
        cultivar(text, start, end)
        or listed_boat(text, start, end)
        or magic_move(text, start, end)
        or maker(text, start, end)
        or bought_make(text, start, end)
    )
