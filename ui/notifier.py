"""Tells the person, while the app is open, what needs them now: a follow-up coming due,
a complaint escalated or given to them. In the system tray where there is one, and
always inside the window.

Nothing here asks the database on a timer. News of complaints arrives through the change bus
(``ui/changes.py``) when a complaint changes on any desk; a follow-up comes due by the clock,
so the notifier knows the next moment one will (``plan``, read again when a follow-up changes)
and a light timer compares the clock with it: no statement until that moment."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from helpdesk import complaints, followups
from helpdesk.clock import utcnow
from helpdesk.localization import digits, left_to_right
from helpdesk.models import Customer, Staff

from . import i18n

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
        self.plan()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(CHECK_MS)

    def plan(self) -> datetime | None:
        """The next moment a follow-up comes due or becomes overdue, or the day ends (two statements,
        when a follow-up changed; none while nothing does)."""
        now = self.now()
        try:
            rows = followups.queue(None, now, include_upcoming=True)
        except Exception:  # noqa: BLE001 - the server is away: look again at the next tick
            self.next_moment = now
            return None
        moments = [m for r in rows for m in (r.due_at, r.due_at + followups.GRACE) if m > now]
        moments.append(followups.end_of_local_day(now))
        self.next_moment = min(moments)
        return self.next_moment

    def tick(self) -> None:
        """The light timer: the clock against the next moment; the database only once it has passed."""
        if self.next_moment is not None and self.now() >= self.next_moment:
            try:
                self.check()
            except Exception:  # noqa: BLE001 - the server is away: silent, the next tick tries again
                pass
            else:
                self.plan()
                self.clock_moved.emit()
                if self.bus is not None:
                    self.bus.clock_moved()
        self.ticked.emit()

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
        due = followups.coming_due(self.actor.id, self.last_checked, now)
        self.last_checked = now
        for row in due:
            customer = Customer.get_or_none(Customer.id == row.customer_id)
            name = customer.display_name if customer is not None else left_to_right(row.phone)  # an unknown caller
            self.notify(self.tr("A follow-up is due"), self.tr("{0}: {1}").format(name, row.promise))
        if due:
            self.came_due.emit(due)
        return due

    def check_news(self) -> list:
        """Escalations and complaints given to this person, unread until now (one statement)."""
        news = complaints.unread(self.actor)
        for item in news:
            self.notify(*self.describe(item))
        if news:
            complaints.mark_read(self.actor, [n.id for n in news])
            self.complaint_news.emit(news)
        return news

    def describe(self, item) -> tuple[str, str]:
        """A complaint notification's title and text, in the current language."""
        lang = i18n.current_language()
        who = item.actor.full_name if item.actor_id else ""
        if item.kind == "escalation":
            return (self.tr("Complaint escalated to you"),
                    self.tr("{0} escalated complaint {1}: {2}").format(who, digits(item.complaint_id, lang),
                                                                         item.text))
        return (self.tr("Complaint given to you"),
                self.tr("{0} gave you complaint {1}").format(who, digits(item.complaint_id, lang)))

    def notify(self, title: str, text: str) -> None:
        self.shown.append((title, text))
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.window.windowIcon() or QApplication.windowIcon(), self)
                self.tray.activated.connect(lambda _reason: (self.window.showNormal(), self.window.activateWindow()))
            self.tray.show()
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
        QApplication.alert(self.window)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()
