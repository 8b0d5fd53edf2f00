"""The X11 libraries Qt's xcb platform plugin needs, found with ldd, for the Linux build.

PySide6's wheels carry Qt but not the X11 client libraries its xcb plugin
(``Qt/plugins/platforms/libqxcb.so`` with ``Qt/lib/libQt6XcbQpa.so.6``) is linked against. A
desktop Debian or Ubuntu lacks several of them (libxcb-cursor0, libxcb-icccm4,
libxcb-keysyms1, ...), and then Qt aborts the window with a core dump (issue 19). The spec
(sar_desk.spec) bundles every one of them from the build machine with its licence file, except
`FROM_SYSTEM`; ci_frozen_smoke.sh runs ``python packaging/xcb_libs.py check <folder>`` to prove the
built folder carries them and that the plugin's dependencies resolve inside it.

Usage:
    python packaging/xcb_libs.py list            # soname -> build machine path -> package
    python packaging/xcb_libs.py check FOLDER    # FOLDER = packaging/dist/sar-desk-<version>
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The X11 client family: xcb and its util libraries, Xlib's xcb bridge, xkbcommon and the two
# X authorisation libraries libxcb itself links against.
X11_FAMILY = re.compile(r"^lib(xcb[-.]|X11|xkbcommon|Xau|Xdmcp)")
# Left to the target system, as PyInstaller's own exclude list does: libxcb.so.1 is what every
# X11 program talks through (Xlib depends on it, so any machine with a display has it), and the
# system's GL drivers load their own libxcb-dri*/libxcb-glx against that copy; a second,
# bundled libxcb could differ from the one the drivers were built with.
FROM_SYSTEM = ("libxcb.so.1",)
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


@dataclass(frozen=True)
class Library:
    """One shared library the xcb plugin needs from outside Qt."""

    soname: str
    path: Path  # where the build machine's loader found it
    package: str  # the Debian package that installed it ("" when dpkg does not know it)

    @property
    def licence(self) -> Path | None:
        """The package's copyright file (the licence text to ship with the copy), if present."""
        path = Path("/usr/share/doc") / self.package / "copyright"
        return path if self.package and path.is_file() else None


def pyside_qt_dir() -> Path:
    """The Qt folder inside the installed PySide6 (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit("PySide6 is not installed in this Python.")
    return Path(spec.origin).parent / "Qt"


def xcb_plugin_files(qt_dir: Path) -> list[Path]:
    """The xcb platform plugin and the Qt library that carries its X11 code."""
    return [qt_dir / "plugins" / "platforms" / "libqxcb.so", qt_dir / "lib" / "libQt6XcbQpa.so.6"]


def ldd(path: Path, library_path: str | None = None) -> dict[str, str | None]:
    """soname -> resolved path (None when "not found"), as the dynamic loader sees `path`."""
    env = dict(os.environ)
    if library_path is not None:
        env["LD_LIBRARY_PATH"] = library_path
    out = subprocess.run(
        ["ldd", str(path)], capture_output=True, text=True, check=True, env=env
    ).stdout
    found: dict[str, str | None] = {}
    for line in out.splitlines():
        match = LDD_LINE.match(line)
        if match:
            found[match[1]] = None if match[2] == "not found" else match[2]
    return found


def owning_package(path: Path) -> str:
    """The Debian package that installed `path` ("" without dpkg or when it is not a package's)."""
    for candidate in (path, path.resolve()):
        try:
            out = subprocess.run(
                ["dpkg-query", "-S", str(candidate)], capture_output=True, text=True, check=False
            ).stdout
        except FileNotFoundError:
            return ""
        if ":" in out:
            return out.split(":", 1)[0].strip()  # "libxcb-cursor0:amd64: /usr/lib/..."
    return ""


def needed_from_system(qt_dir: Path) -> list[Library]:
    """The X11 libraries the xcb plugin loads from the build machine, minus `FROM_SYSTEM`.

    Raises:
        SystemExit: When the build machine itself lacks one (the bundle would lack it too).
    """
    libraries: dict[str, Library] = {}
    for plugin in xcb_plugin_files(qt_dir):
        for soname, where in ldd(plugin).items():
            if not X11_FAMILY.match(soname) or soname in FROM_SYSTEM:
                continue
            if where is None:
                raise SystemExit(
                    f"The build machine lacks {soname}, which Qt's xcb plugin needs: install it "
                    "(the README's list of system libraries) and build again."
                )
            path = Path(where)
            libraries.setdefault(soname, Library(soname, path, owning_package(path)))
    return sorted(libraries.values(), key=lambda lib: lib.soname)


def check_folder(folder: Path) -> list[str]:
    """What is wrong with the built folder's xcb libraries (empty when nothing is).

    Args:
        folder: The built one-folder program (``packaging/dist/sar-desk-<version>``).
    """
    internal = folder / "_internal"
    qt_dir = internal / "PySide6" / "Qt"
    problems = [f"missing {p}" for p in xcb_plugin_files(qt_dir) if not p.is_file()]
    if problems:
        return problems
    # The bootloader puts the top folder on LD_LIBRARY_PATH for the frozen process; Qt's dlopen
    # of the plugin then resolves its dependencies the way ldd does with the same path.
    for plugin in xcb_plugin_files(qt_dir):
        for soname, where in ldd(plugin, library_path=str(internal)).items():
            if not X11_FAMILY.match(soname):
                continue
            if where is None:
                problems.append(f"{plugin.name} needs {soname}, which cannot be found")
            elif soname not in FROM_SYSTEM and not Path(where).resolve().is_relative_to(
                internal.resolve()
            ):
                problems.append(f"{plugin.name} loads {soname} from {where}, not from the bundle")
    licences = internal / "licences"
    if not any(licences.glob("*/copyright")):
        problems.append(f"no licence files under {licences}")
    return sorted(set(problems))


def main(argv: list[str]) -> int:
    """``list`` or ``check FOLDER``; exit 1 with the problems on stderr."""
    if argv[:1] == ["list"]:
        for lib in needed_from_system(pyside_qt_dir()):
            print(f"{lib.soname}\t{lib.path}\t{lib.package}\t{lib.licence or '-'}")
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        problems = check_folder(Path(argv[1]))
        for problem in problems:
            print(f"xcb libraries: {problem}", file=sys.stderr)
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
