"""Documents as page pictures: PDFium word boxes and page rendering speed (issue 16 item 5).

Lays out a synthetic Office document of about N pages afresh from its text (as disclosure does,
`attachments.office_pages`), reads its word boxes back with PDFium (`attachments.pdf_pages`),
then renders every page at 150 dpi with a box on each page burned in and the PNG rebuilt from
pixels (`export.pages`). Prints pages/s for each step and the PNG size per page.

Run: ``python benchmarks/document_pages.py [PAGES]``.
"""

from __future__ import annotations

import io
import random
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sar_desk.attachments.office_pages import office_pdf  # noqa: E402
from sar_desk.attachments.pdf_pages import read_pdf  # noqa: E402
from sar_desk.export.pages import render_pages  # noqa: E402

FONT = ROOT / "resources" / "fonts" / "NotoSans-Regular.ttf"
WORDS = [
    "the",
    "tenant",
    "reported",
    "damp",
    "in",
    "the",
    "bedroom",
    "and",
    "the",
    "contractor",
    "came",
    "on",
    "Tuesday",
]


def _docx(pages: int) -> bytes:
    rng = random.Random(16)
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(40)) for _ in range(pages * 9)]
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>"
        )
    return out.getvalue()


def main() -> None:
    """Time layout, word boxes and rendering."""
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    data = _docx(wanted)
    start = time.perf_counter()
    laid_out = office_pdf(data, FONT)
    layout = time.perf_counter() - start
    start = time.perf_counter()
    _, words, pages, _ = read_pdf(laid_out, use_ocr=False)
    reading = time.perf_counter() - start
    boxes = [(b.page, b.x0, b.y0, b.x1, b.y1) for b in words[:: max(1, len(words) // pages)]]
    start = time.perf_counter()
    rendered = render_pages(laid_out, boxes)
    rendering = time.perf_counter() - start
    size = sum(len(p.png) for p in rendered) / len(rendered)
    print(f"{pages} pages, {len(words):,} words")
    print(f"layout (fpdf2): {layout:.2f} s ({pages / layout:.1f} pages/s)")
    print(f"word boxes (PDFium): {reading:.2f} s ({pages / reading:.1f} pages/s)")
    print(f"render 150 dpi + burn + PNG: {rendering:.2f} s ({pages / rendering:.1f} pages/s)")
    print(f"PNG per page: {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
