"""``sar-desk org set`` and ``sar-desk org show``: the organisation profile used in letters.

The profile lives in the user's config folder (platformdirs; ``XDG_CONFIG_HOME`` is honoured).
``--case CASE`` sets or shows the overrides for one case instead (e.g. another controller).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from sar_desk.app.organisation import load_profile, profile_path, update_profile
from sar_desk.cli.common import echo_json, json_option, open_case, user_option
from sar_desk.core.model import Regime
from sar_desk.core.organisation import FIELD_LABELS, OrgProfile, missing_fields

F = TypeVar("F", bound=Callable[..., Any])

# CLI spelling -> stored jurisdiction (the contract says england-wales).
_JURISDICTIONS = {
    "england-wales": "england-and-wales",
    "scotland": "scotland",
    "northern-ireland": "northern-ireland",
}
_TEXT_OPTIONS = (
    ("name", "The controller or public authority, as letters name it."),
    ("address", "Postal address for correspondence."),
    ("dpo-email", "The Data Protection Officer's e-mail."),
    ("requests-email", "Where requests, complaints and reviews go."),
    ("website", "The organisation's website."),
    ("complaints-text", "How to complain to you (DPA 2018 s.164A), if not the requests e-mail."),
    ("retention-text", "How long chat records are kept (Art. 15(1)(d))."),
    ("purposes", "Why the data is processed (Art. 15(1)(a)); default by controller type."),
    ("recipients", "Who it is shared with (Art. 15(1)(c))."),
    ("source-text", "Where the data comes from (Art. 15(1)(g))."),
    ("automated-decisions", "Whether automated decision-making is used (Art. 15(1)(h))."),
    ("transfers", "Transfers outside the UK and their safeguards (Art. 15(2))."),
    ("signatory", "Who signs the letters."),
)


@click.group()
def org() -> None:
    """The organisation profile used in letters and Art. 15 information."""


def _with_text_options(func: F) -> F:
    for name, help_text in reversed(_TEXT_OPTIONS):
        func = click.option(f"--{name}", help=help_text)(func)
    return func


@org.command("set")
@_with_text_options
@click.option(
    "--controller-type",
    type=click.Choice(["public-authority", "company"]),
    help="Public authority (FOI applies) or company.",
)
@click.option(
    "--jurisdiction",
    type=click.Choice(list(_JURISDICTIONS)),
    help="Whose bank holidays apply to SAR deadlines.",
)
@click.option(
    "--retention",
    "retention",
    multiple=True,
    metavar="REGIME=PERIOD",
    help="How long closed cases are kept, e.g. sar=1y, foi=3y, eir=36m (repeatable; "
    "defaults: sar=1y, others 3y).",
)
@click.option(
    "--encrypt-new-cases",
    type=click.Choice(["yes", "no"]),
    help="Whether new cases are encrypted at rest unless their creator says otherwise "
    "(default yes).",
)
@click.option("--case", "folder", type=click.Path(path_type=Path), help="Override for CASE only.")
@user_option
def org_set(
    folder: Path | None, user: str | None, retention: tuple[str, ...], **given: str | None
) -> None:
    """Set organisation details (only the fields given change)."""
    values = {
        ("source" if key == "source_text" else key): value.strip()
        for key, value in given.items()
        if value is not None and value.strip()
    }
    if retention:
        values["retention"] = _retention_value(folder, user, retention)
    if "jurisdiction" in values:
        values["jurisdiction"] = _JURISDICTIONS[values["jurisdiction"]]
    if not values:
        raise click.UsageError("Give at least one field to set, e.g. --name TEXT.")
    if folder is not None:
        session = open_case(folder, user)
        try:
            profile = session.export.set_case_organisation(values)
        finally:
            session.close()
        where = f"case {folder}"
    else:
        profile = update_profile(values)
        where = str(profile_path())
    click.echo(f"Organisation profile saved ({where}): {len(values)} field(s) set.")
    _print_missing(profile)


@org.command("show")
@click.option("--case", "folder", type=click.Path(path_type=Path), help="Show CASE's profile.")
@json_option
@user_option
def org_show(folder: Path | None, as_json: bool, user: str | None) -> None:
    """Show the organisation profile (with a case's overrides when --case is given)."""
    if folder is not None:
        session = open_case(folder, user)
        try:
            profile = session.export.organisation_profile()
        finally:
            session.close()
    else:
        profile = load_profile()
    if as_json:
        echo_json({"set": profile is not None, **(profile or OrgProfile()).to_json()})
        return
    if profile is None:
        click.echo(
            "No organisation profile is set. Set one with: sar-desk org set --name TEXT "
            "--address TEXT --dpo-email TEXT --requests-email TEXT"
        )
        return
    for key, value in profile.to_json().items():
        click.echo(f"{key.replace('_', '-')}: {value or '(not set)'}")
    _print_missing(profile)


def _retention_value(folder: Path | None, user: str | None, given: tuple[str, ...]) -> str:
    # Named regimes change; the others keep what the profile (or the case) already says.
    from sar_desk.app.lifecycle import retention_setting

    if folder is not None:
        session = open_case(folder, user)
        try:
            current = session.export.organisation_profile()
        finally:
            session.close()
    else:
        current = load_profile()
    return retention_setting(current.retention if current else "", given)


def _print_missing(profile: OrgProfile) -> None:
    missing = missing_fields(profile, Regime.SAR)
    if missing:
        names = "; ".join(FIELD_LABELS[m] for m in missing)
        click.echo(f"Still needed before an export (SAR letters need all): {names}.", err=True)


COMMANDS = [org]
