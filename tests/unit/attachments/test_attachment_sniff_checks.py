"""Attachments are typed by their content and hostile ones are refused, each with a reason."""

from __future__ import annotations

import pytest

from sar_desk.attachments.checks import vet
from sar_desk.attachments.sniff import DOCX, ODT, XLSX, sniff
from sar_desk.core.attachments import MediaKind, media_kind
from tests.unit.attachments import files


@pytest.mark.parametrize(
    ("make", "media_type"),
    [
        (files.photo, "image/jpeg"),
        (files.pdf_with_text, "application/pdf"),
        (files.docx, DOCX),
        (files.xlsx, XLSX),
        (files.odt, ODT),
        (files.voice_note, "audio/ogg"),
        (lambda: b"\x00\x00\x00\x18ftypmp42" + bytes(64), "video/mp4"),
        (lambda: b"\x00\x00\x00\x18ftypheic" + bytes(64), "image/heic"),
        (lambda: b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(64), "image/webp"),
        (lambda: b"Shopping list: milk, eggs\n", "text/plain"),
        (lambda: bytes(range(256)) * 4, "application/octet-stream"),
    ],
)
def test_types_come_from_the_content(make: object, media_type: str) -> None:
    assert callable(make)
    assert sniff(make()) == media_type


def test_a_bare_zip_is_not_an_office_document() -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert sniff(out.getvalue()) == "application/zip"
    assert media_kind("application/zip") is MediaKind.OTHER


@pytest.mark.parametrize(
    "make",
    [files.photo, files.pdf_with_text, files.scanned_pdf, files.docx, files.xlsx, files.odt],
)
def test_ordinary_files_pass(make: object) -> None:
    assert callable(make)
    data = make()
    assert vet(data, sniff(data)) is None


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (files.pixel_bomb, "decompression bomb"),
        (files.truncated_jpeg, "damaged or malformed image"),
        (files.encrypted_pdf, "encrypted"),
        (files.bomb_docx, "zip bomb"),
        (files.escaping_docx, "outside it"),
        (lambda: b"%PDF-1.7\n" + bytes(300), "damaged PDF"),
    ],
)
def test_hostile_files_are_refused_with_a_reason(make: object, words: str) -> None:
    assert callable(make)
    data = make()
    reason = vet(data, sniff(data))
    assert reason is not None
    assert words in reason


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    from sar_desk.attachments.checks import MAX_ATTACHMENT_BYTES, check_size

    assert check_size(MAX_ATTACHMENT_BYTES) is None
    reason = check_size(MAX_ATTACHMENT_BYTES + 1)
    assert reason is not None
    assert "MB" in reason
