"""Internal records: redaction log (CSV + XLSX), search log, safety report, unredacted master.

These go to ``OUT/internal/`` (or the case folder) and never into the requester pack (R61).
They hold ids, codes, rationales and who/when; the unredacted master holds the original text
and therefore lives only in the case folder. Every writer is deterministic for the same inputs.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from sar_desk.core.disclosure import DisclosureDecisions
from sar_desk.core.model import Message
from sar_desk.export.options import SearchRecord
from sar_desk.export.render_model import RenderBundle

REDACTION_LOG_COLUMNS = (
    "item",
    "message id",
    "date",
    "conversation",
    "field",
    "start",
    "end",
    "entity type",
    "code",
    "statutory reference",
    "rationale",
    "proposer",
    "approver",
    "proposed at",
    "approved at",
)
SEARCH_LOG_COLUMNS = (
    "searched at",
    "user",
    "systems",
    "date from",
    "date to",
    "result count",
    "terms",
    "description",
)
# A cell starting with one of these is a formula to a spreadsheet program; neutralise it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def redaction_log_rows(
    bundle: RenderBundle, decisions: DisclosureDecisions, messages: Sequence[Message]
) -> list[list[str]]:
    """One row per approved redaction and per withheld message, in item order."""
    by_id = {m.id: m for m in messages}
    conv_ref = {m.message_id: c.ref for c in bundle.conversations for m in c.messages}
    rows: list[tuple[int, int, list[str]]] = []
    for message_id, item in bundle.items.items():
        msg = by_id[message_id]
        common = [str(item), str(int(message_id)), msg.timestamp.isoformat(), conv_ref[message_id]]
        withheld = decisions.withheld.get(message_id)
        if withheld is not None:
            rows.append(
                (
                    item,
                    0,
                    [
                        *common,
                        "whole message",
                        "",
                        "",
                        "WITHHELD",
                        withheld.code.code,
                        withheld.code.reference,
                        withheld.rationale,
                        withheld.proposer,
                        withheld.approver,
                        "",
                        withheld.approved_at.isoformat(),
                    ],
                )
            )
            continue
        group = decisions.redactions.get(message_id, ())
        for order, r in enumerate(sorted(group, key=lambda r: (str(r.field), r.start or 0)), 1):
            rows.append(
                (
                    item,
                    order,
                    [
                        *common,
                        str(r.field),
                        "" if r.start is None else str(r.start),
                        "" if r.end is None else str(r.end),
                        r.entity_type,
                        r.code.code,
                        r.code.reference,
                        r.rationale,
                        r.proposer,
                        r.approver,
                        r.proposed_at.isoformat(),
                        r.approved_at.isoformat(),
                    ],
                )
            )
    return [[_cell(v) for v in row] for _i, _o, row in sorted(rows, key=lambda t: t[:2])]


def search_log_rows(searches: Iterable[SearchRecord]) -> list[list[str]]:
    """The search log, oldest first."""
    ordered = sorted(searches, key=lambda s: (s.searched_at, s.user, s.terms))
    return [
        [
            _cell(v)
            for v in (
                s.searched_at.isoformat(),
                s.user,
                ", ".join(s.systems),
                s.date_from.isoformat() if s.date_from else "",
                s.date_to.isoformat() if s.date_to else "",
                s.result_count,
                s.terms,
                s.description,
            )
        ]
        for s in ordered
    ]


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """UTF-8 CSV with a BOM-less header and LF line ends (stable bytes)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_xlsx(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], created: datetime
) -> None:
    """The redaction log as a workbook with a fixed creation time (reproducible hash)."""
    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False}
    )
    workbook.set_properties(
        {"title": "Redaction log", "author": "SAR Desk", "created": created.replace(tzinfo=None)}
    )
    sheet = workbook.add_worksheet("Redaction log")
    bold = workbook.add_format({"bold": True})
    sheet.write_row(0, 0, list(header), bold)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, list(row))
    sheet.freeze_panes(1, 0)
    workbook.close()


def write_json(path: Path, data: Any) -> None:
    """Sorted-key, indented JSON with a final newline."""
    path.write_text(
        json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def write_master(folder: Path, messages: Sequence[Message], bundle: RenderBundle) -> Path:
    """The unredacted master: every in-scope message as stored, with its item number.

    Kept in the case folder only (``<case>/masters/<export-id>/``), never in the bundle.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "master.jsonl"
    by_id = {m.id: m for m in messages}
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for message_id, item in sorted(bundle.items.items(), key=lambda kv: kv[1]):
            msg = by_id[message_id]
            handle.write(
                json.dumps(
                    {
                        "item": item,
                        "message_id": int(msg.id),
                        "conversation": msg.conversation,
                        "platform": msg.platform,
                        "sender": msg.sender,
                        "sender_id": msg.sender_id,
                        "timestamp": msg.timestamp.isoformat(),
                        "kind": str(msg.kind),
                        "text": msg.text,
                        "attachments": [a.name for a in msg.attachments],
                        "reactions": [[r.emoji, r.actor] for r in msg.reactions],
                        "mentions": list(msg.mentions),
                        "edited": msg.edited,
                    },
                    sort_keys=True,
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path
