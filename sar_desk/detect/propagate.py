"""The second pass: names found anywhere in the case, matched in every message (#859).

NER finds a name where it is written in a NER-friendly way; the same person is then matched in
every other message of the case, in any case. Only names seen written as names spread: a full
name of two words (and its parts) after one sighting, a single word after two (which names
may spread is judged in `spread_names`). UK places, suffix-less street names, products and
placeholders never spread. Idempotent, so a resumed run adds nothing twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId
from sar_desk.detect import gazetteer
from sar_desk.detect.allow_list import build_allow_list
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.mask import Region, inside
from sar_desk.detect.mask import regions as mask_regions
from sar_desk.detect.platforms import named_thing
from sar_desk.detect.policy import apply_policy
from sar_desk.detect.posts import is_post
from sar_desk.detect.resolve import NAME_LIKE
from sar_desk.detect.spread_names import propagation_names as propagation_names
from sar_desk.detect.spread_seeds import PROPAGATION_SOURCES as PROPAGATION_SOURCES
from sar_desk.detect.spread_seeds import propagation_items as propagation_items
from sar_desk.detect.spread_words import dictionary_word, shorthand, spread_blocked
from sar_desk.detect.trade_words import agent_noun

PROPAGATED = "CasePropagation"


def _abbreviation(text: str, start: int, end: int) -> bool:
    """A lower-case word cut short by a full stop inside a phrase ("nat. insurance no")."""
    value = text[start:end]
    return value.islower() and bool(re.match(r"\.\s?[a-z]", text[end : end + 3]))


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
    existing = list(existing)
    return settle(spread_hits(items, context, settled=settled_spans(existing)), context, existing)


Settled = Mapping[int, frozenset[tuple[int, int]]]


def settled_spans(existing: Iterable[Finding]) -> dict[int, frozenset[tuple[int, int]]]:
    """Per message, the spans where a spread hit can change nothing: a lone PERSON proposal.

    A hit on exactly the span of a PERSON proposal that no other proposal of its message
    overlaps clashes with that proposal alone, so `settle` neither adds it nor finds an
    uncovered word in it, and relabels nothing (a PERSON is no place), whether or not the name
    stands as a thing there. Most hits are such: the name the scan already proposed. Skipping
    them spares the costly thing checks (`spread_blocked` asks every family of named thing).
    """
    by_message: dict[int, list[Finding]] = {}
    for f in existing:
        if f.field == ProposalField.TEXT:
            by_message.setdefault(int(f.message_id), []).append(f)
    out: dict[int, frozenset[tuple[int, int]]] = {}
    for message_id, found in by_message.items():
        lone = {
            (f.start, f.end)
            for f in found
            if f.entity_type == "PERSON"
            and f.start is not None
            and f.end is not None
            and not any(g is not f and g.overlaps(f) for g in found)
        }
        if lone:
            out[message_id] = frozenset(lone)
    return out


def spread_hits(
    items: Sequence[tuple[MessageId, str]],
    context: CaseContext,
    known: Mapping[int, tuple[Region, ...]] | None = None,
    settled: Settled | None = None,
) -> dict[int, list[Finding]]:
    """The propagated names matched in each message, before `settle` weighs them.

    Only messages with a match are keys (in the order of `items`). `known`, when given, holds
    `mask.regions` of every message of `items` that has any (found by the scan), so they are
    not found again. `settled` (`settled_spans` of the messages' findings) leaves out hits
    `settle` could do nothing with.
    """
    out: dict[int, list[Finding]] = {}
    for message_id, text in items:
        masked: tuple[Region, ...] | None = None
        done = settled.get(int(message_id), frozenset()) if settled else frozenset()
        for hit in context.matcher.find(text):
            if hit.kind != "propagated" or (hit.start, hit.end) in done:
                continue
            if masked is None:
                masked = mask_regions(text) if known is None else known.get(int(message_id), ())
            if masked and inside(masked, hit.start, hit.end):
                continue
            if named_thing(text, hit.start, hit.end) or _abbreviation(text, hit.start, hit.end):
                continue  # "our new porter", "the Echo Dot", "nat. insurance"
            if spread_blocked(text, hit.start, hit.end):
                continue  # "Luna's jabs", "nb 'Otter'", "Jan-Mar"
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
            out.setdefault(int(message_id), []).append(f)
    return out


def _not_a_name_part(word: str) -> bool:
    """A word that is no name part: common, a post, a contraction, a trade, or English unlisted."""
    if dictionary_word(word) or shorthand(word) or is_post(word):
        return True  # "captain", "Inspector", "I've"
    gaz = gazetteer.current()
    low = word.casefold()
    if gaz.is_first_name(low) or gaz.is_surname(low):
        return False
    if low in HONORIFICS:
        return True  # "Sensei" of a spread "Sensei Hiroshi Abe": how he is addressed
    # "Signwriter" of a spread "Signwriter Sakura": a trade by its ending, or a dictionary word
    return agent_noun(word) or gaz.is_english(low)


def _rest_of_name(f: Finding, clashes: Sequence[Finding]) -> list[Finding]:
    """The words of a propagated name that the PERSON findings inside it leave uncovered.

    A name another rule found in part ("ke'andre" of "ke'andre dinsa") would otherwise keep the
    whole spread name out, and the family name stay readable. Only when every clashing finding
    is a PERSON lying inside the spread name: that is completing a name, not overruling a
    place, an address or an identifier. The rest must read as a name on its own, joined by a
    space: no common word, post, contraction or unlisted dictionary word ("captain",
    "Inspector", "I've", "Signwriter" of a spread name that ran on) and nothing glued by "_",
    "@" or "." (a handle or an address).
    """
    if not clashes or f.start is None or f.end is None:
        return []
    inside_name = [
        h
        for h in clashes
        if h.entity_type == "PERSON"
        and h.start is not None
        and h.end is not None
        and f.start <= h.start
        and h.end <= f.end
    ]
    if len(inside_name) != len(clashes):
        return []
    out: list[Finding] = []
    cuts = sorted(
        (h.start, h.end) for h in inside_name if h.start is not None and h.end is not None
    )
    edges = [f.start, *[x for cut in cuts for x in cut], f.end]
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        piece = f.text[a - f.start : b - f.start]
        words = re.search(r"[^\W\d_](?:.*[^\W\d_])?", piece)
        if words is None or len(words.group(0)) < 2 or re.search(r"[_@./\\]", piece):
            continue
        if any(_not_a_name_part(w) for w in words.group(0).split()):
            continue
        start = a + words.start()
        out.append(replace(f, start=start, end=start + len(words.group(0)), text=words.group(0)))
    return out


def settle(
    hits: dict[int, list[Finding]], context: CaseContext, existing: Iterable[Finding]
) -> Propagation:
    """`spread_hits` against the findings the messages already have, then the regime policy."""
    by_message: dict[int, list[Finding]] = {}
    for f in existing:
        if f.field == ProposalField.TEXT:
            by_message.setdefault(int(f.message_id), []).append(f)
    new: list[Finding] = []
    relabelled: list[tuple[Finding, Finding]] = []
    for message_id, found in hits.items():
        have = by_message.get(message_id, [])
        for f in found:
            clashes = [h for h in have if f.overlaps(h)]
            if not clashes:
                new.append(f)
                have.append(f)
            for rest in _rest_of_name(f, clashes):
                new.append(rest)  # "dinsa" of "ke'andre dinsa" when "ke'andre" was found
                have.append(rest)
            for old in clashes:
                if old.entity_type in NAME_LIKE and (old.start, old.end) == (f.start, f.end):
                    relabelled.append((old, replace(old, entity_type="PERSON")))
    new = apply_policy(new, context, build_allow_list(context))
    return Propagation(new, relabelled)
