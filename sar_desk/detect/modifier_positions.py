"""A name as the modifier of a common noun, after any determiner (issue 15, round 24).

"a Phillips screwdriver", "an Allen key", "these Barbour jackets", "3 Allen keys": a name
standing between a determiner (or a count) and a lower-case common noun for a thing names
a kind of thing, not a person. `thing_positions` reads the shape after "the" only; this reads
it after the other determiners, with the same `thing_noun` test on the noun. `case_things`
still keeps the name a person when any message of the case shows it as one.

After an indefinite determiner (a, an, another, each, every) no person stands as "a Kevin
key", and a kind, not one person's own thing, is meant, so a noun that is also a family name
("key", "bell") or an agent noun by its ending only ("screwdriver", "burner") counts; the
listed person nouns ("lad", "driver") and nouns of what is a person's ("family", "case") still
do not. After the, this, these and those the plain `thing_noun` test holds ("the Pritchard
stone" may be a person's).
Where the shape is weaker, it asks for more:

- After a possessive (my, your, his, our, their) or some, any, no, chat names kin by a given
  name ("our Shannon", "my Dave rang"), and a past-tense verb passes for a noun ("my Dave
  bought"): the name must not be a listed given name, the noun must be singular (not a verb
  in "-s": "our Kev works") and not a word for a time ("no Jones today").
- "her" (also an object: "told her Jones knew") and "that" (also a conjunction: "said that
  Jones knew") are left out.
- A bare name is read only after a count, before a plural noun ("3 Allen keys", "two
  Phillips bits"); a bare "Name nouns" is as often a subject and a verb ("Dave works").
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.thing_positions import singular, thing_noun

_SIZE = r"(?:(?i:old|new|spare|broken|little|big|small|large)[ \t]+)?[\"“‘']?$"
# Determiners before which no person's given name stands ("a Dave works" is no English).
# An indefinite one introduces a kind, never one person's own thing; "the Pritchard stone"
# may be one person's.
_INDEFINITE = re.compile(r"(?:^|[\s(])(?i:a|an|another|each|every)[ \t]+" + _SIZE)
_DEFINITE = re.compile(r"(?:^|[\s(])(?i:the|this|these|those)[ \t]+" + _SIZE)
# Determiners that also stand before kin ("our Shannon", "my Dave").
_POSSESSIVE = re.compile(r"(?:^|[\s(])(?i:my|your|his|our|their|some|any|no)[ \t]+" + _SIZE)
_NUMBER = (
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|"
    r"couple[ \t]+of|pair[ \t]+of|set[ \t]+of|box[ \t]+of|pack[ \t]+of"
)
_COUNT = re.compile(rf"(?:^|[\s(])(?i:{_NUMBER})[ \t]*[xX]?[ \t]+$")
# A clock time, not a count: "at 3 Dave leaves".
_CLOCK = re.compile(
    r"(?i)\b(?:at|by|till|until|after|before|from|since|around|about)[ \t]+\d+[ \t]*$"
)
# The noun right after the name, a whole lower-case word.
_NOUN = re.compile(r"^[\"”’']?[ \t]+([a-z]+)(?!['’\w-])")
# Words for a time, which follow a name as an adverb ("no Jones today").
_WHEN = frozenset(
    re.findall(
        r"\w+",
        """
today tonight tomorrow yesterday morning afternoon evening night week weekend month year
monday tuesday wednesday thursday friday saturday sunday now then again
""",
    )
)


def modifier_at(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` modifies a common noun for a thing (see above)."""
    noun = _NOUN.match(text[end : end + 40])
    if noun is None:
        return False
    word = noun.group(1)
    if word in _WHEN:
        return False
    before = text[max(0, start - 24) : start]
    if _INDEFINITE.search(before):
        # "an Allen key": after an indefinite article a lower-case word that is also a
        # family name is the noun; "a Kevin smith" is no way to write a person.
        return thing_noun(word, modified=True, named=True)
    if not thing_noun(word, modified=True):
        return False
    if _DEFINITE.search(before):
        return True
    if _COUNT.search(before) and not _CLOCK.search(before):
        return not singular(word)
    if _POSSESSIVE.search(before):
        lead = text[start:end].split()[0].casefold()
        return singular(word) and not gazetteer.current().is_first_name(lead)
    return False
