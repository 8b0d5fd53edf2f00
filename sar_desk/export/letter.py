"""The cover letter: versioned template text filled from the case, the organisation and the bundle.

SAR letters carry every Art. 15(1)(a)-(h) and 15(2) item, complaint routes and the DPO; FOI,
EIR, FOISA and EISR letters carry the confirm/deny statement and the refusal-notice elements for
the recorded outcome (held, not held, neither confirm nor deny, refused; see `export.notice`).
A mandatory section that comes out empty blocks the export (R57, R58).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.model import SCOTTISH_REGIMES, Regime
from sar_desk.export import notice
from sar_desk.export.options import BundleInputs, BundleOptions, SearchRecord
from sar_desk.export.pseudonyms import marker_for
from sar_desk.export.render_model import RenderBundle

TEMPLATE_FILE = "templates/letters.json"


@dataclass(frozen=True, slots=True)
class LetterSection:
    """A heading and its paragraphs."""

    id: str
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Letter:
    """The filled-in cover letter."""

    title: str
    date_label: str
    template_version: str
    sections: tuple[LetterSection, ...]

    def all_strings(self) -> list[str]:
        """Every string of the letter, for the safety net and the pre-render check."""
        return [self.title] + [t for s in self.sections for t in (s.heading, *s.paragraphs)]


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def search_summary(searches: tuple[SearchRecord, ...]) -> list[str]:
    """What was searched, grouped by systems and date range; never the search terms."""
    groups: dict[tuple[tuple[str, ...], date | None, date | None], list[SearchRecord]] = (
        defaultdict(list)
    )
    for record in searches:
        groups[(tuple(sorted(record.systems)), record.date_from, record.date_to)].append(record)
    lines: list[str] = []
    for (systems, start, end), records in sorted(groups.items(), key=lambda kv: repr(kv[0])):
        where = ", ".join(systems) if systems else "all imported chat exports"
        if start and end:
            period = f"messages from {_day(start)} to {_day(end)}"
        elif start:
            period = f"messages from {_day(start)}"
        elif end:
            period = f"messages up to {_day(end)}"
        else:
            period = "messages of any date"
        first = min(r.searched_at for r in records).date()
        last = max(r.searched_at for r in records).date()
        ran = _day(first) if first == last else f"{_day(first)} to {_day(last)}"
        found = sum(r.result_count for r in records)
        lines.append(
            f"{len(records)} search{'es' if len(records) != 1 else ''} of {where} covering "
            f"{period}, run on {ran}, found {found} matching messages in total."
        )
    return lines


def _context(inputs: BundleInputs, options: BundleOptions, bundle: RenderBundle) -> dict[str, Any]:
    org = options.organisation
    case = inputs.case
    marker = marker_for(bundle.codes[0]) if bundle.codes else "[REDACTED · code]"
    held = notice.confirm_deny(inputs)
    if inputs.outcome is None and not options.information_held:
        held = "We do not hold information falling within your request."
    regulators = _template(inputs.resources)["regulators"]
    return {
        **{k: getattr(org, k) for k in org.__dataclass_fields__},
        **{k: str(v) for k, v in bundle.counts.items()},
        "requester": case.requester or "requester",
        "received": _day(case.received),
        "reference": case.reference,
        "regime_label": case.regime.label,
        "timezone": case.timezone,
        "marker_example": marker,
        "pseudonym_note": (
            "Other people are shown as Person A, Person B and so on, the same letter for the "
            "same person throughout. "
            if options.pseudonyms
            else ""
        ),
        "confirm_deny": held,
        "advice": options.advice or _template(inputs.resources)["default_advice"],
        "regulator_text": regulators["sic" if case.regime in SCOTTISH_REGIMES else "ico"],
        "review_text": (
            notice.review_text(inputs, org.internal_review_contact)
            if case.regime in notice.NOTICE_LAW
            else ""
        ),
    }


def _template(resources: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((resources / TEMPLATE_FILE).read_text(encoding="utf-8"))
    return data


def build_letter(inputs: BundleInputs, options: BundleOptions, bundle: RenderBundle) -> Letter:
    """Fill the regime's letter template.

    Raises:
        ExportBlockedError: A mandatory section is empty (naming it and what to fill in).
    """
    template = _template(inputs.resources)
    part = template["sar" if inputs.case.regime == Regime.SAR else "foi"]
    context = _context(inputs, options, bundle)
    kind = str(inputs.outcome.kind) if inputs.outcome is not None else "held"
    sections: list[LetterSection] = []
    for spec in part["sections"]:
        # FOI-type letters show a section only for the outcomes it belongs to (held by default
        # shows everything); a section is mandatory only for the outcomes listed.
        if kind not in spec.get("outcomes", [kind]):
            continue
        generated = spec.get("generated")
        if generated == "searches":
            paragraphs = search_summary(inputs.searches)
        elif generated == "exemptions":
            paragraphs = (
                notice.refusal_elements(inputs, bundle)
                if kind == "held"
                else notice.outcome_elements(inputs, str(context["advice"]))
            )
        else:
            paragraphs = [p.format_map(context).strip() for p in spec["paragraphs"]]
        paragraphs = [p for p in paragraphs if p]
        mandatory = spec["mandatory"] and kind in spec.get("mandatory_for", [kind])
        if mandatory and not paragraphs:
            raise ExportBlockedError(
                f"The cover letter section '{spec['heading'] or spec['id']}' is empty. "
                + _how_to_fill(spec["id"])
            )
        if paragraphs:
            sections.append(LetterSection(spec["id"], spec["heading"], tuple(paragraphs)))
    letter_day = options.letter_date or options.generated_at.date()
    return Letter(part["title"], _day(letter_day), template["version"], tuple(sections))


def _how_to_fill(section_id: str) -> str:
    if section_id == "searches":
        return (
            "No searches are recorded for this case; run and record the searches before "
            "exporting, so the letter can say what was searched."
        )
    return (
        "Fill in the organisation profile (name, address, DPO and requests e-mails; for a "
        "subject access request also the retention, automated decision-making and transfers "
        "statements) and try again."
    )
