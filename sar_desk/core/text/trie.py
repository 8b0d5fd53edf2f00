"""Trie-shaped regular expressions: one alternation for many terms, shared prefixes once.

Python's `re` tries alternatives one by one at every position; a trie makes thousands of
names (a case's people) or numbers cost about as much as a few.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def trie_pattern(terms: Iterable[str], atom: Callable[[str], str] = re.escape) -> str:
    """One regex alternation shaped as a trie, so shared prefixes are matched once.

    Longer terms are tried first at each node, so the longest term at a position wins.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [atom(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
