"""The queue of due and overdue follow-ups, shown on the Calls page and on the Dashboard."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import followups, phones, settings
from helpdesk.clock import to_local, utcnow
from helpdesk.localization import digits, format_short_datetime, isolate, left_to_right
from helpdesk.models import Staff

from .. import i18n, prompts
from ..messages import choice, message_for
from ..table_model import Column, TableModel
from ..table_view import table_view
from ..widgets import select_row

OVERDUE_BACKGROUND = QColor("#fbd5d2")
OVERDUE_TEXT = QColor("#8c1d18")
DUE_BACKGROUND = QColor("#ffefc2")
DUE_TEXT = QColor("#4a3800")


def row_style(role: int, background: QColor, text: QColor, bold: bool = False):
    """The colours (and weight) of a row that stands out, for a model's ``role_data``."""
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(background)
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(text)
    if role == Qt.ItemDataRole.FontRole and bold:
        font = QFont()
        font.setBold(True)
        return font
    return None


def overdue_style(role: int):
    return row_style(role, OVERDUE_BACKGROUND, OVERDUE_TEXT, bold=True)


def _promise(model: FollowUpModel, row: followups.QueueRow, lang: str) -> str:
    if row.kind == followups.KIND_MISSED:  # said in the reader's language, whatever the stored text
        return f"{choice('follow_up_kind', row.kind)}: {model.attempts(row.attempts)}"
    return f"{choice('follow_up_kind', row.kind)}: {isolate(row.promise, lang)}"


class FollowUpModel(TableModel):
    DUE, STATE, CUSTOMER, PHONE, PROMISE, ASSIGNEE = range(6)
    CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 3
    COLUMNS = (
        Column(
            cast(str, QT_TRANSLATE_NOOP("FollowUpModel", "Due")),
            lambda m, row, lang: format_short_datetime(to_local(row.due_at), lang),
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("FollowUpModel", "State")),
            lambda m, row, lang: choice("follow_up_state", row.state),
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("FollowUpModel", "Customer")),
            lambda m, row, lang: isolate(row.customer, lang) if row.customer_id is not None else m.number(row),
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("FollowUpModel", "Phone")), lambda m, row, lang: m.number(row)),
        Column(cast(str, QT_TRANSLATE_NOOP("FollowUpModel", "Promised")), _promise, stretch=True),
        Column(cast(str, QT_TRANSLATE_NOOP("FollowUpModel", "Who")), lambda m, row, lang: isolate(row.assignee, lang)),
    )

    PAGE = 200

    def __init__(self, parent=None):
        super().__init__(parent)
        self.region = phones.DEFAULT_REGION
        self.assignee_id: int | None = None  # whose queue (None: everyone's), and when it was read
        self.now = utcnow()

    def more(self, offset: int, limit: int) -> list[followups.QueueRow]:
        return followups.queue(self.assignee_id, self.now, limit=limit, offset=offset)

    def prepare(self, rows: list[followups.QueueRow]) -> None:
        # Read once per refresh, not for every phone cell on every paint (one statement each).
        self.region = settings.phone_region()

    def number(self, row: followups.QueueRow) -> str:
        """The number to call back as people read it, left to right in either language."""
        lang = i18n.current_language()
        return left_to_right(digits(phones.display(row.phone, self.region), lang)) if row.phone else ""

    def attempts(self, count: int) -> str:
        if count <= 1:
            return self.tr("Called once")
        return self.tr("Called {0} times").format(digits(count, i18n.current_language()))

    def role_data(self, row: followups.QueueRow, column: int, role: int):
        if role == self.CUSTOMER_ROLE:
            return row.customer_id
        if row.state == followups.OVERDUE:
            return overdue_style(role)
        if row.state == followups.DUE:
            return row_style(role, DUE_BACKGROUND, DUE_TEXT)
        return None


class FollowUpQueue(QWidget):
    """Due and overdue promises, the oldest first, with a button to call back."""

    callback_requested = Signal(int, object)  # follow-up id, customer id (None: a missed call from an unknown number)
    customer_requested = Signal(int)
    changed = Signal()

    def __init__(self, actor: Staff, mine_only: bool = True, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.now = utcnow
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("followUpSummary")
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)  # a narrow window wraps the summary instead of cutting it
        self.scope = QComboBox()
        self.scope.setObjectName("followUpScope")
        self.scope.addItem(self.tr("Mine"), True)
        self.scope.addItem(self.tr("Everyone's"), False)
        self.scope.setCurrentIndex(0 if mine_only else 1)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.call_back_button = QPushButton(self.tr("Call &back"))
        self.call_back_button.setObjectName("callBackButton")
        self.call_back_button.setToolTip(self.tr("Call the customer now; saving the call completes the follow-up"))
        self.call_back_button.clicked.connect(self.call_back)
        self.cancel_button = QPushButton(self.tr("Cancel follow-up"))
        self.cancel_button.setObjectName("cancelFollowUpButton")
        self.cancel_button.clicked.connect(self.cancel_selected)
        top.addWidget(self.title, 1)
        top.addWidget(self.scope)
        top.addWidget(self.call_back_button)
        top.addWidget(self.cancel_button)
        column.addLayout(top)
        self.message = QLabel()
        self.message.setObjectName("followUpMessage")
        self.message.hide()
        column.addWidget(self.message)
        self.model = FollowUpModel(self)
        self.table = table_view(self.model, "followUpTable", opened=lambda _index: self.call_back())
        column.addWidget(self.table, 1)
        for widget, name in (
            (self.scope, self.tr("Whose follow-ups")),
            (self.call_back_button, self.tr("Call back")),
            (self.cancel_button, self.tr("Cancel follow-up")),
            (self.table, self.tr("Follow-ups due: Enter calls back")),
        ):
            widget.setAccessibleName(name)
        self.refresh()

    @property
    def mine_only(self) -> bool:
        return bool(self.scope.currentData())

    def refresh(self) -> None:
        """Read the queue again, keeping the selected promise selected."""
        now = self.now()
        chosen = self.selected()
        assignee_id = self.actor.id if self.mine_only else None
        counted = followups.counts(assignee_id, now)
        overdue, due = counted[followups.OVERDUE], counted[followups.DUE]
        rows = followups.queue(assignee_id, now, limit=self.model.PAGE)  # the rest as the table scrolls
        self.model.assignee_id, self.model.now = assignee_id, now
        self.model.set_rows(rows, overdue + due)
        lang = i18n.current_language()
        if not rows:
            self.title.setText(self.tr("No follow-ups due. Every promise is kept."))
            self.title.setStyleSheet("")
        else:
            self.title.setText(self.tr("{0} overdue, {1} due today").format(digits(overdue, lang), digits(due, lang)))
            self.title.setStyleSheet(f"color: {OVERDUE_TEXT.name()};" if overdue else "")
        enabled = bool(rows)
        self.call_back_button.setEnabled(enabled)
        self.cancel_button.setEnabled(enabled)
        if rows:
            ids = [r.id for r in rows]
            row = ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0
            select_row(self.table, row)

    def selected(self) -> followups.QueueRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def call_back(self) -> None:
        row = self.selected()
        if row is not None:
            self.callback_requested.emit(row.id, row.customer_id)

    def cancel_selected(self) -> None:
        from helpdesk.errors import KnownError

        row = self.selected()
        if row is None or not prompts.confirm(
            self,
            self.tr("Cancel this follow-up?"),
            self.tr("“{0}” for {1} will no longer be expected.").format(
                choice("follow_up_kind", row.kind) if row.kind == followups.KIND_MISSED else row.promise,
                row.customer or self.model.number(row),
            ),
        ):
            return
        try:
            followups.cancel(self.actor, row.id, version=row.version)
        except KnownError as error:
            self.message.setText(message_for(error))
            self.message.show()
            return
        self.message.hide()
        self.refresh()
        self.changed.emit()
