"""What a file is, from its bytes: magic numbers confirmed by structure, never the extension.

A file named ``scan.jpg`` that is really a PDF is read as a PDF; a ``.docx`` is only called a
Word document when its zip holds ``word/document.xml`` (a bare zip header alone says nothing,
which is where extension-trusting sniffers go wrong). Unknown bytes are
``application/octet-stream``; text that decodes as UTF-8 is ``text/plain``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Final

from sar_desk.core.attachments import UNKNOWN_MEDIA_TYPE

DOCX: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX: Final = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT: Final = "application/vnd.oasis.opendocument.text"
ODS: Final = "application/vnd.oasis.opendocument.spreadsheet"
ODP: Final = "application/vnd.oasis.opendocument.presentation"

# (prefix, offset, media type): checked in order, the first match wins.
_MAGIC: Final[tuple[tuple[bytes, int, str], ...]] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"%PDF-", 0, "application/pdf"),
    (b"OggS", 0, "audio/ogg"),
    (b"#!AMR", 0, "audio/amr"),
    (b"ID3", 0, "audio/mpeg"),
    (b"fLaC", 0, "audio/flac"),
    (b"\x1a\x45\xdf\xa3", 0, "video/webm"),
    (b"BEGIN:VCARD", 0, "text/vcard"),
)
# ISO base media (MP4, MOV, M4A, HEIC): the brand after "ftyp" at offset 4 says which.
_FTYP_BRANDS: Final = {
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heif",
    b"avif": "image/avif",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"qt  ": "video/quicktime",
}
_ZIP_MARKERS: Final = (
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", XLSX),
    ("ppt/presentation.xml", PPTX),
)
_ODF: Final = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
    b"application/vnd.oasis.opendocument.presentation": ODP,
}


def _riff(data: bytes) -> str | None:
    kind = data[8:12]
    return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}.get(kind)


def _ftyp(data: bytes) -> str | None:
    if data[4:8] != b"ftyp":
        return None
    return _FTYP_BRANDS.get(data[8:12], "video/mp4")


def _zip_kind(data: bytes) -> str:
    """An Office or OpenDocument file by its required parts; any other zip is a zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            for marker, media_type in _ZIP_MARKERS:
                if marker in names and "[Content_Types].xml" in names:
                    return media_type
            if "mimetype" in names and "content.xml" in names:
                with archive.open("mimetype") as handle:
                    declared = handle.read(100).strip()
                if declared in _ODF:
                    return _ODF[declared]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        return UNKNOWN_MEDIA_TYPE
    return "application/zip"


def _looks_like_text(data: bytes) -> bool:
    head = data[:65536]
    if not head or b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            return False
    return True


def sniff(data: bytes) -> str:
    """The media type of a file's content (``application/octet-stream`` when unknown)."""
    for prefix, offset, media_type in _MAGIC:
        if data[offset : offset + len(prefix)] == prefix:
            return media_type
    if data[:4] == b"RIFF":
        return _riff(data) or UNKNOWN_MEDIA_TYPE
    found = _ftyp(data)
    if found:
        return found
    if data[:4] == b"PK\x03\x04":
        return _zip_kind(data)
    if data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"  # an MP3 frame header without an ID3 tag
    if _looks_like_text(data):
        return "text/plain"
    return UNKNOWN_MEDIA_TYPE
