"""The measured (not shipped) PERSON span classifier under benchmarks/: features, fit, drop.

Synthetic text only. These would fail if a feature stopped reading its cue, if the fit stopped
being deterministic or separating, or if the drop touched anything but guessed PERSON spans.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from person_span_features import FEATURES, case_stats, features  # noqa: E402
from person_span_model import Model, drop_non_persons, judged  # noqa: E402
from train_person_classifier import fit  # noqa: E402

from sar_desk.core.findings import Finding, ProposalField  # noqa: E402
from sar_desk.core.model import MessageId, PersonId  # noqa: E402
from sar_desk.detect import gazetteer  # noqa: E402


@pytest.fixture(autouse=True)
def _lists() -> None:
    gazetteer.use(ROOT / "resources/detect/gazetteers")


def _finding(
    mid: int,
    text: str,
    value: str,
    entity: str = "PERSON",
    recognizer: str = "SpacyRecognizer",
    person: int | None = None,
) -> Finding:
    start = text.index(value)
    return Finding(
        MessageId(mid),
        ProposalField.TEXT,
        start,
        start + len(value),
        value,
        entity,
        0.85,
        recognizer,
        person_id=PersonId(person) if person is not None else None,
    )


def _row(f: Finding, text: str, found: list[Finding], texts: dict[int, str]) -> dict[str, float]:
    return dict(zip(FEATURES, features(f, text, case_stats(found, texts)), strict=True))


def test_features_read_the_words_around_the_span() -> None:
    text = "Mr Okonkwo rang about the boiler"
    f = _finding(0, text, "Okonkwo")
    row = _row(f, text, [f], {0: text})
    assert row["title_before"] == 1.0
    assert row["verb_after"] == 1.0
    assert row["one_word"] == 1.0
    assert row["title_case"] == 1.0
    assert row["by_SpacyRecognizer"] == 1.0
    assert row["article_before"] == 0.0

    thing = "we took the Mabel tractor to the tip"
    g = _finding(0, thing, "Mabel")
    row = _row(g, thing, [g], {0: thing})
    assert row["article_before"] == 1.0
    assert row["kind_word_after"] == 1.0
    assert row["title_before"] == 0.0


def test_case_tally_knows_a_word_from_a_full_name_elsewhere() -> None:
    texts = {0: "Zanele Mokoena called", 1: "ask Zanele", 2: "ask Zanele again"}
    full = _finding(0, texts[0], "Zanele Mokoena")
    lone = _finding(1, texts[1], "Zanele")
    again = _finding(2, texts[2], "Zanele")
    found = [full, lone, again]
    row = _row(lone, texts[1], found, texts)
    assert row["in_full_name"] == 1.0
    assert row["log_messages"] == pytest.approx(np.log1p(2))
    assert row["context_variety"] == pytest.approx(0.5)  # "ask" twice
    assert _row(full, texts[0], found, texts)["two_words"] == 1.0


def test_only_guessed_person_spans_are_judged() -> None:
    text = "Zanele Mokoena lives in Truro"
    assert judged(_finding(0, text, "Zanele Mokoena"))
    assert not judged(_finding(0, text, "Zanele Mokoena", person=3))
    assert not judged(_finding(0, text, "Zanele Mokoena", recognizer="CaseDenyList"))
    assert not judged(_finding(0, text, "Truro", entity="LOCATION"))


def _article_model(threshold: float) -> Model:
    # One weight: an article before the span makes it a thing.
    weights = [2.0 if n == "bias" else (-6.0 if n == "article_before" else 0.0) for n in FEATURES]
    return Model(tuple(weights), (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), threshold)


def test_drop_removes_only_confident_non_persons() -> None:
    texts = {0: "the Mabel van is in for its MOT", 1: "the Mabel in Truro", 2: "ask Mabel"}
    thing = _finding(0, texts[0], "Mabel")
    known = _finding(1, texts[1], "Mabel", person=4)
    place = _finding(1, texts[1], "Truro", entity="LOCATION", recognizer="SpacyRecognizer")
    person = _finding(2, texts[2], "Mabel")
    found = [thing, known, place, person]
    kept = drop_non_persons(found, texts, _article_model(0.5))
    assert kept == [known, place, person]
    assert drop_non_persons(found, texts, _article_model(0.001)) == found


def test_fit_is_deterministic_and_separates() -> None:
    rng = np.random.default_rng(7)
    x = np.column_stack([np.ones(400), rng.normal(size=400), rng.normal(size=400)])
    y = (x[:, 1] > 0).astype(float)
    first, second = fit(x, y, 1.0), fit(x, y, 1.0)
    assert first == second
    assert first.weights[1] > 1.0
    assert abs(first.weights[2]) < 0.5 * first.weights[1]
