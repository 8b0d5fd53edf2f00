"""Named chess openings and famous locomotives, which carry people's names (issue 15, round 21).

Chess openings are named after players and places ("Ruy Lopez", "Caro-Kann", "Sicilian
Najdorf") and preserved steam locomotives after people, places and birds ("Flying Scotsman",
"Duchess of Sutherland"). A model reads them as a person or a place; they are nobody's
personal data. Two fixed lists from general knowledge (not any corpus's wording), and one
pattern: a capitalised word or two before "Defence"/"Defense"/"Gambit"/"Attack"/"Opening"/
"Variation"/"Countergambit" after "the" or in a chess message ("the Petrov Defence") names
an opening. Openings whose name holds a word no person's name has ("King's Indian",
"Queen's Gambit", "Sicilian Najdorf") count anywhere.

A listed name counts only in a message that speaks of chess ("played", "moves", "opening",
"gambit") or of railways ("loco", "steam", "model", "layout", "derailed", "No. 4472"): "Ruy
Lopez" and "Duchess of Hamilton" are people's names and titles too.
"""

from __future__ import annotations

import re

# Openings known by a player's or a place's name alone, which are people's names and
# demonyms too ("Ruy Lopez", "Caro-Kann", "Sicilian"): only where the message speaks of chess.
_OPENINGS = (
    "Ruy Lopez",
    "Caro-Kann",
    "Caro Kann",
    "Sicilian",
    "Najdorf",
    "Scheveningen",
    "Sveshnikov",
    "Nimzowitsch",
    "Grünfeld",
    "Grunfeld",
    "Gruenfeld",
    "Alekhine",
    "Pirc",
    "Benoni",
    "Catalan",
    "Trompowsky",
    "Réti",
    "Reti",
    "Slav",
    "Petroff",
    "Petrov",
    "Philidor",
    "Scandinavian",
    "Smith-Morra",
    "Smith Morra",
    "Larsen",
    "Tarrasch",
    "Winawer",
    "Dragon",
)
# Openings whose name has a word no person's name has ("Indian", "Gambit", "Game"): anywhere.
_OPENINGS_PLAIN = (
    "Sicilian Najdorf",
    "Sicilian Dragon",
    "Sicilian Defence",
    "King's Indian",
    "Kings Indian",
    "Queen's Indian",
    "Queens Indian",
    "Queen's Gambit",
    "Queens Gambit",
    "King's Gambit",
    "Kings Gambit",
    "Nimzo-Indian",
    "Nimzo Indian",
    "Bogo-Indian",
    "Giuoco Piano",
    "Italian Game",
    "Scotch Game",
    "Vienna Game",
    "Dutch Stonewall",
    "London System",
    "Colle System",
    "Semi-Slav",
    "Bird's Opening",
    "Fried Liver",
    "Two Knights",
    "Four Knights",
)
# Preserved and famous British locomotives whose names are not people's own.
_LOCOMOTIVES = (
    "Flying Scotsman",
    "Mallard",
    "Duchess of Hamilton",
    "Duchess of Sutherland",
    "Duchess of Abercorn",
    "City of Truro",
    "Evening Star",
    "Green Arrow",
    "Blue Peter",
    "Royal Scot",
    "Union of South Africa",
    "Tornado",
    "Bittern",
    "Cheltenham Flyer",
    "Rocket",
    "Puffing Billy",
    "Britannia",
    "Black Five",
)


def _alternation(names: tuple[str, ...]) -> str:
    forms = sorted({n.replace("'", "['’]?") for n in map(re.escape, names)}, key=len, reverse=True)
    return "|".join(forms)


_OPENING = re.compile(
    rf"(?i)(?<![\w'’-])(?:{_alternation(_OPENINGS)})"
    r"(?:[ \t]+(?:defen[cs]e|gambit|attack|opening|variation|system|game))?(?![\w'’-])"
)
_PLAIN = re.compile(rf"(?i)(?<![\w'’-])(?:{_alternation(_OPENINGS_PLAIN)})(?![\w'’-])")
# "the Petrov Defence", "the Albin Countergambit": after "the", or anywhere in a chess message.
_OPENING_WORD = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w'’-]+[ \t]+)?[A-Z][\w'’-]+[ \t]+"
    r"(?:Defen[cs]e|Gambit|Countergambit|Attack|Opening|Variation)(?![\w'’-])"
)
_THE = re.compile(r"(?:^|[^\w'’-])[Tt]he[ \t]+$")
_CHESS = re.compile(
    r"(?i)\b(?:chess|opening|openings|defen[cs]e|gambit|variation|moves|played|playing|"
    r"pawns?|knights?|bishops?|rooks?|castl\w*|checkmate|blitz|fide|elo|lichess|e4|d4|c4|nf3|"
    r"repertoire)\b"
)
_LOCO = re.compile(rf"(?i)(?<![\w'’-])(?:{_alternation(_LOCOMOTIVES)})(?![\w'’-])")
_RAIL = re.compile(
    r"(?i)\b(?:loco|locos|locomotive|engine|steam\w*|rail\w*|train|trains|footplate|tender|"
    r"boiler|shed|layout|model|oo gauge|n gauge|gauge|derail\w*|points|track|heritage line|"
    r"class \d+|no\.? ?\d{4,5})\b"
)


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


# The last text's spans: every guessed name of a message asks about the same text.
_last_spans: tuple[str, list[tuple[int, int]]] = ("", [])


def _spans(text: str) -> list[tuple[int, int]]:
    """Where the chess openings and famous locomotives of `text` stand (searched once a text)."""
    global _last_spans
    seen, spans = _last_spans
    if seen is text or seen == text:
        return spans
    chess = _CHESS.search(text) is not None
    spans = [
        (m.start(), m.end())
        for m in _OPENING_WORD.finditer(text)
        if chess or _THE.search(text[max(0, m.start() - 8) : m.start()])
    ]
    spans += [(m.start(), m.end()) for m in _PLAIN.finditer(text)]
    if chess:
        spans += [(m.start(), m.end()) for m in _OPENING.finditer(text)]
    if _RAIL.search(text) is not None:
        spans += [(m.start(), m.end()) for m in _LOCO.finditer(text)]
    _last_spans = (text, spans)
    return spans


def famous_thing(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a named chess opening or a famous locomotive."""
    return _covered(_spans(text), start, end)
