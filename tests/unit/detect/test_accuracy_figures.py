"""Issue 15 item 5a: the shipped accuracy figures are the ones benchmarks/README.md records."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ACCURACY = ROOT / "resources" / "detect" / "accuracy.json"
README = ROOT / "benchmarks" / "README.md"

# "| PERSON (6844) | 0.976 / 0.979 / 0.929 | 0.969 / 0.978 / 0.940 |"
_TRIPLE = r"([\d.]+) / ([\d.]+) / ([\d.]+)"
_ROW = re.compile(rf"^\| (\w+)[^|(]*\((\d+)\) \| {_TRIPLE} \| {_TRIPLE} \|$")


def _after_table() -> dict[str, tuple[int, list[float]]]:
    text = README.read_text(encoding="utf-8")
    # The shipped figures are the held-out corpus v35's (md column first, then sm).
    section = text[text.index("#### Corpus v35 (held out") :]
    section = section[: section.index("PERSON R / P per seed")]
    rows = {}
    for line in section.splitlines():
        match = _ROW.match(line.strip())
        if match:
            rows[match[1]] = (int(match[2]), [float(x) for x in match.groups()[2:]])
    return rows


def test_every_figure_matches_the_measured_run() -> None:
    data = json.loads(ACCURACY.read_text(encoding="utf-8"))
    rows = _after_table()
    assert set(rows) == set(data["models"]["sm"]) == set(data["models"]["md"])
    assert len(rows) == 9
    for entity, (gold, figures) in rows.items():
        got = []
        for model in ("md", "sm"):
            e = data["models"][model][entity]
            assert e["gold"] == gold
            got += [e["recall_same_type"], e["recall_any_type"], e["precision"]]
        assert got == figures, entity


def test_the_record_says_where_the_figures_come_from() -> None:
    data = json.loads(ACCURACY.read_text(encoding="utf-8"))
    assert "benchmarks/README.md" in data["source"]
    assert "detect_eval_v2.py" in data["command"]
    assert (ROOT / data["recognizers"]).is_file()
