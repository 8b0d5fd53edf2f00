"""Detection running ahead of the case-aware passes when a worker pool detects.

`analyze_all` used to wait for the workers to finish every text before its first case-aware
pass, and the workers then sat idle while those passes ran in this process. With a detector
that can `stream` (`detector.DetectionPool`), every text is handed to the workers at once and
each batch waits only for its own texts, so the passes over one batch run while the workers
detect the next. The spans, and so the findings, are exactly those of one `lookup` call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sar_desk.detect.analyze import Detector, RawSpan, ResultCache


def prefetch(
    cache: ResultCache, detector: Detector, texts: Sequence[str]
) -> Callable[[Iterable[str]], None]:
    """Start detecting `texts`; the function returned waits until the given texts are cached.

    A detector without ``stream`` (one process) detects everything here, as `lookup` does.
    """
    stream: Callable[[Sequence[str]], Iterator[tuple[RawSpan, ...]]] | None
    stream = getattr(detector, "stream", None)
    if stream is None:
        cache.lookup(detector, texts)
        return lambda _texts: None
    wanted = list(dict.fromkeys(texts))
    missing = [t for t in wanted if t not in cache]
    cache.hits += len(wanted) - len(missing)
    arriving = zip(missing, stream(missing), strict=True)
    pending = set(missing)

    def wait_for(needed: Iterable[str]) -> None:
        for text in needed:
            while text in pending:
                done, spans = next(arriving)
                cache.add(done, spans)
                pending.discard(done)

    return wait_for
