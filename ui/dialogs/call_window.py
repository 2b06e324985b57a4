"""One contact in progress: the caller, a live timer, hold, notes, the etiquette checklist,
satisfaction and a follow-up. Everything typed is kept as a draft on the disk every
second, so a crash or a power cut loses at most the last second or two.

The same window corrects a saved contact (``contact_id``): then there is no timer,
and it is read-only for anyone who may not change it.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from helpdesk import accounts, checklists, contacts, customers, drafts, followups, phones, settings
from helpdesk.clock import to_local, utcnow
from helpdesk.contacts import ContactDraft, FollowUpDraft
from helpdesk.customers import FormErrors
from helpdesk.errors import Conflict, KnownError
from helpdesk.localization import digits, format_datetime, format_duration, left_to_right, listed, parse_duration
from helpdesk.models import Staff

from .. import i18n, prompts
from ..messages import choice, message_for
from ..widgets import ConflictNotice, ErrorLabel, FormFields, error_colour, place_window, remember_window

DRAFT_KIND = "call"
AUTOSAVE_MS = 1000  # the promise is "at most 2 seconds lost"; a second leaves room for a slow disk
TICK_MS = 250
LOOKUP_PAUSE_MS = 250  # the caller box looks up when typing pauses, not on every keystroke
GEOMETRY_KEY = "callWindow/geometry"


def local_qdatetime(value: datetime) -> QDateTime:
    local = to_local(value)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)


def utc_from_qdatetime(value: QDateTime) -> datetime:
    from datetime import timezone

    local = value.toPython()
    return local.astimezone().astimezone(timezone.utc).replace(tzinfo=None, microsecond=0)


def jalali_if_persian(edit: QDateTimeEdit) -> None:
    """Persian readers get the Jalali calendar in date pickers. The date itself is written left to
    right (year/month/day hour:minute), as Persian dates are; right to left it would read backwards."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    if i18n.current_language() == "fa":
        from PySide6.QtCore import QCalendar

        edit.setCalendar(QCalendar(QCalendar.System.Jalali))
        edit.setDisplayFormat("yyyy/MM/dd HH:mm")
    else:
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")


def _digit(text: str) -> int:
    """The value of one typed digit of any script (1, ۱, ١), or 0."""
    import unicodedata

    return unicodedata.digit(text, 0) if len(text) == 1 else 0


def fill_choices(combo: QComboBox, group: str, keys, empty: str | None = None) -> None:
    if empty is not None:
        combo.addItem(empty, "")
    for key in keys:
        combo.addItem(choice(group, key), key)


class CallWindow(QWidget):
    saved = Signal(int)
    closed = Signal()
    complaint_requested = Signal(int)  # a contact id
    calm_requested = Signal(object)  # the customer id, or None: the caller is angry
    hold_reminded = Signal()

    def __init__(self, actor: Staff, location: str, store: drafts.DraftStore, *, channel: str = "phone",
                 direction: str = "inbound", customer_id: int | None = None, follow_up_id: int | None = None,
                 restored: dict | None = None, contact_id: int | None = None, phone_call: dict | None = None,
                 now=utcnow, parent=None):
        """``phone_call``: a call the phone system announced (``ui/phone.py``): its ``call_id``, the
        caller's ``number`` (E.164), ``rang_at`` and ``answered_at`` (naive UTC). The contact starts
        when it rang; the timer counts from the answer."""
        super().__init__(parent)
        self.setObjectName("callWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.actor = actor
        self.location = location
        self.store = store
        self.now = now
        self.contact_id = contact_id
        self.version: int | None = None
        self.language = i18n.current_language()
        self.checklist_def = checklists.phone_etiquette()
        self.draft_id = (restored or {}).get("id") or drafts.new_id()
        already = contacts.saved_from_draft(self.draft_id) if restored is not None else None
        if already is not None:
            # The app stopped between saving this contact and deleting its draft: it is stored, once.
            self.store.discard(self.draft_id)
            contact_id, restored = already.id, None
            self.contact_id = contact_id
        self.follow_up_of = follow_up_id
        self.customer_id: int | None = None
        self.started_at = self.now()
        self.answered_at: datetime | None = None
        self.call_id = ""
        self.call_number = ""  # the caller's number, as the phone system gave it (E.164)
        self.phone_duration: int | None = None  # the talk time the phone system reported
        if phone_call is not None and contact_id is None and restored is None:
            self.call_id = phone_call.get("call_id", "")
            self.call_number = phone_call.get("number", "")
            self.answered_at = phone_call.get("answered_at") or self.now()
            self.started_at = min(phone_call.get("rang_at") or self.answered_at, self.answered_at)
        self.ended_at: datetime | None = None
        self.hold_since: datetime | None = None
        self.hold_seconds = 0
        self.hold_count = 0
        self.hold_limit = 30
        self.reminded = False
        self.finished_ok = False
        self._dirty = True
        self._loading = True
        self.editable = True
        self._build()
        self.channel.currentIndexChanged.connect(self._apply_wording)
        if contact_id is not None:
            self._load_contact(contact_id)
            if already is not None:
                self.notice.setText(self.tr("This contact was already saved before the help desk closed; "
                                            "here it is as it was stored. Nothing was saved twice.") + " "
                                    + self.notice.text())
        elif restored is not None:
            self._restore(restored)
        else:
            self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
            self.direction.setCurrentIndex(max(0, self.direction.findData(direction)))
            if customer_id is None and self.call_number:
                # An unknown caller: their number in the box, ready for "New customer…".
                self.lookup.setText(phones.display(self.call_number, settings.phone_region()))
            self.set_customer(customer_id)
            if follow_up_id is not None:
                from helpdesk import followups

                promise = followups.get(follow_up_id)
                self.reason.setText(promise.promise)
        self._apply_wording()
        self._loading = False
        self._pristine = None if restored is not None else self._typed_state()  # a restored draft is not empty
        self._update_title()
        self._tick()
        if contact_id is None:
            self.ticker = QTimer(self)
            self.ticker.timeout.connect(self._tick)
            self.ticker.start(TICK_MS)
            self.autosaver = QTimer(self)
            self.autosaver.timeout.connect(self.autosave)
            self.autosaver.start(AUTOSAVE_MS)
            self.autosave()
        self.first_field().setFocus()

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.setMinimumSize(760, 560)
        column = QVBoxLayout(self)

        # The timer, hold and hang-up: large and always at the top.
        top = QHBoxLayout()
        self.timer_label = QLabel()
        self.timer_label.setObjectName("callTimer")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.timer_label.setFont(big)
        self.state_label = QLabel()
        self.state_label.setObjectName("callState")
        self.hold_button = QPushButton()  # its words follow the kind of contact: _apply_wording
        self.hold_button.setObjectName("holdButton")
        self.hold_button.setCheckable(True)
        self.hold_button.toggled.connect(self.set_on_hold)
        self.hang_up_button = QPushButton()
        self.hang_up_button.setObjectName("hangUpButton")
        self.hang_up_button.clicked.connect(self.hang_up)
        top.addWidget(self.timer_label)
        top.addWidget(self.state_label, 1)
        top.addWidget(self.hold_button)
        top.addWidget(self.hang_up_button)
        column.addLayout(top)

        self.reminder = QLabel()
        self.reminder.setObjectName("holdReminder")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("background: #ffe08a; color: #3d2e00; padding: 8px; font-weight: bold;")
        self.reminder.hide()
        column.addWidget(self.reminder)
        self.notice = QLabel()
        self.notice.setObjectName("callNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        column.addWidget(self.notice)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        column.addWidget(splitter, 1)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(left)

        # Who is it?
        caller = self.caller_box = QGroupBox()
        caller_column = QVBoxLayout(caller)
        lookup_row = QHBoxLayout()
        self.lookup = QLineEdit()
        self.lookup.setObjectName("callerLookup")
        self.lookup.setClearButtonEnabled(True)
        # Looked up when typing pauses: a number typed at speed is one lookup, not one per digit.
        self.lookup_pause = QTimer(self)
        self.lookup_pause.setSingleShot(True)
        self.lookup_pause.setInterval(LOOKUP_PAUSE_MS)
        self.lookup_pause.timeout.connect(lambda: self._look_up(self.lookup.text()))
        self.lookup.textChanged.connect(self._lookup_typed)
        self.lookup.returnPressed.connect(self._choose_first_match)
        self.new_customer_button = QPushButton(self.tr("&New customer…"))
        self.new_customer_button.setObjectName("newCustomerButton")
        self.new_customer_button.clicked.connect(self.new_customer)
        lookup_row.addWidget(self.lookup, 1)
        lookup_row.addWidget(self.new_customer_button)
        caller_column.addLayout(lookup_row)
        self.matches = QListWidget()
        self.matches.setObjectName("callerMatches")
        self.matches.setMaximumHeight(110)
        self.matches.itemActivated.connect(lambda item: self.set_customer(item.data(Qt.ItemDataRole.UserRole)))
        self.matches.hide()
        caller_column.addWidget(self.matches)
        chosen_row = QHBoxLayout()
        self.customer_label = QLabel()
        self.customer_label.setObjectName("callCustomer")
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.change_customer_button = QPushButton(self.tr("Change"))
        self.change_customer_button.setObjectName("changeCustomerButton")
        self.change_customer_button.clicked.connect(lambda: self.set_customer(None))
        chosen_row.addWidget(self.customer_label, 1)
        chosen_row.addWidget(self.change_customer_button)
        caller_column.addLayout(chosen_row)
        self.customer_error = ErrorLabel()
        self.customer_error.setObjectName("customerError")
        caller_column.addWidget(self.customer_error)
        left_column.addWidget(caller)

        # What was said.
        form = QFormLayout()
        self.fields = FormFields(form)
        self.fields.errors["customer"] = self.customer_error
        self.fields.editors["customer"] = self.lookup
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
        self.reason = self.fields.add("reason", self.tr("Reason"), QLineEdit())
        self.reason.setObjectName("reason")
        self.notes = self.fields.add("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setObjectName("notes")
        # Where the typing goes must be plain to see: the style draws no focus frame on a text area.
        self.notes.setStyleSheet("QPlainTextEdit:focus { border: 2px solid palette(highlight); }")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Type while you listen; everything is kept as you go."))
        self.outcome = self.fields.add("outcome", self.tr("Outcome"), QComboBox())
        self.outcome.setObjectName("outcome")
        fill_choices(self.outcome, "outcome", contacts.OUTCOMES, self.tr("Choose…"))
        satisfaction_row = QWidget()
        satisfaction_layout = QHBoxLayout(satisfaction_row)
        satisfaction_layout.setContentsMargins(0, 0, 0, 0)
        self.satisfaction_group = QButtonGroup(self)
        self.satisfaction_buttons: dict[str, QRadioButton] = {}
        for key in contacts.SATISFACTION:
            button = QRadioButton(f"{digits(len(self.satisfaction_buttons) + 1, self.language)} "
                                  f"{choice('satisfaction', key)}")
            button.setObjectName(f"satisfaction_{key}")
            button.setAccessibleName(choice("satisfaction", key))
            button.installEventFilter(self)  # a digit chooses: 1 dissatisfied … 4 not asked
            self.satisfaction_group.addButton(button)
            self.satisfaction_buttons[key] = button
            satisfaction_layout.addWidget(button)
        satisfaction_layout.addStretch(1)
        self.fields.add("satisfaction", self.tr("Satisfaction"), satisfaction_row)
        self.fields.editors["satisfaction"] = self.satisfaction_buttons["satisfied"]
        self.next_step = self.fields.add("next_step", self.tr("Next step"), QLineEdit())
        self.next_step.setObjectName("nextStep")
        self.duration = self.fields.add("duration", self.tr("Duration"), QLineEdit())
        self.duration.setObjectName("duration")
        self.duration.setToolTip(self.tr("Minutes and seconds, such as 4:30. It can be corrected after hanging up."))
        self.duration.setMaximumWidth(120)
        self.duration.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.duration.parentWidget().layout().setAlignment(self.duration, Qt.AlignmentFlag.AlignLeading)
        self.duration.textEdited.connect(self._duration_edited)
        left_column.addLayout(form)

        # A promise to come back.
        self.follow_box = QGroupBox(self.tr("Promise a follow-up"))
        self.follow_box.setObjectName("followUpBox")
        self.follow_box.setCheckable(True)
        self.follow_box.setChecked(False)
        follow_form = QFormLayout(self.follow_box)
        self.follow_fields = FormFields(follow_form)
        self.follow_due = self.follow_fields.add("due_at", self.tr("Due"), QDateTimeEdit())
        self.follow_due.setObjectName("followUpDue")
        self.follow_due.setCalendarPopup(True)
        jalali_if_persian(self.follow_due)
        self.follow_due.installEventFilter(self)  # Tab leaves it, rather than walking its five parts
        self.follow_due.setDateTime(local_qdatetime(followups.default_due(self.now())))
        self.follow_assignee = self.follow_fields.add("assignee", self.tr("Who"), QComboBox())
        self.follow_assignee.setObjectName("followUpAssignee")
        for person in accounts.colleagues(self.actor):
            self.follow_assignee.addItem(person.full_name, person.id)
        self.follow_assignee.setCurrentIndex(max(0, self.follow_assignee.findData(self.actor.id)))
        self.follow_promise = self.follow_fields.add("promise", self.tr("Promised"), QLineEdit())
        self.follow_promise.setObjectName("followUpPromise")
        self.follow_promise.setPlaceholderText(self.tr("What you told the customer you would do"))
        self.follow_box.toggled.connect(self._follow_toggled)
        self._follow_toggled(False)
        left_column.addWidget(self.follow_box)

        # The phone-etiquette checklist, beside the notes.
        checklist_box = self.checklist_box = QGroupBox()
        checklist_column = QVBoxLayout(checklist_box)
        self.checklist = QListWidget()
        self.checklist.setObjectName("etiquetteChecklist")
        self.checklist.setWordWrap(True)
        self.checklist.installEventFilter(self)  # a digit ticks that item: F7, then 1 2 3
        self._fill_checklist()
        checklist_column.addWidget(self.checklist)
        splitter.addWidget(checklist_box)
        checklist_box.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)  # a step reads in 2-3 lines
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.message = ErrorLabel()
        self.message.setObjectName("formMessage")
        column.addWidget(self.message)
        self.conflict = ConflictNotice()  # a correction refused because someone saved the contact first
        self.conflict.keep_button.clicked.connect(self._keep_mine)
        self.conflict.take_button.clicked.connect(self._take_theirs)
        column.addWidget(self.conflict)
        buttons = QHBoxLayout()
        self._button_row = buttons
        self.saved_label = QLabel()
        self.saved_label.setObjectName("draftState")
        buttons.addWidget(self.saved_label, 1)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setObjectName("discardButton")
        self.discard_button.clicked.connect(self.close)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the contact (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)

        for key, slot in (("Ctrl+S", self.save), ("Ctrl+Return", self.save), ("F6", self.hold_button.toggle),
                          ("F8", self.hang_up), ("Escape", self.close), ("F7", self.checklist.setFocus),
                          ("F9", lambda: self.calm_requested.emit(self.customer_id))):
            QShortcut(QKeySequence(key), self, slot)

        for signal in (self.lookup.textChanged, self.reason.textChanged, self.notes.textChanged,
                       self.next_step.textChanged, self.duration.textChanged, self.follow_promise.textChanged,
                       self.follow_due.dateTimeChanged, self.follow_box.toggled, self.checklist.itemChanged,
                       self.channel.currentIndexChanged, self.direction.currentIndexChanged,
                       self.outcome.currentIndexChanged, self.follow_assignee.currentIndexChanged,
                       self.satisfaction_group.buttonToggled):
            signal.connect(self._changed)

        self._name_for_screen_readers()

    def _name_for_screen_readers(self) -> None:
        """Every control says what it is: the form's editors by their labels, the rest by name."""
        for fields in (self.fields, self.follow_fields):
            for row in range(fields.layout.rowCount()):
                label = fields.layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                holder = fields.layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label is None or holder is None or label.widget() is None:
                    continue
                name = label.widget().text().replace("&", "")
                editor = holder.widget().focusProxy() or holder.widget()
                if not editor.accessibleName():
                    editor.setAccessibleName(name)
        for widget, name in ((self.lookup, self.tr("Find the customer by phone number or name")),
                             (self.new_customer_button, self.tr("New customer")),
                             (self.matches, self.tr("Matching customers")),
                             (self.change_customer_button, self.tr("Change the customer")),
                             (self.channel, self.tr("Kind of contact")), (self.direction, self.tr("Direction")),
                             (self.follow_box, self.tr("Promise a follow-up")),
                             (self.discard_button, self.tr("Discard")), (self.save_button, self.tr("Save"))):
            widget.setAccessibleName(name)

    def first_field(self) -> QWidget:
        """Where the person types first: the caller box while nobody is chosen, else the notes."""
        if self.customer_id is None and self.editable and self.contact_id is None:
            return self.lookup
        return self.notes

    # --- the kind of contact: a call or a visit --------------------------------------------
    @property
    def walk_in(self) -> bool:
        return self.channel.currentData() == contacts.CHANNEL_WALK_IN

    def _apply_wording(self, *_args) -> None:
        """A visitor at the desk is not a caller: the words, the checklist and the controls follow."""
        visit = self.walk_in
        self.caller_box.setTitle(self.tr("Visitor") if visit else self.tr("Caller"))
        self.lookup.setPlaceholderText(self.tr("Type the name or the phone number") if visit
                                       else self.tr("Type the phone number or the name"))
        self.hang_up_button.setText(self.tr("&End visit (F8)") if visit else self.tr("Hang &up (F8)"))
        self.hang_up_button.setToolTip(self.tr("End the visit and stop the timer (F8)") if visit
                                       else self.tr("End the call and stop the timer (F8)"))
        self.hang_up_button.setAccessibleName(self.tr("End visit") if visit else self.tr("Hang up"))
        self.hold_button.setToolTip(self.tr("Step away from the desk for a moment, or come back to the visitor (F6)")
                                    if visit else self.tr("Put the caller on hold, or go back to them (F6)"))
        self._hold_text()
        self.checklist_box.setTitle(self.tr("At the desk (F7)") if visit else self.tr("On the phone (F7)"))
        self.checklist.setAccessibleName(self.tr("Checklist: a digit ticks an item"))
        self.direction.setVisible(not visit)  # a visitor comes in
        wanted = checklists.load("walk_in") if visit else checklists.phone_etiquette()
        if wanted != self.checklist_def:
            ticked = self._ticked()
            self.checklist_def = wanted
            self._fill_checklist(ticked)
        self._tick()
        self._update_title()

    def _hold_text(self) -> None:
        held = self.hold_since is not None
        if self.walk_in:
            text = self.tr("Back to the &visitor (F6)") if held else self.tr("Step &away (F6)")
            name = self.tr("Back to the visitor") if held else self.tr("Step away")
        else:
            text = self.tr("Back to the &caller (F6)") if held else self.tr("&Hold (F6)")
            name = self.tr("Back to the caller") if held else self.tr("Hold")
        self.hold_button.setText(text)
        self.hold_button.setAccessibleName(name)

    def _fill_checklist(self, ticked=()) -> None:
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for number, item in enumerate(self.checklist_def.items, 1):
            row = QListWidgetItem(f"{digits(number, self.language)}. {item.text(self.language)}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.id in ticked else Qt.CheckState.Unchecked)
            self.checklist.addItem(row)
        self.checklist.blockSignals(False)
        if self.checklist.count():  # the first step is current, not highlighted: the focus is elsewhere
            self.checklist.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _ticked(self) -> list[str]:
        return [self.checklist.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.checklist.count())
                if self.checklist.item(i).checkState() == Qt.CheckState.Checked]

    def eventFilter(self, watched, event) -> bool:
        """A digit key, Latin or Persian, picks the satisfaction level or ticks the checklist item with
        that number: one key, the same in every keyboard layout."""
        if (event.type() == QEvent.Type.KeyPress and watched is self.follow_due
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            # The date's parts are typed in order (or moved by arrow keys); Tab moves on to the next field.
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab and
                                    not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return True
        if event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            number = _digit(event.text())
            if number and watched is self.checklist and number <= self.checklist.count() and self.editable:
                item = self.checklist.item(number - 1)
                self.checklist.setCurrentItem(item)
                item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                                   else Qt.CheckState.Checked)
                return True
            buttons = list(self.satisfaction_buttons.values())
            if number and watched in buttons and number <= len(buttons) and watched.isEnabled():
                buttons[number - 1].setChecked(True)
                buttons[number - 1].setFocus()
                return True
        return super().eventFilter(watched, event)

    def _typed_state(self) -> tuple:
        """What the person has put in, apart from the clock: unchanged means Esc may close at once."""
        return (self.lookup.text(), self.customer_id, self.reason.text(), self.notes.toPlainText(),
                self.outcome.currentIndex(), self.satisfaction_group.checkedId(), self.next_step.text(),
                tuple(self._ticked()), self.follow_box.isChecked(), self.follow_promise.text(),
                self.channel.currentIndex(), self.direction.currentIndex(), self.hold_count)

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._dirty = True

    def _follow_toggled(self, on: bool) -> None:
        for editor in (self.follow_due, self.follow_assignee, self.follow_promise):
            editor.setEnabled(on)
        if on and not self._loading:
            self.follow_promise.setFocus()

    # --- the caller ----------------------------------------------------------------------
    def _lookup_typed(self, text: str) -> None:
        if text.strip():
            self.lookup_pause.start()  # again from the start at every keystroke
        else:  # emptied: nothing to wait for
            self._look_up(text)

    def _look_up(self, text: str) -> None:
        self.lookup_pause.stop()
        self.matches.clear()
        found = contacts.find_caller(text) if text.strip() else []
        region = settings.phone_region()
        for caller in found:
            numbers = listed((digits(phones.display(n, region), self.language) for n in caller.phones[:2]),
                             self.language)
            mark = "\u200f" if self.language == "fa" else "\u200e"  # names in either script line up
            label = mark + caller.name + (f" · {left_to_right(numbers)}" if numbers else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, caller.customer_id)
            self.matches.addItem(item)
        if found:
            self.matches.setCurrentRow(0)
        elif text.strip():
            self.matches.addItem(QListWidgetItem(self.tr("Nobody has this number or name yet. "
                                                         "Press “New customer…” to add them.")))
        self.matches.setVisible(bool(text.strip()) and self.customer_id is None)

    def _choose_first_match(self) -> None:
        if self.lookup_pause.isActive():  # Enter before the pause ended: the matches of what is typed
            self._look_up(self.lookup.text())
        item = self.matches.currentItem() or self.matches.item(0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.set_customer(item.data(Qt.ItemDataRole.UserRole))

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.customer_error.clear_message()
        if customer_id is None:
            self.customer_label.setText(self.tr("No customer chosen yet"))
            self.change_customer_button.hide()
            self.lookup.show()
            self.new_customer_button.show()
            self._look_up(self.lookup.text())
            self.lookup.setFocus()
        else:
            record = customers.get(customer_id)
            region = settings.phone_region()
            numbers = listed((digits(phones.display(p.number, region), self.language) for p in record.phones[:2]),
                             self.language)
            mark = "\u200f" if self.language == "fa" else "\u200e"
            self.customer_label.setText(mark + record.customer.display_name +
                                        (f" · {left_to_right(numbers)}" if numbers else ""))
            self.change_customer_button.setVisible(self.editable)
            self.matches.hide()
            self.lookup.setVisible(False)
            self.new_customer_button.setVisible(False)
            if not self._loading:
                self.reason.setFocus()
        self._changed()
        self._update_title()

    def new_customer(self) -> QWidget:
        from ..dialogs.customer_form import CustomerForm
        from ..pages.customers import prefill_from_search

        form = CustomerForm(self.actor, prefill=prefill_from_search(self.lookup.text()), parent=self)
        form.saved.connect(self.set_customer)
        form.open_requested.connect(lambda customer_id: (self.set_customer(customer_id), form.close()))
        self.customer_form = form
        form.show()
        return form

    # --- time ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.ended_at is None and self.contact_id is None

    def elapsed(self) -> int:
        """The call's length so far: from the answer, when the phone system told it, else from the start."""
        end = self.ended_at or self.now()
        return max(0, int((end - (self.answered_at or self.started_at)).total_seconds()))

    def current_hold(self) -> int:
        return 0 if self.hold_since is None else max(0, int((self.now() - self.hold_since).total_seconds()))

    def set_on_hold(self, on: bool) -> None:
        if not self.running:
            self.hold_button.setChecked(False)
            return
        if on and self.hold_since is None:
            self.hold_limit = settings.hold_reminder_seconds()  # read once per hold, not on every tick
            self.hold_since = self.now()
            self.hold_count += 1
            self.reminded = False
        elif not on and self.hold_since is not None:
            self.hold_seconds += self.current_hold()
            self.hold_since = None
            self.reminder.hide()
        self.hold_button.blockSignals(True)
        self.hold_button.setChecked(self.hold_since is not None)
        self.hold_button.blockSignals(False)
        self._hold_text()
        self._changed()
        self._tick()

    def hang_up(self) -> None:
        if not self.running:
            return
        self.set_on_hold(False)
        self.ended_at = self.ended_at or self.now()
        talk = self.phone_duration if self.phone_duration is not None else self.elapsed()
        self.duration.setText(format_duration(talk, self.language))
        self.duration.setEnabled(True)
        self.hold_button.setEnabled(False)
        self.hang_up_button.setEnabled(False)
        self._changed()
        self._tick()
        self.outcome.setFocus()

    def phone_hung_up(self, at: datetime, duration: int | None = None) -> None:
        """The phone system says the call ended at ``at``, after ``duration`` seconds of talk."""
        if not self.running:
            return
        self.set_on_hold(False)
        self.ended_at = max(at, self.answered_at or self.started_at)
        self.phone_duration = duration
        self.hang_up()

    def _duration_edited(self, _text: str) -> None:
        self._duration_typed = True

    def _tick(self) -> None:
        lang = self.language
        self.timer_label.setText(format_duration(self.elapsed(), lang))
        hold = self.current_hold()
        total_hold = self.hold_seconds + hold
        if self.contact_id is not None:
            state = self.tr("Saved contact")
        elif self.hold_since is not None:
            state = (self.tr("Stepped away for {0}") if self.walk_in else self.tr("On hold for {0}")).format(
                left_to_right(format_duration(hold, lang)))
        elif self.running:
            state = self.tr("Visit in progress") if self.walk_in else self.tr("On the call")
        else:
            state = self.tr("Visit ended") if self.walk_in else self.tr("Call ended")
        if total_hold and self.contact_id is None:
            state += " · " + self.tr("held {0} in all").format(left_to_right(format_duration(total_hold, lang)))
        self.state_label.setText(state)
        if self.running and not getattr(self, "_duration_typed", False):
            self.duration.setText(format_duration(self.elapsed(), lang))
            self.duration.setEnabled(False)
        limit = self.hold_limit if self.hold_since is not None else None
        if limit is not None and hold >= limit:
            text = self.tr("The visitor has been waiting for {0}. Go back to them now, even if only to say "
                           "you are still on it.") if self.walk_in else \
                self.tr("The caller has been waiting for {0}. Go back to them now, even if only to say you are "
                        "still on it.")
            self.reminder.setText(text.format(left_to_right(format_duration(hold, lang))))
            self.reminder.show()
            if not self.reminded:
                self.reminded = True
                QApplication.beep()
                QApplication.alert(self)
                self.hold_reminded.emit()

    # --- the draft -------------------------------------------------------------------------------
    def current_draft(self) -> ContactDraft:
        hold = self.hold_seconds + self.current_hold()
        duration = parse_duration(self.duration.text()) if getattr(self, "_duration_typed", False) else None
        if duration is None and getattr(self, "_duration_typed", False):
            duration = -1  # unreadable: the service says so next to the field
        elif duration is None and self.answered_at is not None:
            duration = self.phone_duration if self.phone_duration is not None else self.elapsed()
        satisfaction = next((k for k, b in self.satisfaction_buttons.items() if b.isChecked()), "")
        ticked = self._ticked()
        follow = None
        if self.follow_box.isChecked():
            follow = FollowUpDraft(utc_from_qdatetime(self.follow_due.dateTime()), self.follow_assignee.currentData(),
                                   self.follow_promise.text())
        return ContactDraft(
            customer_id=self.customer_id, channel=self.channel.currentData(), direction=self.direction.currentData(),
            phone=self.call_number or (self.lookup.text() if phones.digits_fragment(self.lookup.text()) else ""),
            started_at=self.started_at, answered_at=self.answered_at, call_id=self.call_id,
            ended_at=self.ended_at or self.now(), duration_seconds=duration,
            hold_seconds=hold, hold_count=self.hold_count, reason=self.reason.text(),
            notes=self.notes.toPlainText(), outcome=self.outcome.currentData() or "", satisfaction=satisfaction,
            next_step=self.next_step.text(), checklist={"version": self.checklist_def.version, "ticked": ticked},
            follow_up=follow, follow_up_of=self.follow_up_of)

    def autosave(self) -> None:
        """Write the draft when something changed since the last write."""
        if not self._dirty or self.finished_ok or self.contact_id is not None:
            return
        content = {"contact": self.current_draft().to_json(), "lookup": self.lookup.text(),
                   "running": self.running,
                   "hold_since": self.hold_since.isoformat() if self.hold_since else None,
                   "hold_seconds": self.hold_seconds, "duration_text": self.duration.text(),
                   "duration_typed": getattr(self, "_duration_typed", False)}
        try:
            self.store.save(self.draft_id, DRAFT_KIND, self.location, self.actor.id, content)
        except OSError as exc:
            self.saved_label.setText(self.tr("The draft could not be kept on this computer: {0}").format(exc))
            self.saved_label.setStyleSheet(f"color: {error_colour(self)};")
            return
        self._dirty = False
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(self.tr("Kept safe as you type"))

    def _fill(self, draft: ContactDraft, customer_id: int | None) -> None:
        """Put a draft's values in the fields: for a restored call and for a saved contact."""
        self.channel.setCurrentIndex(max(0, self.channel.findData(draft.channel)))
        self.direction.setCurrentIndex(max(0, self.direction.findData(draft.direction)))
        self.set_customer(customer_id)
        self.reason.setText(draft.reason)
        self.notes.setPlainText(draft.notes)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(draft.outcome)))
        if draft.satisfaction in self.satisfaction_buttons:
            self.satisfaction_buttons[draft.satisfaction].setChecked(True)
        self.next_step.setText(draft.next_step)
        ticked = set((draft.checklist or {}).get("ticked", []))
        for i in range(self.checklist.count()):
            item = self.checklist.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in ticked:
                item.setCheckState(Qt.CheckState.Checked)

    def _restore(self, document: dict) -> None:
        content = document.get("content", {})
        draft = ContactDraft.from_json(content.get("contact", {}))
        saved_at = datetime.fromisoformat(document["saved_at"]) if document.get("saved_at") else self.now()
        self.started_at = draft.started_at or saved_at
        self.answered_at, self.call_id = draft.answered_at, draft.call_id or ""
        self.call_number = draft.phone if self.call_id else ""
        self.follow_up_of = draft.follow_up_of
        self.lookup.setText(content.get("lookup", ""))
        known = draft.customer_id is not None and customers.Customer.get_or_none(id=draft.customer_id) is not None
        self._fill(draft, draft.customer_id if known else None)
        if draft.follow_up is not None:
            self.follow_box.setChecked(True)
            if draft.follow_up.due_at:
                self.follow_due.setDateTime(local_qdatetime(draft.follow_up.due_at))
            self.follow_assignee.setCurrentIndex(max(0, self.follow_assignee.findData(draft.follow_up.assignee_id)))
            self.follow_promise.setText(draft.follow_up.promise)
        # The call stopped when the app did: the last moment kept is its end.
        self.hold_seconds = draft.hold_seconds
        self.hold_count = draft.hold_count
        self.ended_at = draft.ended_at if not content.get("running") else saved_at
        self.ended_at = max(self.ended_at or saved_at, self.started_at)
        self.duration.setEnabled(True)
        self.hold_button.setEnabled(False)
        self.hang_up_button.setEnabled(False)
        if content.get("duration_typed"):
            self._duration_typed = True
            self.duration.setText(content.get("duration_text", ""))
        else:
            self.duration.setText(format_duration(self.elapsed(), self.language))
        text = self.tr("This visit was not finished when the help desk closed at {0}. Everything typed until "
                       "then is back. Check the duration, then save.") if draft.channel == contacts.CHANNEL_WALK_IN \
            else self.tr("This call was not finished when the help desk closed at {0}. Everything typed until then "
                         "is back. Check the duration, then save.")
        self.notice.setText(text.format(format_datetime(to_local(saved_at), self.language)))
        self.notice.show()

    # --- a saved contact ----------------------------------------------------------------------
    def _load_contact(self, contact_id: int) -> None:
        contact = contacts.get(contact_id)
        self.version = contact.version
        draft = contacts.draft_of(contact)
        self.editable = contacts.may_edit(self.actor, contact)
        self.started_at, self.ended_at = draft.started_at, draft.ended_at
        self.answered_at, self.call_id = draft.answered_at, draft.call_id or ""
        self.call_number = draft.phone if self.call_id else ""
        self.hold_seconds, self.hold_count = draft.hold_seconds, draft.hold_count
        self._fill(draft, draft.customer_id)
        self._duration_typed = True
        self.duration.setText(format_duration(draft.duration_seconds, self.language))
        for widget in (self.hold_button, self.hang_up_button, self.follow_box):
            widget.hide()
        self.complaint_button = QPushButton(self.tr("Raise a &complaint…"))
        self.complaint_button.setObjectName("raiseComplaintButton")
        self.complaint_button.clicked.connect(lambda: self.complaint_requested.emit(contact_id))
        self._button_row.insertWidget(1, self.complaint_button)
        self.timer_label.setText(format_duration(draft.duration_seconds, self.language))
        taker = Staff.get_by_id(contact.staff_id).full_name
        text = self.tr("Taken by {0} on {1}.").format(taker, format_datetime(to_local(contact.started_at),
                                                                              self.language))
        if not self.editable:
            text += " " + self.tr("Only {0} or a supervisor can change it.").format(taker)
            for editor in (self.reason, self.next_step, self.duration, self.lookup):
                editor.setReadOnly(True)
            self.notes.setReadOnly(True)
            for widget in (self.channel, self.direction, self.outcome, self.checklist, self.change_customer_button,
                           *self.satisfaction_buttons.values()):
                widget.setEnabled(False)
            self.save_button.hide()
            self.discard_button.setText(self.tr("Close"))
        self.notice.setText(text)
        self.notice.show()

    def _update_title(self) -> None:
        name = self.customer_label.text().lstrip("\u200e\u200f") if self.customer_id is not None else ""
        if self.contact_id is not None:
            title = self.tr("Contact")
        elif self.follow_up_of is not None:
            title = self.tr("Callback")
        else:
            title = choice("channel", self.channel.currentData()) if hasattr(self, "channel") else ""
        self.setWindowTitle(f"{title} — {name}" if name else title)

    # --- saving and closing ----------------------------------------------------------------------
    def save(self) -> None:
        if not self.editable:
            return
        self.fields.clear()
        self.follow_fields.clear()
        self.message.clear_message()
        self.conflict.clear()
        try:
            # Every problem at once, before anything changes: a refused save leaves the call running.
            contacts.check(self.current_draft())
            if self.running:
                self.hang_up()
            draft = self.current_draft()
            if self.contact_id is None:
                contact = contacts.create(self.actor, draft, draft_id=self.draft_id)
            else:
                contact = contacts.update(self.actor, self.contact_id, draft, self.version)
        except FormErrors as error:
            first = None
            for name, problem in error.errors.items():
                for fields in (self.fields, self.follow_fields):
                    if name in fields.errors:
                        fields.errors[name].show_message(message_for(problem))
                        first = first or fields.editors[name]
            self.message.show_message(message_for(error))
            if first is not None:
                first.setFocus()
            return
        except contacts.AlreadySaved as error:
            self.finished_ok = True
            self.store.discard(self.draft_id)
            self.message.show_message(self.tr("This contact was already saved at {0}, so it was not stored again.")
                                      .format(format_datetime(to_local(error.contact.created_at), self.language)))
            self.save_button.hide()
            self.discard_button.setText(self.tr("Close"))
            self.discard_button.setFocus()
            return
        except Conflict as conflict:  # what they changed; the correction stays on the screen
            self.conflict.show_conflict(conflict)
            return
        except KnownError as error:
            self.message.show_message(message_for(error))
            return
        self.finished_ok = True
        self.store.discard(self.draft_id)
        self.saved.emit(contact.id)
        self.close()

    def _keep_mine(self) -> None:
        """Save this correction over the one the other desk saved."""
        if self.conflict.conflict is not None:
            self.version = self.conflict.conflict.current.get("version", self.version)
        self.save()

    def _take_theirs(self) -> None:
        """Drop this correction: the window closes and the stored contact stays as they saved it."""
        self.conflict.clear()
        self.finished_ok = True
        self.store.discard(self.draft_id)
        self.saved.emit(self.contact_id)
        self.close()

    def put_away(self) -> None:
        """Close without asking and keep the draft, to be offered again at the next sign-in."""
        if self.contact_id is None and not self.finished_ok:
            self._dirty = True
            self.autosave()
        self.finished_ok = True
        self.close()

    def showEvent(self, event) -> None:
        place_window(self, GEOMETRY_KEY, 980, 680)
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        """Closing an unsaved contact asks first; it never throws notes away silently."""
        if not (self.finished_ok or not self.editable):
            typed = self._pristine is None or self._typed_state() != self._pristine
            if typed and not prompts.confirm(self, self.tr("Discard this contact?"),
                                             self.tr("What you typed about this contact will be thrown away.")):
                event.ignore()
                return
            self.finished_ok = True
            if self.contact_id is None:
                self.store.discard(self.draft_id)
        remember_window(self, GEOMETRY_KEY)
        self.closed.emit()
        super().closeEvent(event)
        if self.parentWidget() is not None:
            self.parentWidget().activateWindow()  # the keys go back to the main window
