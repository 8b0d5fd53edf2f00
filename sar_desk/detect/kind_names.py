"""Names a thing wears beside its kind, and words that are no name alone (issue 15, round 16).

Rules from the structure of English, not from a corpus's wording; each reads the span and a
few dozen characters beside it:

- a kind noun as the name's head ("Kiln Doris", "the kiln Doris", "our trike Big Bertha") or
  in brackets after it ("Big Bertha (the cargo trike)"): a machine's, vehicle's or vessel's
  name; a trade between keeps the person ("our van driver Bertha");
- one capitalised word after "a"/"an"/"the" that closes its noun phrase ("a Brompton.", "the
  Sweep for Tuesday"): a make or a job; not a given name that is no word ("a Sarah from
  the council"), a family ("the Okorocha family", "the Smiths"), a place or a street;
- a weekday where a day stands ("our Saturday presenter", "meeting Tues", "ring Tuesdays"),
  never after a title or a name; a short form or a plural ("Weds", "Thurs", "Fridays")
  is nobody's name anywhere;
- a surname particle alone in lower case after a determiner, or "van" before an English
  word that is no name ("delivery van dashcam"); "arnel von essen" keeps it;
- a maker before its wares ("Clarice Cliff vase"), a lower-case plural or a word before
  "people" after a greeting ("Morning keyholders", "Hi clay people"), and a capitalised
  trade closing a post after a word that is no name ("(Saleroom Porter)").

`kind_named` is the one test `word_positions.placed_not_named` asks.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect import gazetteer
from sar_desk.detect.day_words import day_in_clause
from sar_desk.detect.words import TITLES

_EDGE = ".,:;!?'’\"()[]‘“”"

# Machines, vehicles and vessels chat gives pet names to. Left out: "coach" ("Coach Doris"
# is a sports coach), "cab" (a given name), and kinds that are verbs opening a sentence too
# ("Train Doris on the till", "Press Sam for it": train, press, launch, ship, tug, crane...).
_KINDS = (
    r"kiln|oven|furnace|loom|lathe|mixer|printer|generator|compressor|winch|"
    r"boiler|trike|tricycle|bike|tandem|cargo bike|van|lorry|truck|tractor|digger|forklift|"
    r"minibus|bus|tram|locomotive|loco|boat|barge|narrowboat|ferry|yacht|"
    r"dinghy|lifeboat|trawler|canoe|kayak|car|camper|campervan|motorhome|"
    r"caravan|mower|robot|gritter|sweeper|dumper|scooter|motorbike|"
    r"ambulance|steamroller|chipper|hearse"
)
_KIND_WORD = re.compile(rf"(?i)^(?:{_KINDS})$")
# A kind right before the span after a determiner ("the kiln Doris", "our trike Big
# Bertha"), or a capitalised kind opening the line or sentence ("Kiln Doris tripped").
_KIND_BEFORE = re.compile(
    rf"(?:(?:^|[\s(])(?i:the|our|my|their|his|her|your)[ \t]+(?:(?i:old|big|new|little)[ \t]+)?"
    rf"(?i:{_KINDS})|(?:^|[.!?:\n][ \t]*)(?P<lead>[A-Z][a-z]+))[ \t]+$"
)
# "(the cargo trike)", "(our old boat)", "(a kiln)".
_KIND_BRACKET_AFTER = re.compile(
    rf"(?i)^[ \t]*\((?:the|our|a|an|my|their)[ \t]+(?:[a-z]+[ \t]+)?(?:{_KINDS})s?[ \t]*[,)]"
)


def _listed(low: str) -> bool:
    gaz = gazetteer.current()
    return gaz.is_first_name(low) or gaz.is_surname(low)


def kind_headed(text: str, start: int, end: int) -> bool:
    """Whether a name stands with a machine's or vessel's kind as its head ("Kiln Doris")."""
    words = text[start:end].split()
    if not words or text[end : end + 2] in ("'s", "’s"):
        return False
    if _KIND_BRACKET_AFTER.match(text[end : end + 40]):
        return True
    lead = words[0].strip(_EDGE)
    if len(words) >= 2 and _KIND_WORD.match(lead) and words[1][:1].isupper():
        # "Kiln Doris": a capitalised kind that is a listed name ("Crane", "Van") may be one
        return lead.islower() or not _listed(lead.casefold())
    if not words[0][:1].isupper():
        return False
    before = _KIND_BEFORE.search(text[max(0, start - 32) : start])
    if before is None:
        return False
    lead = before.group("lead")
    return lead is None or (bool(_KIND_WORD.match(lead)) and not _listed(lead.casefold()))


# Not after a capitalised word: "Ceann a Bhàigh" is a Gaelic street, "a" its particle, and
# "Back o' the Chapel" a street too.
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?i:the|a|an)[ \t]+$")
_NUMBER_THE_BEFORE = re.compile(r"\d[A-Za-z]?,?[ \t]+(?i:the)[ \t]+$")
_CAPITALISED_BEFORE = re.compile(
    r"[A-Z][\w'’-]*[ \t]+(?:(?i:o['’]|of|on|upon|by)[ \t]+)?(?i:the|a|an)[ \t]+$"
)
# What makes "the X" a family or a household ("the Okorocha family", "the Kellys' house").
_FAMILY_AFTER = re.compile(
    r"(?i)^(?:['’]s?)?[ \t]+(?:family|families|household|kids|children|boys|girls|twins|"
    r"lot|clan|brothers|sisters|residence|house|home|estate)\b"
)
_CAP_AFTER = re.compile(r"^[ \t]+[A-Z]")
_CLAUSE_ENDS = re.compile(r"^(?:['’]s)?[ \t]*(?:[,.;:!?)\n]|$)")
# A verb, a preposition or a conjunction after the word: the noun phrase ended with it.
_VERB_OR_PREP_AFTER = re.compile(
    r"^[ \t]+(?:is|was|has|had|needs|needed|broke|keeps|went|came|did|does|will|would|can|"
    r"could|isn['’]t|wasn['’]t|won['’]t|said|says|for|to|in|at|on|and|or|with|from|by|again|"
    r"today|tomorrow|tonight|but|so|which|that|who)\b"
)


def article_thing(text: str, start: int, end: int) -> bool:
    """Whether one capitalised word after "a"/"an"/"the" is a make or a job ("a Brompton").

    A listed given name that is no common word is kept ("a Sarah from the council rang"); a
    listed family name only where the clause ends ("the Okafor case" is Okafor's). A family
    ("the Okorocha family") or a plural ("the Smiths"), and a name that goes on capitalised
    ("the Mary Ellen" is left to `kind_headed`).
    """
    value = text[start:end].strip(_EDGE)
    if value.endswith(("'s", "’s")):
        value = value[:-2]
    if " " in value or not value.isalpha() or not value[:1].isupper() or value.isupper():
        return False
    if value.endswith("s") or not _ARTICLE_BEFORE.search(text[max(0, start - 5) : start]):
        return False
    if _NUMBER_THE_BEFORE.search(text[max(0, start - 12) : start]):
        return False  # "55 The Spinney": a street's name
    if _CAPITALISED_BEFORE.search(text[max(0, start - 32) : start]):
        return False
    gaz, low = gazetteer.current(), value.casefold()
    common = gaz.is_common_word(low)
    if gaz.is_first_name(low) and not common:
        return False  # "a Sarah from the council": a given name that is no word
    after = text[end : end + 24]
    if _CAP_AFTER.match(after) or _FAMILY_AFTER.match(after) or gaz.is_place(value):
        return False
    # The word closes its noun phrase: "the Okafor case", "the Kowalski famly", "the Llandeilo
    # house" name a person or a place by the noun after them; "a Brompton." and "the Sweep
    # for Tuesday" do not.
    if not (_CLAUSE_ENDS.match(after) or _VERB_OR_PREP_AFTER.match(after)):
        return False
    return common or not gaz.is_surname(low) or bool(_CLAUSE_ENDS.match(after))


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A lone particle is the word after a determiner ("the van"); between two words it may join
# a name written in lower case ("arnel von essen", "mr van den bosch").
_DETERMINER_BEFORE = re.compile(
    r"(?:^|[\s(])(?i:the|a|an|our|my|their|his|her|your|this|that|in|on|from|of|to|by|"
    r"with|into|off)[ \t]+$"
)
_NEXT_WORD = re.compile(r"^[ \t]+([a-z]+)\b")
_NAME_GOES_ON = re.compile(
    r"^[ \t]+(?:[A-Z]|(?:van|von|de|der|den|da|du|le|la|della|ten|ter|dos|das)\b|\w+-\w)"
)


def particle_alone(text: str, start: int, end: int) -> bool:
    """Whether a lone lower-case particle ("van") is the word, not part of a name.

    A determiner before it ("the van"), or an English word that is no name after it
    ("delivery van dashcam"); "nguyen van and Hiwot" is left alone.
    """
    value = text[start:end]
    if not lone_particle(value) or _NAME_GOES_ON.match(text[end : end + 24]):
        return False
    if _DETERMINER_BEFORE.search(text[max(0, start - 8) : start]):
        return True
    # "delivery van dashcam": "van" before an English word that is no name
    nxt = _NEXT_WORD.match(text[end : end + 24])
    return nxt is not None and lone_particle(f"{value} {nxt.group(1)}")


# Not "di" nor "del": "Di" and "Del" are given names written in lower case too.
_PARTICLES = _set("van von de der den da du le la della ten ter dos das")


def lone_particle(value: str) -> bool:
    """Whether a lower-case span is a surname particle alone ("van") or "van" and a word.

    "van dashcam", "van keys": the vehicle. "van dijk" in lower case is a family name: its
    second word is no English word.
    """
    words = [w.strip(_EDGE) for w in value.split()]
    if not words or words[0] not in _PARTICLES:
        return False
    if len(words) == 1:
        return True
    if words[0] != "van" or len(words) != 2:
        return False
    word = words[1]
    if not word.isalpha() or not word.islower() or _listed(word) or word in STOP_WORDS:
        return False
    # an English word or two run together ("van keys", "van dashcam"), not "van dijk"
    gaz = gazetteer.current()
    return gaz.is_english(word) or any(
        gaz.is_english(word[:i]) and gaz.is_english(word[i:]) for i in range(3, len(word) - 2)
    )


# Wares a maker's name stands before ("Clarice Cliff vase", "Brompton and Raleigh parts"): a
# person would own them with a possessive. `club_things` has the shop goods.
_WARES = (
    r"jugs?|vases?|mugs?|teapots?|plates?|bowls?|figurines?|tableware|pottery|stoneware|"
    r"china|crockery|deadlocks?|nightlatch(?:es)?|padlocks?|cylinders?|poles?|ladders?|"
    r"squeegees?|saddles?|tyres?|parts|spares|stoves?|sponge|sponges|clocks?|lamps?|prints?|jars"
)
# Then no object or particle: "Sam plates up", "Jo lamps the lot" are verbs.
_WARES_AFTER = re.compile(
    rf"^(?:[ \t]+(?:and|&|or)[ \t]+[A-Z][\w'’-]*|[ \t]+[A-Z][\w'’-]*)?[ \t]+(?:{_WARES})(?![\w'’-])"
    r"(?![ \t]+(?:it|them|up|the|a|an|this|that|his|her|my|our|their|in|out|off|down)\b)"
)


def maker_before_wares(text: str, start: int, end: int) -> bool:
    """Whether a capitalised span is a maker: wares right after it ("Toby jug", "Denby plates")."""
    value = text[start:end]
    if not value[:1].isupper() or value.endswith(("'s", "’s")):
        return False
    if text[end : end + 2] in ("'s", "’s"):
        return False
    return bool(_WARES_AFTER.match(text[end : end + 48]))


# A greeting then a lower-case plural or a word before "people" ("Morning keyholders", "Hello
# thatchers", "Hi clay people"): chat greeting a trade or a group, not one person.
_GREETED = re.compile(
    r"(?i)(?:^|[\s(])(?:hi|hey|hiya|hello|morning|mornin|evening|afternoon)[ \t]+$"
)
_PEOPLE_AFTER = re.compile(r"^[ \t]+(?:people|folks|gang|lot|crew|squad)\b")
_PLURAL = re.compile(r"[a-z]{3,}[^aeiousy]s$")


def greeted_group(text: str, start: int, end: int) -> bool:
    """Whether a lower-case word after a greeting names a group ("Hello beeks")."""
    value = text[start:end]
    if not value.isalpha() or not value.islower():
        return False
    if not _GREETED.search(text[max(0, start - 12) : start]):
        return False
    if _PEOPLE_AFTER.match(text[end : end + 12]):
        return True
    return bool(_PLURAL.fullmatch(value)) and not _listed(value)


# A capitalised trade after a capitalised word that is no name, inside a phrase ("(Saleroom
# Porter)", "the Studio Porter"): a post, whoever holds it. Not at a sentence's start ("Ask
# Porter") and not after a listed name ("Sam Porter") or a title ("Mr Porter").
_TRADE_END = re.compile(r"(?:er|or|ist|ian|man|keeper|smith|wright|eer|ier)$")
_WORD_BEFORE = re.compile(r"(?:\(|\b(?i:the|our|a|an|their|your)[ \t]+)([A-Z][a-z]+)[ \t]+$")


def post_after_word(text: str, start: int, end: int) -> bool:
    """Whether one capitalised common trade word closes a post ("(Saleroom Porter)")."""
    value = text[start:end]
    low = value.casefold()
    if not value.isalpha() or not value[:1].isupper() or not _TRADE_END.search(low):
        return False
    gaz = gazetteer.current()
    if not gaz.is_common_word(low):
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 24) : start])
    if before is None:
        return False
    lead = before.group(1).casefold()
    return gaz.is_english(lead) and not _listed(lead) and lead not in TITLES


def kind_named(text: str, start: int, end: int) -> bool:
    """Whether a span is a thing by its kind, a make, a weekday, a particle or a group."""
    return (
        day_in_clause(text, start, end)
        or particle_alone(text, start, end)
        or kind_headed(text, start, end)
        or article_thing(text, start, end)
        or maker_before_wares(text, start, end)
        or greeted_group(text, start, end)
        or post_after_word(text, start, end)
    )
