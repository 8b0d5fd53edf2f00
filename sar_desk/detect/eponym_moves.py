"""Sports moves and typefaces named after people, and "everyone" in other languages (round 22).

A skatepark's chat lands "a Smith grind" and "Caballerials", a gym's coach teaches "the
Yurchenko", a sign-writer prefers "Baskerville" to "Gill Sans": each is named after a person
and is nobody's personal data. Read from the words around the name, never a corpus's names:

- a name between an article (or a possessive) and a move's kind word ("a Smith grind", "the
  Cruyff turn", "her Biellmann spin"), in a message that talks of tricks or names a move;
- a listed move named after someone ("McTwist", "Caballerial", "Salchow", "Yurchenko",
  "Panenka", also as plurals), in a message about tricks, skating, gymnastics or a game; a
  move that is also a given name ("Ollie", "Madonna", "Axel") only as an object of a trick
  verb or an article, as a plural, or listed beside another move ("Madonna and Ollie");
- a listed typeface named after a person or like a name ("Baskerville", "Johnston",
  "Futura") in a message about type, labels or signs; a name before "Sans", "Serif", "Mono",
  "Grotesk" or "Neue" anywhere ("Gill Sans", "Fira Sans");
- a lone word that says "everyone"/"all of you" in another language ("mindenki",
  "wszyscy", "iedereen"), unless a list has it as a given or family name;
- a runner after its trap number on a race card ("T2 Kilbeg Rosie (Ms Odell)"): dogs and
  horses are named like people; the owner in brackets stays a person.

Sources: the moves, the typefaces and the words for "everyone" were written by hand for this
round (7 Dec 2026) from general knowledge of skateboarding, gymnastics, figure skating and
football, of type design, and of the languages of the ONS Census 2021 table TS024 (see
`world_greetings`); not from any corpus's sentences.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer

# Moves named after the people who first did them, or whose names read like a name.
_MOVES = (
    "ollie|nollie|mctwist|caballerial|elguerial|madonna|smith|feeble|suski|losi|willy|barley|"
    "benihana|stalefish|judo|indy|lien|gazelle|andrecht|bertlemann|haakon|"
    "yurchenko|tsukahara|kasamatsu|amanar|produnova|tkatchev|gienger|diamidov|stalder|"
    "axel|lutz|salchow|rittberger|biellmann|walley|"
    "panenka|rabona|garryowen|fosbury|dilscoop|telemark|moonwalk"
)
# What kind of move a name can qualify ("Smith grind", "Cruyff turn", "Fosbury flop"); not
# "move", "roll" or "step", which a family does ("the Okafors move in Friday").
_MOVE_KINDS = (
    r"grind|grinds|slide|slides|flip|flips|air|airs|plant|stall|grab|grabs|invert|twist|"
    r"spin|spins|turn|turns|flop|vault|vaults|salto|flair|scoop"
)
_TRICK_TALK = re.compile(
    r"(?i)\b(?:tricks?|skat\w*|skateboard\w*|board|deck|ramp|mini ramp|half ?pipe|vert|bowl|"
    r"coping|rail|ledge|landed|landing|bmx|scooter|snowboard\w*|ski|skis|skiing|skier|gymnast\w*|"
    r"vault|beam|bars|floor routine|routine|rink|ice|jump|jumps|spin|spins|grinds?|flips?|"
    r"kickflip|heelflip|stunts?|judges?|penalty|panenka|keepy|football|freestyle)\b"
)
_MOVE = re.compile(rf"(?i)^(?:{_MOVES})(?:s|es)?$")
_MOVE_IN_TEXT = re.compile(rf"(?i)(?<![\w'’-])(?:{_MOVES})(?:s|es)?(?![\w'’-])")
_DETERMINER = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:a|an|the|his|her|their|my|your|our|that|this|one|another|some)"
    r"[ \t]+$"
)
# "a Madonna", "an Ollie": not "the", which stands before families ("the Smith twins").
_A_BEFORE = re.compile(r"(?i)(?:^|[^\w'’-])(?:a|an|one|another)[ \t]+$")
# Verbs a trick is the object of: "landed a ...", "doing Caballerials", "teaching ollies".
_TRICK_VERB = re.compile(
    r"(?i)(?:^|[^\w'’-])(?:land|landed|lands|landing|do|does|did|doing|try|tried|trying|"
    r"nail|nailed|pull|pulled|stuck|practis\w*|practic\w*|perform\w*|attempt\w*)"
    r"(?:[ \t]+(?:a|an|the|his|her|their|some|more))?[ \t]+$"
)
_KIND_AFTER = re.compile(rf"(?i)^[ \t]+(?:{_MOVE_KINDS})(?![\w'’-])")
_BESIDE = re.compile(r"(?i)^(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|then|into|to|&)[ \t]+)")
_BESIDE_BEFORE = re.compile(r"(?i)(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|then|into|to|&)[ \t]+)$")

# Typefaces named after people, or whose names read like one, as typed in chat.
_TYPEFACES = (
    "baskerville|caslon|garamond|bodoni|didot|johnston|new johnston|futura|helvetica|"
    "frutiger|univers|rockwell|clarendon|gotham|avenir|palatino|optima|perpetua|bembo|"
    "plantin|goudy|sabon|granjon|jenson|fournier|kabel|eurostile|akzidenz|calvert|kinneir|"
    "transport|sassoon|georgia|verdana|tahoma|calibri|cambria|arial|courier|consolas|"
    "segoe|lucida|roboto|lato|montserrat|raleway|poppins|nunito|ubuntu|oswald|merriweather|"
    "trajan|copperplate|cooper|cooper black|franklin gothic|century gothic|times new roman|"
    "proxima nova|myriad|minion|gill|edward johnston"
)
_TYPEFACE = re.compile(rf"(?i)^(?:{_TYPEFACES})$")
_TYPE_TALK = re.compile(
    r"(?i)\b(?:fonts?|typefaces?|type|typeset\w*|lettering|letters|letterhead|sign|signs|"
    r"signage|labels?|print\w*|proofs?|logo|kerning|serif|sans|headings?|bold|italic|"
    r"point|pt|leaflets?|posters?|menus?|branding|design\w*|engrav\w*|stencil\w*|"
    r"title ?blocks?|drawings?|captions?|body text|typograph\w*|roman|weights?|glyphs?)\b"
)
# Where any capitalised word is a face: "set in Pelham", "Pelham italic", "font: Pelham".
_FACE_WEIGHT = re.compile(
    r"(?i)^[ \t]+(?:italics?|bold|roman|condensed|oblique|semibold|extrabold|small caps|"
    r"font|typeface)(?![\w'’-])"
)
_FACE_CUE = re.compile(
    r"(?i)(?:\b(?:set|typeset|printed|lettered|cut)[ \t]+in|\b(?:fonts?|typefaces?)"
    r"[ \t]*:?)[ \t]+['‘\"“]?$"
)
# What a face is chosen for: "Bodoni on the title blocks", "Caslon for the captions".
_FACE_FOR = re.compile(
    r"(?i)^[ \t]+(?:on|for)[ \t]+(?:the[ \t]+|all[ \t]+|our[ \t]+)?(?:title ?blocks?|"
    r"headings?|drawings?|captions?|labels?|signs?|signage|body text|menus?|posters?|"
    r"covers?|letterheads?|leaflets?|invitations?)\b"
)
# A face beside another: "Bodoni, not Caslon", "Caslon or Pelham", "instead of".
_FACE_BESIDE_BEFORE = re.compile(
    r"(?i)([^\W\d_][\w'’-]*)(?:[ \t]*,)?[ \t]+(?:not|or|and|instead of|rather than|over|"
    r"than|vs\.?|versus)[ \t]+$"
)
_FACE_BESIDE_AFTER = re.compile(
    r"(?i)^(?:[ \t]*,)?[ \t]+(?:not|or|and|instead of|rather than|over|than|vs\.?|versus)"
    r"[ \t]+([^\W\d_][\w'’-]*)"
)
_FACE_TAIL = r"Sans|Serif|Mono|Grotesk|Grotesque|Neue"
# A type noun after a listed face that is also a name ("Georgia font", "Johnston lettering").
_FACE_NOUN = re.compile(
    r"(?i)^[ \t]+(?:fonts?|typefaces?|type|lettering|letters|labels?|headings?|text|bold|"
    r"italic|capitals|caps|signs?|signage)\b"
)
# "in Georgia", "the Johnston": not "and" or "than", which join people as well.
_SET_IN = re.compile(r"(?i)(?:^|[^\w'’-])(?:the|in|use|using)[ \t]+$")
_FACE_AFTER = re.compile(rf"(?i)^[ \t]+(?:{_FACE_TAIL})(?![\w'’-])")
_FACE_SPAN = re.compile(rf"(?i)^[^\W\d_][\w'’-]*[ \t]+(?:{_FACE_TAIL})$")

# "Everyone", "all (of you)", "guys" as chat greets a group, in the languages of TS024.
_EVERYONE_WORDS = """
    mindenki mindenkinek sziasztok wszyscy wszystkim wszystkich kochani toti toată tuturor
    todos todas tutti tutte tous iedereen allemaal allerseits kaikki kaikille kõik koik
    visiems všichni vsichni všetci vsetci svima vsichki sabhi herkes herkese hepiniz nyote
    gbogbo pawb
"""
_EVERYONE = frozenset(_EVERYONE_WORDS.split())
_EDGE = ".,:;!?'’\"()[]"


def _listed(word: str) -> bool:
    gaz = gazetteer.current()
    return gaz.is_first_name(word) or gaz.is_surname(word)


def _listed_move_beside(text: str, start: int, end: int) -> bool:
    after = _BESIDE.match(text[end:])
    if after is not None:
        nxt = re.match(r"[\w'’-]+", text[end + after.end() :])
        if nxt is not None and _MOVE.match(nxt.group()):
            return True
    before = _BESIDE_BEFORE.search(text[max(0, start - 8) : start])
    if before is not None:
        head = text[: max(0, start - 8) + before.start()]
        prev = re.search(r"[\w'’-]+$", head)
        return prev is not None and _MOVE.match(prev.group()) is not None
    return False


def named_move(text: str, start: int, end: int) -> bool:
    """Whether a span is a sports move named after someone ("a Smith grind", "McTwist")."""
    value = text[start:end].strip(_EDGE)
    before = text[max(0, start - 24) : start]
    kind = _KIND_AFTER.match(text[end:])
    if kind is not None and _DETERMINER.search(before) and not value.endswith("s"):
        # "a Smith grind"; not "the Okafors turn up" (a family), nor without a sport around.
        rest = text[:end] + text[end + kind.end() :]
        talk = _TRICK_TALK.search(rest) or _MOVE_IN_TEXT.search(rest)
        return not _listed_title(value) and talk is not None
    if not _MOVE.match(value) or _TRICK_TALK.search(text) is None:
        return False
    if not _listed(value.rstrip("s")) and not _listed(value):
        return True  # "McTwist", "Caballerials": no one's name
    plural = value.casefold().endswith("s") and not _listed(value)
    return bool(
        plural
        or _TRICK_VERB.search(before) is not None
        or _A_BEFORE.search(before)
        or _KIND_AFTER.match(text[end:])
        or _listed_move_beside(text, start, end)
    )


def _listed_title(value: str) -> bool:
    first = value.split()[0].rstrip(".").casefold() if value.split() else ""
    return first in {"mr", "mrs", "ms", "miss", "mx", "dr"}


def _face_by_context(text: str, start: int, end: int) -> bool:
    """A face read from the words around it, listed or not ("set in Pelham", "Pelham bold")."""
    value = text[start:end].strip(_EDGE)
    if not value[:1].isupper() or text[end : end + 2] in ("'s", "’s"):
        return False
    if _FACE_WEIGHT.match(text[end:]) or _FACE_CUE.search(text[max(0, start - 16) : start]):
        return True
    if _TYPE_TALK.search(text) is None or _listed(value.split()[0]):
        return False
    # An unlisted word beside a listed face in a message about type: "Bodoni, not Pelham".
    return _beside_face(text, start, end)


def typeface(text: str, start: int, end: int) -> bool:
    """Whether a span is a typeface ("Gill Sans", "Baskerville" in a message about type)."""
    value = text[start:end].strip(_EDGE)
    if _FACE_AFTER.match(text[end:]) or _FACE_SPAN.match(value):
        return True
    if _face_by_context(text, start, end):
        return True
    if _TYPEFACE.match(value) is None or _TYPE_TALK.search(text) is None:
        return False
    if not _listed(value) and not _listed(value.split()[0]):
        return True  # "Baskerville", "Futura": no one's name
    # "Georgia" and "Johnston" are people too: only as a face ("the Johnston lettering"),
    # for a printed thing ("Bodoni for the drawings") or beside another face.
    return bool(
        _FACE_NOUN.match(text[end:])
        or _FACE_FOR.match(text[end:])
        or _SET_IN.search(text[max(0, start - 10) : start])
        or _beside_face(text, start, end)
    )


def _beside_face(text: str, start: int, end: int) -> bool:
    before = _FACE_BESIDE_BEFORE.search(text[max(0, start - 30) : start])
    after = _FACE_BESIDE_AFTER.match(text[end:])
    return any(m is not None and _TYPEFACE.match(m.group(1)) for m in (before, after))


def typeface_place(text: str, start: int, end: int) -> bool:
    """Whether a span a model reads as a place is a typeface ("in Garamond", "Johnston sign").

    Stricter than for a person: a face that is a UK place or a listed name ("Georgia")
    counts only with a type noun after it; "in" before it is how places are spoken of too.
    """
    value = text[start:end].strip(_EDGE)
    gaz = gazetteer.current()
    unplaced = not gaz.is_place(value) and not gaz.is_village(value)
    if unplaced and _face_by_context(text, start, end):
        return True  # "set in Pelham"; "set in Truro" stays a town
    if _TYPEFACE.match(value) is None or _TYPE_TALK.search(text) is None:
        return _FACE_AFTER.match(text[end:]) is not None or _FACE_SPAN.match(value) is not None
    if _FACE_NOUN.match(text[end:]) or _FACE_FOR.match(text[end:]):
        return True
    return not _listed(value) and not gaz.is_place(value) and not gaz.is_village(value)


def everyone_word(value: str) -> bool:
    """Whether a lone word says "everyone" in another language ("mindenki", "wszyscy")."""
    word = value.strip(_EDGE)
    if " " in word or word.casefold() not in _EVERYONE:
        return False
    return not _listed(word)


# A trap on a race card: "T3 Kilbeg Rosie", "Trap 2: Swift Molly"; the runner's owner or
# trainer follows in brackets and stays a person.
_TRAP = re.compile(
    r"(?:^|[\s,;|·])(?:T|Trap[ \t]*)[1-8][ \t]*[:.\-–]?[ \t]*(?:[A-Z][\w'’-]*[ \t]+){0,2}$"
)
# Only where the message speaks of racing: "T1 Farid x4 19:00" is a table booking.
_RACING = re.compile(
    r"(?i)\b(?:race ?card|racecard|trap|traps|runners?|greyhounds?|odds|stadium|kennels?)\b"
)


def race_runner(text: str, start: int, end: int) -> bool:
    """Whether a name follows a trap number on a race card ("T2 Kilbeg Rosie (Ms Odell)")."""
    if _TRAP.search(text[max(0, start - 40) : start]) is None:
        return False
    return _RACING.search(text) is not None


def eponym_move(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, guessed to be a person, is a move, a typeface or "all"."""
    return (
        named_move(text, start, end)
        or typeface(text, start, end)
        or everyone_word(text[start:end])
        or race_runner(text, start, end)
    )
