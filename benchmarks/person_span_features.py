"""Generic features of a PERSON proposal, for the learned "is this a person" check (issue 15).

Each proposal is described without its words: which recogniser found it and how sure it was,
the shape of its letters, whether its words are in the shipped name, place and English-word
lists, the closed classes of word around it (title or role before, article, preposition,
verb-ish or kind word after, sentence start), and how the same words behave across the case
(how often proposed, in how many different contexts, in lower case, as part of a full name).
No feature is a word's identity, so what is learned carries to text nobody here wrote.
Measured, not shipped: see benchmarks/README.md, "Person span classifier (cls15)".
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sar_desk.core.findings import Finding
from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.cues import AUXILIARIES, RELATIONS, ROLES
from sar_desk.detect.languages import is_foreign_word
from sar_desk.detect.posts import is_post
from sar_desk.detect.words import TITLES, VERBS

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ARTICLES = _set("the a an this that these those my your his her our their its some any no")
_PREPOSITIONS = _set(
    "in at on to from with by for of into onto near via about over under behind beside"
)
_PAST = _set("went came said told left rang took saw gave did was is has had")
# A relation, role, title or post in the span itself ("Mum", "Aunt Bessie", "Nurse").
_PEOPLE_WORDS = RELATIONS | ROLES | HONORIFICS | TITLES
_RECOGNISERS = (
    "SpacyRecognizer",
    "NameListRecognizer",
    "CasePropagation",
    "NicknameRecognizer",
    "ChatNameRecognizer",
)
FEATURES: tuple[str, ...] = (
    "bias",
    *(f"by_{r}" for r in _RECOGNISERS),
    "by_other",
    "score",
    "one_word",
    "two_words",
    "title_case",
    "lower_case",
    "all_caps",
    "first_is_given_name",
    "last_is_surname",
    "all_listed_names",
    "english_share",
    "common_share",
    "word_name",
    "place",
    "foreign",
    "post",
    "people_word",
    "word_not_name",
    "mention",
    "title_before",
    "role_before",
    "article_before",
    "preposition_before",
    "possessive_before",
    "sentence_start",
    "capital_before",
    "possessive_after",
    "verb_after",
    "kind_word_after",
    "article_after",
    "capital_after",
    "end_after",
    "short_message",
    "log_messages",
    "context_variety",
    "lower_share_case",
    "in_full_name",
    "ner_share_case",
)


@dataclass
class CaseStats:
    """How each proposed PERSON word behaves across the case (keys are case-folded words)."""

    messages: dict[str, set[int]] = field(default_factory=dict)
    before: dict[str, set[str]] = field(default_factory=dict)
    lower: dict[str, int] = field(default_factory=dict)
    ner: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    in_full: set[str] = field(default_factory=set)


def _key(value: str) -> str:
    return " ".join(value.split()).casefold()


def _prev_word(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30) : start])
    return words[-1] if words else ""


def case_stats(found: Sequence[Finding], texts: Mapping[int, str]) -> CaseStats:
    """Tally the PERSON proposals of a case by their words (one pass, dictionaries only)."""
    s = CaseStats()
    for f in found:
        if f.entity_type != "PERSON" or f.start is None:
            continue
        key = _key(f.text)
        text = texts.get(int(f.message_id), "")
        s.messages.setdefault(key, set()).add(int(f.message_id))
        s.before.setdefault(key, set()).add(_prev_word(text, f.start).casefold())
        s.total[key] = s.total.get(key, 0) + 1
        s.lower[key] = s.lower.get(key, 0) + (f.text == f.text.lower())
        s.ner[key] = s.ner.get(key, 0) + (f.recognizer == "SpacyRecognizer")
        words = key.split()
        if len(words) > 1:
            s.in_full.update(words)
    return s


def _shape(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "caps"
    if word[:1].isupper():
        return "title"
    return "lower" if word.islower() else "mixed"


def features(f: Finding, text: str, stats: CaseStats) -> list[float]:
    """The `FEATURES` of one TEXT PERSON proposal `f` in its message `text`."""
    gaz = gazetteer.current()
    start, end = f.start or 0, f.end or 0
    words = _WORD.findall(f.text) or [f.text]
    folded = [w.casefold().strip("'’-") for w in words]
    shapes = [_shape(w) for w in words]
    n = len(words)
    prev = _prev_word(text, start)
    head = text[max(0, start - 30) : start].rstrip()
    after = text[end : end + 30]
    nxt = _WORD.findall(after)
    nxt_word = nxt[0] if nxt else ""
    nxt_fold = nxt_word.casefold()
    key = _key(f.text)
    seen = stats.total.get(key, 1)
    listed = [gaz.is_first_name(w) or gaz.is_surname(w) for w in folded]
    english = sum(gaz.is_english(w) for w in folded) / n
    sentence_start = not head or head[-1] in ".!?:\n" or head.endswith(("-", "*"))
    by = [float(f.recognizer == r) for r in _RECOGNISERS]
    return [
        1.0,
        *by,
        float(not any(by)),
        f.score,
        float(n == 1),
        float(n == 2),
        float(all(s == "title" for s in shapes)),
        float(all(s == "lower" for s in shapes)),
        float(any(s == "caps" for s in shapes)),
        float(gaz.is_first_name(folded[0])),
        float(n > 1 and gaz.is_surname(folded[-1])),
        float(all(listed)),
        english,
        sum(gaz.is_common_word(w) for w in folded) / n,
        float(any(gaz.is_word(w) for w in folded)),
        float(gaz.is_place(f.text) or gaz.is_village(f.text) or gaz.is_word_place(f.text)),
        float(any(is_foreign_word(w) for w in folded)),
        float(is_post(f.text)),
        float(any(w in _PEOPLE_WORDS for w in folded)),
        float(any(gaz.is_english(w) and not ok for w, ok in zip(folded, listed, strict=True))),
        float(f.text.startswith("@") or head.endswith("@")),
        float(prev.casefold().rstrip(".") in TITLES | HONORIFICS),
        float(prev.casefold() in ROLES | RELATIONS),
        float(prev.casefold() in _ARTICLES),
        float(prev.casefold() in _PREPOSITIONS),
        float(head.endswith(("'s", "’s"))),
        float(sentence_start),
        float(not sentence_start and prev[:1].isupper()),
        float(after.startswith(("'s", "’s"))),
        float(nxt_fold in VERBS or nxt_fold in AUXILIARIES or nxt_fold in _PAST),
        float(
            nxt_word.islower()
            and gaz.is_english(nxt_fold)
            and not gaz.is_first_name(nxt_fold)
            and nxt_fold not in AUXILIARIES | VERBS | _PAST
        ),
        float(nxt_fold in _ARTICLES),
        float(nxt_word[:1].isupper()),
        float(not after.strip() or after.lstrip()[:1] in ".!?,\n"),
        float(len(text.split()) <= 4),
        math.log1p(len(stats.messages.get(key, ()))),
        len(stats.before.get(key, ())) / seen,
        stats.lower.get(key, 0) / seen,
        float(n == 1 and key in stats.in_full),
        stats.ner.get(key, 0) / seen,
    ]
