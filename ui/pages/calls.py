"""The Calls page: the follow-up queue on top, the call log with its filters below."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from helpdesk import accounts, contacts
from helpdesk.clock import to_local, utcnow
from helpdesk.contacts import LogQuery
from helpdesk.localization import digits, format_duration, format_short_datetime, isolate
from helpdesk.models import Staff
from helpdesk.reports import preset_period

from .. import i18n
from ..messages import choice
from ..table_model import Column, TableModel
from ..table_view import table_view
from ..widgets import buddy_label, date_edit, select_row
from .follow_ups import FollowUpQueue

PAGE = 200


def _kind(model, row: contacts.LogRow, lang: str) -> str:
    text = choice("channel", row.channel)
    return f"{text} ({choice('direction', row.direction)})" if row.channel == "phone" else text


def _reason(row: contacts.LogRow) -> str:
    notes = " ".join(row.notes.split())
    return f"{row.reason} — {notes}" if row.reason and notes else row.reason or notes


class CallLogModel(TableModel):
    """Contacts matching a query, newest first, read a page at a time as the view scrolls."""

    STARTED, CUSTOMER, KIND, STAFF, DURATION, OUTCOME, SATISFACTION, REASON = range(8)
    PAGE = PAGE

    def _customer(self, row: contacts.LogRow, lang: str) -> str:
        return isolate(row.customer, lang) if row.customer else self.tr("Not identified")

    COLUMNS = (  # a cell's tip shows it whole
        Column(
            cast(str, QT_TRANSLATE_NOOP("CallLogModel", "Started")),
            lambda m, row, lang: format_short_datetime(to_local(row.started_at), lang),
            tip=True,
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("CallLogModel", "Customer")), _customer, tip=True),
        Column(cast(str, QT_TRANSLATE_NOOP("CallLogModel", "Contact")), _kind, tip=True),
        Column(
            cast(str, QT_TRANSLATE_NOOP("CallLogModel", "Staff")),
            lambda m, row, lang: isolate(row.staff, lang),
            tip=True,
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("CallLogModel", "Duration")),
            lambda m, row, lang: format_duration(row.duration_seconds, lang),
            tip=True,
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("CallLogModel", "Outcome")),
            lambda m, row, lang: choice("outcome", row.outcome),
            tip=True,
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("CallLogModel", "Satisfaction")),
            lambda m, row, lang: choice("satisfaction", row.satisfaction),
            tip=True,
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("CallLogModel", "Reason and notes")),
            lambda m, row, lang: isolate(_reason(row)[:160], lang),
            tip=lambda m, row, lang: isolate(_reason(row), lang),
            stretch=True,
        ),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = LogQuery()

    def set_query(self, query: LogQuery) -> None:
        self.query = query
        self.set_rows(contacts.log_page(query, 0, self.PAGE), contacts.log_count(query))

    def more(self, offset: int, limit: int) -> list[contacts.LogRow]:
        return contacts.log_page(self.query, offset, limit)


class CallLog(QWidget):
    """Every contact, filterable by date, staff, direction, channel and outcome, with search in the notes."""

    contact_requested = Signal(int)

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        # This month and the one before, in the reader's calendar (Jalali months in Persian).
        today = to_local(utcnow()).date()
        self.date_from = date_edit("logFrom", preset_period("last_month", i18n.current_language(), today)[0])
        self.date_to = date_edit("logTo", today)
        self.staff = QComboBox()
        self.staff.setObjectName("logStaff")
        self.staff.addItem(self.tr("All staff"), None)
        for person in accounts.colleagues(actor):
            self.staff.addItem(person.full_name, person.id)
        self.direction = self._choices("logDirection", self.tr("Both directions"), "direction", contacts.DIRECTIONS)
        self.channel = self._choices("logChannel", self.tr("All channels"), "channel", contacts.CHANNELS)
        self.outcome = self._choices("logOutcome", self.tr("All outcomes"), "outcome", contacts.OUTCOMES)
        self.search = QLineEdit()
        self.search.setObjectName("logSearch")
        self.search.setPlaceholderText(self.tr("Search the notes"))
        self.search.setClearButtonEnabled(True)
        from_label = buddy_label(self.tr("&From"), self.date_from)
        to_label = buddy_label(self.tr("&To"), self.date_to)
        # Two rows, so nothing is squeezed: the period and the search, then the choices.
        widget: QWidget
        for widget in (from_label, self.date_from, to_label, self.date_to):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        column.addLayout(filters)
        choices = QHBoxLayout()
        for widget in (self.staff, self.direction, self.channel, self.outcome):
            choices.addWidget(widget)
        choices.addStretch(1)
        column.addLayout(choices)
        for widget, name in (
            (self.date_from, self.tr("From")),
            (self.date_to, self.tr("To")),
            (self.staff, self.tr("Staff")),
            (self.direction, self.tr("Direction")),
            (self.channel, self.tr("Kind of contact")),
            (self.outcome, self.tr("Outcome")),
            (self.search, self.tr("Search the notes")),
        ):
            widget.setAccessibleName(name)
        self.count_label = QLabel()
        self.count_label.setObjectName("logCount")
        column.addWidget(self.count_label)
        self.model = CallLogModel(self)
        self.table = table_view(
            self.model,
            "callLogTable",
            self.tr("Call log: Enter opens the contact"),
            opened=lambda index: self.contact_requested.emit(index.data(CallLogModel.ID_ROLE)),
        )
        column.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.staff, self.direction, self.channel, self.outcome):
            combo.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.refresh()

    def _choices(self, name: str, everything: str, group: str, keys) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for key in keys:
            combo.addItem(choice(group, key), key)
        return combo

    def current_query(self) -> LogQuery:
        return LogQuery(
            date_from=cast(date, self.date_from.date().toPython()),  # PySide6 types toPython() as object
            date_to=cast(date, self.date_to.date().toPython()),
            staff_id=self.staff.currentData(),
            direction=self.direction.currentData(),
            channel=self.channel.currentData(),
            outcome=self.outcome.currentData(),
            search=self.search.text(),
        )

    def refresh(self) -> None:
        self.model.set_query(self.current_query())
        lang = i18n.current_language()
        self.count_label.setText(self.tr("{0} contacts").format(digits(self.model.total, lang)))
        if self.model.rowCount():
            select_row(self.table, 0)


class CallsPage(QWidget):
    call_requested = Signal(str, str)  # channel, direction
    callback_requested = Signal(int, object)  # follow-up id, customer id (None: a stranger's missed call)
    contact_requested = Signal(int)
    dial_requested = Signal(int)  # a contact of the log: this desk's phone calls its number back

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        column = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_call_button = QPushButton(self.tr("New call (F2)"))
        self.new_call_button.setObjectName("newCallButton")
        self.new_call_button.clicked.connect(lambda: self.call_requested.emit("phone", "inbound"))
        self.new_visit_button = QPushButton(self.tr("New walk-in visit (Shift+F2)"))
        self.new_visit_button.setObjectName("newVisitButton")
        self.new_visit_button.clicked.connect(lambda: self.call_requested.emit("walk_in", "inbound"))
        self.new_call_button.setAccessibleName(self.tr("New call"))
        self.new_visit_button.setAccessibleName(self.tr("New walk-in visit"))
        buttons.addWidget(self.new_call_button)
        buttons.addWidget(self.new_visit_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        queue_box = QGroupBox(self.tr("Follow-ups and callbacks due"))
        queue_layout = QVBoxLayout(queue_box)
        self.queue = FollowUpQueue(actor)
        self.queue.callback_requested.connect(self.callback_requested)
        queue_layout.addWidget(self.queue)
        log_box = QGroupBox(self.tr("Call log"))
        log_layout = QVBoxLayout(log_box)
        self.log = CallLog(actor)
        self.log.contact_requested.connect(self.contact_requested)
        log_layout.addWidget(self.log)
        self.dial_button = QPushButton(self.tr("&Dial this number (Ctrl+D)"))
        self.dial_button.setObjectName("logDialButton")
        self.dial_button.setToolTip(
            self.tr("Your phone rings; pick it up and it calls the number of the chosen contact")
        )
        self.dial_button.clicked.connect(self._dial_selected)
        from helpdesk.telephony import desk

        self.dial_button.setVisible(desk.load().source == "ami")  # only the Manager Interface can dial
        log_layout.addWidget(self.dial_button, 0, Qt.AlignmentFlag.AlignLeading)
        splitter.addWidget(queue_box)
        splitter.addWidget(log_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        column.addWidget(splitter, 1)
        self.setFocusProxy(self.queue.table)
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Find),
            self,
            self.focus_search,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Ctrl+D"),
            self,
            lambda: self._dial_selected() if self.dial_button.isVisible() else None,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _dial_selected(self) -> None:
        index = self.log.table.currentIndex()
        if index.isValid():
            self.dial_requested.emit(index.data(CallLogModel.ID_ROLE))

    def show_today(self) -> None:
        """The log of today's contacts, as the Dashboard's figure counts them."""
        local = to_local(utcnow()).date()
        today = QDate(local.year, local.month, local.day)
        self.log.date_from.setDate(today)
        self.log.date_to.setDate(today)
        self.log.table.setFocus()

    def focus_search(self) -> None:
        self.log.search.setFocus()
        self.log.search.selectAll()

    def refresh(self) -> None:
        self.queue.refresh()
        self.log.refresh()

    # --- following the other desks ----------------------------------------------------------------
    FOLLOWS = ("contact", "follow_up", "clock")

    def follow(self, bus) -> None:
        self._stale: set[str] = set()
        bus.subscribe(self.FOLLOWS, self.changed_elsewhere, owner=self)

    def changed_elsewhere(self, changes) -> None:
        """A contact saved refreshes the log, a follow-up (or the clock) the queue; while the page is
        hidden, when it is next shown."""
        tables = changes.tables()
        if tables & {"follow_up", "clock"}:
            self._stale.add("queue")
        if "contact" in tables:
            self._stale.add("log")
        if self.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        stale, self._stale = self._stale, set()
        if "queue" in stale:
            self.queue.refresh()
        if "log" in stale:
            self.log.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", None):
            self._catch_up()
