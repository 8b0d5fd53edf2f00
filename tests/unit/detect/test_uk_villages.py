"""Villages and small towns (GeoNames cities500): capitalised as towns, in lower case placed.

Round 13. The sentences and addresses are invented for these tests; the village names are
entries of the shipped list (`uk_villages.txt`), none taken from an evaluation corpus.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.uk_place_recognizer import UkPlaceRecognizer

ROOT = Path(__file__).resolve().parents[3]
LISTS = ROOT / "resources" / "detect" / "gazetteers"


pytestmark = pytest.mark.usefixtures("shipped_lists")


def places(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in UkPlaceRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "village"),
    [
        ("she lives in Cropredy with her mum", "Cropredy"),
        ("they moved to Steeple Aston last year", "Steeple Aston"),  # not only "Aston"
        ("the depot near Gotherington is shut", "Gotherington"),
        ("his nan is from baltonsborough", "baltonsborough"),  # lower case after a place word
        ("post it to 14 Quarry Rise, Catfield, NR29 5AA", "Catfield"),  # in an address
        ("Steeple Aston is lovely in spring", "Steeple Aston"),  # the listed town inside it
        ("Gotherington school is shut today", "Gotherington"),  # capitalised, as a town
    ],
)
def test_a_village_is_a_place(text: str, village: str) -> None:
    assert village in places(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Langton called about the invoice",  # a title: a family name
        "Tom Hopwood is on nights",  # a given name before it
        "cropredy is lovely in spring",  # lower case with no place word
        "can you talk to langton about the rota",  # lower case after a weak cue
        "the steeple aston lot are late",  # two words in lower case, no place word
    ],
)
def test_a_village_name_after_a_name_or_unplaced_in_lower_case_is_left_alone(text: str) -> None:
    assert places(text) == []


def test_villages_stay_out_of_the_town_list() -> None:
    # Other passes ask `is_place` (a place never spreads as a person): villages must not.
    gaz = gazetteer.current()
    assert gaz.is_village("Cropredy")
    assert not gaz.is_place("Cropredy")
    assert gaz.is_village("steeple-aston")  # hyphens and spaces read both ways


def test_the_shipped_village_list_keeps_the_other_lists_hygiene() -> None:
    def entries(name: str) -> list[str]:
        lines = (LISTS / name).read_text(encoding="utf-8").splitlines()
        return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]

    villages = entries("uk_villages.txt")
    assert 1000 < len(villages) < 5000
    keys = [v.casefold() for v in villages]
    assert len(keys) == len(set(keys))
    taken = {
        n.casefold()
        for name in (
            "uk_places.txt",
            "uk_places_extra.txt",
            "uk_word_places.txt",
            "english_words.txt",
            "first_names.txt",
            "surnames.txt",
        )
        for n in entries(name)
    }
    assert not taken & set(keys)  # "Barry", "Ashley" stay people; "Street" stays a word-town
    assert not [v for v in villages if "," in v]


def test_a_folder_without_the_village_list_still_loads(tmp_path: Path) -> None:
    for name in ("uk_places.txt", "first_names.txt", "surnames.txt", "word_names.txt"):
        (tmp_path / name).write_text((LISTS / name).read_text(encoding="utf-8"), "utf-8")
    gaz = gazetteer.load(tmp_path)
    assert gaz.villages == {}
    assert gaz.is_place("Truro")


def test_the_build_keeps_gb_populated_places_less_names_words_and_known_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("bg", ROOT / "benchmarks/build_gazetteers.py")
    assert spec
    assert spec.loader
    build = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bg", build)
    spec.loader.exec_module(build)
    out = tmp_path / "out"
    out.mkdir()
    (out / "uk_places.txt").write_text("Truro\n", "utf-8")
    (out / "english_words.txt").write_text("street\n", "utf-8")
    (out / "first_names.txt").write_text("Barry\n", "utf-8")
    (out / "surnames.txt").write_text("Ashley\n", "utf-8")
    monkeypatch.setattr(build, "OUT", out)

    def row(name: str, fclass: str = "P", country: str = "GB") -> str:
        cols = ["1", name, name, "", "50.1", "-5.1", fclass, "PPL", country] + [""] * 10
        return "\t".join(cols) + "\n"

    dump = tmp_path / "cities500.txt"
    rows = ["Quenby Parva", "Truro", "Street", "Barry", "Ashley", "Kirk, Low", "Quenby Parva"]
    dump.write_text(
        "".join(row(n) for n in rows) + row("Hill Fort", "S") + row("Vieux Bourg", country="FR"),
        "utf-8",
    )
    build.villages(tmp_path)
    written = (out / "uk_villages.txt").read_text("utf-8").splitlines()
    assert [ln for ln in written if not ln.startswith("#")] == ["Quenby Parva"]
