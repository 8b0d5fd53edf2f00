"""Fast start: the command line loads a command's module, and heavy libraries, only when used."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from sar_desk.cli.main import COMMAND_MODULES, cli

HEAVY = ("fpdf", "pandas", "pyzipper", "presidio_analyzer", "spacy", "PySide6", "pikepdf")


def _modules_after(code: str) -> set[str]:
    """The modules in sys.modules after running `code` in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def _loaded_after(code: str) -> set[str]:
    """Top-level packages loaded after running `code` in a fresh interpreter."""
    return {name.split(".")[0] for name in _modules_after(code)}


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    loaded = _loaded_after("import sar_desk.cli.main")
    assert not loaded & set(HEAVY)
    assert "sqlalchemy" not in loaded  # not even the store: --version opens nothing


def test_a_search_loads_no_export_import_or_detection_library() -> None:
    # What `sar-desk search` imports: its command module and the session behind it.
    loaded = _loaded_after("import sar_desk.cli.search, sar_desk.app.session")
    assert not loaded & set(HEAVY)
    modules = _modules_after("import sar_desk.cli.search, sar_desk.app.session")
    # export.options holds only the plain option records the session's signatures name.
    features = {m for m in modules if m.startswith(("sar_desk.importers", "sar_desk.export."))}
    assert features <= {"sar_desk.export.options"}


def test_the_lazy_list_names_every_command_of_every_module() -> None:
    cli_dir = Path(importlib.import_module("sar_desk.cli").__file__ or "").parent
    with_commands = {
        path.stem for path in cli_dir.glob("*.py") if "\nCOMMANDS = " in path.read_text("utf-8")
    }
    assert set(COMMAND_MODULES) == with_commands - {"main"}
    for module_name, names in COMMAND_MODULES.items():
        module = importlib.import_module(f"sar_desk.cli.{module_name}")
        assert tuple(c.name for c in module.COMMANDS) == names, module_name


def test_help_lists_every_command_and_a_command_runs() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for names in COMMAND_MODULES.values():
        for name in names:
            assert f"  {name} " in result.output
    result = runner.invoke(cli, ["formats"])
    assert result.exit_code == 0, result.output
    assert "WhatsApp" in result.output
    assert isinstance(cli, click.Group)
    assert runner.invoke(cli, ["no-such-command"]).exit_code == 2
