"""Every requirement id the code cites is defined in docs/requirements.md, so it can be followed."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "requirements.md"

# "R29", and both ends and everything between in a range such as "R41-R50" or "R29–R40".
_CITATION = re.compile(r"\bR(\d+)(?:\s*[-–]\s*R(\d+))?\b")
# A definition is a table row whose first cell is the id, or a heading that starts with it.
_DEFINITION = re.compile(r"^(?:\|\s*R(\d+)\s*\||#+\s*R(\d+)\b)", re.MULTILINE)
# Files whose comments or strings may cite requirements (fonts and images are skipped).
_TEXT_SUFFIXES = {".py", ".json", ".yaml", ".yml", ".toml", ".md", ".txt", ".html"}


def cited_ids(text: str) -> set[int]:
    """Every requirement number cited in `text`, ranges expanded."""
    ids: set[int] = set()
    for first, last in _CITATION.findall(text):
        start = int(first)
        end = int(last) if last else start
        ids.update(range(start, end + 1))
    return ids


def defined_ids(text: str) -> list[int]:
    """The requirement numbers the document defines, in order, with repeats."""
    return [int(row or heading) for row, heading in _DEFINITION.findall(text)]


def cited_in(folder: Path) -> dict[int, list[str]]:
    """Requirement number -> the files under `folder` that cite it."""
    where: dict[int, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.suffix in _TEXT_SUFFIXES):
        for rid in cited_ids(path.read_text(encoding="utf-8", errors="replace")):
            where.setdefault(rid, []).append(str(path.relative_to(ROOT)))
    return where


def test_the_patterns_read_single_ids_ranges_rows_and_headings() -> None:
    assert cited_ids("R29 and (R41-R50, R57–R58); not R2D2 or XR5") == {29, 57, 58, *range(41, 51)}
    doc = "| R7 | text |\n| Id | x |\n### R12 Title\n| F1 | not a requirement |\n"
    assert defined_ids(doc) == [7, 12]


@pytest.mark.parametrize("folder", ["sar_desk", "tests", "resources"])
def test_every_cited_requirement_is_defined(folder: str) -> None:
    defined = set(defined_ids(DOC.read_text(encoding="utf-8")))
    missing = {
        f"R{rid}": files
        for rid, files in sorted(cited_in(ROOT / folder).items())
        if rid not in defined
    }
    assert not missing, f"cited but not defined in docs/requirements.md: {missing}"


def test_r1_to_r80_are_each_defined_once() -> None:
    defined = defined_ids(DOC.read_text(encoding="utf-8"))
    assert sorted(defined) == list(range(1, 81))
