"""Resource limits on inputs (issue 20 item 4): each is met with a one-line refusal."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.cli.main import cli
from sar_desk.core.errors import ImportFormatError, InputLimitError
from sar_desk.core.imports import ImportReport
from sar_desk.importers import archive, importer_for, limits
from sar_desk.importers.archive import ExportTree
from sar_desk.importers.jsonstream import TolerantReader
from sar_desk.importers.limits import JsonDepthGuard, loads_json


def _feed_in_chunks(data: bytes, size: int, **kwargs: int) -> JsonDepthGuard:
    guard = JsonDepthGuard("x.json", **kwargs)
    for start in range(0, len(data), size):
        guard.feed(data[start : start + size])
    return guard


def test_brackets_inside_strings_do_not_count_even_across_chunks() -> None:
    text = json.dumps({"a": ["[[[[{{{{" * 100, 'quote \\" [[[[', {"b": [1, 2]}]}).encode()
    for size in (1, 3, 7, 64, len(text)):
        _feed_in_chunks(text, size, max_depth=4)


def test_nesting_past_the_limit_is_refused_across_chunks() -> None:
    deep = b"[" * 300 + b"]" * 300
    with pytest.raises(InputLimitError, match="more than 256 levels deep"):
        _feed_in_chunks(deep, 17)


def test_a_string_running_past_the_limit_is_refused() -> None:
    text = b'["' + b"a" * 5000 + b'"]'
    _feed_in_chunks(text, 100, max_string=6000)
    with pytest.raises(InputLimitError, match="single text value"):
        _feed_in_chunks(text, 100, max_string=1000)


def test_the_streaming_reader_refuses_before_ijson_sees_the_nesting() -> None:
    reader = TolerantReader(
        io.BytesIO(b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"), "d.json"
    )
    with pytest.raises(InputLimitError):
        reader.read()


def test_whole_file_json_is_guarded_instead_of_recursing() -> None:
    with pytest.raises(InputLimitError):
        loads_json(b"[" * 50_000 + b"]" * 50_000, "m.json")
    assert loads_json('{"a": [1]}', "ok.json") == {"a": [1]}


def test_a_zip_listing_too_many_files_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for n in range(50):
            zf.writestr(f"{n}.json", b"")
    monkeypatch.setattr(limits, "MAX_ZIP_ENTRIES", 20)
    with pytest.raises(InputLimitError, match="lists 50 files"):
        limits.check_zip_directory(path)
    monkeypatch.setattr(archive, "MAX_ZIP_ENTRIES", 20)
    with pytest.raises(InputLimitError):
        ExportTree(path)


def test_a_file_too_large_to_read_whole_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "message_1.json"
    path.write_bytes(b"{}" * 100)
    monkeypatch.setattr(limits, "MAX_WHOLE_FILE", 50)
    with ExportTree(path) as tree, pytest.raises(InputLimitError, match="MB"):
        tree.read_bytes("message_1.json")


def test_an_import_with_too_many_unreadable_records_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    from sar_desk.core import imports

    monkeypatch.setattr(imports, "MAX_ISSUES", 3)
    report = ImportReport()
    for n in range(3):
        report.skip(f"line {n}", "unreadable")
    with pytest.raises(InputLimitError, match="More than 3 records"):
        report.skip("line 4", "unreadable")


def test_an_unreadable_file_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("12/01/2024, 10:00 - Ann: hello\n", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ImportFormatError, match="could not be read"):
        importer_for(path)
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 1
    assert "could not be read" in result.output
    assert "Traceback" not in result.output


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def test_the_guard_measures_true_depth_whatever_the_strings_and_chunking() -> None:
    import random

    rng = random.Random(20)
    alphabet = ['"', "\\", "[", "]", "{", "}", "a", " ", "\\\\", '\\"']

    def make(level: int) -> object:
        roll = rng.random()
        if level > 6 or roll < 0.3:
            return "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        if roll < 0.65:
            return [make(level + 1) for _ in range(rng.randrange(4))]
        return {"k" + "".join(rng.choice(alphabet) for _ in range(3)): make(level + 1)}

    for _ in range(300):
        value = make(0)
        data = json.dumps(value).encode()
        true = _depth(value)
        size = rng.randrange(1, 40)
        _feed_in_chunks(data, size, max_depth=true)
        if true:
            with pytest.raises(InputLimitError):
                _feed_in_chunks(data, size, max_depth=true - 1)
