"""``sar-desk export`` and ``sar-desk verify``: build a disclosure bundle and re-check one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from sar_desk.app.api import BundleOptions, verify_bundle
from sar_desk.cli.common import echo_json, json_option, open_case, run_with_progress, user_option
from sar_desk.core.organisation import OrganisationIncompleteError


@click.command()
@click.argument("folder", metavar="CASE", type=click.Path(path_type=Path))
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--pseudonyms/--no-pseudonyms",
    default=True,
    help="One label per redacted person (Person A, Officer 1); on by default.",
)
@click.option("--large-print", is_flag=True, help="Larger type and spacing (PDF and HTML).")
@click.option("--no-html", is_flag=True, help="Do not produce the accessible HTML version.")
@click.option(
    "--encrypt",
    is_flag=True,
    help="Also make an AES-256 zip of the pack; the password is shown once on stderr.",
)
@click.option(
    "--save-password",
    is_flag=True,
    help="With --encrypt: also write the password into OUT/internal/.",
)
@click.option("--rsmf", is_flag=True, help="Also export the redacted chats as RSMF 2.0.")
@json_option
@user_option
def export(
    folder: Path,
    out: Path,
    pseudonyms: bool,
    large_print: bool,
    no_html: bool,
    encrypt: bool,
    save_password: bool,
    rsmf: bool,
    as_json: bool,
    user: str | None,
) -> None:
    """Build the disclosure bundle of CASE into the new folder OUT.

    Refuses while proposals are undecided, sign-off is missing, or a safety check fails. Only
    OUT/pack (or OUT/delivery) goes to the requester; OUT/internal must never be sent.
    """
    if save_password and not encrypt:
        raise click.UsageError("--save-password only makes sense with --encrypt.")
    session = open_case(folder, user)
    try:
        options = BundleOptions(
            generated_at=datetime.now(UTC).replace(microsecond=0),
            pseudonyms=pseudonyms,
            large_print=large_print,
            html=not no_html,
            encrypt=encrypt,
            save_password=save_password,
            rsmf=rsmf,
        )
        try:
            result = run_with_progress(session.export_bundle(out, options))
        except OrganisationIncompleteError as exc:
            flags = " ".join(f"--{name.replace('_', '-')} TEXT" for name in exc.missing)
            raise click.ClickException(f"{exc} Set it with: sar-desk org set {flags}") from exc
    finally:
        session.close()
    if result.password:
        # Shown once, on stderr only, so it never lands in a redirected stdout log.
        click.echo(
            f"Archive password (send it separately from the archive): {result.password}", err=True
        )
    if as_json:
        echo_json(
            {
                "bundle": str(result.folder),
                "export_id": result.export_id,
                "manifest_sha256": result.manifest_sha256,
                "pages": result.pages,
                "counts": result.counts,
                "files": [f.path for f in result.files],
            }
        )
        return
    c = result.counts
    click.echo(f"Bundle written to {result.folder} ({result.pages} PDF pages).")
    click.echo(
        f"{c['in_scope']} items: {c['disclosed_in_full']} in full, "
        f"{c['disclosed_in_part']} in part, {c['withheld']} withheld; "
        f"{c['automatic_catches']} automatic safety-net catches."
    )
    click.echo(
        f"Send only {result.folder / 'pack'}"
        + (f" (or {result.folder / 'delivery'})" if result.password else "")
        + f"; never send {result.folder / 'internal'}."
    )
    click.echo(f"Manifest SHA-256: {result.manifest_sha256}")


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@json_option
def verify(out: Path, as_json: bool) -> None:
    """Re-run the safety checks on the exported bundle OUT (exit 1 on any failure)."""
    report = verify_bundle(out)
    if as_json:
        echo_json(report.as_json())
    else:
        for result in report.results:
            if not result.passed:
                click.echo(f"FAIL {result.sentence()}", err=True)
        passed = sum(r.passed for r in report.results)
        click.echo(f"{passed} of {len(report.results)} checks passed for {out}.")
    if not report.ok:
        raise SystemExit(1)


COMMANDS = [export, verify]
