"""The demo: the main job end to end on the synthetic sample exports bundled in resources/.

Used by ``sar-desk demo`` and the window's "Open demo case". Every step goes through
`CaseSession`, exactly as a caseworker's would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sar_desk.app.attachment_review import AttachmentItemView
from sar_desk.app.importing import ImportFailure
from sar_desk.app.paths import resource_path
from sar_desk.app.session import CaseSession
from sar_desk.core.attachment_review import RedactionBox
from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.core.model import Case, Regime
from sar_desk.core.organisation import DEMO_PROFILE
from sar_desk.core.search import SearchQuery, day_range

DEMO_USER = "demo-officer"
DEMO_REVIEWER = "demo-reviewer"
#: Every demo user's passphrase (issue 17): the demo case is synthetic, so it is no secret, and
#: with it anyone trying the demo can act as its users (``--as``, the window's "Acting as").
DEMO_PASSPHRASE = "demo passphrase"


def demo_case() -> Case:
    """The demo request: a SAR from a council tenant about a housing team's chat."""
    return Case(
        reference="SAR-DEMO-0001",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        aliases=("Alex", "+44 7911 123456", "alex.morgan@example.org"),
        scope_from=date(2026, 1, 1),
        scope_to=date(2026, 4, 30),
    )


def sample_exports() -> list[Path]:
    """The bundled sample exports, one entry per source, in a stable order.

    Each platform folder also holds a README and the script that generated its samples; those
    are documentation, not exports.
    """
    root = resource_path("samples")
    found: list[Path] = []
    for platform_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        found.extend(
            sorted(
                p
                for p in platform_dir.iterdir()
                if not p.name.startswith(".") and p.suffix.lower() not in {".md", ".py"}
            )
        )
    return found


@dataclass
class DemoResult:
    """Where the demo case is and what each step did (lines for the user)."""

    folder: Path
    lines: list[str] = field(default_factory=list)


Step = Callable[[CaseSession, DemoResult, CancelToken], Job[None]]


def _import_step(session: CaseSession, result: DemoResult, cancel: CancelToken) -> Job[None]:
    outcomes = yield from session.ingest.import_files(
        sample_exports(), custodian="Housing team", cancel=cancel
    )
    for outcome in outcomes:
        if isinstance(outcome, ImportFailure):
            result.lines.append(f"Not imported: {outcome.path.name}: {outcome.message}")
        else:
            result.lines.append(
                f"Imported {outcome.source.original_name} ({outcome.platform}): "
                f"{outcome.messages} messages, {outcome.system} system events, "
                f"{outcome.duplicates} duplicates, {len(outcome.issues)} skipped lines"
            )


def _search_step(session: CaseSession, result: DemoResult, cancel: CancelToken) -> Job[None]:
    cancel.check()
    case = session.case
    start, end = day_range(case.scope_from, case.scope_to, case.timezone)
    query = SearchQuery(date_from=start, date_to=end)
    result.lines.append(
        f"Messages in scope ({case.scope_from} to {case.scope_to}): {session.search.count(query)}"
    )
    yield Progress(1, 1, "Searched the case")


def _detect_step(session: CaseSession, result: DemoResult, cancel: CancelToken) -> Job[None]:
    # Only the disclosure set is going out, so only it needs proposals.
    summary = yield from session.detection.run_detection(scope="in-scope", cancel=cancel)
    counts = ", ".join(
        f"{entity} {n}"
        for entity, n in sorted(summary.by_entity.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    result.lines.append(
        f"Detection: {summary.findings} proposals in {summary.scanned} messages"
        + (f" ({counts})" if counts else "")
    )


def _review_step(session: CaseSession, result: DemoResult, cancel: CancelToken) -> Job[None]:
    # Imported here so this step stays self-contained within the demo module's shared header.
    from sar_desk.core.decisions import Action
    from sar_desk.review.bulk import BulkSelection
    from sar_desk.review.roles import Role

    cancel.check()
    session.review.add_user(DEMO_REVIEWER, Role.REVIEWER, DEMO_PASSPHRASE)
    accepted = session.review.bulk_decide(
        BulkSelection(everything=True),
        Action.ACCEPT,
        code="default",
        rationale="Third-party personal data; no consent",
        confirmed=True,
    )
    if accepted.plan.refused:
        # Para 16 only covers another individual's data (issue 13): the demo reviewer records
        # that these items are the requester's own or not about anyone else, so disclosed.
        session.review.decide(
            [item for item, _why in accepted.plan.refused],
            Action.REJECT,
            note="Demo: the requester's own data or not about another individual: disclosed",
        )
    yield Progress(1, 3, "Accepted the proposals")
    reviewer = CaseSession.open(session.folder, DEMO_REVIEWER)
    try:
        approved = reviewer.review.bulk_decide(
            BulkSelection(everything=True), Action.APPROVE, confirmed=True
        )
    finally:
        reviewer.close()
    yield Progress(2, 3, "Approved the redactions")
    result.lines.append(
        f"Review: {DEMO_USER} accepted {len(accepted.decided)} proposals with the "
        f"{session.case.regime.name} default code (bulk, case-by-case warning acknowledged); "
        f"{DEMO_REVIEWER} approved {len(approved.decided)}"
    )
    result.lines.extend(f"  {line}" for line in accepted.plan.skipped_lines())
    if accepted.plan.refused:
        result.lines.append(
            f"  {DEMO_USER} rejected those {len(accepted.plan.refused)} items: the requester's "
            "own data or not about another individual, so disclosed (recorded)"
        )
    _places_step(session, result)
    _attachments_step(session, result)
    needed = session.review.signoff_required()
    if needed:
        # The demo's DPO signs off so the export gate (R54) can be shown passing.
        session.review.add_user("demo-dpo", Role.DPO, DEMO_PASSPHRASE)
        dpo = CaseSession.open(session.folder, "demo-dpo")
        try:
            dpo.review.sign_off("Demo: checked the redactions and the reasons for sign-off")
        finally:
            dpo.close()
        result.lines.append(f"DPO sign-off recorded ({len(needed)} reasons)")
    yield Progress(3, 3, "Review done")


def _attachments_step(session: CaseSession, result: DemoResult) -> None:
    """The photos and documents, decided by the demo's scripted reviewers (four eyes).

    Export refuses while one is undecided: the officer blacks out the boxes proposed from what
    detection found, or discloses it whole, and the demo reviewer approves.
    """
    from sar_desk.core.attachment_review import AttachmentAction

    items = session.attachments.attachment_items()
    if not items:
        return
    ids = session.scope.disclosure_set()
    terms = session.review.disclosure_decisions(ids).protected_terms
    for item in items:
        # Detection's boxes, plus any words redacted elsewhere in the case (the leak check
        # reads the picture back and stops the export if one of them is still legible).
        boxes = list(item.proposed) + [
            b for b in _term_boxes(item, terms) if b not in item.proposed
        ]
        if boxes:
            session.attachments.decide_attachment(
                item.attachment.id,
                AttachmentAction.REDACT,
                "default",
                boxes,
                about_another=True,
                note="Demo: the proposed boxes cover other people's details",
            )
        else:
            session.attachments.decide_attachment(item.attachment.id, AttachmentAction.DISCLOSE)
    reviewer = CaseSession.open(session.folder, DEMO_REVIEWER)
    try:
        for item in items:
            reviewer.attachments.approve_attachment(item.attachment.id)
    finally:
        reviewer.close()
    result.lines.append(
        f"Attachments: {DEMO_USER} decided {len(items)} (boxes where detection found other "
        f"people's details), {DEMO_REVIEWER} approved them"
    )


def _term_boxes(item: AttachmentItemView, terms: Sequence[str]) -> list[RedactionBox]:
    """Boxes over the words of an attachment's text that spell a term redacted elsewhere."""
    from sar_desk.core.attachments import boxes_for_span, merge_boxes

    text = item.attachment.text
    out: list[RedactionBox] = []
    for term in terms:
        for found in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE):
            words = boxes_for_span(item.words, found.start(), found.end())
            out += [
                RedactionBox(x0, y0, x1, y1, page) for page, x0, y0, x1, y1 in merge_boxes(words)
            ]
    return out


def _places_step(session: CaseSession, result: DemoResult) -> None:
    """The safety net's places: the demo's scripted reviewers decide them, as recorded decisions.

    The net never redacts by itself; where it finds a redacted term elsewhere, the demo
    officer applies the same redaction there and the demo reviewer approves it (four eyes).
    """
    from sar_desk.core.decisions import Action
    from sar_desk.review.bulk import BulkSelection

    places = session.places.safety_net_places()
    if not places:
        return
    reason = "Demo: the same third party as the approved redaction elsewhere"
    decided = session.places.decide_safety_net_places(redact=True, reason=reason)
    if decided.refused:
        # A short name that is also a word ("Jan") needs a person's judgement that it is
        # another individual here; the demo officer records it, then applies the redaction.
        session.subjects.link_items(
            [item for item, _why in decided.refused],
            other_individual=True,
            reason="Demo: the same colleague named in the approved redaction elsewhere",
        )
        again = session.places.decide_safety_net_places(redact=True, reason=reason)
        decided = replace(decided, items=(*decided.items, *again.items), refused=again.refused)
    reviewer = CaseSession.open(session.folder, DEMO_REVIEWER)
    try:
        approved = reviewer.review.bulk_decide(
            BulkSelection(everything=True), Action.APPROVE, confirmed=True
        )
    finally:
        reviewer.close()
    result.lines.append(
        f"Safety net: {len(places)} places held a term redacted elsewhere; {DEMO_USER} applied "
        f"the same redaction to {len(decided.items)} occurrences, {DEMO_REVIEWER} approved "
        f"{len(approved.decided)}"
    )


def _export_step(session: CaseSession, result: DemoResult, cancel: CancelToken) -> Job[None]:
    if not session.search.search_log():
        # The cover letter must say what was searched (R57): record the scope search.
        case = session.case
        start, end = day_range(case.scope_from, case.scope_to, case.timezone)
        session.search.search_logged(
            SearchQuery(date_from=start, date_to=end), limit=1, origin="demo"
        )
    out = result.folder / "bundle"
    if session.base.case_folder.is_encrypted():  # an encrypted case holds no plain bundle
        out = result.folder.parent / f"{result.folder.name}-bundle"
    try:
        manifest = yield from session.export.export_bundle(out, cancel=cancel)
    except ExportBlockedError as exc:
        result.lines.append(f"Export refused: {exc}")
        return
    report = session.export.verify_bundle(out)
    passed = sum(r.passed for r in report.results)
    result.lines.append(
        f"Bundle exported to {out}: {manifest.pages} PDF pages, "
        f"{manifest.counts['in_scope']} items ({manifest.counts['disclosed_in_part']} redacted, "
        f"{manifest.counts['withheld']} withheld)"
    )
    result.lines.append(
        f"Bundle verified: {passed} of {len(report.results)} checks passed"
        + ("" if report.ok else " — DO NOT SEND: the safety report says which checks failed")
    )
    result.lines.append(f"Requester pack: {out / 'pack'} (never send {out / 'internal'})")


def _people_search_step(session: CaseSession, result: DemoResult, cancel: CancelToken) -> Job[None]:
    """Find the requester across platforms and run a logged person + date-range search."""
    from sar_desk.core.model import PersonRole  # local imports: this step's own
    from sar_desk.core.scope import Relevance

    cancel.check()
    resolved = session.people.resolve_people()
    people = session.people.people()
    requester = [p.person for p in people if p.person.role is PersonRole.REQUESTER]
    result.lines.append(
        f"People: {len(people)} across platforms; {len(requester)} identified as the requester; "
        f"{resolved.open_suggestions} name suggestions to review"
    )
    if not requester:
        result.lines.append(
            "The requester was not found by phone or e-mail; check the people list."
        )
        yield Progress(1, 1, "Resolved people")
        return
    case = session.case
    start, end = day_range(case.scope_from, case.scope_to, case.timezone)
    query = SearchQuery(person_ids=tuple(p.id for p in requester), date_from=start, date_to=end)
    found = session.search.search_logged(query, limit=0, origin="demo")
    result.lines.append(
        f"Search for {requester[0].display_name} from {case.scope_from} to {case.scope_to} "
        f"(search log #{found.log_id}): {found.total} messages"
    )
    for platform, count in sorted(found.by_platform.items()):
        result.lines.append(f"  {platform}: {count}")
    for platform, title, count in found.by_conversation:
        result.lines.append(f"  {platform}/{title}: {count}")
    # A caseworker would read each hit; the demo takes them all as about the requester (R27).
    marked = session.scope.mark_scope(
        session.scope.search_ids(query),
        Relevance.ABOUT_REQUESTER,
        "Demo: hits of the requester search",
    )
    result.lines.append(f"Marked {marked} messages as about the requester (disclosure set)")
    yield Progress(1, 1, "Searched by person and date")


# The IG workflow's order: collect, search and scope, then detect in scope, review, disclose.
STEPS: list[tuple[str, Step]] = [
    ("Importing the sample exports", _import_step),
    ("Searching", _search_step),
    ("Finding the requester across platforms", _people_search_step),
    ("Detecting personal data", _detect_step),
    ("Reviewing the proposals", _review_step),
    ("Exporting and verifying the bundle", _export_step),
]


def run_demo(
    folder: Path, cancel: CancelToken | None = None, case_passphrase: str | None = None
) -> Job[DemoResult]:
    """Build the demo case in `folder` (which must be new or empty) and run every step.

    With `case_passphrase` the demo case is encrypted (`app.encryption`).
    """
    cancel = cancel or CancelToken()
    result = DemoResult(folder)
    session = CaseSession.create(
        folder,
        demo_case(),
        user=DEMO_USER,
        passphrase=DEMO_PASSPHRASE,
        case_passphrase=case_passphrase,
    )
    try:
        # The demo answers as its fictional council, whatever profile is installed.
        session.export.set_case_organisation(DEMO_PROFILE.to_json())
        result.lines.append(f"Created case {session.case.reference} in {folder}")
        due, _days_left = session.clock.deadline(session.case.received)
        result.lines.append(f"Statutory deadline: {due.due:%a %d %b %Y}")
        for index, (label, step) in enumerate(STEPS):
            yield Progress(index, len(STEPS), label)
            yield from step(session, result, cancel)
    finally:
        session.close()
    return result
