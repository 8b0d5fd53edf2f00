"""Regenerate ``uk-bank-holidays.json`` (GOV.UK bank-holidays shape) from the ``holidays`` package.

A developer script, not part of the installed package. Run it from the repository root:

    python resources/calendars/make_calendar.py [--first 2018] [--last 2030]

GOV.UK (https://www.gov.uk/bank-holidays.json) publishes three divisions. It lists only the days
that are actually bank holidays, so a holiday falling at a weekend appears on its substitute weekday
with ``"notes": "Substitute day"``; this script does the same. Titles are mapped to GOV.UK's
wording. Every run stamps a ``version`` key, which SAR Desk copies onto every deadline (R11).

Caseworkers can replace the bundled file with a fresh download from GOV.UK; the loader accepts any
file in this shape, with or without a ``version`` key.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import holidays

# GOV.UK division key -> holidays package subdivision code for the United Kingdom ("GB").
DIVISIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}

# holidays package name -> GOV.UK title.
TITLES = {
    "New Year's Day": "New Year’s Day",
    "New Year Holiday": "2nd January",
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Summer Bank Holiday": "Summer bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
    "Saint Andrew's Day": "St Andrew’s Day",
    "Saint Patrick's Day": "St Patrick’s Day",
    "Battle of the Boyne": "Battle of the Boyne (Orangemen’s Day)",
    "Platinum Jubilee of Elizabeth II": "Platinum Jubilee bank holiday",
    "State Funeral of Queen Elizabeth II": (
        "Bank holiday for the State Funeral of Queen Elizabeth II"
    ),
    "Coronation of Charles III": "Bank holiday for the coronation of King Charles III",
    # 15 June 2026 (Scotland) was appointed by royal proclamation for Scotland's opening match of
    # the 2026 World Cup; the holidays package calls it "the final", which it is not.
    "Scotland's participation in the FIFA World Cup final": (
        "Bank holiday for Scotland’s opening FIFA World Cup match (royal proclamation)"
    ),
}

# One-off days that must be present; the script refuses to write a calendar without them.
REQUIRED = {
    date(2022, 6, 3): "Platinum Jubilee",
    date(2022, 9, 19): "State Funeral",
    date(2023, 5, 8): "Coronation",
}

KNOWN = {*TITLES.values(), "Good Friday", "Easter Monday", "Christmas Day", "Boxing Day"}

NO_BUNTING = {"Good Friday", "Bank holiday for the State Funeral of Queen Elizabeth II"}

OBSERVED = " (observed)"


def _event(day: date, raw_name: str) -> dict[str, object]:
    """Turn one holidays-package entry into a GOV.UK event."""
    parts = [part.strip() for part in raw_name.split(";")]
    # A day can carry two names, e.g. Scotland 2023-01-02 "New Year Holiday; New Year's Day
    # (observed)". GOV.UK names such a day after the holiday it substitutes for.
    observed = [part for part in parts if part.endswith(OBSERVED)]
    chosen = observed[0].removesuffix(OBSERVED) if observed else parts[0]
    title = TITLES.get(chosen, chosen)
    return {
        "title": title,
        "date": day.isoformat(),
        "notes": "Substitute day" if observed else "",
        "bunting": title not in NO_BUNTING,
    }


def build(first: int, last: int) -> dict[str, object]:
    """Build the calendar dict for the years ``first`` to ``last`` inclusive."""
    data: dict[str, object] = {
        "version": (
            f"gov.uk-shape generated {date.today().isoformat()} from holidays "
            f"{holidays.__version__} ({first}-{last})"
        ),
    }
    for division, subdiv in DIVISIONS.items():
        found = holidays.country_holidays("GB", subdiv=subdiv, years=range(first, last + 1))
        # GOV.UK lists only weekdays: a weekend holiday is replaced by its substitute day.
        events = [_event(day, name) for day, name in sorted(found.items()) if day.weekday() < 5]
        dates = {date.fromisoformat(str(event["date"])) for event in events}
        missing = [
            name for day, name in REQUIRED.items() if first <= day.year <= last and day not in dates
        ]
        if missing:
            raise SystemExit(f"{division}: the holidays package lacks {', '.join(missing)}")
        data[division] = {"division": division, "events": events}
    return data


def main() -> None:
    """Write the calendar next to this script."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=int, default=2018)
    parser.add_argument("--last", type=int, default=2030)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).with_name("uk-bank-holidays.json")
    )
    args = parser.parse_args()
    data = build(args.first, args.last)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({data['version']})")  # noqa: T201 - a developer script
    # One-off days appointed by proclamation arrive under the package's own names. Check each
    # against https://www.gov.uk/bank-holidays before committing the file.
    for division in DIVISIONS:
        for event in data[division]["events"]:  # type: ignore[index]
            if event["title"] not in KNOWN:
                print(f"check: {division} {event['date']} {event['title']!r}")  # noqa: T201


if __name__ == "__main__":
    main()
