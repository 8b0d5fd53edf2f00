"""Round-14 precision rules (issue 15): named machines and buildings, storms, role mailboxes.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.languages import foreign_clauses

pytestmark = pytest.mark.usefixtures("shipped_lists")


def test_welsh_and_polish_phrases_are_foreign_clauses() -> None:
    assert foreign_clauses("Iawn, wela i di fory")
    assert any(lang == "polish" for *_s, lang in foreign_clauses("numer bez kropek"))
