"""Tells the person, while the app is open, what needs them now: a follow-up coming due,
a complaint escalated or given to them. In the system tray where there is one, and
always inside the window. The database is asked every few seconds, so a change made on
another desk of a shared database arrives too."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from helpdesk import complaints, followups
from helpdesk.clock import utcnow
from helpdesk.localization import digits
from helpdesk.models import Customer, Staff

from . import i18n

CHECK_MS = 5_000


class Notifier(QObject):
    came_due = Signal(list)  # the follow-ups that just came due
    complaint_news = Signal(list)  # unread notifications about complaints, now read
    checked = Signal()  # after every look: time moves follow-ups from due to overdue, and other desks add some

    def __init__(self, actor: Staff, window: QWidget, now=utcnow, parent=None):
        super().__init__(parent or window)
        self.actor = actor
        self.window = window
        self.now = now
        self.last_checked = self.now()
        self.shown: list[tuple[str, str]] = []  # what was said, for the person and for tests
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_MS)

    def check(self) -> list:
        now = self.now()
        due = followups.coming_due(self.actor.id, self.last_checked, now)
        self.last_checked = now
        for row in due:
            customer = Customer.get_or_none(Customer.id == row.customer_id)
            name = customer.display_name if customer is not None else ""
            self.notify(self.tr("A follow-up is due"), self.tr("{0}: {1}").format(name, row.promise))
        if due:
            self.came_due.emit(due)
        news = complaints.unread(self.actor)
        for item in news:
            self.notify(*self.describe(item))
        if news:
            complaints.mark_read(self.actor, [n.id for n in news])
            self.complaint_news.emit(news)
        self.checked.emit()
        return due

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
