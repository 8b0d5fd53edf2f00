"""``sar-desk about``: the version, and the data sources and libraries inside, with licences.

Several shipped lists come under licences that ask for attribution (GeoNames' place names,
CC BY 4.0, among them); this prints them, as the window's Help > About page shows them.
"""

from __future__ import annotations

import click

from sar_desk.app.about import about, about_text
from sar_desk.cli.common import echo_json, json_option


@click.command("about")
@json_option
def about_command(as_json: bool) -> None:
    """Show this installation's version and the data, models, fonts and libraries it includes.

    Each with its licence and the attribution the licence asks for (for example the GeoNames
    place names, Creative Commons Attribution 4.0).
    """
    info = about()
    if as_json:
        echo_json(info.as_json())
        return
    for line in about_text(info):
        click.echo(line)


COMMANDS = [about_command]
