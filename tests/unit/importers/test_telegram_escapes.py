"""The tolerant JSON reader: tdesktop's invalid \\xNN escapes, encodings, chunk boundaries."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sar_desk.core.errors import ImportFormatError
from sar_desk.importers import jsonstream
from sar_desk.importers.jsonstream import TolerantReader


def repaired(data: bytes, chunk: int = 7) -> bytes:
    reader = TolerantReader(io.BytesIO(data), "x.json")
    out = b""
    while part := reader.read(chunk):
        out += part
    return out


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        (rb'"a\x0bb"', "a\x0bb"),
        (rb'"a\\x0b"', "a\\x0b"),  # escaped backslash: literal text, untouched
        (rb'"a\\\x0b"', "a\\\x0b"),  # backslash then a real \x escape
        (rb'"\x1f\x01"', "\x1f\x01"),
    ],
)
def test_x_escapes_are_rewritten_only_when_real(raw: bytes, decoded: str) -> None:
    for chunk in (1, 2, 3, 1000):
        assert json.loads(repaired(raw, chunk)) == decoded


@given(st.text(max_size=60), st.integers(min_value=1, max_value=9))
def test_repair_is_identity_on_valid_json(text: str, chunk: int) -> None:
    data = json.dumps(text).encode()
    assert json.loads(repaired(data, chunk)) == text


def test_chunk_boundary_inside_escape_with_the_real_chunk_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(jsonstream, "_CHUNK", 4)
    # Runs of escaped backslashes straddle every 4-byte chunk; six backslashes before x41 are
    # three literal backslashes, so that "\x41" stays text.
    data = b'["' + b"ab\\\\" * 5 + rb'\x0b", "\\\\\\x41"]'
    assert json.loads(repaired(data, 3)) == ["ab\\" * 5 + "\x0b", "\\\\\\x41"]


def test_utf8_bom_is_stripped_and_utf16_bom_is_transcoded() -> None:
    assert repaired(b"\xef\xbb\xbf[1]") == b"[1]"
    assert json.loads(repaired('["café"]'.encode("utf-16"))) == ["café"]


def test_utf16_without_bom_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="without a byte-order mark"):
        repaired('{"messages": []}'.encode("utf-16-le"))


def test_offset_counts_raw_bytes() -> None:
    reader = TolerantReader(io.BytesIO(b"[1, 2, 3]"), "x.json")
    reader.read()
    assert reader.offset == 9
