"""A post or trade written before a name, cut off the name (issue 15, round 18).

"Club Treasurer Akihiro wants it", "Head Florist Teague to quote", "Lead Signwriter Emina off
Friday", "Master Farrier Xoán drove him": the model reads the post and the name as one person,
and the post's words are then proposed, spread and shown to the reviewer as a name. English
puts a post before a name as a head noun (a post of `posts.HEADS` or `units.ROLE_HEADS`, or an
agent noun: florist, farrier, signwriter) with the words that qualify it before it (club, head,
lead, master): the name is what follows the last head.

`units.without_unit` already cuts a post made of unit words ("Duty Manager Priya"); this cuts
the posts and trades it does not know. The name must be left whole and proposed, so a word is
never taken for the post when it could be the name:

- a listed given name is never part of the post ("Head Chef Rose Baker": "Rose Baker" stays);
- a head with nothing before it that a family-name list has only qualifies a later head
  ("Porter Jones" is not cut);
- titles and words of kin stay with their name ("Mrs Okafor", "Father Ryan"), and so does
  an honorific right before it ("Nurse Ratched", "Master Tom"): the title rules read them;
  an honorific is part of a post only before a head ("Head Florist", "Master Farrier");
- a trade known only by its ending heads a post only right after a listed qualifier (a rank,
  a post qualifier or an honorific), in the span or just before it ("Lead [Signwriter
  Emina]"): alone or after any other word ("Thanks Clover Rahman"), "Clover" and "Juniper"
  are given names no list has;
- something must be left that reads as a name: a listed name, or a word no dictionary has.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.cues import RELATIONS
from sar_desk.detect.posts import CREW_RANKS, QUALIFIERS, compound_head
from sar_desk.detect.posts import HEADS as POST_HEADS
from sar_desk.detect.trade_words import RANKS, agent_noun
from sar_desk.detect.units import ROLE_HEADS
from sar_desk.detect.words import TITLES

_EDGE = ".,:;!?'’\"()[]‘“”"
_WORD = re.compile(r"\S+")
# A post is short: "Deputy Head Cider Maker" is four words.
_MOST_POST_WORDS = 4


def _fold(word: str) -> str:
    return word.strip(_EDGE).casefold()


def _titled(low: str) -> bool:
    """A title or a word of kin: the title rules keep it with the name ("Mrs", "Father")."""
    return low.rstrip(".") in TITLES or low in RELATIONS


def _listed(low: str) -> bool:
    gaz = gazetteer.current()
    return gaz.is_first_name(low) or gaz.is_surname(low)


def _head(low: str, qualified: bool = True) -> bool:
    """A post noun, or after a qualifier a trade by its ending ("florist", "signwriter").

    Alone, an English word by its ending is as often a given name no list has ("Clover",
    "Juniper"), so only a listed post noun heads a post with nothing before it.
    """
    if low in POST_HEADS or low in ROLE_HEADS or compound_head(low):
        return True  # "Ringmaster Ola": a word run into a post head is a post
    return qualified and agent_noun(low)


# A qualifier right before the span, which the model left out ("Lead [Signwriter Emina]").
_QUALIFIER_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z]+)[ \t]+$")


def _ranked(low: str) -> bool:
    """A listed qualifier of posts: a rank, a post qualifier or an honorific ("lead")."""
    return low in RANKS or low in QUALIFIERS or low in HONORIFICS


def _qualified_before(text: str, start: int) -> bool:
    match = _QUALIFIER_BEFORE.search(text[max(0, start - 16) : start])
    return match is not None and _ranked(match.group(1).casefold())


# The ranks a team, a crew or a club gives ("Tower Captain", "Fire Chief", "Club Skipper"):
# after a word that qualifies them they are a post, not a title the name keeps.


def _noun_before(text: str, start: int) -> bool:
    """Whether a dictionary word that is no name and no stop word stands right before."""
    match = _QUALIFIER_BEFORE.search(text[max(0, start - 16) : start])
    if match is None:
        return False
    low = match.group(1).casefold()
    return _qualifier(low) and not _listed(low) and low not in STOP_WORDS


def _qualifier(low: str) -> bool:
    """A word that may qualify a post: a listed qualifier or rank, or a dictionary word."""
    if not low.replace("-", "").isalpha() or gazetteer.current().is_first_name(low):
        return False
    return low in QUALIFIERS or low in RANKS or gazetteer.current().is_english(low)


def _reads_as_name(word: str) -> bool:
    low = _fold(word)
    if not low or _head(low) or low in QUALIFIERS:
        return False
    gaz = gazetteer.current()
    return _listed(low) or not gaz.is_english(low)


def without_leading_post(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` with a post or trade before the name cut off; unchanged if none.

    "Club Treasurer Akihiro" -> "Akihiro"; "Head Florist Ellie-Grace Szymański" ->
    "Ellie-Grace Szymański"; "Rose Baker", "Porter Jones", "Sister Okafor" are unchanged.
    """
    words = list(_WORD.finditer(text[start:end]))
    cut = 0  # the words of the post: up to and including the last head reached
    ranked = _qualified_before(text, start)  # the word before is a listed qualifier
    for i, match in enumerate(words[:_MOST_POST_WORDS]):
        low = _fold(match.group(0))
        if not low or _titled(low):
            break
        gaz = gazetteer.current()
        qualified, ranked = ranked, _ranked(low)
        if low in HONORIFICS:
            if (low in CREW_RANKS or low in POST_HEADS) and (i > 0 or _noun_before(text, start)):
                cut = i + 1  # "Tower Captain Sam", "Scaffold Inspector Jo": a post
            continue  # "Head Florist", "Nurse Ratched": a post only with a head after it
        head = _head(low, qualified) and not gaz.is_first_name(low)
        if head and not (i == 0 and gaz.is_surname(low) and not qualified):
            cut = i + 1
        elif i == 0 and head:
            continue  # "Porter Jones": a family name, or the qualifier of a later head
        elif not _qualifier(low):
            break
    if not cut or cut >= len(words):
        return start, end
    # The name after the post may open with a word that is also English ("Pa Nhia", "Ka
    # Yan"): a later word of it, or the word right after the span, still shows a name.
    after = _NEXT_WORD.match(text, end)
    rest = [w.group(0) for w in words[cut:]] + ([after.group(1)] if after else [])
    if not any(_reads_as_name(w) for w in rest):
        return start, end
    return start + words[cut].start(), end


_NEXT_WORD = re.compile(r"[ \t]([^\W\d_][\w'’-]*)")
