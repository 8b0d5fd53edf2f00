"""The search box's query language: words, "phrases", prefix*, AND/OR/NOT, brackets, -word.

User text never reaches FTS5 syntax unescaped: it is parsed into a tree whose leaves are always
quoted (`fts_expression`), so no query string can raise a database error. Pure Python; the SQL
that runs the tree is in `store.fts`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sar_desk.core.errors import BadSearchError

MAX_QUERY_CHARS = 2000
MAX_TERMS = 64
MAX_DEPTH = 16
_MIN_DIGITS = 3


@dataclass(frozen=True, slots=True)
class Term:
    """A word, phrase or digit fragment. ``prefix`` makes a word match as a prefix."""

    value: str
    prefix: bool = False
    digits: bool = False


@dataclass(frozen=True, slots=True)
class And:
    """All children must match."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """Any child may match."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The child must not match."""

    child: Node


Node = Term | And | Or | Not

_LEX = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_DIGITISH = re.compile(r"^\+?[\d\-.()]+$")


def quote_term(term: str) -> str:
    """Quote one user term as an FTS5 string, doubling embedded quotes."""
    return '"' + term.replace('"', '""') + '"'


def _clean(query: str) -> str:
    # Lone surrogates (from undecodable command-line bytes) cannot be bound as SQLite text.
    return "".join(" " if unicodedata.category(ch) in ("Cs", "Cc") else ch for ch in query)


def _searchable(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def _digit_count(token: str) -> int:
    return sum(ch.isdigit() for ch in token)


class _Parser:
    """Recursive descent over tokens: or := and ("OR" and)*; and := unary+; unary := NOT? atom."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.terms = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> Node | None:
        node = self.parse_or(0)
        # Stray closing brackets are ignored rather than failing the whole search.
        while self.peek() is not None:
            self.pos += 1
            more = self.parse_or(0)
            if more is not None:
                node = more if node is None else And((node, more))
        return node

    def parse_or(self, depth: int) -> Node | None:
        parts: list[Node] = []
        while True:
            node = self.parse_and(depth)
            if node is not None:
                parts.append(node)
            if self.peek() == "OR":
                self.pos += 1
                continue
            break
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def parse_and(self, depth: int) -> Node | None:
        parts: list[Node] = []
        while (token := self.peek()) is not None and token not in (")", "OR"):
            if token == "AND":
                self.pos += 1
                continue
            node = self.parse_unary(depth)
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_unary(self, depth: int) -> Node | None:
        token = self.peek()
        if token == "NOT":
            self.pos += 1
            if self.peek() in (None, ")", "OR", "AND", "NOT"):
                return None
            child = self.parse_unary(depth)
            return Not(child) if child is not None else None
        if token is not None and token.startswith("-") and len(token) > 1 and token[1].isalpha():
            self.tokens[self.pos] = token[1:]
            child = self.parse_unary(depth)
            return Not(child) if child is not None else None
        return self.parse_atom(depth)

    def parse_atom(self, depth: int) -> Node | None:
        token = self.tokens[self.pos]
        self.pos += 1
        if token == "(":
            if depth >= MAX_DEPTH:
                raise BadSearchError(
                    f"The search has more than {MAX_DEPTH} levels of brackets. Simplify it and "
                    "search again."
                )
            node = self.parse_or(depth + 1)
            if self.peek() == ")":
                self.pos += 1  # an unclosed bracket simply closes at the end
            return node
        if token == ")":
            return None
        return self._term(token)

    def _term(self, token: str) -> Node | None:
        if token.startswith('"'):
            phrase = " ".join(token.strip('"').split())
            if not _searchable(phrase):
                return None
            if _DIGITISH.match(phrase.replace(" ", "")) and _digit_count(phrase) >= _MIN_DIGITS:
                return self._count(Term("".join(c for c in phrase if c.isdigit()), digits=True))
            return self._count(Term(phrase))
        if _DIGITISH.match(token) and _digit_count(token):
            # "7911 123", "+44 7911 123456": consecutive number fragments are one phone fragment.
            start, digits = self.pos, "".join(c for c in token if c.isdigit())
            while (nxt := self.peek()) is not None and _DIGITISH.match(nxt) and _digit_count(nxt):
                digits += "".join(c for c in nxt if c.isdigit())
                self.pos += 1
            if len(digits) >= _MIN_DIGITS:
                return self._count(Term(digits, digits=True))
            self.pos = start
        prefix = token.endswith("*")
        word = token.rstrip("*")
        if not _searchable(word):
            return None
        return self._count(Term(word, prefix=prefix))

    def _count(self, term: Term) -> Term:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise BadSearchError(
                f"The search has more than {MAX_TERMS} words. Use fewer words, or split it into "
                "several searches."
            )
        return term


def parse_query(query: str) -> Node | None:
    """Parse the user's search text into a tree; None when it has nothing to search for.

    Raises:
        BadSearchError: The text is too long, too deeply bracketed or has too many words.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise BadSearchError(
            f"The search text is {len(query):,} characters long; the limit is "
            f"{MAX_QUERY_CHARS:,}. Shorten it and search again."
        )
    return _Parser(_LEX.findall(_clean(query))).parse()


def fts_expression(node: Node) -> str | None:
    """The node as one FTS5 MATCH expression, or None when FTS5 alone cannot express it.

    Digit fragments live in another index, and FTS5's NOT is binary (``a NOT b``), so a lone
    negation or anything containing digits is combined in SQL instead (`text_clause`).
    """
    if isinstance(node, Term):
        if node.digits:
            return None
        return quote_term(node.value) + ("*" if node.prefix else "")
    if isinstance(node, Or):
        parts = [fts_expression(c) if not isinstance(c, Not) else None for c in node.children]
        if any(p is None for p in parts):
            return None
        return "(" + " OR ".join(p for p in parts if p) + ")"
    if isinstance(node, And):
        positive = [fts_expression(c) for c in node.children if not isinstance(c, Not)]
        negative = [fts_expression(c.child) for c in node.children if isinstance(c, Not)]
        if not positive or any(p is None for p in [*positive, *negative]):
            return None
        expr = "(" + " AND ".join(p for p in positive if p) + ")"
        for neg in negative:
            expr = f"({expr} NOT {neg})"
        return expr
    return None
