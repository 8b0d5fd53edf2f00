"""Seeded generator for evaluation corpus v2 (issue 15), from ``tests/data/eval/``.

The templates and lexicon were written before the recognisers were changed and are never
edited to fit them (see ``tests/data/eval/README.md``). This module only fills slots: each seed
draws a new cast (requester, staff, known third parties, residents who are strangers to the
case) and new identifiers, and every gold span's offsets are recorded as the text is built.

Usage: ``corpus = generate(2000, seed=1)``; ``python benchmarks/eval_corpus.py`` prints a sample.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"
_SLOT = re.compile(r"\{(\w+)\}|\[\[(pos|neg):([^|\]]+)\|([^\]]+)\]\]")
# Accounts an export creates that are not people: they sit in the people table like anyone.
PLACEHOLDER_ACCOUNTS = ("Deleted User", "Author 1", "You", "🌸🌸🌸", "Hello World")
UNISSUED_PREFIXES = ("QQ", "TN", "ZZ", "BG", "GB", "NK", "KN", "NT", "FY", "DA", "OO")


@dataclass(frozen=True)
class Gold:
    """A labelled span. `entity_type` "NEG" marks text that must not be proposed."""

    entity_type: str
    start: int
    end: int
    form: str = ""
    person: int | None = None


@dataclass(frozen=True)
class Person:
    """One of the cast."""

    first: str
    last: str
    role: str  # requester | staff | kin | resident
    title: str

    @property
    def full(self) -> str:
        """First and last name."""
        return f"{self.first} {self.last}"


@dataclass
class Message:
    """A generated message with its register and gold spans."""

    register: str
    text: str
    spans: list[Gold] = field(default_factory=list)


@dataclass
class Corpus:
    """People, placeholder accounts and messages of one seed."""

    people: list[Person]
    messages: list[Message]
    placeholders: tuple[str, ...] = PLACEHOLDER_ACCOUNTS


def _lexicon(data: Path = DATA) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    section = ""
    for line in (data / "lexicon.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
            out[section] = []
        elif line.strip() and not line.startswith("#"):
            out[section].append(line.strip())
    return out


def _templates(data: Path = DATA) -> list[tuple[str, str]]:
    rows = []
    for line in (data / "templates.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            register, template = line.split("\t", 1)
            rows.append((register, template))
    return rows


def _cast(rng: random.Random, lex: dict[str, list[str]]) -> list[Person]:
    firsts = rng.sample(lex["first"], 19)
    lasts = rng.sample(lex["last"], 19)
    roles = ["requester"] + ["staff"] * 6 + ["kin"] * 2 + ["resident"] * 10
    return [
        Person(f, la, role, rng.choice(lex["staff_title"]))
        for f, la, role in zip(firsts, lasts, roles, strict=True)
    ]


def _mobile(rng: random.Random) -> str:
    while True:
        digits = f"7{rng.choice('4578')}{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}"
        if phonenumbers.is_valid_number(phonenumbers.parse("0" + digits, "GB")):
            return digits


class _Filler:
    """Fills one template's slots; written forms vary by seed."""

    def __init__(self, rng: random.Random, lex: dict[str, list[str]], people: list[Person]):
        self.rng, self.lex, self.people = rng, lex, people
        self.residents = [i for i, p in enumerate(people) if p.role == "resident"]
        self.staff = [i for i, p in enumerate(people) if p.role == "staff"]
        self.kin = [i for i, p in enumerate(people) if p.role == "kin"]
        # Some residents come up far more often than others, as in a real case.
        self.weights = [1.0 / (k + 1) for k in range(len(self.residents))]

    def _resident(self) -> int:
        return self.rng.choices(self.residents, self.weights)[0]

    def person(self, slot: str, used: set[int]) -> tuple[str, str, int]:
        """Written form, form tag and person index for a person slot."""
        rng = self.rng
        if slot in ("res", "res2", "resfull"):
            pool = [i for i in self.residents if i not in used] or self.residents
            idx = self._resident() if slot == "res" and not used else rng.choice(pool)
        elif slot == "staff":
            idx = rng.choice(self.staff)
        elif slot in ("kin", "initials"):
            idx = rng.choice(self.kin)
        else:
            idx = 0
        p = self.people[idx]
        if slot == "initials":
            return p.first[0] + p.last[0], "initials", idx
        if slot == "resfull":
            forms = [("First Last", p.full), ("first last", p.full.lower())]
            weights = [0.6, 0.4]
        elif slot == "req":
            forms, weights = [("First Last", p.full), ("First", p.first)], [0.5, 0.5]
        elif slot == "staff":
            forms = [
                ("First", p.first),
                ("first", p.first.lower()),
                ("First Last", p.full),
                ("first last", p.full.lower()),
            ]
            weights = [0.4, 0.3, 0.2, 0.1]
        else:
            forms = [
                ("First Last", p.full),
                ("first last", p.full.lower()),
                ("First", p.first),
                ("first", p.first.lower()),
                ("Title Last", f"{p.title} {p.last}"),
            ]
            weights = [0.25, 0.15, 0.3, 0.15, 0.15]
        form, text = rng.choices(forms, weights)[0]
        return text, form, idx

    def value(self, slot: str) -> tuple[str, str]:
        """Written value and gold type of a non-person slot."""
        rng, lex = self.rng, self.lex
        if slot == "town":
            return rng.choice(lex["town"]), "LOCATION"
        if slot == "street":
            house = f"{rng.randint(1, 140)}{rng.choice(['', '', '', 'a', 'b'])}"
            base = f"{house} {rng.choice(lex['street'])}"
            if rng.random() < 0.2:
                base = f"Flat {rng.randint(1, 12)}, {base}"
            return base, "STREET_ADDRESS"
        if slot == "postcode":
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            code = f"{rng.choice(lex['postcode_outward'])} {rng.randint(0, 9)}"
            code += rng.choice(letters) + rng.choice(letters)
            roll = rng.random()
            if roll < 0.15:
                code = code.lower()
            elif roll < 0.25:
                code = code.replace(" ", "")
            return code, "UK_POSTCODE"
        if slot == "passport":
            return str(rng.randint(100_000_000, 999_999_999)), "UK_PASSPORT"
        if slot == "nino":
            if rng.random() < 0.34:
                prefix = rng.choice(UNISSUED_PREFIXES)
            else:
                prefix = rng.choice("ABCEHJKLMPRSTWXYZ") + rng.choice("ABCEHJKLMNPRSTWXYZ")
            digits = f"{rng.randint(0, 999999):06d}"
            suffix = rng.choice("ABCD")
            if rng.random() < 0.5:
                return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}", "UK_NINO"
            return f"{prefix}{digits}{suffix}", "UK_NINO"
        if slot == "phone":
            m = _mobile(rng)
            return rng.choice([f"0{m[:4]} {m[4:]}", f"0{m}", f"+44 {m[:4]} {m[4:]}"]), (
                "PHONE_NUMBER"
            )
        if slot == "m447":
            return f"@44{_mobile(rng)}", "PHONE_NUMBER"
        if slot == "email":
            p = self.people[self._resident()]
            sep = rng.choice([".", "_", ""])
            local = f"{p.first}{sep}{p.last}".lower()
            return f"{local}@{rng.choice(lex['domain'])}", "EMAIL_ADDRESS"
        if slot == "coords":
            lat = f"{rng.uniform(50.0, 58.6):.6f}"
            lon = f"{rng.uniform(-6.0, 1.7):.6f}"
            url = rng.choice(
                [
                    f"https://maps.google.com/?q={lat},{lon}",
                    f"https://www.google.com/maps/place/{lat},{lon}",
                    f"https://maps.google.com/maps?q={lat}%2C{lon}&z=17&hl=en",
                    f"location: https://maps.google.com/?q={lat},{lon}",
                ]
            )
            return url, "NEG:coordinates"
        if slot == "file":
            kind, ext = rng.choice(
                [("PTT", "opus"), ("IMG", "jpg"), ("VID", "mp4"), ("AUD", "m4a"), ("DOC", "pdf")]
            )
            day = f"20{rng.randint(17, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            return f"{kind}-{day}-WA{rng.randint(0, 9999):04d}.{ext}", "NEG:filename"
        if slot == "task":
            return rng.choice(lex["task"]), ""
        raise KeyError(slot)


_PERSON_SLOTS = ("res", "res2", "resfull", "staff", "kin", "initials", "req")


def _fill(register: str, template: str, filler: _Filler) -> Message:
    text, spans, used, pos = "", [], set(), 0
    for match in _SLOT.finditer(template):
        text += template[pos : match.start()]
        pos = match.end()
        start = len(text)
        if match.group(2):  # inline [[pos:TYPE|text]] / [[neg:CATEGORY|text]]
            value = match.group(4)
            kind = "NEG" if match.group(2) == "neg" else match.group(3)
            form = match.group(3) if match.group(2) == "neg" else "inline"
            text += value
            spans.append(Gold(kind, start, len(text), form))
            continue
        slot = match.group(1)
        if slot in _PERSON_SLOTS:
            value, form, idx = filler.person(slot, used)
            used.add(idx)
            text += value
            kind = "REQUESTER" if slot == "req" else "PERSON"
            spans.append(Gold(kind, start, len(text), form, idx))
            continue
        value, kind = filler.value(slot)
        text += value
        if kind.startswith("NEG:"):
            spans.append(Gold("NEG", start, len(text), kind[4:]))
        elif kind:
            spans.append(Gold(kind, start, len(text), slot))
    text += template[pos:]
    return Message(register, text, spans)


def generate(n: int, seed: int = 1, data: Path = DATA) -> Corpus:
    """`n` labelled messages for one seed (templates drawn uniformly) from the corpus in `data`."""
    rng = random.Random(seed)
    lex = _lexicon(data)
    people = _cast(rng, lex)
    filler = _Filler(rng, lex, people)
    templates = _templates(data)
    messages = [_fill(*rng.choice(templates), filler) for _ in range(n)]
    return Corpus(people, messages)


if __name__ == "__main__":
    corpus = generate(30, seed=1)
    for person in corpus.people:
        print(person.role, person.full)
    for m in corpus.messages:
        print(f"[{m.register}] {m.text}")
        for g in m.spans:
            print(f"    {g.entity_type:<15}{g.form:<12}{m.text[g.start : g.end]!r}")
