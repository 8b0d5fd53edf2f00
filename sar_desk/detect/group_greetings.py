"""A greeting no list has, known by its shape: one word that opens a message, said to the group.

The greeting lists (`world_greetings`) grow with every language a workplace brings, and the
model reads an unlisted greeting as a name: "Moni everyone, coffee morning at 10.30",
"Shlama all 👋", "Kamisaki team, 2% below plan" (session 18, from the development corpora).
Its shape gives it away: a single word at the start of a message or line, then a word for the
group ("all", "everyone", "team"), then punctuation, an emoji or the end, never another word.
A person named there is addressed the other way round ("morning all, Ikrom's in at 9"), and
"Ikrom all good?" runs on into a word, so it is left alone; so is a word any name list has
("Priya everyone!"), and, by the caller, a name the case knows.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer

_GROUP = re.compile(
    r"[ \t]+(?i:all|everyone|everybody|team|folks|guys|y'all|ya'll|lads|ladies|peeps|crew|gang)"
    r"[ \t]*(?:$|[^\w\s'’])"
)


def greets_the_group(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one unlisted word greeting the group at a message's start."""
    value = text[start:end]
    if not value.isalpha() or (start > 0 and text[start - 1] != "\n"):
        return False
    if not _GROUP.match(text, end):
        return False
    gaz = gazetteer.current()
    return not (gaz.is_first_name(value) or gaz.is_surname(value))
