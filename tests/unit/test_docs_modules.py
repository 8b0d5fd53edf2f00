"""The modules that docs/ names exist, so the pages cannot silently point at moved code."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A back-quoted path: a .py file, or a folder with at least one inner slash ("detect/recognizers/").
_PATH = re.compile(r"`([\w./-]+)`")
# Modules announced in architecture.md while another branch adds them; drop once they are merged.
_ANNOUNCED: set[str] = set()  # modules a page may name before they exist (none now)


def named_paths(text: str) -> set[str]:
    """Back-quoted repository paths in a Markdown page (relative to the root or to sar_desk/)."""
    return {t for t in _PATH.findall(text) if t.endswith(".py") or "/" in t.rstrip("/")}


def exists(name: str) -> bool:
    """Whether `name` is a path in the repository or in the sar_desk package."""
    return (ROOT / name).exists() or (ROOT / "sar_desk" / name).exists()


def test_paths_are_read_from_back_quotes() -> None:
    text = "`core/model.py`, `detect/recognizers/`, `originals/`, `case.db`, `CaseSession`"
    assert named_paths(text) == {"core/model.py", "detect/recognizers/"}


@pytest.mark.parametrize("page", ["architecture.md", "requirements.md"])
def test_every_module_a_page_names_exists(page: str) -> None:
    names = named_paths((ROOT / "docs" / page).read_text(encoding="utf-8"))
    assert len(names) > 20  # the pages do name modules; an empty set would prove nothing
    missing = sorted(n for n in names - _ANNOUNCED if not exists(n))
    assert not missing, f"docs/{page} names modules that do not exist: {missing}"
