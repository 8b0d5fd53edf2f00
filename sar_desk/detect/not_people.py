"""Spans a model or a list calls a person that English shows to be a thing (issue 15, round 11).

Each rule reads the span's own words or the words right next to it, never a corpus's names:

- a phrase of two or more words that are all common English words, none of them a listed
  given name or family name ("Border Force", "Citizens Advice", "Learner Voice", "councillor
  told"): an organisation, a team, a scheme or a clause, not someone's name;
- a word closed by a short capitalised acronym no list has ("Trinity ISE"): a qualification;
- a brand before the goods it makes ("Ted Baker bag", "Dr Martens size 9", "Mr Kipling cakes",
  "Henry hoover"; `club_things`): a person would own the bag ("Ted Baker's bag");
- a pet or a boat named next to its kind ("dog: Bramble", "nb 'Misty Morning'", "Rex (GSD,
  6)", "Bramble the dog", "Luna's jabs"): animals and vessels are nobody's personal data;
- a range of months as one word ("jan-mar", "Apr–Jun") and keyboard mash along one row ("zxcvbn");
- one unlisted word that software cues follow ("Hudl link", "won't save") or that qualifies a
  lower-case team ("Morning accom team"), and a place-like or English word before a post
  ("District Commissioner", "Rehoming Manager", "General Manager");
- a lower-case common word closing a phrase an article opens ("at the church hall");
- names that chat gives to storms, animals, teams, months and trade brands (`thing_names`),
  and to machines and buildings (`named_kinds`); named chess openings and famous locomotives
  (`famous_things`).

`without_things` drops such PERSON guesses; a name known to the case is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer
from sar_desk.detect.address_words import lone_kin_word, spoken_not_named
from sar_desk.detect.brands import household_brand, language_name, vehicle
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.civic_places import not_a_place
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.club_things import brand_before_goods, club_thing, national_body
from sar_desk.detect.cues import RELATIONS
from sar_desk.detect.eponym_fare import eponym_fare
from sar_desk.detect.eponym_goods import eponym_good
from sar_desk.detect.eponym_kinds import eponym_kind
from sar_desk.detect.eponym_moves import eponym_move, typeface_place
from sar_desk.detect.eponym_places import award_name, eponym_place
from sar_desk.detect.famous_things import famous_thing
from sar_desk.detect.group_greetings import greets_the_group
from sar_desk.detect.lexical import is_typo_of_word
from sar_desk.detect.named_kinds import named_animal_kind, named_kind
from sar_desk.detect.phonetic_alphabet import spelt_letters
from sar_desk.detect.phrase_words import KIN, noun_in_a_phrase, word_before_post
from sar_desk.detect.posts import HEADS as POST_HEADS
from sar_desk.detect.role_mailboxes import role_mailbox
from sar_desk.detect.service_places import service_place
from sar_desk.detect.service_terms import service_term
from sar_desk.detect.thing_names import in_trade_brand, names_a_thing
from sar_desk.detect.units import ROLE_HEADS
from sar_desk.detect.word_positions import placed_not_named
from sar_desk.detect.words import TITLES, VERBS

# Recognisers that read the case itself: what they find is a known person, never dropped here.
_CASE_SOURCES = frozenset({"CaseDenyList", "CaseStructure"})
_EDGE = ".,:;!?'’\"()[]‘“”"


def _listed(word: str) -> bool:
    gaz = gazetteer.current()
    return gaz.is_first_name(word) or gaz.is_surname(word)


def common_word_phrase(value: str, titled: bool = True) -> bool:
    """Whether two or more words are all common words (or typos of words), none a listed name.

    "Border Force", "Warm Home Discount", "councillor told"; "Faith Hill" and "Rose Baker"
    have listed names in them and are left to the other rules. A title opening the phrase
    makes it a name ("Miss Gardener"), unless `titled` is False: the caller saw an article
    before it ("a lady member"), so the title is a noun, listed as a name or not.
    """
    words = [w.strip(_EDGE) for w in value.split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    lead = words[0].casefold().rstrip(".")
    verb = words[1].casefold() in VERBS or words[1].casefold().endswith("ed")
    title = lead in TITLES or lead in HONORIFICS or lead in RELATIONS or lead in KIN
    if titled and title and not verb:
        return False  # "Miss Gardener", "Rabbi Goldsmith", "Granny Mags"; not "councillor told"
    gaz = gazetteer.current()
    if not all(
        w.replace("-", "").isalpha()
        and (gaz.is_english(w.lower()) or is_typo_of_word(w))
        and (not _listed(w) or (i == 0 and title and not titled))
        for i, w in enumerate(words)
    ):
        return False
    # Common words make a name of things; one rare word beside one common word may be a
    # person ("Aneurin Tallow": a Welsh given name and a vitamin to the dictionary).
    common = sum(gaz.is_common_word(w.lower()) or is_typo_of_word(w) for w in words)
    return common >= max(2, len(words) - 1)


def acronym_tail(value: str) -> bool:
    """Whether a word and a short capital acronym no list has make a thing ("Trinity ISE")."""
    words = value.split()
    if len(words) != 2 or not words[0].replace("-", "").isalpha():
        return False  # "A. Nowak - BTEC" is a name run on into a label, cut elsewhere
    last = words[-1].strip(_EDGE)
    if gazetteer.current().is_place(words[0]):
        return False  # "Bourne YOI": the town is still proposed (as NER tagged it)
    return 2 <= len(last) <= 5 and last.isalpha() and last.isupper() and not _listed(last)


# Kinds of animal and vessel that stand before a pet's or a boat's name, with what may come
# between ("dog: Bramble", "nb 'Misty Morning'", "our cat, Tigger", "narrowboat called Otter").
_KINDS = (
    r"dog|dogs|puppy|pup|cat|kitten|pony|horse|mare|gelding|foal|rabbit|bunny|hamster|"
    r"guinea pig|parrot|budgie|tortoise|ferret|lurcher|spaniel|terrier|collie|labrador|"
    r"greyhound|boat|narrowboat|narrow boat|barge|yacht|cruiser|dinghy|vessel|widebeam|ketch|"
    r"trawler"
)
# "nb" is also "nota bene" ("NB: Sam is off"): a boat's name only when quoted after it.
_KIND_BEFORE = re.compile(
    rf"(?i)(?:\b(?:{_KINDS})\s*(?:[:\-–]\s*|\s+(?:called|named)\s+|\s*['‘’\"“]\s*)|"
    rf"\b(?:our|my|his|her|their|your)\s+(?:{_KINDS})\s+|\bn/?b\s+['‘’\"“]|\bnarrowboat\s+)$"
)
# After the name: "the dog", "(GSD, 6)", "'s jabs", "is a rescue", "the narrowboat".
_KIND_AFTER = re.compile(
    rf"(?i)^['’\"”]?(?:,?\s+(?:the|our|my|his|her|their|a|an)\s+(?:\w+\s+)?(?:{_KINDS})"
    r"(?=\s*(?:[.,;:!?)]|$|\s+(?:is|was|has|had|who|that|needs|got)\b))|"
    r"\s*\((?:gsd|lab|staffie|staffy|jrt|xl bully|cocker|springer|dsh|dlh|m/?n|f/?n)\b|"
    r"['’]s\s+(?:jabs|vaccinations?|microchip|collar|kennel|harness|worming|flea|"
    r"neutering|spay|vet|crate)\b)"
)


def pet_or_boat(text: str, start: int, end: int) -> bool:
    """Whether a name names an animal or a vessel by the kind word right next to it."""
    return bool(
        _KIND_BEFORE.search(text[max(0, start - 24) : start]) or _KIND_AFTER.match(text[end:])
    )


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
_MONTH_RANGE = re.compile(rf"(?i)^{_MONTH}[-–/]{_MONTH}$")


def month_range(value: str) -> bool:
    """Whether a word is a range of short month names ("jan-mar", "Oct–Dec")."""
    return bool(_MONTH_RANGE.match(value.strip(_EDGE)))


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def row_mash(word: str) -> bool:
    """Whether a word of five letters or more is typed along one row of keys, in order.

    "asdfjkl", "qwerty", "zxcvbnm": letters that keep to one row and move left to right (a
    word no dictionary and no name list has). "Peter" keeps to the top row too, but it is
    listed, and jumps back and forth.
    """
    w = word.strip(_EDGE).lower()
    if len(w) < 5 or not w.isalpha() or _listed(w) or gazetteer.current().is_english(w):
        return False
    for row in _ROWS:
        if all(c in row for c in w):
            places = [row.index(c) for c in w]
            rising = all(b > a for a, b in pairwise(places))
            falling = all(b < a for a, b in pairwise(places))
            return rising or falling
    return False


# Software named by what it does to files and links ("Hudl link", "Bullhorn won't save").
_SOFTWARE_AFTER = re.compile(
    r"(?i)^\s+(?:link|links|login|won'?t (?:save|sync|print|upload|connect|update)|"
    r"(?:keeps|kept) (?:dropping|losing|deleting))\b"
)
# Where a word stands as the modifier of a lower-case team ("Morning accom team").
_TEAM_AFTER = re.compile(r"^\s+(?:team|crew|squad|rota)\b")


def software_or_team_word(text: str, start: int, end: int) -> bool:
    """Whether one unlisted word is software ("Hudl link") or qualifies a team ("accom team")."""
    value = text[start:end].strip(_EDGE)
    if " " in value or not value.isalpha() or _listed(value):
        return False
    if value.islower() and _TEAM_AFTER.match(text[end:]):
        return True
    return value[:1].isupper() and bool(_SOFTWARE_AFTER.match(text[end:]))


def before_post(text: str, start: int, end: int) -> bool:
    """Whether a span qualifies a capitalised post right after it ("Rehoming Manager").

    Only when no word of the span is a listed name: "Priya Manager" keeps Priya.
    """
    words = text[start:end].split()
    after = re.match(r"[ \t]+([A-Z][\w-]*)", text[end:])
    if not words or after is None or any(_listed(w.strip(_EDGE)) for w in words):
        return False
    head = after.group(1).casefold()
    return head in POST_HEADS or head in ROLE_HEADS


# An article before a title makes it a noun ("a lady member", "the nurse manager").
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:a|an|the|another)[ \t]+$")


@gazetteer.per_lists  # the spread pass asks again of spans the first pass checked
def never_person(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, guessed to be a person, is a thing by the rules above."""
    value = text[start:end]
    words = value.split()
    return (
        common_word_phrase(value)
        or (
            _ARTICLE_BEFORE.search(text[max(0, start - 8) : start]) is not None
            and common_word_phrase(value, titled=False)
        )
        or acronym_tail(value)
        or brand_before_goods(text, start, end)
        or pet_or_boat(text, start, end)
        or software_or_team_word(text, start, end)
        or vehicle(text, start, end)
        or club_thing(text, start, end)  # "Welsh Curling", "Banana Pi"
        or names_a_thing(text, start, end)
        or named_kind(text, start, end)
        or word_before_post(text, start, end)
        or noun_in_a_phrase(text, start, end)
        or (len(words) == 1 and (household_brand(value) or language_name(value)))
        or (len(words) == 1 and (month_range(value) or row_mash(value)))
        or spoken_not_named(value)  # "Mum", "nae", "Kurdish Sorani", "miss form"
        or greets_the_group(text, start, end)  # "Moni everyone,", "Shlama all 👋"
        or service_place(text, start, end)  # "HMP Berwyn", "Op Kenova", "the John Radcliffe"
        or service_term(text, start, end)  # "McKenzie friend", "Barthel Index", "Fluenz"
        or spelt_letters(text, start, end)  # "VRM Yankee Romeo Seven Two Oscar Papa Kilo"
        or placed_not_named(text, start, end)  # "due 8 Jan", "the defendant's"
        or famous_thing(text, start, end)  # "played the Ruy Lopez", "Flying Scotsman loco"
        or eponym_place(text, start, end)  # "the Ada Hollins Cup", "Tom's Dig"
        or eponym_move(text, start, end)  # "a Smith grind", "Gill Sans", "mindenki"
        or eponym_good(text, start, end)  # "a Jessie Rowe rose", "the Vernon touch"
        or eponym_kind(text, start, end)  # "Bell's palsy", "Clare's Law", "a Munter hitch"
        or eponym_fare(text, start, end)  # "eggs Benedict", "at the Duke of Wellington"
    )


def _thing(text: str, entity: str, start: int, end: int) -> bool:
    if entity == "LOCATION":
        # A make before its model ("Vauxhall Corsa") is a vehicle, not a town.
        return (
            before_post(text, start, end)
            or vehicle(text, start, end)
            or in_trade_brand(text, start, end)
            or named_animal_kind(text, start, end)  # "PD Bruno" read as a place
            or lone_kin_word(text[start:end])  # Welsh "Nain" read as a place
            or not_a_place(text, start, end)  # "the County Hall", "school trip Fri"
            or famous_thing(text, start, end)  # "Duchess of Hamilton" derailed: a locomotive
            or award_name(text, start, end)  # "the Ada Hollins Trophy"
            or typeface_place(text, start, end)  # "set in Garamond"
            or eponym_good(text, start, end)  # "Rabone levels", "apples: Howgate"
            or eponym_fare(text, start, end, place=True)  # "beef Wellington", "the Marquis of"
            or eponym_kind(text, start, end)  # "Lyme disease", "a Carrick bend"
            or service_term(text, start, end)  # "Spikevax", "Weatherbys" read as places
        )
    if entity == "NRP":
        return (
            in_trade_brand(text, start, end)
            or famous_thing(text, start, end)
            or national_body(text, start, end)
        )
    if entity == "EMAIL_ADDRESS":
        return role_mailbox(text[start:end])  # "foi@", "enquiries@": a body's, not a person's
    return never_person(text, start, end)


def without_things(text: str, found: Iterable[Finding], context: CaseContext) -> list[Finding]:
    """`found` without the guesses in `text` that are things.

    PERSON by `never_person`; LOCATION that qualifies a post ("District Commissioner"), is
    a vehicle's make before its model ("Ford Kuga"), a trade brand ("in Screwfix", "Worcester"
    of "Worcester Bosch"), a body's site or a day (`civic_places`); NRP that is a trade
    brand; an e-mail address that is an organisation's mailbox (`role_mailboxes`).
    """
    return [
        f
        for f in found
        if not (
            f.entity_type in ("PERSON", "LOCATION", "NRP", "EMAIL_ADDRESS")
            and f.field == ProposalField.TEXT
            and f.start is not None
            and f.end is not None
            and f.recognizer not in _CASE_SOURCES
            and name_key(f.text) not in context.name_index
            and _thing(text, f.entity_type, f.start, f.end)
        )
    ]
