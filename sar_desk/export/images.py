"""Disclosed images, rebuilt from their pixels with every approved box burned in solid black.

Nothing of the original file reaches the pack: the picture is decoded, turned upright from its
EXIF orientation (the boxes were drawn on the picture as a person sees it), flattened onto white
(a transparent area could hide pixels a viewer never showed the reviewer), copied pixel by pixel
into a fresh image and saved as a PNG with no chunks besides the pixels. So no EXIF (GPS
position, camera, time), XMP, ICC profile, thumbnail, comment or text chunk survives, and a
redacted region is black in the pixels themselves, never a shape drawn over them (F1).

Pure: bytes in, bytes out.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PIL import Image, ImageDraw, ImageOps, UnidentifiedImageError

from sar_desk.core.errors import ExportBlockedError

MAX_EXPORT_PIXELS: Final = 80_000_000
"""The same limit import applies; anything larger is refused, never decoded."""
PAD: Final = 2
"""Pixels added around each box, so anti-aliased edges of letters are covered too."""
BLACK: Final = (0, 0, 0)

Box = tuple[float, float, float, float]
"""A region (x0, y0, x1, y1) in pixels of the upright image."""

_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_PIXEL_CHUNKS: Final = frozenset({b"IHDR", b"PLTE", b"IDAT", b"IEND"})
_JPEG_METADATA: Final = (b"Exif\x00\x00", b"http://ns.adobe.com/xap", b"ICC_PROFILE")


class ImageRefusedError(ExportBlockedError):
    """An image that cannot be disclosed safely (too large or unreadable)."""


@dataclass(frozen=True, slots=True)
class CleanImage:
    """A disclosed image as it goes into the pack.

    Attributes:
        png: The re-encoded PNG (pixels only, boxes burned in).
        width, height: Its size in pixels.
        boxes: How many boxes were burned in.
    """

    png: bytes
    width: int
    height: int
    boxes: int


def _open(data: bytes, max_pixels: int) -> Image.Image:
    """Decode an image, refusing one over the pixel limit before its pixels are read."""
    try:
        with warnings.catch_warnings():
            # We apply our own limit; Pillow's bomb warning would otherwise be an error here.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > max_pixels:
                raise ImageRefusedError(
                    f"An image of {width:,} x {height:,} pixels is over the "
                    f"{max_pixels:,}-pixel limit and was not disclosed."
                )
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ImageRefusedError("An image could not be read and was not disclosed.") from exc
    return image


def _upright_rgb(image: Image.Image) -> Image.Image:
    """The picture as a viewer shows it: EXIF orientation applied, transparency on white."""
    upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    ):
        rgba = upright.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        white.alpha_composite(rgba)
        return white.convert("RGB")
    return upright.convert("RGB")


def _clamp(box: Box, width: int, height: int) -> tuple[int, int, int, int] | None:
    x0, y0, x1, y1 = box
    if x1 <= x0 or y1 <= y0:
        return None
    left, top = max(0, int(x0) - PAD), max(0, int(y0) - PAD)
    right, bottom = min(width - 1, int(x1 + 0.999) + PAD), min(height - 1, int(y1 + 0.999) + PAD)
    if right < left or bottom < top:
        return None
    return left, top, right, bottom


def redact_image(
    data: bytes, boxes: Sequence[Box], *, max_pixels: int = MAX_EXPORT_PIXELS
) -> CleanImage:
    """Re-encode an image from its pixels with every box burned in solid black.

    Args:
        data: The original file's bytes (JPEG, PNG, WebP, GIF, ...).
        boxes: Regions in pixels of the upright image (EXIF orientation applied).
        max_pixels: Refuse images with more pixels than this.

    Raises:
        ImageRefusedError: The image is too large or cannot be decoded.
    """
    with _open(data, max_pixels) as opened:
        upright = _upright_rgb(opened)
    # A fresh image from the raw pixels: no `info`, no EXIF, no profile can come along.
    fresh = Image.frombytes("RGB", upright.size, upright.tobytes())
    draw = ImageDraw.Draw(fresh)
    burned = 0
    for box in boxes:
        region = _clamp(box, fresh.width, fresh.height)
        if region is not None:
            draw.rectangle(region, fill=BLACK)
            burned += 1
    out = io.BytesIO()
    fresh.save(out, format="PNG", optimize=True)
    return CleanImage(out.getvalue(), fresh.width, fresh.height, burned)


def png_chunks(data: bytes) -> list[bytes]:
    """The chunk types of a PNG file, in order (empty when it is not a PNG)."""
    if not data.startswith(_PNG_SIGNATURE):
        return []
    chunks: list[bytes] = []
    at = len(_PNG_SIGNATURE)
    while at + 8 <= len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        chunks.append(data[at + 4 : at + 8])
        at += 12 + length
    return chunks


def metadata_problems(data: bytes) -> list[str]:
    """What an output image carries besides its pixels (empty when clean).

    Any chunk of a PNG other than header, palette, pixels and end counts (text, EXIF, ICC,
    time, ...); in other formats EXIF, XMP, ICC profiles and comments count.
    """
    problems: list[str] = []
    chunks = png_chunks(data)
    if chunks:
        extra = sorted(set(chunks) - _PIXEL_CHUNKS)
        problems += [f"a PNG '{name.decode('latin-1')}' chunk" for name in extra]
        return problems
    problems += [
        f"embedded {marker.decode('latin-1').strip()}"
        for marker in _JPEG_METADATA
        if marker in data
    ]
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.getexif():
                problems.append("EXIF data")
            for key in ("icc_profile", "xmp", "XML:com.adobe.xmp", "comment", "exif"):
                if image.info.get(key):
                    problems.append(f"'{key}' metadata")
    except (UnidentifiedImageError, OSError, ValueError):
        problems.append("an image that cannot be read")
    return sorted(set(problems))
