"""Tells the person when one of their follow-ups comes due while the app is open:
in the system tray where there is one, otherwise in the window itself."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from helpdesk import followups
from helpdesk.clock import utcnow
from helpdesk.models import Customer, Staff

CHECK_MS = 20_000


class FollowUpNotifier(QObject):
    came_due = Signal(list)  # the follow-ups that just came due
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
        self.checked.emit()
        return due

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
