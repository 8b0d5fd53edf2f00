"""Errors speak the domain: below cli/ and gui/ no message names a command or a flag."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.cli.hints import CLI_HINTS, error_line
from sar_desk.cli.main import cli
from sar_desk.core.errors import BadInputError, CaseNotFoundError, Hint

PACKAGE = Path(__file__).parents[2] / "sar_desk"
SHELL_WORDS = re.compile(r"sar-desk [a-z]|(?<![\w-])--[a-z][a-z0-9-]+")

# (module, token) pairs that are not our shell's words.
ALLOWED = {
    # DiscordChatExporter's own option, named in a limitation of its exports.
    ("importers/discord.py", "--utc"),
}


def _strings(tree: ast.Module) -> list[ast.Constant]:
    """String constants, leaving out docstrings and other bare string statements."""
    bare = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare
    ]


def _shell_words_below_the_shells() -> set[tuple[str, int, str]]:
    found: set[tuple[str, int, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("cli/", "gui/")) or rel == "__main__.py":
            continue
        for node in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            for token in SHELL_WORDS.findall(node.value):
                if (rel, token) not in ALLOWED:
                    found.add((rel, node.lineno, token))
    return found


def test_no_message_below_the_shells_names_a_command_or_a_flag() -> None:
    assert not _shell_words_below_the_shells(), sorted(_shell_words_below_the_shells())


def test_the_scan_finds_a_flag_or_a_command_in_a_message() -> None:
    code = 'raise BadInputError(f"Say why {x}. Add --reason, see " "sar-desk review")'
    tokens = [t for n in _strings(ast.parse(code)) for t in SHELL_WORDS.findall(n.value)]
    assert tokens == ["--reason", "sar-desk r"]


def test_every_hint_has_command_line_words() -> None:
    assert set(CLI_HINTS) == set(Hint)


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (BadInputError("Say why."), "Say why."),
        (
            BadInputError("Say why.", hint=Hint.GIVE_REASON),
            "Say why. Add --reason with a sentence.",
        ),
    ],
)
def test_the_command_line_adds_its_own_words(exc: BadInputError, expected: str) -> None:
    assert error_line(exc) == expected


def test_opening_a_missing_case_says_how_to_create_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["case", "show", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("Error: There is no SAR Desk case in")
    assert "sar-desk case new" in line
    assert CaseNotFoundError("x", hint=Hint.CREATE_CASE).hint is Hint.CREATE_CASE
