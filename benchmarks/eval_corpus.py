"""Seeded generator for evaluation corpora v2-v4 (issue 15), from ``tests/data/eval*/``.

The templates and lexicon were written before the recognisers were changed and are never
edited to fit them (see ``tests/data/eval/README.md``). This module only fills slots: each seed
draws a new cast (requester, staff, known third parties, residents who are strangers to the
case) and new identifiers, and every gold span's offsets are recorded as the text is built.

v4 (``tests/data/eval-v4/``) adds slots (a third resident, streets with a suffix, landlines,
new mobile forms, NHS numbers, new coordinate and file-name shapes) and two options read from its
lexicon's ``## options`` section (whole-message lower case, typos); a corpus without options is
generated exactly as before.

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
    template: int = -1  # index in templates.txt (for scoring one half of the templates)


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
            # "\n" writes a line break inside one message (v4's pasted e-mails).
            rows.append((register, template.replace("\\n", "\n")))
    return rows


def halves(data: Path = DATA) -> dict[int, str]:
    """Template index -> "A" or "B": a fixed split for developing on one half of a corpus.

    Registers alternate A, B, ... in their order of first appearance; the mixed "noise" register
    (negatives and word uses of names) alternates template by template, so each half has some of
    every negative kind. The rule is mechanical, so nobody chooses which templates to tune on.
    """
    out: dict[int, str] = {}
    order: list[str] = []
    noise = 0
    for index, (register, _) in enumerate(_templates(data)):
        if register == "noise":
            out[index] = "AB"[noise % 2]
            noise += 1
            continue
        if register not in order:
            order.append(register)
        out[index] = "AB"[order.index(register) % 2]
    return out


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
        if slot in ("res", "res2", "res3", "resfull"):
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
        return self.value_v4(slot)

    def value_v4(self, slot: str) -> tuple[str, str]:
        """Slots added for corpus v4 (new written forms and shapes)."""
        rng, lex = self.rng, self.lex
        if slot == "road":
            house = f"{rng.randint(1, 220)}{rng.choice(['', '', '', 'A'])}"
            return f"{house} {rng.choice(lex['road'])}", "STREET_ADDRESS"
        if slot == "landline":
            prefix = rng.choice(lex["landline_prefix"])
            return f"{prefix}{rng.randint(0, 999):03d}", "PHONE_NUMBER"
        if slot == "mobile":
            m = _mobile(rng)
            forms = [f"0{m[:4]}-{m[4:7]}-{m[7:]}", f"(0{m[:4]}) {m[4:]}", f"+44{m}", f"0044 {m}"]
            return rng.choice(forms), "PHONE_NUMBER"
        if slot == "nhs":
            return _nhs(rng), "UK_NHS"
        if slot == "geo":
            lat = f"{rng.uniform(50.0, 58.6):.5f}"
            lon = f"{rng.uniform(-6.0, 1.7):.5f}"
            url = rng.choice(
                [
                    f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}",
                    f"geo:{lat},{lon}",
                    f"{lat}, {lon}",
                    f"https://goo.gl/maps/?ll={lat},{lon}",
                ]
            )
            return url, "NEG:coordinates"
        if slot == "media":
            day = f"20{rng.randint(17, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            clock = f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
            seq = f"{rng.randint(1, 99999):08d}"
            stamp = f"{day[:4]}-{day[4:6]}-{day[6:]}-{clock[:2]}-{clock[2:4]}-{clock[4:]}"
            name = rng.choice(
                [
                    f"IMG_{day}_{clock}.jpg",
                    f"Screenshot_{day}-{clock}.png",
                    f"{seq}-PHOTO-{stamp}.jpg",
                    f"{seq}-AUDIO-{stamp}.opus",
                    f"VID_{day}_{clock}.mp4",
                ]
            )
            return name, "NEG:filename"
        raise KeyError(slot)


def _nhs(rng: random.Random) -> str:
    """A mod-11 valid NHS number in one of three written forms."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check == 11:
            check = 0
        if check != 10:
            break
    s = "".join(map(str, digits)) + str(check)
    return rng.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}-{s[3:6]}-{s[6:]}"])


_WORD = re.compile(r"[A-Za-z]{5,}")


def _options(lex: dict[str, list[str]]) -> dict[str, float]:
    out = {}
    for line in lex.get("options", []):
        key, value = line.split()
        out[key] = float(value)
    return out


def _noise(message: Message, rng: random.Random, options: dict[str, float]) -> Message:
    """v4 options: lower-case the whole message, swap two letters of a word outside the gold."""
    text = message.text
    if rng.random() < options.get("lower", 0.0) and len(text.lower()) == len(text):
        text = text.lower()
    if rng.random() < options.get("typo", 0.0):
        free = [
            w
            for w in _WORD.finditer(text)
            if not any(w.start() < g.end and g.start < w.end() for g in message.spans)
        ]
        if free:
            w = rng.choice(free)
            i = rng.randint(w.start() + 1, w.end() - 3)
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return Message(message.register, text, message.spans, message.template)


_PERSON_SLOTS = ("res", "res2", "res3", "resfull", "staff", "kin", "initials", "req")


def _fill(register: str, template: str, filler: _Filler, index: int = -1) -> Message:
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
    return Message(register, text, spans, index)


def generate(n: int, seed: int = 1, data: Path = DATA) -> Corpus:
    """`n` labelled messages for one seed (templates drawn uniformly) from the corpus in `data`."""
    rng = random.Random(seed)
    lex = _lexicon(data)
    people = _cast(rng, lex)
    filler = _Filler(rng, lex, people)
    templates = _templates(data)
    messages = []
    for _ in range(n):
        index = rng.randrange(len(templates))  # the draw rng.choice makes
        messages.append(_fill(*templates[index], filler, index))
    options = _options(lex)
    if options:  # v4 only: corpora without options keep their exact random sequence
        messages = [_noise(m, rng, options) for m in messages]
    return Corpus(people, messages)


if __name__ == "__main__":
    corpus = generate(30, seed=1)
    for person in corpus.people:
        print(person.role, person.full)
    for m in corpus.messages:
        print(f"[{m.register}] {m.text}")
        for g in m.spans:
            print(f"    {g.entity_type:<15}{g.form:<12}{m.text[g.start : g.end]!r}")
