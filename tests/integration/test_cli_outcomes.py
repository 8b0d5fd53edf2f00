"""FOI-type outcomes from the command line: not held, NCND, whole-request refusals.

Sources: FOIA 2000 s.1(1)(a), s.12, s.16, s.17 and s.40(5B); EIR 2004 reg 12(4)(b) and 14;
FOISA 2002 s.16, s.17 and s.20; domain.md §6.2 and corrections (2026-12-05). Each export is
made with no disclosure set at all: an empty set must not block these answers.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from sar_desk.cli.main import cli


def run(*args: str, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.stderr
    return result.stdout, result.stderr


def new(folder: Path, regime: str = "foi") -> None:
    run("case", "new", str(folder), "--regime", regime, "--reference", "REQ-1",
        "--received", "2026-06-01", "--requester", "Pat Example")  # fmt: skip


def letter_text(out: Path) -> str:
    pdf = next((out / "pack").glob("*.pdf"))
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())


def test_foia_not_held_letter_says_so_and_keeps_review_and_ico_rights(tmp_path: Path) -> None:
    """FOIA s.1(1)(a): the answer is that the information is not held, with the reason."""
    case = tmp_path / "c"
    new(case)
    run("case", "outcome", str(case), "--not-held",
        "--reason", "No chat about the depot contract exists in any system searched")  # fmt: skip
    run("export", str(case), str(tmp_path / "out"))
    text = letter_text(tmp_path / "out")
    assert (
        "We do not hold the information you asked for (section 1(1)(a) of the Freedom of "
        "Information Act 2000). No chat about the depot contract exists in any system searched."
    ) in text
    assert "We confirm that we hold" not in text
    assert "internal review within 40 working days" in text
    assert "Information Commissioner's Office" in text


def test_foia_s12_refusal_is_a_s17_notice_with_s16_advice(tmp_path: Path) -> None:
    """FOIA s.17 notice for a s.12 refusal: provision, why it applies here, s.16 advice."""
    case = tmp_path / "c"
    new(case)
    reason = "Locating every message would take about 40 hours across 12 custodians"
    run("case", "outcome", str(case), "--refuse", "--code", "FOI-S12", "--reason", reason)
    run("export", str(case), str(tmp_path / "out"))
    text = letter_text(tmp_path / "out")
    assert "We are refusing your request under FOIA 2000 s.12" in text
    assert "This is a refusal notice under section 17 of the Freedom of Information Act 2000." in (
        text
    )
    assert f"Why it applies in this case: {reason}." in text
    assert "Advice and assistance (section 16):" in text
    assert "internal review within 40 working days" in text
    assert "We confirm that we hold" not in text


def test_ncnd_under_s40_needs_the_legitimate_interests_test(tmp_path: Path) -> None:
    """FOIA s.40(5B): NCND for third-party data, explained with purpose, necessity, balance."""
    case = tmp_path / "c"
    new(case)
    run("case", "outcome", str(case), "--ncnd", "--code", "FOI-40-2",
        "--reason", "Confirming would reveal whether a named officer was disciplined")  # fmt: skip
    _, err = run("export", str(case), str(tmp_path / "blocked"), code=1)
    assert "legitimate-interests test" in err
    run("review", str(case), "legitimate-interests", "--code", "FOI-40-2",
        "--purpose", "accountability for how complaints are handled",
        "--necessity", "the general complaint statistics already meet it",
        "--balance", "the officer would reasonably expect privacy")  # fmt: skip
    run("export", str(case), str(tmp_path / "out"))
    text = letter_text(tmp_path / "out")
    assert "We can neither confirm nor deny whether we hold" in text
    assert "We rely on s.40(5B)" in text
    assert "Legitimate interests test: the legitimate interest in disclosure, accountability" in (
        text
    )
    assert "Whether disclosure is necessary: the general complaint statistics" in text


def test_foisa_not_held_is_a_s17_notice_with_review_and_sic(tmp_path: Path) -> None:
    """FOISA s.17 notice; review under s.20; appeal to the Scottish Information Commissioner."""
    case = tmp_path / "c"
    new(case, "foisa")
    run("case", "outcome", str(case), "--not-held", "--reason", "No such messages exist")
    run("export", str(case), str(tmp_path / "out"))
    text = letter_text(tmp_path / "out")
    assert "Under section 17 of the Freedom of Information (Scotland) Act 2002" in text
    assert "section 20 of the Freedom of Information (Scotland) Act 2002" in text
    assert "Scottish Information Commissioner" in text
    assert "Information Commissioner's Office" not in text


def test_eir_manifestly_unreasonable_refusal_needs_its_public_interest_test(
    tmp_path: Path,
) -> None:
    """EIR reg 12(1)(b): reg 12(4)(b) is subject to the public interest test."""
    case = tmp_path / "c"
    new(case, "eir")
    run("case", "outcome", str(case), "--refuse", "--code", "EIR-12-4-B",
        "--reason", "The request would divert the whole team for weeks")  # fmt: skip
    _, err = run("export", str(case), str(tmp_path / "out"), code=1)
    assert "public interest test" in err


def test_wrong_outcomes_are_refused_in_domain_words(tmp_path: Path) -> None:
    case = tmp_path / "c"
    new(case)
    _, err = run("case", "outcome", str(case), "--ncnd", "--code", "FOI-21",
                 "--reason", "x", code=1)  # fmt: skip
    assert "no neither-confirm-nor-deny provision" in err
    _, err = run("case", "outcome", str(case), "--refuse", "--code", "FOI-NCND",
                 "--reason", "x", code=1)  # fmt: skip
    assert "is not a refusal" in err
    sar = tmp_path / "s"
    run("case", "new", str(sar), "--regime", "sar", "--reference", "S", "--received", "2026-06-01")
    _, err = run("case", "outcome", str(sar), "--not-held", "--reason", "x", code=1)
    assert "subject access request is answered by its bundle" in err
