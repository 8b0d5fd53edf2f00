"""The self-test's checks, each a method returning a detail line or raising `CheckFailed`.

See `sar_desk.app.selftest` for how they are run and reported. The checks use the real program
paths on built-in synthetic data (made-up people, a valid-format UK mobile number). Qt is
located, never imported: only the window package may import PySide6.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import pkgutil
import zoneinfo
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sar_desk.app.paths import resource_path, resources_dir
from sar_desk.core.jobs import run_job
from sar_desk.core.organisation import DEMO_PROFILE

if TYPE_CHECKING:
    from sar_desk.detect.analyze import Detector

# Built-in synthetic data (made-up people, a valid-format UK mobile number).
SAMPLE_TEXT = "Please ring Priya Shah on 07911 123456 or e-mail priya.shah@example.org today."
EXPECTED_ENTITIES = ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS")
THIRD_PARTY = "Priya Shah"
SAMPLE_CHAT = (
    "20/03/2026, 09:04 - Priya Shah: Morning Alex, the damp report for 14 Elm Row is in.\n"
    "20/03/2026, 09:05 - Alex Morgan: Thanks Priya, can Tom Reid call me on 07911 123456?\n"
    "20/03/2026, 09:06 - Priya Shah: Will do. Tom is on tom.reid@example.org today.\n"
)
SAMPLE_CHAT_NAME = "WhatsApp Chat with Priya Shah.txt"
FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoColorEmoji.ttf")
# Layers below the command line and the window; gui is left out on purpose (it imports Qt).
PACKAGES = ("core", "store", "importers", "detect", "review", "export", "app")
OFFICER, REVIEWER, DPO = "selftest-officer", "selftest-reviewer", "selftest-dpo"


class CheckFailed(Exception):
    """A self-test check found a problem (the message says which)."""


def _qt_location() -> tuple[str, Path | None]:
    """Qt's version and plugin folder, found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise CheckFailed(
            "The Qt libraries (PySide6) are missing, so the window cannot start. "
            "Reinstall SAR Desk."
        )
    version = "unknown version"
    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            version = f"{dist} {importlib.metadata.version(dist)}"
            break
        except importlib.metadata.PackageNotFoundError:
            continue
    root = Path(next(iter(spec.submodule_search_locations)))
    # Wheels keep plugins in PySide6/Qt/plugins (Linux, macOS) or PySide6/plugins (Windows).
    for plugins in (root / "Qt" / "plugins", root / "plugins"):
        if (plugins / "platforms").is_dir():
            return version, plugins
    return version, None


class Checks:
    """The checks of one self-test run, and the facts they learn along the way (model, Qt...)."""

    def __init__(self, work: Path, detector: Detector | None) -> None:
        self.work = work
        self.detector = detector
        self.own_detector = detector is None
        self.facts: dict[str, str] = {}

    def check_imports(self) -> str:
        """Import every module below the command line and the window (all bundled?)."""
        count = 0
        for name in PACKAGES:
            package = importlib.import_module(f"sar_desk.{name}")
            count += 1
            for info in pkgutil.walk_packages(package.__path__, f"sar_desk.{name}."):
                importlib.import_module(info.name)
                count += 1
        from sar_desk.importers import IMPORTERS

        return f"{count} SAR Desk modules imported; {len(IMPORTERS)} chat importers registered"

    def check_resources(self) -> str:
        """Fonts, the reason-code table, the recogniser set and the time-zone database."""
        from sar_desk.app.detection import REGISTRY_RESOURCE
        from sar_desk.app.reviewing import bundled_code_table
        from sar_desk.detect.engine import load_recognizer_set

        folder = resources_dir()
        missing = [f for f in FONTS if not (folder / "fonts" / f).is_file()]
        if missing:
            raise CheckFailed(f"Fonts missing from {folder / 'fonts'}: {', '.join(missing)}")
        table = bundled_code_table()
        recognisers = load_recognizer_set(resource_path(REGISTRY_RESOURCE))
        zoneinfo.ZoneInfo("Europe/London")  # Windows has no system time-zone database
        from sar_desk.app.places import ordinary_words

        if len(ordinary_words()) < 1000:  # the safety net needs its common-word list
            raise CheckFailed(f"The common-word list is missing from {folder / 'words'}.")
        from sar_desk.app.about import load_notices

        notices = load_notices()  # the attributions the shipped data's licences ask for
        self.facts["Code table"] = table.version
        self.facts["Recogniser set"] = recognisers.version
        return (
            f"{folder}: fonts, reason-code table {table.version}, recogniser set "
            f"{recognisers.version}, time zones, {len(notices)} licence notices"
        )

    def check_qt(self) -> str:
        """Qt is installed with its platform plugins (offscreen included, for automation)."""
        version, plugins = _qt_location()
        self.facts["Qt"] = version
        if plugins is None:
            raise CheckFailed(f"{version} found, but its platform plugins folder is missing.")
        found = sorted(p.stem.removeprefix("lib") for p in (plugins / "platforms").iterdir())
        if not any(name.startswith("qoffscreen") for name in found):
            raise CheckFailed(f"{version}: the offscreen platform plugin is missing ({found}).")
        return f"{version}; platform plugins: {', '.join(found)}"

    def check_model(self) -> str:
        """Load the default spaCy model (md, else sm) into the engine (kept for later checks)."""
        from sar_desk.app.detection import default_detector
        from sar_desk.detect.models import default_model

        choice, fallback = default_model()
        if self.detector is None:
            self.detector = default_detector(choice, 1)
        analyzer = getattr(self.detector, "analyzer", None)
        meta = dict(getattr(getattr(analyzer, "nlp", None), "meta", {}) or {})
        model = f"{meta.get('name', choice)} {meta.get('version', '')}".strip()
        self.facts["Language model"] = model
        note = f"; {fallback}" if fallback else ""
        return f"{model} loaded (engine {getattr(self.detector, 'version', '?')}){note}"

    def check_detection(self) -> str:
        """The engine finds a name, a UK phone number and an e-mail address in a sentence."""
        spans = self._detector().detect([SAMPLE_TEXT])[0]
        found = sorted({s.entity_type for s in spans})
        missing = [e for e in EXPECTED_ENTITIES if e not in found]
        if missing:
            raise CheckFailed(
                f"The built-in sample should show {', '.join(missing)} but only "
                f"{', '.join(found) or 'nothing'} was found."
            )
        return f"found {', '.join(found)} in the built-in sample sentence"

    def check_bundle(self) -> str:
        """The sample case goes all the way to a verified bundle (`run_sample_case`)."""
        return run_sample_case(self.work, self._detector())

    def _detector(self) -> Detector:
        if self.detector is None:
            raise CheckFailed("Skipped: the language model did not load (see above).")
        return self.detector

    def close(self) -> None:
        """Release the engine if this run loaded it."""
        close = getattr(self.detector, "close", None)
        if self.own_detector and callable(close):
            close()


def run_sample_case(work: Path, detector: Detector) -> str:
    """Take a synthetic WhatsApp chat through import, detection, review, export and verify.

    Every step goes through `CaseSession`, as a caseworker's would: an officer accepts the
    proposals, a second user approves them (four eyes), and the exported bundle must pass
    verification with the third party's name absent from everything in the requester pack.
    """
    from sar_desk.app.importing import ImportFailure
    from sar_desk.app.session import CaseSession
    from sar_desk.core.decisions import Action
    from sar_desk.core.model import Case, Regime
    from sar_desk.core.scope import Relevance
    from sar_desk.core.search import SearchQuery
    from sar_desk.export.extract import file_pieces
    from sar_desk.review.bulk import BulkSelection
    from sar_desk.review.roles import Role

    chat = work / SAMPLE_CHAT_NAME
    chat.write_text(SAMPLE_CHAT, encoding="utf-8")
    case = Case("SELFTEST-0001", Regime.SAR, date(2026, 5, 5), "Alex Morgan", ("+44 7911 123456",))
    everything = BulkSelection(everything=True)
    session = CaseSession.create(work / "case", case, user=OFFICER)
    try:
        session.export.set_case_organisation(
            DEMO_PROFILE.to_json()
        )  # a throwaway case, demo details
        outcome = run_job(session.ingest.import_files([chat]))[0]
        if isinstance(outcome, ImportFailure):
            raise CheckFailed(f"The sample chat did not import: {outcome.message}")
        session.scope.mark_scope(
            session.scope.search_ids(SearchQuery()), Relevance.ABOUT_REQUESTER, "Self-test"
        )
        session.search.search_logged(SearchQuery(), limit=1, origin="self-test")
        found = run_job(session.detection.run_detection(detector=detector))
        if not found.findings:
            raise CheckFailed("Detection made no proposals in the sample chat.")
        session.review.add_user(REVIEWER, Role.REVIEWER)
        accepted = session.review.bulk_decide(
            everything, Action.ACCEPT, code="default", rationale="Self-test", confirmed=True
        )
        if accepted.plan.refused:
            # Not another individual's data, so no third-party code: disclosed (issue 13).
            refused = [item for item, _why in accepted.plan.refused]
            session.review.decide(
                refused, Action.REJECT, note="Self-test: not a third party's data"
            )
        for user, role in ((REVIEWER, None), (DPO, Role.DPO)):
            if role is not None:
                if not session.review.signoff_required():
                    break
                session.review.add_user(user, role)
            other = CaseSession.open(work / "case", user)
            try:
                if role is None:
                    other.review.bulk_decide(everything, Action.APPROVE, confirmed=True)
                    if session.places.safety_net_places():
                        # The net never redacts by itself: the places are decided (issue 13).
                        session.places.decide_safety_net_places(redact=True, reason="Self-test")
                        other.review.bulk_decide(everything, Action.APPROVE, confirmed=True)
                else:
                    other.review.sign_off("Self-test sign-off")
            finally:
                other.close()
        manifest = run_job(session.export.export_bundle(work / "bundle"))
        report = session.export.verify_bundle(work / "bundle")
    finally:
        session.close()
    failed = [r.sentence() for r in report.results if not r.passed]
    if failed:
        raise CheckFailed("The bundle failed verification: " + "; ".join(failed[:3]))
    for path in sorted((work / "bundle" / "pack").rglob("*")):
        text = " ".join(t for _where, t in file_pieces(path)) if path.is_file() else ""
        if THIRD_PARTY.casefold() in text.casefold():
            raise CheckFailed(f"A redacted name is still readable in {path.name}.")
    return (
        f"sample chat imported ({outcome.messages} messages), {found.findings} proposals "
        f"accepted and approved by a second user, {manifest.pages}-page PDF bundle exported "
        f"and verified ({len(report.results)} checks); redacted name absent from the pack"
    )
