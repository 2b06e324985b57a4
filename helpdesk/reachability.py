"""Who wants to hear that the database server stopped answering, or answers again.

Kept apart from ``helpdesk.db`` so the main window's status bar can listen without loading the
database layer (peewee, psycopg2) before the window is first shown."""

from __future__ import annotations

from collections.abc import Callable

_watchers: list[Callable[[bool], None]] = []


def watch(callback: Callable[[bool], None]) -> Callable[[], None]:
    """Call ``callback(False)`` when the database server stops answering and ``callback(True)`` when it
    answers again; from whichever thread noticed. Returns the function that stops watching."""
    _watchers.append(callback)
    return lambda: _watchers.remove(callback) if callback in _watchers else None


def tell(reachable: bool) -> None:
    for callback in list(_watchers):
        callback(reachable)
