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
Presence rides on the bus too (``helpdesk/presence.py``): ``editing`` says this desk has a record open
for editing, ``others_editing`` who else has, and ``PresenceLabel`` shows it in a window
("Mina is editing this complaint").

While the server cannot be reached the bus is silent and tries again every ``RETRY_MS``; when it
is back, it catches up on what it missed.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QLabel

from helpdesk import changes, presence
from helpdesk.changes import Changes
from helpdesk.clock import utcnow
from helpdesk.localization import listed

from . import connection, i18n

if TYPE_CHECKING:
    from .tasks import Task

log = logging.getLogger(__name__)

CLOCK = "clock"  # not a table: time passed a follow-up's moment (due, overdue, a new day)
INTERVAL_MS = 1_000  # SQLite: how often an idle desk looks (one light statement)
RETRY_MS = 5_000  # PostgreSQL: how often a lost listening connection is opened again
BOARD_MS = 3_000  # SQLite: how often the presence folder is read, while this desk edits something


class ChangeBus(QObject):
    changed = Signal(object)  # a helpdesk.changes.Changes
    presence_changed = Signal()  # someone started or stopped editing something, or fell silent

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.listener: changes.Listener | None = None
        self._socket: QSocketNotifier | None = None
        self.seen = changes.Seen()
        self._stopped = False
        self.timer = QTimer(self)
        self.pushed = changes.listens()
        holder: dict[str, Any] = {"listener": None}
        self._holder = holder  # closed with the bus, even when Qt deletes it unasked
        self.roster = presence.Roster()
        self.mine: dict[tuple[str, str, int], presence.Presence] = {}  # what this desk edits, and who
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(int(presence.HEARTBEAT.total_seconds() * 1000))
        self.heartbeat.timeout.connect(self._say_again)
        path = getattr(changes.database.obj, "database", None) if not self.pushed else None
        self.board = presence.FileBoard(path) if path and path != ":memory:" else None
        self.board_timer = QTimer(self)
        self.board_timer.setInterval(BOARD_MS)
        self.board_timer.timeout.connect(self._read_board)
        holder.update(mine=self.mine, board=self.board)
        self.destroyed.connect(lambda _=None, h=holder: _farewell(h))
        try:
            self.seen.last = changes.latest()
        except Exception as exc:  # noqa: BLE001 - an outage at sign-in: the first look catches up
            log.info("change bus: no latest entry yet (%s)", exc)
        self._opening: Task | None = None  # a listening connection being opened off the UI thread
        if self.pushed:
            self.timer.setInterval(RETRY_MS)
            self.timer.timeout.connect(self._listen_again)
            self._listen(catch_up=False)
        else:
            self.timer.setInterval(interval_ms)
            self.timer.timeout.connect(self.look)
            self.timer.start()

    # --- hearing ---------------------------------------------------------------------------------
    def _listen(self, catch_up: bool = True) -> None:
        """PostgreSQL: open the listening connection at sign-in (here, so the desk listens before
        anything else happens)."""
        if self._stopped:
            return
        try:
            listener = changes.Listener()
        except Exception as exc:  # noqa: BLE001 - the server is away: try again later, silently
            self._lost(exc)
            return
        self._listening(listener, catch_up)

    def _listen_again(self) -> None:
        """After the connection was lost: opened off the UI thread (a server that does not answer at all
        keeps a connection attempt waiting for seconds), every RETRY_MS until it works."""
        if self._stopped or self.listener is not None or self._opening is not None:
            return
        from .tasks import run_task

        self.timer.stop()
        self._opening = run_task(lambda _progress: changes.Listener(), self._opened, self._not_opened, parent=self)

    def _opened(self, listener) -> None:
        self._opening = None
        if self._stopped:
            listener.close()
            return
        self._listening(listener, catch_up=True)

    def _not_opened(self, exc: BaseException) -> None:
        self._opening = None
        if not self._stopped:
            self._lost(exc)

    def _lost(self, exc: BaseException) -> None:
        log.info("change bus: cannot listen (%s)", exc)
        connection.report(exc)  # the status bar's one indicator says so (ui/connection.py)
        self.timer.start()

    def _listening(self, listener, catch_up: bool) -> None:
        self.listener = listener
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
            self._drop_listener()
            self._lost(exc)
            return
        said, self.listener.said = self.listener.said, []
        self._deliver(got)
        if said:
            self._heard_presence(said)

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
        got: list[changes.Change] = []
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

    # --- presence: who is editing what ------------------------------------------------------------
    def editing(self, kind: str, record_id, actor) -> None:
        """This desk has ``kind`` ``record_id`` open for editing: the others are told now and every
        HEARTBEAT while it stays open."""
        p = presence.Presence(kind, str(record_id), actor.id, actor.full_name, changes.DESK, True, utcnow(), hello=True)
        self.mine[(kind, str(record_id), actor.id)] = p
        self._say(p)
        self.heartbeat.start()
        if self.board is not None:
            self.board_timer.start()
            self._read_board()

    def stopped_editing(self, kind: str, record_id, actor) -> None:
        p = self.mine.pop((kind, str(record_id), actor.id), None)
        if p is not None:
            self._say(dataclasses.replace(p, editing=False, at=utcnow(), hello=False))
        if not self.mine:
            self.heartbeat.stop()
            self.board_timer.stop()

    def others_editing(self, kind: str, record_id, actor) -> list[presence.Presence]:
        return self.roster.editing(kind, record_id, changes.DESK, actor.id)

    def _say(self, p: presence.Presence) -> None:
        _say(self.listener if self.pushed else None, self.board, p)

    def _say_again(self) -> None:
        for key, p in list(self.mine.items()):
            self.mine[key] = dataclasses.replace(p, at=utcnow(), hello=False)
            self._say(self.mine[key])
        self.presence_changed.emit()  # and whoever fell silent is forgotten

    def _heard_presence(self, said: list) -> None:
        for p in said:
            self.roster.heard(p)
            if p.hello and p.editing:  # someone just opened it: those already editing it say so at once
                for (kind, record_id, staff_id), mine in self.mine.items():
                    if (kind, record_id) == (p.kind, p.id) and not p.is_of(mine.desk, staff_id):
                        self._say(dataclasses.replace(mine, at=utcnow(), hello=False))
        self.presence_changed.emit()

    def _read_board(self) -> None:
        if self.board is not None:
            self.roster.replace(self.board.read())
            self.presence_changed.emit()

    def clock_moved(self) -> None:
        """Time passed a moment that changes what the queues show; told like a change, of kind CLOCK."""
        self.changed.emit(Changes([changes.Change(CLOCK, "")]))

    def stop(self) -> None:
        for (_kind, _id, _staff), p in list(self.mine.items()):
            self._say(dataclasses.replace(p, editing=False, at=utcnow(), hello=False))
        self.mine.clear()
        self._stopped = True
        self.timer.stop()
        self.heartbeat.stop()
        self.board_timer.stop()
        self._drop_listener()


def _say(listener, board, p: presence.Presence) -> None:
    try:
        if listener is not None:
            listener.send(presence.encode(p))
        elif board is not None:
            board.say(p)
    except Exception as exc:  # noqa: BLE001 - presence is a courtesy: said again at the next heartbeat
        log.info("presence not said: %s", exc)


def _farewell(holder: dict) -> None:
    """The bus went with its window (a language switch deletes the old one unasked): what it still said
    it edits is said to be over, and its listening connection is closed."""
    listener = holder.get("listener")
    for p in list(holder.get("mine", {}).values()):
        _say(listener, holder.get("board"), dataclasses.replace(p, editing=False, at=utcnow(), hello=False))
    holder.get("mine", {}).clear()
    if listener is not None:
        listener.close()


class PresenceLabel(QLabel):
    """ "Mina is editing this complaint": shown in a window while another desk has the same record open
    for editing; says this desk's own presence while it lives (or until ``stop``)."""

    def __init__(self, bus: ChangeBus, kind: str, record_id, actor, parent=None):
        super().__init__(parent)
        self.setObjectName("presence")
        self.setWordWrap(True)
        self.setStyleSheet("#presence { color: #5b4a00; background: #fff6d5; padding: 3px 8px; }")
        self.bus, self.kind, self.record_id, self.actor = bus, kind, str(record_id), actor
        self._stopped = False
        bus.editing(kind, record_id, actor)
        bus.presence_changed.connect(self.update_text)
        self.destroyed.connect(
            lambda _=None, b=bus, k=kind, i=record_id, a=actor: (
                b.stopped_editing(k, i, a) if shiboken6.isValid(b) else None
            )
        )
        self.update_text()

    def stop(self) -> None:
        if not self._stopped and shiboken6.isValid(self.bus):
            self._stopped = True
            self.bus.stopped_editing(self.kind, self.record_id, self.actor)

    def update_text(self) -> None:
        others = [] if self._stopped else self.bus.others_editing(self.kind, self.record_id, self.actor)
        if not others:
            self.hide()
            return
        names = listed((p.name for p in others), i18n.current_language())
        if self.kind == "complaint":
            self.setText(self.tr("{0} is editing this complaint").format(names))
        else:
            self.setText(self.tr("{0} is editing this customer").format(names))
        self.setAccessibleName(self.text())
        self.show()
