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
from sar_desk.core.model import ConversationId, Message, MessageId
from sar_desk.detect import gazetteer
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.mask import inside
from sar_desk.detect.mask import regions as mask_regions
from sar_desk.detect.policy import apply_policy, build_allow_list
from sar_desk.detect.propagate import PROPAGATION_SOURCES as PROPAGATION_SOURCES
from sar_desk.detect.propagate import (
    propagate_batch,
    propagation_items,
    propagation_names,
)
from sar_desk.detect.resolve import NAME_LIKE, resolve
from sar_desk.detect.structure import header_findings, text_findings
from sar_desk.detect.titles import title_carriers, title_findings
from sar_desk.detect.words import (
    ORG_WORDS,
    VERBS,
    is_ambiguous,
    is_not_a_name,
    looks_like_name,
    used_as_word,
)

logger = logging.getLogger(__name__)

DENY_LIST = "CaseDenyList"
_NER = "SpacyRecognizer"
# Recognisers that guess names from the model or the lists (not from the case or a structure).
_GUESSERS = frozenset({_NER, "NameListRecognizer"})


@dataclass(frozen=True, slots=True)
class RawSpan:
    """One recogniser result, detached from Presidio (picklable, cacheable)."""

    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str
    note: str = ""


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


def _name_word(word: str) -> bool:
    """A word that can be part of a name: name-like, or a listed name ("bob rang")."""
    gaz = gazetteer.current()
    return looks_like_name(word) or (
        word.isalpha() and (gaz.is_first_name(word) or gaz.is_surname(word))
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a name span to its name: NER often swallows "hi", "thanks" or a trailing "'s"."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and not _name_word(words[0].group(0).strip(",.:;!?")):
        words.pop(0)
    while len(words) > 1 and (
        not _name_word(last := words[-1].group(0).strip(",.:;!?")) or last.casefold() in VERBS
    ):
        words.pop()
    if not words:
        return start, end
    new_start, new_end = start + words[0].start(), start + words[-1].end()
    while new_end > new_start and not (text[new_end - 1].isalnum()):
        new_end -= 1
    if text[new_start:new_end].endswith(("'s", "’s")):
        new_end -= 2
    return (new_start, new_end) if new_end > new_start else (start, end)


_PLACE_CUE = re.compile(r"(?i)\b(?:in|to|from|near|at|of|outside|around|towards)\s+$")


def _relabel(text: str, start: int, end: int, entity: str, context: CaseContext) -> str | None:
    """NER's label for ``text[start:end]``, corrected by the lists; None: never personal data.

    A product, placeholder, filler word or an acronym ("Teams", "Lorem", "DoLS") is nobody;
    a UK town NER calls a person is a place ("Ludlow", "Fort William", "in Ely"), unless it is
    a known person's name; a given name NER calls a place is a person ("Eilidh" as LOCATION).
    """
    value = text[start:end].strip()
    words = value.split()
    if is_not_a_name(value) or (len(words) == 1 and sum(c.isupper() for c in value[1:]) >= 2):
        return None
    if _acronym(value, context):
        return None
    gaz = gazetteer.current()
    if entity == "PERSON" and gaz.is_place(value) and name_key(value) not in context.name_index:
        named = any(gaz.is_first_name(w) or gaz.is_surname(w) for w in words)
        cued = bool(_PLACE_CUE.search(text[max(0, start - 12) : start]))
        if len(words) > 1 or not named or cued:
            return "LOCATION"
    if entity in NAME_LIKE:
        if value.upper() in _NOT_PLACES:
            return None
        first = words[0]
        if name_key(value) in context.name_index or (
            (gaz.is_first_name(first) or (len(words) == 1 and gaz.is_surname(first)))
            and not gaz.is_place(value)
            and not gaz.is_word(first)
        ):
            return "PERSON"
    return entity


def _acronym(value: str, context: CaseContext | None) -> bool:
    """Whether `value` is a short all-capitals label ("NI", "NINO", "DWP"), not a name.

    Even when a name list has it ("Nino"), unless it is known to the case.
    """
    return (
        " " not in value
        and value.isalpha()
        and value.isupper()
        and len(value) <= 4
        and (context is None or name_key(value) not in context.name_index)
    )


# Abbreviations NER calls places that never locate anyone ("UK passport", "NI number").
_NOT_PLACES = frozenset({"UK", "GB", "NI", "NHS", "EU", "US", "USA", "U.K."})


def _from_org(value: str, context: CaseContext | None = None) -> str | None:
    """A name or town the small model called an organisation ("Lachlan Penhaligon", "Truro").

    One to three capitalised words with no organisation word ("Elm House", "Leeds Council"):
    a listed town is a LOCATION; a single word must be a listed name; two or three words are
    taken as a full name. Anything else stays an organisation (never proposed).
    """
    words = value.split()
    if not 1 <= len(words) <= 3 or is_not_a_name(value) or _acronym(value, context):
        return None
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return None
    if any(w.casefold() in ORG_WORDS for w in words):
        return None
    gaz = gazetteer.current()
    if gaz.is_place(value):
        return "LOCATION"
    if len(words) == 1:
        listed = gaz.is_first_name(value) or gaz.is_surname(value)
        return "PERSON" if listed and not gaz.is_word(value) else None
    return "PERSON" if all(looks_like_name(w) for w in words) else None


def _word_not_name(text: str, start: int, end: int, context: CaseContext) -> bool:
    """A one-word PERSON from a model or a list that is a word used as a word, or a label."""
    value = text[start:end]
    if " " in value:
        return False
    return (is_ambiguous(value) and used_as_word(text, start, end)) or _acronym(value, context)


def _text_findings(
    message_id: MessageId, text: str, spans: Sequence[RawSpan], context: CaseContext
) -> list[Finding]:
    found = []
    for s in spans:
        start, end, entity = s.start, s.end, s.entity_type
        if entity == "ORGANIZATION":
            if s.recognizer != _NER or (recovered := _from_org(text[start:end], context)) is None:
                continue
            entity = recovered
        elif entity in ("PERSON", *NAME_LIKE) and s.recognizer == _NER:
            if entity == "PERSON" and any(ch.isdigit() for ch in text[start:end]):
                continue  # ticket numbers and references, never a name
            if entity == "PERSON":
                start, end = trim_span(text, start, end)
            relabelled = _relabel(text, start, end, entity, context)
            if relabelled is None:
                continue
            entity = relabelled
        if (
            entity == "PERSON"
            and s.recognizer in _GUESSERS
            and _word_not_name(text, start, end, context)
        ):
            continue  # "the robin in the car park", "jack the car up", "NINO AB..."
        found.append(
            Finding(
                message_id,
                ProposalField.TEXT,
                start,
                end,
                text[start:end],
                entity,
                round(s.score, 3),
                s.recognizer,
                s.note,
            )
        )
    # A German clause is masked for the model only: people known to the case are still
    # found in it ("Danke, Sam Patel, bis morgen").
    masked = [r for r in mask_regions(text) if r.kind != "german"]
    for hit in context.matcher.find(text):
        if masked and inside(masked, hit.start, hit.end):
            continue  # "deleted" in "This message was deleted", a name inside a link
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
    titles: Sequence[Message] = (),
) -> list[Finding]:
    """Propose findings for a batch of message texts.

    Args:
        detector: The engine (`engine.Analyzer` via `InProcessDetector`) or a `DetectionPool`.
        items: ``(message_id, text)`` pairs, typically a few hundred.
        context: The case (regime, known people, requester aliases, propagated names).
        cache: Results by text, kept across batches to skip repeated texts.
        messages: The full messages, when available, for header and structural proposals.
        titles: Messages whose conversation title is scanned too (one per conversation);
            the title's proposals are attached to them.

    Returns:
        Resolved proposals, already filtered and explained by the regime policy.
    """
    cache = cache or ResultCache()
    texts = [text for _mid, text in items] + [m.conversation for m in titles]
    spans = cache.lookup(detector, texts)
    raw: list[Finding] = []
    for message_id, text in items:
        raw += _text_findings(message_id, text, spans[text], context)
    for message in messages:
        raw += header_findings(message, context)
        raw += text_findings(message)
    for carrier in titles:
        title = carrier.conversation
        in_title = _text_findings(carrier.id, title, spans[title], context)
        raw += title_findings(carrier, in_title, detector.structured_entities)
    resolved = resolve(raw, detector.structured_entities, detector.drop_entities)
    proposed = apply_policy(resolved, context, build_allow_list(context), messages)
    return _with_notes(proposed, raw)


def _with_notes(proposed: list[Finding], raw: Sequence[Finding]) -> list[Finding]:
    """Add each recogniser's own note ("prefix never issued") after the policy's reason."""
    notes = {
        (f.message_id, f.start, f.end, f.entity_type): f.explanation
        for f in raw
        if f.explanation and f.field == ProposalField.TEXT and f.recognizer != "CaseStructure"
    }
    if not notes:
        return proposed
    out = []
    for f in proposed:
        note = notes.get((f.message_id, f.start, f.end, f.entity_type), "")
        out.append(replace(f, explanation=f"{f.explanation} {note}".strip()) if note else f)
    return out


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
    # One call for every text: a worker pool then streams chunks to all its workers at once.
    cache.lookup(detector, (text for _mid, text in items))
    by_id = {m.id: m for m in messages}
    found: list[Finding] = []
    titled: set[ConversationId] = set()
    for i in range(0, len(items), batch_size):
        batch = items[i : i + batch_size]
        extra = [by_id[mid] for mid, _text in batch if mid in by_id]
        titles = title_carriers(extra, titled)
        found += analyze_batch(detector, batch, context, cache, messages=extra, titles=titles)
    names = propagation_names(propagation_items(found))
    if names:
        second = propagate_batch(items, context.with_propagated(names), found)
        swap = {id(old): new for old, new in second.relabelled}
        found = [swap.get(id(f), f) for f in found] + second.new
    return found
