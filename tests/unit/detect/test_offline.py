"""Detection's libraries stay off the network: spaCy's command line is never loaded (spd13)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from sar_desk.detect.recognizers.gated_recognizers import GatedUrlRecognizer

ROOT = Path(__file__).resolve().parents[3]

# Run in a fresh interpreter: whether the stand-in applies depends on what was imported first.
_PROBE = """
import json, sys
{first}
import spacy
out = {{"cli_modules": sorted(m for m in ("weasel", "typer", "spacy.cli.init_config")
                              if m in sys.modules)}}
out["stand_in"] = (spacy.cli.__doc__ or "").startswith("SAR Desk's stand-in")
if out["stand_in"]:  # never call the real one: it would go to the network
    try:
        spacy.cli.download("en_core_web_lg")
    except OSError as exc:
        out["download"] = type(exc).__name__ + ": " + str(exc)
try:
    import spacy.cli.train  # noqa: F401
    out["train"] = "imported"
except ImportError:
    out["train"] = "missing"
print(json.dumps(out))
"""


def _probe(first: str) -> dict[str, object]:
    code = _PROBE.format(first=first)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_spacy_command_line_is_replaced_and_a_download_is_refused() -> None:
    out = _probe("import sar_desk.detect")
    assert out["cli_modules"] == []  # nothing of spaCy's command line was imported
    assert out["stand_in"] is True
    assert str(out["download"]).startswith("SpacyCliUnavailable: A language model was about")
    assert "never downloads" in str(out["download"])
    assert out["train"] == "missing"


def test_a_process_that_imported_spacy_first_keeps_the_real_command_line() -> None:
    # The training script imports spaCy before SAR Desk and needs the real package.
    out = _probe("import spacy; import sar_desk.detect")
    assert "spacy.cli.init_config" in out["cli_modules"]  # type: ignore[operator]
    assert out["stand_in"] is False
    assert out["train"] == "imported"


@pytest.mark.parametrize(
    "text",
    [
        "see www.example.org for details",
        "HTTPS://Docs.Example.CO.UK/path?x=1 and http://a.io",
        "first line\nexample.com/a\n'www.test.net/b' \"http://quoted.org\"",
        "no link here. Just.words",
        "MIXED.Case.ORG and sub.domain.gov.uk/page#top",
    ],
)
def test_url_recogniser_without_flags_finds_what_presidios_finds(text: str) -> None:
    # GatedUrlRecognizer compiles with no registry flags (a cache hit); the patterns carry
    # their own (?i), so the matches must equal Presidio's recogniser with its default flags.
    ours = GatedUrlRecognizer().analyze(text, ["URL"])
    theirs = UrlRecognizer().analyze(text, ["URL"])
    assert [(r.start, r.end, r.score) for r in ours] == [(r.start, r.end, r.score) for r in theirs]
    assert GatedUrlRecognizer().global_regex_flags == 0
