"""``sar-desk demo``: the main job end to end on the bundled sample exports."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from sar_desk.app.demo import run_demo
from sar_desk.cli.common import run_with_progress


@click.command()
@click.argument("out", required=False, type=click.Path(path_type=Path))
def demo(out: Path | None) -> None:
    """Build a demo case from the bundled samples (in OUT, or a new temporary folder)."""
    folder = out or Path(tempfile.mkdtemp(prefix="sar-desk-demo-"))
    result = run_with_progress(run_demo(folder))
    for line in result.lines:
        click.echo(line)
    click.echo(f"Demo case: {result.folder}")
    click.echo(f"Open it in the window with: sar-desk gui {result.folder}")


COMMANDS = [demo]
