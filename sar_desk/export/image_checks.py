"""The leak check for pictures: every image in the pack is read back and searched.

The text-layer check (`checks.leak_results`) cannot see words drawn in pixels. Here every image
the PDF draws and every image the HTML embeds is taken out of the finished file, checked for
metadata (EXIF, XMP, ICC, text chunks: none may survive the re-encoding) and, when an OCR
reader is given, read back and searched for the protected terms. A name that is still legible
in a disclosed photo blocks the export exactly as one in the text does.

The OCR reader is injected (`ImageReader`): `app` passes the attachments package's engine, so
this package does not depend on the OCR engine; unit tests pass a stub.
"""

from __future__ import annotations

import base64
import binascii
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pikepdf
from pikepdf import PdfImage

from sar_desk.core.text import fold
from sar_desk.export.extract import parse_html
from sar_desk.export.images import metadata_problems
from sar_desk.export.terms import TermMatcher

ImageReader = Callable[[bytes], str]
"""Reads the text out of an image file's bytes (OCR); words separated by spaces."""

IMAGE_DATA_PREFIX = "data:image/png;base64,"
_MIN_JOINED = 6
"""Terms at least this long are also looked for with the spaces OCR may drop ("QuillMarbury")."""

Picture = tuple[str, bytes, list[str]]
"""Where an image is, its bytes (PNG) and what metadata it carries in the file."""


def embedded_png(attrs: Sequence[tuple[str, str | None]]) -> bool:
    """Whether an <img> holds its picture inline as a PNG (the one image form allowed)."""
    sources = [value or "" for key, value in attrs if key == "src"]
    return len(sources) == 1 and sources[0].startswith(IMAGE_DATA_PREFIX)


def html_pictures(path: Path) -> list[Picture]:
    """The PNGs embedded in an HTML file's <img> elements."""
    parsed = parse_html(path.read_text(encoding="utf-8", errors="replace"))
    out: list[Picture] = []
    for tag, attrs in parsed.tags:
        if tag != "img" or not embedded_png(attrs):
            continue
        src = next(value or "" for key, value in attrs if key == "src")
        where = f"image {len(out) + 1}"
        try:
            data = base64.b64decode(src[len(IMAGE_DATA_PREFIX) :], validate=True)
        except (binascii.Error, ValueError):
            out.append((where, b"", ["an embedded image that is not valid base64"]))
            continue
        out.append((where, data, metadata_problems(data)))
    return out


def pdf_pictures(path: Path, decode: bool = True) -> list[Picture]:
    """Every image object in the PDF (drawn or not, at any depth), as PNG, with its problems.

    With `decode` false the pixels are not decoded (b"" instead): only metadata is checked.

    Walking all objects rather than each page's resources also finds images nested in form
    XObjects, images sharing a resource name, and images no page draws.
    """
    out: list[Picture] = []
    with pikepdf.open(path) as pdf:
        for raw in pdf.objects:
            if not isinstance(raw, pikepdf.Stream) or raw.get("/Subtype") != "/Image":
                continue
            where = f"image object {raw.objgen[0]}"
            problems = []
            if "/Metadata" in raw:
                problems.append("XMP metadata on the image object")
            if str(raw.get("/Filter", "")) == "/DCTDecode":
                # A JPEG stream is the original file's bytes, markers and all.
                problems += metadata_problems(raw.read_raw_bytes())
            colour = raw.get("/ColorSpace")
            if isinstance(colour, pikepdf.Array) and str(colour[0]) == "/ICCBased":
                problems.append("an ICC profile")
            buffer = io.BytesIO()
            if decode:
                PdfImage(raw).as_pil_image().save(buffer, format="PNG")
            out.append((where, buffer.getvalue(), problems))
    return out


def pictures(path: Path, decode: bool = True) -> list[Picture]:
    """The images inside an output file (none for kinds that cannot hold any)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_pictures(path, decode)
    if suffix in (".html", ".htm"):
        return html_pictures(path)
    return []


def text_hits(text: str, matcher: TermMatcher) -> list[str]:
    """Protected terms in OCR text, also when OCR ran a term's words together."""
    found = [f"protected term no. {hit.term_index + 1} ({hit.how})" for hit in matcher.find(text)]
    joined = fold(text).replace(" ", "")
    for index, term in enumerate(matcher.terms):
        squeezed = fold(term).replace(" ", "")
        if len(squeezed) >= _MIN_JOINED and squeezed in joined:
            found.append(f"protected term no. {index + 1} (words run together)")
    return sorted(set(found))


def picture_problems(
    path: Path, matcher: TermMatcher, ocr: ImageReader | None
) -> tuple[list[str], list[str]]:
    """What the file's images carry: (metadata problems, protected terms read by OCR)."""
    metadata: list[str] = []
    leaks: list[str] = []
    for where, data, problems in pictures(path, decode=ocr is not None):
        metadata += [f"{problem} in {where}" for problem in problems]
        if ocr is not None and data:
            leaks += [f"{hit} read in {where}" for hit in text_hits(ocr(data), matcher)]
    return sorted(set(metadata)), sorted(set(leaks))
