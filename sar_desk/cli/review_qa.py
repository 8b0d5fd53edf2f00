"""``sar-desk review CASE pit|pits|qualified-person|qa|sample``: R31, R32 and R53 records.

These commands hang off the ``review`` group (registered by `sar_desk.cli.review`); they record
the public interest test per qualified exemption, the s.36 qualified person's opinion, the QA
policy, and draw QA samples. Approving on a sample is ``review CASE approve --sample``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click

from sar_desk.app.api import QaMode, QaSettings, SampleRow
from sar_desk.app.session import CaseSession
from sar_desk.cli.common import ISO_DATE, echo_json, json_option, open_case, user_option


@contextmanager
def _session(ctx: click.Context, user: str | None) -> Iterator[CaseSession]:
    folder: Path = ctx.obj
    session = open_case(folder, user)
    try:
        yield session
    finally:
        session.close()


@click.command("pit")
@click.option("--code", required=True, help="The qualified exemption, e.g. FOI-43.")
@click.option("--for", "factors_for", required=True, help="Factors in favour of disclosure.")
@click.option(
    "--against", "factors_against", required=True, help="Factors for maintaining the exemption."
)
@click.option("--conclusion", required=True, help="Where the balance lies, and why.")
@user_option
@click.pass_context
def pit(
    ctx: click.Context,
    code: str,
    factors_for: str,
    factors_against: str,
    conclusion: str,
    user: str | None,
) -> None:
    """Record the public interest test for a qualified exemption (R31)."""
    with _session(ctx, user) as session:
        test = session.review.record_public_interest_test(
            code, factors_for, factors_against, conclusion
        )
    click.echo(f"Public interest test for {test.code} recorded by {test.recorded_by}")


@click.command("pits")
@json_option
@click.pass_context
def pits(ctx: click.Context, as_json: bool) -> None:
    """List the public interest tests and s.36 opinions recorded in this case."""
    with _session(ctx, None) as session:
        tests = session.review.public_interest_tests()
        opinions = session.review.qualified_person_opinions()
    for t in tests.values():
        if as_json:
            echo_json(
                {
                    "type": "public-interest-test",
                    "code": t.code,
                    "factors_for": t.factors_for,
                    "factors_against": t.factors_against,
                    "conclusion": t.conclusion,
                    "recorded_by": t.recorded_by,
                    "recorded_at": t.recorded_at.isoformat(),
                }
            )
        else:
            click.echo(
                f"{t.code} ({t.recorded_by}, {t.recorded_at:%d %b %Y})\n  for: {t.factors_for}\n"
                f"  against: {t.factors_against}\n  conclusion: {t.conclusion}"
            )
    for o in opinions.values():
        if as_json:
            echo_json(
                {
                    "type": "qualified-person-opinion",
                    "code": o.code,
                    "name": o.name,
                    "opinion_date": o.opinion_date.isoformat(),
                    "opinion": o.opinion,
                    "recorded_by": o.recorded_by,
                    "recorded_at": o.recorded_at.isoformat(),
                }
            )
        else:
            click.echo(
                f"{o.code} qualified person {o.name}, opinion of {o.opinion_date:%d %b %Y} "
                f"({o.recorded_by})\n  opinion: {o.opinion}"
            )
    if not as_json and not tests and not opinions:
        click.echo("No public interest tests or qualified person's opinions recorded.", err=True)


@click.command("qualified-person")
@click.option("--name", required=True, help="The qualified person (name or post).")
@click.option("--date", "opinion_date", type=ISO_DATE, required=True, help="Date of the opinion.")
@click.option("--opinion", required=True, help="What the qualified person concluded.")
@click.option("--code", default=None, help="The s.36 code (default: the regime's s.36 code).")
@user_option
@click.pass_context
def qualified_person(
    ctx: click.Context,
    name: str,
    opinion_date: date,
    opinion: str,
    code: str | None,
    user: str | None,
) -> None:
    """Record the qualified person's opinion for FOIA s.36 (R32)."""
    with _session(ctx, user) as session:
        saved = session.review.record_qualified_person(name, opinion_date, opinion, code)
    click.echo(
        f"Qualified person's opinion for {saved.code} of {saved.opinion_date.isoformat()} "
        f"recorded by {saved.recorded_by}"
    )


@click.command("qa")
@click.option("--mode", type=click.Choice([m.value for m in QaMode]), help="full or sample review.")
@click.option("--percent", type=click.IntRange(1, 100), help="Sample size in percent.")
@click.option("--seed", type=click.IntRange(min=0), help="Fixed seed (default: fresh per draw).")
@click.option(
    "--full-review-on-reject/--no-full-review-on-reject",
    default=None,
    help="A rejected sampled item forces full review of the batch (default: on).",
)
@json_option
@user_option
@click.pass_context
def qa(
    ctx: click.Context,
    mode: str | None,
    percent: int | None,
    seed: int | None,
    full_review_on_reject: bool | None,
    as_json: bool,
    user: str | None,
) -> None:
    """Show or set the QA mode: 100% review or a random sample (R53)."""
    with _session(ctx, user) as session:
        current = session.review.qa_settings()
        if mode or percent is not None or seed is not None or full_review_on_reject is not None:
            chosen = QaMode(mode) if mode else current.mode
            if chosen is QaMode.SAMPLE and percent is None and current.mode is QaMode.FULL:
                raise click.UsageError("Sample mode needs --percent N (1-100).")
            current = session.review.set_qa_settings(
                QaSettings(
                    mode=chosen,
                    percent=percent if percent is not None else current.percent,
                    seed=seed if seed is not None else current.seed,
                    full_review_on_reject=(
                        full_review_on_reject
                        if full_review_on_reject is not None
                        else current.full_review_on_reject
                    ),
                )
            )
    if as_json:
        echo_json(
            {
                "mode": str(current.mode),
                "percent": current.percent,
                "seed": current.seed,
                "full_review_on_reject": current.full_review_on_reject,
                "basis": current.basis(),
            }
        )
    else:
        click.echo(f"QA: {current.basis()}")


def _sample_json(row: SampleRow) -> dict[str, object]:
    return {
        "sample": row.id,
        "proposer": row.proposer,
        "percent": row.percent,
        "seed": row.seed,
        "population": list(row.population),
        "items": list(row.sample),
        "drawn_by": row.drawn_by,
        "drawn_at": row.drawn_at.isoformat(),
        "outcome": row.outcome,
    }


@click.command("sample")
@click.option("--proposer", required=True, help="Whose accepted items to sample.")
@json_option
@user_option
@click.pass_context
def sample(ctx: click.Context, proposer: str, as_json: bool, user: str | None) -> None:
    """Draw (or show the open) QA sample of a proposer's accepted items."""
    with _session(ctx, user) as session:
        row = session.review.draw_sample(proposer)
        views = {v.item.id: v for v in session.review.review_items()}
    if as_json:
        echo_json(_sample_json(row))
        return
    click.echo(
        f"QA sample {row.id} of {row.proposer}'s batch: {len(row.sample)} of "
        f"{len(row.population)} items ({row.percent}%, seed {row.seed}). Check each one:"
    )
    for item_id in row.sample:
        view = views[item_id]
        click.echo(
            f"{item_id:>5}  msg {view.item.message_id} {view.item.entity_type:<14} "
            f"{view.status} [{view.state.code}]  {view.text!r}"
        )
    click.echo(
        "Approve or reject each with 'sar-desk review CASE approve ID' / 'reject ID --reason', "
        f"then 'sar-desk review CASE approve --sample --proposer {row.proposer}'."
    )


def register(group: click.Group) -> None:
    """Add these commands to the ``review`` group."""
    for command in (pit, pits, qualified_person, qa, sample):
        group.add_command(command)
