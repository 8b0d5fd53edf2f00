"""``sar-desk review CASE elusion draw|mark|show|threshold``: the elusion test (issue 15 item 5b).

Hangs off the ``review`` group (registered by `sar_desk.cli.review`). Draw a seeded random
sample of the disclosure-set messages that carry no accepted redaction, read each one (``show
--text``), mark it ``--missed`` or ``--clean``, and read the estimated miss rate with its 95%
interval. When the case sets a threshold, DPO sign-off waits for a finished test within it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from sar_desk.app.api import DEFAULT_ELUSION_THRESHOLD, ElusionResult
from sar_desk.app.session import CaseSession
from sar_desk.cli.common import echo_json, json_option, open_case, user_option


@contextmanager
def _session(ctx: click.Context, user: str | None) -> Iterator[CaseSession]:
    folder: Path = ctx.obj
    session = open_case(folder, user)
    try:
        yield session
    finally:
        session.close()


@click.group("elusion")
def elusion() -> None:
    """Estimate how much personal data review missed, from a checked random sample."""


def _summary(result: ElusionResult) -> str:
    """One paragraph: progress, the estimate and the threshold."""
    size = len(result.test.sample)
    lines = [
        f"Elusion test {result.test.id}: {size} of {len(result.test.population)} unredacted "
        f"messages sampled (seed {result.test.seed}, drawn by {result.test.drawn_by} "
        f"{result.test.drawn_at:%d %b %Y %H:%M} UTC); {result.marked} marked, "
        f"{result.missed} missed personal data."
    ]
    if result.interval is not None:
        low, high = result.interval
        lines.append(
            f"Miss rate {result.rate:.1%} (95% interval {low:.1%} to {high:.1%}, "
            f"Clopper-Pearson) over the {result.marked} marked messages."
        )
    if result.stale:
        lines.append(
            f"Out of date: {len(result.joined)} messages joined the unredacted set after this "
            "test was drawn, so its sample does not speak for them. Draw a new test."
        )
    if result.threshold is None:
        lines.append("No threshold is set for this case.")
    elif result.complete:
        verdict = "passes" if result.passes else "FAILS"
        lines.append(f"The test {verdict} this case's threshold of {result.threshold:g}%.")
    else:
        lines.append(f"Threshold {result.threshold:g}%: finish marking to test against it.")
    return "\n".join(lines)


@elusion.command("draw")
@click.option("--size", type=int, required=True, help="How many messages to sample.")
@click.option("--seed", type=int, help="Fix the random seed (default: a fresh, recorded one).")
@user_option
@click.pass_context
def draw(ctx: click.Context, size: int, seed: int | None, user: str | None) -> None:
    """Draw a random sample of unredacted messages in the disclosure set for checking."""
    with _session(ctx, user) as session:
        result = session.elusion.draw_elusion_sample(size, seed)
    click.echo(_summary(result))
    click.echo("Sampled messages: " + " ".join(str(m) for m in result.test.sample))


@elusion.command("mark")
@click.argument("message_id", type=int)
@click.option("--missed/--clean", default=None, help="It holds personal data review missed / not.")
@click.option("--note", default="", help="What was missed (kept in the internal record only).")
@user_option
@click.pass_context
def mark(
    ctx: click.Context, message_id: int, missed: bool | None, note: str, user: str | None
) -> None:
    """Mark a sampled message: does it hold personal data that review missed?"""
    if missed is None:
        raise click.UsageError("Say --missed or --clean.")
    with _session(ctx, user) as session:
        result = session.elusion.mark_elusion(message_id, missed, note)
    click.echo(f"Message {message_id} marked {'missed' if missed else 'clean'}.")
    click.echo(_summary(result))


@elusion.command("show")
@click.option("--text", "with_text", is_flag=True, help="Print each sampled message's text.")
@json_option
@click.pass_context
def show(ctx: click.Context, with_text: bool, as_json: bool) -> None:
    """Show the latest elusion test: its sample, the marks and the estimated miss rate."""
    with _session(ctx, None) as session:
        result = session.elusion.elusion_result()
        threshold = session.elusion.elusion_threshold()
        texts = (
            {int(m.id): m.text for m in session.search.messages(list(result.test.sample))}
            if result is not None and with_text
            else {}
        )
    if as_json:
        echo_json(result.as_record() if result else {"test": None, "threshold": threshold})
        return
    if result is None:
        limit = f" This case's threshold is {threshold:g}%." if threshold is not None else ""
        click.echo(f"No elusion test has been drawn.{limit}")
        return
    click.echo(_summary(result))
    for m in result.test.sample:
        verdict = result.marks.get(m)
        state = "unmarked" if verdict is None else "missed" if verdict.missed else "clean"
        note = f"  ({verdict.note})" if verdict is not None and verdict.note else ""
        click.echo(f"{m:>8}  {state}{note}")
        if m in texts:
            click.echo("          " + texts[m].replace("\n", "\n          "))


@elusion.command("threshold")
@click.argument("percent", type=float, required=False)
@click.option("--on", is_flag=True, help=f"Set the default, {DEFAULT_ELUSION_THRESHOLD:g}%.")
@click.option("--off", is_flag=True, help="Remove the threshold (sign-off no longer waits).")
@user_option
@click.pass_context
def threshold(
    ctx: click.Context, percent: float | None, on: bool, off: bool, user: str | None
) -> None:
    """Show or set the upper bound (in %) a finished test must meet before DPO sign-off."""
    if sum((on, off, percent is not None)) > 1:
        raise click.UsageError("Give a percentage, --on or --off, only one.")
    with _session(ctx, user) as session:
        if on:
            session.elusion.set_elusion_threshold(DEFAULT_ELUSION_THRESHOLD)
        elif off:
            session.elusion.set_elusion_threshold(None)
        elif percent is not None:
            session.elusion.set_elusion_threshold(percent)
        value = session.elusion.elusion_threshold()
    if value is None:
        click.echo("No elusion threshold: sign-off does not wait for an elusion test.")
    else:
        click.echo(
            f"Elusion threshold {value:g}%: DPO sign-off waits for a finished elusion test whose "
            "95% upper bound is at most this."
        )


def register(group: click.Group) -> None:
    """Add the ``elusion`` group to the ``review`` group."""
    group.add_command(elusion)
