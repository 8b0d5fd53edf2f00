"""``sar-desk export`` and ``sar-desk verify``: build a disclosure bundle and re-check one."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import click

from sar_desk.app.api import BundleOptions, verify_bundle
from sar_desk.cli.common import echo_json, json_option, open_case, run_with_progress, user_option
from sar_desk.core.errors import BadInputError
from sar_desk.core.organisation import OrganisationIncompleteError

PASSWORD_ENV = "SAR_DESK_PACK_PASSWORD"


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
    help="Encrypt the requester's PDFs (AES-256; any PDF reader opens them with the password). "
    f"The password is made and shown once on stderr, or taken from {PASSWORD_ENV}. The HTML "
    "and RSMF versions are left out unless --encrypt-extras.",
)
@click.option(
    "--encrypt-extras",
    is_flag=True,
    help="With --encrypt: put the HTML and RSMF versions in an AES-256 zip with the same "
    "password (it needs 7-Zip, WinZip or similar: Windows' own extractor cannot open it).",
)
@click.option("--rsmf", is_flag=True, help="Also export the redacted chats as RSMF 2.0.")
@click.option(
    "--without-detection",
    "waiver",
    metavar="REASON",
    help="DPO only: record a decision, with this reason, to export although detection has "
    "not covered the whole disclosure set (audited; shown in the internal records).",
)
@json_option
@user_option
def export(
    folder: Path,
    out: Path,
    pseudonyms: bool,
    large_print: bool,
    no_html: bool,
    encrypt: bool,
    encrypt_extras: bool,
    rsmf: bool,
    waiver: str | None,
    as_json: bool,
    user: str | None,
) -> None:
    """Build the disclosure bundle of CASE into the new folder OUT.

    Refuses while proposals are undecided, sign-off is missing, or a safety check fails. Only
    OUT/pack goes to the requester (with --encrypt, the password separately); OUT/internal
    must never be sent.
    """
    if encrypt_extras and not encrypt:
        raise click.UsageError("--encrypt-extras only makes sense with --encrypt.")
    given = (os.environ.get(PASSWORD_ENV) or None) if encrypt else None
    try:
        options = BundleOptions(
            generated_at=datetime.now(UTC).replace(microsecond=0),
            pseudonyms=pseudonyms,
            large_print=large_print,
            html=not no_html,
            encrypt=encrypt,
            encrypt_extras=encrypt_extras,
            pack_password=given,
            rsmf=rsmf,
        )
    except BadInputError as exc:
        raise click.ClickException(f"{PASSWORD_ENV}: {exc}") from exc
    session = open_case(folder, user)
    try:
        if waiver is not None and not session.export.detection_coverage().complete:
            session.export.waive_detection(waiver)
        try:
            result = run_with_progress(session.export.export_bundle(out, options))
        except OrganisationIncompleteError as exc:
            flags = " ".join(f"--{name.replace('_', '-')} TEXT" for name in exc.missing)
            raise click.ClickException(f"{exc} Set it with: sar-desk org set {flags}") from exc
    finally:
        session.close()
    if result.password and given is None:
        # Shown once, on stderr only, so it never lands in a redirected stdout log.
        click.echo(
            f"Pack password (send it separately, never with the pack): {result.password}",
            err=True,
        )
    elif result.password:
        click.echo(f"The pack password from {PASSWORD_ENV} was used; send it separately.", err=True)
    if as_json:
        echo_json(
            {
                "bundle": str(result.folder),
                "export_id": result.export_id,
                "manifest_sha256": result.manifest_sha256,
                "signing_key": result.fingerprint,
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
        f"{c['disclosed_in_part']} in part, {c['withheld']} withheld."
    )
    click.echo(f"Send only {result.folder / 'pack'}; never send {result.folder / 'internal'}.")
    left_out = [name for name, made in (("HTML", not no_html), ("RSMF", rsmf)) if made]
    if encrypt and not encrypt_extras and left_out:
        click.echo(
            f"The {' and '.join(left_out)} version{'s were' if len(left_out) > 1 else ' was'} "
            "left out of the encrypted pack; export again with --encrypt-extras to send "
            f"{'them' if len(left_out) > 1 else 'it'} in an encrypted zip."
        )
    click.echo(f"Manifest SHA-256: {result.manifest_sha256}")
    if result.fingerprint:
        click.echo(f"Signed with the case's key, fingerprint {result.fingerprint}.")


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--case",
    "case",
    metavar="CASE",
    type=click.Path(path_type=Path),
    help="Also prove the bundle is this case's own: its signing key, the manifest recorded in "
    "its audit log, and its own list of redacted terms.",
)
@json_option
@user_option
def verify(out: Path, case: Path | None, as_json: bool, user: str | None) -> None:
    """Re-run the safety checks on the exported bundle OUT (exit 1 on any failure).

    Without --case the bundle is checked against what it carries, which cannot show that its
    manifest and term list are the ones the case made; with --case it can. An encrypted
    pack's content is checked again only when its password is in SAR_DESK_PACK_PASSWORD;
    otherwise its encryption, file names and hashes are.
    """
    password = os.environ.get(PASSWORD_ENV) or None
    if case is None:
        report = verify_bundle(out, password)
    else:
        session = open_case(case, user)
        try:
            report = session.export.verify_bundle(out, password)
        finally:
            session.close()
    if as_json:
        echo_json(report.as_json())
    else:
        for result in report.results:
            if not result.passed:
                click.echo(f"FAIL {result.sentence()}", err=True)
        passed = sum(r.passed for r in report.results)
        click.echo(f"{passed} of {len(report.results)} checks passed for {out}.")
        unchecked = [r.file for r in report.results if r.check == "sealed-content"]
        if unchecked:
            click.echo(
                f"{len(unchecked)} encrypted file(s): checked for encryption, name and hash only; "
                f"set {PASSWORD_ENV} to the pack password to check the content too."
            )
        for note in report.notes:
            click.echo(note + ("" if case else " (use --case CASE)"))
    if not report.ok:
        raise SystemExit(1)


COMMANDS = [export, verify]
