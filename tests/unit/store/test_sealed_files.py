"""Sealed files: round trips, and every kind of tampering is refused (issue 18 item 1)."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from sar_desk.core.errors import CaseDamagedError
from sar_desk.store import sealed_files
from sar_desk.store.sealed_files import HEADER_SIZE

KEY = bytes(range(32))
SMALL = 64  # chunk size for the tests, so several chunks need little data


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealed_files, "CHUNK", SMALL)


def _chunks(path: Path) -> tuple[bytes, list[bytes]]:
    data = path.read_bytes()
    body = data[HEADER_SIZE:]
    step = SMALL + 16
    return data[:HEADER_SIZE], [body[i : i + step] for i in range(0, len(body), step)]


@pytest.mark.parametrize("size", [0, 1, SMALL, SMALL * 3, SMALL * 3 + 5])
def test_round_trip_of_any_size(tmp_path: Path, size: int) -> None:
    plain = secrets.token_bytes(size)
    path = tmp_path / "f.sealed"
    sealed_files.write(path, plain, KEY)
    assert sealed_files.read(path, KEY) == plain
    assert sealed_files.is_sealed(path)
    # A random byte string shorter than ~8 bytes turns up by chance in any
    # ciphertext, so the "not stored in the clear" check needs a longer one.
    if size >= 16:
        assert plain not in path.read_bytes()


def test_streaming_read_in_small_pieces(tmp_path: Path) -> None:
    plain = b"Morning Tom, it is Sam. " * 40
    source = tmp_path / "plain.txt"
    source.write_bytes(plain)
    path = tmp_path / "f.sealed"
    assert sealed_files.seal_file(source, path, KEY) == len(plain)
    with sealed_files.open_sealed(path, KEY) as handle:
        pieces = iter(lambda: handle.read(7), b"")
        assert b"".join(pieces) == plain
    assert b"Sam" not in path.read_bytes()


def test_truncation_at_a_chunk_boundary_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "f.sealed"
    sealed_files.write(path, secrets.token_bytes(SMALL * 3 + 1), KEY)
    header, chunks = _chunks(path)
    path.write_bytes(header + b"".join(chunks[:-1]))  # drop the last chunk whole
    with pytest.raises(CaseDamagedError, match="damaged or was changed"):
        sealed_files.read(path, KEY)


def test_reordered_chunks_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "f.sealed"
    sealed_files.write(path, secrets.token_bytes(SMALL * 3), KEY)
    header, chunks = _chunks(path)
    path.write_bytes(header + chunks[1] + chunks[0] + b"".join(chunks[2:]))
    with pytest.raises(CaseDamagedError):
        sealed_files.read(path, KEY)


def test_a_flipped_byte_and_a_wrong_key_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.sealed"
    sealed_files.write(path, b"some text", KEY)
    with pytest.raises(CaseDamagedError):
        sealed_files.read(path, bytes(32))
    data = bytearray(path.read_bytes())
    data[-3] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(CaseDamagedError):
        sealed_files.read(path, KEY)


def test_a_chunk_from_another_file_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sealed", tmp_path / "b.sealed"
    sealed_files.write(first, secrets.token_bytes(SMALL * 2), KEY)
    sealed_files.write(second, secrets.token_bytes(SMALL * 2), KEY)
    header, chunks = _chunks(first)
    _, others = _chunks(second)
    first.write_bytes(header + others[0] + chunks[1])
    with pytest.raises(CaseDamagedError):
        sealed_files.read(first, KEY)
