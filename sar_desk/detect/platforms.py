"""Software and online services named where English talks about software, not people.

No list of products is ever complete: a council's case system, a university's learning site or a
letting portal is new to every list ("it's on Moodle", "the Rightmove app went down", "logged
into Civica"). English gives them away by what surrounds them: a person is not logged into,
uploaded to, installed or "down", and has no app, portal or notifications after their name. So
a word NER calls a person or a place is a product when a software cue stands right before or
after it and no list has the word as a name or a town (a listed name keeps the benefit of the
doubt: "ping Hazel on the group" is still Hazel). Cues a person's case shares (an account, a
folder, an update, a licence) are left out. They are the general wording of software use in UK
offices, not any corpus's sentences.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.languages import language_before_noun
from sar_desk.detect.units import before_unit, institution, post_not_name

# Before the word, on the same line: what is done on software ("it's on", "saved in", "logged
# into", "message me on", "installed"); "is the shop open\nBranwen says" is two lines. Not
# "is in" or "at" (places), nor "booked in" or "checked" (people).
_BEFORE = re.compile(
    r"(?i)(?:\b(?:it'?s|its|it is|it was|they'?re|put (?:it|them|that|this)|everything'?s) "
    r"(?:on|up on)|"
    r"\b(?:upload(?:ed)?|save[ds]?|stored?|listed) (?:on|in|into|onto|to|up on|via)|"
    r"\b(?:book(?:ed)?|bought|paid|ordered|pay) (?:it |them |tickets |online )?(?:on|via|through)|"
    r"\b(?:post(?:ed)?|log(?:ged|ging)?) (?:on|in|into|onto|up on|via)|"
    r"\bsign(?:ed|ing)? (?:into|onto|in to)|"
    r"\b(?:message|msg|ping|dm|call|text|add|find|follow|contact) "
    r"(?:me|us|him|her|them|everyone) (?:on|via)|"
    r"\b(?:open(?:ed)?|install(?:ed)?|download(?:ed)?|reinstall(?:ed)?|googled?))[ \t]+$"
)
# After the word: a part of a piece of software, or software failing ("Capita is down so").
# Not what a person's case has too: an account, a folder, an update, a licence, a listing.
_AFTER = re.compile(
    r"(?i)^\s+(?:apps?|log-in page|portal|channels?|notifications?|website|subscription|"
    r"(?:is|was|has been|went) down\b(?!\s+(?:as|to|with|at|the|for)\b)|"
    r"keeps? (?:crashing|logging|freezing|dropping|timing out)|crashed|isn'?t working|"
    r"is not working|not working|won'?t (?:load|open|let)|outage)\b"
)


# Right after the word, an apposition saying what kind of software it is ("Libby, the library
# app", "Bloom (our HR system)"): that outweighs a name list, a person is no app.
_KIND = re.compile(
    r"(?i)^\s*[,(]\s*(?:the|an?|our|their|your|my)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:app|application|software|platform|system|portal|website|site|service|tool)\b"
)


def product_by_cue(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a piece of software by the words around it.

    One unlisted word (no list has it as a given name, a surname or a town), not a
    possessive, with a software cue before or after it.
    """
    value = text[start:end]
    if " " in value.strip() or not value.replace("-", "").isalnum():
        return False
    if text[end : end + 2] in ("'s", "’s"):
        return False  # "Zubair's account": a person's
    if _KIND.match(text[end:]):
        return True
    gaz = gazetteer.current()
    if gaz.is_first_name(value) or gaz.is_surname(value) or gaz.is_place(value):
        return False
    return bool(_BEFORE.search(text[max(0, start - 30) : start]) or _AFTER.match(text[end:]))


# Well-known apps, games, devices and booking services whose names are words or given names
# ("Candy Crush", "Echo Dot", "Ring doorbell", "Ticketsource"): a short closed list of UK
# consumer software, matched as whole phrases, so "Echo" or "Dot" alone is still a name.
_KNOWN_PHRASES = re.compile(
    r"(?i)\b(?:candy crush(?: saga)?|echo (?:dot|show|studio|pop)|fire (?:tv )?stick|"
    r"ring (?:doorbell|camera)|google (?:home|nest)|apple (?:watch|tv|music|pay)|"
    r"pok[eé]mon go|clash of clans|words with friends|subway surfers|angry birds|"
    r"ticket ?source|ticket ?master|ferry ?hopper|train ?line|rota ?cloud|rota ?ready|"
    r"find my (?:iphone|phone)|just ?eat|uber ?eats)\b"
)
# A software noun closing a short name ("Rota Cloud", "Noise App", "Bin Day App"): no one's
# surname in UK use, and a person is not an app.
_SOFTWARE_HEADS = frozenset({"app", "apps", "cloud", "online", "portal", "software"})


def product_name(value: str) -> bool:
    """Whether a span is a known app or device, or a short name ending in a software noun."""
    words = value.split()
    if _KNOWN_PHRASES.fullmatch(value.strip()):
        return True
    return 2 <= len(words) <= 3 and words[-1].casefold() in _SOFTWARE_HEADS


# The last text's known phrases: every guessed name of a message asks about the same text.
_last_phrases: tuple[str, list[tuple[int, int]]] = ("", [])


def _phrases(text: str) -> list[tuple[int, int]]:
    global _last_phrases
    seen, spans = _last_phrases
    if seen is text or seen == text:
        return spans
    spans = [m.span() for m in _KNOWN_PHRASES.finditer(text)]
    _last_phrases = (text, spans)
    return spans


def in_product_phrase(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a known app's or device's name ("Echo Dot")."""
    return any(a <= start and end <= b for a, b in _phrases(text))


def named_thing(text: str, start: int, end: int) -> bool:
    """A guessed name that is a unit's modifier ("Red" of "Red Watch"), software or a post."""
    return (
        before_unit(text, start, end)
        or product_by_cue(text, start, end)
        or in_product_phrase(text, start, end)
        or post_not_name(text, start, end)
        or institution(text[start:end])
        or language_before_noun(text, start, end)
    )
