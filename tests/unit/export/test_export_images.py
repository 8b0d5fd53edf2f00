"""Disclosed images: rebuilt from pixels, boxes burned in black, no metadata, bombs refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from sar_desk.attachments.sample_photo import notice_photo
from sar_desk.export.images import (
    ImageRefusedError,
    metadata_problems,
    png_chunks,
    redact_image,
)

FONT = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "NotoSans-Regular.ttf"


def _photo() -> bytes:
    return notice_photo(("Tenant: Quill Marbury", "12 Fenwick Lane"), FONT, size=(600, 400))


def test_box_is_black_in_the_pixels_and_the_rest_is_kept() -> None:
    clean = redact_image(_photo(), [(100.0, 80.0, 300.0, 140.0)])
    image = Image.open(io.BytesIO(clean.png)).convert("RGB")
    assert clean.boxes == 1
    for x in range(100, 301, 20):
        for y in range(80, 141, 10):
            assert image.getpixel((x, y)) == (0, 0, 0)
    # Outside the box the wall colour of the photo survives (not a black page).
    corner = image.getpixel((5, 5))
    assert isinstance(corner, tuple)
    assert sum(corner) > 300


def test_output_carries_no_exif_gps_xmp_icc_or_text() -> None:
    original = _photo()
    assert Image.open(io.BytesIO(original)).getexif()  # the input does carry GPS
    clean = redact_image(original, [])
    assert set(png_chunks(clean.png)) <= {b"IHDR", b"IDAT", b"IEND"}
    assert metadata_problems(clean.png) == []
    assert b"Exif" not in clean.png
    assert b"GPS" not in clean.png


def test_png_text_chunks_and_icc_profile_are_dropped() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Quill Marbury lives here")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Quill Marbury</x:xmpmeta>")
    out = io.BytesIO()
    Image.new("RGBA", (40, 30), (10, 200, 10, 128)).save(
        out, format="PNG", pnginfo=info, icc_profile=b"fake-profile-Quill"
    )
    assert metadata_problems(out.getvalue())  # the check sees the text chunks
    clean = redact_image(out.getvalue(), [])
    assert metadata_problems(clean.png) == []
    assert b"Quill" not in clean.png


def test_orientation_is_applied_before_boxes_and_then_stripped() -> None:
    # A 60x20 picture stored sideways: orientation 6 means "rotate 90 degrees clockwise".
    stored = Image.new("RGB", (20, 60), (255, 255, 255))
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    stored.save(out, format="JPEG", exif=exif.tobytes())
    clean = redact_image(out.getvalue(), [(0.0, 0.0, 10.0, 5.0)])
    assert (clean.width, clean.height) == (60, 20)
    upright = Image.open(io.BytesIO(clean.png))
    assert upright.getpixel((2, 2)) == (0, 0, 0)
    assert metadata_problems(clean.png) == []


def test_an_image_over_the_pixel_limit_is_refused_before_decoding() -> None:
    out = io.BytesIO()
    Image.new("L", (400, 300)).save(out, format="PNG")
    with pytest.raises(ImageRefusedError, match="pixel limit"):
        redact_image(out.getvalue(), [], max_pixels=100_000)


def test_damaged_image_is_refused_with_a_sentence() -> None:
    with pytest.raises(ImageRefusedError, match="could not be read"):
        redact_image(_photo()[:300], [])


def test_metadata_check_flags_an_original_jpeg() -> None:
    assert any("EXIF" in p or "Exif" in p for p in metadata_problems(_photo()))
