"""Cheap first looks that let a costly pattern skip a text it cannot match (round 15, speed).

Python's regular expressions try a long alternation one branch at a time at every place in a
text: 309 greetings or 190 titles and ranks cost a test per branch per word, on every message.
The same branches folded into a tree of shared beginnings ("l", "lt", "lt col", "lieutenant")
cost a test per letter instead. A folded pattern matches exactly where one of its branches
does, but which branch it reports first may differ, so it is only ever a gate: where the gate
finds nothing the full pattern finds nothing either (every match of the full pattern begins
with a match of the gate), and where it finds something the full pattern runs unchanged.
Findings are the same with or without the gates.

The branches are given as sequences of atoms: a character, escaped or not, or a character
class, perhaps followed by "?" or "+". Groups, alternations inside a branch and other
repeats are refused at import, so a branch written with other syntax cannot quietly make a
gate too narrow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# An atom: a character class ("[ \t]", "[eé]"), an escaped character or a plain one, each
# perhaps made optional or repeated ("[ \t]+" between the words of a rank, "/?" in "l/?cpl").
_PIECE = re.compile(r"(?:\[(?:[^\]\\]|\\.)*\]|\\.|[^\\\[\]()|*+?{}^$.])[?+]?")


def atoms(branch: str) -> list[str]:
    """A branch of an alternation, split into the atoms `folded` joins.

    Raises:
        ValueError: The branch uses syntax other than letters and the known pieces.
    """
    found = _PIECE.findall(branch)
    if "".join(found) != branch:
        raise ValueError(f"unsupported syntax in a gated branch: {branch!r}")
    return found


_Tree = dict[str, "_Tree"]


def folded(branches: Iterable[Sequence[str]]) -> str:
    """An alternation of `branches` (sequences of atoms) folded on their shared beginnings."""
    root: _Tree = {}
    for branch in branches:
        node = root
        for atom in branch:
            node = node.setdefault(atom, {})
        node[""] = {}  # a branch may end here ("lt" of "lt col")
    return _emit(root)


def _emit(node: _Tree) -> str:
    parts = ["" if atom == "" else atom + _emit(rest) for atom, rest in node.items()]
    # One way on needs no group ("col" of "lt col"), which also keeps the compilation short.
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
