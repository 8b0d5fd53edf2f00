"""Refreshing a panel only when it is on screen, so opening a big case stays fast."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyPanel(QWidget):
    """A panel whose `refresh` runs now if visible, otherwise the next time it is shown."""

    _stale = False

    def refresh(self) -> None:
        """Re-read what the panel shows (overridden by each panel)."""

    def request_refresh(self) -> None:
        """Refresh now if on screen, else mark the panel stale."""
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
