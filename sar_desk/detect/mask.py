"""Structure before statistics: regions no name or number recogniser may look at (issue 15).

A GPS coordinate in a maps link reads as a card or phone number, "PTT-20180129-WA0025.opus"
as a phone number, "This message was deleted" as a sentence about a person called "Deleted",
"Lorem ipsum" as a name. Such regions are found first, by their exact shape or wording, and
replaced by spaces of the same length before spaCy and the recognisers run, so offsets stay
those of the original text. Plain web links are still proposed (they may name someone) by
the detector; map and meeting links, coordinates, media file names, system wording, filler and
clauses in other languages (`detect.languages`) are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sar_desk.detect import gazetteer
from sar_desk.detect.languages import foreign_clauses, is_foreign_word

# Links with a scheme or "www.", and links typed without either ("gov.uk/apply",
# "bit.ly/3xYz", "council.example.co.uk/bins/collections"): a dotted host ending in a common
# top-level domain, then a path. The path is what marks a link; a bare "gov.uk" is a word.
_TLD = (
    r"(?:uk|com|org|net|gov|nhs|ac|co|io|ly|me|gl|gd|is|ie|eu|us|de|fr|nl|be|ai|tv|to|info|"
    r"biz|app|dev|page|link|site|online|scot|wales|cymru|london)"
)
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.|\bgeo:)[^\s<>\"']+|"
    rf"(?<![\w@.\-/])(?:[a-z0-9][a-z0-9\-]*\.)+{_TLD}/[^\s<>\"']*",
    re.IGNORECASE,
)
_MAP_URL = re.compile(
    r"maps\.|/maps\b|goo\.gl/maps|maps\.app|\bgeo:|openstreetmap\.|osm\.org|what3words|"
    # a what3words short link ("w3w.co/index.home.raft") is a place, like the coordinates
    r"\bw3w\.co/|"
    r"[?&](?:q|ll|query|mlat|lat|cp|center|destination)=-?\d{1,3}\.\d|#map=\d",
    re.I,
)
# Video-meeting links carry a meeting and tenant id, never a third party's name or address.
_MEETING_URL = re.compile(
    r"teams\.microsoft\.com/l/meetup-join|teams\.live\.com/meet|\bzoom\.us/(?:j|my|w)/|"
    r"meet\.google\.com/|\.webex\.com/(?:meet|join)|whereby\.com/|meet\.jit\.si/",
    re.I,
)
_COORDS = re.compile(r"(?<![\w.])-?\d{1,2}\.\d{4,}\s*,\s*-?\d{1,3}\.\d{4,}(?![\w.])")
# A what3words address ("///filled.count.soap"): three words naming a 3 m square, a place
# as exact as a coordinate, never a person or a nationality.
_W3W = re.compile(r"(?<![\w/])///[^\W\d_]+\.[^\W\d_]+\.[^\W\d_]+(?![\w.])")
# A file name is one "word" (letters, digits, "_", "-", "@" as in "IMG@2x.png" or
# "photo_14@03-02-2025_09-15-40.jpg", inner dots as in "scan.2025.01.pdf") before a file
# extension: never an e-mail address, a phone number or a name to propose.
_FILE = re.compile(
    r"(?<![\w.@/-])[\w\-@]{1,80}(?:\.[\w\-@]{1,80}){0,4}\.(?:opus|jpe?g|png|gif|webp|heic|"
    r"tiff?|bmp|svg|mp4|mov|m4v|3gp|avi|mkv|webm|m4a|aac|amr|mp3|ogg|oga|wav|flac|pdf|docx?|"
    r"xlsx?|pptx?|odt|ods|odp|rtf|csv|txt|zip|rar|7z|vcf|vcard|ics|eml)\b",
    re.IGNORECASE,
)
# WhatsApp Desktop's and macOS's names for saved media hold spaces: "WhatsApp Image 2025-03-12
# at 10.02.11 (1).jpeg", "WhatsApp Audio 2025-11-04 at 19.47.02.opus", "Screen Recording
# 2025-10-02 at 14.22.31.mov", "Screenshot 2024-01-05 at 9.03.44 am.png".
_WHATSAPP_FILE = re.compile(
    r"\b(?:WhatsApp (?:Image|Video|Audio|Document|Sticker|Ptt|Unknown)|Screen ?shot|"
    r"Screen Recording) \d{4}-\d{2}-\d{2} at "
    r"\d{1,2}[.:]\d{2}[.:]\d{2}(?:\s?[ap]\.?m\.?)?(?: \(\d{1,3}\))?\.\w{2,5}\b",
    re.IGNORECASE,
)
# A group's name in the line that creates or renames it ('created group "Night Shift"') is a
# chat's title, not a person: masked for the model and the lists, but people known to the case
# are still found in it (`analyze`).
_Q = r"[\"“”«»]"
_GROUP = re.compile(
    rf"created (?:the )?group {_Q}[^\"“”«»\n]{{0,100}}{_Q}|"
    rf"changed (?:the subject|the group name|this group's name|group name)"
    rf"(?: from {_Q}[^\"“”«»\n]{{0,100}}{_Q})? to {_Q}[^\"“”«»\n]{{0,100}}{_Q}|"
    r"(?:named|renamed) the (?:conversation|chat|group)(?: to)? [^\n]{1,100}|"
    r"(?:set|changed) the channel (?:topic|purpose|description|name)(?::| to) [^\n]{1,100}",
    re.IGNORECASE,
)
# Each platform's own fixed wording; never a slot that can hold a name.
_SYSTEM = re.compile(
    r"This message was deleted(?: by (?:an )?admin)?\.?|You deleted this message\.?|"
    r"Messages (?:and calls )?are end-to-end encrypted\.[^\n]*|"
    r"changed (?:this group's|the group) settings to [^\n.]*\.?|"
    r"changed (?:the group description|this group's icon|the subject)|deleted this group's icon|"
    r"Missed (?:voice|video|group voice|group video) call|"
    r"<Media omitted>|<attached: [^>\n]*>|"
    r"(?:image|video|audio|sticker|GIF|document|Contact card) omitted|"
    r"Waiting for this message\. This may take a while\.|"
    r"reacted (?:\S{1,8} )?to your message|This message was edited|has joined the channel|"
    r"joined using this group's invite link",
    re.IGNORECASE,
)
_LOREM = re.compile(
    r"\b(?:lorem ipsum|ipsum dolor|dolor sit amet|consectetur adipiscing|sed do eiusmod|"
    r"ut enim ad minim|quis nostrud|ullamco laboris|duis aute irure|excepteur sint)\b[^\n]*",
    re.IGNORECASE,
)


# A clause in another language may be signed in any language: "kal milte hain - Tomasz",
# "bis morgen – Ilse Brandt". The signature after a closing dash is left to the recognisers.
_SIGNATURE = re.compile(r"[ \t]+[-–—~][ \t]*((?:[^\W\d_][\w'’.-]*[ \t]*){1,4})$")


def _before_signature(text: str, start: int, end: int) -> int:
    """`end`, moved back before a signature that closes the clause, if there is one."""
    m = _SIGNATURE.search(text, start, end)
    if m is None or any(is_foreign_word(w) for w in m.group(1).split()):
        return end
    return m.start()


@dataclass(frozen=True, slots=True)
class Region:
    """A masked stretch of text and why."""

    start: int
    end: int
    # url | map | meeting | coordinates | file | group | system | filler | foreign | greeting
    kind: str


def regions(text: str) -> tuple[Region, ...]:
    """Every masked region of `text`, in order, overlaps merged into the first found.

    Cached: the model pass, the case pass and the propagation pass all ask for the same text,
    a whole run apart; a cache smaller than a run's distinct texts would miss every time. The
    name lists in use are part of the key (`_named_words` reads them).
    """
    return _regions(text, id(gazetteer.current()))


@lru_cache(maxsize=32768)
def _regions(text: str, _lists: int) -> tuple[Region, ...]:
    found: list[Region] = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?)")
        kind = "map" if _MAP_URL.search(url) else "meeting" if _MEETING_URL.search(url) else "url"
        found.append(Region(match.start(), match.start() + len(url), kind))
    for pattern, kind in (
        (_COORDS, "coordinates"),
        (_W3W, "coordinates"),
        (_WHATSAPP_FILE, "file"),
        (_FILE, "file"),
        (_GROUP, "group"),
        (_SYSTEM, "system"),
        (_LOREM, "filler"),
    ):
        for match in pattern.finditer(text):
            if not any(r.start < match.end() and match.start() < r.end for r in found):
                found.append(Region(match.start(), match.end(), kind))
    for start, end, language in foreign_clauses(text):
        end = _before_signature(text, start, end)
        if start < end and not any(r.start < end and start < r.end for r in found):
            if language == "greeting":
                found.append(Region(start, end, "greeting"))
                continue
            at = start
            names = _named_words(text, start, end) if language != "latin" else []
            for a, b in names:  # "Kasia jest chora": Kasia stays (not "Nam libero tempore")
                if at < a:
                    found.append(Region(at, a, "foreign"))
                at = b
            if at < end:
                found.append(Region(at, end, "foreign"))
    return tuple(sorted(found, key=lambda r: r.start))


_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{2,}(?:-[^\W\d_]+)*(?![\w'’-])")


def _named_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The name opening a clause in another language, if it may be one: left unmasked.

    A clause in Polish, Welsh or German still names people, most often as its subject ("Kasia
    jest chora", "Selma hat heute frei", "Gwendal Kooistra hat angerufen", "gaurav hat
    angerufen wegen ..."): the opening word is left for the recognisers when no language list
    has it and it is capitalised, a listed given name or no English word, and so are up to two
    more such words right after it (the family name). Words further inside the clause stay
    masked: German capitalises its nouns, and a name there stands as often for a place or a
    thing ("Grüße aus Berlin"); a person the case knows is still found there by the case's own
    matcher. (Session 18; before, the whole clause was blanked and the name with it.)
    """
    gaz = gazetteer.current()
    kept: list[tuple[int, int]] = []
    at = start
    for m in _WORD.finditer(text, start, end):
        word = m.group(0)
        if text[at : m.start()].strip() or len(kept) == 3 or is_foreign_word(word):
            break  # only a run of words from the clause's start, nothing between them
        capital = word[:1].isupper()
        if not (capital or gaz.is_first_name(word) or not gaz.is_english(word.lower())):
            break
        if kept and not capital and not text[start:end].islower():
            break  # "Selma hat": a small word after a capitalised name is the clause's
        kept.append(m.span())
        at = m.end()
    return kept


def mask(text: str, found: Sequence[Region] | None = None) -> str:
    """`text` with each region replaced by spaces (same length, same offsets)."""
    found = regions(text) if found is None else found
    if not found:
        return text
    out, pos = [], 0
    for r in found:
        out += [text[pos : r.start], _blank(text, r)]
        pos = r.end
    out.append(text[pos:])
    return "".join(out)


def _blank(text: str, r: Region) -> str:
    """What stands in a region's place: spaces, or for a greeting an English one.

    A name right after a greeting of another language ("Kia ora Eivind!", "Xin chào Dechen")
    is the person greeted; with the phrase blanked, neither the model nor the greeting rules
    could tell. "Hi" (in the phrase's case) keeps that reading without the foreign words,
    which no recogniser proposes.
    """
    width = r.end - r.start
    if r.kind != "greeting" or width < 2 or not _capital_next(text, r.end):
        return " " * width
    return ("Hi" if text[r.start].isupper() else "hi") + " " * (width - 2)


def _capital_next(text: str, at: int) -> bool:
    """Whether a capitalised word ("Eivind", "Émile", not "ALL") follows `at` after spaces.

    Only such a word may be the person greeted: a small one is the language's "everyone" or
    "friend" ("Goeie môre almal", "Asante sana rafiki").
    """
    rest = text[at : at + 8].lstrip(" \t")
    if len(rest) == len(text[at : at + 8]) or len(rest) < 2:
        return False  # no space after the phrase, or nothing after it
    return rest[0].isupper() and rest[1].islower()


def inside(found: Sequence[Region], start: int, end: int) -> bool:
    """Whether the span overlaps any masked region."""
    return any(r.start < end and start < r.end for r in found)


def could_name_anyone(text: str) -> bool:
    """Whether a (masked) text has letters at all; texts without skip the language model."""
    return any(ch.isalpha() for ch in text)
