"""No module outside `store/` uses a SQLAlchemy name, not even one the store re-exports."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "sar_desk"


def _is_sqlalchemy(value: object) -> bool:
    kind = value if isinstance(value, type) else type(value)
    module = getattr(value, "__module__", None) or ""
    return module.startswith("sqlalchemy") or kind.__module__.startswith("sqlalchemy")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _store_names_used(tree: ast.Module) -> set[tuple[str, str]]:
    """(store module, name) for every name taken from a store module, directly or by attribute."""
    used: set[tuple[str, str]] = set()
    aliases: dict[str, str] = {}  # local name -> store module
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sar_desk.store"):
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                try:
                    importlib.import_module(target)
                except ImportError:
                    used.add((str(node.module), alias.name))
                else:  # a submodule: follow attribute uses
                    aliases[alias.asname or alias.name] = target
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("sar_desk.store") and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            used.add((aliases[node.value.id], node.attr))
    return used


def _offences() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        if name.startswith("sar_desk.store"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for source, attr in _store_names_used(tree):
            value = getattr(importlib.import_module(source), attr, None)
            if value is not None and _is_sqlalchemy(value):
                found.add((name, f"{source}.{attr}"))
    return found


def test_no_sqlalchemy_name_leaves_the_store() -> None:
    # Feature code holds a `store.uow.UnitOfWork` and calls its repositories (issue 12 item 1).
    assert _offences() == set()


def test_the_check_sees_a_store_re_export() -> None:
    # The check must catch a SQLAlchemy name taken from a store module, or it proves nothing.
    tree = ast.parse("from sar_desk.store import db\ndef f(c: db.Connection) -> None: ...\n")
    assert ("sar_desk.store.db", "Connection") in _store_names_used(tree)
    assert _is_sqlalchemy(importlib.import_module("sar_desk.store.db").Connection)


def _connections_opened(tree: ast.Module) -> list[int]:
    """Lines that take the store's connection: ``with x.transaction() as c`` / ``x.read()``."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                call = item.context_expr
                if (
                    item.optional_vars is not None
                    and isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr in {"transaction", "read"}
                    and not call.args
                ):
                    lines.append(node.lineno)
    return lines


def test_no_module_outside_the_store_holds_its_connection() -> None:
    # An unannotated `with store.transaction() as conn` hands out a SQLAlchemy connection as
    # surely as an annotated one: code outside store/ opens a unit of work instead.
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        if not name.startswith("sar_desk.store"):
            lines = _connections_opened(ast.parse(path.read_text(encoding="utf-8")))
            if lines:
                found[name] = lines
    assert found == {}


def test_the_connection_check_sees_a_transaction() -> None:
    tree = ast.parse("with store.transaction() as conn:\n    pass\nwith f.read():\n    pass\n")
    assert _connections_opened(tree) == [1]
