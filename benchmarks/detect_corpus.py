"""A seeded generator of labelled UK workplace chat for measuring detection (issue 5).

Every message is synthetic: made-up names, Ofcom drama-range and random UK-shaped numbers,
mod-11-valid NHS numbers, NINOs, postcodes, addresses and dates of birth, mixed with non-PII
distractors that trip detectors ("NHS backlog", "NI contributions", "P45", ticket numbers,
money, weekdays). Names appear in every chat surface form: "First Last", first name only,
lower-case, ALL CAPS, title + surname, surname only. One generated person is the requester,
who appears among the third parties; some people are "known to the case" (in its people table)
and the others are not.

Usage as a module: ``corpus = generate(10_000, seed=5)``; ``python benchmarks/detect_corpus.py``
prints a sample.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words("""
Aisha Amir Anna Bethan Callum Chloe Ciaran Daniel Dev Eilidh Emeka Fatima Fiona Gareth
Hamish Hannah Imran Isla Jamal Joanne Kiran Lewis Lucy Mohammed Megan Nadia Niamh Oliver Owen Priya
Rhys Rosie Sanjay Sarah Siobhan Tariq Tom Una Wojciech Yasmin Zainab Agnieszka Declan Graham Leanne
Marcus Orla Patrick Ruth Sean Shona Stuart Theo Vikram""")
LAST = _words("""
Ahmed Bailey Campbell Chowdhury Davies Doyle Evans Fraser Gallagher Hughes Iqbal Jones
Kaur Kowalski Lloyd MacLeod Mensah Murphy Nowak Okafor OBrien Patel Quinn Rahman Reid Robertson
Shah Singh Sutherland Thomas Walsh Williams Wright Young Begum Clarke Dunn Ellis Forsyth Hussain
Jenkins Kelly McAllister Noor Owusu Parry Rees Stewart Vaughan Whitfield""")
STREETS = _words("High Mill Church Station Victoria Albert Park Queen King Beech Oak Elm Chapel")
SUFFIXES = _words("Street Road Lane Avenue Drive Close Way Crescent Gardens Terrace")
TOWNS = _words("Leeds Bradford Sheffield Bolton Cardiff Swansea Glasgow Dundee Belfast Derby")
DOMAINS = _words("example.org example.com example.net council.example.gov.uk nhs.example.net")
POSTCODE_AREAS = _words("LS BD S BL CF SA G DD BT DE M B L EH SW1A N1 E14")
MONTHS = _words("January February March April May June July August September October November")

DISTRACTORS = [
    "ticket INC-{n6} is still open",
    "the NHS backlog is getting worse",
    "NI contributions go up in April",
    "can HR send the P45 today",
    "the P45 pls",
    "invoice for £{n3}.50 came through",
    "on Monday",
    "by Friday",
    "next week",
    "within 20 working days",
    "the {town} office",
    "room 4.{n2}",
    "order ref 88{n6}",
    "ext {n4}",
    "version 2.{n2}.1",
    "the Q3 numbers",
    "PO number 45{n6}",
]
TEMPLATES = [
    "hi {p}, can you {task}?",
    "{p} said {dist}",
    "thanks {p}, {dist}",
    "cc {p}",
    "has anyone heard from {p}? {dist}",
    "{p} is off sick today",
    "tell {p} that {dist}",
    "{p} and {p2} are covering the desk",
    "ask {p} about it",
    "meeting with {p} at 3",
    "{p}'s number is {phone}",
    "you can reach {p} on {phone}",
    "ring {phone} if urgent",
    "{p} moved to {addr}, {postcode}",
    "new address for {p}: {addr} {postcode}",
    "email {email} about {dist}",
    "{p} email is {email}",
    "send it to {email} pls",
    "{p} NHS number {nhs}",
    "NHS no {nhs} for {p}",
    "NI number for {p} is {nino}",
    "{p} NINO {nino}",
    "{p} DOB {dob}",
    "{p} d.o.b {dob}",
    "date of birth: {dob} ({p})",
    "{p} was born on {dob}",
    "postcode is {postcode}",
    "she lives near {postcode}",
    "{p} complained about {p2} again",
    "did {p} reply? {dist}",
    "morning {p}",
    "{P} TO CALL BACK ON {phone}",
    "{p} left a voicemail for {p2}",
    "{dist}, {p} knows",
    "lunch with {p}?",
    "{p} wants the file by {day}",
    "agree with {p} on this one",
]
TASKS = ["check the rota", "update the log", "chase the landlord", "book the room", "file it"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass(frozen=True)
class GoldSpan:
    """A labelled span: type, offsets, and for names whose person it is."""

    entity_type: str
    start: int
    end: int
    person: int | None = None  # index into Corpus.people
    form: str = ""


@dataclass(frozen=True)
class FakePerson:
    """A generated person."""

    first: str
    last: str
    phone: str
    email: str
    known: bool
    requester: bool = False
    title: str = "Mx"


@dataclass
class LabelledMessage:
    """One message and its gold spans."""

    text: str
    spans: list[GoldSpan] = field(default_factory=list)


@dataclass
class Corpus:
    """The generated people and messages."""

    people: list[FakePerson]
    messages: list[LabelledMessage]


def nhs_number(rng: random.Random) -> str:
    """A random NHS number with a valid mod-11 check digit."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        digits[0] = rng.randint(4, 9)
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check == 10:
            continue
        check = 0 if check == 11 else check
        raw = "".join(map(str, digits)) + str(check)
        return rng.choice([f"{raw[:3]} {raw[3:6]} {raw[6:]}", raw])


def nino(rng: random.Random) -> str:
    """A NINO-shaped string with an allowed prefix."""
    while True:  # HMRC never issues BG, GB, KN, NK, NT, TN or ZZ
        first = rng.choice("ABCEGHJKLMNPRSTWXYZ")
        second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
        if first + second not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    digits = "".join(rng.choice(string.digits) for _ in range(6))
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{first}{second} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return f"{first}{second}{digits}{suffix}"


def postcode(rng: random.Random) -> str:
    """A UK postcode (8% written in lower case)."""
    area = rng.choice(POSTCODE_AREAS)
    full = area in ("SW1A", "N1", "E14")  # already a complete outward code
    outward = area if full else f"{area}{rng.randint(1, 29)}"
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    code = f"{outward} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    return code.lower() if rng.random() < 0.08 else code


def phone(rng: random.Random) -> str:
    """A UK number in one of the common written forms (about 11% in Ofcom's drama range)."""
    roll = rng.random()
    if roll < 0.11:
        n = f"{rng.randint(0, 999):03d}"
        return rng.choice([f"07700 900{n}", f"+44 7700 900{n}"])
    mobile = f"7{rng.choice('3456789')}{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}"
    forms = [
        f"0{mobile[:4]} {mobile[4:]}",
        f"0{mobile}",
        f"+44 {mobile[:4]} {mobile[4:]}",
        f"(0113) 496 0{rng.randint(0, 999):03d}",
        f"020 7946 0{rng.randint(0, 999):03d}",
        f"0113 496 0{rng.randint(0, 999):03d}",
        f"0161 496 0{rng.randint(0, 999):03d}",
    ]
    return rng.choice(forms)


def dob(rng: random.Random) -> str:
    """A date of birth in a common written form."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 11), rng.randint(1950, 2004)
    return rng.choice(
        [
            f"{day:02d}/{month:02d}/{year}",
            f"{day} {MONTHS[month - 1]} {year}",
            f"{day}/{month}/{year}",
        ]
    )


def address(rng: random.Random) -> str:
    """A street address, sometimes with a flat number."""
    street = f"{rng.randint(1, 220)} {rng.choice(STREETS)} {rng.choice(SUFFIXES)}"
    return f"Flat {rng.randint(1, 12)}, {street}" if rng.random() < 0.25 else street


def make_people(rng: random.Random, n: int = 60, known_share: float = 0.5) -> list[FakePerson]:
    """Distinct people; the first is the requester, about half are known to the case."""
    pairs = rng.sample([(f, last) for f in FIRST for last in LAST], n * 3)
    people: list[FakePerson] = []
    firsts: set[str] = set()
    for first, last in pairs:
        if first in firsts:  # one person per first name keeps "first name only" labels honest
            continue
        firsts.add(first)
        idx = len(people)
        email = f"{first.lower()}.{last.lower()}@{rng.choice(DOMAINS)}"
        people.append(
            FakePerson(
                first,
                last,
                phone(rng),
                email,
                known=idx == 0 or rng.random() < known_share,
                requester=idx == 0,
                title=rng.choice(["Mr", "Mrs", "Ms", "Dr"]),
            )
        )
        if len(people) == n:
            break
    return people


def name_form(rng: random.Random, person: FakePerson) -> tuple[str, str]:
    """A surface form of a person's name and its label."""
    roll = rng.random()
    if roll < 0.30:
        return f"{person.first} {person.last}", "first-last"
    if roll < 0.65:
        return person.first, "first-only"
    if roll < 0.80:
        return person.first.lower(), "lower-case"
    if roll < 0.87:
        return f"{person.first} {person.last}".upper(), "all-caps"
    if roll < 0.95:
        return f"{person.title} {person.last}", "title-surname"
    return person.last, "surname-only"


class _Builder:
    """Fills one template, recording where each value lands."""

    def __init__(self, rng: random.Random, people: list[FakePerson]) -> None:
        self.rng, self.people = rng, people
        self.text = ""
        self.spans: list[GoldSpan] = []

    def add(
        self, value: str, entity: str | None = None, person: int | None = None, form: str = ""
    ) -> None:
        if entity:
            self.spans.append(
                GoldSpan(entity, len(self.text), len(self.text) + len(value), person, form)
            )
        self.text += value

    def pick(self) -> int:
        # The requester is in roughly one message in eight; the rest are third parties.
        if self.rng.random() < 0.12:
            return 0
        return self.rng.randrange(1, len(self.people))

    def fill(self, template: str) -> None:
        parts = template.replace("{", "\0{").replace("}", "}\0").split("\0")
        chosen: dict[str, int] = {}
        for part in parts:
            if not (part.startswith("{") and part.endswith("}")):
                self.add(part)
                continue
            self._slot(part[1:-1], chosen)

    def _slot(self, slot: str, chosen: dict[str, int]) -> None:
        rng = self.rng
        if slot in ("p", "p2", "P"):
            who = chosen.setdefault(slot, self.pick())
            value, form = name_form(rng, self.people[who])
            if slot == "P":
                value, form = value.upper(), "all-caps"
            self.add(value, "PERSON", who, form)
        elif slot in ("phone", "email"):
            who = chosen.get("p", self.pick())
            person = self.people[who]
            self.add(
                person.phone if slot == "phone" else person.email,
                "PHONE_NUMBER" if slot == "phone" else "EMAIL_ADDRESS",
                who,
            )
        elif slot == "nhs":
            self.add(nhs_number(rng), "UK_NHS", chosen.get("p"))
        elif slot == "nino":
            self.add(nino(rng), "UK_NINO", chosen.get("p"))
        elif slot == "postcode":
            self.add(postcode(rng), "UK_POSTCODE", chosen.get("p"))
        elif slot == "addr":
            self.add(address(rng), "STREET_ADDRESS", chosen.get("p"))
        elif slot == "dob":
            self.add(dob(rng), "DATE_OF_BIRTH", chosen.get("p"))
        elif slot == "dist":
            self.fill(rng.choice(DISTRACTORS))
        elif slot == "task":
            self.add(rng.choice(TASKS))
        elif slot == "day":
            self.add(rng.choice(DAYS))
        elif slot == "town":
            self.add(rng.choice(TOWNS))
        elif slot.startswith("n") and slot[1:].isdigit():
            self.add("".join(rng.choice(string.digits) for _ in range(int(slot[1:]))))
        else:  # pragma: no cover - a template typo
            raise KeyError(slot)


def generate(n: int = 10_000, seed: int = 5, people: int = 60) -> Corpus:
    """Generate `n` labelled messages (deterministic for a given seed)."""
    rng = random.Random(seed)
    folks = make_people(rng, people)
    messages: list[LabelledMessage] = []
    for _ in range(n):
        builder = _Builder(rng, folks)
        for i in range(rng.choice([1, 1, 2, 2, 3])):
            if i:
                builder.add(rng.choice([". ", " - ", ", also ", "\n"]))
            builder.fill(rng.choice(TEMPLATES if rng.random() < 0.8 else DISTRACTORS))
        messages.append(LabelledMessage(builder.text, builder.spans))
    return Corpus(folks, messages)


if __name__ == "__main__":
    corpus = generate(20, seed=1)
    for message in corpus.messages:
        print(message.text)
        for span in message.spans:
            print("   ", span.entity_type, repr(message.text[span.start : span.end]), span.form)
