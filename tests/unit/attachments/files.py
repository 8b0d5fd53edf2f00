"""Synthetic attachment files for the tests: one of each type and one of each hostile kind.

Everything is made here from made-up text (no real personal data): a photographed notice with
GPS in its EXIF, a PDF with a text layer, a scanned (image-only) PDF, an encrypted PDF, Word,
Excel and OpenDocument files, a voice note, and the hostile ones (a pixel bomb, a cut-off
JPEG, a zip-bomb document, a document with a part outside it).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from PIL import Image

from sar_desk.attachments.sample_photo import notice_photo

FONT = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "NotoSans-Regular.ttf"
NOTICE = ("NOTICE OF ENTRY", "Tenant: Jordan Whitfield", "Flat 4, 9 Oak Road", "Leeds LS7 3QP")


def photo(lines: tuple[str, ...] = NOTICE) -> bytes:
    """A JPEG of a printed notice, GPS in its EXIF."""
    return notice_photo(lines, FONT)


def pdf_with_text(words: str = "Letter to Morgana Fairweather about the repair") -> bytes:
    """A one-page PDF whose text layer holds `words`."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Noto", fname=str(FONT))
    pdf.set_font("Noto", size=14)
    pdf.text(20, 30, words)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF page that is only a photo of the notice (no text layer)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(photo()), x=0, y=0, w=210)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    """A password-protected PDF."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_text())))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(parts: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(paragraphs: tuple[str, ...] = ("Minutes", "Present: Ravindra Oyelaran")) -> bytes:
    """A minimal Word document."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return _zip(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": f"<w:document {_W}><w:body>{body}</w:body></w:document>",
        }
    )


def xlsx(cells: tuple[str, ...] = ("Name", "Ottoline Braithwaite")) -> bytes:
    """A minimal Excel workbook (shared strings)."""
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    strings = "".join(f"<si><t>{c}</t></si>" for c in cells)
    return _zip(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": f"<workbook {main}/>",
            "xl/sharedStrings.xml": f"<sst {main}>{strings}</sst>",
        }
    )


def odt(paragraphs: tuple[str, ...] = ("Visit notes", "Seen: Cassius Pemberton")) -> bytes:
    """A minimal OpenDocument text file (mimetype first, stored)."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml", f"<office:document-content {ns}>{body}</office:document-content>"
        )
    return out.getvalue()


def voice_note() -> bytes:
    """The start of an Ogg/Opus voice note (enough to be typed; never decoded)."""
    return b"OggS\x00\x02" + b"\x00" * 20 + b"OpusHead" + bytes(200)


def pixel_bomb() -> bytes:
    """A small PNG that claims 20,000 x 20,000 pixels (400 megapixels)."""
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, format="PNG", optimize=True)
    return out.getvalue()


def truncated_jpeg() -> bytes:
    """A photo cut off half way."""
    data = photo()
    return data[: len(data) // 2]


def bomb_docx() -> bytes:
    """A Word document whose text part inflates from a few KB to 50 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (50 * 1024**2))
    return out.getvalue()


def escaping_docx() -> bytes:
    """A Word document with a part named outside the document."""
    return _zip(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": f"<w:document {_W}/>",
            "../../evil.sh": "echo escaped",
        }
    )


def multi_page_pdf(pages: tuple[str, ...] = ("Page one", "Page two", "Page three")) -> bytes:
    """A PDF with one line of text (a text layer) on each page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Noto", fname=str(FONT))
    pdf.set_font("Noto", size=14)
    for words in pages:
        pdf.add_page()
        pdf.text(20, 30 + 10 * len(words) % 50, words)
    return bytes(pdf.output())


_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'


def pptx(slides: tuple[str, ...] = ("Site visit", "Attended: Philippa Okonkwo-Hart")) -> bytes:
    """A minimal PowerPoint file, one text box a slide."""
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": "<Types/>",
        "ppt/presentation.xml": f"<p:presentation {_P}/>",
    }
    for n, words in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{n}.xml"] = (
            f"<p:sld {_P} {_A}><p:cSld><p:spTree><p:sp><p:txBody>"
            f"<a:p><a:r><a:t>{words}</a:t></a:r></a:p>"
            "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        )
    return _zip(parts)


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)


def _odf(mimetype: str, body: str, prolog: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr(
            "content.xml",
            f"{prolog}<office:document-content {_ODF_NS}><office:body>{body}</office:body>"
            "</office:document-content>",
        )
    return out.getvalue()


def ods(cells: tuple[str, ...] = ("Tenant", "Bartholomew Ashdown-Clarke")) -> bytes:
    """A minimal OpenDocument spreadsheet (one row of cells)."""
    row = "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in cells)
    return _odf(
        "application/vnd.oasis.opendocument.spreadsheet",
        f"<office:spreadsheet><table:table><table:table-row>{row}</table:table-row>"
        "</table:table></office:spreadsheet>",
    )


def odp(slides: tuple[str, ...] = ("Case review", "Neighbour: Genevieve Strathmore")) -> bytes:
    """A minimal OpenDocument presentation (one text frame a slide)."""
    pages = "".join(
        f"<draw:page><draw:frame><draw:text-box><text:p>{s}</text:p></draw:text-box>"
        "</draw:frame></draw:page>"
        for s in slides
    )
    return _odf(
        "application/vnd.oasis.opendocument.presentation",
        f"<office:presentation>{pages}</office:presentation>",
    )


def video() -> bytes:
    """The start of an MP4 video (an ISO base media 'ftyp' box; never decoded)."""
    return b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(200)


def audio_m4a() -> bytes:
    """The start of an M4A audio file (an iPhone voice memo)."""
    return b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A isom" + bytes(200)


def entity_docx() -> bytes:
    """A Word document whose XML declares entities (a 'billion laughs' expansion)."""
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(2, 10))
        + '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    return _zip(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": f"{laughs}<w:document {_W}><w:body><w:p><w:r><w:t>&lol9;"
            "</w:t></w:r></w:p></w:body></w:document>",
        }
    )


def external_entity_odt() -> bytes:
    """An OpenDocument text whose XML reads a local file through an external entity (XXE)."""
    return _odf(
        "application/vnd.oasis.opendocument.text",
        "<office:text><text:p>&x;</text:p></office:text>",
        '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    )


def truncated_docx() -> bytes:
    """A Word document cut off half way (a damaged zip)."""
    data = docx()
    return data[: len(data) // 2]


def damaged_pdf() -> bytes:
    """A PDF header followed by nothing a reader can use."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 4
