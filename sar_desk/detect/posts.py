"""Posts and job titles: what a person does, never who they are (issue 15).

"Parish Clerk sent the agenda", "Clerk to the Governors is off", "port health officer on the
quay": the model reads a capitalised post as a name, and the second pass then spreads the word
("clerk") through the case. A post is a head noun (clerk, officer, warden) with the words that
qualify it (parish, port, health, senior, watch), and the abbreviations of ranks and posts that
chat uses ("wm" for Watch Manager, "hv" for health visitor). The lists are a general,
closed vocabulary of UK workplaces (public services, the NHS, the fire and ambulance
services, councils, schools, churches, ports, the arts), not any corpus's words.

A post word that is also a listed family name ("Porter", "Steward", "Ward") stays a name when
it stands alone: only a span made wholly of post words with at least one that is no family
name is never a person, and such a word never spreads.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.trade_words import RANKS, lower_post_head, post_title


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The head nouns of posts and job titles.
HEADS = _set("""
clerk clerks officer officers manager managers director coordinator co-ordinator administrator
admin secretary treasurer chair chairperson chairman chairwoman governor governors trustee
trustees volunteer volunteers caretaker warden inspector inspectors surveyor assessor auditor
registrar coroner paramedic paramedics technician clinician practitioner therapist nurse
midwife dispatcher despatcher controller call-taker calltaker handler firefighter ranger
marshal usher receptionist cashier chef courier caseworker supervisor solicitor barrister
bursar librarian archivist analyst planner engineer architect keeper harbourmaster
harbormaster master skipper purser verger sexton sacristan chaplain almoner beadle alderman
headteacher principal teacher tutor lecturer mentor counsellor befriender carer commissioner
ombudsman attendant operator agent consultant specialist adviser advisor navigator
lead leads leader leaders deputy assistant apprentice trainee intern
churchwarden churchwardens rector curate deacon archdeacon organist choirmaster lay-reader
akela scouter scoutmaster commissioner guider brownie-guider optician dispenser pharmacist
guard guards doorman door-supervisor steward stewards conductor driver drivers pilot
signaller dispatcher porters picker pickers packer packers loader loaders rep reps
baker bakers butcher fishmonger florist barber hairdresser stylist fitter fitters installer
installers plumber electrician joiner roofer plasterer decorator cleaner cleaners cook cooks
waiter waitress bartender barista gardener groundsman mechanic scaffolder glazier tiler
foreman forewoman foremen gaffer charge-hand chargehand coastguard coastguards coach
""")

# Words that qualify a post ("Parish Clerk", "Port Health Officer", "Watch Manager").
QUALIFIERS = _set("""
parish town county district borough city port harbour harbor health senior junior chief head
acting interim duty night relief station watch crew group area regional national school ward
clinical environmental housing building fire safety electoral returning presiding polling
box front house stage finance hr it data protection customer service services support family
youth community planning licensing trading standards enforcement control compliance site
team project programme practice office business operations shift bank locum agency deputy
assistant associate principal executive general ops events volunteer volunteering learning
welfare pastoral attendance admissions exams estates facilities catering premises reception
safeguarding designated named link lay vice co-opted foundation staff parent parents
church parochial pcc diocesan deanery scout scouting cub cubs beaver beavers explorer explorers
guide guides rainbow brownie district dispensing optical security transport depot fleet
rehoming adoption kennel rescue platform train bus coach delivery warehouse picking donor
""")

# Abbreviations of ranks and posts written before a surname or alone ("wm dobson", "the HV").
ABBREVIATIONS = _set("""
wm sm gm cm ccm acfo dcfo cfo ff hv sw ot pcso sgt insp supt dc ds di dci dsi ch amhp
senco dsl slt dsp dpo hca rgn rmn ap ecp
""")

_JOINERS = _set("to the of for and")


def _words(value: str) -> list[str]:
    return [w.strip(".,:;!?'’\"()").casefold() for w in value.split() if w.strip(".,:;!?'’\"()")]


def is_post(value: str) -> bool:
    """Whether a span is wholly a post or job title ("Parish Clerk", "Clerk to the Governors").

    A single word that is a listed given name or family name ("Porter", "Ward", "Chase") is
    left to the other rules, so a person of that name is still found.
    """
    words = _words(value)
    if post_title(value, HEADS) or lower_post_head(value, HEADS):
        return True  # "Head Brewer", "on marshal" (`trade_words`)
    if crew_rank(words):
        return True  # "Tower Captain", "Club Skipper"
    if len(words) == 1 and compound_head(words[0]):
        return True  # "Ringmaster", "Yardmaster"
    if not words or not any(w in HEADS for w in words):
        return False
    if not all(w in HEADS or w in QUALIFIERS or w in _JOINERS for w in words):
        return False
    if len(words) == 1:
        gaz = gazetteer.current()
        return not (gaz.is_first_name(words[0]) or gaz.is_surname(words[0]))
    return True


# The ranks a team, a crew or a club gives; after words that say whose, a post.
CREW_RANKS = _set("captain skipper chief commander")


def crew_rank(words: list[str]) -> bool:
    """Whether folded words are a crew's rank after dictionary words ("tower captain")."""
    if len(words) < 2 or words[-1] not in CREW_RANKS:
        return False
    gaz = gazetteer.current()
    return all(gaz.is_english(w) and not gaz.is_first_name(w) for w in words[:-1])


def compound_head(low: str) -> bool:
    """Whether one word is a dictionary word run into a post head ("ringmaster", "yardkeeper").

    The head must be of four letters or more and the word no listed name or place ("Webmaster"
    would be a post; "Lancaster" has no head in it, "Fishguard" is a town).
    """
    gaz = gazetteer.current()
    if not low.isalpha() or gaz.is_first_name(low) or gaz.is_surname(low) or gaz.is_place(low):
        return False  # "Fishguard" is a town, not a guard
    return any(
        low.endswith(head) and len(low) - len(head) >= 3 and gaz.is_english(low[: -len(head)])
        for head in HEADS
        if len(head) >= 4 and head.isalpha()
    )


def never_spreads(word: str) -> bool:
    """Whether one word of a post must not be matched across the case ("clerk", "port")."""
    low = word.strip(".,:;!?'’\"()").casefold()
    if low not in HEADS and low not in QUALIFIERS and low not in ABBREVIATIONS:
        return False
    gaz = gazetteer.current()
    return not (gaz.is_first_name(low) or gaz.is_surname(low))


# The rank word right before a span ("Head [Falconer]", "Chief [Steward]").
_RANK_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z]+)[ \t]+$")


def post_after_rank(text: str, start: int, end: int) -> bool:
    """Whether one word, read with the rank word before it, is a post ("Head [Falconer]").

    The model reads the trade alone as a family name; after a rank that no given-name list has
    ("Head", "Chief", "Senior") it is the post ("Mrs Falconer" and "Falconer said" stay names).
    """
    value = text[start:end].strip(".,:;!?'’\"()")
    if not value.isalpha():
        return False
    match = _RANK_BEFORE.search(text[max(0, start - 16) : start])
    if match is None or match.group(1).casefold() not in RANKS:
        return False
    return post_title(f"{match.group(1)} {value}", HEADS)
