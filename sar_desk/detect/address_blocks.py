"""An address written as one block is proposed as one: "4 Tanners Row, Hexley HX3 2LB".

The street recognisers find "4 Tanners Row" and the place recognisers find "Hexley" in the
slot before the postcode. Proposed apart, the town becomes a redacted term of its own: the
export's safety net then asks for a decision at every other "Hexley" in the case, the
requester's own address in the same town included, although a town by itself says little
about anyone. The town that closes a street address belongs to that address, so it joins the
street's proposal (one box, one decision, one term: "4 Tanners Row, Hexley"). The postcode stays
a proposal of its own, as it is its own kind of identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId

# Between a street and its town: a comma or one line break, with spaces ("Row, Hexley",
# "Row,\nHexley", "Row\nHexley"). Words in between mean the town is not the address's.
_JOIN = re.compile(r"[ \t]*(?:,[ \t]*\n?|\n)[ \t]*")


def join_address_blocks(
    findings: Iterable[Finding], texts: Mapping[MessageId, str]
) -> list[Finding]:
    """`findings` with each place that closes a street address merged into that address.

    Args:
        findings: Resolved findings (no two overlap within a field).
        texts: The text of each message the findings are in.
    """
    out: list[Finding] = []
    streets: dict[MessageId, list[Finding]] = {}
    places: list[Finding] = []
    for f in findings:
        if f.field == ProposalField.TEXT and f.start is not None and f.message_id in texts:
            if f.entity_type == "STREET_ADDRESS":
                streets.setdefault(f.message_id, []).append(f)
                continue
            if f.entity_type == "LOCATION":
                places.append(f)
                continue
        out.append(f)
    towns: dict[tuple[MessageId, int], Finding] = {(p.message_id, p.start or 0): p for p in places}
    joined: set[int] = set()
    for message_id, found in streets.items():
        text = texts[message_id]
        for street in found:
            end = street.end or 0
            while (gap := _JOIN.match(text, end)) and (
                (town := towns.get((message_id, gap.end()))) is not None
            ):
                joined.add(id(town))
                end = town.end or end
                street = replace(street, end=end, text=text[street.start : end])
            out.append(street)
    out += [p for p in places if id(p) not in joined]
    return out
