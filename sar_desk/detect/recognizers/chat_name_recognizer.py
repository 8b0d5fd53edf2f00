"""Names as chat addresses them: "hi sam", "thanks Priya", "cc dave", "@jo.smith".

The small spaCy model finds only a fifth of lower-case first names (presidio.md §6.2), but chat
names people in a few set ways: greetings, thanks, "cc"/"ping"/"ask"/"tell", and @mentions.
Words that are not names ("hi all", "tell them", "hiya gorgeous") are refused by
`looks_like_name` and the dictionary (`detect.lexical`).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.lexical import word_not_name
from sar_desk.detect.recognizers.base import Rule, RuleRecognizer
from sar_desk.detect.recognizers.marked_names import TONED, TONED_NAME
from sar_desk.detect.recognizers.placed_names import (
    NAME_BEFORE_ADDRESS,
    SUBJECT_FROM,
    address_name_ok,
    subject_ok,
)
from sar_desk.detect.recognizers.titled_names import (
    PATRONYMIC,
    PATRONYMIC_GATE,
    TITLED,
    TITLED_GATE,
    patronymic_ok,
    titled_name_ok,
)
from sar_desk.detect.words import is_not_a_name, looks_like_name
from sar_desk.detect.world_greetings import GREETING_OPENER

# Spaces, not \s: a name never runs across a line break ("morning siobhan\nStuart ...").
_NAME = r"(?P<v>[A-Za-z][a-z'’\-]{1,20}(?:[ \t]+[A-Z][a-z'’\-]{1,25})?)"
_GREETING = (
    r"(?:hi|hey|hiya|hello|morning|afternoon|evening|thanks|thank\s+you|thx|cheers|ta|bye|night)"
)
_ADDRESSING = r"(?:cc|ping|ask|tell|message|msg|dm|remind|chase|phone|ring)"
# Nicknames built on a name: "ask big deb", "tell little jo", "ping young sam".
_NICK = r"(?:(?i:big|little|lil|young|old)[ \t]+)?"


def _name_ok(value: str) -> bool:
    # A dictionary word no name list has is how chat addresses a group or a thing, in any
    # case: "hiya gorgeous", "Morning Sunshine", "ring asking".
    parts = value.split()
    if re.split(r"['’]", parts[0])[0].casefold() in STOP_WORDS:
        return False  # "hiya it's ...", "thanks that's ...": a contraction, not a name
    return all(
        looks_like_name(part) and not word_not_name(part) for part in parts
    ) and not is_not_a_name(value)


class ChatNameRecognizer(RuleRecognizer):
    """Greetings, thanks, addressing verbs and @mentions followed by a name."""

    ENTITIES = ("PERSON",)
    RULES = (
        # Only the cue word is case-insensitive: a surname must still be capitalised.
        Rule(
            "greeting",
            re.compile(rf"(?:^|(?<=[.!?,;]\s))\s*(?i:{_GREETING})[ \t]+{_NAME}\b", re.MULTILINE),
            0.45,
            validate=_name_ok,
        ),
        # A one-word greeting of another language opening the message, then the name and a
        # mark: "Talofa Evert!", "Barev Eka, ..." (`world_greetings`).
        Rule(
            "world-greeting",
            re.compile(
                rf"(?:^|(?<=[.!?;]\s))[ \t]*(?i:{GREETING_OPENER})[ \t]+{_NAME}(?=[ \t]*[!,])",
                re.MULTILINE,
            ),
            0.45,
            validate=_name_ok,
        ),
        Rule(
            "addressing",
            re.compile(rf"\b(?i:{_ADDRESSING})[ \t]+{_NICK}{_NAME}\b"),
            0.4,
            validate=_name_ok,
        ),
        # A message that opens by calling someone, then turns to "you": "Thornber, you said
        # you'd sort it", "okafor, can you ring me". Only a word no dictionary has passes.
        Rule(
            "vocative",
            re.compile(
                r"^[ \t]*(?P<v>[A-Za-z][a-z'’\-]{2,20}),[ \t]+"
                r"(?i:(?:can|could|would|will|did)[ \t]+)?(?i:you|u)\b",
                re.MULTILINE,
            ),
            0.4,
            validate=_name_ok,
        ),
        # A title or rank in any case, then a family name (see `titled_names`).
        Rule("titled", TITLED, 0.6, validate=titled_name_ok, needs=TITLED_GATE),
        Rule("patronymic", PATRONYMIC, 0.6, validate=patronymic_ok, needs=PATRONYMIC_GATE),
        # A lone word in Vietnamese spelling in English text (see `marked_names`).
        Rule("vietnamese", TONED_NAME, 0.5, needs=TONED),
        # Unlisted names placed by English structure (see `placed_names`).
        Rule("subject-from", SUBJECT_FROM, 0.5, validate=subject_ok),
        Rule("address-name", NAME_BEFORE_ADDRESS, 0.5, validate=address_name_ok),
        # Slack's and Teams' broadcast mentions (@here, @channel, @everyone) name nobody.
        Rule(
            "mention",
            re.compile(
                r"(?<![\w.@])@(?!(?:here|channel|everyone|all|team)\b)"
                r"(?P<v>[A-Za-z][\w.\-]{1,30}[A-Za-z0-9])"
            ),
            0.6,
        ),
    )
