"""Window-only state kept in `QSettings`: recent cases, geometry, the last folder used.

Case-level choices live in the case database, never here (house style §12). The file is an INI
file in the per-user config folder, so tests can redirect it with `XDG_CONFIG_HOME`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from sar_desk.app.paths import user_config_dir
from sar_desk.app.session import case_exists

MAX_RECENT = 10


@dataclass(frozen=True, slots=True)
class RecentCase:
    """A case opened before: its folder and reference."""

    folder: Path
    reference: str

    @property
    def exists(self) -> bool:
        """Whether the folder still holds a case."""
        return case_exists(self.folder)


def window_settings() -> QSettings:
    """The settings file for window state."""
    path = user_config_dir() / "window.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


class RecentCases:
    """The most recently opened cases, newest first."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or window_settings()

    def entries(self) -> list[RecentCase]:
        """The remembered cases, newest first."""
        size = self._settings.beginReadArray("recent")
        found: list[RecentCase] = []
        for i in range(size):
            self._settings.setArrayIndex(i)
            folder = str(self._settings.value("folder", ""))
            if folder:
                found.append(RecentCase(Path(folder), str(self._settings.value("reference", ""))))
        self._settings.endArray()
        return found

    def add(self, folder: Path, reference: str) -> None:
        """Put a case at the top of the list."""
        folder = Path(folder).resolve()
        rest = [e for e in self.entries() if e.folder != folder]
        self._write([RecentCase(folder, reference), *rest][:MAX_RECENT])

    def remove(self, folder: Path) -> None:
        """Forget a case (for example after its folder was deleted)."""
        self._write([e for e in self.entries() if e.folder != Path(folder).resolve()])

    def _write(self, entries: list[RecentCase]) -> None:
        self._settings.remove("recent")
        self._settings.beginWriteArray("recent", len(entries))
        for i, entry in enumerate(entries):
            self._settings.setArrayIndex(i)
            self._settings.setValue("folder", str(entry.folder))
            self._settings.setValue("reference", entry.reference)
        self._settings.endArray()
        self._settings.sync()


def save_geometry(settings: QSettings, key: str, state: QByteArray) -> None:
    """Remember a window or splitter state."""
    settings.setValue(key, state)


def load_geometry(settings: QSettings, key: str) -> QByteArray | None:
    """A remembered window or splitter state, if any."""
    value = settings.value(key)
    return value if isinstance(value, QByteArray) else None
