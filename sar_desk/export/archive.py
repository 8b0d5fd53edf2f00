"""Encryption primitives for the requester pack: the password, AES-256 PDFs and an AES-256 zip.

The requester's PDFs are encrypted with the PDF standard security handler, revision 6 (AES-256,
PDF 2.0), which every current PDF reader opens once the password is typed: no archive tool is
needed. Files that are not PDFs (the HTML version, RSMF e-mails) can only travel in a
container; we use the AES-256 zip (the WinZip AE-2 layout read by 7-Zip, WinZip, WinRAR, Keka
and bsdtar), which Windows' own "Extract all" cannot open, so `sealing` adds it only when the
caseworker asks for it.

The password is never written anywhere by this module: callers get it back and show it once.
"""

from __future__ import annotations

import secrets
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pikepdf
import pyzipper
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import DictionaryObject

from sar_desk.core.errors import BadInputError

# Crockford's base32 alphabet: no I, L, O or U, so nothing is misread when the password is read
# out over the phone or copied from a text message (0/O and 1/I/L cannot be confused).
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

# What the requester may do with their own PDFs. Printing and copying text are theirs to do
# (the data is theirs, and screen readers and reflow tools need text access); changing pages,
# forms or annotations is withheld so an edited copy does not look like what we sent. The
# permissions are advisory in every PDF reader; the manifest hash is the real proof of content.
REQUESTER_PERMISSIONS = pikepdf.Permissions(
    accessibility=True,
    extract=True,
    print_lowres=True,
    print_highres=True,
    modify_annotation=False,
    modify_assembly=False,
    modify_form=False,
    modify_other=False,
)
_AES_EXTRA = 0x9901  # the WinZip AES extra field
_AES_256 = 3


def new_password(groups: int = 6, size: int = 4) -> str:
    """A random password like ``K7QM-2XTA-9RWE-...`` (6 groups of 4: 120 bits)."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(size)) for _ in range(groups))


def encrypt_pdf(plain: Path, out: Path, password: str) -> None:
    """Write `plain` to `out` with AES-256 encryption (PDF revision 6).

    The owner password is random and thrown away: nobody, us included, can lift the
    permissions of the copy the requester gets; the case keeps the master.
    """
    owner = new_password(8)
    with pikepdf.open(plain) as pdf:
        pdf.save(
            out,
            encryption=pikepdf.Encryption(
                user=password,
                owner=owner,
                R=6,
                aes=True,
                metadata=True,
                allow=REQUESTER_PERMISSIONS,
            ),
            linearize=False,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.preserve,
        )


def decrypt_pdf(sealed: Path, out: Path, password: str) -> None:
    """Write a plain copy of an encrypted PDF (for the checks; it goes to a private folder).

    Raises:
        BadInputError: The password does not open the file.
    """
    try:
        with pikepdf.open(sealed, password=password) as pdf:
            pdf.save(out, encryption=False, fix_metadata_version=False)
    except pikepdf.PasswordError as exc:
        raise BadInputError("the pack password does not open this file") from exc


def pdf_encryption(path: Path) -> tuple[int, int] | None:
    """The (V, R) of a PDF's standard security handler, or None for an unencrypted PDF."""
    try:
        reader = PdfReader(str(path))
        if not reader.is_encrypted:
            return None
        handler = reader.trailer["/Encrypt"].get_object()
        if not isinstance(handler, DictionaryObject):
            return (0, 0)
        return int(handler.get("/V", 0)), int(handler.get("/R", 0))
    except (PdfReadError, KeyError, ValueError, TypeError, OSError):
        return (0, 0)  # unreadable: reported as not properly encrypted


def is_encrypted_zip(path: Path) -> bool:
    """Whether `path` is a zip with at least one encrypted member."""
    try:
        with zipfile.ZipFile(path) as archive:
            return any(info.flag_bits & 0x1 for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return False


def zip_aes_256(path: Path) -> bool:
    """Whether every member of the zip is encrypted with WinZip AES-256."""
    with zipfile.ZipFile(path) as archive:
        return all(
            info.flag_bits & 0x1 and _aes_strength(info.extra) == _AES_256
            for info in archive.infolist()
        )


def _aes_strength(extra: bytes) -> int:
    # The extra field is a list of (id, size, data) blocks; the AES block's data is
    # version(2) vendor(2) strength(1) method(2).
    at = 0
    while at + 4 <= len(extra):
        block, size = struct.unpack_from("<HH", extra, at)
        if block == _AES_EXTRA and size >= 5:
            return extra[at + 8]
        at += 4 + size
    return 0


def write_encrypted_zip(path: Path, root: Path, files: Sequence[Path], password: str) -> None:
    """Zip `files` (named relative to `root`) with AES-256.

    Args:
        path: The archive to write.
        root: Folder the member names are relative to.
        files: Files to include, in order.
        password: The password (never stored here).
    """
    with pyzipper.AESZipFile(
        path, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(password.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        for file in sorted(files):
            archive.writestr(file.relative_to(root).as_posix(), file.read_bytes())


def read_encrypted_zip(path: Path, password: str) -> dict[str, bytes]:
    """Open an archive with its password (the checks, tests and support use it).

    Raises:
        BadInputError: The password does not open the archive.
    """
    try:
        with pyzipper.AESZipFile(path) as archive:
            archive.setpassword(password.encode("utf-8"))
            return {name: archive.read(name) for name in archive.namelist()}
    except RuntimeError as exc:  # pyzipper's "Bad password for file"
        raise BadInputError("the pack password does not open this archive") from exc
