"""Trade and post words known by the shape of English, not by a list (issue 15, round 15).

A blind corpus always brings trades no list foresaw: "lifeguard", "brewer", "greenkeeper",
"courier". English makes the name of someone who does a thing with a handful of endings
(an agent noun: -er, -or, -ist, -ian, -man, -guard, -keeper, -smith, -wright, -eer, -ier), so
a dictionary word with such an ending that no given-name list has is a trade, and:

- found alone, an everyday trade word never seeds the spread pass: "(Lifeguard)" read as a
  name must not be proposed at every "lifeguard rota" of the case (`trade_word`, used by
  `spread_seeds`); after a title it is a family name still ("Revd Canon Wheelwright"), and
  the rarer trades that are family names as often ("Wainwright", "Fryer") still seed;
- after a rank word it is a post title, whoever holds it: "Head Brewer", "Senior Stylist",
  "Chief Steward" (`post_title`, used by `posts.is_post`). A family name that is also a trade
  ("Brewer", "Turner") is still a name on its own or after a title ("Mrs Brewer");
- a lower-case post head ("on marshal", "the steward") is the job even where a given-name
  list has the word, since chat writes a person's name in lower case but a job in lower case
  far more often (`lower_post_head`).

Words are judged once each (a small cache), so the per-span cost is a dictionary lookup.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sar_desk.detect import gazetteer

_EDGE = ".,:;!?'’\"()[]‘“”"

# The endings English gives to the doer of a thing; plural forms too ("lifeguards").
_AGENT = re.compile(
    r"(?:er|or|ist|ian|man|men|woman|women|guard|keeper|smith|wright|eer|ier|yer)s?$"
)


# Rank words that open a post title ("Head Brewer", "Deputy Harbourmaster"). Words of this
# class that a given-name list has are left out by `post_title` ("Junior" is a name too).
def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


RANKS = _set("""
head chief senior junior deputy assistant lead principal acting interim trainee
apprentice relief duty night shift area regional district site team general
""")


def _fold(word: str) -> str:
    return word.strip(_EDGE).casefold()


@lru_cache(maxsize=4096)
def _agent_noun(low: str, gaz_id: int) -> bool:
    gaz = gazetteer.current()
    parts = [p for p in low.split("-") if p]
    if len(low) < 5 or not parts or not all(p.isalpha() for p in parts):
        return False
    if gaz.is_first_name(low):
        return False  # "Archer", "Tyler": a given name before it is a trade
    if not _AGENT.search(low):
        return False
    if gaz.is_english(low) or gaz.is_common_word(low):
        return True
    # A compound no dictionary lists ("greenkeeper", "deckhand"): an English word, then an
    # English agent noun of four letters or more.
    return any(
        gaz.is_english(low[:i]) and gaz.is_english(low[i:]) and not gaz.is_first_name(low[i:])
        for i in range(3, len(low) - 3)
    )


def agent_noun(word: str) -> bool:
    """Whether a word is an English word for someone who does something ("lifeguard").

    A listed given name ("Tyler", "Archer") is not; a family name that is a trade ("Brewer")
    is, so callers that must keep family names check them first (`trade_word`).
    """
    low = _fold(word)
    return _agent_noun(low, id(gazetteer.current())) if low else False


def trade_word(word: str) -> bool:
    """Whether one word is an everyday trade that no name list has ("lifeguard", "courier").

    Such a word never seeds the spread pass, however it was capitalised where NER found it.
    A listed family name ("Brewer", "Turner") is left to the name rules.
    """
    low = _fold(word)
    if not low or not agent_noun(low):
        return False
    gaz = gazetteer.current()
    # Only an everyday word: the rarer trades are family names as often as jobs
    # ("Wainwright", "Spicer", "Fryer", "Lorimer"), and may be the one way a person is written.
    return gaz.is_common_word(low) and not gaz.is_surname(low)


def post_title(value: str, heads: frozenset[str] = frozenset()) -> bool:
    """Whether a span is rank words then a trade: "Head Brewer", "Senior Lifeguard".

    `heads` are the post nouns the caller already knows ("clerk", "officer"); any other last
    word must be an agent noun. A rank word that is a listed given name ("Junior") does not
    open a title, so "Junior Baker" stays with the name rules.
    """
    words = [_fold(w) for w in value.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 4:
        return False
    gaz = gazetteer.current()
    ranks, last = words[:-1], words[-1]
    if not all(w in RANKS and not gaz.is_first_name(w) for w in ranks):
        return False
    return last in heads or agent_noun(last)


def lower_post_head(value: str, heads: frozenset[str]) -> bool:
    """Whether a lone lower-case word is a post noun ("on marshal", "ask the steward").

    Chat writes a job in lower case far more often than a given name that is a job.
    """
    word = value.strip(_EDGE)
    return word.isalpha() and word.islower() and word in heads
