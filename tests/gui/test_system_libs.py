"""The window explains a missing X11 system library in one sentence instead of aborting."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sar_desk.gui import app as gui_app
from sar_desk.gui import system_libs
from sar_desk.gui.system_libs import (
    XCB_LIBRARIES,
    import_failure_sentence,
    missing_packages,
    uses_xcb,
    window_blocker,
)

MISSING = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def fake_loader(missing: set[str]):  # type: ignore[no-untyped-def]
    return lambda soname: soname not in missing


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nomitshm"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", True),  # no compositor to talk to
        ({"XDG_SESSION_TYPE": "x11"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_the_check_runs_only_when_qt_will_use_xcb(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert uses_xcb(environ, platform) is expected


def test_a_missing_library_is_named_by_its_debian_package_with_the_install_command() -> None:
    sentence = window_blocker({}, "linux", fake_loader(MISSING))
    assert sentence is not None
    assert "libxcb-icccm4 libxcb-keysyms1" in sentence
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in sentence
    assert "libxcb-cursor0" not in sentence  # only what is missing
    assert sentence.endswith(".")  # one sentence: no other full stop, no line break
    assert sentence.count(".") == 1
    assert "\n" not in sentence


def test_nothing_is_reported_when_every_library_loads_or_qt_does_not_use_xcb() -> None:
    assert window_blocker({}, "linux", fake_loader(set())) is None
    assert window_blocker({"QT_QPA_PLATFORM": "offscreen"}, "linux", fake_loader(MISSING)) is None


def test_every_listed_library_maps_to_its_package_once() -> None:
    assert missing_packages(lambda _so: False) == sorted({pkg for _so, pkg in XCB_LIBRARIES})
    assert len({so for so, _pkg in XCB_LIBRARIES}) == len(XCB_LIBRARIES)


def test_the_window_exits_1_with_the_sentence_before_qt_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(system_libs, "loadable", fake_loader(MISSING))

    def must_not_start(*_args: object) -> None:
        raise AssertionError("Qt was started although a library is missing")

    monkeypatch.setattr(gui_app, "create_application", must_not_start)
    monkeypatch.setattr(gui_app, "MainWindow", must_not_start)

    assert gui_app.run_gui() == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in err
    assert err.count("\n") == 1


def _qxcb_plugin() -> Path | None:
    import PySide6

    found = list(Path(PySide6.__file__).parent.glob("Qt/plugins/platforms/libqxcb.so"))
    return found[0] if found else None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux only")
def test_the_list_covers_every_x11_library_the_installed_xcb_plugin_needs() -> None:
    plugin = _qxcb_plugin()
    if plugin is None or shutil.which("ldd") is None:
        pytest.skip("no xcb plugin or no ldd here")
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    needed = set(re.findall(r"^\s*(lib(?:xcb|X11|xkbcommon)[\w.+-]*\.so\.\d+)", out, re.M))
    listed = {so for so, _pkg in XCB_LIBRARIES}
    assert needed, "ldd listed no X11 libraries: the pattern no longer matches its output"
    assert needed <= listed, f"add to XCB_LIBRARIES: {sorted(needed - listed)}"


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("path", "start", "end"),
    [("README.md", "sudo apt-get install", "```"), (".ci/run", "for pkg in", "; do")],
)
def test_the_readme_and_ci_install_every_package_the_check_names(
    path: str, start: str, end: str
) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    listed = text.split(start, 1)[1].split(end, 1)[0]
    packages = set(re.findall(r"\blib[\w.+-]+", listed))
    assert {pkg for _so, pkg in XCB_LIBRARIES} <= packages


@pytest.mark.parametrize(
    ("message", "package"),
    [
        ("libEGL.so.1: cannot open shared object file: No such file or directory", "libegl1"),
        ("/lib/x86_64-linux-gnu/libxkbcommon.so.0: file too short", "libxkbcommon0"),
        ("libxcb-cursor.so.0: cannot open shared object file", "libxcb-cursor0"),
    ],
)
def test_a_failed_qt_import_names_the_package_of_the_missing_library(
    message: str, package: str
) -> None:
    sentence = import_failure_sentence(message)
    assert sentence is not None
    assert f"sudo apt-get install {package}'" in sentence
    assert sentence.count(".") == 1
    assert "\n" not in sentence


def test_an_unknown_library_is_still_named_and_other_failures_are_left_alone() -> None:
    sentence = import_failure_sentence("libfoo-bar.so.7: cannot open shared object file")
    assert sentence is not None
    assert "libfoo-bar.so.7" in sentence
    assert import_failure_sentence("cannot import name 'run_gui'") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux loader")
def test_the_window_names_the_package_when_qt_itself_cannot_load(tmp_path: Path) -> None:
    # libEGL hidden (a private mount namespace binds /dev/null over it): importing Qt fails, and
    # the window's entry point says which package to install instead of a traceback or abort.
    candidates = ("/lib/x86_64-linux-gnu/libEGL.so.1", "/usr/lib64/libEGL.so.1")
    egl = next((Path(p) for p in candidates if Path(p).exists()), None)
    if egl is None or shutil.which("unshare") is None:
        pytest.skip("no libEGL or no unshare here")
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("mount namespaces are not permitted here")
    script = "import sys; from sar_desk.__main__ import _launch_gui; sys.exit(_launch_gui(None))"
    result = subprocess.run(
        [
            "unshare",
            "-rm",
            "--",
            "sh",
            "-c",
            'mount --bind /dev/null "$1" && shift && exec "$@"',
            "sh",
            str(egl.resolve()),
            sys.executable,
            "-c",
            script,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert "sudo apt-get install libegl1'" in result.stderr
    assert "Traceback" not in result.stderr
