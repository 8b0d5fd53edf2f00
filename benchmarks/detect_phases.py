"""Per-phase wall and CPU of one ``sar-desk detect`` (issue 15): where the whole command goes.

Run: ``python benchmarks/detect_phases.py CASE [--build 6000] [--workers 2] [--src SRC ...]
[--repeat 1]``. `CASE` is an imported case; with ``--build N`` it is first made there as
``detect_command.py`` makes it (N distinct messages of corpus v2, seed 7). Each run uses a
fresh copy of it.

The command runs in a child process exactly as ``python -m sar_desk detect CASE --json`` with
the source tree `SRC` as its working directory, so each tree times its own code, but through
this file as ``--child``: it wraps a few of the job's functions by name (the case open, the
detector's build, the scan, the attachments' passes, the spread pass)
and writes, at each boundary, the wall clock and this process's CPU seconds. The parent adds
the process start and its exit, and the CPU of the workers (children's CPU at the end). The
names wrapped exist in every tree since round 10, so two trees can be compared side by side.
"""

from __future__ import annotations

import argparse
import importlib.abc
import importlib.machinery
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MARKS: list[tuple[str, float, float]] = []


def _mark(name: str) -> None:
    use = resource.getrusage(resource.RUSAGE_SELF)
    MARKS.append((name, time.time(), use.ru_utime + use.ru_stime))


def _timed(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _mark(f"{name} start")
        try:
            return fn(*args, **kwargs)
        finally:
            _mark(f"{name} end")

    return wrapper


def _timed_job(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        _mark(f"{name} start")
        try:
            return (yield from fn(*args, **kwargs))
        finally:
            _mark(f"{name} end")

    return wrapper


# Module -> the functions of it to time: plain calls, then jobs (generators).
WRAPPED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sar_desk.cli.common": (("open_case",), ()),
    "sar_desk.app.detection_warm": (("warm_engine",), ()),
    "sar_desk.app.detection": (
        ("default_detector",),
        ("scan", "read_texts", "scan_texts", "spread"),
    ),
}


class _Hook(importlib.abc.MetaPathFinder):
    """Wraps `WRAPPED`'s functions as their modules finish loading (nothing imported early)."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in WRAPPED and name != "sar_desk.cli.detect":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        run_module = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            run_module(module)
            calls, jobs = WRAPPED.get(name, ((), ()))
            for fn in calls:
                setattr(module, fn, _timed(getattr(module, fn), fn))
            for fn in jobs:
                setattr(module, fn, _timed_job(getattr(module, fn), fn))
            _mark(f"{name} imported")

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def child(argv: list[str]) -> None:
    """The command itself, with its phases marked; the marks go to the file ``$PHASES``."""
    import atexit

    out = os.environ["PHASES"]

    def dump() -> None:
        _mark("exit")
        Path(out).write_text(json.dumps(MARKS), encoding="utf-8")

    atexit.register(dump)  # registered first, so it runs after every other exit handler
    _mark("python up")
    sys.path.insert(0, os.getcwd())
    sys.meta_path.insert(0, _Hook())
    import gc

    gc.disable()  # as sar_desk.__main__ does
    from sar_desk.cli import main as cli_main

    _mark("cli imported")
    sys.argv = ["sar-desk", *argv]
    cli_main.cli(prog_name="sar-desk", standalone_mode=False)
    _mark("command returned")


def run(case: Path, workers: int, src: Path, tag: str) -> dict[str, Any]:
    """One timed run on a fresh copy of `case`; the phases' wall and CPU."""
    copy = case.with_name(f"{case.name}-phases{tag}")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(case, copy)
    marks = copy.with_suffix(".json")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0, start = os.getloadavg()[0], time.time()
    cmd = [sys.executable, __file__, "--child", "detect", str(copy), "--workers", str(workers)]
    env = {**os.environ, "PHASES": str(marks)}
    proc = subprocess.run(
        [*cmd, "--json"], check=True, capture_output=True, text=True, cwd=src, env=env
    )
    end = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    points = [("start", start, 0.0), *json.loads(marks.read_text()), ("end", end, cpu)]
    shutil.rmtree(copy, ignore_errors=True)
    marks.unlink()
    return {"points": points, "cpu": cpu, "load": (load0, os.getloadavg()[0]), "out": proc.stdout}


def main() -> None:
    """Time the command's phases in each tree, alternately, and print them."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("case", type=Path)
    parser.add_argument("--build", type=int, metavar="N", help="first make CASE (N messages)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--src", type=Path, nargs="+", default=[ROOT])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if args.build:
        sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
        from detect_command import build_case

        args.case.mkdir(parents=True, exist_ok=True)
        args.case = build_case(args.build, 7, args.case)[0]
    for i in range(args.repeat):
        for n, src in enumerate(args.src):
            r = run(args.case.resolve(), args.workers, src.resolve(), f"{n}")
            print(f"## {src} run {i + 1}: load {r['load'][0]:.1f}-{r['load'][1]:.1f}")
            t0 = r["points"][0][1]
            prev = t0
            for name, at, cpu in r["points"]:
                print(f"  {at - t0:6.2f} s (+{at - prev:5.2f})  cpu {cpu:5.2f}  {name}")
                prev = at
            print(f"  CPU all processes {r['cpu']:.2f} s; {r['out'].strip()[:90]}")


if __name__ == "__main__":
    main()
