"""The Complaints page: my open complaints, all open, overdue, escalated to me, or all,
filtered by category, priority and date. Overdue complaints stand out in red."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
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
from ..widgets import buddy_label, date_edit, select_row
from .follow_ups import OVERDUE_BACKGROUND, OVERDUE_TEXT


class ComplaintModel(QAbstractTableModel):
    NUMBER, RAISED, CUSTOMER, CATEGORY, PRIORITY, STATUS, ASSIGNEE, DESCRIPTION = range(8)
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[complaints.ComplaintRow] = []
        self.category_names: dict[int, str] = {}
        self.headers = [self.tr("No."), self.tr("Raised"), self.tr("Customer"), self.tr("Category"),
                        self.tr("Priority"), self.tr("Status"), self.tr("Who deals with it"),
                        self.tr("What happened")]

    def set_rows(self, rows: list[complaints.ComplaintRow]) -> None:
        lang = i18n.current_language()
        self.beginResetModel()
        self.category_names = {c.id: c.name(lang) for c in complaints.categories(include_inactive=True)}
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        lang = i18n.current_language()
        if role == self.ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return digits(row.id, lang)
            if column == self.RAISED:
                local = to_local(row.created_at)
                return format_short_datetime(local, lang)
            if column == self.CUSTOMER:
                return isolate(row.customer, lang) if row.customer else self.tr("Not identified")
            if column == self.CATEGORY:
                return self.category_names.get(row.category_id, "")
            if column == self.PRIORITY:
                return choice("priority", row.priority)
            if column == self.STATUS:
                status = choice("complaint_status", row.status)
                return self.tr("{0}, overdue").format(status) if row.overdue else status
            if column == self.ASSIGNEE:
                return isolate(row.assignee, lang)
            if column == self.DESCRIPTION:  # people's words keep their full stop at their own end
                return isolate(" ".join(row.description.split())[:160], lang)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DESCRIPTION:
            return row.description
        if row.overdue:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(OVERDUE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_TEXT)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None


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
        self.date_from = date_edit("complaintFrom", preset_period("this_month", i18n.current_language(),
                                                               today - timedelta(days=5 * 365))[0])  # old open ones too
        self.date_to = date_edit("complaintTo", today)
        from_label = buddy_label(self.tr("&From"), self.date_from)
        to_label = buddy_label(self.tr("&To"), self.date_to)
        for widget in (self.category, self.priority, from_label, self.date_from, to_label, self.date_to):
            filters.addWidget(widget)
        filters.addStretch(1)
        column.addLayout(filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("complaintCount")
        column.addWidget(self.count_label)
        self.model = ComplaintModel(self)
        self.table = QTableView()
        self.table.setObjectName("complaintTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(60)  # size columns by the first rows, not by thousands
        header.setSectionResizeMode(ComplaintModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.complaint_requested.emit(index.data(ComplaintModel.ID_ROLE)))
        column.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        for widget, name in ((self.view, self.tr("Which complaints")), (self.category, self.tr("Category")),
                             (self.priority, self.tr("Priority")), (self.date_from, self.tr("From")),
                             (self.date_to, self.tr("To")), (self.table, self.tr("Complaints")),
                             (self.tabs.tabBar(), self.tr("Complaints or calm-down sessions"))):
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
        return ComplaintQuery(view=self.view.currentData(), category_id=self.category.currentData(),
                              priority=self.priority.currentData(), date_from=self.date_from.date().toPython(),
                              date_to=self.date_to.date().toPython())

    # --- following the other desks ----------------------------------------------------------------
    FOLLOWS = ("complaint", "calm_session")

    def follow(self, bus) -> None:
        bus.subscribe(self.FOLLOWS, self.changed_elsewhere, owner=self)
        self._loading = None
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
        self._loading = run_task(lambda _progress: complaints.page(actor, query, 0, 1000), self._loaded,
                                 self._load_failed, parent=self)

    def _loaded(self, rows: list) -> None:
        self._loading = None
        self.show_rows(rows)
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
        self.show_rows(complaints.page(self.actor, self.current_query(), 0, 1000))

    def show_rows(self, rows: list) -> None:
        chosen = self.table.currentIndex().data(ComplaintModel.ID_ROLE) if self.table.currentIndex().isValid() else None
        self.model.set_rows(rows)
        lang = i18n.current_language()
        overdue = sum(bool(r.overdue) for r in rows)
        self.count_label.setText(self.tr("{0} complaints, {1} overdue").format(digits(len(rows), lang),
                                                                                digits(overdue, lang)))
        if rows:
            ids = [r.id for r in rows]
            row = ids.index(chosen) if chosen in ids else 0
            select_row(self.table, row)
