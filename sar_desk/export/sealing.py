"""Sealing the requester pack with a password, and checking a sealed pack (R64).

Order matters: every pack file is rendered and passes the safety checks in plain form first
(`bundle`), then `seal_pack` encrypts the PDFs in place and either puts the other files (HTML
version, RSMF e-mails) in an AES-256 zip, when the caseworker asked for one, or leaves them out.
No plain copy stays in the pack. `check_files` then checks the sealed files: each one must be
properly encrypted, and with the password its decrypted content goes through the same checks
again (in a private temporary folder that is removed afterwards).

Without the password (``verify`` months later), a sealed file is checked for its encryption,
its name and its manifest hash only; the hash shows it is the file whose content was checked
at export. The password itself is never stored: the manifest and the audit log say only that
one was used and sent separately.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import pikepdf

from sar_desk.core.errors import BadInputError
from sar_desk.core.text import TermMatcher
from sar_desk.export.archive import (
    decrypt_pdf,
    encrypt_pdf,
    is_encrypted_zip,
    pdf_encryption,
    read_encrypted_zip,
    write_encrypted_zip,
    zip_aes_256,
)
from sar_desk.export.checks import CheckResult, check_pack, name_results
from sar_desk.export.image_checks import ImageReader
from sar_desk.export.options import BundleOptions

ENCRYPTION = "encryption"
UNCHECKED = "sealed-content"
"""The check name saying a sealed file's content was not re-checked (no password given)."""
SENT_SEPARATELY = "sent separately"


def container_name(prefix: str) -> str:
    """The AES-256 zip holding the pack's other formats."""
    return f"{prefix}-other-formats.zip"


def delivery_record(options: BundleOptions) -> dict[str, str]:
    """What the manifest records about the protection (never the password itself)."""
    return {
        "password": SENT_SEPARATELY,
        "pdf_encryption": "AES-256 (PDF standard security handler, revision 6)",
        "owner_password": "random, not kept",
        "other_formats": (
            "AES-256 zip with the same password" if options.encrypt_extras else "left out"
        ),
    }


def seal_pack(pack: Path, work: Path, prefix: str, password: str, *, extras: bool) -> list[str]:
    """Encrypt the PDFs of `pack` in place; zip or drop the other files.

    Args:
        pack: The checked plain pack.
        work: A scratch folder outside the pack (same file system).
        prefix: File-name prefix (the safe case reference).
        password: The password the requester will type.
        extras: Put the non-PDF files in an AES-256 zip (otherwise they are left out).

    Returns:
        The pack-relative names of the files left out.
    """
    files = sorted(p for p in pack.rglob("*") if p.is_file())
    others = [p for p in files if p.suffix.lower() != ".pdf"]
    for pdf in (p for p in files if p.suffix.lower() == ".pdf"):
        sealed = work / f"sealed-{pdf.name}"
        encrypt_pdf(pdf, sealed, password)
        os.replace(sealed, pdf)  # the plain render is replaced, never kept beside it
    container = work / container_name(prefix)
    if extras and others:
        write_encrypted_zip(container, pack, others, password)
    for path in others:
        path.unlink()
    for folder in sorted((p for p in pack.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    if extras and others:
        os.replace(container, pack / container.name)
        return []
    return [p.relative_to(pack).as_posix() for p in others]


def is_sealed(path: Path) -> bool:
    """Whether `path` is an encrypted PDF or an encrypted zip."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_encryption(path) is not None
    return suffix == ".zip" and is_encrypted_zip(path)


def encryption_results(path: Path, rel: str) -> list[CheckResult]:
    """A sealed file is AES-256 encrypted, needs its password, and was not changed after."""
    problems: list[str] = []
    if path.suffix.lower() == ".pdf":
        if pdf_encryption(path) != (5, 6):
            problems.append("the PDF is not encrypted with AES-256 (revision 6)")
        try:
            pikepdf.open(path).close()
            problems.append("the PDF opens without a password")
        except pikepdf.PasswordError:
            pass
        except pikepdf.PdfError:
            problems.append("the PDF cannot be read")
        if path.read_bytes().count(b"%%EOF") != 1:
            problems.append("the file has incremental updates (more than one %%EOF)")
    elif not zip_aes_256(path):
        problems.append("a file in the zip is not encrypted with AES-256")
    return [CheckResult(rel, ENCRYPTION, not problems, "; ".join(problems))]


def _unseal(path: Path, out: Path, password: str) -> list[Path]:
    """Decrypt a sealed file into `out` (a PDF) or the folder `out` (a zip's members)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".pdf":
        decrypt_pdf(path, out, password)
        return [out]
    written = []
    for name, data in read_encrypted_zip(path, password).items():
        parts = PurePosixPath(name).parts
        if not parts or name.startswith("/") or ".." in parts:
            raise BadInputError(f"the archive holds an unsafe member name ({len(name)} characters)")
        target = out.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written


def check_files(
    folder: Path,
    files: Sequence[Path],
    reference: str,
    terms: Sequence[str],
    version: str,
    region: str | None = None,
    *,
    password: str | None = None,
    scratch: Path | None = None,
    require_sealed: bool = False,
    ocr: ImageReader | None = None,
) -> list[CheckResult]:
    """`checks.check_pack` for a pack that may hold sealed files.

    Plain files are checked as usual. A sealed file gets the file-name and encryption checks;
    with `password`, its decrypted content (each zip member as ``<zip>/<member>``) gets every
    check of a plain file; without, one passed `UNCHECKED` result says so.

    Args:
        folder: The pack folder the names are reported against.
        files: The files to check.
        reference: The case reference.
        terms: The protected terms.
        version: Tool version (PDF producer allow-list).
        region: The case's region, for national phone numbers.
        password: The pack password, if known.
        scratch: Where to make the private folder for decrypted copies (default: the system's).
        require_sealed: The pack was exported encrypted, so a plain file is a failure.
        ocr: Reads the text of images in the files (`checks.check_pack`).
    """
    sealed = [p for p in files if is_sealed(p)]
    plain = [p for p in files if p not in sealed]
    results = check_pack(folder, plain, reference, terms, version, region, ocr)
    if require_sealed:
        results += [
            CheckResult(
                p.relative_to(folder).as_posix(),
                ENCRYPTION,
                False,
                "the file is not encrypted, but the pack was exported encrypted",
            )
            for p in plain
        ]
    if not sealed:
        return results
    matcher = TermMatcher(terms, region)
    with tempfile.TemporaryDirectory(dir=scratch) as opened:  # 0700, removed on exit
        for path in sealed:
            rel = path.relative_to(folder).as_posix()
            results += name_results(path, rel, reference, matcher)
            results += encryption_results(path, rel)
            if password is None:
                results.append(
                    CheckResult(
                        rel,
                        UNCHECKED,
                        True,
                        "encrypted: its content was checked at export and its hash shows it is "
                        "unchanged; give the pack password to check the content again",
                    )
                )
                continue
            try:
                opened_files = _unseal(path, Path(opened) / rel, password)
            except BadInputError as exc:
                results.append(CheckResult(rel, "password", False, str(exc)))
                continue
            results += check_pack(
                Path(opened), opened_files, reference, terms, version, region, ocr
            )
    return results
