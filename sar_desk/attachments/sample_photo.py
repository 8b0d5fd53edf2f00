"""Synthetic photos for the demo, tests and benchmarks: a printed notice with a GPS-tagged EXIF.

Phones write the place a photo was taken into its EXIF; a photo of a letter or a notice shows
names and addresses. This draws such a photo from made-up lines with a bundled font, so tests
and the demo exercise OCR, search, detection and metadata stripping without real personal data.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

_GPS_IFD = 0x8825
_MAKE, _MODEL, _DATETIME = 0x010F, 0x0110, 0x0132


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 2)
    return Fraction(degrees), Fraction(minutes), Fraction(seconds).limit_denominator(100)


def notice_photo(
    lines: Sequence[str],
    font: Path,
    *,
    gps: tuple[float, float] | None = (53.8008, -1.5491),
    size: tuple[int, int] = (1200, 800),
    image_format: str = "JPEG",
    blur: float = 0.6,
) -> bytes:
    """A photo of a printed notice holding `lines`, with the position in its EXIF.

    Args:
        lines: The text printed on the notice, one line each.
        font: A TrueType font file (the bundled Noto Sans).
        gps: (latitude, longitude) written to the EXIF GPS tags, or None for none.
        size: Width and height in pixels.
        image_format: "JPEG", "PNG" or "WEBP".
        blur: A slight camera blur, so OCR reads a photo rather than a perfect rendering.
    """
    width, height = size
    image = Image.new("RGB", size, (196, 190, 178))  # the wall behind the notice
    draw = ImageDraw.Draw(image)
    margin = width // 12
    draw.rectangle((margin, margin, width - margin, height - margin), fill=(250, 250, 246))
    face = ImageFont.truetype(str(font), max(18, height // 16))
    y = margin + height // 14
    for line in lines:
        draw.text((margin + width // 20, y), line, fill=(20, 20, 24), font=face)
        y += int(face.size * 1.6)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    exif = Image.Exif()
    exif[_MAKE], exif[_MODEL] = "SynthPhone", "Model 1"
    exif[_DATETIME] = "2026:03:14 09:30:00"
    if gps is not None:
        lat, lon = gps
        exif.get_ifd(_GPS_IFD).update(
            {1: "N" if lat >= 0 else "S", 2: _dms(lat), 3: "E" if lon >= 0 else "W", 4: _dms(lon)}
        )
    out = io.BytesIO()
    image.save(out, format=image_format, exif=exif.tobytes())
    return out.getvalue()
