"""`sniff_tree`: the one place that makes every importer's sniff safe and side-effect free."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sar_desk.core.errors import InputLimitError, UnsafeArchiveError
from sar_desk.importers.archive import ExportTree, sniff_tree
from sar_desk.importers.jsonstream import head_text


def test_returns_the_importers_answer_for_a_readable_export(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("hello", encoding="utf-8")
    assert sniff_tree(chat, lambda tree: tree.head("chat.txt") == b"hello") is True
    assert sniff_tree(chat, lambda tree: False) is False


def test_a_failing_test_or_an_unreadable_file_is_just_not_this_format(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("hello", encoding="utf-8")

    def explode(tree: ExportTree) -> bool:
        raise ValueError("a parser bug while sniffing")

    assert sniff_tree(chat, explode) is False
    reads = lambda tree: bool(tree.head(tree.names()[0]))  # noqa: E731 - as real sniffs do
    assert sniff_tree(tmp_path / "missing.txt", reads) is False


def test_a_hostile_input_is_refused_with_its_reason(tmp_path: Path) -> None:
    # Issue 20: a zip bomb or a too-deep file is named as such, not "not a recognised export".
    slip = tmp_path / "slip.zip"
    with zipfile.ZipFile(slip, "w") as zf:
        zf.writestr("../../escape.txt", "x")
    with pytest.raises(UnsafeArchiveError, match="points outside"):
        sniff_tree(slip, lambda tree: True)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    with pytest.raises(InputLimitError, match="levels deep"):
        sniff_tree(deep, lambda tree: bool(head_text(tree, "deep.json")))
