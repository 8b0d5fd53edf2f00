"""What only a town's name stands before: public services, sites, local events (issue 15).

A word no list has is a town where English puts a town: before a public service named for it
("Rhigos primary", "Midlem leisure centre", "Maxton parish council"; `facility_after`), or,
after "the", before a site or a local event a town holds ("the Calcethorpe pitch rent", "at
the Langton Matravers garage", "the Kildrummy fete"; `town_modifier`). Such a name is no
thing's name ("the Joe Davis table", "the Kenco machine": goods and furniture are not sites),
so `case_things` keeps a PERSON guess on it, which still covers the town, and
`place_slots` and `recognizers.unlisted_towns` read the same positions.
"""

from __future__ import annotations

import re

# Public services a town's name stands before, beside those `placed_in_address` reads
# ("Rhigos A&E", "Rhigos primary", "Rhigos town hall", "Rhigos leisure centre").
_FACILITY_AFTER = re.compile(
    r"(?i)[ \t]+(?:a&e|a and e|minor injuries|walk-in|primary|high school|secondary|academy|"
    r"comprehensive|town hall|village hall|leisure centre|health centre|medical centre|"
    r"surgery|clinic|police station|fire station|ambulance station|community centre|"
    r"parish council|community council|post office|sorting office|recycling centre|tip|"
    r"food bank|crematorium|cemetery|"
    # a harbour, a court, a churchyard ("leaves X harbour at 06:00"; round 20)
    r"harbour|quay|pier|marina|lifeboat station|magistrates|crown court|churchyard|museum|"
    r"family hub|golf club)(?![\w&])"
)


# Sites and local events a town's name stands before after "the" ("the Calcethorpe pitch",
# "the Langton Matravers garage", "the Kildrummy fete"); not goods or furniture ("the Kenco
# machine", "the Joe Davis table"), which a thing's name stands before.
_SITE_AFTER = re.compile(
    r"(?i)[ \t]+(?:pitch|pitches|fete|fête|show|fair|carnival|gala|festival|market|garage|job|"
    r"depot|branch|site|office|yard|campus|estate|bypass|roundabout|junction|car park|"
    r"bus station|train station|station|surgery|pharmacy|library|school|church|chapel|pub|"
    r"village hall|town hall|leisure centre|rec|recreation ground|playing fields?|green)"
    r"(?![\w&'’-])"
)
_THE_BEFORE = re.compile(r"(?i)(?:^|[\s(])the[ \t]+$")


def town_modifier(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands after "the" before a site or event a town names."""
    return bool(_THE_BEFORE.search(text[max(0, start - 8) : start])) and site_after(text, end)


def site_after(text: str, end: int) -> bool:
    """Whether a site, a local event or a public service a town names follows ``end``."""
    return bool(_SITE_AFTER.match(text, end) or _FACILITY_AFTER.match(text, end))


def facility_after(text: str, end: int) -> bool:
    """Whether a public service only a town's name stands before follows ``end``."""
    return bool(_FACILITY_AFTER.match(text, end))
