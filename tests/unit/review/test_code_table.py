"""Every reason code's statutory reference and absolute/qualified status, checked against a list.

Each row: (code, reference, status, where the status comes from). Statuses: "absolute" (no
public interest test), "qualified" (a recorded public interest test is needed), "procedural"
(a request-level ground with no PIT), "disclose" (a reason to disclose, never to redact), and
"no PIT" (UK GDPR / DPA 2018 exemptions, which have no public interest test).

Sources: FOIA 2000 s.2(2)(b) and s.2(3) (s.2(3)(ea): s.37(1)(a)-(ab) absolute); EIR 2004 reg
12(1)(b), 12(6), 12(9) and 13(1)(b); FOISA 2002 s.2(1)(b) and s.2(2); EISR 2004 reg 10(1)(b),
10(6) and 11; DPA 2018 Sch 2 Pt 2 paras 13-15 (X v The Transcription Agency [2023] EWHC 1092
(KB) for para 14), Pt 4 para 20; UK GDPR Art 12(5). domain.md §3 and corrections (2026-12-05).
"""

from __future__ import annotations

from sar_desk.app.reviewing import bundled_code_table
from sar_desk.review.codes import CodeUse

EXPECTED = [
    (
        "SAR-3P",
        "DPA 2018 Sch 2 Pt 3 para 16 (and UK GDPR Art 15(4))",
        "no PIT",
        "DPA 2018 Sch 2 Pt 3 para 16",
    ),
    ("SAR-3P-PRO", "DPA 2018 Sch 2 Pt 3 para 17", "disclose", "DPA 2018 Sch 2 Pt 3 para 17"),
    ("SAR-CRIME", "DPA 2018 Sch 2 Pt 1 para 2", "no PIT", "DPA 2018 Sch 2 Pt 1 para 2"),
    ("SAR-CRIME-RISK", "DPA 2018 Sch 2 Pt 1 para 3", "no PIT", "DPA 2018 Sch 2 Pt 1 para 3"),
    ("SAR-IMMIG", "DPA 2018 Sch 2 Pt 1 para 4", "no PIT", "DPA 2018 Sch 2 Pt 1 para 4"),
    ("SAR-PROTECT", "DPA 2018 Sch 2 Pt 2 para 7", "no PIT", "DPA 2018 Sch 2 Pt 2 para 7"),
    (
        "SAR-REGULATORY",
        "DPA 2018 Sch 2 Pt 2 paras 8-11",
        "no PIT",
        "DPA 2018 Sch 2 Pt 2 paras 8-11",
    ),
    ("SAR-PARLIAMENT", "DPA 2018 Sch 2 Pt 2 para 13", "no PIT", "DPA 2018 Sch 2 Pt 2 para 13"),
    ("SAR-JUDICIAL", "DPA 2018 Sch 2 Pt 2 para 14", "no PIT", "DPA 2018 Sch 2 Pt 2 para 14"),
    ("SAR-HONOURS", "DPA 2018 Sch 2 Pt 2 para 15", "no PIT", "DPA 2018 Sch 2 Pt 2 para 15"),
    ("SAR-LPP", "DPA 2018 Sch 2 Pt 4 para 19", "no PIT", "DPA 2018 Sch 2 Pt 4 para 19"),
    ("SAR-SELFINC", "DPA 2018 Sch 2 Pt 4 para 20", "no PIT", "DPA 2018 Sch 2 Pt 4 para 20"),
    ("SAR-CORPFIN", "DPA 2018 Sch 2 Pt 4 para 21", "no PIT", "DPA 2018 Sch 2 Pt 4 para 21"),
    ("SAR-MGMT", "DPA 2018 Sch 2 Pt 4 para 22", "no PIT", "DPA 2018 Sch 2 Pt 4 para 22"),
    ("SAR-NEGOT", "DPA 2018 Sch 2 Pt 4 para 23", "no PIT", "DPA 2018 Sch 2 Pt 4 para 23"),
    ("SAR-REF", "DPA 2018 Sch 2 Pt 4 para 24", "no PIT", "DPA 2018 Sch 2 Pt 4 para 24"),
    ("SAR-EXAM", "DPA 2018 Sch 2 Pt 4 para 25", "no PIT", "DPA 2018 Sch 2 Pt 4 para 25"),
    ("SAR-JOURN", "DPA 2018 Sch 2 Pt 5 para 26", "no PIT", "DPA 2018 Sch 2 Pt 5 para 26"),
    ("SAR-RESEARCH", "DPA 2018 Sch 2 Pt 6 para 27", "no PIT", "DPA 2018 Sch 2 Pt 6 para 27"),
    ("SAR-ARCHIVE", "DPA 2018 Sch 2 Pt 6 para 28", "no PIT", "DPA 2018 Sch 2 Pt 6 para 28"),
    ("SAR-HEALTH", "DPA 2018 Sch 3 Pt 2", "no PIT", "DPA 2018 Sch 3 Pt 2"),
    ("SAR-SOCIAL", "DPA 2018 Sch 3 Pt 3", "no PIT", "DPA 2018 Sch 3 Pt 3"),
    ("SAR-EDU", "DPA 2018 Sch 3 Pt 4", "no PIT", "DPA 2018 Sch 3 Pt 4"),
    ("SAR-CHILDABUSE", "DPA 2018 Sch 3 Pt 5", "no PIT", "DPA 2018 Sch 3 Pt 5"),
    ("SAR-ENACT", "DPA 2018 Sch 4", "no PIT", "DPA 2018 Sch 4"),
    ("SAR-NATSEC", "DPA 2018 s.26", "no PIT", "DPA 2018 s.26"),
    ("SAR-MUE", "UK GDPR Art 12(5)", "no PIT", "UK GDPR Art 12(5)"),
    ("FOI-21", "FOIA 2000 s.21", "absolute", "FOIA s.2(3)"),
    ("FOI-22", "FOIA 2000 s.22", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-22A", "FOIA 2000 s.22A", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-23", "FOIA 2000 s.23", "absolute", "FOIA s.2(3)"),
    ("FOI-24", "FOIA 2000 s.24", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-26", "FOIA 2000 s.26", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-27", "FOIA 2000 s.27", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-28", "FOIA 2000 s.28", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-29", "FOIA 2000 s.29", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-30", "FOIA 2000 s.30", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-31", "FOIA 2000 s.31", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-32", "FOIA 2000 s.32", "absolute", "FOIA s.2(3)"),
    ("FOI-33", "FOIA 2000 s.33", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-34", "FOIA 2000 s.34", "absolute", "FOIA s.2(3)"),
    ("FOI-35", "FOIA 2000 s.35", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-36", "FOIA 2000 s.36", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-37-1-A", "FOIA 2000 s.37(1)(a)-(ab)", "absolute", "FOIA s.2(3)"),
    ("FOI-37", "FOIA 2000 s.37(1)(ac), (ad) and (b)", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-38", "FOIA 2000 s.38", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-39", "FOIA 2000 s.39", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-40-1", "FOIA 2000 s.40(1)", "absolute", "FOIA s.2(3)"),
    ("FOI-40-2", "FOIA 2000 s.40(2) (s.40(3A)(a))", "absolute", "FOIA s.2(3)"),
    ("FOI-40-3B", "FOIA 2000 s.40(2) (s.40(3B))", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-40-4A", "FOIA 2000 s.40(2) (s.40(4A))", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-41", "FOIA 2000 s.41", "absolute", "FOIA s.2(3)"),
    ("FOI-42", "FOIA 2000 s.42", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-43", "FOIA 2000 s.43", "qualified", "FOIA s.2(2)(b)"),
    ("FOI-44", "FOIA 2000 s.44", "absolute", "FOIA s.2(3)"),
    (
        "FOI-S12",
        "FOIA 2000 s.12 (with s.16 advice and assistance)",
        "procedural",
        "FOIA s.12 (with s.16 advice and assistance)",
    ),
    ("FOI-S14", "FOIA 2000 s.14", "procedural", "FOIA s.14"),
    (
        "FOI-NCND",
        "FOIA 2000 s.2(1) / exemption-specific duty to confirm or deny",
        "procedural",
        "FOIA s.2(1) / exemption-specific duty to confirm or deny",
    ),
    ("EIR-5-3", "EIR 2004 reg 5(3)", "absolute", "EIR reg 12(3), 13(1)(a)"),
    (
        "EIR-13",
        "EIR 2004 reg 12(3) and reg 13(1)(a), (2A) (first condition)",
        "absolute",
        "EIR reg 12(3), 13(1)(a)",
    ),
    (
        "EIR-13-2B",
        "EIR 2004 reg 13(1)(b), (2B) (second condition)",
        "qualified",
        "EIR reg 12(1)(b)",
    ),
    ("EIR-13-3A", "EIR 2004 reg 13(1)(b), (3A) (third condition)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-4-A", "EIR 2004 reg 12(4)(a)", "procedural", "EIR reg 12(4)(a)"),
    ("EIR-12-4-B", "EIR 2004 reg 12(4)(b)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-4-C", "EIR 2004 reg 12(4)(c)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-6", "EIR 2004 reg 12(6)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-4-D", "EIR 2004 reg 12(4)(d)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-4-E", "EIR 2004 reg 12(4)(e)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-5-A", "EIR 2004 reg 12(5)(a)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-5-B", "EIR 2004 reg 12(5)(b)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-5-C", "EIR 2004 reg 12(5)(c)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-5-D", "EIR 2004 reg 12(5)(d)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-5-E", "EIR 2004 reg 12(5)(e)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-5-F", "EIR 2004 reg 12(5)(f)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-5-G", "EIR 2004 reg 12(5)(g)", "qualified", "EIR reg 12(1)(b)"),
    ("EIR-12-9", "EIR 2004 reg 12(9)", "disclose", "EIR reg 12(9)"),
    ("FOISA-25", "FOISA 2002 s.25", "absolute", "FOISA s.2(2)"),
    ("FOISA-26", "FOISA 2002 s.26", "absolute", "FOISA s.2(2)"),
    ("FOISA-27", "FOISA 2002 s.27", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-28", "FOISA 2002 s.28", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-29", "FOISA 2002 s.29", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-30", "FOISA 2002 s.30", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-31", "FOISA 2002 s.31", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-32", "FOISA 2002 s.32", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-33", "FOISA 2002 s.33", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-34", "FOISA 2002 s.34", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-35", "FOISA 2002 s.35", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-36-1", "FOISA 2002 s.36(1)", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-36-2", "FOISA 2002 s.36(2)", "absolute", "FOISA s.2(2)"),
    ("FOISA-37", "FOISA 2002 s.37", "absolute", "FOISA s.2(2)"),
    ("FOISA-38-1-A", "FOISA 2002 s.38(1)(a)", "absolute", "FOISA s.2(2)"),
    ("FOISA-38-1-B", "FOISA 2002 s.38(1)(b)", "absolute", "FOISA s.2(2)"),
    ("FOISA-39", "FOISA 2002 s.39", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-40", "FOISA 2002 s.40", "qualified", "FOISA s.2(1)(b)"),
    ("FOISA-41", "FOISA 2002 s.41", "qualified", "FOISA s.2(1)(b)"),
    ("EISR-11-1", "EISR 2004 reg 11(1)", "absolute", "EISR reg 11"),
    ("EISR-11-2", "EISR 2004 reg 11(2)", "absolute", "EISR reg 11"),
    ("EISR-10-4-A", "EISR 2004 reg 10(4)(a)", "procedural", "EISR reg 10(4)(a)"),
    ("EISR-10-4-B", "EISR 2004 reg 10(4)(b)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-4-C", "EISR 2004 reg 10(4)(c)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-4-D", "EISR 2004 reg 10(4)(d)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-4-E", "EISR 2004 reg 10(4)(e)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-5-A", "EISR 2004 reg 10(5)(a)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-5-B", "EISR 2004 reg 10(5)(b)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-5-C", "EISR 2004 reg 10(5)(c)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-5-D", "EISR 2004 reg 10(5)(d)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-5-E", "EISR 2004 reg 10(5)(e)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-5-F", "EISR 2004 reg 10(5)(f)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-5-G", "EISR 2004 reg 10(5)(g)", "qualified", "EISR reg 10(1)(b)"),
    ("EISR-10-6", "EISR 2004 reg 10(6)", "disclose", "EISR reg 10(6)"),
    ("EISR-10-8", "EISR 2004 reg 10(8)", "qualified", "EISR reg 10(1)(b)"),
    (
        "FOISA-12",
        "FOISA 2002 s.12 (with s.15 advice and assistance)",
        "procedural",
        "FOISA s.12 (with s.15 advice and assistance)",
    ),
    ("FOISA-14", "FOISA 2002 s.14", "procedural", "FOISA s.14"),
    ("FOISA-18", "FOISA 2002 s.18", "procedural", "FOISA s.18"),
]


def _status(code: str) -> str:
    table = bundled_code_table()
    found = table.codes[code]
    if table.uses[code] is CodeUse.DISCLOSE:
        return "disclose"
    if found.public_interest_test:
        return "qualified"
    if found.regime.value == "sar":
        return "no PIT"
    return "procedural" if found.kind == "procedural" else "absolute"


def test_every_code_matches_the_list_with_its_source() -> None:
    table = bundled_code_table()
    assert [row[0] for row in EXPECTED] == list(table.codes)
    for code, reference, status, source in EXPECTED:
        assert table.codes[code].reference == reference, code
        assert _status(code) == status, (code, source)
        assert table.codes[code].source.startswith("http"), code


def test_judicial_is_para_14_with_parliamentary_privilege_and_crown_honours_beside_it() -> None:
    """DPA 2018 Sch 2 Pt 2 para 13 (Parliament), 14 (judicial), 15 (Crown honours)."""
    codes = bundled_code_table().codes
    assert codes["SAR-JUDICIAL"].marker == "Sch 2 Pt 2 para 14"
    assert codes["SAR-PARLIAMENT"].title == "Parliamentary privilege"
    assert codes["SAR-HONOURS"].title.startswith("Crown honours")


def test_self_incrimination_is_not_worded_as_an_admission() -> None:
    """DPA 2018 Sch 2 Pt 4 para 20: exposure to proceedings for an offence."""
    summary = bundled_code_table().codes["SAR-SELFINC"].summary
    assert "expose us to proceedings for an offence" in summary
    assert "committed an offence" not in summary
    assert "not a statement that any offence was committed" in summary


def test_no_sar_code_cites_dpa_part_3() -> None:
    """UK GDPR SARs use DPA 2018 Part 2; s.53 and s.54 are Part 3 (law enforcement)."""
    for code in bundled_code_table().for_regime(bundled_code_table().codes["SAR-3P"].regime):
        assert "s.53" not in code.reference, code.code
        assert "s.54" not in code.reference, code.code


def test_s37_is_split_at_s2_3_ea() -> None:
    codes = bundled_code_table().codes
    assert not codes["FOI-37-1-A"].public_interest_test
    assert codes["FOI-37"].public_interest_test


def test_eir_reg_12_5_b_covers_legal_professional_privilege_and_12_9_bars_emissions() -> None:
    table = bundled_code_table()
    assert "legal professional privilege" in table.codes["EIR-12-5-B"].summary
    assert table.uses["EIR-12-9"] is CodeUse.DISCLOSE
    assert {"EIR-12-5-D", "EIR-12-5-E", "EIR-12-5-F", "EIR-12-5-G"} <= table.not_for_emissions
    assert not {"EIR-12-5-A", "EIR-12-5-B", "EIR-12-5-C"} & table.not_for_emissions


def test_reg_13_second_and_third_conditions_carry_a_public_interest_test() -> None:
    """EIR reg 13(1)(b): the second and third conditions are weighed in the public interest."""
    codes = bundled_code_table().codes
    assert not codes["EIR-13"].public_interest_test
    assert codes["EIR-13-2B"].public_interest_test
    assert codes["EIR-13-3A"].public_interest_test


def test_personal_data_codes_need_the_legitimate_interests_test() -> None:
    """ICO s.40 / reg 13 guidance: purpose, necessity and balance for third-party data."""
    assert bundled_code_table().legitimate_interests == frozenset(
        {"FOI-40-2", "EIR-13", "FOISA-38-1-B", "EISR-11-2"}
    )


def test_ncnd_provisions() -> None:
    """FOIA s.40(5B), s.30(3), s.31(3); EIR reg 12(6); FOISA s.18(1) (ss.28-35, 38, 39, 41)."""
    ncnd = bundled_code_table().ncnd
    assert ncnd["FOI-40-2"] == "s.40(5B)"
    assert ncnd["FOI-30"] == "s.30(3)"
    assert ncnd["FOI-31"] == "s.31(3)"
    assert ncnd["EIR-12-5-A"] == "reg 12(6)"
    assert ncnd["FOISA-38-1-B"] == "s.18(1)"
    assert "FOISA-25" not in ncnd  # s.18 does not extend to s.25
