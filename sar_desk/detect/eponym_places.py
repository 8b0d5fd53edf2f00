"""Trophies and cave or mine passages named after people (issue 15, round 22).

Clubs name their cups after the people who gave them ("the Ada Hollins Cup", "the Len
Morris Memorial Shield"), and cavers name passages after whoever dug them ("Tom's Dig",
"Ada's Crawl", "Old Ned's Shaft"). The name is then a thing's or a place's, read from the
kind word next to it, never from a corpus's names:

- a name right before an award's kind word, perhaps with "Memorial", "Challenge" or
  "Perpetual" between ("the Ada Hollins Trophy", "Len Morris Memorial Shield"), or a span
  that is itself such a name or only the kind ("Rose Bowl");
- "the <name>" with no kind word in a message about a trophy being won, held, engraved,
  polished or presented ("the Ada Hollins is being engraved"): people are not "the" anyone;
  "presented by Ada Hollins" keeps its person, as no "the" stands before the name;
- a name before a cave or mine kind word ("Tom's Dig", "Ada's Crawl", "Hollins Pot"), or,
  in a message about caving, a common word before one ("Gaping Gill", "Long Churn").

A capitalised name needs a capitalised kind word ("Ted Baker trophy" may be his trophy); a
wholly lower-case message is read in lower case throughout.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.eponym_kinds import lowered

# What a cup, a shield or a plate is called. A strong kind names a trophy wherever it
# follows a name; a weak one ("Cup", "Plate", "Bowl", "Shield": tableware and a family name)
# needs an article or a possessive before the name, or a message about a trophy.
_STRONG_AWARDS = r"Trophy|Trophies|Salver|Rose[ \t]*Bowl|Award|Awards|Medal|Prize|Quaich|Tankard"
_WEAK_AWARDS = r"Cup|Shield|Plate|Bowl|Vase|Jug|Chalice|Plaque|Goblet|Tray|Cane|Baton|Spoon"
_BETWEEN = r"(?:Memorial|Challenge|Perpetual|Championship|Jubilee|Centenary)"
_AWARD = (
    rf"(?P<between>{_BETWEEN}[ \t]+(?:{_BETWEEN}[ \t]+)?)?"
    rf"(?:(?P<strong>{_STRONG_AWARDS})|{_WEAK_AWARDS})(?![\w'’-])"
)
# The rest of the name may stand between ("Agnes" of "the Agnes Wardle Cup"): capitalised
# words, or in a lower-case message words no dictionary has ("agnes wardle cup").
_AWARD_AFTER = re.compile(rf"^(?P<rest>(?:[ \t]+(?!The\b)[A-Z][\w'’-]*){{0,2}})[ \t]+{_AWARD}")
_AWARD_AFTER_LOWER = re.compile(rf"(?i)^(?P<rest>(?:[ \t]+[\w'’-]+){{0,2}})[ \t]+{_AWARD}")
# A span that is itself "<name> Trophy", "Rose Bowl" or "Memorial Shield".
_AWARD_TAIL = re.compile(rf"(?i)(?:^|(?<=[ \t])){_AWARD}$")
# A message about a trophy: engraved, polished, held, presented, in the cabinet. Not "cup"
# or "plate" alone, which tea and dinner are served in ("tell jo cup of tea is ready").
_TROPHY_TALK = re.compile(
    r"(?i)\b(?:trophy|trophies|salver|rose ?bowl|silverware|engrav\w*|polish\w*|"
    r"presentation|holders|retain\w*|plinth|cabinet|quaich|tankard)\b"
)
_CUP_TALK = re.compile(r"(?i)\b(?:cup|shield)\b")
# A contest a cup or a shield is played for ("Tom Ridley Shield semi final draw").
_CONTEST = re.compile(
    r"(?i)\b(?:final|finals|semis?|semi-final|draw|round|heats?|winners?|won|holders|"
    r"runners?[ -]up|fixtures?|entries|tie)\b"
)
_THE = re.compile(r"(?:^|[^\w'’-])[Tt]he[ \t]+$")
# An article, a possessive or a year before the name: "the", "a", "this year's", "2025".
_DETERMINED = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:the|a|an|this|our|their|next|last|annual|\d{4})[ \t]+$"
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord"})
# Cave and mine passages and places named after someone.
_CAVE_KINDS = (
    r"Dig|Crawl|Squeeze|Aven|Sump|Pot|Pothole|Shaft|Chamber|Cave|Caves|Cavern|Swallet|Grotto|"
    r"Adit|Streamway|Rift|Passage|Level|Hole|Pit|Ghyll|Gill|Choke|Inlet|Traverse|Mine|Stope|"
    r"Winze|Sough|Pitch"
)
# These name a passage after a capitalised name in any message; the others ("Level",
# "Pitch", "Mine", "Hole") only in a message about caving or mining.
_STRONG_CAVE = frozenset(
    [
        "dig",
        "crawl",
        "squeeze",
        "aven",
        "sump",
        "pot",
        "pothole",
        "shaft",
        "chamber",
        "cave",
        "caves",
        "cavern",
        "swallet",
        "grotto",
        "adit",
        "streamway",
        "rift",
        "passage",
        "choke",
        "inlet",
        "winze",
        "sough",
        "stope",
    ]
)
# Not before a number: "Amy Level 3 coach", "Sam Pit 2" are a grade and a bay.
_CAVE = rf"(?P<own>['’]s)?[ \t]+(?P<kind>{_CAVE_KINDS})(?![\w'’-])(?![ \t]*\d)"
_CAVE_AFTER = re.compile(rf"^{_CAVE}")
_CAVE_AFTER_LOWER = re.compile(rf"(?i)^{_CAVE}")
_CAVE_TAIL = re.compile(rf"(?i){_CAVE}$")
# Words only caving and mining use; not "survey", "pitch", "dig", "mine" or "rigging", which
# a marquee firm, a football club or anyone's "that's mine" use as well.
_CAVING = re.compile(
    r"(?i)\b(?:cav(?:e|es|er|ers|ing|ern|erns)|pothol\w*|underground|callout|call-out|"
    r"cave rescue|passage|passages|sump|sumps|srt|novice trip|streamway|mines|miners?|adit|"
    r"shaft|stalactites?|stalagmites?|oversuit|cro|bca|tackle bag|through trip|lead mine)\b"
)


def _first(value: str) -> str:
    words = value.split()
    return words[0].rstrip(".").casefold() if words else ""


def _award_counts(text: str, start: int, found: re.Match[str], head: str) -> bool:
    if found.group("strong") or found.group("between"):
        return True
    if not head.strip():
        return True  # the span is only the kind ("the Bowl", "Rose Bowl")
    before = text[max(0, start - 12) : start]
    return (
        _DETERMINED.search(before) is not None
        or _TROPHY_TALK.search(text) is not None
        or _CONTEST.search(text) is not None
    )


def _unknown_words(rest: str) -> bool:
    """Whether every word between a name and a kind word is a name or no dictionary's word."""
    gaz = gazetteer.current()
    return all(
        gaz.is_surname(w) or gaz.is_first_name(w) or not gaz.is_english(w.casefold())
        for w in rest.split()
    )


def award_name(text: str, start: int, end: int) -> bool:
    """Whether a span names a cup, shield or plate, by the kind word after or in it."""
    value = text[start:end]
    lower = lowered(text)
    determined = _DETERMINED.search(text[max(0, start - 12) : start]) is not None
    after = (_AWARD_AFTER_LOWER if lower else _AWARD_AFTER).match(text[end:])
    if after is None and determined:
        # "the Lady Milne trophy": a lower-case kind after "the <name>" is the name's too.
        after = _AWARD_AFTER_LOWER.match(text[end:])
        if after is not None and not after.group("strong"):
            after = None
    if after is not None and (lower or not determined) and not _unknown_words(after.group("rest")):
        after = None  # "give agnes the cup": the words between are English, not a name
    if _first(value) in _TITLES and not (after is not None and determined):
        return False  # "Mrs Shield", "Mr Plate": a title makes a name of the word after it
    if after is not None:
        return _award_counts(text, start, after, value)
    tail = _AWARD_TAIL.search(value)
    if tail is None or not (lower or value[tail.start() :][:1].isupper()):
        return False
    return _award_counts(text, start, tail, value[: tail.start()])


def named_trophy(text: str, start: int, end: int) -> bool:
    """Whether "the <full name>" in a message about a trophy is the trophy ("the Ada Hollins").

    People are seldom "the" anyone; a title keeps a person ("the Mrs Hollins who won").
    """
    words = text[start:end].split()
    if len(words) < 2 or _first(text[start:end]) in _TITLES:
        return False
    if _THE.search(text[max(0, start - 8) : start]) is None:
        return False
    after = re.match(r"[ \t]+([a-z]+)", text[end:])
    if after is not None and after.group(1) in {"family", "household", "twins", "lot", "kids"}:
        return False
    return _TROPHY_TALK.search(text) is not None or _CUP_TALK.search(text) is not None


def cave_name(text: str, start: int, end: int) -> bool:
    """Whether a span is (part of) a cave or mine passage named after someone or something."""
    lower = lowered(text)
    value = text[start:end]
    found = (_CAVE_AFTER_LOWER if lower else _CAVE_AFTER).match(text[end:])
    head = value
    if found is None:
        found = _CAVE_TAIL.search(value)
        if found is None or not (lower or found.group("kind")[:1].isupper()):
            return False
        head = value[: found.start()]
    if not head.strip() or _first(head) in _TITLES - {"lady"}:
        return False
    kind = found.group("kind")
    gaz = gazetteer.current()
    # "Nick Cave", "Dave Gill": a lone given name before the kind is a person's full name
    # (a family name can be any word); "Ifan's Squeeze" and "Pennock Pot" are passages.
    names = head.split()
    if not found.group("own") and len(names) == 1 and gaz.is_first_name(names[0].strip(".,")):
        return False
    if _CAVING.search(text) is not None:
        return True
    return not lower and kind.casefold() in _STRONG_CAVE


def common_before_cave(text: str, start: int, end: int) -> bool:
    """Whether, in a caving message, a span is a common word and a kind ("Gaping Gill")."""
    words = text[start:end].split()
    if len(words) == 1:
        # "gaping gill" tagged at its last word: the common word before it is the name's.
        prev = re.search(r"([^\W\d_]{4,})[ \t]+$", text[:start])
        if prev is None or prev.group(1).casefold() in {"with", "from", "into", "over", "onto"}:
            return False
        words = [prev.group(1), words[0]]
    if len(words) != 2 or _CAVING.search(text) is None:
        return False
    if not re.fullmatch(rf"(?i)(?:{_CAVE_KINDS})", words[1]):
        return False
    gaz = gazetteer.current()
    first = words[0].strip(".,;:!?")
    return first.isalpha() and gaz.is_english(first.lower()) and not gaz.is_first_name(first)


def eponym_place(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, guessed to be a person, is a trophy or a cave passage."""
    return (
        award_name(text, start, end)
        or named_trophy(text, start, end)
        or cave_name(text, start, end)
        or common_before_cave(text, start, end)
    )
