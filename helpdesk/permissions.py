"""Who may do what. Services call these; the UI only hides what would be refused.

The account a window signed in with is a copy read at sign-in. Another supervisor may
demote or deactivate it since, on another desk, so every check reads the account's role
and state again from the database (one small statement by primary key) and decides on
those. The copy is brought up to date too, so a service's later ``actor.is_supervisor``
in the same call is the stored truth, not what was true at sign-in.
"""

from __future__ import annotations

from typing import NamedTuple

from .db import database
from .errors import PermissionDenied
from .models import ROLE_SUPERVISOR, Staff


class Standing(NamedTuple):
    """An account's role and state as stored now."""

    role: str
    active: bool

    @property
    def is_supervisor(self) -> bool:
        return self.role == ROLE_SUPERVISOR


_STANDING_SQL: dict[type, str] = {}  # by kind of database: the statement, written once


def standing(actor: Staff) -> Standing | None:
    """The account's stored role and state, or None when it no longer exists.

    Every service call asks this, so the statement is written once per kind of database and then
    only executed: peewee builds a query in about ten times the time the database answers it."""
    engine = type(database.obj)
    sql = _STANDING_SQL.get(engine)
    if sql is None:
        sql = _STANDING_SQL[engine] = Staff.select(Staff.role, Staff.active).where(Staff.id == 0).limit(1).sql()[0]
    row = database.execute_sql(sql, (actor.id, 1)).fetchone()
    return Standing(row[0], bool(row[1])) if row is not None else None


def require_signed_in(actor: Staff | None) -> Staff:
    if actor is None or actor.id is None:
        raise PermissionDenied("not signed in")
    stored = standing(actor)
    if stored is None or not stored.active:
        actor.active = False
        raise PermissionDenied(f"{actor.username} is not an active account", reason="inactive")
    actor.role, actor.active = stored.role, True
    return actor


def require_supervisor(actor: Staff | None) -> Staff:
    actor = require_signed_in(actor)
    if not actor.is_supervisor:
        raise PermissionDenied(f"{actor.username} is not a supervisor")
    return actor
