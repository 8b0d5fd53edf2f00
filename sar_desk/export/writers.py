"""The pack writers: each turns the redacted render records into requester-facing files.

A writer gets the `RenderBundle`, the `Letter` and a `WriteContext` and writes into the pack
folder. `bundle.build_bundle` takes the list of writers as a parameter so tests can swap in a
deliberately leaky one and prove that the checks stop it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sar_desk.export.html import render_html
from sar_desk.export.letter import Letter
from sar_desk.export.options import BundleOptions
from sar_desk.export.pdf import render_pdf
from sar_desk.export.pdf_post import clean_pdf, producer_for
from sar_desk.export.render_model import RenderBundle
from sar_desk.export.rsmf_export import write_rsmf


@dataclass
class WriteContext:
    """What writers need besides the content.

    Attributes:
        pack: The requester pack folder to write into.
        work: A scratch folder outside the pack.
        prefix: File-name prefix (the safe case reference).
        options: The bundle options.
        fonts: The bundled fonts folder.
        version: The tool version.
        pages: Set by the PDF writer (pages of the main PDF).
    """

    pack: Path
    work: Path
    prefix: str
    options: BundleOptions
    fonts: Path
    version: str
    pages: int = 0


PackWriter = Callable[[RenderBundle, Letter, WriteContext], None]


def pdf_name(prefix: str, large_print: bool) -> str:
    """The main PDF's file name (references only, R49)."""
    return f"{prefix}-bundle{'-large-print' if large_print else ''}.pdf"


def write_pdf(bundle: RenderBundle, letter: Letter, ctx: WriteContext) -> None:
    """The main PDF: render, then clean metadata into the pack."""
    raw = ctx.work / "raw.pdf"
    ctx.pages = render_pdf(
        bundle,
        letter,
        raw,
        fonts=ctx.fonts,
        large_print=ctx.options.large_print,
        created=ctx.options.generated_at,
    )
    clean_pdf(
        raw,
        ctx.pack / pdf_name(ctx.prefix, ctx.options.large_print),
        title=bundle.reference,
        version=ctx.version,
    )
    raw.unlink()


def write_html(bundle: RenderBundle, letter: Letter, ctx: WriteContext) -> None:
    """The accessible HTML version."""
    suffix = "-large-print" if ctx.options.large_print else ""
    render_html(
        bundle,
        letter,
        ctx.pack / f"{ctx.prefix}-bundle{suffix}.html",
        large_print=ctx.options.large_print,
    )


def write_rsmf_files(bundle: RenderBundle, letter: Letter, ctx: WriteContext) -> None:
    """RSMF 2.0 messages, one per conversation, under ``rsmf/``."""
    del letter  # RSMF carries the conversations only
    write_rsmf(
        bundle, ctx.pack / "rsmf", ctx.prefix, ctx.options.generated_at, producer_for(ctx.version)
    )


def default_writers(options: BundleOptions) -> list[PackWriter]:
    """The writers the options ask for: PDF always, HTML and RSMF when chosen."""
    writers: list[PackWriter] = [write_pdf]
    if options.html:
        writers.append(write_html)
    if options.rsmf:
        writers.append(write_rsmf_files)
    return writers
