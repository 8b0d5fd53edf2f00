"""Issue 13 acceptance: a held-out SAR through the README workflow gives a lawful pack.

The export (tests/data/heldout/) was written by hand for this test, not by any generator in
the repository: the requester gives their own address and NHS number and their mobile in
their own messages; staff mention a third party's name, address, postcode, mobile and NHS
number. Import, detect, ``accept --all --code default``, approval by a second user, DPO
sign-off and export must give a pack that shows all of the requester's data and the ordinary
words verbatim, and none of the third party's (UK GDPR Art. 15; DPA 2018 Sch 2 Pt 3 para 16).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.cli.main import cli
from sar_desk.export.extract import file_pieces

CHAT = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "heldout"
    / ("WhatsApp Chat with Damp repairs.txt")
)
REQUESTERS = ("27 Quarry Bank", "HX3 9QP", "612 098 4453", "07700 900777", "Robin")
ORDINARY = (
    "Hello, I'm chasing the damp repair again.",
    "here it is on the list. The surveyor visits on Thursday morning.",
    "on the rota for a call back this week.",
    "Please keep the hallway clear.",
)
THIRD_PARTY = ("Glenda", "Pike", "4 Tanners Row", "HX3 2LB", "07700 900321", "720 455 3187")


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.nlp
def test_readme_workflow_on_a_held_out_sar(tmp_path: Path) -> None:
    case, out = str(tmp_path / "case"), tmp_path / "bundle"
    run("case", "new", case, "--regime", "sar", "--reference", "SAR-HELD-1",
        "--received", "2026-05-05", "--requester", "Robin Ashby",
        "--alias", "+44 7700 900777", "--as", "officer")  # fmt: skip
    run("import", case, str(CHAT), "--as", "officer")
    run("scope", "mark", case, "--search", "--from", "2026-01-01",
        "--as", "about-requester", "--user", "officer")  # fmt: skip
    run("detect", case, "--scope", "in-scope")
    proposals = [json.loads(x) for x in run("review", case, "list", "--json").splitlines()]
    proposed = " | ".join(p["text"] for p in proposals)
    for own in REQUESTERS:  # the requester's own data is never proposed
        assert own not in proposed
    accepted = run("review", case, "accept", "--all", "--yes", "--code", "default",
                   "--reason", "Third-party data; no consent", "--as", "officer")  # fmt: skip
    assert "left undecided" not in accepted
    run("users", case, "add", "reviewer", "--role", "reviewer", "--as", "officer")
    run("review", case, "approve", "--all-accepted", "--yes", "--as", "reviewer")
    run("users", case, "add", "dpo", "--role", "dpo", "--as", "officer")
    run("review", case, "sign-off", "--note", "Checked the redactions", "--as", "dpo")
    run("export", case, str(out), "--as", "officer")
    assert json.loads(run("verify", str(out), "--json"))["ok"] is True
    for path in sorted((out / "pack").rglob("*")):
        if not path.is_file():
            continue
        text = " ".join(" ".join(t for _w, t in file_pieces(path)).split())
        for own in (*REQUESTERS, *ORDINARY):
            assert own in text, (path.name, own)
        for theirs in THIRD_PARTY:
            assert theirs not in text, (path.name, theirs)
