"""The installation self-test: proof for an IT department that this copy of SAR Desk works.

``sar-desk self-test`` runs the real program paths on built-in synthetic data: it imports every
module, checks the bundled resources and the Qt libraries, loads the language model, detects
personal data in a sample sentence, and takes a tiny case through import, detection, two-person
review, export and verification (`sar_desk.app.selftest_checks`). The whole run is watched for
network access: any attempt is refused and reported, because SAR Desk must work on a computer
with no network at all. The report names the version, the platform and the install folder so it
can be attached to a change request.
"""

from __future__ import annotations

import logging
import platform
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import sar_desk
from sar_desk import __version__
from sar_desk.app.selftest_checks import CheckFailed, Checks
from sar_desk.core.jobs import CancelToken, Job, Progress

if TYPE_CHECKING:
    from sar_desk.detect.analyze import Detector

logger = logging.getLogger(__name__)

_MISSING = object()


def _describe(target: object) -> str:
    if isinstance(target, tuple) and len(target) >= 2:
        return f"{target[0]}:{target[1]}"
    return str(target)


class NetworkGuard:
    """While active, records and refuses every attempt to reach a network host.

    Wraps ``socket.socket.connect``/``connect_ex``, ``socket.create_connection`` and
    ``socket.getaddrinfo`` (name look-ups come before any connection). Local AF_UNIX sockets
    pass: they never leave the computer.
    """

    def __init__(self) -> None:
        self._attempts: list[str] = []
        self._saved: list[tuple[Any, str, object]] = []

    @property
    def attempts(self) -> tuple[str, ...]:
        """The hosts asked for, each once, in order."""
        return tuple(dict.fromkeys(self._attempts))

    def _refuse(self, target: object) -> OSError:
        self._attempts.append(_describe(target))
        return ConnectionRefusedError(
            f"SAR Desk self-test refused network access to {_describe(target)}"
        )

    def __enter__(self) -> NetworkGuard:
        connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
        local = getattr(socket, "AF_UNIX", None)

        def guarded_connect(sock: socket.socket, address: Any) -> None:
            if local is not None and sock.family == local:
                return connect(sock, address)
            raise self._refuse(address)

        def guarded_connect_ex(sock: socket.socket, address: Any) -> int:
            if local is not None and sock.family == local:
                return connect_ex(sock, address)
            return self._refuse(address).errno or 111

        def guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
            raise self._refuse(address)

        def guarded_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
            raise self._refuse((host, port))

        for owner, name, new in (
            (socket.socket, "connect", guarded_connect),
            (socket.socket, "connect_ex", guarded_connect_ex),
            (socket, "create_connection", guarded_create_connection),
            (socket, "getaddrinfo", guarded_getaddrinfo),
        ):
            self._saved.append((owner, name, vars(owner).get(name, _MISSING)))
            setattr(owner, name, new)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for owner, name, old in reversed(self._saved):
            if old is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, old)
        self._saved.clear()


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of one check.

    Attributes:
        name: What was checked, e.g. "Language model".
        passed: Whether it worked.
        detail: What was found, or what went wrong.
        seconds: How long the check took.
    """

    name: str
    passed: bool
    detail: str
    seconds: float


@dataclass(frozen=True, slots=True)
class SelfTestReport:
    """The self-test's findings, as lines for a change request or as JSON.

    Attributes:
        facts: Ordered (label, value) pairs: version, Python, platform, install folder...
        checks: Every check, in the order run.
        network_attempts: Hosts the program tried to reach (refused); empty when none.
    """

    facts: tuple[tuple[str, str], ...]
    checks: tuple[CheckResult, ...]
    network_attempts: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether every check passed."""
        return all(c.passed for c in self.checks)

    def lines(self) -> list[str]:
        """The human-readable report."""
        width = max(len(label) for label, _ in self.facts)
        out = ["SAR Desk installation self-test", ""]
        out += [f"{label + ':':<{width + 1}} {value}" for label, value in self.facts]
        out.append("")
        for check in self.checks:
            mark = "PASS" if check.passed else "FAIL"
            out.append(f"[{mark}] {check.name} ({check.seconds:.2f} s): {check.detail}")
        out.append("")
        failed = [c.name for c in self.checks if not c.passed]
        out.append(
            f"Overall: PASS ({len(self.checks)} of {len(self.checks)} checks passed)"
            if not failed
            else f"Overall: FAIL ({len(failed)} of {len(self.checks)} checks failed: "
            + ", ".join(failed)
            + ")"
        )
        return out

    def as_json(self) -> dict[str, object]:
        """Machine-readable form for ``--json``."""
        return {
            "ok": self.ok,
            "facts": dict(self.facts),
            "checks": [
                {"name": c.name, "passed": c.passed, "detail": c.detail, "seconds": c.seconds}
                for c in self.checks
            ],
            "network_attempts": list(self.network_attempts),
        }


def is_frozen() -> bool:
    """Whether this is the packaged (PyInstaller) program rather than a Python installation."""
    return bool(getattr(sys, "frozen", False))


def install_folder() -> Path:
    """The folder SAR Desk runs from: the bundle folder, or the installed package."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(sar_desk.__file__).resolve().parent


def _facts() -> dict[str, str]:
    return {
        "Product": f"SAR Desk {__version__}",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Platform": platform.platform(),
        "Frozen build": "yes (packaged program)" if is_frozen() else "no (Python installation)",
        "Install folder": str(install_folder()),
        "Run at": datetime.now(UTC).replace(microsecond=0).isoformat(),
    }


def _timed(name: str, check: Callable[[], str]) -> CheckResult:
    start = time.perf_counter()
    try:
        detail, passed = check(), True
    except CheckFailed as exc:
        detail, passed = str(exc), False
    except Exception as exc:  # the report must say what broke, whatever it was
        logger.debug("self-test check %s failed", name, exc_info=True)
        detail, passed = f"{type(exc).__name__}: {exc}", False
    return CheckResult(name, passed, detail, round(time.perf_counter() - start, 3))


def self_test(
    detector: Detector | None = None, cancel: CancelToken | None = None
) -> Job[SelfTestReport]:
    """Run every check with network access refused, and return the report (a job).

    Args:
        detector: A loaded `sar_desk.detect` detector to reuse (tests share one); by default
            the bundled model is loaded.
        cancel: Checked between checks.
    """
    cancel = cancel or CancelToken()
    facts = _facts()
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(
        prefix="sar-desk-selftest-", ignore_cleanup_errors=True
    ) as tmp:
        run = Checks(Path(tmp), detector)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("Program modules", run.check_imports),
            ("Resources", run.check_resources),
            ("Qt window libraries", run.check_qt),
            ("Language model", run.check_model),
            ("Detection", run.check_detection),
            ("Disclosure bundle", run.check_bundle),
        ]
        # The guard stays on across the yields too: whatever the caller does between checks is
        # part of the program under test, and nothing in SAR Desk may reach the network.
        guard = NetworkGuard()
        try:
            with guard:
                for index, (name, check) in enumerate(checks):
                    cancel.check()
                    yield Progress(index, len(checks) + 1, f"Self-test: {name}")
                    results.append(_timed(name, check))
        finally:
            run.close()
    attempts = guard.attempts
    results.append(
        CheckResult(
            "No network access",
            not attempts,
            "no network access attempted"
            if not attempts
            else "refused attempts to reach " + ", ".join(attempts),
            0.0,
        )
    )
    facts.update(run.facts)
    yield Progress(len(checks) + 1, len(checks) + 1, "Self-test finished")
    logger.info("self-test: %d checks, %d failed", len(results), sum(not r.passed for r in results))
    return SelfTestReport(tuple(facts.items()), tuple(results), attempts)
