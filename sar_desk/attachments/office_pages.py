"""Office documents as fresh, plain pages laid out from their extracted text alone.

A Word, Excel, PowerPoint or OpenDocument file is never shown from its own bytes (its layout,
images, comments, tracked changes and metadata could all carry what a reviewer never saw). Its
words (`documents.office_text`, one paragraph a line) are set on plain A4 pages in Noto Sans;
that PDF is what the reviewer looks at and boxes, its word boxes come from reading it back
(`pdf_pages.read_pdf`), and the export renders the same pages again from the same text
(`export.pages`) with the approved boxes burned into their pixels. The layout is a pure
function of the text and the font, so review and export see the same page; the export checks
that the words still sit where the reviewer saw them before it renders anything.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from sar_desk.attachments.documents import office_text
from sar_desk.core.attachments import MediaKind

FONT_SIZE: Final = 11
MARGIN: Final = 20  # mm
LINE_HEIGHT: Final = 6  # mm
_FIXED_DATE: Final = datetime(2000, 1, 1, tzinfo=UTC)
ENGINE: Final = "defusedxml + fpdf2 pages"
MAX_PLAIN_TEXT: Final = 4 * 1024**2
"""Characters of a plain-text attachment that are read, indexed, scanned and laid out."""


def text_pdf(text: str, font: Path) -> bytes:
    """Plain A4 pages holding `text` (one paragraph a line, wrapped), with no metadata."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED_DATE)  # the same bytes every time
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, MARGIN)
    pdf.add_font("Body", fname=str(font))
    pdf.set_font("Body", size=FONT_SIZE)
    pdf.add_page()
    for paragraph in text.splitlines() or [""]:
        if paragraph.strip():
            pdf.multi_cell(0, LINE_HEIGHT, paragraph, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(LINE_HEIGHT)
    return bytes(pdf.output())


def office_pdf(data: bytes, font: Path) -> bytes:
    """The pages an Office document is reviewed and disclosed as (see the module doc)."""
    return text_pdf(office_text(data), font)


def plain_text(data: bytes) -> str:
    """A text file's words as they are read, searched and laid out (UTF-8, bounded)."""
    return data.decode("utf-8", errors="replace")[:MAX_PLAIN_TEXT]


def laid_out_pdf(data: bytes, kind: MediaKind, font: Path) -> bytes:
    """The fresh pages an Office document or a text file (a note, a contact card) is shown as."""
    return office_pdf(data, font) if kind is MediaKind.OFFICE else text_pdf(plain_text(data), font)
