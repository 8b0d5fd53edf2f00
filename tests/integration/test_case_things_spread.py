"""The detection job neither keeps nor spreads a name the case shows to be a thing (round 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sar_desk.core.jobs import run_job
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set
from sar_desk.store.withdrawn import person_proposals
from tests.integration.test_detection import CHAT, REGISTRY, make_case


@pytest.mark.parametrize(("thing", "spread"), [(True, False), (False, True)])
def test_a_thing_name_found_by_the_model_is_not_spread_across_the_case(
    tmp_path: Path, thing: bool, spread: bool
) -> None:
    # The model finds only "Reece Quorvane"; the lower-case "quorvane" elsewhere is reached by
    # the spread alone, unless one message shows the name to be a thing's.
    settings = load_recognizer_set(REGISTRY)
    engine = blank_nlp_engine(settings, ["Reece Quorvane"])
    detector = InProcessDetector(build_analyzer(REGISTRY, nlp_engine=engine))
    first = "the Reece Quorvane trophy is in the cabinet" if thing else "Reece Quorvane rang"
    lines = [
        f"13/01/2026, 12:{i:02d} - Jo Bloggs: "
        + (first if i == 3 else f"quorvane polished again, shift {i}")
        for i in range(12)
    ]
    session = make_case(tmp_path / "case", CHAT + "\n".join(lines) + "\n")
    try:
        summary = run_job(session.detection.run_detection(detector=detector))
        assert (summary.propagated >= 11) is spread
        assert (summary.propagated == 0) is not spread
        # The scan's own proposal on the trophy is withdrawn once the whole case is read.
        with session.store.read() as conn:
            stored = [t for _i, _m, t, _h in person_proposals(conn)]
        assert ("Reece Quorvane" in stored) is spread
        assert summary.by_entity == session.detection.detection_counts()
    finally:
        session.close()
