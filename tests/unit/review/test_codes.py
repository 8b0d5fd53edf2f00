import pytest

from sar_desk.app.reviewing import bundled_code_table
from sar_desk.core.errors import BadInputError, NotFoundError
from sar_desk.core.model import Regime
from sar_desk.review.codes import CodeUse, Situation, parse_code_table


def test_bundled_table_has_every_regime_with_sources() -> None:
    table = bundled_code_table()
    assert table.version == "codes-v1"
    for regime in Regime:
        codes = table.for_regime(regime)
        assert codes
        assert all(c.source.startswith("http") and c.summary for c in codes)
    refs = {c.code: c.marker for c in table.codes.values()}
    assert refs["SAR-3P"] == "Sch 2 Pt 3 para 16"
    assert refs["FOI-40-2"] == "s.40(2)"
    assert refs["FOI-40-1"] == "s.40(1)"
    assert refs["FOISA-38-1-B"] == "s.38(1)(b)"
    assert {"EIR-12-4-E", "EIR-12-5-G", "EIR-13"} <= set(table.codes)
    assert "FOI-36" in table.qualified_person


@pytest.mark.parametrize(
    ("regime", "situation", "code"),
    [
        (Regime.SAR, Situation.THIRD_PARTY, "SAR-3P"),
        (Regime.FOI, Situation.THIRD_PARTY, "FOI-40-2"),
        (Regime.EIR, Situation.THIRD_PARTY, "EIR-13"),
        (Regime.FOISA, Situation.THIRD_PARTY, "FOISA-38-1-B"),
        (Regime.FOI, Situation.REQUESTER, "FOI-40-1"),
        (Regime.SAR, Situation.REQUESTER, None),
    ],
)
def test_default_codes(regime: Regime, situation: Situation, code: str | None) -> None:
    assert bundled_code_table().default(regime, situation) == code


def test_code_from_another_regime_is_refused_with_a_clear_message() -> None:
    with pytest.raises(BadInputError, match="FOI code, but this is a SAR case"):
        bundled_code_table().get("FOI-40-2", Regime.SAR)


def test_unknown_code_lists_the_regime_codes() -> None:
    with pytest.raises(NotFoundError, match="SAR-3P"):
        bundled_code_table().get("SAR-NOPE", Regime.SAR)


def test_disclose_and_request_level_codes_cannot_justify_a_redaction() -> None:
    table = bundled_code_table()
    with pytest.raises(BadInputError, match="reason to disclose"):
        table.get("SAR-3P-PRO", Regime.SAR)
    with pytest.raises(BadInputError, match="whole request"):
        table.get("FOI-S12", Regime.FOI)
    assert table.get("FOI-S12", Regime.FOI, CodeUse.REQUEST).code == "FOI-S12"


def test_markers_are_never_exemptions() -> None:
    table = bundled_code_table()
    marker = table.marker("NOT-IN-SCOPE", Regime.SAR)
    assert marker.kind == "marker"
    assert marker.marker == "not in scope"
    assert not table.is_exemption("NOT-IN-SCOPE")
    assert not table.is_exemption("DUPLICATE")
    assert table.is_exemption("SAR-3P")


def test_damaged_table_is_refused() -> None:
    with pytest.raises(BadInputError, match="damaged"):
        parse_code_table({"version": "x", "codes": [{"code": "A"}], "defaults": {}, "markers": []})
