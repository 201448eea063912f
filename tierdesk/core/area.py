"""One area of the archive as the front ends see it (customers, office, tiers, service,
planning): each call is one read or one write transaction through the gate, and each write is
announced once it has committed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from tierdesk.core.changes import Change

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tierdesk.core.store.db import Database

P = ParamSpec("P")
R = TypeVar("R")


class Area:
    def __init__(self, db: Database, announce: Callable[[Change], None]) -> None:
        self._db = db
        self._announce = announce

    def _read(self, func: Callable[Concatenate[Session, P], R], /,
              *args: P.args, **kw: P.kwargs) -> R:
        with self._db.read() as session:
            return func(session, *args, **kw)

    def _write(self, change: Change, func: Callable[Concatenate[Session, P], R], /,
               *args: P.args, **kw: P.kwargs) -> R:
        with self._db.write() as session:
            result = func(session, *args, **kw)
        self._announce(change)
        return result
