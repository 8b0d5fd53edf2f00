"""``sar-desk case new`` and ``sar-desk case show``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from sar_desk.app.encryption import remember
from sar_desk.app.opening import create_case_session
from sar_desk.app.organisation import load_profile
from sar_desk.app.summary import CaseSummary, summarise
from sar_desk.cli.case_crypto import case_passphrase_command
from sar_desk.cli.common import (
    ISO_DATE,
    creator_passphrase,
    echo_json,
    json_option,
    open_case,
    team_server_chosen,
    user_option,
)
from sar_desk.cli.lifecycle import LIFECYCLE_COMMANDS
from sar_desk.cli.passphrase import new_case_passphrase
from sar_desk.core.model import Case, Extension, Jurisdiction, Regime
from sar_desk.core.organisation import encrypts_new_cases
from sar_desk.core.outcome import OutcomeKind


@click.group()
def case() -> None:
    """Create and inspect cases."""


@case.command("new")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option(
    "--regime",
    required=True,
    type=click.Choice([r.value for r in Regime]),
    help="sar, foi, eir, foisa or eisr (Environmental Information (Scotland) Regulations).",
)
@click.option("--reference", required=True, help="Your reference, e.g. SAR-2026-0142.")
@click.option("--received", required=True, type=ISO_DATE, help="Date the request was received.")
@click.option("--requester", help="The requester's name.")
@click.option(
    "--alias",
    "aliases",
    multiple=True,
    help="Another name, phone number, e-mail or handle of the requester (repeatable).",
)
@click.option("--scope-from", type=ISO_DATE, help="Earliest date the request covers.")
@click.option("--scope-to", type=ISO_DATE, help="Latest date the request covers.")
@click.option(
    "--tz",
    "tz",
    default="Europe/London",
    show_default=True,
    help="Time zone for exports without offsets and for display.",
)
@click.option(
    "--jurisdiction",
    type=click.Choice([j.value for j in Jurisdiction]),
    help="Bank holidays for SAR deadlines (default: the organisation profile's, else "
    "england-and-wales).",
)
@click.option(
    "--region",
    default="GB",
    show_default=True,
    help="Region for phone numbers written without a country code.",
)
@click.option(
    "--encrypt/--no-encrypt",
    default=None,
    help="Encrypt the case (database, originals, attachments and masters) with a passphrase, "
    "typed or from SAR_DESK_PASSPHRASE; every command on the case then needs it. Default: "
    "the organisation profile's encrypt-new-cases (yes unless set to no).",
)
@click.option(
    "--remember-passphrase",
    is_flag=True,
    help="With --encrypt: remember the passphrase in this computer's keyring, if it has one.",
)
@user_option
def case_new(
    folder: Path,
    regime: str,
    reference: str,
    received: date,
    requester: str | None,
    aliases: tuple[str, ...],
    scope_from: date | None,
    scope_to: date | None,
    tz: str,
    jurisdiction: str | None,
    region: str,
    encrypt: bool | None,
    remember_passphrase: bool,
    user: str | None,
) -> None:
    """Create a case folder CASE for a request."""
    record = Case(
        reference=reference,
        regime=Regime(regime),
        received=received,
        requester=requester,
        aliases=aliases,
        scope_from=scope_from,
        scope_to=scope_to,
        timezone=tz,
        jurisdiction=Jurisdiction(jurisdiction or _profile_jurisdiction()),
        default_region=region,
    )
    server = team_server_chosen(user)
    if server is not None:
        _create_on_server(server, folder, record, encrypt is True)
        return
    chosen = encrypt is not None
    if encrypt is None:
        encrypt = encrypts_new_cases(load_profile())
    if remember_passphrase and not encrypt:
        raise click.UsageError("--remember-passphrase goes with --encrypt.")
    secret = new_case_passphrase(by_default=not chosen) if encrypt else None
    session = create_case_session(
        folder, record, user=user, passphrase=creator_passphrase(user), case_passphrase=secret
    )
    if secret is not None and remember_passphrase and not remember(folder, secret):
        click.echo("This computer has no keyring; you will be asked for the passphrase.", err=True)
    try:
        summary = summarise(session)
    finally:
        session.close()
    locked = " (encrypted)" if secret is not None else ""
    click.echo(f"Created case {summary.case.reference} in {folder}{locked}")
    _print_deadline(summary)


def _create_on_server(server: str, name: Path, record: Case, encrypt: bool) -> None:
    """``case new`` on a team server: CASE is the reference, the login creates it."""
    if encrypt:
        raise click.UsageError("--encrypt is for case folders; the team server protects its cases.")
    if str(name) != record.reference:
        raise click.UsageError(
            f"On a team server CASE is the case's reference: give {record.reference} as CASE "
            f"(not {name})."
        )
    session = create_case_session(name, record, server=server)
    try:
        summary = summarise(session)
    finally:
        session.close()
    from sar_desk.app.server import describe

    click.echo(f"Created case {summary.case.reference} on the team store {describe(server)}")
    _print_deadline(summary)


def _profile_jurisdiction() -> str:
    profile = load_profile()
    return profile.jurisdiction if profile is not None else Jurisdiction.ENGLAND_AND_WALES.value


@case.command("show")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@json_option
@user_option
def case_show(folder: Path, as_json: bool, user: str | None) -> None:
    """Show the case: regime, requester, sources, counts and the statutory deadline."""
    session = open_case(folder, user)
    try:
        summary = summarise(session)
    finally:
        session.close()
    if as_json:
        echo_json(summary.to_json())
        return
    _print_summary(summary)


@case.command("update")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--id-received", type=ISO_DATE, help="Date ID or authority information arrived.")
@click.option("--fee-received", type=ISO_DATE, help="Date a fee was received.")
@click.option(
    "--fee-notice",
    type=ISO_DATE,
    help="Date a fees notice was given (FOIA/FOISA s.10(2): the days to payment are disregarded).",
)
@click.option("--clarification-asked", type=ISO_DATE, help="Date you asked for clarification.")
@click.option("--clarification-answered", type=ISO_DATE, help="Date the answer arrived.")
@click.option(
    "--extension-notified", type=ISO_DATE, help="Date the requester was told of an extension."
)
@click.option(
    "--extension-reason", help="Why the deadline is extended (required with an extension)."
)
@click.option(
    "--complex", "complex_request", is_flag=True, help="The request is complex (EIR needs both)."
)
@click.option("--voluminous", is_flag=True, help="The request is voluminous (EIR).")
@click.option(
    "--extra-working-days",
    type=click.IntRange(1, 60),
    default=20,
    show_default=True,
    help="FOIA public-interest extension length.",
)
@user_option
def case_update(
    folder: Path,
    id_received: date | None,
    fee_received: date | None,
    fee_notice: date | None,
    clarification_asked: date | None,
    clarification_answered: date | None,
    extension_notified: date | None,
    extension_reason: str | None,
    complex_request: bool,
    voluminous: bool,
    extra_working_days: int,
    user: str | None,
) -> None:
    """Record clock events (ID, fees notice, fee, clarification, extension); show the deadline."""
    if clarification_answered and not clarification_asked:
        raise click.UsageError("Give --clarification-asked with --clarification-answered.")
    if extension_notified and not (extension_reason and extension_reason.strip()):
        raise click.UsageError(
            "An extension needs --extension-reason (it is told to the requester)."
        )
    session = open_case(folder, user)
    try:
        if id_received:
            session.clock.record_identity_received(id_received)
        if fee_notice:
            session.clock.record_fee_notice(fee_notice, fee_received)
        elif fee_received:
            session.clock.record_fee_received(fee_received)
        if clarification_asked:
            session.clock.record_clarification(clarification_asked, clarification_answered)
        if extension_notified and extension_reason:
            session.clock.record_extension(
                Extension(
                    notified=extension_notified,
                    reason=extension_reason.strip(),
                    complex_request=complex_request,
                    voluminous=voluminous,
                    extra_working_days=extra_working_days,
                )
            )
        summary = summarise(session)
    finally:
        session.close()
    _print_deadline(summary)


@case.command("outcome")
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--held", "kind", flag_value=OutcomeKind.HELD.value, help="The information is held.")
@click.option("--not-held", "kind", flag_value=OutcomeKind.NOT_HELD.value, help="It is not held.")
@click.option(
    "--ncnd",
    "kind",
    flag_value=OutcomeKind.NCND.value,
    help="Neither confirm nor deny holding it (with --code, e.g. FOI-40-2 for s.40(5B)).",
)
@click.option(
    "--refuse",
    "kind",
    flag_value=OutcomeKind.REFUSE.value,
    help="Refuse the whole request (with --code, e.g. FOI-S12, FOI-S14, EIR-12-4-B).",
)
@click.option("--code", help="The reason code relied on (--ncnd and --refuse).")
@click.option("--reason", default="", help="Why it applies in this case (told to the requester).")
@user_option
def case_outcome(
    folder: Path, kind: str | None, code: str | None, reason: str, user: str | None
) -> None:
    """Record how an FOI, EIR, FOISA or EISR request is answered; export writes that letter."""
    if kind is None:
        raise click.UsageError("Give one of --held, --not-held, --ncnd or --refuse.")
    chosen = OutcomeKind(kind)
    if chosen in (OutcomeKind.NCND, OutcomeKind.REFUSE) and not code:
        raise click.UsageError(f"--{chosen} needs --code CODE and --reason TEXT.")
    if chosen is not OutcomeKind.HELD and not reason.strip():
        raise click.UsageError(f"--{chosen} needs --reason TEXT (why it applies in this case).")
    session = open_case(folder, user)
    try:
        outcome = session.legal.record_outcome(chosen, code, reason)
    finally:
        session.close()
    cited = f" under {outcome.code}" if outcome.code else ""
    click.echo(f"Outcome recorded: {outcome.kind}{cited}. The export will write that letter.")


def _print_deadline(summary: CaseSummary) -> None:
    deadline = summary.deadline
    if deadline is None:
        return
    click.echo(f"Due: {deadline.due:%a %d %b %Y} ({summary.days_left_text})")
    for line in deadline.derivation:
        click.echo(f"  - {line}")


def _print_summary(summary: CaseSummary) -> None:
    c = summary.case
    click.echo(f"Case {c.reference} — {c.regime.label}")
    click.echo(f"Received: {c.received:%a %d %b %Y}; time zone {c.timezone}")
    if c.requester:
        click.echo(f"Requester: {c.requester}")
    if c.aliases:
        click.echo(f"Aliases: {', '.join(c.aliases)}")
    if c.scope_from or c.scope_to:
        click.echo(f"Scope: {c.scope_from or '…'} to {c.scope_to or '…'}")
    _print_deadline(summary)
    click.echo(f"Sources: {len(summary.sources)}")
    for src in summary.sources:
        flag = f" [excluded: {src.exclusion_reason}]" if src.excluded else ""
        custodians = src.custodians or ((src.custodian,) if src.custodian else ())
        plural = "s" if len(custodians) > 1 else ""
        custodian = f", custodian{plural} {', '.join(custodians)}" if custodians else ""
        click.echo(
            f"  {src.id}. {src.original_name} ({src.platform}{custodian}): {src.message_count} "
            f"messages, {src.system_count} system, {src.duplicate_count} duplicates, "
            f"{src.issue_count} skipped lines; sha256 {src.sha256[:16]}…{flag}"
        )
        if src.shared:
            shared = ", ".join(f"{n} with source {other}" for other, n in src.shared)
            click.echo(f"     shares messages with: {shared}")
    counts = summary.message_counts
    total = sum(counts.values())
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    click.echo(f"Messages: {total} in {summary.conversation_count} conversations ({kinds})")
    for section in summary.sections:
        click.echo(section.title)
        for line in section.lines:
            click.echo(f"  {line}")


for _command in LIFECYCLE_COMMANDS:  # close, hold, release, purge (cli/lifecycle.py)
    case.add_command(_command)
case.add_command(case_passphrase_command)

COMMANDS = [case]
