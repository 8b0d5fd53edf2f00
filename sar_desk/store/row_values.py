"""How a message's values are kept in a row: times as epoch microseconds, lists as JSON.

The import write path (`store.writer`) and the readers (`store.messages`, `store.detection`)
must agree on these encodings exactly, so they live in one place.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any, Final

from sar_desk.core.model import Attachment, Reaction

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
EMPTY_JSON: Final = "[]"


def to_micros(moment: datetime) -> int:
    """Microseconds since the epoch for an aware datetime."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def json_list(items: Sequence[Attachment] | Sequence[Reaction]) -> str:
    """The JSON the store keeps for attachments or reactions (what ``asdict`` would give).

    Both dataclasses hold only plain values, so a shallow dict per item is the same JSON as
    ``dataclasses.asdict`` at a fraction of its (deep-copying) cost.
    """
    if not items:
        return EMPTY_JSON
    return json.dumps([{name: getattr(i, name) for name in _field_names(type(i))} for i in items])


_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _field_names(kind: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    return names
