"""The one change bus: what was saved, on this desk or another, told to whatever shows it.

Services announce every change as (kind, id) through the audit trail (``helpdesk/changes.py``).
The bus hears of them and emits ``changed`` with a ``helpdesk.changes.Changes``; pages and windows
``subscribe`` to the kinds they show and refresh only what a change touched. Nothing lists the
pages by hand.

* PostgreSQL: a connection of the bus's own LISTENs; its socket wakes the bus (``QSocketNotifier``)
  within moments of another desk's commit. An idle desk issues no statement at all.
* SQLite: every ``INTERVAL_MS`` the bus asks for the newest audit entry's id, one light statement;
  only when it moved does it read what changed.

After a save on this desk, ``catch_up()`` reads what was just written (one statement), so the
pages follow at once rather than on the next look; nothing is delivered twice.
While the server cannot be reached the bus is silent and tries again every ``RETRY_MS``; when it
is back, it catches up on what it missed.
"""
from __future__ import annotations

import logging
from typing import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from helpdesk import changes
from helpdesk.changes import Changes

from . import connection

log = logging.getLogger(__name__)

CLOCK = "clock"  # not a table: time passed a follow-up's moment (due, overdue, a new day)
INTERVAL_MS = 1_000  # SQLite: how often an idle desk looks (one light statement)
RETRY_MS = 5_000  # PostgreSQL: how often a lost listening connection is opened again


class ChangeBus(QObject):
    changed = Signal(object)  # a helpdesk.changes.Changes

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.listener: changes.Listener | None = None
        self._socket: QSocketNotifier | None = None
        self.seen = changes.Seen()
        self._stopped = False
        self.timer = QTimer(self)
        self.pushed = changes.listens()
        holder = self._holder = {"listener": None}  # closed with the bus, even when Qt deletes it unasked
        self.destroyed.connect(lambda _=None, h=holder: h["listener"] and h["listener"].close())
        try:
            self.seen.last = changes.latest()
        except Exception as exc:  # noqa: BLE001 - an outage at sign-in: the first look catches up
            log.info("change bus: no latest entry yet (%s)", exc)
        if self.pushed:
            self.timer.setInterval(RETRY_MS)
            self.timer.timeout.connect(self._listen)
            self._listen(catch_up=False)
        else:
            self.timer.setInterval(interval_ms)
            self.timer.timeout.connect(self.look)
            self.timer.start()

    # --- hearing ---------------------------------------------------------------------------------
    def _listen(self, catch_up: bool = True) -> None:
        """PostgreSQL: open the listening connection (again)."""
        if self._stopped:
            return
        try:
            self.listener = changes.Listener()
        except Exception as exc:  # noqa: BLE001 - the server is away: try again later, silently
            log.info("change bus: cannot listen yet (%s)", exc)
            connection.report(exc)  # the status bar's one indicator says so (ui/connection.py)
            self.timer.start()
            return
        self._holder["listener"] = self.listener
        self.timer.stop()
        self._socket = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self._socket.activated.connect(lambda *_: self._readable())
        if catch_up:
            self.catch_up()  # what was saved while we were not listening

    def _readable(self) -> None:
        if self.listener is None:
            return
        try:
            got = self.listener.receive()
        except Exception as exc:  # noqa: BLE001 - the connection went with the server
            log.info("change bus: listening connection lost (%s)", exc)
            connection.report(exc)  # the status bar's one indicator says so (ui/connection.py)
            self._drop_listener()
            self.timer.start()
            return
        self._deliver(got)

    def _drop_listener(self) -> None:
        if self._socket is not None:
            self._socket.setEnabled(False)
            self._socket.deleteLater()
            self._socket = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None
            self._holder["listener"] = None

    def look(self) -> None:
        """SQLite: one light statement; what changed is read only when something did."""
        try:
            newest = changes.latest()
        except Exception as exc:  # noqa: BLE001 - a locked or vanished file: the next look will tell
            log.info("change bus: look failed (%s)", exc)
            return
        if newest != self.seen.last:
            self.catch_up()

    def catch_up(self) -> Changes:
        """Read and deliver what was written since the last change heard of: after a save on this
        desk (so the pages follow it at once), and after the listening connection came back."""
        got = []
        try:
            while True:
                batch = changes.since(self.seen.last if not got else got[-1].entry)
                got.extend(batch)
                if len(batch) < changes.BATCH:
                    break
        except Exception as exc:  # noqa: BLE001 - an outage: the next look or reconnection catches up
            log.info("change bus: catching up failed (%s)", exc)
        return self._deliver(got)

    def _deliver(self, got: list) -> Changes:
        fresh = Changes(self.seen.fresh(got))
        if fresh:
            self.changed.emit(fresh)
        return fresh

    # --- telling ---------------------------------------------------------------------------------
    def subscribe(self, kinds: Iterable[str], slot: Callable[[Changes], None], owner: QObject | None = None) -> None:
        """Call ``slot(changes)`` with the changes of ``kinds`` (a table, or a record a row belongs to:
        "complaint" hears of a comment on a complaint too). With an ``owner``, only while it lives."""
        wanted = frozenset(kinds)

        def relay(batch: Changes) -> None:
            if owner is not None and not shiboken6.isValid(owner):
                return
            picked = batch.only(wanted)
            if picked:
                slot(picked)

        self.changed.connect(relay)
        if owner is not None:
            def unsubscribe(_=None, bus=self, relay=relay):
                if shiboken6.isValid(bus):
                    try:
                        bus.changed.disconnect(relay)
                    except (RuntimeError, TypeError):
                        pass
            owner.destroyed.connect(unsubscribe)

    def clock_moved(self) -> None:
        """Time passed a moment that changes what the queues show; told like a change, of kind CLOCK."""
        self.changed.emit(Changes([changes.Change(CLOCK, "")]))

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
        self._drop_listener()
