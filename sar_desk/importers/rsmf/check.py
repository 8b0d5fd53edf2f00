"""Validation of an RSMF manifest: the schema's required fields and the referential rules.

Strict mode refuses a manifest with any problem, naming the field (``events[3].participant``).
Lenient mode accepts the mistakes producers commonly make (numeric ids, timestamps without an
offset, a missing ``version`` that the e-mail header gives, references to participants or
parent events that are not in the file, attachments missing from the zip) and reports each as
an import issue; problems it cannot repair (no events list, an unknown event type, a missing
conversation) are refused in both modes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sar_desk.core.errors import Hint, ImportFormatError
from sar_desk.core.imports import ImportReport

EVENT_TYPES = frozenset({"message", "disclaimer", "join", "leave", "history", "unknown"})


@dataclass
class Manifest:
    """A validated manifest, with objects keyed by their (string) ids."""

    version: str
    participants: dict[str, dict[str, Any]] = field(default_factory=dict)
    conversations: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)


class _Checker:
    def __init__(self, name: str, lenient: bool, report: ImportReport, strict: bool) -> None:
        self.name = name
        self.lenient = lenient
        self.strict = strict
        self.report = report
        self.fatal: list[str] = []
        self.offsetless: list[str] = []  # events whose timestamp has no UTC offset

    def fail(self, where: str, why: str) -> None:
        """A problem lenient mode cannot repair."""
        self.fatal.append(f"{where} {why}")

    def fix(self, where: str, why: str) -> bool:
        """A common producer mistake: reported in lenient mode, fatal in strict mode."""
        if self.lenient:
            self.report.skip(f"{self.name} {where}", f"{why} (accepted in lenient mode).")
            return True
        self.fatal.append(f"{where} {why}")
        return False

    def ident(self, obj: dict[str, Any], key: str, where: str) -> str | None:
        value = obj.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if self.fix(f"{where}.{key}", f"is the number {value}, but ids must be strings"):
                obj[key] = str(value)
                return str(value)
            return None
        self.fail(f"{where}.{key}", "is missing or empty (it is required)")
        return None

    def ref(
        self,
        obj: dict[str, Any],
        key: str,
        where: str,
        known: set[str] | dict[str, Any],
        kind: str,
        repairable: bool = True,
    ) -> None:
        """Check that ``obj[key]`` (if present) names a known id; numbers become strings."""
        if obj.get(key) is not None:
            obj[key] = self.ref_value(obj[key], f"{where}.{key}", known, kind, repairable)

    def ref_value(
        self,
        value: Any,
        where: str,
        known: set[str] | dict[str, Any],
        kind: str,
        repairable: bool = True,
    ) -> Any:
        """Check one reference; returns it as a string when lenient mode repaired a number."""
        if isinstance(value, int) and not isinstance(value, bool):
            if not self.fix(where, f"is the number {value}, but ids must be strings"):
                return value
            value = str(value)
        if str(value) not in known:
            message = f"refers to {kind} '{value}', which is not in the manifest"
            if repairable:
                self.fix(where, message)
            else:
                self.fail(where, message)
        return value


def _list(root: dict[str, Any], key: str, check: _Checker) -> list[Any]:
    value = root.get(key)
    if not isinstance(value, list):
        check.fail(key, "is missing or not a list (it is required)")
        return []
    return value


def validate(
    data: Any,
    name: str,
    files: set[str],
    headers: dict[str, str],
    lenient: bool,
    report: ImportReport,
    strict: bool = False,
) -> Manifest:
    """Check a manifest and return it keyed by id.

    Raises:
        ImportFormatError: The manifest breaks the schema or the reference rules (strict), or
            has a problem lenient mode cannot repair. The message names the fields.
    """
    check = _Checker(name, lenient, report, strict)
    if not isinstance(data, dict):
        raise ImportFormatError(
            f"{name}: rsmf_manifest.json is not a JSON object, so it is not "
            "an RSMF manifest. Ask the supplier to regenerate it."
        )
    version = data.get("version")
    if not (isinstance(version, str) and len(version) >= 5):
        header = headers.get("x-rsmf-version", "")
        if header and check.fix("version", f"is missing; the e-mail header says {header}"):
            version = header
        elif not header:
            check.fail("version", "is missing or shorter than 5 characters (e.g. '2.0.0')")
    man = Manifest(version=str(version or ""))
    for i, person in enumerate(_list(data, "participants", check)):
        if not isinstance(person, dict):
            check.fail(f"participants[{i}]", "is not an object")
        elif (pid := check.ident(person, "id", f"participants[{i}]")) is not None:
            man.participants[pid] = person
            _file(person, "avatar", f"participants[{i}]", files, check)
    for i, conv in enumerate(_list(data, "conversations", check)):
        where = f"conversations[{i}]"
        if not isinstance(conv, dict):
            check.fail(where, "is not an object")
            continue
        cid = check.ident(conv, "id", where)
        if not isinstance(conv.get("platform"), str):
            check.fail(f"{where}.platform", "is missing (it is required)")
        members = conv.get("participants")
        if not isinstance(members, list):
            check.fail(f"{where}.participants", "is missing or not a list (it is required)")
            members = []
        for j, member in enumerate(members):
            where_j = f"{where}.participants[{j}]"
            members[j] = str(check.ref_value(member, where_j, man.participants, "participant"))
        check.ref(conv, "custodian", where, man.participants, "participant")
        _file(conv, "icon", where, files, check)
        if cid is not None:
            man.conversations[cid] = conv
    ids = {
        str(e.get("id"))
        for e in data.get("events") or []
        if isinstance(e, dict) and e.get("id") is not None
    }
    for i, event in enumerate(_list(data, "events", check)):
        where = f"events[{i}]"
        if not isinstance(event, dict):
            check.fail(where, "is not an object")
            continue
        if event.get("type") not in EVENT_TYPES:
            check.fail(
                f"{where}.type",
                f"is {event.get('type')!r}, not one of {', '.join(sorted(EVENT_TYPES))}",
            )
        if "id" in event:
            check.ident(event, "id", where)
        check.ref(event, "participant", where, man.participants, "participant")
        check.ref(event, "conversation", where, man.conversations, "conversation", False)
        check.ref(event, "parent", where, ids, "event")
        _timestamp(event, where, check)
        for j, att in enumerate(event.get("attachments") or []):
            if not isinstance(att, dict) or not att.get("id"):
                check.fail(f"{where}.attachments[{j}].id", "is missing (it is required)")
            elif str(att["id"]) not in files:
                check.fix(
                    f"{where}.attachments[{j}].id", f"names '{att['id']}', which is not in rsmf.zip"
                )
        man.events.append(event)
    if check.fatal:
        shown = "; ".join(check.fatal[:5])
        more = f" (and {len(check.fatal) - 5} more)" if len(check.fatal) > 5 else ""
        hint = "" if lenient else " A lenient import accepts common producer mistakes."
        raise ImportFormatError(
            f"{name} is not a valid RSMF manifest: {shown}{more}.{hint}",
            hint=None if lenient else Hint.LENIENT_IMPORT,
        )
    if check.offsetless:
        first = ", ".join(check.offsetless[:3])
        more = ", ..." if len(check.offsetless) > 3 else ""
        report.warn(
            f"{name}: {len(check.offsetless):,} event times have no UTC offset ({first}{more}); "
            "they were read as local times in the case time zone."
        )
    return man


def _file(obj: dict[str, Any], key: str, where: str, files: set[str], check: _Checker) -> None:
    value = obj.get(key)
    if value and str(value) not in files:
        check.fix(f"{where}.{key}", f"names '{value}', which is not in rsmf.zip")


def _timestamp(event: dict[str, Any], where: str, check: _Checker) -> None:
    stamp = event.get("timestamp")
    if stamp is None:
        return
    try:
        parsed = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        check.fail(f"{where}.timestamp", f"is {stamp!r}, not an ISO 8601 date-time")
        return
    if parsed.tzinfo is None:
        # The schema allows it (the official sample has none); only strict mode refuses it.
        if check.strict:
            check.fatal.append(f"{where}.timestamp is {stamp!r} with no UTC offset")
        else:
            check.offsetless.append(where)
