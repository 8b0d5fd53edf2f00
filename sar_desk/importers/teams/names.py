"""Display names of Teams accounts, gathered from the whole export before any message is read.

Graph often leaves ``displayName`` null (system events' initiators and members, senders in
some collectors' output) while another message, a mention, a reaction or a member list in the
same export names that account. A first pass over every file collects each account id's name
so that no record shows a bare GUID where the export names the person anywhere. Ids stay the
identifiers; the name is only what is shown. Costs one extra streaming parse of each file
(memory: one name per account).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import ijson

from sar_desk.core.identity import clean_whitespace
from sar_desk.importers.archive import ExportTree, decode_text
from sar_desk.importers.limits import feed_markup
from sar_desk.importers.teams.graph import skip_bom
from sar_desk.importers.teams.transcript import TranscriptParser

_PREFIXES = {
    "array": ("item",),
    "value": ("value.item",),
    "chat": ("chat", "members.item", "messages.item"),
}


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every object inside `value` (iteratively: exports can nest deeply)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _remember(names: dict[str, str], obj: dict[str, Any]) -> None:
    uid = obj.get("userId") or obj.get("id")
    name = obj.get("displayName")
    if isinstance(uid, str) and isinstance(name, str):
        uid, name = uid.lower(), clean_whitespace(name)
        # A name equal to the id is no name; the first real name seen wins.
        if uid and name and name.lower() != uid:
            names.setdefault(uid, name)


def graph_names(tree: ExportTree, name: str, shape: str, names: dict[str, str]) -> None:
    """Add the account names one Graph JSON file holds; a damaged tail is left to the reader."""
    for prefix in _PREFIXES[shape]:
        with contextlib.suppress(ijson.JSONError), tree.open(name) as handle:
            for item in ijson.items(skip_bom(handle), prefix, use_float=True):
                for obj in _walk(item):
                    _remember(names, obj)


def transcript_names(tree: ExportTree, name: str, names: dict[str, str]) -> None:
    """Add the participant and sender names one transcript file holds."""
    parser = TranscriptParser()
    feed_markup(parser, decode_text(tree.read_bytes(name), name), name)
    parser.close()
    pairs = [(attrs.get("data-user-id", ""), text) for attrs, text in parser.participants]
    pairs += [(b.sender_attrs.get("data-user-id", ""), b.sender) for b in parser.blocks]
    for uid, text in pairs:
        _remember(names, {"id": uid, "displayName": text})
