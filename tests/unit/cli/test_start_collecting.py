"""Start-up runs without the cycle collector; every command and the window run with it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from sar_desk import __main__ as entry
from sar_desk.cli.main import cli


@pytest.fixture
def collector_off() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.parametrize("name", ["search", "case", "no-such-command"])
def test_resolving_a_command_turns_the_collector_back_on(collector_off: None, name: str) -> None:
    assert not gc.isenabled()
    with click.Context(cli) as ctx:
        cli.get_command(ctx, name)
    assert gc.isenabled()


def test_the_window_starts_with_the_collector_on(
    collector_off: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    import sar_desk.gui.app as gui_app

    monkeypatch.setattr(gui_app, "run_gui", lambda case: seen.append(gc.isenabled()) or 0)
    assert entry._launch_gui(Path("nowhere")) == 0
    assert seen == [True]
