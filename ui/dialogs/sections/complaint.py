"""The complaint window's sections: the bar that says another desk changed it, the buttons that
move it on, what happened, the supervisor's controls, its history and the discussion."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import complaints
from helpdesk.clock import to_local
from helpdesk.localization import format_datetime
from helpdesk.models import Customer, Staff

from ... import i18n
from ...messages import choice
from ...widgets import ErrorLabel
from ..complaint_form import staff_combo


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button


class ChangedElsewhereBar(QWidget):
    """A calm bar, not a box: another desk saved a change to this complaint; reload when ready (F5)."""

    reload_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("changedElsewhere")
        self.setStyleSheet("#changedElsewhere { background: #e3eefc; } #changedElsewhere QLabel { color: #0b2a4a; }")
        self.setAutoFillBackground(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel()
        self.text.setObjectName("changedElsewhereText")
        self.text.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload (F5)"))
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setAccessibleName(self.tr("Reload"))
        self.reload_button.clicked.connect(self.reload_requested)
        row.addWidget(self.text, 1)
        row.addWidget(self.reload_button)
        self.hide()

    def tell(self, who: Staff | None) -> None:
        if who is not None:
            text = self.tr("{0} saved a change to this complaint — reload?").format(who.full_name)
        else:
            text = self.tr("Someone saved a change to this complaint — reload?")
        self.text.setText(text)
        self.show()


class ComplaintActions(QWidget):
    """The buttons that move the complaint on, and the supervisors' report and history; each shows
    only when it applies to the complaint as it stands (``show_for``)."""

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        buttons = QHBoxLayout(self)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.start_button = _button(self.tr("Start &working on it"), "startButton")
        self.escalate_button = _button(self.tr("&Escalate to a supervisor… (Ctrl+E)"), "escalateButton")
        self.resolve_button = _button(self.tr("&Resolve… (Ctrl+R)"), "resolveButton")
        self.close_button = _button(self.tr("C&lose the complaint"), "closeComplaintButton")
        self.reopen_button = _button(self.tr("Re&open"), "reopenButton")
        for button in (
            self.start_button,
            self.escalate_button,
            self.resolve_button,
            self.close_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.report_button = _button(self.tr("Re&port…"), "complaintReportButton")
        self.report_button.setToolTip(self.tr("The incident report of this complaint, in the report centre"))
        self.report_button.setVisible(actor.is_supervisor)
        buttons.addWidget(self.report_button)
        self.history_button = _button(self.tr("&History (Ctrl+H)"), "complaintHistoryButton")
        self.history_button.setToolTip(self.tr("Who changed this complaint and when, in the audit log"))
        self.history_button.setVisible(actor.is_supervisor)
        buttons.addWidget(self.history_button)
        for button in (
            self.start_button,
            self.escalate_button,
            self.resolve_button,
            self.close_button,
            self.reopen_button,
            self.report_button,
        ):
            button.setAccessibleName(button.text().replace("&", "").split(" (")[0])

    def show_for(self, c) -> None:
        self.start_button.setVisible(c.status in (complaints.NEW, complaints.ESCALATED))
        self.escalate_button.setVisible(c.status in (complaints.NEW, complaints.IN_PROGRESS, complaints.RESOLVED))
        self.resolve_button.setVisible(
            c.status in complaints.OPEN_STATUSES and complaints.may_move(self.actor, c, complaints.RESOLVED)
        )
        self.close_button.setVisible(c.status == complaints.RESOLVED)
        self.close_button.setEnabled(complaints.may_move(self.actor, c, complaints.CLOSED))
        if not self.close_button.isEnabled():
            self.close_button.setToolTip(self.tr("Only the person dealing with it or a supervisor can close it."))
        self.reopen_button.setVisible(c.status in (complaints.RESOLVED, complaints.CLOSED))
        self.reopen_button.setEnabled(complaints.may_move(self.actor, c, complaints.IN_PROGRESS))


class ComplaintDetails(QWidget):
    """What happened, what the customer wants, and where the escalation and the resolution stand."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.language = i18n.current_language()
        details = QFormLayout(self)
        details.setContentsMargins(0, 0, 0, 0)
        self.customer = _plain()
        self.description = _plain()
        self.wanted = _plain()
        self.resolution = _plain()
        self.escalation = _plain()
        details.addRow(self.tr("Customer"), self.customer)
        details.addRow(self.tr("What happened"), self.description)
        details.addRow(self.tr("What the customer wants"), self.wanted)
        details.addRow(self.tr("Escalation"), self.escalation)
        details.addRow(self.tr("Resolution"), self.resolution)

    def _set(self, label: QLabel, text: str) -> None:
        """A value in either script lines up with its label: each line starts with the page's direction mark."""
        mark = "\u200f" if self.language == "fa" else "\u200e"
        label.setText(mark + text.replace("\n", "\n" + mark))

    def show_complaint(self, c) -> None:
        lang = self.language
        customer = Customer.get_or_none(Customer.id == c.customer_id) if c.customer_id else None
        self._set(self.customer, customer.display_name if customer else self.tr("Not identified"))
        self._set(self.description, c.description)
        self._set(self.wanted, c.wanted or "—")
        if c.escalated_at:
            who = Staff.get_by_id(c.escalated_to_id).full_name if c.escalated_to_id else "—"
            self._set(
                self.escalation,
                self.tr("To {0} on {1}: {2}").format(
                    who, format_datetime(to_local(c.escalated_at), lang), c.escalation_reason
                ),
            )
        else:
            self.escalation.setText("—")
        if c.resolved_at:
            comeback = {
                True: self.tr("will come back"),
                False: self.tr("will not come back"),
                None: self.tr("may or may not come back"),
            }[c.will_return]
            self._set(
                self.resolution,
                f"{c.resolution_notes}\n{choice('satisfaction', c.resolution_satisfaction)} · {comeback}",
            )
        else:
            self.resolution.setText("—")


class ManageSection(QGroupBox):
    """Supervisors re-categorise, reprioritise and reassign: ``chosen`` carries the service to call and
    the value picked."""

    chosen = Signal(object, object)

    def __init__(self, actor: Staff, parent=None):
        super().__init__(self.tr("Supervisor"), parent)
        language = i18n.current_language()
        manage = QFormLayout(self)
        self.category = QComboBox()
        self.category.setObjectName("manageCategory")
        for category in complaints.categories(include_inactive=True):
            self.category.addItem(category.name(language), category.id)
        self.priority = QComboBox()
        self.priority.setObjectName("managePriority")
        for key in complaints.PRIORITIES:
            self.priority.addItem(choice("priority", key), key)
        self.assignee = staff_combo(actor, "manageAssignee", None)
        manage.addRow(self.tr("Category"), self.category)
        manage.addRow(self.tr("Priority"), self.priority)
        manage.addRow(self.tr("Who deals with it"), self.assignee)
        self.category.activated.connect(
            lambda _i: self.chosen.emit(complaints.recategorise, self.category.currentData())
        )
        self.priority.activated.connect(
            lambda _i: self.chosen.emit(complaints.set_priority, self.priority.currentData())
        )
        self.assignee.activated.connect(lambda _i: self.chosen.emit(complaints.reassign, self.assignee.currentData()))
        for widget, name in (
            (self.category, self.tr("Category")),
            (self.priority, self.tr("Priority")),
            (self.assignee, self.tr("Who deals with it")),
        ):
            widget.setAccessibleName(name)
        self.setVisible(actor.is_supervisor)

    def show_complaint(self, c) -> None:
        self.category.setCurrentIndex(max(0, self.category.findData(c.category_id)))
        self.priority.setCurrentIndex(max(0, self.priority.findData(c.priority)))
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(c.assignee_id)))


class ListSection(QGroupBox):
    """A titled list of lines that wrap: the complaint's history."""

    def __init__(self, title: str, name: str, parent=None):
        super().__init__(title, parent)
        column = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName(name)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(title)
        column.addWidget(self.list)

    def show_lines(self, lines) -> None:
        self.list.clear()
        for line in lines:
            self.list.addItem(line)


class DiscussionSection(QGroupBox):
    """The discussion, and the box to add to it, internal or for the customer (Ctrl+Enter adds)."""

    add_requested = Signal()
    # The name shadows QObject.thread() (a method); kept, the window and the tests reach it by it.
    thread: QListWidget  # type: ignore[assignment]

    def __init__(self, parent=None):
        super().__init__(self.tr("Discussion"), parent)
        self.language = i18n.current_language()
        column = QVBoxLayout(self)
        self.thread = QListWidget()
        self.thread.setObjectName("complaintThread")
        self.thread.setWordWrap(True)
        column.addWidget(self.thread, 1)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("commentText")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(90)
        self.comment.setPlaceholderText(self.tr("Add a comment"))
        column.addWidget(self.comment)
        row = QHBoxLayout()
        self.internal = QRadioButton(choice("visibility", "internal"))
        self.internal.setObjectName("commentInternal")
        self.internal.setChecked(True)
        self.to_customer = QRadioButton(choice("visibility", "customer"))
        self.to_customer.setObjectName("commentCustomer")
        self.add_comment_button = _button(self.tr("Add &comment (Ctrl+Enter)"), "addCommentButton")
        self.add_comment_button.clicked.connect(self.add_requested)
        row.addWidget(self.internal)
        row.addWidget(self.to_customer)
        row.addStretch(1)
        row.addWidget(self.add_comment_button)
        column.addLayout(row)
        self.comment_error = ErrorLabel()
        column.addWidget(self.comment_error)
        for widget, name in (
            (self.thread, self.tr("Discussion")),
            (self.comment, self.tr("Add a comment")),
            (self.internal, choice("visibility", "internal")),
            (self.to_customer, choice("visibility", "customer")),
        ):
            widget.setAccessibleName(name)
        self.add_comment_button.setAccessibleName(self.add_comment_button.text().replace("&", "").split(" (")[0])

    def visibility(self) -> str:
        return "customer" if self.to_customer.isChecked() else "internal"

    def show_thread(self, rows) -> None:
        self.thread.clear()
        for row in rows:
            self.thread.addItem(
                f"{format_datetime(to_local(row.at), self.language)} · {row.author.full_name} · "
                f"{choice('visibility', row.visibility)}\n{row.body}"
            )
