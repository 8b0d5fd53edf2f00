"""Files sealed with an authenticated cipher (originals, masters, attachments of a case).

A sealed file is::

    header   MAGIC (8) | wrapped file key (12-byte nonce + 32 + 16-byte tag) | nonce prefix (8)
    chunks   AES-256-GCM of each CHUNK bytes of plain text (+ 16-byte tag)

Each file has its own random key, wrapped by the case's files key (`case_keys.files_key`), so
a new passphrase never re-encrypts data. Chunk ``i`` uses nonce ``prefix | i`` and, as
associated data, the header, ``i`` and whether it is the last chunk: a chunk moved, dropped,
swapped with another file's or cut off at the end fails to open (the chunked design in
ecosystem.md 2.3). The last chunk may be empty, so an empty file still has one.
"""

from __future__ import annotations

import io
import os
import secrets
import struct
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sar_desk.core.errors import CaseDamagedError

MAGIC = b"SDSEAL1\n"
CHUNK = 1 << 20
_TAG = 16
_WRAPPED = 12 + 32 + _TAG
HEADER_SIZE = len(MAGIC) + _WRAPPED + 8
_PRIVATE_FILE = 0o600


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">Q?", index, last)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def seal_chunks(path: Path, chunks: Iterable[bytes], files_key: bytes) -> int:
    """Write plain-text pieces to `path` as one sealed file (private to the user).

    Returns:
        The number of plain-text bytes sealed.
    """
    file_key = secrets.token_bytes(32)
    wrap_nonce = secrets.token_bytes(12)
    header = MAGIC + wrap_nonce + AESGCM(files_key).encrypt(wrap_nonce, file_key, MAGIC)
    prefix = secrets.token_bytes(8)
    header += prefix
    cipher = AESGCM(file_key)
    total = 0
    index = 0
    pending = b""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _PRIVATE_FILE)
    with os.fdopen(fd, "wb") as out:
        out.write(header)
        for piece in chunks:
            pending += piece
            total += len(piece)
            # Hold back a full chunk: only at the end is it known which chunk is the last.
            while len(pending) > CHUNK:
                block, pending = pending[:CHUNK], pending[CHUNK:]
                out.write(cipher.encrypt(_nonce(prefix, index), block, _aad(header, index, False)))
                index += 1
        out.write(cipher.encrypt(_nonce(prefix, index), pending, _aad(header, index, True)))
        out.flush()
        os.fsync(out.fileno())
    return total


def write(path: Path, data: bytes, files_key: bytes) -> None:
    """Seal `data` into `path`."""
    seal_chunks(path, (data[i : i + CHUNK] for i in range(0, len(data), CHUNK)), files_key)


def seal_file(source: Path, path: Path, files_key: bytes) -> int:
    """Seal the plain file `source` into `path`, streaming; returns its size."""

    def pieces() -> Iterable[bytes]:
        with source.open("rb") as handle:
            while block := handle.read(CHUNK):
                yield block

    return seal_chunks(path, pieces(), files_key)


def is_sealed(path: Path) -> bool:
    """Whether a file starts like a sealed file."""
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


class _Reader(io.RawIOBase):
    """Decrypts a sealed file chunk by chunk as it is read."""

    def __init__(self, path: Path, files_key: bytes) -> None:
        self._path = path
        self._handle = path.open("rb")
        header = self._handle.read(HEADER_SIZE)
        if len(header) != HEADER_SIZE or not header.startswith(MAGIC):
            self._handle.close()
            raise _damaged(path)
        try:
            wrapped = header[len(MAGIC) : len(MAGIC) + _WRAPPED]
            file_key = AESGCM(files_key).decrypt(wrapped[:12], wrapped[12:], MAGIC)
        except InvalidTag:
            self._handle.close()
            raise _damaged(path) from None
        self._header = header
        self._prefix = header[-8:]
        self._cipher = AESGCM(file_key)
        self._index = 0
        self._buffer = b""
        self._done = False
        self._next = self._handle.read(CHUNK + _TAG)

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        current = self._next
        self._next = self._handle.read(CHUNK + _TAG)
        last = not self._next
        try:
            plain = self._cipher.decrypt(
                _nonce(self._prefix, self._index), current, _aad(self._header, self._index, last)
            )
        except InvalidTag:
            raise _damaged(self._path) from None
        self._index += 1
        self._done = last
        self._buffer += plain

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer and not self._done:
            self._fill()
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size

    def close(self) -> None:
        self._handle.close()
        super().close()


def _damaged(path: Path) -> CaseDamagedError:
    return CaseDamagedError(
        f"The encrypted file {path.name} in the case is damaged or was changed, so it cannot "
        "be opened. Restore the case folder from a backup."
    )


def open_sealed(path: Path, files_key: bytes) -> BinaryIO:
    """A binary stream of a sealed file's plain text, checked chunk by chunk as it is read.

    Raises:
        CaseDamagedError: The file was changed, cut short, reordered or sealed by another key.
    """
    return io.BufferedReader(_Reader(path, files_key), CHUNK)


def read(path: Path, files_key: bytes) -> bytes:
    """The whole plain text of a sealed file."""
    with open_sealed(path, files_key) as handle:
        return handle.read()
