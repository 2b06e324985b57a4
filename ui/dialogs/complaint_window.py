"""One complaint: what happened, where it stands against its targets, the discussion,
the history, and the buttons that move it on."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QRadioButton, QSplitter, QVBoxLayout, QWidget

from helpdesk import complaints
from helpdesk.clock import to_local
from helpdesk.errors import Conflict, KnownError
from helpdesk.localization import digits, format_datetime
from helpdesk.models import ComplaintCategory, Staff

from .. import i18n, prompts
from ..messages import choice, message_for
from ..widgets import (
    ConflictNotice,
    ErrorLabel,
    error_colour,
    place_window,
    remember_window,
)
from .complaint_form import EscalateDialog, ResolveDialog
from .sections.complaint import (
    ChangedElsewhereBar,
    ComplaintActions,
    ComplaintDetails,
    DiscussionSection,
    ListSection,
    ManageSection,
)

GEOMETRY_KEY = "complaintWindow/geometry"


class ComplaintWindow(QWidget):
    changed = Signal(int)
    report_requested = Signal(int)  # the incident report of this complaint (supervisors)
    history_requested = Signal(int)  # this complaint's audit trail (supervisors)

    # The name shadows QWidget.actions() (a method); kept, the rest of the app and its tests reach it.
    actions: ComplaintActions  # type: ignore[assignment]
    # The sections' controls, set by _expose_sections (by name, with setattr).
    start_button: QPushButton
    escalate_button: QPushButton
    resolve_button: QPushButton
    close_button: QPushButton
    reopen_button: QPushButton
    report_button: QPushButton
    history_button: QPushButton
    customer: QLabel
    description: QLabel
    wanted: QLabel
    resolution: QLabel
    escalation: QLabel
    comment: QPlainTextEdit
    internal: QRadioButton
    to_customer: QRadioButton
    add_comment_button: QPushButton
    comment_error: ErrorLabel

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
        self.elsewhere = ChangedElsewhereBar()
        self.elsewhere.reload_requested.connect(self.reload)
        column.addWidget(self.elsewhere)
        self.actions = ComplaintActions(self.actor)
        column.addWidget(self.actions)
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
        self.details = ComplaintDetails()
        left_column.addWidget(self.details)
        self.manage_box = ManageSection(self.actor)
        self.manage_box.chosen.connect(self._manage)
        left_column.addWidget(self.manage_box)
        self.history_box = ListSection(self.tr("History"), "complaintHistory")
        left_column.addWidget(self.history_box, 1)
        splitter.addWidget(left)
        self.discussion = DiscussionSection()
        self.discussion.add_requested.connect(self.add_comment)
        splitter.addWidget(self.discussion)
        self._expose_sections()
        self._connect()
        self.comment.setFocus()  # where the person types first
        self.setTabOrder(self.comment, self.internal)
        self.setTabOrder(self.internal, self.to_customer)
        self.setTabOrder(self.to_customer, self.add_comment_button)

    def _expose_sections(self) -> None:
        """The sections' controls by the names the rest of the app (and its tests) reach them by."""
        self.elsewhere_text, self.reload_button = self.elsewhere.text, self.elsewhere.reload_button
        for name in (
            "start_button",
            "escalate_button",
            "resolve_button",
            "close_button",
            "reopen_button",
            "report_button",
            "history_button",
        ):
            setattr(self, name, getattr(self.actions, name))
        for name in ("customer", "description", "wanted", "resolution", "escalation"):
            setattr(self, name, getattr(self.details, name))
        self.category, self.priority, self.assignee = (
            self.manage_box.category,
            self.manage_box.priority,
            self.manage_box.assignee,
        )
        self.history = self.history_box.list
        for name in ("thread", "comment", "internal", "to_customer", "add_comment_button", "comment_error"):
            setattr(self, name, getattr(self.discussion, name))

    def _connect(self) -> None:
        self.start_button.clicked.connect(lambda: self._move(complaints.IN_PROGRESS))
        self.escalate_button.clicked.connect(self.escalate)
        self.resolve_button.clicked.connect(self.resolve)
        self.close_button.clicked.connect(lambda: self._move(complaints.CLOSED))
        self.reopen_button.clicked.connect(lambda: self._move(complaints.IN_PROGRESS))
        self.report_button.clicked.connect(lambda: self.report_requested.emit(self.complaint_id))
        self.history_button.clicked.connect(lambda: self.history_requested.emit(self.complaint_id))
        QShortcut(QKeySequence("F5"), self, self.reload)
        QShortcut(
            QKeySequence("Ctrl+H"),
            self,
            lambda: self.history_button.click() if self.history_button.isVisible() else None,
        )
        QShortcut(
            QKeySequence("Ctrl+Return"), self.comment, self.add_comment, context=Qt.ShortcutContext.WidgetShortcut
        )
        QShortcut(
            QKeySequence("Ctrl+S"), self, lambda: self.add_comment() if self.comment.toPlainText().strip() else None
        )
        # Keys that work in every language (the &-letters are English only).
        QShortcut(
            QKeySequence("Ctrl+E"),
            self,
            lambda: self.escalate() if self.escalate_button.isVisible() and self.escalate_button.isEnabled() else None,
        )
        QShortcut(QKeySequence("Ctrl+R"), self, lambda: self.resolve() if self.resolve_button.isVisible() else None)
        QShortcut(QKeySequence("Escape"), self, self.close)

    def follow(self, bus) -> None:
        """Hear of changes to this complaint (its comments, its history) saved on other desks, and say
        who else has it open ("Mina is editing this complaint")."""
        from ..changes import PresenceLabel

        bus.subscribe(("complaint",), self.changed_elsewhere, owner=self)
        self.presence = PresenceLabel(bus, "complaint", self.complaint_id, self.actor)
        column = cast(QVBoxLayout, self.layout())  # the one _build made
        column.insertWidget(column.indexOf(self.elsewhere) + 1, self.presence)

    def changed_elsewhere(self, changes) -> None:
        theirs = [c for c in changes.by_others(self.actor.id) if c.touches("complaint", self.complaint_id)]
        if not theirs:
            return
        self.elsewhere.tell(Staff.get_or_none(Staff.id == theirs[-1].actor) if theirs[-1].actor is not None else None)

    def reload(self) -> None:
        """Show the complaint as it is stored now (what is typed in the comment box stays)."""
        self.elsewhere.hide()
        try:
            self.refresh()
        except KnownError as error:
            self.message.show_message(message_for(error))

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
        parts = [
            status,
            choice("priority", c.priority),
            self.tr("raised {0}").format(format_datetime(to_local(c.created_at), lang)),
        ]
        if c.status in complaints.OPEN_STATUSES:
            if c.first_response_at is None:
                parts.append(
                    self.tr("first response due {0}").format(format_datetime(to_local(due.first_response), lang))
                )
            parts.append(self.tr("resolution due {0}").format(format_datetime(to_local(due.resolution), lang)))
        text = " · ".join(parts)
        if late:
            text = self.tr("OVERDUE") + " — " + text
            self.deadline.setStyleSheet(f"color: {error_colour(self)}; font-weight: bold;")
        else:
            self.deadline.setStyleSheet("")
        self.deadline.setText(text)
        self.details.show_complaint(c)
        self.manage_box.show_complaint(c)
        self.actions.show_for(c)
        self.history_box.show_lines(self._event_text(event) for event in complaints.history(c.id))
        self.discussion.show_thread(complaints.thread(c.id))

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
        def accepted() -> None:
            self.refresh()
            self.changed.emit(self.complaint_id)

        dialog.accepted.connect(accepted)
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
        visibility = self.discussion.visibility()
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
            self,
            self.tr("Throw away the comment?"),
            self.tr("The comment you typed has not been added. Close the complaint and throw it away?"),
        ):
            event.ignore()
            return
        remember_window(self, GEOMETRY_KEY)
        super().closeEvent(event)
