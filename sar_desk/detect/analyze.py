"""Batch detection: texts in, `core.Finding` proposals out (house-style §7).

The case-independent part (spaCy NER and every recogniser) runs once per distinct text through
``nlp.pipe`` batches and is cached by text, so repeated messages ("ok", forwarded notices) cost
nothing. The case-aware part (deny-list, structure, overlap resolution, regime policy) is cheap
and runs in the calling process, so a worker pool only ever ships texts and spans.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.identity import name_key
from sar_desk.core.model import Message, MessageId
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.policy import apply_policy, build_allow_list
from sar_desk.detect.resolve import NAME_LIKE, resolve
from sar_desk.detect.structure import header_findings, text_findings
from sar_desk.detect.words import PLACE_WORDS, looks_like_name

logger = logging.getLogger(__name__)

DENY_LIST = "CaseDenyList"
_NER = "SpacyRecognizer"


@dataclass(frozen=True, slots=True)
class RawSpan:
    """One recogniser result, detached from Presidio (picklable, cacheable)."""

    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str


class Detector(Protocol):
    """Anything that turns texts into raw spans: the in-process engine or a worker pool."""

    drop_entities: frozenset[str]
    structured_entities: frozenset[str]
    version: str

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        """Raw spans for each text, in order."""
        ...

    def close(self) -> None:
        """Release workers, if any."""
        ...


class ResultCache:
    """Raw spans by text, shared across batches (bounded so memory stays flat)."""

    def __init__(self, max_entries: int = 200_000) -> None:
        self._spans: dict[str, tuple[RawSpan, ...]] = {}
        self._max = max_entries
        self.hits = 0

    def lookup(self, detector: Detector, texts: Iterable[str]) -> dict[str, tuple[RawSpan, ...]]:
        """Spans of every text, running `detector` only on texts not seen before."""
        wanted = list(dict.fromkeys(texts))
        missing = [t for t in wanted if t not in self._spans]
        self.hits += len(wanted) - len(missing)
        if missing:
            if len(self._spans) + len(missing) > self._max:
                self._spans.clear()
            self._spans.update(zip(missing, detector.detect(missing), strict=True))
        return {t: self._spans[t] for t in wanted}


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a name span to its name: NER often swallows "hi", "thanks" or a trailing "'s"."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and not looks_like_name(words[0].group(0).strip(",.:;!?")):
        words.pop(0)
    while len(words) > 1 and not looks_like_name(words[-1].group(0).strip(",.:;!?")):
        words.pop()
    if not words:
        return start, end
    new_start, new_end = start + words[0].start(), start + words[-1].end()
    while new_end > new_start and not (text[new_end - 1].isalnum()):
        new_end -= 1
    if text[new_start:new_end].endswith(("'s", "’s")):
        new_end -= 2
    return (new_start, new_end) if new_end > new_start else (start, end)


def _text_findings(
    message_id: MessageId, text: str, spans: Sequence[RawSpan], context: CaseContext
) -> list[Finding]:
    found = []
    for s in spans:
        start, end = s.start, s.end
        if s.entity_type == "PERSON" and s.recognizer == _NER:
            if any(ch.isdigit() for ch in text[start:end]):
                continue  # ticket numbers and references, never a name
            start, end = trim_span(text, start, end)
        found.append(
            Finding(
                message_id,
                ProposalField.TEXT,
                start,
                end,
                text[start:end],
                s.entity_type,
                round(s.score, 3),
                s.recognizer,
            )
        )
    for hit in context.matcher.find(text):
        ids = hit.person_ids
        person = next(iter(ids)) if len(ids) == 1 else None
        score = 0.95 if hit.kind != "propagated" else 0.8
        found.append(
            Finding(
                message_id,
                ProposalField.TEXT,
                hit.start,
                hit.end,
                text[hit.start : hit.end],
                hit.entity_type,
                score,
                DENY_LIST,
                "",
                person,
            )
        )
    return found


def analyze_batch(
    detector: Detector,
    items: Sequence[tuple[MessageId, str]],
    context: CaseContext,
    cache: ResultCache | None = None,
    messages: Sequence[Message] = (),
) -> list[Finding]:
    """Propose findings for a batch of message texts.

    Args:
        detector: The engine (`engine.Analyzer` via `InProcessDetector`) or a `DetectionPool`.
        items: ``(message_id, text)`` pairs, typically a few hundred.
        context: The case (regime, known people, requester aliases, propagated names).
        cache: Results by text, kept across batches to skip repeated texts.
        messages: The full messages, when available, for header and structural proposals.

    Returns:
        Resolved proposals, already filtered and explained by the regime policy.
    """
    cache = cache or ResultCache()
    spans = cache.lookup(detector, (text for _mid, text in items))
    raw: list[Finding] = []
    for message_id, text in items:
        raw += _text_findings(message_id, text, spans[text], context)
    for message in messages:
        raw += header_findings(message, context)
        raw += text_findings(message)
    resolved = resolve(raw, detector.structured_entities, detector.drop_entities)
    return apply_policy(resolved, context, build_allow_list(context), messages)


PROPAGATION_SOURCES = (_NER, "ChatNameRecognizer", "ContactCardRecognizer")
PROPAGATED = "CasePropagation"


def propagation_names(items: Iterable[tuple[int, str]], min_messages: int = 2) -> list[str]:
    """PERSON strings worth matching everywhere in the case (upstream #859's second pass).

    Args:
        items: ``(message_id, text)`` of PERSON findings made by `PROPAGATION_SOURCES`.
        min_messages: In how many different messages a name must have been found, so that a
            single NER mistake is not copied across the case.

    Returns:
        Names (and each word of multi-word names) that look like names and are not street words.
    """
    seen: dict[str, set[int]] = {}
    shown: dict[str, str] = {}
    for message_id, text in items:
        words = text.lstrip("@").split()
        if not words or not all(
            looks_like_name(w) and w.casefold() not in PLACE_WORDS for w in words
        ):
            continue
        for candidate in {" ".join(words), *words}:
            key = name_key(candidate)
            seen.setdefault(key, set()).add(int(message_id))
            if _title_case(candidate):
                shown[key] = candidate
    # Only names seen written as names ("Priya", not "NHS" or "reply") are spread.
    return sorted(shown[k] for k, ids in seen.items() if len(ids) >= min_messages and k in shown)


def _title_case(value: str) -> bool:
    return all(w[:1].isupper() and any(c.islower() for c in w[1:]) for w in value.split())


def propagation_items(found: Iterable[Finding]) -> list[tuple[int, str]]:
    """The ``(message_id, text)`` pairs `propagation_names` learns from."""
    return [
        (int(f.message_id), f.text)
        for f in found
        if f.entity_type == "PERSON"
        and f.field == ProposalField.TEXT
        and f.recognizer in PROPAGATION_SOURCES
    ]


@dataclass(frozen=True, slots=True)
class Propagation:
    """What the second pass adds: new findings, and NER places that are really names.

    Attributes:
        new: Occurrences of propagated names not yet covered by any finding.
        relabelled: ``(old, new)`` pairs: a LOCATION/NRP finding whose text is a propagated
            name, and the same finding as PERSON (``old.id`` is set when it came from the store).
    """

    new: list[Finding]
    relabelled: list[tuple[Finding, Finding]]


def propagate_batch(
    items: Sequence[tuple[MessageId, str]],
    context: CaseContext,
    existing: Iterable[Finding],
) -> Propagation:
    """Second pass over some messages with the case's propagated names.

    Idempotent: a span overlapping any existing finding of its message is not added again, so
    running it again after a cancel adds nothing twice.
    """
    by_message: dict[int, list[Finding]] = {}
    for f in existing:
        if f.field == ProposalField.TEXT:
            by_message.setdefault(int(f.message_id), []).append(f)
    new: list[Finding] = []
    relabelled: list[tuple[Finding, Finding]] = []
    for message_id, text in items:
        have = by_message.get(int(message_id), [])
        for hit in context.matcher.find(text):
            if hit.kind != "propagated":
                continue
            f = Finding(
                message_id,
                ProposalField.TEXT,
                hit.start,
                hit.end,
                text[hit.start : hit.end],
                "PERSON",
                0.8,
                PROPAGATED,
            )
            clashes = [h for h in have if f.overlaps(h)]
            if not clashes:
                new.append(f)
                have.append(f)
            for old in clashes:
                if old.entity_type in NAME_LIKE and (old.start, old.end) == (f.start, f.end):
                    relabelled.append((old, replace(old, entity_type="PERSON")))
    new = apply_policy(new, context, build_allow_list(context))
    return Propagation(new, relabelled)


def analyze_all(
    detector: Detector,
    items: Sequence[tuple[MessageId, str]],
    context: CaseContext,
    batch_size: int = 256,
    messages: Sequence[Message] = (),
) -> list[Finding]:
    """Both passes over an in-memory set of messages (the evaluation and benchmark use this).

    The detection job does the same with the store in between, page by page.
    """
    cache = ResultCache()
    by_id = {m.id: m for m in messages}
    found: list[Finding] = []
    for i in range(0, len(items), batch_size):
        batch = items[i : i + batch_size]
        extra = [by_id[mid] for mid, _text in batch if mid in by_id]
        found += analyze_batch(detector, batch, context, cache, messages=extra)
    names = propagation_names(propagation_items(found))
    if names:
        second = propagate_batch(items, context.with_propagated(names), found)
        swap = {id(old): new for old, new in second.relabelled}
        found = [swap.get(id(f), f) for f in found] + second.new
    return found
