"""A person named in a group's title: 'changed the group name to "Ola Reyes's 40th"' (issue 15).

A group's title is masked for the model and the name lists (`mask`: "Night Shift", "Rota"
are no one), so a stranger the title is named after was never proposed. A title that opens
with a name in the possessive names that person: the words before the "'s" are taken when
each is a name by its form - capitalised and no common word, a listed given or family name in
any case, or any capitalised word after a title ("Dr Bucket's"). Family words ("Mum's 60th"),
products and placeholders stay unproposed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId
from sar_desk.detect import gazetteer
from sar_desk.detect.mask import Region
from sar_desk.detect.words import TITLES, is_not_a_name

_QUOTE = '"“”«»'
# The title's opening words, up to a possessive: '"Marisol Ekwueme's 40th"'.
_OWNER = re.compile(rf"[{_QUOTE}](?P<v>[^{_QUOTE}\n]{{1,60}}?)['’]s\b")
RECOGNIZER = "GroupTitleRule"
NOTE = "A name the group's title is named after."
_KIN = frozenset(
    {
        *("mum", "mam", "mom", "dad", "nan", "nana", "nanna", "gran", "granny", "grandma"),
        *("grandad", "grandpa", "auntie", "aunty", "aunt", "uncle", "baby", "babies", "kids"),
        *("kid", "family", "team", "staff", "office"),
    }
)


def _word_ok(word: str, after_title: bool) -> bool:
    gaz = gazetteer.current()
    low = word.casefold()
    if (
        low in _KIN
        or is_not_a_name(word)
        or not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", word)
    ):
        return False
    parts = low.replace("’", "'").split("-")
    listed = all(gaz.is_first_name(p) or gaz.is_surname(p) for p in parts)
    if word[:1].isupper():
        return after_title or listed or not gaz.is_common_word(low)
    return listed


def owner_spans(text: str, regions: Sequence[Region]) -> list[tuple[int, int]]:
    """``(start, end)`` of names a group's title is named after, in the group regions of `text`."""
    out: list[tuple[int, int]] = []
    for region in regions:
        if region.kind != "group":
            continue
        for m in _OWNER.finditer(text, region.start, region.end):
            words = m.group("v").split()
            titled = bool(words) and words[0].casefold().rstrip(".") in TITLES
            names = words[1:] if titled else words
            if not 1 <= len(names) <= 3:
                continue
            if all(_word_ok(w, titled) for w in names):
                out.append(m.span("v"))
    return out


def owner_findings(message_id: MessageId, text: str, regions: Sequence[Region]) -> list[Finding]:
    """PERSON findings for the names of `owner_spans`."""
    return [
        Finding(message_id, ProposalField.TEXT, a, b, text[a:b], "PERSON", 0.6, RECOGNIZER, NOTE)
        for a, b in owner_spans(text, regions)
    ]
