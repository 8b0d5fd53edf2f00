"""Batch detection: texts in, `core.Finding` proposals out (house-style §7).

The case-independent part (spaCy NER and every recogniser) runs once per distinct text through
``nlp.pipe`` batches and is cached by text, so repeated messages ("ok", forwarded notices) cost
nothing. The case-aware part (deny-list, structure, overlap resolution, regime policy) is cheap
and runs where `analyze_batch` is called: in the calling process (a worker pool then ships only
texts and spans), or, in the detection job, in the pool's workers themselves, which are given
the case once (`detector.DetectionPool.submit`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.identity import name_key
from sar_desk.core.model import ConversationId, Message, MessageId
from sar_desk.detect.address_blocks import join_address_blocks
from sar_desk.detect.allow_list import build_allow_list
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.case_things import CASE_SOURCES, thing_keys, without_thing_names
from sar_desk.detect.group_titles import owner_findings
from sar_desk.detect.leading_posts import without_leading_post
from sar_desk.detect.mask import Region, inside
from sar_desk.detect.mask import regions as mask_regions
from sar_desk.detect.ner_spans import name_before_number, pieces
from sar_desk.detect.not_people import without_things
from sar_desk.detect.paired_names import paired_names
from sar_desk.detect.place_slots import unlisted_town
from sar_desk.detect.platforms import named_thing
from sar_desk.detect.policy import apply_policy
from sar_desk.detect.prefetch import prefetch
from sar_desk.detect.propagate import PROPAGATION_SOURCES as PROPAGATION_SOURCES
from sar_desk.detect.propagate import (
    propagate_batch,
    propagation_items,
    propagation_names,
)
from sar_desk.detect.recognizers.vouched import vouched_name
from sar_desk.detect.relabel import from_org, relabel, street_start, word_not_name
from sar_desk.detect.relabel import trim_span as trim_span
from sar_desk.detect.resolve import NAME_LIKE, resolve
from sar_desk.detect.structure import header_findings, text_findings
from sar_desk.detect.system_lines import platform_line
from sar_desk.detect.titles import title_carriers, title_findings

logger = logging.getLogger(__name__)

DENY_LIST = "CaseDenyList"
_KNOWN_STILL_FOUND = frozenset({"foreign", "greeting", "group", "file"})
_NER = "SpacyRecognizer"
# Recognisers that guess names from the model or the lists (not from the case or a structure).
_GUESSERS = frozenset({_NER, "NameListRecognizer"})
# What a platform line's wording is mistaken for, and who may still propose it there.
_GUESSED_KINDS = frozenset({"PERSON", "LOCATION", "NRP", "ORGANIZATION", "GPE"})


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

    def __contains__(self, text: object) -> bool:
        return text in self._spans

    def add(self, text: str, spans: tuple[RawSpan, ...]) -> None:
        """Keep one text's spans (`prefetch` fills the cache as a worker pool answers)."""
        self._spans[text] = spans


def _text_findings(
    message_id: MessageId, text: str, spans: Sequence[RawSpan], context: CaseContext
) -> list[Finding]:
    found = []
    regions = mask_regions(text)
    postcodes = [(r.start, r.end) for r in spans if r.entity_type == "UK_POSTCODE"]
    ner_place = [r.recognizer == _NER and r.entity_type == "LOCATION" for r in spans]
    cut = [  # NER places cut at line breaks and before a postcode ("Lanark NE26")
        replace(r, start=a, end=b) if place else r
        for r, place in zip(spans, ner_place, strict=True)
        for a, b in (pieces(text, r.start, r.end, postcodes) if place else [(0, 0)])
    ]
    for s in cut:
        start, end, entity = s.start, s.end, s.entity_type
        trimmed = False
        if s.recognizer == _NER and regions:
            end = _before_masked(regions, start, end)  # NER ran on into blanked text
            # ... or began on the "Hi" a greeting phrase is masked as (`mask`)
            start = _after_greeting(text, regions, start, end)
            if start >= end:
                continue
        if entity == "ORGANIZATION":
            if s.recognizer != _NER or (recovered := from_org(text[start:end], context)) is None:
                continue
            entity = recovered
            if entity == "PERSON" and name_key(text[start:end]) not in context.name_index:
                # "from Orford Ness council": a town no list has, not a firm's founder
                entity = "LOCATION" if unlisted_town(text, start, end) else entity
            if entity == "PERSON":
                # "[Assistant] Engineer Mireia": a post before the recovered name
                start, end = without_leading_post(text, start, end)
                if end <= start:
                    continue
        elif entity == "PERSON" and s.recognizer != _NER:
            start, end = without_leading_post(text, start, end)  # "[tower] captain sam"
        elif entity in ("PERSON", *NAME_LIKE) and s.recognizer == _NER:
            if entity == "PERSON" and any(ch.isdigit() for ch in text[start:end]):
                named = name_before_number(text, start, end)  # "Tomasz Kowal-Lowe 1385"
                if named is None:
                    # ticket numbers and references, never a name ("WO2 Pritchard" is rescued)
                    found += _rescued(message_id, text, s, start, end)
                    continue
                end = named
            if entity == "PERSON":
                start, end = trim_span(text, start, end)
                trimmed = end < s.end
            relabelled = relabel(text, start, end, entity, context)
            if relabelled is None:
                found += _rescued(message_id, text, s, start, end)
                continue
            entity = relabelled
        if s.recognizer in _GUESSERS and entity in _GUESSED_KINDS and named_thing(text, start, end):
            found += _rescued(message_id, text, s, start, end) if entity == "PERSON" else []
            continue
        if (
            entity == "PERSON"
            and s.recognizer in _GUESSERS
            and (street := street_start(text, min(start, s.start))) is not None
            and name_key(text[start:end]) not in context.name_index
        ):
            # "41 Pen-y-Graig": a name-like word after a house number is the street.
            start, end, entity = street, max(end, s.end), "STREET_ADDRESS"
        elif (
            entity == "PERSON"
            and s.recognizer in _GUESSERS
            and word_not_name(text, start, end, context, trimmed)
        ):
            # "the robin in the car park", "jack the car up", "NINO AB...", "tihs"
            found += _rescued(message_id, text, s, start, end)
            continue
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
    # A clause in another language, a group's name in the line that names the group and a file
    # name are masked for the model only: people known to the case are still found in them
    # ("Danke, Sam Patel, bis morgen", 'changed the subject to "Sam Patel leaving do"',
    # "Sam_Patel_payslip.pdf"); names spread from NER are not.
    masked = [r for r in regions if r.kind not in _KNOWN_STILL_FOUND]
    found += owner_findings(message_id, text, regions)  # 'to "Ola Reyes's 40th"'
    for hit in context.matcher.find(text):
        if inside(masked if hit.kind != "propagated" else regions, hit.start, hit.end):
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


def _rescued(message_id: MessageId, text: str, s: RawSpan, start: int, end: int) -> list[Finding]:
    """A guessed PERSON span the checks refused, kept where a name rule found it too.

    Presidio keeps only the higher-scored of two identical spans, so a rule's name ("Sarge",
    "daughter Selam staying") reaches here as the model's guess (`recognizers.vouched`).
    """
    if s.entity_type != "PERSON" or s.recognizer not in _GUESSERS:
        return []
    part = vouched_name(text, start, end)
    if part is None:
        return []
    a, b = part
    finding = Finding(
        message_id,
        ProposalField.TEXT,
        a,
        b,
        text[a:b],
        "PERSON",
        round(s.score, 3),
        s.recognizer,
        s.note,
    )
    return [finding]


def _before_masked(regions: Sequence[Region], start: int, end: int) -> int:
    """`end`, cut back to the first masked region that starts inside ``[start, end)``."""
    for r in regions:
        if start < r.start < end:
            return r.start
    return end


def _after_greeting(text: str, regions: Sequence[Region], start: int, end: int) -> int:
    """`start`, moved past a masked greeting phrase it begins in ("Kia ora Eivind" -> "Eivind").

    A greeting phrase is masked as "Hi" (`mask`), and the model may take that word into a name.
    """
    for r in regions:
        if r.kind == "greeting" and r.start <= start < r.end:
            start = r.end
            while start < end and text[start].isspace():
                start += 1
    return start


def _without_guesses_in_platform_lines(
    raw: list[Finding], messages: Sequence[Message]
) -> list[Finding]:
    """Drop the model's and the lists' name and place guesses in lines a platform wrote.

    In a system line a template knows ("Sam Lee changed the subject from ..."), the people are
    in its name slots (proposed by `structure`) and the rest is the platform's wording or a
    group name: guesses there were "Sam Lee changed the subject", "Nachrichten und", "Meta".
    Identifiers and people known to the case are kept wherever they are.
    """
    read = {m.id for m in messages if platform_line(m.kind, m.text) is not None}
    if not read:
        return raw
    return [
        f
        for f in raw
        if not (
            f.message_id in read
            and f.field == ProposalField.TEXT
            and f.entity_type in _GUESSED_KINDS
            and f.recognizer not in CASE_SOURCES
        )
    ]


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
        raw += without_things(text, _text_findings(message_id, text, spans[text], context), context)
    for message in messages:
        raw += header_findings(message, context)
        raw += text_findings(message)
    raw = _without_guesses_in_platform_lines(raw, messages)
    for carrier in titles:
        title = carrier.conversation
        in_title = _text_findings(carrier.id, title, spans[title], context)
        raw += title_findings(carrier, in_title, detector.structured_entities)
    resolved = resolve(raw, detector.structured_entities, detector.drop_entities)
    resolved = join_address_blocks(resolved, dict(items))
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
    # One call for every text: a worker pool then streams chunks to all its workers at once,
    # and goes on with later chunks while each batch's case-aware passes run here.
    wait_for = prefetch(cache, detector, [text for _mid, text in items])
    by_id = {m.id: m for m in messages}
    found: list[Finding] = []
    titled: set[ConversationId] = set()
    for i in range(0, len(items), batch_size):
        batch = items[i : i + batch_size]
        wait_for(text for _mid, text in batch)
        extra = [by_id[mid] for mid, _text in batch if mid in by_id]
        titles = title_carriers(extra, titled)
        found += analyze_batch(detector, batch, context, cache, messages=extra, titles=titles)
    # Names the whole case shows to be things ("Kevin the alpaca") neither stay nor spread.
    things = thing_keys((text for _mid, text in items), found, context.name_index)
    found = without_thing_names(found, things)
    names = propagation_names(propagation_items(found, {int(m): t for m, t in items}))
    # "Nobody Okafor": a given name that is a word, known by its family name (`paired_names`)
    names = sorted(set(names) | set(paired_names((text for _mid, text in items), things)))
    if names:
        second = propagate_batch(items, context.with_propagated(names), found)
        swap = {id(old): new for old, new in second.relabelled}
        found = [swap.get(id(f), f) for f in found] + without_thing_names(second.new, things)
    return found
