"""The detection job's two passes over the store: the scan and the spread pass.

The scan reads unscanned messages page by page and stores each page's findings with the page
marked scanned, in one transaction, so a cancelled run resumes where it stopped. With a worker
pool that knows the case (`detect.detector.DetectionPool.use_context`), whole pages go to the
workers, which run every pass and return finished findings; this process keeps a few pages in
flight and only reads and writes. Otherwise detection runs ahead in the workers (`prefetch`)
and the case-aware passes run here, as before.

The spread pass (`detect.propagate`) matches names found anywhere in the case in every
message. It reads the texts this run scanned from memory instead of the store, and the
stored findings only of messages where a name matched.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from sar_desk.core.findings import Finding
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.core.model import ConversationId, Message, MessageId
from sar_desk.core.records import Selection
from sar_desk.store import Store
from sar_desk.store.uow import unit_of_work

if TYPE_CHECKING:
    from sar_desk.detect.analyze import Detector
    from sar_desk.detect.case_terms import CaseContext

SCANNING = "Scanning messages for personal data"
SPREADING = "Looking for names found elsewhere in the case"
# Texts kept for the spread pass; a larger run reads them back from the store instead.
KEEP_TEXTS = 200_000


class Scanned:
    """What the scan leaves for the spread pass: the texts it read, in id order."""

    def __init__(self) -> None:
        self.count = 0
        self.texts: dict[int, str] | None = {}

    def add(self, page: list[Message]) -> None:
        """Count a stored page and keep its texts (until there are too many)."""
        self.count += len(page)
        if self.texts is not None:
            self.texts.update((int(m.id), m.text) for m in page)
            if len(self.texts) > KEEP_TEXTS:
                self.texts = None


def scan(
    db: Store,
    run_id: int,
    span: Selection,
    total: int,
    context: CaseContext,
    detector: Detector,
    cancel: CancelToken,
    counts: Counter[str],
    batch: int,
    workers: int = 1,
) -> Job[Scanned]:
    """Scan and store every unscanned message of `span`, a page per transaction."""
    from sar_desk.detect.titles import title_carriers

    done = Scanned()
    with unit_of_work(db) as uow:
        titled = uow.detection.titled_conversations()
        # A title's proposals ride on a disclosed message where there is one (issue 20).
        preferred = {int(i) for i in uow.scope.disclosure_ids()}

    def pages(size: int) -> Iterator[list[Message]]:
        after = 0
        while True:
            with unit_of_work(db) as uow:
                page = uow.detection.unscanned_page(span, after, size)
            if not page:
                return
            yield page
            after = int(page[-1].id)

    def store(page: list[Message], found: list[Finding]) -> Progress:
        with unit_of_work(db, write=True) as uow:
            uow.findings.save_findings(found)
            uow.detection.add_progress(run_id, [int(m.id) for m in page], len(found))
        counts.update(f.entity_type for f in found)
        done.add(page)
        return Progress(done.count, total, SCANNING)

    submit = getattr(detector, "submit", None)
    if workers > 1 and submit is not None and getattr(detector, "case_aware", False):
        # Pages of `batch` messages, each a worker's job; a page per worker and one more are
        # in flight, so no worker waits while this process stores a page.
        flight: deque[tuple[list[Message], Callable[[], list[Finding]]]] = deque()
        for page in pages(batch):
            cancel.check()
            flight.append((page, submit(page, title_carriers(page, titled, preferred))))
            if len(flight) > workers:
                yield store(*_landed(flight))
        while flight:
            cancel.check()
            yield store(*_landed(flight))
        return done
    yield from _scan_here(
        pages(batch * workers), store, context, detector, cancel, titled, preferred, workers > 1
    )
    return done


def _landed(
    flight: deque[tuple[list[Message], Callable[[], list[Finding]]]],
) -> tuple[list[Message], list[Finding]]:
    page, wait = flight.popleft()
    return page, wait()


def _scan_here(
    pages: Iterator[list[Message]],
    store: Callable[[list[Message], list[Finding]], Progress],
    context: CaseContext,
    detector: Detector,
    cancel: CancelToken,
    titled: set[ConversationId],
    preferred: set[int],
    ahead: bool,
) -> Job[None]:
    """The case-aware passes in this process; a pool's workers detect the next page ahead."""
    from sar_desk.detect.analyze import ResultCache, analyze_batch
    from sar_desk.detect.prefetch import prefetch
    from sar_desk.detect.titles import title_carriers

    cache = ResultCache()
    page = next(pages, [])
    wait = prefetch(cache, detector, [m.text for m in page]) if ahead else None
    while page:
        cancel.check()
        following = next(pages, [])
        if wait is not None:
            # The workers start on the next page now and detect it while this page's
            # case-aware passes and writes run here (same spans: detect/prefetch.py).
            wait(m.text for m in page)
            wait = prefetch(cache, detector, [m.text for m in following])
        found: list[Finding] = analyze_batch(
            detector,
            [(m.id, m.text) for m in page],
            context,
            cache,
            messages=page,
            titles=title_carriers(page, titled, preferred),
        )
        yield store(page, found)
        page = following


def spread(
    db: Store,
    span: Selection,
    context: CaseContext,
    cancel: CancelToken,
    counts: Counter[str],
    page_size: int,
    scanned: Scanned | None = None,
    detector: Detector | None = None,
    things: frozenset[str] = frozenset(),
) -> Job[int]:
    """The spread pass over every scanned message of `span`; returns the findings it added.

    `scanned` holds the texts this run read; when it covers every scanned message of `span`
    (nothing was scanned by an earlier run) they are used instead of reading the store again,
    and a worker pool that knows the case matches the names while this process stores.
    """
    from sar_desk.detect.case_things import thing_key, without_thing_names
    from sar_desk.detect.paired_names import paired_names
    from sar_desk.detect.propagate import (
        PROPAGATION_SOURCES,
        propagation_names,
        settle,
        settled_spans,
        spread_hits,
    )
    from sar_desk.detect.spread_seeds import seed_items

    with unit_of_work(db) as uow:
        seeds = uow.detection.person_name_seeds(PROPAGATION_SOURCES)
        total = uow.detection.count_scanned(span)
    kept = scanned.texts if scanned is not None and scanned.count == total else None
    # Names the case shows to be things ("Kevin the alpaca": `detection_things`) are not
    # spread, nor their words, and no spread proposal lands on them.
    seeds = [s for s in seeds if thing_key(s[1]) not in things]
    names = propagation_names(seed_items(seeds))
    # "Nobody Okafor": a given name that is a word, known case-wide by its family name.
    texts = (t for items in _scanned_pages(db, span, page_size, kept) for _i, t in items)
    names = sorted(set(names) | set(paired_names(texts, things)))
    if not names:
        return 0
    wider = context.with_propagated(names)
    # Each page's findings are read before its names are matched: a page's messages change
    # only when that page is stored, so `settle` sees the same findings.
    pages: Iterator[_Page] = (
        (items, found, settled_spans(found), None)
        for items, found in _with_findings(db, _scanned_pages(db, span, page_size, kept))
    )
    submit = getattr(detector, "submit_spread", None)
    if kept is not None and submit is not None and getattr(detector, "case_aware", False):
        pages = _matched_by_workers(pages, names, submit, page_size // 4)
    added, done = 0, 0
    for items, existing, settled, matched in pages:
        cancel.check()
        hits = matched() if matched is not None else spread_hits(items, wider, settled=settled)
        if hits:
            second = settle(hits, wider, existing)
            new = without_thing_names(second.new, things)
            relabel = [(o.id, n.entity_type) for o, n in second.relabelled if o.id is not None]
            if new or relabel:
                with unit_of_work(db, write=True) as uow:
                    uow.findings.save_findings(new)
                    uow.detection.relabel_findings(relabel)
            counts.update(f.entity_type for f in new)
            added += len(new)
        done += len(items)
        yield Progress(done, total, SPREADING)
    return added


_Items = list[tuple[MessageId, str]]
_Hits = dict[int, list[Finding]]
_Settled = dict[int, frozenset[tuple[int, int]]]
# A page of the spread pass: its messages, their findings, `settled_spans` of them, and (when
# workers match the names) the function that waits for the page's matches.
_Page = tuple[_Items, list[Finding], _Settled, Callable[[], _Hits] | None]


def _scanned_pages(
    db: Store, span: Selection, size: int, kept: dict[int, str] | None
) -> Iterator[_Items]:
    """``(id, text)`` of every scanned message of `span` in id order, `size` at a time."""
    if kept is not None:
        items = [(MessageId(i), text) for i, text in kept.items()]
        for start in range(0, len(items), size):
            yield items[start : start + size]
        return
    after = 0
    while True:
        with unit_of_work(db) as uow:
            page = uow.detection.scanned_page(span, after, size)
        if not page:
            return
        yield [(m.id, m.text) for m in page]
        after = int(page[-1].id)


def _with_findings(db: Store, pages: Iterator[_Items]) -> Iterator[tuple[_Items, list[Finding]]]:
    """Each page with the stored findings of its messages."""
    for items in pages:
        with unit_of_work(db) as uow:
            yield items, uow.findings.findings_for([int(i) for i, _t in items])


def _matched_by_workers(
    pages: Iterator[_Page],
    names: list[str],
    submit: Callable[[list[str], _Items, _Settled], Callable[[], _Hits]],
    part: int,
    ahead: int = 8,
) -> Iterator[_Page]:
    """Pages handed to the workers `ahead` at a time, in parts; each waits for its own parts.

    The matches are put back together in message order, exactly as `spread_hits` over the
    whole page returns them. Only a few pages are in flight, so a cancel waits for little.
    """
    handed: deque[tuple[_Items, list[Finding], _Settled, list[Callable[[], _Hits]]]] = deque()
    for items, found, settled, _none in pages:
        parts = []
        for i in range(0, len(items), max(1, part)):
            some = items[i : i + part]
            mine = {int(m): settled[int(m)] for m, _t in some if int(m) in settled}
            parts.append(submit(names, some, mine))
        handed.append((items, found, settled, parts))
        if len(handed) > ahead:
            yield _joined(*handed.popleft())
    while handed:
        yield _joined(*handed.popleft())


def _joined(
    items: _Items, found: list[Finding], settled: _Settled, parts: list[Callable[[], _Hits]]
) -> _Page:
    def wait() -> _Hits:
        out: _Hits = {}
        for part in parts:
            out.update(part())
        return out

    return items, found, settled, wait
