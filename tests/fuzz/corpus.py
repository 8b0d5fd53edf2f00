"""Generate hostile variants of every importer's sample exports for the fuzz suite.

Each real sample (a file, a folder, or a zip of a folder) is turned into variants that a
crafted or damaged export could be: every JSON file nested 100,000 levels deep, carrying a
huge number of items, or cut in half; XML and HTML nested 100,000 levels deep or cut short;
zips with many entries. The samples are synthetic, so the variants are too.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "importers"
HERE = Path(__file__).resolve().parent
DEPTH = 100_000

# One representative sample per importer: (name, path under tests/data/importers).
SAMPLES = [
    ("telegram", "telegram/single_chat.json"),
    ("telegram_full", "telegram/full_export"),
    ("slack", "slack/workspace"),
    ("discord", "discord/with_media/General [500].json"),
    ("google_chat", "google_chat/Takeout"),
    ("teams_graph", "teams/graph_chat.json"),
    ("teams_transcript", "teams/transcript_part1.html"),
    ("messenger", "messenger/download"),
    ("signal", "signal/chats"),
    ("sms", "sms/basic.xml"),
    ("rsmf", "rsmf/valid_2.rsmf"),
    ("rsmf_manifest", "rsmf/rsmf_manifest.json"),
    ("whatsapp", "whatsapp/_chat.txt"),
]


def _deep_json(text: str) -> str:
    """The JSON with a 100,000-level array inserted into its first list (or as a new key)."""
    data = json.loads(text)
    marker = "__sar_desk_deep__"

    def insert(node: object) -> bool:
        if isinstance(node, list):
            node.insert(0, marker)
            return True
        if isinstance(node, dict):
            return any(insert(value) for value in node.values())
        return False

    if not insert(data) and isinstance(data, dict):
        data["deep"] = marker
    return json.dumps(data).replace(json.dumps(marker), "[" * DEPTH + "]" * DEPTH, 1)


def _many_json(text: str) -> str:
    """The JSON with 300,000 empty objects added to its first list."""
    data = json.loads(text)
    marker = "__sar_desk_many__"

    def insert(node: object) -> bool:
        if isinstance(node, list):
            node.insert(0, marker)
            return True
        if isinstance(node, dict):
            return any(insert(value) for value in node.values())
        return False

    insert(data)
    return json.dumps(data).replace(json.dumps(marker), ",".join(["{}"] * 300_000), 1)


def _truncate(text: str) -> str:
    return text[: len(text) // 2]


def _deep_markup(text: str) -> str:
    """Markup with 100,000 nested elements inserted after the first closing '>' of a tag."""
    first = re.search(r"<[A-Za-z][^>]*(?<!/)>", text)
    cut = first.end() if first else 0
    return text[:cut] + "<b>" * DEPTH + "</b>" * DEPTH + text[cut:]


def _transform_tree(
    src: Path, dest: Path, suffixes: tuple[str, ...], fn: Callable[[str], str]
) -> bool:
    """Copy `src` to `dest`, rewriting files with `suffixes`; False when none matched."""
    if src.is_dir():
        shutil.copytree(src, dest)
        files = [p for p in dest.rglob("*") if p.is_file() and p.suffix in suffixes]
    else:
        shutil.copy2(src, dest)
        files = [dest] if dest.suffix in suffixes else []
    changed = False
    for path in files:
        try:
            path.write_text(fn(path.read_text(encoding="utf-8-sig")), encoding="utf-8")
            changed = True
        except (ValueError, UnicodeDecodeError):
            continue
    return changed


def _zip_folder(folder: Path, dest: Path) -> None:
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder.parent).as_posix())


def _many_entries_zip(dest: Path, count: int = 5_000) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for n in range(count):
            zf.writestr(f"e/{n}.json", b"")
    dest.write_bytes(buffer.getvalue())


def build(out: Path) -> list[Path]:
    """Write the hostile corpus into `out` and return every input (file or folder)."""
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    bad = out / "bad_inputs"
    subprocess.run(
        [sys.executable, str(HERE / "make_bad_inputs.py"), str(bad)],
        check=True,
        capture_output=True,
    )
    made += sorted(bad.iterdir())
    variants: list[tuple[str, tuple[str, ...], Callable[[str], str]]] = [
        ("deep", (".json",), _deep_json),
        ("many", (".json",), _many_json),
        ("truncated", (".json", ".xml", ".html", ".txt"), _truncate),
        ("deepmarkup", (".xml", ".html"), _deep_markup),
    ]
    for label, rel in SAMPLES:
        src = DATA / rel
        for kind, suffixes, fn in variants:
            dest = out / f"{label}-{kind}{src.suffix if src.is_file() else ''}"
            if _transform_tree(src, dest, suffixes, fn):
                made.append(dest)
                if dest.is_dir() and kind == "deep":
                    zipped = out / f"{label}-{kind}.zip"
                    _zip_folder(dest, zipped)
                    made.append(zipped)
            elif dest.is_dir():
                shutil.rmtree(dest)
            elif dest.exists():
                dest.unlink()
    root = out / "deep-root.json"  # the 200 KB file that once used 24 GB
    root.write_text("[" * DEPTH + "]" * DEPTH, encoding="utf-8")
    made.append(root)
    many = out / "many-entries.zip"
    _many_entries_zip(many)
    made.append(many)
    return made


if __name__ == "__main__":
    for path in build(Path(sys.argv[1])):
        print(path)
