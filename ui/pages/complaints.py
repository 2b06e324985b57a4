"""The Complaints page: my open complaints, all open, overdue, escalated to me, or all,
filtered by category, priority and date. Overdue complaints stand out in red."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import complaints
from helpdesk.clock import to_local, utcnow
from helpdesk.complaints import ComplaintQuery
from helpdesk.localization import digits, format_short_datetime, isolate
from helpdesk.models import Staff

from .. import i18n
from ..messages import choice
from ..table_model import Column, TableModel
from ..table_view import table_view
from ..widgets import buddy_label, date_edit, select_row
from .follow_ups import overdue_style

if TYPE_CHECKING:
    from ..tasks import Task


class ComplaintModel(TableModel):
    NUMBER, RAISED, CUSTOMER, CATEGORY, PRIORITY, STATUS, ASSIGNEE, DESCRIPTION = range(8)

    def _customer(self, row: complaints.ComplaintRow, lang: str) -> str:
        return isolate(row.customer, lang) if row.customer else self.tr("Not identified")

    def _status(self, row: complaints.ComplaintRow, lang: str) -> str:
        status = choice("complaint_status", row.status)
        return self.tr("{0}, overdue").format(status) if row.overdue else status

    COLUMNS = (
        Column(cast(str, QT_TRANSLATE_NOOP("ComplaintModel", "No.")), lambda m, row, lang: digits(row.id, lang)),
        Column(
            cast(str, QT_TRANSLATE_NOOP("ComplaintModel", "Raised")),
            lambda m, row, lang: format_short_datetime(to_local(row.created_at), lang),
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("ComplaintModel", "Customer")), _customer),
        Column(
            cast(str, QT_TRANSLATE_NOOP("ComplaintModel", "Category")),
            lambda m, row, lang: m.category_names.get(row.category_id, ""),
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("ComplaintModel", "Priority")),
            lambda m, row, lang: choice("priority", row.priority),
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("ComplaintModel", "Status")), _status),
        Column(
            cast(str, QT_TRANSLATE_NOOP("ComplaintModel", "Who deals with it")),
            lambda m, row, lang: isolate(row.assignee, lang),
        ),
        # people's words keep their full stop at their own end
        Column(
            cast(str, QT_TRANSLATE_NOOP("ComplaintModel", "What happened")),
            lambda m, row, lang: isolate(" ".join(row.description.split())[:160], lang),
            tip=lambda m, row, lang: row.description,
            stretch=True,
        ),
    )

    PAGE = 200

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category_names: dict[int, str] = {}
        self.actor: Staff | None = None
        self.query = ComplaintQuery()

    def more(self, offset: int, limit: int) -> list[complaints.ComplaintRow]:
        return complaints.page(cast(Staff, self.actor), self.query, offset, limit)

    def prepare(self, rows: list[complaints.ComplaintRow]) -> None:
        lang = i18n.current_language()
        self.category_names = {c.id: c.name(lang) for c in complaints.categories(include_inactive=True)}

    def role_data(self, row: complaints.ComplaintRow, column: int, role: int):
        return overdue_style(role) if row.overdue else None


class Found(NamedTuple):
    query: complaints.ComplaintQuery
    rows: list[complaints.ComplaintRow]  # the first page
    total: int
    overdue: int


def _first_page(actor: Staff, query: complaints.ComplaintQuery) -> Found:
    """What the complaints list shows first; read on the UI thread or off it (``run_task``)."""
    total, overdue = complaints.counts(actor, query)
    return Found(query, complaints.page(actor, query, 0, ComplaintModel.PAGE), total, overdue)


class ComplaintsPage(QWidget):
    complaint_requested = Signal(int)
    new_requested = Signal()
    session_requested = Signal(int)

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        from PySide6.QtWidgets import QTabWidget

        from .calm_sessions import SessionList

        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("complaintTabs")
        outer.addWidget(self.tabs)
        complaints_tab = QWidget()
        self.tabs.addTab(complaints_tab, self.tr("Complaints"))
        self.sessions = SessionList(actor)
        self.sessions.session_requested.connect(self.session_requested)
        self.tabs.addTab(self.sessions, self.tr("Calm-down sessions"))
        self.tabs.currentChanged.connect(lambda index: self.sessions.refresh() if index == 1 else None)
        column = QVBoxLayout(complaints_tab)
        top = QHBoxLayout()
        self.view = QComboBox()
        self.view.setObjectName("complaintView")
        for key in complaints.VIEWS:
            self.view.addItem(choice("complaint_view", key), key)
        self.view.setCurrentIndex(self.view.findData(complaints.VIEW_OPEN))
        self.new_button = QPushButton(self.tr("New complaint…"))
        self.new_button.setObjectName("newComplaintButton")
        self.new_button.clicked.connect(self.new_requested)
        top.addWidget(self.view)
        top.addStretch(1)
        top.addWidget(self.new_button)
        column.addLayout(top)
        filters = QHBoxLayout()
        lang = i18n.current_language()
        self.category = QComboBox()
        self.category.setObjectName("complaintCategoryFilter")
        self.category.addItem(self.tr("All categories"), None)
        for category in complaints.categories(include_inactive=True):
            self.category.addItem(category.name(lang), category.id)
        self.priority = QComboBox()
        self.priority.setObjectName("complaintPriorityFilter")
        self.priority.addItem(self.tr("All priorities"), None)
        for key in complaints.PRIORITIES:
            self.priority.addItem(choice("priority", key), key)
        from helpdesk.reports import preset_period

        # Today from helpdesk.clock; the period starts on a month's first day in the reader's calendar.
        today = to_local(utcnow()).date()
        self.date_from = date_edit(
            "complaintFrom", preset_period("this_month", i18n.current_language(), today - timedelta(days=5 * 365))[0]
        )  # old open ones too
        self.date_to = date_edit("complaintTo", today)
        from_label = buddy_label(self.tr("&From"), self.date_from)
        to_label = buddy_label(self.tr("&To"), self.date_to)
        widget: QWidget
        for widget in (self.category, self.priority, from_label, self.date_from, to_label, self.date_to):
            filters.addWidget(widget)
        filters.addStretch(1)
        column.addLayout(filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("complaintCount")
        column.addWidget(self.count_label)
        self.model = ComplaintModel(self)
        self.table = table_view(
            self.model,
            "complaintTable",
            opened=lambda index: self.complaint_requested.emit(index.data(ComplaintModel.ID_ROLE)),
        )
        column.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        for widget, name in (
            (self.view, self.tr("Which complaints")),
            (self.category, self.tr("Category")),
            (self.priority, self.tr("Priority")),
            (self.date_from, self.tr("From")),
            (self.date_to, self.tr("To")),
            (self.table, self.tr("Complaints")),
            (self.tabs.tabBar(), self.tr("Complaints or calm-down sessions")),
        ):
            widget.setAccessibleName(name)
        self.new_button.setAccessibleName(self.tr("New complaint"))
        self.new_button.setToolTip(self.tr("F4, from anywhere"))
        for combo in (self.view, self.category, self.priority):
            combo.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.refresh()

    def show_view(self, view: str) -> None:
        self.view.setCurrentIndex(self.view.findData(view))

    def current_query(self) -> ComplaintQuery:
        return ComplaintQuery(
            view=self.view.currentData(),
            category_id=self.category.currentData(),
            priority=self.priority.currentData(),
            date_from=cast(date, self.date_from.date().toPython()),  # PySide6 types toPython() as object
            date_to=cast(date, self.date_to.date().toPython()),
        )

    # --- following the other desks ----------------------------------------------------------------
    FOLLOWS = ("complaint", "calm_session")

    def follow(self, bus) -> None:
        bus.subscribe(self.FOLLOWS, self.changed_elsewhere, owner=self)
        self._loading: Task | None = None
        self._stale = False

    def changed_elsewhere(self, changes) -> None:
        """A complaint (or a calm-down session) was saved on some desk: the list is read again off the
        UI thread; while the page is hidden, when it is next shown."""
        if "calm_session" in changes.kinds() and self.tabs.currentIndex() == 1 and self.isVisible():
            self.sessions.refresh()
        if "complaint" in changes.kinds():
            self.reload()

    def reload(self) -> None:
        self._stale = True
        if not self.isVisible() or getattr(self, "_loading", None) is not None:
            return
        from ..tasks import run_task

        self._stale = False
        actor, query = self.actor, self.current_query()
        self._loading = run_task(
            lambda _progress: _first_page(actor, query), self._loaded, self._load_failed, parent=self
        )

    def _loaded(self, found: Found) -> None:
        self._loading = None
        self.show_found(found)
        if self._stale:
            self.reload()

    def _load_failed(self, error: BaseException) -> None:
        import logging

        self._loading = None
        logging.getLogger(__name__).info("the complaints could not be read: %s", error)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.reload()

    def refresh(self) -> None:
        if self.tabs.currentIndex() == 1:  # the sessions' figures are read only when they are on screen
            self.sessions.refresh()
        self.show_found(_first_page(self.actor, self.current_query()))

    def show_found(self, found: Found) -> None:
        """The first page of what the query found (the rest come as the table scrolls), and the counts."""
        chosen = self.table.currentIndex().data(ComplaintModel.ID_ROLE) if self.table.currentIndex().isValid() else None
        self.model.actor, self.model.query = self.actor, found.query
        self.model.set_rows(found.rows, found.total)
        rows = found.rows
        lang = i18n.current_language()
        self.count_label.setText(
            self.tr("{0} complaints, {1} overdue").format(digits(found.total, lang), digits(found.overdue, lang))
        )
        if rows:
            ids = [r.id for r in rows]
            row = ids.index(chosen) if chosen in ids else 0
            select_row(self.table, row)
