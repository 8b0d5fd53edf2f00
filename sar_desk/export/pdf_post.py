"""PDF clean-up with pikepdf: metadata allow-list, no active content, one clean revision.

fpdf2 writes its own producer and dates; Info and XMP metadata are a classic leak path (F3,
F7). We delete both and write back only the allow-list, drop anything active or attached, and
save a fresh single-revision file with deterministic ids so the same bundle hashes the same.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

# The only document information a bundle PDF may carry (R45).
ALLOWED_INFO = ("/Producer", "/Title")
_ROOT_DROP = ("/Metadata", "/OpenAction", "/AA", "/AcroForm", "/OCProperties", "/StructTreeRoot")
_NAMES_DROP = ("/JavaScript", "/EmbeddedFiles")


def producer_for(version: str) -> str:
    """The allowed producer string."""
    return f"SAR Desk {version}"


def clean_pdf(raw: Path, final: Path, *, title: str, version: str) -> None:
    """Rewrite `raw` into `final` with only allowed metadata and no active content.

    Args:
        raw: The renderer's output.
        final: Where to save the cleaned file (a full rewrite, never incremental).
        title: The document title (the case reference only, R49).
        version: Tool version for the producer entry.
    """
    with pikepdf.open(raw) as pdf:
        root = pdf.Root
        for key in _ROOT_DROP:
            if key in root:
                del root[key]
        if "/Names" in root:
            for key in _NAMES_DROP:
                if key in root.Names:
                    del root.Names[key]
        for page in pdf.pages:
            for key in ("/Annots", "/AA"):
                if key in page.obj:
                    del page.obj[key]
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        pdf.docinfo = pdf.make_indirect(
            pikepdf.Dictionary(
                Title=pikepdf.String(title),
                Producer=pikepdf.String(producer_for(version)),
            )
        )
        pdf.save(
            final,
            deterministic_id=True,
            linearize=False,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.preserve,
        )
