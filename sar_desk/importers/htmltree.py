"""A small, safe element tree for HTML exports, built with the standard library's ``html.parser``.

HTML chat exports (Messenger downloads, Sametime transcripts) are read by class tokens, not by
exact class strings, because their class hashes drift between releases. ``html.parser`` never
fetches anything and expands no custom entities; this module adds the limits a hostile file
needs: a byte cap, a node cap and a nesting cap, each refused with a one-line sentence.
Every node keeps the line it starts on, so a message that cannot be read is reported there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html.parser import HTMLParser

from sar_desk.core.errors import ImportFormatError

MAX_HTML_BYTES = 128 * 1024**2
"""One HTML page of an export larger than this is refused (Meta splits threads into pages)."""
MAX_NODES = 4_000_000
MAX_DEPTH = 400
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_BLOCK = {"div", "p", "br", "li", "tr", "section", "h1", "h2", "h3", "h4", "footer", "table"}
_HIDDEN = {"script", "style", "head", "title"}


class Node:
    """One element: tag, attributes, children (nodes or text) and the line it starts on."""

    __slots__ = ("attrs", "children", "line", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], line: int, parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.line = line
        self.parent = parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        """The element's class tokens."""
        return set(self.attrs.get("class", "").split())

    def has_class(self, *tokens: str) -> bool:
        """Whether the element carries every one of `tokens`."""
        return set(tokens) <= self.classes

    def iter(self) -> Iterator[Node]:
        """This node and every element below it, in document order (no recursion)."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def find_all(self, test: Callable[[Node], bool], *, nested: bool = False) -> Iterator[Node]:
        """Elements below this one that pass `test`, in document order.

        With ``nested=False`` a match's own descendants are not searched, so a message block
        inside a message block is not split.
        """
        stack = [c for c in reversed(self.children) if isinstance(c, Node)]
        while stack:
            node = stack.pop()
            if test(node):
                yield node
                if not nested:
                    continue
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def first(self, test: Callable[[Node], bool]) -> Node | None:
        """The first element below this one that passes `test`."""
        return next(self.find_all(test), None)

    def text(self, skip: Callable[[Node], bool] | None = None) -> str:
        """The readable text: blocks and ``<br>`` become new lines, `skip`ped elements vanish."""
        out: list[str] = []
        stack: list[Node | str | None] = [self]
        while stack:
            item = stack.pop()
            if item is None:  # end of a block element
                _newline(out)
            elif isinstance(item, str):
                out.append(item)
            elif item is not self and (item.tag in _HIDDEN or (skip is not None and skip(item))):
                continue
            else:
                if item.tag in _BLOCK:
                    _newline(out)
                    stack.append(None)
                if item.tag == "img" and item.attrs.get("alt"):
                    out.append(item.attrs["alt"])
                stack.extend(reversed(item.children))
        lines = [" ".join(line.replace("\xa0", " ").split()) for line in "".join(out).split("\n")]
        return "\n".join(line for line in lines if line)


def _newline(out: list[str]) -> None:
    if out and not out[-1].endswith("\n"):
        out.append("\n")


class _Builder(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.root = Node("#document", {}, 1, None)
        self.current = self.root
        self.depth = 0
        self.nodes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ImportFormatError(
                f"{self.name} has more than {MAX_NODES:,} HTML elements, far more than any chat "
                "export page; it was not imported. Check it is an unchanged export file."
            )
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0], self.current)
        self.current.children.append(node)
        if tag in _VOID:
            return
        if self.depth >= MAX_DEPTH:
            raise ImportFormatError(
                f"{self.name} line {self.getpos()[0]:,} nests HTML more than {MAX_DEPTH} levels "
                "deep, which no chat export does; it was not imported. Ask for a fresh export."
            )
        self.current = node
        self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.current.tag == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        # Close up to the nearest open element with this tag; a stray end tag is ignored.
        node: Node | None = self.current
        while node is not None and node is not self.root and node.tag != tag:
            node = node.parent
        if node is None or node is self.root:
            return
        while self.current is not node:
            self._pop()
        self._pop()

    def _pop(self) -> None:
        if self.current.parent is not None:
            self.current = self.current.parent
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(text: str, name: str) -> Node:
    """Parse one HTML page into a tree.

    Raises:
        ImportFormatError: The page is too large, has too many elements or nests too deeply.
    """
    if len(text) > MAX_HTML_BYTES:
        raise ImportFormatError(
            f"{name} is {len(text):,} characters long, more than SAR Desk reads from one HTML "
            "page of an export; it was not imported. Check it is an unchanged export page."
        )
    builder = _Builder(name)
    builder.feed(text)
    builder.close()
    return builder.root
