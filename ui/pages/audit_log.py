"""The audit log, for supervisors: who changed what and when, newest first, with each entry's
fields before and after side by side and the changed ones marked.

The list is a windowed model as the customer directory's (``directory_model.py``): the first
page at once, the number of entries counted off the UI thread, then pages fetched by key as
the view asks for rows, and only the most recently used pages kept. The service
(``helpdesk.audit_log``) checks that the person is a supervisor on every call.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk import audit_log
from helpdesk.audit_log import AuditFilter, Entry
from helpdesk.clock import to_local, utcnow
from helpdesk.errors import KnownError
from helpdesk.localization import (
    digits,
    format_datetime,
    format_short_datetime,
    isolate,
    latin_digits,
    left_to_right,
    listed,
)
from helpdesk.models import Staff

from .. import i18n
from ..messages import choice, field_name, field_value
from ..paged_model import PagedModel
from ..table_model import Column
from ..table_view import SET, table_view
from ..widgets import date_edit, select_row

if TYPE_CHECKING:
    from ..tasks import Task

CONTEXT = "AuditLog"

KINDS = cast(
    dict[str, str],
    {
        "customer": QT_TRANSLATE_NOOP("AuditLog", "Customer"),
        "contact": QT_TRANSLATE_NOOP("AuditLog", "Call or visit"),
        "follow_up": QT_TRANSLATE_NOOP("AuditLog", "Follow-up"),
        "complaint": QT_TRANSLATE_NOOP("AuditLog", "Complaint"),
        "complaint_comment": QT_TRANSLATE_NOOP("AuditLog", "Complaint comment"),
        "complaint_event": QT_TRANSLATE_NOOP("AuditLog", "Complaint event"),
        "complaint_category": QT_TRANSLATE_NOOP("AuditLog", "Complaint category"),
        "calm_session": QT_TRANSLATE_NOOP("AuditLog", "Calm-down session"),
        "checklist_version": QT_TRANSLATE_NOOP("AuditLog", "Checklist"),
        "lost_reason": QT_TRANSLATE_NOOP("AuditLog", "Reason for losing a customer"),
        "staff": QT_TRANSLATE_NOOP("AuditLog", "Staff account"),
        "setting": QT_TRANSLATE_NOOP("AuditLog", "Setting"),
        "database": QT_TRANSLATE_NOOP("AuditLog", "Database"),
    },
)

ACTIONS = cast(
    dict[str, str],
    {
        "create": QT_TRANSLATE_NOOP("AuditLog", "Created"),
        "update": QT_TRANSLATE_NOOP("AuditLog", "Changed"),
        "delete": QT_TRANSLATE_NOOP("AuditLog", "Deleted"),
        "status": QT_TRANSLATE_NOOP("AuditLog", "Status changed"),
        "progress": QT_TRANSLATE_NOOP("AuditLog", "Step taken"),
        "finish": QT_TRANSLATE_NOOP("AuditLog", "Finished"),
        "complete": QT_TRANSLATE_NOOP("AuditLog", "Completed"),
        "cancel": QT_TRANSLATE_NOOP("AuditLog", "Cancelled"),
        "activate": QT_TRANSLATE_NOOP("AuditLog", "Account activated"),
        "deactivate": QT_TRANSLATE_NOOP("AuditLog", "Account deactivated"),
        "reset_password": QT_TRANSLATE_NOOP("AuditLog", "Password reset"),
        "change_password": QT_TRANSLATE_NOOP("AuditLog", "Password changed"),
        "mark_lost": QT_TRANSLATE_NOOP("AuditLog", "Marked as lost"),
        "reactivate": QT_TRANSLATE_NOOP("AuditLog", "Active again"),
        "merge": QT_TRANSLATE_NOOP("AuditLog", "Another customer merged into it"),
        "merged_into": QT_TRANSLATE_NOOP("AuditLog", "Merged into another customer"),
        "sign_in": QT_TRANSLATE_NOOP("AuditLog", "Signed in"),
        "sign_in_failed": QT_TRANSLATE_NOOP("AuditLog", "Failed sign-in"),
        "sign_in_locked": QT_TRANSLATE_NOOP("AuditLog", "Sign-in refused: account locked"),
        "sign_in_inactive": QT_TRANSLATE_NOOP("AuditLog", "Sign-in refused: account deactivated"),
        "restore": QT_TRANSLATE_NOOP("AuditLog", "Database restored from a backup"),
    },
)

# Fields the audit trail holds that no form shows (sign-ins, restores, accounts).
FIELDS = cast(
    dict[str, str],
    {
        "username": QT_TRANSLATE_NOOP("AuditLog", "User name"),
        "failed_attempts": QT_TRANSLATE_NOOP("AuditLog", "Wrong passwords in a row"),
        "locked_until": QT_TRANSLATE_NOOP("AuditLog", "Locked until"),
        "password_hash": QT_TRANSLATE_NOOP("AuditLog", "Password"),
        "created_at": QT_TRANSLATE_NOOP("AuditLog", "Time created"),
        "updated_at": QT_TRANSLATE_NOOP("AuditLog", "Last changed"),
        "version": QT_TRANSLATE_NOOP("AuditLog", "Version"),
        "id": QT_TRANSLATE_NOOP("AuditLog", "Number"),
        "organisation_id": QT_TRANSLATE_NOOP("AuditLog", "Organisation's number"),
        "created_by_id": QT_TRANSLATE_NOOP("AuditLog", "Created by"),
        "updated_by_id": QT_TRANSLATE_NOOP("AuditLog", "Changed by"),
        "lost_at": QT_TRANSLATE_NOOP("AuditLog", "Lost on"),
        "lost_reason_id": QT_TRANSLATE_NOOP("AuditLog", "Reason lost"),
        "merged_into_id": QT_TRANSLATE_NOOP("AuditLog", "Merged into customer"),
        "segment_manual": QT_TRANSLATE_NOOP("AuditLog", "Segment chosen by hand"),
        "backup": QT_TRANSLATE_NOOP("AuditLog", "Backup"),
        "kept_aside": QT_TRANSLATE_NOOP("AuditLog", "Replaced data kept in"),
        "by": QT_TRANSLATE_NOOP("AuditLog", "By"),
    },
)

_MOMENT = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_name(kind: str) -> str:
    return _tr(KINDS[kind]) if kind in KINDS else kind


def action_name(action: str) -> str:
    return _tr(ACTIONS[action]) if action in ACTIONS else action


# Stored values that name one of the record's choices (ui/messages.CHOICES), by field.
_CHOICE_FIELDS = {
    "kind": "kind",
    "segment": "segment",
    "referral_source": "referral_source",
    "preferred_language": "language",
    "channel": "channel",
    "direction": "direction",
}


def shown_field(name: str, changed: bool) -> bool:
    """Whether the before/after table shows a field: one a person knows, or any that changed."""
    return changed or name in FIELDS or field_name(name) != name


def name_of_field(name: str) -> str:
    if name in FIELDS:
        return _tr(FIELDS[name])
    return field_name(name)


def value_of_field(kind: str, name: str, value) -> str:
    """A value as a person reads it; stored moments (UTC) in their calendar and clock."""
    lang = i18n.current_language()
    if isinstance(value, str) and _MOMENT.match(value):
        return format_short_datetime(to_local(datetime.fromisoformat(value)), lang)
    if isinstance(value, (dict, list)) and value:
        import json

        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value and name in _CHOICE_FIELDS:
        return choice(_CHOICE_FIELDS[name], value)
    if isinstance(value, int) and not isinstance(value, bool) and name.endswith("_by_id"):
        person = Staff.get_or_none(Staff.id == value)
        return isolate(person.full_name, lang) if person is not None else digits(value, lang)
    shown = field_value(kind, name, value)
    if isinstance(value, str) and shown.endswith("…") and value.startswith(shown[:-1]):
        shown = value  # a note cut for a one-line message is shown whole here, beside what it was
    return isolate(shown, lang)


def describe(entry: Entry) -> str:
    """The entry in a few words: the action, and for a sign-in or a restore, what came of it."""
    lang = i18n.current_language()
    text = action_name(entry.action)
    after = entry.after or {}
    if entry.action == "sign_in_failed":
        if not entry.record:
            text = QCoreApplication.translate("AuditLog", "Failed sign-in: no such account")
        elif after.get("failed_attempts"):
            text = QCoreApplication.translate("AuditLog", "Failed sign-in: wrong password ({0} in a row)").format(
                digits(after["failed_attempts"], lang)
            )
    elif entry.action == "restore":
        source = after.get("backup") or after.get("from") or after.get("path") or after.get("file")
        if source:
            text = QCoreApplication.translate("AuditLog", "Database restored from {0}").format(
                left_to_right(str(source))
            )
    return text


def record_text(entry: Entry) -> str:
    lang = i18n.current_language()
    if not entry.record:
        return kind_name(entry.kind)
    number = digits(entry.record, lang) if entry.record.isdigit() else left_to_right(entry.record)  # a file's name
    return f"{kind_name(entry.kind)} {number}"


class AuditLogModel(PagedModel):
    """The entries a filter matches, newest first, a window of pages at a time (``ui.paged_model``:
    a page costs one statement, and only the rows on the screen read their JSON)."""

    WHEN, WHO, WHAT, RECORD, CHANGED = range(5)
    COLUMNS = (  # every cell's tip shows it whole, where the column cuts it
        Column(
            cast(str, QT_TRANSLATE_NOOP("AuditLogModel", "When")),
            lambda m, entry, lang: format_short_datetime(to_local(entry.at), lang),
            tip=True,
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("AuditLogModel", "Who")),
            lambda m, entry, lang: isolate(entry.who, lang) or "—",
            tip=True,
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("AuditLogModel", "What")), lambda m, entry, lang: describe(entry), tip=True),
        Column(
            cast(str, QT_TRANSLATE_NOOP("AuditLogModel", "Record")), lambda m, entry, lang: record_text(entry), tip=True
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("AuditLogModel", "Changed fields")),
            lambda m, entry, lang: listed((name_of_field(name) for name in entry.changed()), lang),
            tip=True,
        ),
    )

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        self._filter = AuditFilter()

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, wanted: AuditFilter) -> None:
        self._filter = wanted
        self.reload()

    def refresh(self) -> None:
        self.reload()

    def fetch(self, number: int, after, limit: int) -> list[Entry]:
        # below the last entry of the previous page (its id) when it is known
        return audit_log.page(
            self.actor, self._filter, after_id=after, limit=limit, offset=0 if after is not None else number * self.PAGE
        )

    def counter(self):
        actor, wanted = self.actor, self._filter
        return lambda: audit_log.count(actor, wanted)

    def key(self, entry: Entry) -> int:
        return entry.id

    def entry(self, index: int) -> Entry | None:
        return self.row_at(index)


class EntryView(QWidget):
    """One entry: what, who, when, and its fields before and after side by side, changed ones marked."""

    FIELD, BEFORE, AFTER = range(3)
    ChangedRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("auditEntryHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        column.addWidget(self.heading)
        self.fields = QTableWidget(0, 3)
        self.fields.setObjectName("auditEntryFields")
        self.fields.setAccessibleName(self.tr("Fields before and after"))
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields.setWordWrap(True)
        self.fields.verticalHeader().hide()
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.fields, 1)
        self.legend = QLabel(self.tr("Fields marked ● were changed by this entry."))
        self.legend.setObjectName("auditLegend")
        column.addWidget(self.legend)
        self.entry: Entry | None = None
        self.show_entry(None)

    def show_entry(self, entry: Entry | None) -> None:
        self.entry = entry
        self.fields.setRowCount(0)
        if entry is None:
            self.heading.setText(self.tr("Choose an entry to see its fields before and after."))
            return
        lang = i18n.current_language()
        who = entry.who or self.tr("the help desk")
        self.heading.setText(
            self.tr("{0} — {1}, by {2}, {3}").format(
                describe(entry), record_text(entry), isolate(who, lang), format_datetime(to_local(entry.at), lang)
            )
        )
        marks = {
            change.name: change.changed
            and change.name not in audit_log.BOOKKEEPING
            and entry.before is not None
            and entry.after is not None
            for change in entry.fields()
        }
        # The changed fields first, then the rest of the record as it was, in the record's order.
        fields = sorted(
            (change for change in entry.fields() if shown_field(change.name, marks[change.name])),
            key=lambda change: not marks[change.name],
        )
        self.fields.setRowCount(len(fields))
        mark = QBrush(QColor("#fff1c2"))
        ink = QBrush(QColor("#1f1f1f"))
        for row, change in enumerate(fields):
            marked = marks[change.name]
            name = name_of_field(change.name)
            cells = (
                ("● " if marked else "") + name,
                value_of_field(entry.kind, change.name, change.before) if entry.before is not None else "",
                value_of_field(entry.kind, change.name, change.after) if entry.after is not None else "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(self.ChangedRole, marked)
                if marked:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(mark)
                    item.setForeground(ink)
                self.fields.setItem(row, col, item)
        self.fields.resizeRowsToContents()

    def marked_fields(self) -> list[str]:
        """The names shown as changed (what a person sees marked)."""
        return [
            self.fields.item(row, 0).text().removeprefix("● ")
            for row in range(self.fields.rowCount())
            if self.fields.item(row, 0).data(self.ChangedRole)
        ]

    def row_texts(self) -> list[tuple[str, str, str]]:
        return [tuple(self.fields.item(row, col).text() for col in range(3)) for row in range(self.fields.rowCount())]


class AuditLogPage(QWidget):
    """Filters above, the entries on one side, the chosen entry's before and after on the other."""

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        self._filling = False
        self._export_task: Task | None = None
        lang = i18n.current_language()
        column = QVBoxLayout(self)
        title = QLabel(self.tr("Audit log"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        column.addWidget(title)

        filters = QGridLayout()
        self.person = QComboBox()
        self.person.setObjectName("auditPerson")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.setAccessibleName(self.tr("Person"))
        cast(QLineEdit, self.person.lineEdit()).setPlaceholderText(self.tr("Anyone"))
        self.kind = QComboBox()
        self.kind.setObjectName("auditKind")
        self.kind.setAccessibleName(self.tr("Kind of record"))
        self.record = QLineEdit()
        self.record.setObjectName("auditRecord")
        self.record.setPlaceholderText(self.tr("Record number"))
        self.record.setAccessibleName(self.tr("Record number"))
        self.record.setMaximumWidth(140)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.setAccessibleName(self.tr("Action"))
        # Two filters a row: four in one row squeezed each to a few letters in a window of 1,000 pixels.
        for place, (label, widget) in enumerate(
            (
                (self.tr("&Person:"), self.person),
                (self.tr("&Kind:"), self.kind),
                (self.tr("&Number:"), self.record),
                (self.tr("&Action:"), self.action),
            )
        ):
            buddy = QLabel(label)
            buddy.setBuddy(widget)
            filters.addWidget(buddy, place // 2, 2 * (place % 2))
            filters.addWidget(widget, place // 2, 2 * (place % 2) + 1)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        column.addLayout(filters)

        period = QHBoxLayout()
        today = to_local(utcnow()).date()
        self.use_period = QCheckBox(self.tr("Only &from"))
        self.use_period.setObjectName("auditUsePeriod")
        self.date_from = date_edit("auditFrom", today - timedelta(days=30))
        self.date_to = date_edit("auditTo", today)
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to.setAccessibleName(self.tr("To"))
        period.addWidget(self.use_period)
        period.addWidget(self.date_from)
        to_label = QLabel(self.tr("to"))
        to_label.setBuddy(self.date_to)
        period.addWidget(to_label)
        period.addWidget(self.date_to)
        period.addStretch(1)
        self.clear_button = QPushButton(self.tr("&Clear the filters"))
        self.clear_button.setObjectName("auditClear")
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("auditExport")
        for button in (self.clear_button, self.refresh_button, self.export_button):
            button.setMinimumWidth(button.sizeHint().width())  # the dates give way, not the buttons' words
            period.addWidget(button)
        column.addLayout(period)

        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        column.addWidget(self.count_label)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = AuditLogModel(actor, self)
        self.table = table_view(
            self.model,
            "auditTable",
            self.tr("Audit log entries"),
            columns=SET,
            widths={
                AuditLogModel.WHEN: 125,
                AuditLogModel.WHO: 115,
                AuditLogModel.WHAT: 175,
                AuditLogModel.RECORD: 115,
            },
        )
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.detail = EntryView()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        column.addWidget(split, 1)

        self._fill_choices(lang)
        self.person.activated.connect(lambda _i: self.apply())
        cast(QLineEdit, self.person.lineEdit()).returnPressed.connect(self._person_typed)
        self.kind.currentIndexChanged.connect(lambda _i: self.apply())
        self.action.currentIndexChanged.connect(lambda _i: self.apply())
        self.record.returnPressed.connect(self._record_typed)
        self.use_period.toggled.connect(self._period_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.apply() if self.use_period.isChecked() else None)
        self.date_to.dateChanged.connect(lambda _d: self.apply() if self.use_period.isChecked() else None)
        self.clear_button.clicked.connect(self.clear_filters)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_file)
        self.model.counted.connect(self._show_count)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._current(current))
        self.table.activated.connect(lambda _index: self.detail.fields.setFocus())
        QShortcut(QKeySequence("F5"), self, self.refresh, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back = QShortcut(
            QKeySequence("Escape"), self.detail.fields, self.table.setFocus, context=Qt.ShortcutContext.WidgetShortcut
        )
        back.setObjectName("auditBack")
        self._period_toggled(False)  # and the first page

    # --- filters ------------------------------------------------------------------
    def _fill_choices(self, lang: str) -> None:
        self._filling = True
        self.person.addItem(self.tr("Anyone"), None)
        for staff_id, full_name, username in audit_log.people(self.actor):
            self.person.addItem(f"{isolate(full_name, lang)} ({left_to_right(username)})", staff_id)
        self.person.setCurrentIndex(0)
        cast(QLineEdit, self.person.lineEdit()).clear()
        self.kind.addItem(self.tr("Any kind"), None)
        # The kinds and actions the app writes (asking the trail which it holds reads all of it).
        for kind in sorted(KINDS, key=kind_name):
            self.kind.addItem(kind_name(kind), kind)
        self.action.addItem(self.tr("Any action"), None)
        for action in sorted(ACTIONS, key=action_name):
            self.action.addItem(action_name(action), action)
        self._filling = False

    def focus_first(self) -> None:
        """Typing goes to the person filter when the page opens."""
        self.person.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _person_typed(self) -> None:
        """Enter in the person filter: the first person whose name holds what was typed (nobody typed:
        anyone), then the list."""
        typed = cast(QLineEdit, self.person.lineEdit()).text().strip().casefold()
        index = 0
        if typed:
            index = next((i for i in range(1, self.person.count()) if typed in self.person.itemText(i).casefold()), -1)
        if index >= 0:
            self.person.setCurrentIndex(index)
            if index == 0:
                cast(QLineEdit, self.person.lineEdit()).clear()
        self.apply()
        self._to_list()

    def _record_typed(self) -> None:
        self.apply()
        self._to_list()

    def _to_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            select_row(self.table, 0)

    def _period_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply()

    def current_filter(self) -> AuditFilter:
        person = self.person.currentData() if self.person.currentIndex() > 0 else None
        record = latin_digits(self.record.text()).strip() or None
        since = until = None
        if self.use_period.isChecked():
            first = cast(date, self.date_from.date().toPython())  # PySide6 types toPython() as object
            last = cast(date, self.date_to.date().toPython())
            since, until = audit_log.local_period(min(first, last), max(first, last))
        return AuditFilter(
            person=person,
            kind=self.kind.currentData(),
            record=record,
            action=self.action.currentData(),
            since=since,
            until=until,
        )

    def show_record(self, kind: str, record_id) -> None:
        """Only the history of one record (from its window): every person, action and time."""
        self._filling = True
        self.person.setCurrentIndex(0)
        cast(QLineEdit, self.person.lineEdit()).clear()
        index = self.kind.findData(kind)
        if index < 0:
            self.kind.addItem(kind_name(kind), kind)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.record.setText(digits(record_id, i18n.current_language()))
        self.action.setCurrentIndex(0)
        self.use_period.setChecked(False)
        self._filling = False
        self.apply()
        self._to_list()

    def clear_filters(self) -> None:
        self._filling = True
        self.person.setCurrentIndex(0)
        cast(QLineEdit, self.person.lineEdit()).clear()
        self.kind.setCurrentIndex(0)
        self.record.clear()
        self.action.setCurrentIndex(0)
        self.use_period.setChecked(False)
        self._filling = False
        self.apply()
        self.focus_first()

    def apply(self) -> None:
        if self._filling:
            return
        wanted = self.current_filter()
        if wanted != self.model.filter or self.model.rowCount() == 0:
            self.model.set_filter(wanted)

    def refresh(self) -> None:
        self.model.refresh()

    # --- the list and the entry -------------------------------------------------------
    def _after_reset(self) -> None:
        self.detail.show_entry(None)
        if self.model.rowCount() == 0:
            self.count_label.setText(self.tr("No entries match."))
        elif self.model.is_counting():
            self.count_label.setText(
                self.tr("Entries: more than {0}").format(digits(self.model.rowCount(), i18n.current_language()))
            )

    def _show_count(self, total: int) -> None:
        if total:
            self.count_label.setText(self.tr("Entries: {0}").format(digits(total, i18n.current_language())))

    def _current(self, index: QModelIndex) -> None:
        self.detail.show_entry(self.model.entry(index.row()) if index.isValid() else None)

    # --- export -------------------------------------------------------------------
    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "audit-log.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        from ..tasks import run_task

        actor, wanted = self.actor, self.current_filter()
        self.export_button.setEnabled(False)
        self.count_label.setText(self.tr("Exporting…"))
        self._export_task = run_task(
            lambda _progress: audit_log.export(actor, wanted, path),
            lambda written: self._exported(path, written),
            self._export_failed,
            parent=self,
        )

    def _exported(self, path: str, written: int) -> None:
        self._export_task = None
        self.export_button.setEnabled(True)
        self.count_label.setText(
            self.tr("Exported {0} entries to {1}").format(digits(written, i18n.current_language()), left_to_right(path))
        )

    def _export_failed(self, error: BaseException) -> None:
        from ..dialogs.error_dialog import show_known_error

        self._export_task = None
        self.export_button.setEnabled(True)
        self.count_label.setText("")
        if isinstance(error, (KnownError, OSError)):
            show_known_error(self, error if isinstance(error, KnownError) else KnownError(str(error)))
        else:
            raise error
