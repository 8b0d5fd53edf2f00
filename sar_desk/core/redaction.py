"""Redaction as a pure function over text and spans (the Presidio anonymizer shape).

Renderers only ever receive the output of `apply_redactions`: the redacted text never reaches
them, so it cannot leak into a PDF's text layer, metadata or bookmarks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RedactionSpan:
    """Characters to remove and the marker to put in their place."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class RedactedText:
    """Text after redaction, with where each marker now sits."""

    text: str
    markers: tuple[tuple[int, int], ...]


def merge_spans(spans: list[RedactionSpan]) -> list[RedactionSpan]:
    """Sort spans and merge overlapping or touching ones (the earliest marker wins).

    Merging matters for safety: two overlapping spans applied one after the other would leave
    the characters between them visible.
    """
    ordered = sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, -s.end))
    merged: list[RedactionSpan] = []
    for span in ordered:
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = RedactionSpan(last.start, max(last.end, span.end), last.replacement)
        else:
            merged.append(span)
    return merged


def apply_redactions(text: str, spans: list[RedactionSpan]) -> RedactedText:
    """Replace each span of `text` with its marker.

    Spans are clamped to the text, merged when they overlap or touch, and applied left to
    right. The result never contains a character from inside any span.
    """
    pieces: list[str] = []
    markers: list[tuple[int, int]] = []
    cursor = 0
    out_len = 0
    for span in merge_spans(spans):
        start = max(0, min(span.start, len(text)))
        end = max(start, min(span.end, len(text)))
        if end <= cursor:
            continue
        start = max(start, cursor)
        pieces.append(text[cursor:start])
        out_len += start - cursor
        pieces.append(span.replacement)
        markers.append((out_len, out_len + len(span.replacement)))
        out_len += len(span.replacement)
        cursor = end
    pieces.append(text[cursor:])
    return RedactedText("".join(pieces), tuple(markers))
