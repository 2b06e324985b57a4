"""Tells the person, while the app is open, what needs them now: a follow-up coming due,
a complaint escalated or given to them. In the system tray where there is one, and
always inside the window.

Nothing here asks the database on a timer. News of complaints arrives through the change bus
(``ui/changes.py``) when a complaint changes on any desk; a follow-up comes due by the clock,
so the notifier knows the next moment one will (``plan``, read again when a follow-up changes)
and a light timer compares the clock with it: no statement until that moment, and then the
statements run on the thread pool (``ui/tasks.py``), the person told when they answer."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from helpdesk import complaints, followups
from helpdesk.clock import utcnow
from helpdesk.localization import digits, left_to_right
from helpdesk.models import Customer, FollowUp, Staff

from . import i18n

if TYPE_CHECKING:
    from .tasks import Task

CHECK_MS = 5_000  # how often the clock is compared with the next follow-up's moment (no database)


class Notifier(QObject):
    came_due = Signal(list)  # the follow-ups that just came due
    complaint_news = Signal(list)  # unread notifications about complaints, now read
    checked = Signal()  # after every full look (check): follow-ups come due, news of complaints

    clock_moved = Signal()  # a follow-up's moment passed: due, overdue, or a new day (the queues' colours)
    ticked = Signal()  # every CHECK_MS, after the clock was compared (no database asked)

    def __init__(self, actor: Staff, window: QWidget, now=utcnow, parent=None, bus=None):
        super().__init__(parent or window)
        self.actor = actor
        self.window = window
        self.now = now
        self.last_checked = self.now()
        self.next_moment: datetime | None = None
        self.shown: list[tuple[str, str]] = []  # what was said, for the person and for tests
        self.tray: QSystemTrayIcon | None = None
        self.bus = bus
        if bus is not None:
            bus.subscribe(("follow_up",), lambda _changes: self.follow_ups_changed(), owner=self)
            bus.subscribe(("complaint",), lambda _changes: self.check_news(), owner=self)
        self._looking: Task | None = None  # the look the timer started, while the database is being asked
        self.plan()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(CHECK_MS)

    def plan(self) -> datetime | None:
        """The next moment a follow-up comes due or becomes overdue, or the day ends (two statements,
        when a follow-up changed; none while nothing does)."""
        now = self.now()
        try:
            self.next_moment = next_moment(now)
        except Exception:  # noqa: BLE001 - the server is away: look again at the next tick
            self.next_moment = now
            return None
        return self.next_moment

    def tick(self) -> None:
        """The light timer: the clock against the next moment. Once it has passed, the database is asked
        off the UI thread (ui/tasks.py), and what it says is told here when the answer comes."""
        if self._looking is None and self.next_moment is not None and self.now() >= self.next_moment:
            from .tasks import run_task

            actor, since, now = self.actor, self.last_checked, self.now()
            self._looking = run_task(
                lambda _progress: (due_now(actor.id, since, now), news_for(actor), next_moment(now)),
                lambda found: self._looked(now, *found),
                self._look_failed,
                parent=self,
            )
        self.ticked.emit()

    def _look_failed(self, _error: BaseException) -> None:
        self._looking = None  # the server is away: silent, the next tick tries again

    def _looked(self, now: datetime, due: list, news: list, moment: datetime) -> None:
        self._looking = None
        self.last_checked = now
        self.next_moment = moment
        self._tell_due(due)
        self._tell_news(news)
        self.checked.emit()
        self.clock_moved.emit()
        if self.bus is not None:
            self.bus.clock_moved()

    def follow_ups_changed(self) -> None:
        """A follow-up was added, moved or kept somewhere: one that is already due is said now."""
        self.check_due()
        self.plan()

    def check(self) -> list:
        """Everything at once: follow-ups that came due, and complaint news."""
        due = self.check_due()
        self.check_news()
        self.checked.emit()
        return due

    def check_due(self) -> list:
        now = self.now()
        due = due_now(self.actor.id, self.last_checked, now)
        self.last_checked = now
        return self._tell_due(due)

    def _tell_due(self, due: list[tuple[FollowUp, str]]) -> list:
        for row, name in due:
            self.notify(self.tr("A follow-up is due"), self.tr("{0}: {1}").format(name, row.promise))
        rows = [row for row, _name in due]
        if rows:
            self.came_due.emit(rows)
        return rows

    def check_news(self) -> list:
        """Escalations and complaints given to this person, unread until now (two statements)."""
        return self._tell_news(news_for(self.actor))

    def _tell_news(self, news: list) -> list:
        for item in news:
            self.notify(*self.describe(item))
        if news:
            self.complaint_news.emit(news)
        return news

    def describe(self, item) -> tuple[str, str]:
        """A complaint notification's title and text, in the current language."""
        lang = i18n.current_language()
        who = item.actor.full_name if item.actor_id else ""
        if item.kind == "escalation":
            return (
                self.tr("Complaint escalated to you"),
                self.tr("{0} escalated complaint {1}: {2}").format(who, digits(item.complaint_id, lang), item.text),
            )
        return (
            self.tr("Complaint given to you"),
            self.tr("{0} gave you complaint {1}").format(who, digits(item.complaint_id, lang)),
        )

    def notify(self, title: str, text: str) -> None:
        self.shown.append((title, text))
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.window.windowIcon() or QApplication.windowIcon(), self)

                def show_window(_reason) -> None:
                    self.window.showNormal()
                    self.window.activateWindow()

                self.tray.activated.connect(show_window)
            self.tray.show()
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
        QApplication.alert(self.window)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()


# --- the questions, asked on the UI thread or on the thread pool: no widget here ----------------------


def next_moment(now: datetime) -> datetime:
    """When a follow-up next comes due or turns overdue, or the day ends."""
    return followups.next_change(now)


def due_now(actor_id: int, since: datetime, now: datetime) -> list[tuple[FollowUp, str]]:
    """The follow-ups of ``actor_id`` that came due between ``since`` and ``now``, each with the name to say."""
    out = []
    for row in followups.coming_due(actor_id, since, now):
        customer = Customer.get_or_none(Customer.id == row.customer_id)
        out.append((row, customer.display_name if customer is not None else left_to_right(row.phone)))  # a stranger
    return out


def news_for(actor: Staff) -> list:
    """The person's unread complaint notifications, now marked read; who raised each is read with it."""
    news = complaints.unread(actor)
    for item in news:
        if item.actor_id:
            _ = cast(Staff, item.actor).full_name  # read here, not when the news is told
    if news:
        complaints.mark_read(actor, [n.id for n in news])
    return news
