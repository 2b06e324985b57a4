"""One complaint: what happened, where it stands against its targets, the discussion,
the history, and the buttons that move it on."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
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
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from helpdesk import complaints
from helpdesk.clock import to_local
from helpdesk.errors import Conflict, KnownError
from helpdesk.localization import digits, format_datetime
from helpdesk.models import ComplaintCategory, Customer, Staff

from .. import i18n, prompts
from ..messages import choice, message_for
from ..widgets import ConflictNotice, ErrorLabel, error_colour, place_window, remember_window
from .complaint_form import EscalateDialog, ResolveDialog, staff_combo

GEOMETRY_KEY = "complaintWindow/geometry"


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ComplaintWindow(QWidget):
    changed = Signal(int)
    report_requested = Signal(int)  # the incident report of this complaint (supervisors)
    history_requested = Signal(int)  # this complaint's audit trail (supervisors)

    def __init__(self, actor: Staff, complaint_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("complaintWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.actor = actor
        self.complaint_id = complaint_id
        self.language = i18n.current_language()
        self.dialog = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("complaintTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        column.addWidget(self.title)
        self.deadline = QLabel()
        self.deadline.setObjectName("complaintDeadline")
        self.deadline.setWordWrap(True)
        column.addWidget(self.deadline)
        self._build_elsewhere_bar(column)

        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start &working on it"))
        self.start_button.setObjectName("startButton")
        self.start_button.clicked.connect(lambda: self._move(complaints.IN_PROGRESS))
        self.escalate_button = QPushButton(self.tr("&Escalate to a supervisor… (Ctrl+E)"))
        self.escalate_button.setObjectName("escalateButton")
        self.escalate_button.clicked.connect(self.escalate)
        self.resolve_button = QPushButton(self.tr("&Resolve… (Ctrl+R)"))
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(self.resolve)
        self.close_button = QPushButton(self.tr("C&lose the complaint"))
        self.close_button.setObjectName("closeComplaintButton")
        self.close_button.clicked.connect(lambda: self._move(complaints.CLOSED))
        self.reopen_button = QPushButton(self.tr("Re&open"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(lambda: self._move(complaints.IN_PROGRESS))
        for button in (self.start_button, self.escalate_button, self.resolve_button, self.close_button,
                       self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.report_button = QPushButton(self.tr("Re&port…"))
        self.report_button.setObjectName("complaintReportButton")
        self.report_button.setToolTip(self.tr("The incident report of this complaint, in the report centre"))
        self.report_button.clicked.connect(lambda: self.report_requested.emit(self.complaint_id))
        self.report_button.setVisible(self.actor.is_supervisor)
        buttons.addWidget(self.report_button)
        self.history_button = QPushButton(self.tr("&History (Ctrl+H)"))
        self.history_button.setObjectName("complaintHistoryButton")
        self.history_button.setToolTip(self.tr("Who changed this complaint and when, in the audit log"))
        self.history_button.clicked.connect(lambda: self.history_requested.emit(self.complaint_id))
        self.history_button.setVisible(self.actor.is_supervisor)
        QShortcut(QKeySequence("Ctrl+H"), self, lambda: self.history_button.isVisible() and self.history_button.click())
        buttons.addWidget(self.history_button)
        column.addLayout(buttons)
        self.message = ErrorLabel()
        self.message.setObjectName("complaintMessage")
        column.addWidget(self.message)
        self.conflict = ConflictNotice()
        self.conflict.keep_button.clicked.connect(self._keep_mine)
        self.conflict.take_button.clicked.connect(self._take_theirs)
        self._pending = None  # the change refused because another desk saved first: (service, value)
        column.addWidget(self.conflict)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        column.addWidget(splitter, 1)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        details = QFormLayout()
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
        left_column.addLayout(details)

        # Supervisors re-categorise, reprioritise and reassign.
        self.manage_box = QGroupBox(self.tr("Supervisor"))
        manage = QFormLayout(self.manage_box)
        self.category = QComboBox()
        self.category.setObjectName("manageCategory")
        for category in complaints.categories(include_inactive=True):
            self.category.addItem(category.name(self.language), category.id)
        self.priority = QComboBox()
        self.priority.setObjectName("managePriority")
        for key in complaints.PRIORITIES:
            self.priority.addItem(choice("priority", key), key)
        self.assignee = staff_combo(self.actor, "manageAssignee", None)
        manage.addRow(self.tr("Category"), self.category)
        manage.addRow(self.tr("Priority"), self.priority)
        manage.addRow(self.tr("Who deals with it"), self.assignee)
        self.category.activated.connect(lambda _i: self._manage(complaints.recategorise, self.category.currentData()))
        self.priority.activated.connect(lambda _i: self._manage(complaints.set_priority, self.priority.currentData()))
        self.assignee.activated.connect(lambda _i: self._manage(complaints.reassign, self.assignee.currentData()))
        self.manage_box.setVisible(self.actor.is_supervisor)
        left_column.addWidget(self.manage_box)

        history_box = QGroupBox(self.tr("History"))
        history_column = QVBoxLayout(history_box)
        self.history = QListWidget()
        self.history.setObjectName("complaintHistory")
        self.history.setWordWrap(True)
        history_column.addWidget(self.history)
        left_column.addWidget(history_box, 1)
        splitter.addWidget(left)

        thread_box = QGroupBox(self.tr("Discussion"))
        thread_column = QVBoxLayout(thread_box)
        self.thread = QListWidget()
        self.thread.setObjectName("complaintThread")
        self.thread.setWordWrap(True)
        thread_column.addWidget(self.thread, 1)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("commentText")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(90)
        self.comment.setPlaceholderText(self.tr("Add a comment"))
        thread_column.addWidget(self.comment)
        comment_row = QHBoxLayout()
        self.internal = QRadioButton(choice("visibility", "internal"))
        self.internal.setObjectName("commentInternal")
        self.internal.setChecked(True)
        self.to_customer = QRadioButton(choice("visibility", "customer"))
        self.to_customer.setObjectName("commentCustomer")
        self.add_comment_button = QPushButton(self.tr("Add &comment (Ctrl+Enter)"))
        self.add_comment_button.setObjectName("addCommentButton")
        self.add_comment_button.clicked.connect(self.add_comment)
        comment_row.addWidget(self.internal)
        comment_row.addWidget(self.to_customer)
        comment_row.addStretch(1)
        comment_row.addWidget(self.add_comment_button)
        thread_column.addLayout(comment_row)
        self.comment_error = ErrorLabel()
        thread_column.addWidget(self.comment_error)
        splitter.addWidget(thread_box)
        QShortcut(QKeySequence("Ctrl+Return"), self.comment, self.add_comment,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.add_comment() if self.comment.toPlainText().strip()
                  else None)
        # Keys that work in every language (the &-letters are English only).
        QShortcut(QKeySequence("Ctrl+E"), self, lambda: self.escalate() if self.escalate_button.isVisible()
                  and self.escalate_button.isEnabled() else None)
        QShortcut(QKeySequence("Ctrl+R"), self, lambda: self.resolve() if self.resolve_button.isVisible() else None)
        QShortcut(QKeySequence("Escape"), self, self.close)
        self._name_for_screen_readers()
        self.comment.setFocus()  # where the person types first
        self.setTabOrder(self.comment, self.internal)
        self.setTabOrder(self.internal, self.to_customer)
        self.setTabOrder(self.to_customer, self.add_comment_button)

    def _build_elsewhere_bar(self, column: QVBoxLayout) -> None:
        """A calm bar, not a box: another desk saved a change to this complaint; reload when ready (F5)."""
        self.elsewhere = QWidget()
        self.elsewhere.setObjectName("changedElsewhere")
        self.elsewhere.setStyleSheet("#changedElsewhere { background: #e3eefc; } #changedElsewhere QLabel { color: #0b2a4a; }")
        self.elsewhere.setAutoFillBackground(True)
        row = QHBoxLayout(self.elsewhere)
        row.setContentsMargins(8, 4, 8, 4)
        self.elsewhere_text = QLabel()
        self.elsewhere_text.setObjectName("changedElsewhereText")
        self.elsewhere_text.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload (F5)"))
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setAccessibleName(self.tr("Reload"))
        self.reload_button.clicked.connect(self.reload)
        row.addWidget(self.elsewhere_text, 1)
        row.addWidget(self.reload_button)
        self.elsewhere.hide()
        column.addWidget(self.elsewhere)
        QShortcut(QKeySequence("F5"), self, self.reload)

    def follow(self, bus) -> None:
        """Hear of changes to this complaint (its comments, its history) saved on other desks, and say
        who else has it open ("Mina is editing this complaint")."""
        from ..changes import PresenceLabel

        bus.subscribe(("complaint",), self.changed_elsewhere, owner=self)
        self.presence = PresenceLabel(bus, "complaint", self.complaint_id, self.actor)
        self.layout().insertWidget(self.layout().indexOf(self.elsewhere) + 1, self.presence)

    def changed_elsewhere(self, changes) -> None:
        theirs = [c for c in changes.by_others(self.actor.id) if c.touches("complaint", self.complaint_id)]
        if not theirs:
            return
        who = Staff.get_or_none(Staff.id == theirs[-1].actor) if theirs[-1].actor is not None else None
        if who is not None:
            text = self.tr("{0} saved a change to this complaint — reload?").format(who.full_name)
        else:
            text = self.tr("Someone saved a change to this complaint — reload?")
        self.elsewhere_text.setText(text)
        self.elsewhere.show()

    def reload(self) -> None:
        """Show the complaint as it is stored now (what is typed in the comment box stays)."""
        self.elsewhere.hide()
        try:
            self.refresh()
        except KnownError as error:
            self.message.show_message(message_for(error))

    def _name_for_screen_readers(self) -> None:
        for button in (self.start_button, self.escalate_button, self.resolve_button, self.close_button,
                       self.reopen_button, self.report_button, self.add_comment_button):
            button.setAccessibleName(button.text().replace("&", "").split(" (")[0])
        for widget, name in ((self.category, self.tr("Category")), (self.priority, self.tr("Priority")),
                             (self.assignee, self.tr("Who deals with it")), (self.history, self.tr("History")),
                             (self.thread, self.tr("Discussion")), (self.comment, self.tr("Add a comment")),
                             (self.internal, choice("visibility", "internal")),
                             (self.to_customer, choice("visibility", "customer"))):
            widget.setAccessibleName(name)

    # --- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        c = complaints.get(self.complaint_id)
        self.elsewhere.hide()  # what is shown now is what is stored
        self.complaint = c
        lang = self.language
        category = ComplaintCategory.get_by_id(c.category_id).name(lang)
        self.title.setText(self.tr("Complaint {0}: {1}").format(digits(c.id, lang), category))
        self.setWindowTitle(self.title.text())
        due = complaints.deadlines(c.created_at, c.priority)
        late = complaints.overdue_reasons(c) if c.status in complaints.OPEN_STATUSES else []
        status = choice("complaint_status", c.status)
        parts = [status, choice("priority", c.priority),
                 self.tr("raised {0}").format(format_datetime(to_local(c.created_at), lang))]
        if c.status in complaints.OPEN_STATUSES:
            if c.first_response_at is None:
                parts.append(self.tr("first response due {0}").format(format_datetime(to_local(due.first_response),
                                                                                      lang)))
            parts.append(self.tr("resolution due {0}").format(format_datetime(to_local(due.resolution), lang)))
        text = " · ".join(parts)
        if late:
            text = self.tr("OVERDUE") + " — " + text
            self.deadline.setStyleSheet(f"color: {error_colour(self)}; font-weight: bold;")
        else:
            self.deadline.setStyleSheet("")
        self.deadline.setText(text)
        customer = Customer.get_or_none(Customer.id == c.customer_id) if c.customer_id else None
        self._set(self.customer, customer.display_name if customer else self.tr("Not identified"))
        self._set(self.description, c.description)
        self._set(self.wanted, c.wanted or "—")
        if c.escalated_at:
            who = Staff.get_by_id(c.escalated_to_id).full_name if c.escalated_to_id else "—"
            self._set(self.escalation, self.tr("To {0} on {1}: {2}").format(
                who, format_datetime(to_local(c.escalated_at), lang), c.escalation_reason))
        else:
            self.escalation.setText("—")
        if c.resolved_at:
            comeback = {True: self.tr("will come back"), False: self.tr("will not come back"),
                        None: self.tr("may or may not come back")}[c.will_return]
            self._set(self.resolution, f"{c.resolution_notes}\n{choice('satisfaction', c.resolution_satisfaction)} · "
                                       f"{comeback}")
        else:
            self.resolution.setText("—")
        self.category.setCurrentIndex(max(0, self.category.findData(c.category_id)))
        self.priority.setCurrentIndex(max(0, self.priority.findData(c.priority)))
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(c.assignee_id)))
        self.start_button.setVisible(c.status in (complaints.NEW, complaints.ESCALATED))
        self.escalate_button.setVisible(c.status in (complaints.NEW, complaints.IN_PROGRESS, complaints.RESOLVED))
        self.resolve_button.setVisible(c.status in complaints.OPEN_STATUSES
                                       and complaints.may_move(self.actor, c, complaints.RESOLVED))
        self.close_button.setVisible(c.status == complaints.RESOLVED)
        self.close_button.setEnabled(complaints.may_move(self.actor, c, complaints.CLOSED))
        if not self.close_button.isEnabled():
            self.close_button.setToolTip(self.tr("Only the person dealing with it or a supervisor can close it."))
        self.reopen_button.setVisible(c.status in (complaints.RESOLVED, complaints.CLOSED))
        self.reopen_button.setEnabled(complaints.may_move(self.actor, c, complaints.IN_PROGRESS))
        self.history.clear()
        for event in complaints.history(c.id):
            self.history.addItem(self._event_text(event))
        self.thread.clear()
        for row in complaints.thread(c.id):
            self.thread.addItem(f"{format_datetime(to_local(row.at), lang)} · {row.author.full_name} · "
                                f"{choice('visibility', row.visibility)}\n{row.body}")

    def _set(self, label: QLabel, text: str) -> None:
        """A value in either script lines up with its label: each line starts with the page's direction mark."""
        mark = "\u200f" if self.language == "fa" else "\u200e"
        label.setText(mark + text.replace("\n", "\n" + mark))

    def _event_text(self, event) -> str:
        lang = self.language
        when = f"{format_datetime(to_local(event.at), lang)} · {event.actor.full_name}"
        if event.kind == "status":
            text = self.tr("{0}: now {1}").format(when, choice("complaint_status", event.new_value))
        elif event.kind == "escalate":
            who = Staff.get_or_none(Staff.id == int(event.new_value)) if event.new_value.isdigit() else None
            text = self.tr("{0}: escalated to {1}").format(when, who.full_name if who else "—")
        elif event.kind == "category":
            new = ComplaintCategory.get_or_none(ComplaintCategory.id == int(event.new_value))
            text = self.tr("{0}: category now {1}").format(when, new.name(lang) if new else "—")
        elif event.kind == "assignee":
            who = Staff.get_or_none(Staff.id == int(event.new_value))
            text = self.tr("{0}: given to {1}").format(when, who.full_name if who else "—")
        elif event.kind == "priority":
            text = self.tr("{0}: priority now {1}").format(when, choice("priority", event.new_value))
        else:
            text = when
        return text + (f" — {event.note}" if event.note else "")

    # --- acting ---------------------------------------------------------------------------------
    def _run(self, action) -> bool:
        self.message.clear_message()
        self.conflict.clear()
        try:
            action()
        except Conflict as conflict:  # another desk saved first: what they changed, then keep mine / take theirs
            self.refresh()
            self.conflict.show_conflict(conflict)
            return False
        except KnownError as error:
            self.message.show_message(message_for(error))
            self.refresh()
            return False
        self._pending = None
        self.refresh()
        self.changed.emit(self.complaint_id)
        return True

    def _move(self, status: str) -> None:
        self._change(lambda version: complaints.move(self.actor, self.complaint_id, status, version=version))

    def _manage(self, service, value) -> None:
        self._change(lambda version: service(self.actor, self.complaint_id, value, version=version))

    def _change(self, change) -> None:
        """Make ``change`` (called with the version on the screen); kept in case another desk saved first."""
        self._pending = change
        self._run(lambda: change(self.complaint.version))

    def _keep_mine(self) -> None:
        if self._pending is not None:
            self._change(self._pending)  # the screen now shows their version: mine goes over it

    def _take_theirs(self) -> None:
        self._pending = None
        self.conflict.clear()
        self.refresh()

    def _open(self, dialog) -> QWidget:
        dialog.accepted.connect(lambda: (self.refresh(), self.changed.emit(self.complaint_id)))
        dialog.rejected.connect(self.refresh)  # "take theirs", or another desk's change while it was open
        self.dialog = dialog
        dialog.open()
        return dialog

    def escalate(self) -> QWidget:
        return self._open(EscalateDialog(self.actor, self.complaint_id, self.complaint.version, self))

    def resolve(self) -> QWidget:
        return self._open(ResolveDialog(self.actor, self.complaint_id, self.complaint.version, self))

    def add_comment(self) -> None:
        self.comment_error.clear_message()
        visibility = "customer" if self.to_customer.isChecked() else "internal"
        try:
            complaints.comment(self.actor, self.complaint_id, self.comment.toPlainText(), visibility)
        except KnownError as error:
            self.comment_error.show_message(message_for(error))
            return
        self.comment.clear()
        self.refresh()
        self.changed.emit(self.complaint_id)

    # --- the window ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        place_window(self, GEOMETRY_KEY, 1000, 680)
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        if self.comment.toPlainText().strip() and not prompts.confirm(
                self, self.tr("Throw away the comment?"),
                self.tr("The comment you typed has not been added. Close the complaint and throw it away?")):
            event.ignore()
            return
        remember_window(self, GEOMETRY_KEY)
        super().closeEvent(event)

