"""Text extraction from every kind of output file, for the leak checks.

Each extractor returns (where, text) pairs: where in the file a string was found (page text,
bookmark, metadata, annotation, attribute...) and the text. The checks then look for protected
terms in every piece, so a leak is reported with the file and the place it was found.
"""

from __future__ import annotations

import email
import io
import json
import os
import zipfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
from pypdf import PdfReader

Piece = tuple[str, str]
_PARALLEL_PAGES = 120


def _indirect(value: object) -> bool:
    return isinstance(value, pikepdf.Object) and bool(value.is_indirect)


def _pdf_strings(obj: object) -> Iterator[str]:
    """Strings and names held directly by `obj` (indirect children are visited on their own)."""
    if isinstance(obj, pikepdf.String):
        yield str(obj)
    elif isinstance(obj, pikepdf.Name):
        yield str(obj)[1:]
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            if not _indirect(item):
                yield from _pdf_strings(item)
    elif isinstance(obj, pikepdf.Dictionary):
        for key in obj.keys():  # noqa: SIM118 - pikepdf dictionaries need .keys()
            yield str(key)[1:]
            value = obj.get(key)
            if not _indirect(value):
                yield from _pdf_strings(value)


def pdf_pieces(path: Path) -> list[Piece]:
    """Page text (pypdf), every string object, XMP, bookmarks and embedded files."""
    pieces: list[Piece] = []
    reader = PdfReader(str(path))
    pieces.append(("page text", "\n".join(page_texts(path, len(reader.pages)))))
    for outline in _outline_titles(reader.outline):
        pieces.append(("bookmark", outline))
    with pikepdf.open(path) as pdf:
        for key, value in pdf.docinfo.items():
            pieces.append((f"metadata {key}", str(value)))
        if "/Metadata" in pdf.Root:
            pieces.append(
                ("XMP metadata", pdf.Root.Metadata.read_bytes().decode("utf-8", "replace"))
            )
        for number, page in enumerate(pdf.pages, start=1):
            for annot in page.obj.get("/Annots", pikepdf.Array()):
                pieces.append(
                    (f"annotation on page {number}", " ".join(_annotation_strings(annot)))
                )
        for name, attached in pdf.attachments.items():
            pieces.append(("embedded file name", name))
            data = attached.get_file().read_bytes()
            pieces.append((f"embedded file {name}", data.decode("utf-8", "replace")))
        strings: list[str] = []
        for obj in pdf.objects:
            # Every indirect object once, streams by their dictionary (content streams hold
            # glyph ids, checked through the text layer above).
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream):
                strings.extend(
                    _pdf_strings(obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj)
                )
        pieces.append(("PDF objects", "\n".join(strings)))
    return pieces


def _annotation_strings(annot: object) -> Iterator[str]:
    """Strings of an annotation and of the objects it refers to (one level deep)."""
    if isinstance(annot, pikepdf.Dictionary):
        for key in annot.keys():  # noqa: SIM118 - pikepdf dictionaries need .keys()
            if key in ("/P", "/Parent"):
                continue
            value = annot.get(key)
            yield from _pdf_strings(value)
    else:
        yield from _pdf_strings(annot)


def _extract_range(path: str, start: int, stop: int) -> list[str]:
    reader = PdfReader(path)
    return [reader.pages[i].extract_text() or "" for i in range(start, stop)]


def page_texts(path: Path, count: int) -> list[str]:
    """The text layer of every page, in order (big files in two worker processes).

    pypdf extraction is pure Python (about 30 pages/s here); a 600-page bundle is split in
    halves across the machine's cores so the export gate stays within the time budget.
    """
    workers = min(os.cpu_count() or 1, 4)
    if count < _PARALLEL_PAGES or workers < 2:
        return _extract_range(str(path), 0, count)
    step = -(-count // workers)
    ranges = [(i, min(i + step, count)) for i in range(0, count, step)]
    with ProcessPoolExecutor(max_workers=len(ranges)) as pool:
        parts = pool.map(_extract_range, [str(path)] * len(ranges), *zip(*ranges, strict=True))
        return [text for part in parts for text in part]


def _outline_titles(items: object) -> Iterator[str]:
    if isinstance(items, list):
        for item in items:
            yield from _outline_titles(item)
    else:
        title = getattr(items, "title", None)
        if title:
            yield str(title)


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attributes: list[str] = []
        self.comments: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        # An embedded picture's base64 is not text; its pixels are read by `image_checks`.
        self.attributes += [
            f"{k}={'<embedded image>' if k == 'src' and v.startswith('data:image/') else v}"
            for k, v in attrs
            if v
        ]

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse_html(raw: str) -> _HtmlText:
    """Parse an HTML file into text, attributes, comments and tags."""
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    return parser


def html_pieces(path: Path) -> list[Piece]:
    """Visible text, attribute values and comments."""
    parsed = parse_html(path.read_text(encoding="utf-8", errors="replace"))
    return [
        ("HTML text", " ".join(parsed.text)),
        ("HTML attributes", "\n".join(parsed.attributes)),
        ("HTML comments", "\n".join(parsed.comments)),
    ]


def eml_pieces(data: bytes, where: str) -> list[Piece]:
    """Headers, every decoded body part, and any zip attachment's members."""
    msg = email.message_from_bytes(data, policy=policy.default)
    pieces: list[Piece] = [(f"{where} headers", "\n".join(f"{k}: {v}" for k, v in msg.items()))]
    for part in msg.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        name = part.get_filename() or "body"
        pieces.append((f"{where} part name", name))
        if name.endswith(".zip"):
            pieces += zip_pieces(payload, f"{where}/{name}")
        else:
            pieces.append((f"{where} {name}", payload.decode("utf-8", "replace")))
    return pieces


def zip_pieces(data: bytes, where: str) -> list[Piece]:
    """Member names and (unencrypted) member contents of a zip."""
    pieces: list[Piece] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            pieces.append((f"{where} member name", info.filename))
            if info.flag_bits & 0x1:
                continue  # encrypted: its contents were checked before they were zipped
            content = archive.read(info)
            if info.filename.endswith(".eml"):
                pieces += eml_pieces(content, f"{where}/{info.filename}")
            elif info.filename.endswith(".json"):
                pieces.append((f"{where}/{info.filename}", json_text(content)))
            else:
                pieces += text_pieces(content, f"{where}/{info.filename}")
    return pieces


def text_pieces(data: bytes, where: str) -> list[Piece]:
    r"""The bytes as text; for JSON also every key and string value with escapes decoded.

    ``json.dumps`` escapes non-ASCII by default ("Zo\u00eb"), which would hide a name from a
    plain text search, so JSON is read as JSON as well (RSMF ``display`` fields included).
    """
    text = data.decode("utf-8", "replace")
    pieces: list[Piece] = [(where, text)]
    if text.lstrip()[:1] in ("{", "["):
        pieces.append((f"{where} JSON strings", json_text(data)))
    return pieces


def json_text(content: bytes) -> str:
    r"""Every key and value of a JSON document, one per line, as a reader sees them.

    The escaped form glues letters to the escape ("\nAnn" reads "nann"): a term at the start
    of a line would be missed and "\ni'm" would look like the term "NI". Not JSON: as text.
    """
    text = content.decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return text
    out: list[str] = []
    # A stack, not recursion: a deeply nested document must not escape the check.
    stack: list[object] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                stack += [item, str(key)]
        elif isinstance(value, list):
            stack += reversed(value)
        elif value is not None:
            out.append(str(value))
    return "\n".join(out)


def file_pieces(path: Path) -> list[Piece]:
    """Extract every string from an output file, by type."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_pieces(path)
    if suffix in (".html", ".htm"):
        return html_pieces(path)
    if suffix == ".eml":
        return eml_pieces(path.read_bytes(), "e-mail")
    data = path.read_bytes()
    if suffix == ".zip" or zipfile.is_zipfile(io.BytesIO(data)):
        # Spreadsheets and documents (XLSX, DOCX, ODS) are zips of XML: read every member.
        return zip_pieces(data, "zip" if suffix == ".zip" else f"{suffix[1:]} file")
    return text_pieces(data, "file contents")
