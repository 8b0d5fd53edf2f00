"""The first pass over a WhatsApp chat: header styles, day/month order, group and senders.

Works on blocks of whole lines (about a megabyte each) and lets the regex engine find and count
header lines in C, which is several times faster than a Python loop over lines. Only tallies
outlive a block, so memory stays flat however long the chat.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sar_desk.importers.whatsapp.dates import (
    MAX_NAME,
    SCAN,
    SCAN_LINES,
    HeaderStyle,
    OrderEvidence,
    make_style,
    to_int,
)
from sar_desk.importers.whatsapp.events import group_name
from sar_desk.importers.whatsapp.marks import strip_marks


@dataclass
class _StyleTally:
    count: int = 0
    evidence: OrderEvidence = field(default_factory=OrderEvidence)


@dataclass
class Scan:
    """What the first pass learned about a chat file.

    Attributes:
        headers: Header lines of the main style.
        style: The main header style (None when the file has no header at all).
        evidence: Day/month evidence from the distinct dates of the main style.
        other_style: Header-like lines of another style (kept as message text).
        group: The group name from a "created group" line, if any.
        lines: Lines in the file.
    """

    headers: int = 0
    style: HeaderStyle | None = None
    evidence: OrderEvidence = field(default_factory=OrderEvidence)
    other_style: int = 0
    group: str | None = None
    lines: int = 0


_Shape = tuple[str, str, str, str, str, int, int]
_LineParts = tuple[str, str, str, str, str, str, str, str, str, str, str]
_NameParts = tuple[str, str, str, str, str, str, str, str, str, str, str, str, str]


def _shape_style(
    shapes: dict[_Shape, HeaderStyle | None],
    br: str,
    a: str,
    sep: str,
    c: str,
    comma: str,
    sec: str,
    ampm: str,
) -> HeaderStyle | None:
    """The style of a header's parts, cached by their shape (a handful per file)."""
    shape = (br, sep, comma, sec, ampm and "m", len(a), len(c))
    try:
        return shapes[shape]
    except KeyError:
        style = shapes[shape] = make_style(br, a, sep, c, comma, sec, ampm)
        return style


def scan(blocks: Iterable[str]) -> Scan:
    """First pass: header styles, day/month evidence and the group name.

    The regex engine finds and counts header lines in C (``findall`` then ``Counter``); the
    Python loop only visits each block's distinct (style, date) combinations and the few lines
    that may name the group, and nothing but the tallies outlives a block. Headers are tallied
    by style, so "1/6/25" and "12/16/25" count as one (US) style.
    """
    shapes: dict[_Shape, HeaderStyle | None] = {}
    tallies: dict[HeaderStyle, _StyleTally] = {}
    dated: set[tuple[object, ...]] = set()
    found = Scan()
    last = "\n"
    for block in blocks:
        found.lines += block.count("\n")
        last = block[-1:] or last
        counts: Counter[_LineParts] = Counter(SCAN_LINES.pick(block).findall("\n" + block))
        for (br, a, sep, b, c, comma, pre, sec, ampm, line, marked), count in counts.items():
            style = _shape_style(shapes, br, a, sep, c, comma, sec, ampm or pre)
            if style is None:
                continue
            tally = tallies.get(style)
            if tally is None:
                tally = tallies[style] = _StyleTally()
            tally.count += count
            if (style, a, b) not in dated:
                dated.add((style, a, b))
                tally.evidence.add(to_int(a), to_int(b))
            if found.group is None and (marked or line):
                found.group = group_name(strip_marks(marked or line).strip())
    if last != "\n":
        found.lines += 1  # a final line without a line break
    if tallies:
        best = max(tallies, key=lambda style: tallies[style].count)
        found.style = best
        found.headers = tallies[best].count
        found.evidence = tallies[best].evidence
        found.other_style = sum(t.count for k, t in tallies.items() if k != best)
    return found


def sender_names(blocks: Iterable[str]) -> Counter[str]:
    """How often each text before a ": " follows a header of any style (sender candidates).

    Only needed when a line's sender is in doubt (a second ": " near the first, or a line that
    reads like a system event), so the parser asks for it then, at the cost of one more pass.
    Also counted: "A: B" when the text after "A: " runs to another ": " within a name's length.
    """
    shapes: dict[_Shape, HeaderStyle | None] = {}
    names: Counter[str] = Counter()
    for block in blocks:
        counts: Counter[_NameParts] = Counter(SCAN.pick(block).findall("\n" + block))
        for parts, count in counts.items():
            br, a, sep, _b, c, comma, pre, sec, ampm, prefix, marked, second, _line = parts
            if _shape_style(shapes, br, a, sep, c, comma, sec, ampm or pre) is None:
                continue
            if prefix or marked or second:
                names[prefix] += count
                if second and len(prefix) + len(second) < MAX_NAME:
                    names[f"{prefix}: {second}"] += count
    return names
