"""The requester-facing PDF: cover letter, index, transcripts and glossary, drawn with fpdf2.

The renderer only receives `RenderBundle` and `Letter` records, whose strings are already
redacted. Text shaping (uharfbuzz) is on so Arabic and Hebrew come out shaped and in the right
order; fallback fonts cover RTL scripts and emoji, with the emoji font last (a colour emoji font
listed earlier supplies digits). Nothing here draws filled shapes: redaction is removal, never
a box over text (F1). `pdf_post.clean_pdf` then strips metadata and writes the final file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

from sar_desk.export.attachment_lines import index_note
from sar_desk.export.letter import Letter
from sar_desk.export.render_model import (
    RenderBundle,
    RenderConversation,
    RenderImage,
    RenderMessage,
)

FONT_FILES = {
    ("noto", ""): "NotoSans-Regular.ttf",
    ("noto", "B"): "NotoSans-Bold.ttf",
    ("arabic", ""): "NotoSansArabic-Regular.ttf",
    ("hebrew", ""): "NotoSansHebrew-Regular.ttf",
    ("emoji", ""): "NotoColorEmoji.ttf",
}
# Emoji LAST: earlier in the list it would supply digits next to Arabic text.
FALLBACKS = ["arabic", "hebrew", "emoji"]
# Scripts that need shaping (joining, reordering, marks). Latin, digits and emoji do not, and
# shaping every string made line breaking ten times slower (harfbuzz per candidate width).
_COMPLEX = re.compile(
    r"[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\ufb1d-\ufdff"
    r"\ufe70-\ufeff]"
)
# A paragraph whose first strong character is Hebrew or Arabic reads from the right margin.
_RTL_FIRST = re.compile(
    r"^[^A-Za-z\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]*"
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
)
MAX_IMAGE_HEIGHT = 110.0
"""Tallest a disclosed image is drawn (mm), so a portrait photo leaves room for its caption."""
GREY = (90, 90, 90)
BLACK = (0, 0, 0)


@dataclass(frozen=True, slots=True)
class Sizes:
    """Type sizes (pt) and line height (mm) for normal and large print."""

    body: float
    small: float
    heading: float
    line: float

    @classmethod
    def for_print(cls, large: bool) -> Sizes:
        """Large print: 16 pt body and 1.5 line spacing, for reasonable adjustments (R63)."""
        return cls(16, 13, 22, 9.0) if large else cls(9.5, 7.5, 14, 4.6)


class _BundlePdf(FPDF):
    """FPDF with the case reference on every page and "Page N of Y" in the footer."""

    def __init__(self, reference: str, sizes: Sizes) -> None:
        super().__init__(format="A4")
        self.reference = reference
        self.sizes = sizes
        self.shaping = False
        self.widths: dict[tuple[str, str, float, str], float] = {}

    def header(self) -> None:
        self.set_font("noto", "", self.sizes.small)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"Case {self.reference}", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*BLACK)
        self.ln(1)

    def footer(self) -> None:
        self.set_y(-12)
        # The {nb} total is substituted after rendering, which shaped text cannot take
        # (fpdf2 issue #1090); the footer is plain Latin, so shaping is switched off here.
        self.set_text_shaping(False)
        self.set_font("noto", "", self.sizes.small)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.reference} · Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(*BLACK)
        self.set_text_shaping(self.shaping)


def _fits_main_font(pdf: _BundlePdf, line: str) -> bool:
    cmap = getattr(pdf.current_font, "cmap", None)
    return cmap is not None and all(ord(ch) in cmap for ch in line)


def _width(pdf: _BundlePdf, word: str) -> float:
    # Chat text repeats the same words endlessly; measuring each once per font is the main
    # saving over fpdf2's per-character re-measuring (ecosystem.md 1.1).
    key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, word)
    cached = pdf.widths.get(key)
    if cached is None:
        cached = pdf.widths[key] = float(pdf.get_string_width(word))
    return cached


def _break(pdf: _BundlePdf, text: str, width: float) -> list[str] | None:
    """Greedy word wrap with cached widths; None when a single word is wider than a line."""
    lines: list[str] = []
    space = _width(pdf, " ")
    for paragraph in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            size = _width(pdf, word)
            if size > width:
                return None
            if current and used + space + size > width:
                lines.append(" ".join(current))
                current, used = [word], size
            else:
                used += (space if current else 0.0) + size
                current.append(word)
        lines.append(" ".join(current))
    return lines


def _line(pdf: _BundlePdf, height: float, line: str, align: str) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()
    if align == "L" and _fits_main_font(pdf, line):
        # Plain glyphs from the main font: draw directly, about 8x faster than cell().
        pdf.text(pdf.l_margin, pdf.get_y() + 0.5 * height + 0.3 * pdf.font_size, line)
        pdf.set_y(pdf.get_y() + height)
    else:
        pdf.cell(0, height, line, align=align, new_x="LMARGIN", new_y="NEXT")


def _text(pdf: _BundlePdf, height: float, text: str, align: str = "L") -> None:
    """Write a paragraph: RTL/complex scripts via fpdf2's shaping, the rest via fast lines."""
    shaped = bool(_COMPLEX.search(text))
    if shaped != pdf.shaping:
        pdf.set_text_shaping(shaped)
        pdf.shaping = shaped
    width = pdf.w - pdf.l_margin - pdf.r_margin - 1
    if shaped and "\n" not in text and pdf.get_string_width(text) < width:
        _line(pdf, height, text, align if align != "L" else "R" if _RTL_FIRST.match(text) else "L")
        return
    lines = None if shaped else _break(pdf, text, width)
    if lines is None:
        pdf.multi_cell(0, height, text, align=align, new_x="LMARGIN", new_y="NEXT")
        return
    for line in lines:
        _line(pdf, height, line, align)


def _new_pdf(fonts: Path, reference: str, large: bool, created: datetime) -> _BundlePdf:
    pdf = _BundlePdf(reference, Sizes.for_print(large))
    pdf.set_creation_date(created)
    for (family, style), name in FONT_FILES.items():
        pdf.add_font(family, style, str(fonts / name))
    pdf.set_fallback_fonts(FALLBACKS)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_margins(15, 12, 15)
    return pdf


def _heading(pdf: _BundlePdf, text: str, bookmark: str | None = None) -> None:
    if bookmark is not None:
        pdf.start_section(bookmark, level=0)
    pdf.set_font("noto", "B", pdf.sizes.heading)
    _text(pdf, pdf.sizes.line * 1.6, text)
    pdf.ln(pdf.sizes.line / 2)


def _letter(pdf: _BundlePdf, letter: Letter) -> None:
    pdf.add_page()
    _heading(pdf, letter.title, "Cover letter")
    pdf.set_font("noto", "", pdf.sizes.body)
    pdf.cell(0, pdf.sizes.line, letter.date_label, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(pdf.sizes.line)
    for section in letter.sections:
        if section.heading:
            pdf.set_font("noto", "B", pdf.sizes.body + 1)
            _text(pdf, pdf.sizes.line * 1.2, section.heading)
        pdf.set_font("noto", "", pdf.sizes.body)
        for paragraph in section.paragraphs:
            _text(pdf, pdf.sizes.line, paragraph)
            pdf.ln(pdf.sizes.line / 3)
        pdf.ln(pdf.sizes.line / 2)


def _index(pdf: _BundlePdf, bundle: RenderBundle) -> None:
    pdf.add_page()
    _heading(pdf, "Index of items", "Index")
    counts = bundle.counts
    pdf.set_font("noto", "", pdf.sizes.body)
    pdf.multi_cell(
        0,
        pdf.sizes.line,
        f"{counts['in_scope']} items: {counts['disclosed_in_full']} disclosed in full, "
        f"{counts['disclosed_in_part']} disclosed in part, {counts['withheld']} withheld.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    note = index_note(bundle)
    if note:
        _text(pdf, pdf.sizes.line, note)
    pdf.ln(pdf.sizes.line / 2)
    for conv in bundle.conversations:
        _text(pdf, pdf.sizes.line, f"{conv.heading} — {len(conv.messages)} items")
    pdf.ln(pdf.sizes.line)
    widths = (16, 24, 14, 34, 36, 56) if not pdf.sizes.body > 10 else (20, 30, 16, 44, 70)
    headers = ("Chat", "Items", "Count", "Status", "Codes", "Dates")[: len(widths)]
    pdf.set_font("noto", "B", pdf.sizes.small + 0.5)
    for width, title in zip(widths, headers, strict=True):
        pdf.cell(width, pdf.sizes.line, title)
    pdf.ln(pdf.sizes.line)
    pdf.set_font("noto", "", pdf.sizes.small + 0.5)
    for row in bundle.index:
        first, last = row.first_time[:16].replace("T", " "), row.last_time[:16].replace("T", " ")
        dates = first if first == last else f"{first} – {last}"
        values = (
            row.conversation_ref,
            row.items_label,
            str(row.count),
            str(row.status),
            ", ".join(row.codes) or "—",
            dates,
        )
        if pdf.get_y() + pdf.sizes.line > pdf.page_break_trigger:
            pdf.add_page()
        x = pdf.l_margin
        baseline = pdf.get_y() + 0.5 * pdf.sizes.line + 0.3 * pdf.font_size
        for width, value in zip(widths, values[: len(widths)], strict=True):
            pdf.text(x, baseline, value)
            x += width
        pdf.set_y(pdf.get_y() + pdf.sizes.line)


def _message(pdf: _BundlePdf, msg: RenderMessage) -> None:
    sizes = pdf.sizes
    meta = f"{msg.time_label} · #{msg.item}" + (" · (edited)" if msg.edited else "")
    if msg.kind in ("system", "withheld") or msg.sender is None:
        pdf.set_font("noto", "", sizes.small + 0.5)
        pdf.set_text_color(*GREY)
        _text(pdf, sizes.line, f"{meta} — {msg.text}")
        pdf.set_text_color(*BLACK)
        pdf.ln(sizes.line / 4)
        return
    pdf.set_font("noto", "B", sizes.body)
    _text(pdf, sizes.line, msg.sender)
    pdf.set_font("noto", "", sizes.small)
    pdf.set_text_color(*GREY)
    _text(pdf, sizes.line * 0.8, meta)
    if msg.reply_note:
        _text(pdf, sizes.line * 0.8, msg.reply_note)
    pdf.set_text_color(*BLACK)
    pdf.set_font("noto", "", sizes.body)
    if msg.text:
        _text(pdf, sizes.line, msg.text)
    pdf.set_font("noto", "", sizes.small + 0.5)
    for line in (*msg.attachments, *msg.reactions):
        _text(pdf, sizes.line, line)
    for image in msg.images:
        _image(pdf, image)
    pdf.ln(sizes.line / 3)


def _image(pdf: _BundlePdf, image: RenderImage) -> None:
    """A disclosed image under its message, scaled to the text width, caption below.

    The PNG is already rebuilt from pixels with its boxes burned in (`export.images`); it is
    drawn as an image, never with shapes over it, so the page-structure check still finds no
    filled shapes.
    """
    scale = min(
        (pdf.w - pdf.l_margin - pdf.r_margin) / image.width, MAX_IMAGE_HEIGHT / image.height
    )
    width, height = image.width * scale, image.height * scale
    if pdf.get_y() + height + pdf.sizes.line > pdf.page_break_trigger:
        pdf.add_page()
    pdf.image(io.BytesIO(image.png), x=pdf.l_margin, y=pdf.get_y(), w=width, h=height)
    pdf.set_y(pdf.get_y() + height + 1)
    pdf.set_text_color(*GREY)
    _text(pdf, pdf.sizes.line, image.label)
    pdf.set_text_color(*BLACK)


def _conversation(pdf: _BundlePdf, conv: RenderConversation) -> None:
    pdf.add_page()
    _heading(pdf, conv.heading, conv.heading)
    day = None
    for msg in conv.messages:
        if msg.date_label != day:
            day = msg.date_label
            pdf.set_font("noto", "B", pdf.sizes.small + 0.5)
            pdf.set_text_color(*GREY)
            pdf.cell(
                0, pdf.sizes.line * 1.4, f"— {day} —", align="C", new_x="LMARGIN", new_y="NEXT"
            )
            pdf.set_text_color(*BLACK)
        _message(pdf, msg)


def _glossary(pdf: _BundlePdf, bundle: RenderBundle) -> None:
    pdf.add_page()
    _heading(pdf, "Glossary of codes used", "Glossary")
    if not bundle.codes:
        pdf.set_font("noto", "", pdf.sizes.body)
        _text(pdf, pdf.sizes.line, "No information was removed or withheld.")
    for code in bundle.codes:
        pdf.set_font("noto", "B", pdf.sizes.body)
        _text(pdf, pdf.sizes.line, f"[REDACTED · {code.marker}] — {code.title}")
        pdf.set_font("noto", "", pdf.sizes.body)
        _text(pdf, pdf.sizes.line, f"{code.reference}. {code.summary}")
        pdf.ln(pdf.sizes.line / 2)


def render_pdf(
    bundle: RenderBundle,
    letter: Letter,
    path: Path,
    *,
    fonts: Path,
    large_print: bool,
    created: datetime,
) -> int:
    """Draw the bundle PDF (before metadata clean-up) and return its page count.

    Args:
        bundle: The redacted render records.
        letter: The filled cover letter.
        path: Where to write the raw PDF.
        fonts: Folder holding the bundled fonts.
        large_print: Use the large-print sizes.
        created: Creation date written by fpdf2 (stripped later; fixed for reproducibility).
    """
    pdf = _new_pdf(fonts, bundle.reference, large_print, created)
    _letter(pdf, letter)
    _index(pdf, bundle)
    for conv in bundle.conversations:
        _conversation(pdf, conv)
    _glossary(pdf, bundle)
    pdf.output(str(path))
    for font in pdf.fonts.values():
        # fontTools keeps the font files open (10 MB for the emoji font); close them now.
        ttfont = getattr(font, "ttfont", None)
        if ttfont is not None:
            ttfont.close()
    return int(pdf.page_no())
