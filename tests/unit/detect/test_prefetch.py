"""A streaming detector gives `analyze_all` the same findings, read batch by batch."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import RawSpan, ResultCache, analyze_all
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.prefetch import prefetch

CONTEXT = CaseContext(
    Regime.SAR,
    (KnownPerson(PersonId(1), PersonRole.REQUESTER, names=("Jo Bloggs",)),),
    ("Jo Bloggs",),
)
TEXTS = [
    "Sam Patel rang about the boiler",
    "Priya's mobile is 07911 123456",
    "ok",
    "Jo Bloggs asked for her file",
    "NI number AB 12 34 56 C",
    "ok",
    "see Alex Morgan at 12 High Street, LS1 4AB",
] * 3


class Streaming:
    """The in-process detector, answering through `stream` and counting what was read."""

    def __init__(self, inner: InProcessDetector) -> None:
        self.inner = inner
        self.drop_entities = inner.drop_entities
        self.structured_entities = inner.structured_entities
        self.version = inner.version
        self.read = 0
        self.detect_calls = 0

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        self.detect_calls += 1
        return self.inner.detect(texts)

    def stream(self, texts: Sequence[str]) -> Iterator[tuple[RawSpan, ...]]:
        for spans in self.inner.detect(texts):
            self.read += 1
            yield spans

    def close(self) -> None:
        """Nothing to release."""


def test_same_findings_as_one_lookup(fake_detector: InProcessDetector) -> None:
    items = [(MessageId(i), t) for i, t in enumerate(TEXTS)]
    expected = analyze_all(fake_detector, items, CONTEXT, batch_size=4)
    streaming = Streaming(fake_detector)
    assert analyze_all(streaming, items, CONTEXT, batch_size=4) == expected
    assert streaming.detect_calls == 0  # every text came through the stream


def test_each_wait_reads_only_as_far_as_its_texts(fake_detector: InProcessDetector) -> None:
    streaming = Streaming(fake_detector)
    cache = ResultCache()
    wait_for = prefetch(cache, streaming, TEXTS)
    distinct = list(dict.fromkeys(TEXTS))
    wait_for(TEXTS[:2])
    assert streaming.read == 2
    wait_for(TEXTS[:2])
    assert streaming.read == 2
    wait_for(TEXTS)
    assert streaming.read == len(distinct)
    assert all(t in cache for t in distinct)
