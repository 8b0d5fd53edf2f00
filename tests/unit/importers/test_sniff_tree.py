"""`sniff_tree`: the one place that makes every importer's sniff safe and side-effect free."""

from __future__ import annotations

import zipfile
from pathlib import Path

from sar_desk.importers.archive import ExportTree, sniff_tree


def test_returns_the_importers_answer_for_a_readable_export(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("hello", encoding="utf-8")
    assert sniff_tree(chat, lambda tree: tree.head("chat.txt") == b"hello") is True
    assert sniff_tree(chat, lambda tree: False) is False


def test_a_failing_test_or_an_unsafe_archive_is_just_not_this_format(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("hello", encoding="utf-8")

    def explode(tree: ExportTree) -> bool:
        raise ValueError("a parser bug while sniffing")

    assert sniff_tree(chat, explode) is False
    reads = lambda tree: bool(tree.head(tree.names()[0]))  # noqa: E731 - as real sniffs do
    assert sniff_tree(tmp_path / "missing.txt", reads) is False
    slip = tmp_path / "slip.zip"
    with zipfile.ZipFile(slip, "w") as zf:
        zf.writestr("../../escape.txt", "x")
    assert sniff_tree(slip, lambda tree: True) is False
