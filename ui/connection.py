"""The status bar's one calm word while the database server is away: "Server unreachable since
10:42 — retrying", instead of a message box for every look that failed.

It hears of the outage from the database layer (``helpdesk.reachability.watch``: a statement or a connection
that failed for want of a server, on any thread) and from whatever reaches ``report`` (the
exception hook, the change bus). While it shows, it asks the server every ``RETRY_MS``, off the UI
thread (``ui/tasks.run_task``); the first answer hides it and emits ``restored``. The connection of
the UI thread is opened again by the database layer at its next statement, so nothing else is needed
for the app to carry on.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from helpdesk import reachability
from helpdesk.clock import to_local, utcnow
from helpdesk.errors import KnownError, classify_database_error
from helpdesk.localization import digits

from . import i18n

if TYPE_CHECKING:
    from .tasks import Task

RETRY_MS = 3_000

_current: ConnectionIndicator | None = None  # the main window's indicator (the app has one main window)


class ConnectionIndicator(QLabel):
    restored = Signal()  # the server answers again
    _heard = Signal(bool)  # from the database layer, on whichever thread noticed; queued to this one

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtCore import QTimer

        global _current
        self.setObjectName("connectionIndicator")
        self.setStyleSheet("#connectionIndicator { color: #8a5a00; padding: 0 6px; }")
        self.since: datetime | None = None  # when the server stopped answering (naive UTC)
        self._task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)
        self._heard.connect(self._hear)  # a slot of this object: queued to its thread from a worker's
        unwatch = reachability.watch(self._heard.emit)
        self.destroyed.connect(lambda *_: unwatch())
        self.hide()
        previous = _current if _current is not None and shiboken6.isValid(_current) else None
        if previous is not None and previous.since is not None:  # a rebuilt window (a language switch)
            self.lost(previous.since)
        _current = self

    @Slot(bool)
    def _hear(self, reachable: bool) -> None:
        if reachable:
            self.answered()
        else:
            self.lost()

    def waiting(self) -> bool:
        return self.since is not None

    def lost(self, since: datetime | None = None) -> None:
        """The server did not answer: say so once, with the time it was lost, and keep trying."""
        if self.since is not None:
            return
        self.since = since or utcnow()
        self._retranslate()
        self.show()
        self.timer.start()

    def answered(self) -> None:
        if self.since is None:
            return
        self.since = None
        self.timer.stop()
        self.hide()
        self.restored.emit()

    def retry(self) -> None:
        """Ask the server, off the UI thread; its answer hides the indicator."""
        from helpdesk.db import database

        from .tasks import run_task

        if self._task is not None and self._task.is_running():
            return
        self._task = run_task(
            lambda _progress: database.execute_sql("SELECT 1").fetchone(),
            lambda _result: self.answered(),
            lambda _error: None,
            parent=self,
        )

    def _retranslate(self) -> None:
        if self.since is None:
            return
        lang = i18n.current_language()
        when = digits(to_local(self.since).strftime("%H:%M"), lang)
        self.setText(self.tr("Server unreachable since {0} — retrying").format(when))
        self.setToolTip(
            self.tr(
                "The database server has not answered since {0}. The help desk keeps trying "
                "and carries on by itself when it answers; nothing you typed is lost."
            ).format(when)
        )
        self.setAccessibleName(self.text())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def current() -> ConnectionIndicator | None:
    return _current if _current is not None and shiboken6.isValid(_current) else None


def report(error: BaseException) -> bool:
    """``error`` says the database server cannot be reached: the indicator shows it (once), and the
    caller need say nothing more. False when it is another problem, or there is no indicator yet."""
    known = error if isinstance(error, KnownError) else classify_database_error(error)
    indicator = current()
    if known is None or known.code != "db_unreachable" or indicator is None:
        return False
    indicator.lost()
    return True
