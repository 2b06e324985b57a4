"""The guided calm-the-angry-customer procedure, one step at a time, in large calm text that
can be read at a glance while listening. Every tick and note is kept on the disk each
second and in the database at each step, so a crash loses nothing; Escalate now is
there at every step.

Keys: 1-5 rate the anger; PageDown / Alt+Right next step, PageUp / Alt+Left back;
Ctrl+D ticks the step; Ctrl+E escalates; Ctrl+S saves at the end.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import timedelta
from typing import cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk import calm, customers, drafts
from helpdesk.calm import SessionState
from helpdesk.clock import to_local, utcnow
from helpdesk.contacts import FollowUpDraft
from helpdesk.customers import FormErrors
from helpdesk.errors import Conflict, KnownError, ValidationError
from helpdesk.localization import digits, format_duration, left_to_right
from helpdesk.models import Staff

from .. import i18n, prompts
from ..messages import choice, message_for
from ..widgets import ConflictNotice, ErrorLabel, MatchKeys, give_accessible_names
from .complaint_form import KeyboardFormDialog, _text_box
from .draft_window import DraftWindow
from .sections.fields import jalali_if_persian, local_qdatetime, utc_from_qdatetime

DRAFT_KIND = "calm"
GEOMETRY_KEY = "calmWindow/geometry"
START, STEP, FINISH, SUMMARY = range(4)
CALM_STYLE = (
    "#calmWindow { background: #f3f6f9; } #calmWindow QLabel { color: #1f2a36; }"
    " #stepSay { color: #1b5e20; } #stepAvoid { color: #8c1d18; }"
    # Where a key goes is seen at a glance: the anger button, the tick, the outcome.
    " #calmWindow QRadioButton:focus, #calmWindow QCheckBox:focus"
    " { background: #cfe0f1; color: #0d3b66; }"
)


def _font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


class AngerScale(QWidget):
    """1 (calm) to 5 (furious), as five large buttons."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        lang = i18n.current_language()
        for value in calm.ANGER:
            button = QRadioButton(digits(value, lang))
            button.setObjectName(f"{name}{value}")
            button.setAccessibleName(self.tr("Anger {0} of 5").format(digits(value, lang)))
            button.setFont(_font(button, 1.6, True))
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)

    def value(self) -> int | None:
        return self.group.checkedId() if self.group.checkedId() in calm.ANGER else None

    def set_value(self, value: int | None) -> None:
        if value is not None and value in calm.ANGER:
            self.group.button(value).setChecked(True)

    def focus(self) -> None:
        (self.group.checkedButton() or self.group.buttons()[0]).setFocus()


class EscalateNowDialog(KeyboardFormDialog):
    """Escalate now, from the step the person is at: the focus is in the reason, and an empty
    reason is refused next to it, never sent."""

    def __init__(self, step_title: str, parent=None):
        super().__init__(self.tr("Escalate now"), self.tr("Escalate now"), parent)
        self.setObjectName("escalateNowDialog")
        self.step_title = step_title
        self.at_step = QLabel(step_title)
        self.at_step.setObjectName("escalateNowStep")
        self.at_step.setWordWrap(True)
        self.at_step.setTextFormat(Qt.TextFormat.PlainText)
        self.fields.layout.addRow(self.tr("At the step"), self.at_step)
        self.reason = _text_box("escalateNowReason", 3)
        self.fields.add("reason", self.tr("Why"), self.reason)
        self.reason.setPlaceholderText(self.tr("What the customer wants from a supervisor"))
        self.escalate_with: Callable[[str], object] | None = None  # the window's escalate(reason)
        self.ready(self.reason)

    def full_reason(self) -> str:
        return self.tr("Calm-down session, step “{0}”: ").format(self.step_title) + self.reason.toPlainText().strip()

    def save(self) -> None:
        if not self.reason.toPlainText().strip():
            raise ValidationError("reason", "escalation_reason")
        # set by the window before it opens the dialog
        cast(Callable[[str], object], self.escalate_with)(self.full_reason())


class CalmWindow(DraftWindow):
    finished = Signal(int)  # the session id
    escalated = Signal(int)  # the complaint id
    report_requested = Signal(int)  # the incident report of this session (supervisors, in review)
    DRAFT_KIND = DRAFT_KIND
    GEOMETRY_KEY = GEOMETRY_KEY
    DEFAULT_SIZE = (980, 700)

    # Made while the pages are built, after the handlers that reach them are connected.
    start_error: ErrorLabel
    anger_end_error: ErrorLabel

    def __init__(
        self,
        actor: Staff,
        location: str,
        store: drafts.DraftStore,
        customer_id: int | None = None,
        restored: dict | None = None,
        review_id: int | None = None,
        now=utcnow,
        parent=None,
    ):
        super().__init__(actor, location, store, restored, now, parent)
        self.setObjectName("calmWindow")
        self.setStyleSheet(CALM_STYLE)
        self.language = i18n.current_language()
        if review_id is not None:
            self.session = calm.get(self.actor, review_id)
        elif restored is not None:
            self.session = calm.get(self.actor, restored["content"]["session_id"])
        else:
            self.session = calm.start(actor, customer_id)
        self.steps = calm.steps_of(self.session.checklist)
        self.state = calm.state_of(self.session)
        self._build()
        if restored is not None:
            content = restored["content"]
            self.state = SessionState.from_json(content["state"])
            self.anger_end.set_value(content.get("anger_end"))
            self.notice.setText(self.tr("This session was interrupted. It is back where you left it."))
            self.notice.show()
        self.anger_start.set_value(self.state.anger_start)
        if review_id is not None:
            self.show_summary()
        elif restored is not None:
            page = restored["content"].get("page", STEP)
            self.show_finish() if page == FINISH else self.show_step(
                self.state.current_step
            ) if self.state.anger_start else self.show_start()
        else:
            self.show_start()
        self._update_customer()
        self._tick()
        if review_id is None:
            self.ticker = QTimer(self)
            self.ticker.timeout.connect(self._tick)
            self.ticker.start(500)
            self.start_autosave()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 18, 24, 18)
        self._build_header(column)
        self.pages = QStackedWidget()
        column.addWidget(self.pages, 1)
        self.pages.addWidget(self._start_page())
        self.pages.addWidget(self._step_page())
        self.pages.addWidget(self._finish_page())
        self.pages.addWidget(self._summary_page())
        self.message = ErrorLabel()
        self.message.setObjectName("calmMessage")
        column.addWidget(self.message)
        self.conflict = ConflictNotice()  # the session was saved from another window or desk since this one read it
        self.conflict.keep_button.clicked.connect(self._keep_mine)
        self.conflict.take_button.clicked.connect(self._take_theirs)
        column.addWidget(self.conflict)

        self._connect_keys()

    def _build_header(self, column: QVBoxLayout) -> None:
        """The title, the timer and Escalate now; the customer, found when they give a number or name."""
        top = QHBoxLayout()
        title = QLabel(self.tr("Calm the angry customer"))
        title.setFont(_font(title, 1.3, True))
        self.setWindowTitle(title.text())
        self.timer_label = QLabel()
        self.timer_label.setObjectName("calmTimer")
        self.timer_label.setFont(_font(self.timer_label, 1.8, True))
        self.escalate_button = QPushButton(self.tr("&Escalate now (Ctrl+E)"))
        self.escalate_button.setObjectName("escalateNowButton")
        self.escalate_button.clicked.connect(self.ask_escalation)
        top.addWidget(title, 1)
        top.addWidget(self.timer_label)
        top.addWidget(self.escalate_button)
        column.addLayout(top)
        self.customer_row = QHBoxLayout()
        self.customer_label = QLabel()
        self.customer_label.setObjectName("calmCustomer")
        self.lookup = QLineEdit()
        self.lookup.setObjectName("calmLookup")
        self.lookup.setPlaceholderText(self.tr("Customer's phone or name, when they give it"))
        self.lookup.textChanged.connect(self._look_up)
        self.matches = QListWidget()
        self.matches.setObjectName("calmMatches")
        self.matches.setMaximumHeight(70)
        self.matches.hide()
        self.matches.setAccessibleName(self.tr("Customers found"))
        self.matches.itemActivated.connect(lambda item: self.link_customer(item.data(Qt.ItemDataRole.UserRole)))
        self.matches.itemClicked.connect(lambda item: self.link_customer(item.data(Qt.ItemDataRole.UserRole)))
        self.match_keys = MatchKeys(
            self.lookup, self.matches, lambda item: self.link_customer(item.data(Qt.ItemDataRole.UserRole)), self
        )
        self.customer_row.addWidget(self.customer_label, 1)
        self.customer_row.addWidget(self.lookup, 1)
        column.addLayout(self.customer_row)
        column.addWidget(self.matches)
        self.notice = QLabel()
        self.notice.setObjectName("calmNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #e3f2fd; padding: 6px;")
        self.notice.hide()
        column.addWidget(self.notice)

    def _connect_keys(self) -> None:
        for key, slot in (
            ("PgDown", self.next_step),
            ("Alt+Right", self.next_step),
            ("PgUp", self.previous_step),
            ("Alt+Left", self.previous_step),
            ("Ctrl+D", self.toggle_tick),
            ("Ctrl+E", self.ask_escalation),
            ("Ctrl+S", self.save),
            ("Escape", self.close),
        ):
            QShortcut(QKeySequence(key), self, slot)
        for value in calm.ANGER:
            QShortcut(QKeySequence(str(value)), self, lambda v=value: self._rate(v))
        for widget, name in (
            (self.lookup, self.tr("Customer's phone or name")),
            (self.note, self.tr("Note on this step")),
            (self.summary, self.tr("Steps of the session")),
            (self.follow_box, self.tr("Promise a follow-up")),
            (self.follow_due, self.tr("Due")),
            (self.follow_promise, self.tr("Promised")),
        ):
            widget.setAccessibleName(name)
        give_accessible_names(self)  # the buttons, by their texts

    def _start_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        question = QLabel(self.tr("How angry is the customer right now?"))
        question.setFont(_font(question, 1.6, True))
        question.setWordWrap(True)
        layout.addWidget(question)
        hint = QLabel(self.tr("1 is calm, 5 is furious. Press a number key, then Enter."))
        hint.setFont(_font(hint, 1.2))
        layout.addWidget(hint)
        self.anger_start = AngerScale("angerStart")
        self.anger_start.group.idToggled.connect(lambda _id, on: self.start_error.clear_message() if on else None)
        layout.addWidget(self.anger_start)
        self.begin_button = QPushButton(self.tr("Begin (Enter)"))
        self.begin_button.setObjectName("beginButton")
        self.begin_button.setAutoDefault(True)  # Enter on the button presses it too
        self.begin_button.setFont(_font(self.begin_button, 1.3, True))
        self.begin_button.clicked.connect(self.begin)
        self.start_error = ErrorLabel()
        layout.addWidget(self.start_error)
        layout.addWidget(self.begin_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addStretch(1)
        return page

    def _step_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.step_counter = QLabel()
        self.step_counter.setObjectName("stepCounter")
        self.step_counter.setFont(_font(self.step_counter, 1.1))
        layout.addWidget(self.step_counter)
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        self.step_title.setWordWrap(True)
        self.step_title.setFont(_font(self.step_title, 2.2, True))
        layout.addWidget(self.step_title)
        self.step_do = QLabel()
        self.step_do.setObjectName("stepDo")
        self.step_do.setWordWrap(True)
        self.step_do.setFont(_font(self.step_do, 1.45))
        layout.addWidget(self.step_do)
        phrases = QHBoxLayout()
        self.step_say = QLabel()
        self.step_say.setObjectName("stepSay")
        self.step_say.setWordWrap(True)
        self.step_say.setFont(_font(self.step_say, 1.25))
        self.step_avoid = QLabel()
        self.step_avoid.setObjectName("stepAvoid")
        self.step_avoid.setWordWrap(True)
        self.step_avoid.setFont(_font(self.step_avoid, 1.25))
        say_box = QGroupBox(self.tr("Say"))
        QVBoxLayout(say_box).addWidget(self.step_say)
        avoid_box = QGroupBox(self.tr("Avoid"))
        QVBoxLayout(avoid_box).addWidget(self.step_avoid)
        phrases.addWidget(say_box, 1)
        phrases.addWidget(avoid_box, 1)
        layout.addLayout(phrases)
        self.tick = QCheckBox(self.tr("&Done (Ctrl+D)"))
        self.tick.setObjectName("stepTick")
        self.tick.setFont(_font(self.tick, 1.4, True))
        self.tick.toggled.connect(self._ticked)
        layout.addWidget(self.tick)
        self.ticked_at = QLabel()
        self.ticked_at.setObjectName("stepTickedAt")
        layout.addWidget(self.ticked_at)
        self.note = QLineEdit()
        self.note.setObjectName("stepNote")
        self.note.setPlaceholderText(self.tr("A note on this step (optional)"))
        self.note.textEdited.connect(self._noted)
        self.note.returnPressed.connect(self.next_step)
        layout.addWidget(self.note)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back (PgUp)"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton(self.tr("Next (PgDown)"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setFont(_font(self.next_button, 1.2, True))
        self.next_button.clicked.connect(self.next_step)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        return page

    def _finish_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        question = QLabel(self.tr("How angry is the customer now?"))
        question.setFont(_font(question, 1.6, True))
        layout.addWidget(question)
        self.anger_end = AngerScale("angerEnd")
        self.anger_end.group.idToggled.connect(lambda _id, on: self.anger_end_error.clear_message() if on else None)
        layout.addWidget(self.anger_end)
        self.anger_end_error = ErrorLabel()
        layout.addWidget(self.anger_end_error)
        outcome_label = QLabel(self.tr("How did it end?"))
        outcome_label.setFont(_font(outcome_label, 1.3, True))
        layout.addWidget(outcome_label)
        row = QHBoxLayout()
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for key in calm.OUTCOMES:
            button = QRadioButton(choice("calm_outcome", key))
            button.setObjectName(f"outcome_{key}")
            button.setFont(_font(button, 1.2))
            self.outcome_group.addButton(button)
            self.outcome_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.outcome_error = ErrorLabel()
        self.outcome_group.buttonToggled.connect(lambda _b, on: self.outcome_error.clear_message() if on else None)
        layout.addWidget(self.outcome_error)
        self.follow_box = QGroupBox(self.tr("Promise a follow-up"))
        self.follow_box.setObjectName("calmFollowUp")
        self.follow_box.setCheckable(True)
        self.follow_box.setChecked(False)
        form = QFormLayout(self.follow_box)
        self.follow_due = QDateTimeEdit()
        self.follow_due.setCalendarPopup(True)
        jalali_if_persian(self.follow_due)
        self.follow_due.setDateTime(local_qdatetime(self.now() + timedelta(days=1)))
        self.follow_promise = QLineEdit()
        self.follow_promise.setObjectName("calmPromise")
        form.addRow(self.tr("Due"), self.follow_due)
        form.addRow(self.tr("Promised"), self.follow_promise)
        self.follow_error = ErrorLabel()
        form.addRow("", self.follow_error)
        self.follow_promise.textChanged.connect(lambda _t: self.follow_error.clear_message())
        self.follow_due.dateTimeChanged.connect(lambda _d: self.follow_error.clear_message())
        self.follow_box.toggled.connect(lambda _on: self.follow_error.clear_message())
        layout.addWidget(self.follow_box)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back (PgUp)"))
        back.clicked.connect(self.previous_step)
        self.save_button = QPushButton(self.tr("&Save the session (Ctrl+S)"))
        self.save_button.setObjectName("saveSessionButton")
        self.save_button.setFont(_font(self.save_button, 1.2, True))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary_title = QLabel()
        self.summary_title.setObjectName("summaryTitle")
        self.summary_title.setFont(_font(self.summary_title, 1.5, True))
        self.summary_title.setWordWrap(True)
        layout.addWidget(self.summary_title)
        self.summary = QListWidget()
        self.summary.setObjectName("summarySteps")
        self.summary.setWordWrap(True)
        self.summary.setFont(_font(self.summary, 1.15))
        layout.addWidget(self.summary, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.report_button = QPushButton(self.tr("Re&port…"))
        self.report_button.setObjectName("sessionReportButton")
        self.report_button.setToolTip(self.tr("The incident report of this session, in the report centre"))
        self.report_button.clicked.connect(lambda: self.report_requested.emit(self.session.id))
        self.report_button.setVisible(self.actor.is_supervisor)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        row.addWidget(self.report_button)
        row.addWidget(close)
        layout.addLayout(row)
        return page

    # --- moving through it -----------------------------------------------------------------------
    def _text(self, part: dict) -> str:
        return part.get(self.language) or part.get("en", "")

    def _rate(self, value: int) -> None:
        page = self.pages.currentIndex()
        if page == START:
            self.anger_start.set_value(value)
        elif page == FINISH:
            self.anger_end.set_value(value)
        self._dirty = True

    def show_start(self) -> None:
        """The anger rating, with the focus on the scale: a digit rates, Enter begins."""
        self.pages.setCurrentIndex(START)
        self.anger_start.focus()

    def begin(self) -> None:
        if self.anger_start.value() is None:
            self.start_error.show_message(
                self.tr("Rate the anger first: it shows later how much the customer was calmed.")
            )
            return
        self.start_error.clear_message()
        self.state.anger_start = self.anger_start.value()
        self.show_step(0)

    def show_step(self, index: int) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        self.state.current_step = index
        step = self.steps[index]
        lang = self.language
        required = self.tr("required") if step.get("required") else self.tr("if it applies")
        self.step_counter.setText(
            self.tr("Step {0} of {1} · {2}").format(digits(index + 1, lang), digits(len(self.steps), lang), required)
        )
        self.step_title.setText(self._text(step["title"]))
        self.step_do.setText(self._text(step["do"]))
        self.step_say.setText(
            "\n".join(
                f"« {x} »" if lang == "fa" else f"“{x}”" for x in step["say"].get(lang) or step["say"].get("en", [])
            )
        )
        self.step_avoid.setText(
            "\n".join(
                f"« {x} »" if lang == "fa" else f"“{x}”" for x in step["avoid"].get(lang) or step["avoid"].get("en", [])
            )
        )
        current = self.state.steps[index]
        self.tick.blockSignals(True)
        self.tick.setChecked(current.ticked)
        self.tick.blockSignals(False)
        self.note.setText(current.note)
        self._show_ticked_at(current)
        self.back_button.setEnabled(True)
        self.pages.setCurrentIndex(STEP)
        self.note.setFocus()  # a note is typed at once; Ctrl+D ticks, Enter moves on
        self._dirty = True
        self._store_progress()

    def _show_ticked_at(self, step) -> None:
        self.ticked_at.setText(
            self.tr("Done at {0}").format(
                left_to_right(digits(to_local(step.ticked_at).strftime("%H:%M:%S"), self.language))
            )
            if step.ticked and step.ticked_at
            else ""
        )

    def _ticked(self, on: bool) -> None:
        step = self.state.steps[self.state.current_step]
        step.ticked = on
        step.ticked_at = self.now() if on else None
        self._show_ticked_at(step)
        self._dirty = True

    def _noted(self, text: str) -> None:
        self.state.steps[self.state.current_step].note = text
        self._dirty = True

    def toggle_tick(self) -> None:
        if self.pages.currentIndex() == STEP:
            self.tick.toggle()

    def next_step(self) -> None:
        page = self.pages.currentIndex()
        if page == START:
            self.begin()
        elif page == STEP:
            if self.state.current_step + 1 < len(self.steps):
                self.show_step(self.state.current_step + 1)
            else:
                self.show_finish()

    def previous_step(self) -> None:
        page = self.pages.currentIndex()
        if page == STEP:
            if self.state.current_step == 0:
                self.show_start()
            else:
                self.show_step(self.state.current_step - 1)
        elif page == FINISH:
            self.show_step(len(self.steps) - 1)

    def show_finish(self) -> None:
        self.pages.setCurrentIndex(FINISH)
        self.anger_end.focus()
        self._dirty = True

    # --- the customer ------------------------------------------------------------------------------
    def _update_customer(self) -> None:
        mark = "\u200f" if self.language == "fa" else "\u200e"
        if self.session.customer_id:
            self.customer_label.setText(mark + customers.get(self.session.customer_id).customer.display_name)
            self.lookup.hide()
            self.matches.hide()
        else:
            self.customer_label.setText(self.tr("Customer not named yet"))
            self.lookup.setVisible(self.session.status == calm.OPEN)

    def _look_up(self, text: str) -> None:
        from PySide6.QtWidgets import QListWidgetItem

        from helpdesk import contacts

        self.matches.clear()
        for caller in contacts.find_caller(text) if text.strip() else []:
            item = QListWidgetItem(caller.name)
            item.setData(Qt.ItemDataRole.UserRole, caller.customer_id)
            self.matches.addItem(item)
        self.matches.setVisible(self.matches.count() > 0)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def link_customer(self, customer_id: int) -> None:
        self.session = calm.link_customer(self.actor, self.session.id, customer_id, version=self.session.version)
        self._update_customer()
        page = self.pages.currentIndex()  # back to where the procedure goes on
        if page == START:
            self.anger_start.focus()
        elif page == STEP:
            self.note.setFocus()
        elif page == FINISH:
            self.anger_end.focus()

    # --- keeping it safe ------------------------------------------------------------------------------
    def _tick(self) -> None:
        end = self.session.ended_at or self.now()
        self.timer_label.setText(
            left_to_right(format_duration(int((end - self.session.started_at).total_seconds()), self.language))
        )

    def _store_progress(self) -> None:
        try:
            self.session = calm.save_progress(self.actor, self.session.id, self.state, version=self.session.version)
        except Conflict as conflict:  # saved elsewhere since: nothing is overwritten until the person chooses
            self.conflict.show_conflict(conflict)
        except KnownError as error:  # the draft on the disk still holds it
            self.message.show_message(message_for(error))

    def _keep_mine(self) -> None:
        """This window's ticks and notes go over what the other window saved."""
        conflict = self.conflict.conflict
        self.conflict.clear()
        if conflict is not None:
            self.session.version = conflict.current.get("version", self.session.version)
        self._store_progress()
        self.note.setFocus()

    def _take_theirs(self) -> None:
        """Show the session as the other window saved it, and go on from there."""
        self.conflict.clear()
        self.session = calm.get(self.actor, self.session.id)
        self.state = calm.state_of(self.session)
        if self.pages.currentIndex() == STEP:
            self.show_step(self.state.current_step)

    def keeps_draft(self) -> bool:
        return self.session.status == calm.OPEN

    def draft_content(self) -> dict:
        self.state.anger_start = self.anger_start.value() or self.state.anger_start
        return {
            "session_id": self.session.id,
            "state": self.state.to_json(),
            "page": self.pages.currentIndex(),
            "anger_end": self.anger_end.value(),
        }

    def draft_failed(self, error: OSError) -> None:
        self.message.show_message(self.tr("The session could not be kept on this computer: {0}").format(error))

    def keep_elsewhere(self) -> None:
        self._store_progress()  # the ticks and notes in the database too

    # --- escalating and finishing ------------------------------------------------------------------------
    def ask_escalation(self) -> None:
        if self.session.status != calm.OPEN:
            return
        step = self.steps[self.state.current_step]
        dialog = EscalateNowDialog(self._text(step["title"]), self)
        dialog.escalate_with = self.escalate
        self.escalation_dialog = dialog
        dialog.open()

    def escalate(self, reason: str) -> int:
        complaint = calm.escalate(self.actor, self.session.id, self.state, reason, version=self.session.version)
        self.session = calm.get(self.actor, self.session.id)
        self.notice.setText(
            self.tr("Escalated: complaint {0} is with {1}. Carry on with the customer.").format(
                digits(complaint.id, self.language),
                Staff.get_by_id(complaint.escalated_to_id).full_name if complaint.escalated_to_id else "—",
            )
        )
        self.notice.show()
        self.outcome_buttons["escalated"].setChecked(True)
        self.escalated.emit(complaint.id)
        return complaint.id

    def save(self) -> None:
        if self.pages.currentIndex() != FINISH:
            self.show_finish()
            return
        for label in (self.anger_end_error, self.outcome_error, self.follow_error):
            label.clear_message()
        self.message.clear_message()
        outcome = next((k for k, b in self.outcome_buttons.items() if b.isChecked()), "")
        follow = None
        if self.follow_box.isChecked():
            follow = FollowUpDraft(
                utc_from_qdatetime(self.follow_due.dateTime()), self.actor.id, self.follow_promise.text()
            )
        try:
            self.session = calm.finish(
                self.actor,
                self.session.id,
                self.state,
                self.anger_end.value(),
                outcome,
                follow,
                version=self.session.version,
            )
        except FormErrors as error:
            where = {
                "anger_end": self.anger_end_error,
                "anger_start": self.anger_end_error,
                "outcome": self.outcome_error,
                "promise": self.follow_error,
                "due_at": self.follow_error,
                "customer": self.follow_error,
            }
            for name, problem in error.errors.items():
                where.get(name, self.message).show_message(message_for(problem))
            return
        except Conflict as conflict:
            self.conflict.show_conflict(conflict)
            return
        except KnownError as error:
            self.message.show_message(message_for(error))
            return
        self.discard_draft()
        self.finished.emit(self.session.id)
        self.show_summary()

    def show_summary(self) -> None:
        lang = self.language
        s = self.session
        self.state = calm.state_of(s)
        duration = format_duration(int(((s.ended_at or self.now()) - s.started_at).total_seconds()), lang)
        self.summary_title.setText(
            self.tr("{0} · anger {1} → {2} · {3}").format(
                choice("calm_outcome", s.outcome) if s.outcome else self.tr("Not finished"),
                digits(s.anger_start or "—", lang),
                digits(s.anger_end or "—", lang),
                left_to_right(duration),
            )
        )
        self.summary.clear()
        for position, (step, state) in enumerate(zip(self.steps, self.state.steps)):
            mark = "✓" if state.ticked else "—"
            when = (
                left_to_right(digits(to_local(state.ticked_at).strftime("%H:%M:%S"), lang)) if state.ticked_at else ""
            )
            line = f"{mark} {digits(position + 1, lang)}. {self._text(step['title'])} {when}".rstrip()
            if state.note:
                line += f"\n    {state.note}"
            self.summary.addItem(line)
        self.escalate_button.hide()
        self.pages.setCurrentIndex(SUMMARY)
        self.summary.setFocus()  # read step by step with the arrow keys; Esc closes
        self._tick()

    # --- the window ----------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        """Enter on the first page begins (in every language: it is not a letter). A field that
        uses Enter itself (the customer lookup) keeps it."""
        page = self.pages.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and page == START:
            self.begin()
            return
        text = event.text()
        # 1-5 rate the anger: the digit shortcuts catch Latin digits, a Persian keyboard sends ۱-۵.
        if page in (START, FINISH) and len(text) == 1 and unicodedata.digit(text, None) in calm.ANGER:
            self._rate(unicodedata.digit(text))
            return
        super().keyPressEvent(event)

    def untouched(self) -> bool:
        """Nothing done yet (F9 by mistake): no rating, tick, note, escalation or customer typed."""
        return (
            self.anger_start.value() is None
            and self.state.anger_start is None
            and not any(step.ticked or step.note for step in self.state.steps)
            and self.session.complaint_id is None
            and not self.lookup.text().strip()
        )

    def closeEvent(self, event) -> None:
        if not self.finished_ok and self.keeps_draft() and self.untouched():
            self.discard_draft()  # nothing to keep or to offer again
        if not self.finished_ok and self.keeps_draft():
            if not prompts.confirm(
                self,
                self.tr("Leave the session for now?"),
                self.tr("It is kept, and offered again when you next sign in."),
            ):
                event.ignore()
                return
            self.keep_now()
            self.finished_ok = True
        super().closeEvent(event)
