"""Words that where they stand shows are no one's name (issue 15, round 15).

Two positions of English grammar, read from the few characters beside a span:

- a month after a day's number ("due 8 Jan", "from 3rd March", "on the 14 may") or before a
  year ("Jan 2027"): a date, even where the month is a given name ("June", "Jan", "May");
- a lower-case dictionary word right after an article ("knows the defendant's family", "a
  minor"): a noun phrase, not a name written in lower case. A listed given name ("the rose
  garden", "a bill") is left to the other rules: chat writes "the amber" seldom, "amber" often.

- "miss" as a noun, after "near" or an article ("a near miss form", "a miss by inches"):
  the word, not the title before a name ("ask miss gardener").

- a character's name beside its kind: "Harvey the lido mascot", "Nessie costume", "Elvis
  outfit", "Bramble the scarecrow". A mascot, a puppet, a statue or a costume is played or
  made, and the name is the character's, not the wearer's ("Sam the mascot driver" is not
  read so: a trade after the kind keeps the person).

- a name where goods, a horse or a booking system stand (`product_slots`: "a pint of Old
  Tom", "Jack Daniel's on offer", "Mabel threw a shoe").
- a name a form or template gives as its example (`example_names`: "John Smith is the
  example name on the waiver template", "full name (e.g. Ann Other)").
- the head of an organisation's name read alone (`org_heads`: "Council" of "Registration
  Council", after a dictionary word that no name list has).
- a name with a machine's or vessel's kind as its head, a make after an article, a weekday
  or a lone surname particle (`kind_names`: "Kiln Doris", "a Brompton", "Saturday", "van").
- a trade read alone after its rank (`posts.post_after_rank`: "Head [Falconer]"), a firm
  before its worker's trade and name and a pair of common words (`phrase_words`: "Siemens
  Gamesa tech Ola", "Stitch & Bitch"), a body named for its area (`org_heads`: "Sport
  England") and a word inside a body's site (`civic_places`: "the County Hall").

`placed_not_named` is the one test `not_people.never_person` asks; each check looks only at
the span and a dozen characters either side, so it costs a few regex matches per span.
"""

from __future__ import annotations

import re

from sar_desk.core.calendar import MONTH_NAMES, MONTH_SHORT_FORMS
from sar_desk.detect import gazetteer
from sar_desk.detect.civic_places import MONTHS_NOBODY_IS_CALLED, in_body_site
from sar_desk.detect.example_names import example_name
from sar_desk.detect.kind_names import kind_named
from sar_desk.detect.org_heads import area_body, opens_org_name, org_head, royal_body
from sar_desk.detect.phrase_words import employer_before_worker, paired_common_words
from sar_desk.detect.posts import post_after_rank
from sar_desk.detect.product_slots import product_slot

_EDGE = ".,:;!?'’\"()[]‘“”"

_MONTHS = MONTH_NAMES | MONTH_SHORT_FORMS  # "8 Jan", "3rd March"
# A day's number right before the month ("8 Jan", "3rd March", "the 14th of May").
_DAY_BEFORE = re.compile(r"(?i)(?<![\d.,:/])\d{1,2}(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+$")
# A year right after it ("Jan 2027", "March '26").
_YEAR_AFTER = re.compile(r"^[ \t]+(?:(?:19|20)\d\d|['’]\d\d)(?!\d)")
# An article right before the word, at a word boundary ("the ", "a ", "an ").
_ARTICLE_BEFORE = re.compile(r"(?i)(?:^|[\s(])(?:the|a|an)[ \t]+$")


# "Nat Ins", "Nat. Insurance": the National Insurance cue, not someone called Nat.
_INSURANCE_AFTER = re.compile(r"(?i)^\.?[ \t]+ins(?:urance|\b\.?)")


def dated_month(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a month in a date ("due 8 Jan", "Jan 2027")."""
    word = text[start:end].strip(_EDGE).casefold()
    if word in MONTHS_NOBODY_IS_CALLED:  # a month wherever it stands
        return True
    if word not in _MONTHS:
        return False
    return bool(_DAY_BEFORE.search(text[max(0, start - 12) : start])) or bool(
        _YEAR_AFTER.match(text[end : end + 6])
    )


def article_noun(text: str, start: int, end: int) -> bool:
    """Whether a lone lower-case dictionary word follows an article ("the defendant's").

    A listed given name is kept ("a bill", "the rose"): the other rules judge it.
    """
    value = text[start:end].strip(_EDGE)
    if value.endswith(("'s", "’s")):
        value = value[:-2]
    if not value.isalpha() or not value.islower() or len(value) < 3:
        return False
    if not _ARTICLE_BEFORE.search(text[max(0, start - 5) : start]):
        return False
    gaz = gazetteer.current()
    return gaz.is_english(value) and not gaz.is_first_name(value)


# "near miss", "a miss": the noun, whatever follows it.
_NOUN_MISS_BEFORE = re.compile(r"(?i)(?:^|[\s(])(?:near|a|the|another|no)[ \t]+$")


def noun_miss(text: str, start: int, end: int) -> bool:
    """Whether a span opens with lower-case "miss" used as a noun ("near miss form")."""
    if not text.startswith("miss", start) or text[start + 4 : start + 5] not in (" ", "\t"):
        return False
    return bool(_NOUN_MISS_BEFORE.search(text[max(0, start - 10) : start]))


_CHARACTERS = r"mascot|costume|puppet|marionette|statue|scarecrow|snowman|teddy|doll|mannequin"
# "Harvey the (lido) mascot", closing the clause or before a verb.
_CHARACTER_AFTER = re.compile(
    rf"(?i)^[ \t]+the[ \t]+(?:[a-z]+[ \t]+)?(?:{_CHARACTERS})s?(?![\w'’-])"
    r"(?![ \t]+(?:driver|man|woman|lady|guy|maker|seller|operator|team)\b)"
)
# "Nessie costume", "an Elvis outfit": the name modifies what is worn.
_WORN_AFTER = re.compile(r"(?i)^[ \t]+(?:costume|costumes|outfit|outfits|fancy dress)\b")


def character_name(text: str, start: int, end: int) -> bool:
    """Whether a name is a character's by its kind next to it ("Harvey the lido mascot")."""
    if text[end : end + 2] in ("'s", "’s"):
        return False  # "Sam's costume": a person's
    after = text[end : end + 40]
    return bool(_CHARACTER_AFTER.match(after) or _WORN_AFTER.match(after))


def insurance_cue(text: str, start: int, end: int) -> bool:
    """Whether a span opens with the "Nat" of "Nat Ins(urance)", the NI number's cue."""
    first = text[start:end].split()[0] if text[start:end].split() else ""
    if first.strip(_EDGE).casefold() != "nat":
        return False
    at = start + len(first.rstrip("."))
    return _INSURANCE_AFTER.match(text[at : at + 16]) is not None


def placed_not_named(text: str, start: int, end: int) -> bool:
    """Whether a span is a month, a noun, "miss", a character, goods, an example, a body, a post."""
    return (
        dated_month(text, start, end)
        or insurance_cue(text, start, end)  # "Nat Insurance →"
        or article_noun(text, start, end)
        or noun_miss(text, start, end)
        or character_name(text, start, end)
        or product_slot(text, start, end)  # "a pint of Old Tom", "Mabel threw a shoe"
        or kind_named(text, start, end)  # "Kiln Doris", "a Brompton", "Saturday", "van"
        or example_name(text, start, end)  # "John Smith is the example name on the form"
        or org_head(text, start, end)  # "Council" of "Registration Council"
        or opens_org_name(text, start, end)  # "Royal Pigeon" of "... Racing Association"
        or in_body_site(text, start, end)  # "Hall" of "the County Hall"
        or area_body(text[start:end])  # "Crown Estate Scotland"
        or royal_body(text[start:end])  # "Royal Welsh", "Royal Sussex Lodge"
        or paired_common_words(text, start, end)  # "Stitch & Bitch"
        or post_after_rank(text, start, end)  # "Head [Falconer]"
        or employer_before_worker(text, start, end)  # "Siemens Gamesa tech Ola"
    )
