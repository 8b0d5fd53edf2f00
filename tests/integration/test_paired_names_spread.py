"""The detection job spreads a word given name known by its family name (round 23)."""

from __future__ import annotations

from pathlib import Path

from sar_desk.core.jobs import run_job
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set
from sar_desk.store.withdrawn import person_proposals
from tests.integration.test_detection import CHAT, REGISTRY, make_case


def test_a_word_given_name_written_with_its_family_name_again_and_again_is_proposed(
    tmp_path: Path,
) -> None:
    # No model name at all: only the case-wide pairing finds "Gift Mensah".
    settings = load_recognizer_set(REGISTRY)
    engine = blank_nlp_engine(settings, [])
    detector = InProcessDetector(build_analyzer(REGISTRY, nlp_engine=engine))
    lines = [
        f"13/01/2026, 12:{i:02d} - Jo Bloggs: "
        + ("Gift Mensah" if i % 2 else "gift mensah")
        + f" on the gate, shift {i}"
        for i in range(6)
    ]
    session = make_case(tmp_path / "case", CHAT + "\n".join(lines) + "\n")
    try:
        summary = run_job(session.detection.run_detection(detector=detector))
        with session.store.read() as conn:
            stored = {t.casefold() for _i, _m, t, _h in person_proposals(conn)}
        assert "gift mensah" in stored
        assert summary.propagated >= 6
    finally:
        session.close()
