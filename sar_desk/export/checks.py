"""The export gate: safety checks on every file of the requester pack (domain.md 4.3).

Run on every export before the bundle is moved into place, and again by ``sar-desk verify``.
Each failure names the file, the check and where in the file, so the caseworker knows what to
fix; the protected term itself is referred to by number, never printed (logs hold no names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from sar_desk.core.text import fold, trie_pattern
from sar_desk.export.extract import file_pieces, parse_html
from sar_desk.export.image_checks import ImageReader, embedded_png, picture_problems
from sar_desk.export.pdf_post import producer_for
from sar_desk.export.terms import TermMatcher

# Requester-facing files may only be these kinds (R48: no native spreadsheets or documents).
ALLOWED_SUFFIXES = frozenset({".pdf", ".html", ".eml", ".zip"})
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_FILL_OPS = frozenset({"f", "F", "f*", "B", "B*", "b", "b*"})
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
# A redaction marker or pseudonym as it reads once folded: "[redacted]", "[redacted · s 40(2)]",
# "person b".
_MARKER = r"(?:\[redacted[^\]]*\]|(?<!\w)person [a-z]{1,3}(?!\w))"
# Name parts too common to say who someone is ("Ruth Okoro Team" says it with "okoro").
_COMMON = frozenset(
    {"and", "the", "team", "case", "group", "chat", "channel", "support", "office", "admin"}
    | {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady"}
    | {"general", "random", "project", "staff", "family", "friends", "home", "work"}
)
_MIN_REMAINDER = 4


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check on one file."""

    file: str
    check: str
    passed: bool
    detail: str = ""

    def sentence(self) -> str:
        """A caseworker sentence naming the file and the check."""
        return f"{self.file}: check '{self.check}' failed: {self.detail}"


class Remainders:
    """The distinctive parts of protected names, found next to a redaction marker.

    A name that was redacted only in part ("#[REDACTED]-okoro-case", "[REDACTED · s.40(2)]
    Okoro") still says who was meant. For each protected term of two to four words, the parts
    that are not short or common words are looked for right beside a marker or pseudonym.
    This check does not depend on the order in which terms were replaced.
    """

    def __init__(self, terms: Sequence[str]) -> None:
        self._owner: dict[str, int] = {}
        for index, term in enumerate(terms):
            for part in _distinctive_parts(term):
                self._owner.setdefault(part, index)
        parts = trie_pattern(sorted(self._owner))
        self._pattern = (
            re.compile(rf"{_MARKER} *({parts})(?!\w)|(?<!\w)({parts}) *{_MARKER}")
            if parts
            else None
        )

    def find(self, text: str) -> list[int]:
        """Indexes of the protected terms whose remainder sits next to a marker in `text`."""
        if self._pattern is None or ("[" not in text and "erson" not in text):
            return []
        found = {self._owner[m.group(1) or m.group(2)] for m in self._pattern.finditer(fold(text))}
        return sorted(found)


def _distinctive_parts(term: str) -> list[str]:
    # Only name-shaped terms: two to four words, each written with a capital or in a script
    # without case ("Ruth Okoro", "سارة خليل"), not a redacted sentence.
    written = term.split()
    if not 2 <= len(written) <= 4 or any(w[:1].islower() for w in written):
        return []
    words = fold(term).split()
    if not all(w.isalpha() for w in words):
        return []
    return [w for w in words if len(w) >= _MIN_REMAINDER and w not in _COMMON]


def leak_results(
    path: Path, rel: str, matcher: TermMatcher, remainders: Remainders | None = None
) -> list[CheckResult]:
    """The text-extraction leak test over every string in the file (R43)."""
    problems: list[str] = []
    for where, text in file_pieces(path):
        for hit in matcher.find(text):
            problems.append(f"protected term no. {hit.term_index + 1} found in {where} ({hit.how})")
        for index in remainders.find(text) if remainders else ():
            problems.append(
                f"part of protected term no. {index + 1} found beside a redaction in {where}"
            )
    detail = "; ".join(sorted(set(problems))[:5])
    if problems:
        detail += ". Redacted text is present in the output; the export was stopped."
    return [CheckResult(rel, "text-leak", not problems, detail)]


def name_results(path: Path, rel: str, reference: str, matcher: TermMatcher) -> list[CheckResult]:
    """File names carry only references (R49) and are of an allowed kind (R48)."""
    name = path.name
    problems = []
    if not _SAFE_NAME.match(name) or not name.startswith(safe_reference(reference)):
        problems.append("the name must be the case reference plus letters, digits and dashes")
    if path.suffix.lower() not in ALLOWED_SUFFIXES:
        problems.append(f"'{path.suffix}' files may not be sent to a requester")
    # The folders inside the pack are names the requester reads too.
    hits = matcher.find(rel)
    if hits:
        problems.append(f"the path contains protected term no. {hits[0].term_index + 1}")
    return [CheckResult(rel, "file-name", not problems, "; ".join(problems))]


def safe_reference(reference: str) -> str:
    """The case reference as used in file names."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", reference).strip("-") or "case"


def pdf_structure_results(path: Path, rel: str, reference: str, version: str) -> list[CheckResult]:
    """No annotations, JavaScript, attachments, layers, forms, history or extra metadata (R45)."""
    raw = path.read_bytes()
    problems: list[str] = []
    if raw.count(b"%%EOF") != 1:
        problems.append("the file has incremental updates (more than one %%EOF)")
    with pikepdf.open(path) as pdf:
        if "/Prev" in pdf.trailer:
            problems.append("the file has an incremental-update history (/Prev)")
        root = pdf.Root
        for key, label in (
            ("/Metadata", "XMP metadata"),
            ("/OCProperties", "optional content"),
            ("/AcroForm", "form fields"),
            ("/OpenAction", "an open action"),
            ("/AA", "automatic actions"),
        ):
            if key in root:
                problems.append(f"the document has {label}")
        names = root.get("/Names", pikepdf.Dictionary())
        if "/JavaScript" in names:
            problems.append("the document has JavaScript")
        if "/EmbeddedFiles" in names or len(pdf.attachments):
            problems.append("the document has embedded files")
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        allowed = {"/Producer": producer_for(version), "/Title": reference}
        for key, value in info.items():
            if allowed.get(key) != value:
                problems.append(f"metadata entry {key} is not on the allow-list")
        for number, page in enumerate(pdf.pages, start=1):
            if "/Annots" in page.obj and len(page.obj.Annots):
                problems.append(f"page {number} has annotations")
            if _has_fill(page):
                problems.append(f"page {number} draws filled shapes that could hide text")
        if b"/JavaScript" in raw or b"/JS " in raw:
            problems.append("the file contains a JavaScript action")
    return [CheckResult(rel, "pdf-structure", not problems, "; ".join(problems))]


def _has_fill(page: pikepdf.Page) -> bool:
    # The renderer never fills shapes, so any fill is a possible box over text (R44, F1).
    return any(
        str(getattr(instruction, "operator", "")) in _FILL_OPS
        for instruction in pikepdf.parse_content_stream(page)
    )


def html_results(path: Path, rel: str) -> list[CheckResult]:
    """No scripts, event handlers, frames or external resources."""
    parsed = parse_html(path.read_text(encoding="utf-8", errors="replace"))
    problems: set[str] = set()
    for tag, attrs in parsed.tags:
        # The one exception: a picture embedded as a PNG data URI (`html._image`).
        inline_picture = tag == "img" and embedded_png(attrs)
        banned = tag in ("script", "iframe", "object", "embed", "link", "img", "base", "form")
        if banned and not inline_picture:
            problems.add(f"a <{tag}> element")
        for key, value in attrs:
            if key.startswith("on"):
                problems.add(f"an event handler ({key})")
            external = key in ("src", "href", "action") and value and _EXTERNAL.match(value)
            if external and not inline_picture:
                problems.add("a link to an external resource")
    detail = "has " + ", ".join(sorted(problems)) if problems else ""
    return [CheckResult(rel, "html-safety", not problems, detail)]


def image_results(
    path: Path, rel: str, matcher: TermMatcher, ocr: ImageReader | None
) -> list[CheckResult]:
    """Images in the file carry no metadata and, read back by OCR, no protected term."""
    metadata, leaks = picture_problems(path, matcher, ocr)
    results = [CheckResult(rel, "image-metadata", not metadata, "; ".join(metadata[:5]))]
    if ocr is not None:
        detail = "; ".join(leaks[:5])
        if leaks:
            detail += ". Redacted text is legible in an image; the export was stopped."
        results.append(CheckResult(rel, "image-text-leak", not leaks, detail))
    return results


def check_pack(
    pack: Path,
    files: Sequence[Path],
    reference: str,
    terms: Iterable[str],
    version: str,
    region: str | None = None,
    ocr: ImageReader | None = None,
) -> list[CheckResult]:
    """Run every check on every requester-facing file.

    Args:
        pack: The bundle folder the relative names are reported against.
        files: The files to check.
        reference: The case reference (file names, PDF title).
        terms: The protected terms.
        version: Tool version (PDF producer allow-list).
        region: The case's region, for phone numbers written in national form.
        ocr: Reads the text of the images in the files; None checks their metadata only.
    """
    matcher = TermMatcher(terms, region)
    remainders = Remainders(matcher.terms)
    results: list[CheckResult] = []
    for path in sorted(files):
        rel = path.relative_to(pack).as_posix()
        results += name_results(path, rel, reference, matcher)
        results += leak_results(path, rel, matcher, remainders)
        if path.suffix.lower() == ".pdf":
            results += pdf_structure_results(path, rel, reference, version)
        if path.suffix.lower() in (".html", ".htm"):
            results += html_results(path, rel)
        if path.suffix.lower() in (".pdf", ".html", ".htm"):
            results += image_results(path, rel, matcher, ocr)
    return results


def failures(results: Iterable[CheckResult]) -> list[CheckResult]:
    """The failed results."""
    return [r for r in results if not r.passed]
