"""Nickname forms of given names from the ``nicknames`` list (issue 15, round 24)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer

ROOT = Path(__file__).resolve().parents[3]


def _build(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("bg", ROOT / "benchmarks/build_gazetteers.py")
    assert spec
    assert spec.loader
    build = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bg", build)
    spec.loader.exec_module(build)
    return build


def test_the_build_keeps_nickname_forms_no_list_word_or_review_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = _build(monkeypatch)
    csv = tmp_path / "names.csv"
    rows = [
        ("quentina", "has_nickname", "quenty"),  # kept, capitalised
        ("quentina", "has_nickname", "Quenty"),  # the same form twice: once
        ("barnaby", "has_nickname", "table"),  # an English word
        ("barnaby", "has_nickname", "barney"),  # already a listed given name
        ("barnaby", "has_nickname", "truro"),  # a listed place
        ("barnaby", "has_nickname", "darkey"),  # dropped after review (a slur)
        ("barnaby", "has_nickname", "k.c."),  # initials with stops
        ("barnaby", "has_nickname", "bo"),  # two letters
        ("barnaby", "has_nickname", "zonk"),  # refused by the caller (chat or foreign)
        ("barnaby", "is_alias", "barnz"),  # another relationship
    ]
    csv.write_text(
        "name1,relationship,name2\n" + "".join(",".join(r) + "\n" for r in rows), "utf-8"
    )
    kept = build.nickname_forms(csv, {"table", "barney", "truro"}, lambda w: w == "zonk")
    assert kept == {"Quenty"}


def test_the_nickname_list_is_read_as_more_given_names(tmp_path: Path) -> None:
    for name, body in (
        ("uk_places.txt", "Truro\n"),
        ("first_names.txt", "Margery\n"),
        ("surnames.txt", "Pennock\n"),
        ("word_names.txt", ""),
    ):
        (tmp_path / name).write_text(body, "utf-8")
    before = gazetteer.load(tmp_path)  # a folder built before the list still loads
    assert not before.is_first_name("Quenty")
    gazetteer.load.cache_clear()
    (tmp_path / "given_nicknames.txt").write_text("# header\nQuenty\n", "utf-8")
    after = gazetteer.load(tmp_path)
    assert after.is_first_name("quenty")
    assert after.is_first_name("Margery")
    assert not after.is_surname("Quenty")
    gazetteer.load.cache_clear()


@pytest.mark.usefixtures("shipped_lists")
def test_shipped_pet_and_clipped_forms_are_names_but_words_are_not() -> None:
    gaz = gazetteer.current()
    for form in ("Malc", "Babs", "Merv", "Trixie", "Jez"):
        assert gaz.is_first_name(form), form
    for left_out in ("Darkey", "Farmboy", "Haps", "Philadelphia"):
        assert not gaz.is_first_name(left_out), left_out
    names = NameListRecognizer()

    def spans(text: str) -> list[str]:
        return [text[s:e] for s, e, _ent, _score in names.spans(text)]

    assert spans("Malc rang about the boiler rota") == ["Malc"]
    assert spans("ask babs if she can cover tuesday") == ["babs"]
    assert spans("Trixie and Merv on the door tonight") == ["Trixie", "Merv"]
