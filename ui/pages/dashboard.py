"""The Dashboard: the first page after sign-in. For now: today's contacts and the follow-ups due."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from helpdesk import contacts
from helpdesk.localization import digits
from helpdesk.models import Staff

from .. import i18n
from .follow_ups import FollowUpQueue


class DashboardPage(QWidget):
    call_requested = Signal(str, str)
    callback_requested = Signal(int, int)

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        heading = QLabel(self.tr("Good day, {0}").format(actor.full_name))
        heading.setObjectName("pageTitle")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        row = QHBoxLayout()
        self.today_label = QLabel()
        self.today_label.setObjectName("todayContacts")
        row.addWidget(self.today_label, 1)
        new_call = QPushButton(self.tr("New call (F2)"))
        new_call.clicked.connect(lambda: self.call_requested.emit("phone", "inbound"))
        new_visit = QPushButton(self.tr("New walk-in visit (Shift+F2)"))
        new_visit.clicked.connect(lambda: self.call_requested.emit("walk_in", "inbound"))
        row.addWidget(new_call)
        row.addWidget(new_visit)
        column.addLayout(row)
        box = QGroupBox(self.tr("Your follow-ups and callbacks due"))
        box_layout = QVBoxLayout(box)
        self.queue = FollowUpQueue(actor, mine_only=True)
        self.queue.callback_requested.connect(self.callback_requested)
        box_layout.addWidget(self.queue)
        column.addWidget(box, 1)
        self.setFocusProxy(self.queue.table)
        self.refresh()

    def refresh(self) -> None:
        lang = i18n.current_language()
        mine = contacts.today_count(self.actor)
        everyone = contacts.today_count()
        self.today_label.setText(self.tr("Contacts today: {0} by you, {1} at the whole desk").format(
            digits(mine, lang), digits(everyone, lang)))
        self.queue.refresh()
