"""The base of every repository: store functions with the unit of work's connection bound.

Store modules take a SQLAlchemy connection as their first argument. A repository lists the
functions callers outside the store may use, as ``add_item = Bound(decisions.add_item)``, and
each call passes the unit of work's connection on, so callers hold a repository and never a
connection. `Bound` keeps the function's own signature (less the connection) for mypy, so a
repository is as strictly typed as the module it fronts, without a hand-written copy of each
signature to fall out of step.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from sqlalchemy import Connection

P = ParamSpec("P")
R = TypeVar("R")


class Repository:
    """Holds the connection of one unit of work; subclasses list their functions with `Bound`."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn


class Bound(Generic[P, R]):
    """A store function taking a connection first, offered as a method without it."""

    def __init__(self, function: Callable[Concatenate[Connection, P], R]) -> None:
        self._function = function
        self.__doc__ = function.__doc__

    @overload
    def __get__(self, repository: None, owner: type[Any]) -> Bound[P, R]: ...

    @overload
    def __get__(self, repository: Repository, owner: type[Any]) -> Callable[P, R]: ...

    def __get__(
        self, repository: Repository | None, owner: type[Any]
    ) -> Bound[P, R] | Callable[P, R]:
        if repository is None:
            return self
        return partial(self._function, repository._conn)
