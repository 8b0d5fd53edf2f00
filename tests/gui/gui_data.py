"""Synthetic chat data shared by the window tests."""

from __future__ import annotations

from pathlib import Path

CHAT = """\
14/03/2026, 09:15 - Alex Morgan: Morning, any update on the repair at flat 4?
14/03/2026, 09:20 - Sam Patel: Hi Alex, the contractor is booked for Tuesday.
15/03/2026, 10:02 - Alex Morgan: Thanks. Please call me on 07911 123456.
16/03/2026, 11:30 - Jo Reed: Sam, can you log the boiler complaint for Alex?
16/03/2026, 11:32 - Sam Patel: Logged as complaint 4471.
"""


def write_chat(
    folder: Path,
    name: str = "WhatsApp Chat with Housing.txt",
    lines: int = 0,
    ambiguous: bool = False,
) -> Path:
    """A synthetic WhatsApp export; `lines` adds numbered filler messages for paging tests."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if ambiguous:
        text = (
            "03/04/2026, 09:15 - Alex Morgan: Is the repair booked?\n"
            "05/06/2026, 10:00 - Sam Patel: Yes, for next week.\n"
        )
    else:
        filler = "".join(
            f"{1 + (i // 1440) % 28:02d}/02/2026, {(i // 60) % 24:02d}:{i % 60:02d} - "
            f"Sam Patel: Filler update number {i}\n"
            for i in range(lines)
        )
        text = filler + CHAT
    path.write_text(text, encoding="utf-8")
    return path
