"""Cues that name a passport number or a NINO: abbreviations, agencies, cues after the value."""

from __future__ import annotations

import re

import pytest

from sar_desk.detect.recognizers.id_cues import NINO_CUE, PASSPORT_CUE, PPT_CUE
from sar_desk.detect.recognizers.uk_id_recognizer import (
    NinoCueRecognizer,
    PassportNumberRecognizer,
)


def values(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in recognizer.spans(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ppt 402117936", ["402117936"]),
        ("PPT no: 551 203 874 (exp 03/29)", ["551 203 874"]),
        ("copy of ppt#318004512 on the tenancy file", ["318004512"]),
        ("pp # 640913382 seen by Odile", ["640913382"]),
        # A cue ending in a mark may touch the number (a rota's "PP#" column).
        ("PP#551203874 — Wenna Trist — checked", ["551203874"]),
        ("pp no.402117936 on file", ["402117936"]),
        ("pp:318004512", ["318004512"]),
        ("app#318004512 build", []),  # "pp" inside a word is no cue
        ("travel document no. 772015641, refugee status", ["772015641"]),
        ("her travel doc 772 015 641", ["772 015 641"]),
        ("trvael doc no: 209184736, holder Ines", ["209184736"]),  # a slip in "travel"
        # "pass. no." with a dot after "pass", and not after a kind of pass.
        ("pass. no. 640913382 — Odile Brandt — exp 2030", ["640913382"]),
        ("bus pass. no. 640913382 renewed", []),
        # "Passport" in a traveller's own language, with a slip or two.
        ("Oskar Brandt — Reisepass Nr. 318004512 (exchange visit)", ["318004512"]),
        ("riesepass nr 318004512", ["318004512"]),
        ("passeport n° 551203874 pour Amélie", ["551203874"]),
        ("pasaporte número 402117936", ["402117936"]),
        ("paszport nr 772015641", ["772015641"]),
        ("repass 318004512 on the till", []),  # no cue word
        # "ppt" is also a slide deck: only directly before the number is it a passport cue.
        ("updated the ppt, slide 12 now shows 402117936 visits", []),
        ("the ppt has 14 slides", []),
        ("ppt 4021179360", []),  # ten digits: something else
    ],
)
def test_passport_cues_in_short_forms(text: str, expected: list[str]) -> None:
    assert values(PassportNumberRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("n.ins bg234962a", ["bg234962a"]),
        ("N. Ins: PR 66 01 45 D", ["PR 66 01 45 D"]),
        ("DWP have him as TN771304B on the claim", ["TN771304B"]),
        ("she gave ZZ480113C, which hmrc say is not hers", ["ZZ480113C"]),
        ("he read out gb091733a over the phone, doesnt match dwp", ["gb091733a"]),
        # No cue: a code of the same shape stays unproposed unless its prefix is issued
        # (Presidio's own recogniser).
        ("ref TN311258A", []),
        ("the parcel label said QQ120044A and was for next door", []),
    ],
)
def test_nino_cues_abbreviated_or_an_agency(text: str, expected: list[str]) -> None:
    assert values(NinoCueRecognizer(), text) == expected


def test_an_unissued_prefix_is_flagged_in_the_note() -> None:
    notes = [n for *_span, n in NinoCueRecognizer().noted_spans("DWP hold him as GB091733A")]
    assert len(notes) == 1
    assert "'GB' is never issued" in notes[0]
    issued = [n for *_span, n in NinoCueRecognizer().noted_spans("DWP hold him as JK091733A")]
    assert "never issued" not in issued[0]


@pytest.mark.parametrize(
    ("cue", "text", "found"),
    [
        (PASSPORT_CUE, "her passprot", True),
        (PASSPORT_CUE, "passenger list", False),
        (PASSPORT_CUE, "travel documents", True),
        (PPT_CUE, "ppt: ", True),
        (PPT_CUE, "pptx", False),
        (NINO_CUE, "N.Ins", True),
        (NINO_CUE, "the DWP", True),
        (NINO_CUE, "UNI", False),
        (NINO_CUE, "dwpension", False),
    ],
)
def test_cue_fragments(cue: str, text: str, found: bool) -> None:
    assert bool(re.search(cue, text)) is found
