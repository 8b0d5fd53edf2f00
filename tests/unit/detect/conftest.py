"""Fixtures for detection tests: the recogniser set, a model-free analyzer, the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import (
    Analyzer,
    blank_nlp_engine,
    build_analyzer,
    load_recognizer_set,
)

REGISTRY = Path(__file__).resolve().parents[3] / "resources" / "detect" / "recognizers-uk-v2.yaml"

# Names the fake NLP engine tags PERSON, standing in for NER.
FAKE_NER_NAMES = ("Priya", "Sam Patel", "Jo Bloggs", "Alex Morgan")


@pytest.fixture(scope="session")
def registry_path() -> Path:
    """The bundled recogniser configuration."""
    return REGISTRY


@pytest.fixture(scope="session")
def fake_analyzer() -> Analyzer:
    """An analyzer on spaCy's tokenizer and an entity ruler: every recogniser, no model."""
    settings = load_recognizer_set(REGISTRY)
    return build_analyzer(REGISTRY, nlp_engine=blank_nlp_engine(settings, FAKE_NER_NAMES))


@pytest.fixture(scope="session")
def fake_detector(fake_analyzer: Analyzer) -> InProcessDetector:
    """The model-free analyzer as a detector."""
    return InProcessDetector(fake_analyzer)


@pytest.fixture(scope="session")
def real_detector() -> InProcessDetector:
    """The real engine with the bundled spaCy model, loaded once per test session."""
    return InProcessDetector(build_analyzer(REGISTRY))


GAZETTEERS = REGISTRY.parent / "gazetteers"


@pytest.fixture
def shipped_lists() -> None:
    """The shipped name, place and word lists, for rules that read them."""
    gazetteer.use(GAZETTEERS)


def bounds(text: str, value: str) -> tuple[int, int]:
    """``(start, end)`` of the first `value` in `text`."""
    start = text.index(value)
    return start, start + len(value)


def span_of(text: str, value: str) -> tuple[str, int, int]:
    """``(text, start, end)`` of the first `value` in `text`, as a rule takes a span."""
    start = text.index(value)
    return text, start, start + len(value)
