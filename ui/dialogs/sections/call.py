"""The call window's sections: the timer bar, who is calling, what was said (with the
satisfaction picker), the promised follow-up and the etiquette checklist."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import accounts, contacts, customers, followups, phones, settings
from helpdesk.contacts import FollowUpDraft
from helpdesk.localization import digits, left_to_right, listed
from helpdesk.models import Staff

from ... import i18n
from ...messages import choice
from ...widgets import ErrorLabel, FormFields
from .fields import (
    fill_choices,
    jalali_if_persian,
    local_qdatetime,
    name_rows_by_labels,
    typed_digit,
    utc_from_qdatetime,
)

LOOKUP_PAUSE_MS = 250  # the caller box looks up when typing pauses, not on every keystroke


def _reading_mark(language: str) -> str:
    return "\u200f" if language == "fa" else "\u200e"  # names in either script line up


def caller_line(name: str, numbers: list[str], language: str) -> str:
    """A customer as the caller box shows them: the name, then up to two numbers as the reader lists them."""
    region = settings.phone_region()
    shown = listed((digits(phones.display(n, region), language) for n in numbers[:2]), language)
    return _reading_mark(language) + name + (f" · {left_to_right(shown)}" if shown else "")


class CallTimerBar(QWidget):
    """The timer, what is happening, hold and hang-up: large and always at the top."""

    def __init__(self, parent=None):
        super().__init__(parent)
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("callTimer")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.timer_label.setFont(big)
        self.state_label = QLabel()
        self.state_label.setObjectName("callState")
        self.hold_button = QPushButton()  # its words follow the kind of contact: set_wording
        self.hold_button.setObjectName("holdButton")
        self.hold_button.setCheckable(True)
        self.hang_up_button = QPushButton()
        self.hang_up_button.setObjectName("hangUpButton")
        top.addWidget(self.timer_label)
        top.addWidget(self.state_label, 1)
        top.addWidget(self.hold_button)
        top.addWidget(self.hang_up_button)

    def set_wording(self, visit: bool, held: bool) -> None:
        """A visitor at the desk is not a caller: the buttons say what they do to whom."""
        self.hang_up_button.setText(self.tr("&End visit (F8)") if visit else self.tr("Hang &up (F8)"))
        self.hang_up_button.setToolTip(
            self.tr("End the visit and stop the timer (F8)")
            if visit
            else self.tr("End the call and stop the timer (F8)")
        )
        self.hang_up_button.setAccessibleName(self.tr("End visit") if visit else self.tr("Hang up"))
        self.hold_button.setToolTip(
            self.tr("Step away from the desk for a moment, or come back to the visitor (F6)")
            if visit
            else self.tr("Put the caller on hold, or go back to them (F6)")
        )
        self.set_hold_text(visit, held)

    def set_hold_text(self, visit: bool, held: bool) -> None:
        if visit:
            text = self.tr("Back to the &visitor (F6)") if held else self.tr("Step &away (F6)")
            name = self.tr("Back to the visitor") if held else self.tr("Step away")
        else:
            text = self.tr("Back to the &caller (F6)") if held else self.tr("&Hold (F6)")
            name = self.tr("Back to the caller") if held else self.tr("Hold")
        self.hold_button.setText(text)
        self.hold_button.setAccessibleName(name)


class CallerSection(QGroupBox):
    """Who is it: a box that finds the customer by number or name as one types, the matches, and
    the one chosen. ``chosen`` says which customer was picked (None: "Change", pick again)."""

    chosen = Signal(object)
    new_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.language = i18n.current_language()
        self.open_for_lookup = True  # nobody chosen yet: the matches show as one types
        column = QVBoxLayout(self)
        lookup_row = QHBoxLayout()
        self.lookup = QLineEdit()
        self.lookup.setObjectName("callerLookup")
        self.lookup.setClearButtonEnabled(True)
        # Looked up when typing pauses: a number typed at speed is one lookup, not one per digit.
        self.lookup_pause = QTimer(self)
        self.lookup_pause.setSingleShot(True)
        self.lookup_pause.setInterval(LOOKUP_PAUSE_MS)
        self.lookup_pause.timeout.connect(lambda: self.look_up(self.lookup.text()))
        self.lookup.textChanged.connect(self._typed)
        self.lookup.returnPressed.connect(self.choose_first_match)
        self.new_customer_button = QPushButton(self.tr("&New customer…"))
        self.new_customer_button.setObjectName("newCustomerButton")
        self.new_customer_button.clicked.connect(self.new_requested)
        lookup_row.addWidget(self.lookup, 1)
        lookup_row.addWidget(self.new_customer_button)
        column.addLayout(lookup_row)
        self.matches = QListWidget()
        self.matches.setObjectName("callerMatches")
        self.matches.setMaximumHeight(110)
        self.matches.itemActivated.connect(lambda item: self.chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.matches.hide()
        column.addWidget(self.matches)
        chosen_row = QHBoxLayout()
        self.customer_label = QLabel()
        self.customer_label.setObjectName("callCustomer")
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.change_customer_button = QPushButton(self.tr("Change"))
        self.change_customer_button.setObjectName("changeCustomerButton")
        self.change_customer_button.clicked.connect(lambda: self.chosen.emit(None))
        chosen_row.addWidget(self.customer_label, 1)
        chosen_row.addWidget(self.change_customer_button)
        column.addLayout(chosen_row)
        self.customer_error = ErrorLabel()
        self.customer_error.setObjectName("customerError")
        column.addWidget(self.customer_error)
        for widget, name in (
            (self.lookup, self.tr("Find the customer by phone number or name")),
            (self.new_customer_button, self.tr("New customer")),
            (self.matches, self.tr("Matching customers")),
            (self.change_customer_button, self.tr("Change the customer")),
        ):
            widget.setAccessibleName(name)

    def set_wording(self, visit: bool) -> None:
        self.setTitle(self.tr("Visitor") if visit else self.tr("Caller"))
        self.lookup.setPlaceholderText(
            self.tr("Type the name or the phone number") if visit else self.tr("Type the phone number or the name")
        )

    def _typed(self, text: str) -> None:
        if text.strip():
            self.lookup_pause.start()  # again from the start at every keystroke
        else:  # emptied: nothing to wait for
            self.look_up(text)

    def look_up(self, text: str) -> None:
        self.lookup_pause.stop()
        self.matches.clear()
        found = contacts.find_caller(text) if text.strip() else []
        for caller in found:
            item = QListWidgetItem(caller_line(caller.name, caller.phones, self.language))
            item.setData(Qt.ItemDataRole.UserRole, caller.customer_id)
            self.matches.addItem(item)
        if found:
            self.matches.setCurrentRow(0)
        elif text.strip():
            self.matches.addItem(
                QListWidgetItem(self.tr("Nobody has this number or name yet. Press “New customer…” to add them."))
            )
        self.matches.setVisible(bool(text.strip()) and self.open_for_lookup)

    def choose_first_match(self) -> None:
        if self.lookup_pause.isActive():  # Enter before the pause ended: the matches of what is typed
            self.look_up(self.lookup.text())
        item = self.matches.currentItem() or self.matches.item(0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_nobody(self) -> None:
        """Nobody chosen: the box to find them, and its matches."""
        self.open_for_lookup = True
        self.customer_error.clear_message()
        self.customer_label.setText(self.tr("No customer chosen yet"))
        self.change_customer_button.hide()
        self.lookup.show()
        self.new_customer_button.show()
        self.look_up(self.lookup.text())
        self.lookup.setFocus()

    def show_customer(self, customer_id: int, changeable: bool) -> None:
        self.open_for_lookup = False
        self.customer_error.clear_message()
        record = customers.get(customer_id)
        self.customer_label.setText(
            caller_line(record.customer.display_name, [p.number for p in record.phones], self.language)
        )
        self.change_customer_button.setVisible(changeable)
        self.matches.hide()
        self.lookup.setVisible(False)
        self.new_customer_button.setVisible(False)

    def chosen_name(self) -> str:
        return self.customer_label.text().lstrip("\u200e\u200f")


class SatisfactionPicker(QWidget):
    """How satisfied the customer is, one radio button a level; a digit key (Latin or Persian) picks
    that level: 1 dissatisfied … 4 not asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        language = i18n.current_language()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key in contacts.SATISFACTION:
            button = QRadioButton(f"{digits(len(self.buttons) + 1, language)} {choice('satisfaction', key)}")
            button.setObjectName(f"satisfaction_{key}")
            button.setAccessibleName(choice("satisfaction", key))
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)

    def value(self) -> str:
        return next((key for key, button in self.buttons.items() if button.isChecked()), "")

    def set_value(self, key: str) -> None:
        if key in self.buttons:
            self.buttons[key].setChecked(True)

    def set_editable(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(on)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            number = typed_digit(event.text())
            buttons = list(self.buttons.values())
            if number and watched in buttons and number <= len(buttons) and watched.isEnabled():
                buttons[number - 1].setChecked(True)
                buttons[number - 1].setFocus()
                return True
        return super().eventFilter(watched, event)


class ContactDetails(QWidget):
    """What was said: the kind of contact, reason, notes, outcome, satisfaction, next step and duration,
    each row with its error under it (``fields``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.fields = FormFields(form)
        kind_row = QWidget()
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        fill_choices(self.channel, "channel", contacts.CHANNELS)
        self.direction = QComboBox()
        self.direction.setObjectName("direction")
        fill_choices(self.direction, "direction", contacts.DIRECTIONS)
        kind_layout.addWidget(self.channel)
        kind_layout.addWidget(self.direction)
        self.fields.add("channel", self.tr("Contact"), kind_row)
        self.fields.editors["channel"] = self.channel
        self.reason = QLineEdit()
        self.fields.add("reason", self.tr("Reason"), self.reason)
        self.reason.setObjectName("reason")
        self.notes = QPlainTextEdit()
        self.fields.add("notes", self.tr("Notes"), self.notes)
        self.notes.setObjectName("notes")
        # Where the typing goes must be plain to see: the style draws no focus frame on a text area.
        self.notes.setStyleSheet("QPlainTextEdit:focus { border: 2px solid palette(highlight); }")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Type while you listen; everything is kept as you go."))
        self.outcome = QComboBox()
        self.fields.add("outcome", self.tr("Outcome"), self.outcome)
        self.outcome.setObjectName("outcome")
        fill_choices(self.outcome, "outcome", contacts.OUTCOMES, self.tr("Choose…"))
        self.satisfaction = SatisfactionPicker()
        self.fields.add("satisfaction", self.tr("Satisfaction"), self.satisfaction)
        self.fields.editors["satisfaction"] = self.satisfaction.buttons["satisfied"]
        self.next_step = QLineEdit()
        self.fields.add("next_step", self.tr("Next step"), self.next_step)
        self.next_step.setObjectName("nextStep")
        self.duration = QLineEdit()
        self.fields.add("duration", self.tr("Duration"), self.duration)
        self.duration.setObjectName("duration")
        self.duration.setToolTip(self.tr("Minutes and seconds, such as 4:30. It can be corrected after hanging up."))
        self.duration.setMaximumWidth(120)
        self.duration.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.duration.parentWidget().layout().setAlignment(self.duration, Qt.AlignmentFlag.AlignLeading)
        name_rows_by_labels(self.fields)
        self.channel.setAccessibleName(self.tr("Kind of contact"))
        self.direction.setAccessibleName(self.tr("Direction"))

    def set_read_only(self) -> None:
        for editor in (self.reason, self.next_step, self.duration, self.notes):
            editor.setReadOnly(True)
        for widget in (self.channel, self.direction, self.outcome):
            widget.setEnabled(False)
        self.satisfaction.set_editable(False)


class FollowUpSection(QGroupBox):
    """A promise to come back: when, who, and what was promised. Unticked, it is not part of the contact."""

    def __init__(self, actor: Staff, due, parent=None):
        super().__init__(self.tr("Promise a follow-up"), parent)
        self.setObjectName("followUpBox")
        self.setCheckable(True)
        self.setChecked(False)
        self.fields = FormFields(QFormLayout(self))
        self.due = QDateTimeEdit()
        self.fields.add("due_at", self.tr("Due"), self.due)
        self.due.setObjectName("followUpDue")
        self.due.setCalendarPopup(True)
        jalali_if_persian(self.due)
        self.due.installEventFilter(self)  # Tab leaves it, rather than walking its five parts
        self.due.setDateTime(local_qdatetime(followups.default_due(due)))
        self.assignee = QComboBox()
        self.fields.add("assignee", self.tr("Who"), self.assignee)
        self.assignee.setObjectName("followUpAssignee")
        for person in accounts.colleagues(actor):
            self.assignee.addItem(person.full_name, person.id)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(actor.id)))
        self.promise = QLineEdit()
        self.fields.add("promise", self.tr("Promised"), self.promise)
        self.promise.setObjectName("followUpPromise")
        self.promise.setPlaceholderText(self.tr("What you told the customer you would do"))
        self.toggled.connect(self._enable)
        self._enable(False)
        name_rows_by_labels(self.fields)
        self.setAccessibleName(self.tr("Promise a follow-up"))

    def _enable(self, on: bool) -> None:
        for editor in (self.due, self.assignee, self.promise):
            editor.setEnabled(on)

    def value(self) -> FollowUpDraft | None:
        if not self.isChecked():
            return None
        return FollowUpDraft(utc_from_qdatetime(self.due.dateTime()), self.assignee.currentData(), self.promise.text())

    def set_value(self, follow: FollowUpDraft) -> None:
        self.setChecked(True)
        if follow.due_at:
            self.due.setDateTime(local_qdatetime(follow.due_at))
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(follow.assignee_id)))
        self.promise.setText(follow.promise)

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and watched is self.due
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            # The date's parts are typed in order (or moved by arrow keys); Tab moves on to the next field.
            self.window().focusNextPrevChild(
                event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            return True
        return super().eventFilter(watched, event)


class ChecklistSection(QGroupBox):
    """The etiquette checklist beside the notes; a digit key ticks the item with that number: F7, then 1 2 3."""

    def __init__(self, definition, parent=None):
        super().__init__(parent)
        self.language = i18n.current_language()
        self.definition = definition
        self.editable = True
        column = QVBoxLayout(self)
        self.checklist = QListWidget()
        self.checklist.setObjectName("etiquetteChecklist")
        self.checklist.setWordWrap(True)
        self.checklist.installEventFilter(self)
        self.fill()
        column.addWidget(self.checklist)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)  # a step reads in 2-3 lines

    def set_wording(self, visit: bool) -> None:
        self.setTitle(self.tr("At the desk (F7)") if visit else self.tr("On the phone (F7)"))
        self.checklist.setAccessibleName(self.tr("Checklist: a digit ticks an item"))

    def use(self, definition) -> None:
        """Another checklist (a visit's, a call's): the items ticked in both stay ticked."""
        if definition != self.definition:
            ticked = self.ticked()
            self.definition = definition
            self.fill(ticked)

    def fill(self, ticked=()) -> None:
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for number, item in enumerate(self.definition.items, 1):
            row = QListWidgetItem(f"{digits(number, self.language)}. {item.text(self.language)}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.id in ticked else Qt.CheckState.Unchecked)
            self.checklist.addItem(row)
        self.checklist.blockSignals(False)
        if self.checklist.count():  # the first step is current, not highlighted: the focus is elsewhere
            self.checklist.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def ticked(self) -> list[str]:
        return [
            self.checklist.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.checklist.count())
            if self.checklist.item(i).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, ids) -> None:
        for i in range(self.checklist.count()):
            item = self.checklist.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in ids:
                item.setCheckState(Qt.CheckState.Checked)

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and watched is self.checklist
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            number = typed_digit(event.text())
            if number and number <= self.checklist.count() and self.editable:
                item = self.checklist.item(number - 1)
                self.checklist.setCurrentItem(item)
                item.setCheckState(
                    Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked else Qt.CheckState.Checked
                )
                return True
        return super().eventFilter(watched, event)
