"""A number before a guessed name that is not a house number (round 20).

`analyze` reads a name-like guess right after a house number as the street ("41 Pen-y-Graig").
A numbered list puts numbers before names without an address: "1 Ann Ode 2 Bo Lee 3 Cy Moss",
the band of a peal or a rota, where the next or the previous number of the count heads another
entry. Each name there is a person, never a street.
"""

from __future__ import annotations

import re


def in_numbered_list(text: str, number_at: int) -> bool:
    """Whether the number at `number_at` is one entry of a count: "1 Ann 2 Bo 3 Cy"."""
    m = re.match(r"\d{1,2}(?![\w])", text[number_at:])
    if m is None:
        return False
    n = int(m.group(0))
    after = re.search(rf"(?<![\w.,:/£$-]){n + 1}[ \t]+[^\W\d_]", text[number_at + m.end() :])
    before = n > 1 and re.search(rf"(?<![\w.,:/£$-]){n - 1}[ \t]+[^\W\d_]", text[:number_at])
    return bool(after or before)
