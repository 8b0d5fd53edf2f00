"""The safe HTML tree and tar reader behind the new importers: limits and hostile input."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.importers import htmltree
from sar_desk.importers.htmltree import parse_html
from sar_desk.importers.tarball import TarTree, is_tar, open_tree


def test_text_keeps_blocks_as_lines_and_skips_hidden_parts() -> None:
    root = parse_html(
        "<html><head><title>T</title><style>.a{}</style></head><body><div>one<br>two</div>"
        "<p>three&nbsp;<img alt=':)'></p><ul class='r'><li>x</li></ul></body></html>",
        "page.html",
    )
    assert root.text(skip=lambda n: "r" in n.classes) == "one\ntwo\nthree :)"
    title = root.first(lambda n: n.tag == "title")
    assert title is not None
    assert title.text() == "T"


def test_stray_and_missing_end_tags_do_not_lose_text() -> None:
    root = parse_html("<div class='m'><span>a</div></span><div class='m'>b", "page.html")
    blocks = list(root.find_all(lambda n: "m" in n.classes))
    assert [b.text() for b in blocks] == ["a", "b"]
    assert [b.line for b in blocks] == [1, 1]


def test_deep_nesting_is_refused_in_one_sentence() -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_html("<div>" * (htmltree.MAX_DEPTH + 5), "deep.html")
    assert "nests HTML more than" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_too_many_elements_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(htmltree, "MAX_NODES", 100)
    with pytest.raises(ImportFormatError, match="more than 100 HTML elements"):
        parse_html("<br>" * 101, "many.html")


def test_an_oversized_page_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(htmltree, "MAX_HTML_BYTES", 10)
    with pytest.raises(ImportFormatError, match="characters long"):
        parse_html("<p>" + "x" * 20 + "</p>", "big.html")


def _tar(path: Path, members: dict[str, bytes], link: str | None = None) -> Path:
    with tarfile.open(path, "w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        if link:
            info = tarfile.TarInfo(link)
            info.type = tarfile.SYMTYPE
            info.linkname = "/etc/passwd"
            tar.addfile(info)
    return path


def test_tar_lists_regular_files_only_and_never_extracts(tmp_path: Path) -> None:
    path = _tar(
        tmp_path / "export.tar",
        {"./messages.json": b"{}", "../../escape.txt": b"x"},
        link="media/passwd",
    )
    assert is_tar(path)
    with open_tree(path) as tree:
        assert isinstance(tree, TarTree)
        assert tree.names() == ["../../escape.txt", "messages.json"]
        assert tree.read_bytes("messages.json") == b"{}"
    assert not (tmp_path.parent / "escape.txt").exists()


def test_a_zip_or_text_is_not_a_tar(tmp_path: Path) -> None:
    text = tmp_path / "chat.txt"
    text.write_text("hello\n" * 200)
    assert not is_tar(text)
    assert not is_tar(tmp_path)


def test_a_truncated_tar_is_refused(tmp_path: Path) -> None:
    path = _tar(tmp_path / "export.tar", {"messages.json": b"{" + b" " * 5000 + b"}"})
    data = path.read_bytes()
    path.write_bytes(data[:700])
    with pytest.raises((UnsafeArchiveError, ImportFormatError)) as caught, open_tree(path) as tree:
        tree.read_bytes("messages.json")
    assert "\n" not in str(caught.value)
