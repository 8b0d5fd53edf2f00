"""Names the rules vouch for, kept when the model guessed the very same span (issue 15).

Presidio keeps one result where two recognisers return the same span, the higher-scored: the
model's. The model's guesses then go through checks meant for guesses ("sarge" alone is a
post, "Selam" is also a Turkish greeting, a span with a digit is a reference), and a name a
rule had found on its own grounds ("daughter Selam staying", "nobby from building control
rang", "WO2 Pritchard", "JW said") was lost only because the model had found it too. So where a
rule of the name recognisers below returns exactly the model's span (or a rank or titled name inside
it, `address_forms.ruled_name`), the span is kept as the rule would have kept it.
"""

from __future__ import annotations

from functools import lru_cache

from sar_desk.detect.recognizers.address_forms import ruled_name
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.loose_initials import LooseInitialsRecognizer
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer
from sar_desk.detect.recognizers.pet_names import NicknameListRecognizer
from sar_desk.detect.recognizers.script_names import ScriptNameRecognizer


@lru_cache(maxsize=1)
def _recognizers() -> tuple[RuleRecognizer, ...]:
    # a name in another script ("Ξανθή Λάμπρου left") is the model's span and the rule's too
    return (
        NicknameRecognizer(),
        NicknameListRecognizer(),
        LooseInitialsRecognizer(),
        ScriptNameRecognizer(),
    )


@lru_cache(maxsize=4096)
def _rule_spans(text: str) -> frozenset[tuple[int, int]]:
    """Every PERSON span the nickname and script-name rules find in `text`."""
    return frozenset(
        (s, e)
        for recognizer in _recognizers()
        for s, e, entity, *_rest in recognizer.noted_spans(text)
        if entity == "PERSON"
    )


def vouched_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of a model's PERSON span that a name rule found too, or None."""
    part = ruled_name(text, start, end)
    if part is not None:
        return part
    return (start, end) if (start, end) in _rule_spans(text) else None
