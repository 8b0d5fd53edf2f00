"""R31/R32/R53 from the command line, ending in an FOI bundle whose refusal notice has the PIT."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.cli.main import cli
from sar_desk.export.extract import file_pieces

SAMPLE = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "importers"
    / "whatsapp"
    / ("WhatsApp Chat with Repairs Group.txt")
)
THIRD = "Priya Shah"
FOR = "Openness about how the council lets repair contracts"
AGAINST = "Disclosure now would weaken the council's position in a live tender"
CONCLUSION = "The balance favours withholding until the tender closes"


def run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def foi_case(tmp_path: Path) -> Path:
    """An FOI case with the WhatsApp sample, a reviewer and a DPO, in scope and searched."""
    if not SAMPLE.exists():
        pytest.skip("WhatsApp sample not present")
    case = tmp_path / "case"
    run(
        "case", "new", str(case), "--regime", "foi", "--reference", "FOI-INT-1",
        "--received", "2026-05-05", "--requester", "Casey Jordan", "--as", "officer",
    )  # fmt: skip
    run("users", str(case), "add", "reviewer", "--role", "reviewer", "--as", "officer")
    run("users", str(case), "add", "dpo", "--role", "dpo", "--as", "officer")
    run("import", str(case), str(SAMPLE), "--as", "officer")
    run(
        "scope", "mark", str(case), "--search", "--from", "2020-01-01",
        "--as", "about-requester", "--user", "officer",
    )  # fmt: skip
    run("search", str(case), "--from", "2026-03-01", "--to", "2026-04-30")
    return case


def _redact_third_party(case: Path, code: str) -> int:
    hits = [
        json.loads(line)
        for line in run("search", str(case), "--json", "--limit", "500").splitlines()
        if line.strip()
    ]
    redacted = 0
    for hit in hits:
        start = (hit["text"] or "").find(THIRD)
        if start >= 0:
            run(
                "review", str(case), "redact", "--message", str(hit["id"]),
                "--start", str(start), "--end", str(start + len(THIRD)),
                "--code", code, "--reason", "Named contractor in a live tender", "--as", "officer",
            )  # fmt: skip
            redacted += 1
    return redacted


def _decide_places(case: Path) -> None:
    # The name is also a sender: the safety net never redacts it there by itself (issue 13).
    run("review", str(case), "places", "--redact", "--as", "officer")
    run("review", str(case), "approve", "--all-accepted", "--yes", "--as", "reviewer")


def test_foi_refusal_notice_carries_the_recorded_public_interest_test(
    foi_case: Path, tmp_path: Path
) -> None:
    assert _redact_third_party(foi_case, "FOI-43") >= 2
    refused = CliRunner().invoke(
        cli, ["review", str(foi_case), "approve", "--all-accepted", "--yes", "--as", "reviewer"]
    )
    assert refused.exit_code != 0
    assert "s.43 is a qualified exemption: record the public interest test first" in (
        refused.output
    )
    run(
        "review", str(foi_case), "pit", "--code", "FOI-43", "--for", FOR,
        "--against", AGAINST, "--conclusion", CONCLUSION, "--as", "officer",
    )  # fmt: skip
    listed = [json.loads(x) for x in run("review", str(foi_case), "pits", "--json").splitlines()]
    assert listed[0]["code"] == "FOI-43"
    assert listed[0]["conclusion"] == CONCLUSION
    run("review", str(foi_case), "approve", "--all-accepted", "--yes", "--as", "reviewer")
    _decide_places(foi_case)
    run("review", str(foi_case), "sign-off", "--note", "PIT checked", "--as", "dpo")
    out = tmp_path / "bundle"
    run(
        "export", str(foi_case), str(out), "--as", "dpo",
        "--without-detection", "Every message was read in full by the reviewer",
    )  # fmt: skip
    html = next((out / "pack").glob("*.html"))
    text = " ".join(" ".join(t for _w, t in file_pieces(html)).split())
    assert "Public interest test: in favour of disclosure, " + FOR + "." in text
    assert "In favour of maintaining the exemption, " + AGAINST + "." in text
    assert "Conclusion: " + CONCLUSION + "." in text
    # The redaction rationale is the case reason (why it applies), not the public interest
    # reason (issue 13: the notice says why the exemption applies in this case).
    assert "Public interest test: Named contractor" not in text
    assert "Why it applies in this case: Named contractor in a live tender." in text
    pdf = next((out / "pack").glob("*.pdf"))
    assert CONCLUSION in " ".join(" ".join(t for _w, t in file_pieces(pdf)).split())


def test_s36_refused_until_qualified_person_is_recorded_then_in_the_letter(
    foi_case: Path, tmp_path: Path
) -> None:
    assert _redact_third_party(foi_case, "FOI-36") >= 2
    run(
        "review", str(foi_case), "pit", "--code", "FOI-36", "--for", FOR,
        "--against", AGAINST, "--conclusion", CONCLUSION, "--as", "officer",
    )  # fmt: skip
    refused = CliRunner().invoke(
        cli, ["review", str(foi_case), "approve", "--all-accepted", "--yes", "--as", "reviewer"]
    )
    assert refused.exit_code != 0
    assert "qualified person's reasonable opinion" in refused.output
    run(
        "review", str(foi_case), "qualified-person", "--name", "the Chief Executive",
        "--date", "2026-05-12", "--opinion", "Disclosure would inhibit free and frank advice.",
        "--as", "officer",
    )  # fmt: skip
    run("review", str(foi_case), "approve", "--all-accepted", "--yes", "--as", "reviewer")
    _decide_places(foi_case)
    run("review", str(foi_case), "sign-off", "--note", "s.36 opinion checked", "--as", "dpo")
    out = tmp_path / "bundle"
    run(
        "export", str(foi_case), str(out), "--as", "dpo",
        "--without-detection", "Every message was read in full by the reviewer",
    )  # fmt: skip
    html = next((out / "pack").glob("*.html"))
    text = " ".join(" ".join(t for _w, t in file_pieces(html)).split())
    assert (
        "In the reasonable opinion of the qualified person, the Chief Executive, given on "
        "12 May 2026, the exemption is engaged: Disclosure would inhibit free and frank advice."
    ) in text


def test_qa_sampling_from_the_command_line(foi_case: Path) -> None:
    assert _redact_third_party(foi_case, "FOI-40-2") >= 2
    run(
        "review",
        str(foi_case),
        "qa",
        "--mode",
        "sample",
        "--percent",
        "50",
        "--seed",
        "11",
        "--as",
        "officer",
    )
    assert "seed 11" in run("review", str(foi_case), "qa")
    drawn = json.loads(
        run(
            "review", str(foi_case), "sample", "--proposer", "officer", "--json", "--as", "reviewer"
        )
    )
    assert drawn["seed"] == 11
    assert len(drawn["items"]) == -(-len(drawn["population"]) // 2)
    early = CliRunner().invoke(
        cli,
        [
            "review",
            str(foi_case),
            "approve",
            "--sample",
            "--proposer",
            "officer",
            "--as",
            "reviewer",
        ],
    )
    assert early.exit_code != 0
    assert "not checked yet" in early.output
    run("review", str(foi_case), "approve", *map(str, drawn["items"]), "--as", "reviewer")
    done = run(
        "review", str(foi_case), "approve", "--sample", "--proposer", "officer", "--as", "reviewer"
    )
    assert f"QA sample {drawn['sample']} passed" in done
    items = [json.loads(x) for x in run("review", str(foi_case), "list", "--json").splitlines()]
    rest = [i for i in items if i["id"] in drawn["population"] and i["id"] not in drawn["items"]]
    assert rest
    assert all(i["status"] == "approved" for i in rest)
    assert all("seed 11" in i["note"] for i in rest)
