"""Session methods for importing exports and listing sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sar_desk.app.base import SessionBase
from sar_desk.app.ingest import ImportResult, import_source
from sar_desk.core.errors import Hint, SarDeskError
from sar_desk.core.jobs import CancelToken, Job
from sar_desk.core.model import Source
from sar_desk.store.running import running
from sar_desk.store.uow import unit_of_work


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """A source that was not imported, and the sentence saying why."""

    path: Path
    message: str
    code: str = "error"
    """The error's stable code (e.g. "ambiguous-date-order"), so callers need not parse text."""
    hint: Hint | None = None
    """The next step, for the shell to word (see `core.errors.Hint`)."""


ImportOutcome = ImportResult | ImportFailure


class ImportingMixin(SessionBase):
    """Importing exports into the case."""

    def import_files(
        self,
        paths: Sequence[Path],
        *,
        platform: str | None = None,
        custodian: str | None = None,
        day_first: bool | None = None,
        cancel: CancelToken | None = None,
        lenient: bool = False,
        strict: bool = False,
    ) -> Job[list[ImportOutcome]]:
        """Import each export as its own source, whole or not at all.

        A failure of one source is reported and the others still import.
        """
        cancel = cancel or CancelToken()
        outcomes: list[ImportOutcome] = []
        for path in paths:
            cancel.check()
            try:
                # Recorded so that a writer finding the case busy can say what holds it.
                with running(self.folder, "import", f"an import of {Path(path).name}"):
                    result = yield from import_source(
                        self.case_folder,
                        self.case,
                        Path(path),
                        platform=platform,
                        custodian=custodian,
                        day_first=day_first,
                        cancel=cancel,
                        user=self.user,
                        lenient=lenient,
                        strict=strict,
                    )
            except SarDeskError as exc:
                outcomes.append(ImportFailure(Path(path), str(exc), exc.code, exc.hint))
                continue
            outcomes.append(result)
        return outcomes

    def sources(self) -> list[Source]:
        """Every imported source."""
        with unit_of_work(self.store) as uow:
            return uow.sources.list(shares=True)
