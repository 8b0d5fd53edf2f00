"""The system libraries Qt's X11 (xcb) platform needs on Linux, checked before the window starts.

Qt loads its platform plugin when the `QApplication` is created. If a library the xcb plugin is
linked against is missing, Qt prints "could not load the Qt platform plugin" and aborts the
process with a core dump, so the user sees a crash instead of what to install. The PySide6 wheels
carry Qt itself but not these X11 libraries, which come from the distribution.

The list is the xcb, X11 and xkbcommon libraries that ``ldd`` reports for PySide6 6.11's
``plugins/platforms/libqxcb.so`` (with ``libQt6XcbQpa.so.6``), each with the Debian 12 / Ubuntu
package that provides it. A test re-reads ``ldd`` so a PySide6 upgrade that needs one more is
caught. The libraries the offscreen platform needs as well (GL, EGL, fontconfig) are not checked
here: without them PySide6 itself cannot be imported, which the entry point already explains.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Final

# (shared object name the dynamic loader looks for, the Debian package that provides it)
XCB_LIBRARIES: Final[tuple[tuple[str, str], ...]] = (
    ("libxcb.so.1", "libxcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libX11.so.6", "libx11-6"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)

# The other libraries Qt itself (QtCore, QtGui, QtWidgets) loads from the distribution, each with
# its package: when one is missing PySide6 cannot even be imported, and the ImportError names
# only the file. `import_failure_sentence` turns it into the package to install.
QT_LIBRARIES: Final[tuple[tuple[str, str], ...]] = (
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libGLX.so.0", "libglx0"),
    ("libOpenGL.so.0", "libopengl0"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libgthread-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
_SONAME = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")

Loadable = Callable[[str], bool]


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds `soname` the way Qt's plugin loader will."""
    try:
        # Loading (not just finding) follows LD_LIBRARY_PATH, the loader cache and the default
        # folders, as Qt's own dlopen does; the library would be loaded a moment later anyway.
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will start on its X11 (xcb) platform.

    Args:
        environ: The process environment (``QT_QPA_PLATFORM``, the session type).
        platform: ``sys.platform``.
    """
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        # "xcb", "xcb:option=value", or a fallback list "xcb;wayland": the first is tried first.
        first = requested.split(";", 1)[0].split(":", 1)[0].strip().lower()
        return first == "xcb"
    # Unset: in a Wayland session Qt picks its Wayland plugin (shipped with PySide6), else xcb.
    return not (environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"))


def missing_packages(check: Loadable = loadable) -> list[str]:
    """The Debian packages whose xcb libraries cannot be loaded, sorted."""
    return sorted({package for soname, package in XCB_LIBRARIES if not check(soname)})


def missing_libraries_sentence(packages: Iterable[str]) -> str:
    """One sentence for the user: what is missing and the command that installs it."""
    names = " ".join(packages)
    return (
        "SAR Desk's window cannot start because this computer lacks system libraries that Qt "
        f"needs to draw windows (Debian and Ubuntu packages: {names}); install them with "
        f"'sudo apt-get install {names}' and start SAR Desk again."
    )


def import_failure_sentence(message: str) -> str | None:
    """The sentence for a failed import of Qt that names a missing shared library, else None.

    Args:
        message: The ImportError's text, e.g. "libEGL.so.1: cannot open shared object file".
    """
    match = _SONAME.search(message)
    if match is None:
        return None
    soname = match[1]
    package = dict(XCB_LIBRARIES + QT_LIBRARIES).get(soname)
    if package is not None:
        return missing_libraries_sentence([package])
    return (
        "SAR Desk's window cannot start because this computer lacks the system library "
        f"{soname} that Qt needs; install the package that provides it and start SAR Desk again."
    )


def window_blocker(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    check: Loadable | None = None,
) -> str | None:
    """The sentence explaining why the window cannot start, or None when it can.

    Args:
        environ: The environment to read (default: this process's).
        platform: ``sys.platform`` (default: this interpreter's).
        check: Tells whether a shared library can be loaded (default: `loadable`, looked up
            when called so that a replacement of the module attribute takes effect).
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not uses_xcb(environ, platform):
        return None
    missing = missing_packages(check if check is not None else loadable)
    return missing_libraries_sentence(missing) if missing else None
