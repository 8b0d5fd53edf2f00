"""After the scan: withdraw this run's PERSON proposals on names the case shows to be things.

`detect.case_things` reads every scanned text of the selection for where each proposed name
stands ("Kevin the alpaca", "the Joe Davis table") and keeps the names no message shows as a
person or a place. The scan stored its proposals page by page before the whole case had been
read, so this step removes again those of this run's proposals on such names that the review
queue has not yet taken in (`store.withdrawn`); the spread pass then neither spreads those
names nor adds proposals on them. The same drop happens in `detect.analyze.analyze_all`, so
the measured figures and the stored proposals agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sar_desk.app.detection_scan import Scanned
from sar_desk.core.jobs import CancelToken
from sar_desk.core.records import Selection
from sar_desk.store import Store
from sar_desk.store.uow import unit_of_work

if TYPE_CHECKING:
    from sar_desk.detect.case_terms import CaseContext


def withdraw_things(
    db: Store,
    span: Selection,
    run_id: int,
    context: CaseContext,
    scanned: Scanned,
    cancel: CancelToken,
    counts: Counter[str],
    page_size: int,
) -> tuple[frozenset[str], int]:
    """The case's thing names (`case_things` keys) and how many proposals were withdrawn.

    The texts come from `scanned` when this run read every scanned message of `span` and
    could keep them; otherwise they are read back from the store. `counts` (the run's
    findings by entity type) loses the withdrawn proposals.
    """
    from sar_desk.detect.case_things import CASE_SOURCES, case_things, thing_key

    with unit_of_work(db) as uow:
        names = [t for _i, _m, t, _h in uow.detection.person_proposals(CASE_SOURCES)]
        mine = uow.detection.person_proposals(CASE_SOURCES, run_id)
        total = uow.detection.count_scanned(span)
    if not names:
        return frozenset(), 0
    kept = scanned.texts if scanned.count == total else None
    texts = kept.values() if kept is not None else _stored_texts(db, span, cancel, page_size)
    things = case_things(texts, names, context.name_index)
    cancel.check()
    doomed = [i for i, _m, t, held in mine if not held and thing_key(t) in things]
    if not doomed:
        return things, 0
    with unit_of_work(db, write=True) as uow:
        gone = uow.detection.withdraw_proposals(doomed)
    counts.subtract({"PERSON": gone})
    return things, gone


def _stored_texts(db: Store, span: Selection, cancel: CancelToken, size: int) -> Iterator[str]:
    """Every scanned text of `span`, read a page at a time (a case too large to keep)."""
    after = 0
    while True:
        cancel.check()
        with unit_of_work(db) as uow:
            page = uow.detection.scanned_page(span, after, size)
        if not page:
            return
        yield from (m.text for m in page)
        after = int(page[-1].id)
