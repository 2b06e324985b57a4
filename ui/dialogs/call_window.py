"""One contact in progress: the caller, a live timer, hold, notes, the etiquette checklist,
satisfaction and a follow-up. Everything typed is kept as a draft on the disk every
second, so a crash or a power cut loses at most the last second or two.

The same window corrects a saved contact (``contact_id``): then there is no timer,
and it is read-only for anyone who may not change it.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from helpdesk import (
    checklists,
    contacts,
    customers,
    drafts,
    followups,
    phones,
    settings,
)
from helpdesk.clock import to_local, utcnow
from helpdesk.contacts import ContactDraft
from helpdesk.customers import FormErrors
from helpdesk.errors import Conflict, KnownError
from helpdesk.localization import (
    format_datetime,
    format_duration,
    left_to_right,
    parse_duration,
)
from helpdesk.models import Staff

from .. import i18n, prompts
from ..messages import choice, message_for
from ..widgets import ConflictNotice, ErrorLabel, error_colour
from .draft_window import DraftWindow
from .sections.call import (
    CallerSection,
    CallTimerBar,
    ChecklistSection,
    ContactDetails,
    FollowUpSection,
)

DRAFT_KIND = "call"
TICK_MS = 250
GEOMETRY_KEY = "callWindow/geometry"


def _banner(name: str, style: str = "") -> QLabel:
    """A line of news across the window (the hold reminder, a restored draft), hidden until there is some."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    label.hide()
    return label


class CallWindow(DraftWindow):
    saved = Signal(int)
    complaint_requested = Signal(int)  # a contact id
    hold_reminded = Signal()
    DRAFT_KIND = DRAFT_KIND
    GEOMETRY_KEY = GEOMETRY_KEY
    DEFAULT_SIZE = (980, 680)

    def __init__(
        self,
        actor: Staff,
        location: str,
        store: drafts.DraftStore,
        *,
        channel: str = "phone",
        direction: str = "inbound",
        customer_id: int | None = None,
        follow_up_id: int | None = None,
        restored: dict | None = None,
        contact_id: int | None = None,
        phone_call: dict | None = None,
        now=utcnow,
        parent=None,
    ):
        """``phone_call``: a call the phone system announced (``ui/phone.py``): its ``call_id``, the
        caller's ``number`` (E.164), ``rang_at`` and ``answered_at`` (naive UTC). The contact starts
        when it rang; the timer counts from the answer."""
        super().__init__(actor, location, store, restored, now, parent)
        self.setObjectName("callWindow")
        self.contact_id = contact_id
        self.version: int | None = None
        self.language = i18n.current_language()
        already = contacts.saved_from_draft(self.draft_id) if restored is not None else None
        if already is not None:
            # The app stopped between saving this contact and deleting its draft: it is stored, once.
            self.store.discard(self.draft_id)
            contact_id, restored = already.id, None
            self.contact_id = contact_id
        self._reset_clock(phone_call if contact_id is None and restored is None else None)
        self.follow_up_of = follow_up_id
        self.customer_id: int | None = None
        self._loading = True
        self.editable = True
        self._build()
        self.channel.currentIndexChanged.connect(self._apply_wording)
        if contact_id is not None:
            self._load_contact(contact_id)
            if already is not None:
                self.notice.setText(
                    self.tr(
                        "This contact was already saved before the help desk closed; "
                        "here it is as it was stored. Nothing was saved twice."
                    )
                    + " "
                    + self.notice.text()
                )
        elif restored is not None:
            self._restore(restored)
        else:
            self._begin(channel, direction, customer_id, follow_up_id)
        self._apply_wording()
        self._loading = False
        self._pristine = None if restored is not None else self._typed_state()  # a restored draft is not empty
        self._update_title()
        self._tick()
        if contact_id is None:
            self.ticker = QTimer(self)
            self.ticker.timeout.connect(self._tick)
            self.ticker.start(TICK_MS)
            self.start_autosave()
        self.first_field().setFocus()

    def _reset_clock(self, phone_call: dict | None) -> None:
        """The contact's times: from now, or from when the phone system says it rang and was answered."""
        self.started_at = self.now()
        self.answered_at: datetime | None = None
        self.call_id = ""
        self.call_number = ""  # the caller's number, as the phone system gave it (E.164)
        self.phone_duration: int | None = None  # the talk time the phone system reported
        if phone_call is not None:
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

    def _begin(self, channel: str, direction: str, customer_id: int | None, follow_up_id: int | None) -> None:
        """A new contact: its kind, the customer when known, and the promise it calls back about."""
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        self.direction.setCurrentIndex(max(0, self.direction.findData(direction)))
        if customer_id is None and self.call_number:
            # An unknown caller: their number in the box, ready for "New customer…".
            self.lookup.setText(phones.display(self.call_number, settings.phone_region()))
        self.set_customer(customer_id)
        if follow_up_id is not None:
            self.reason.setText(followups.get(follow_up_id).promise)

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.setMinimumSize(760, 560)
        column = QVBoxLayout(self)
        self.timer_bar = CallTimerBar()
        column.addWidget(self.timer_bar)
        self.reminder = _banner("holdReminder", "background: #ffe08a; color: #3d2e00; padding: 8px; font-weight: bold;")
        column.addWidget(self.reminder)
        self.notice = _banner("callNotice")
        column.addWidget(self.notice)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        column.addWidget(splitter, 1)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(left)
        self.caller_box = CallerSection()
        left_column.addWidget(self.caller_box)
        self.details = ContactDetails()
        left_column.addWidget(self.details)
        self.follow_box = FollowUpSection(self.actor, self.now())
        left_column.addWidget(self.follow_box)
        self.checklist_box = ChecklistSection(checklists.phone_etiquette())
        splitter.addWidget(self.checklist_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self._build_bottom(column)
        self._expose_sections()
        self._connect()

    def _build_bottom(self, column: QVBoxLayout) -> None:
        """What went wrong, a conflict with another desk, whether the draft is kept, and the buttons."""
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
        self.discard_button.setAccessibleName(self.tr("Discard"))
        self.discard_button.clicked.connect(self.close)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the contact (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)

    def _expose_sections(self) -> None:
        """The sections' controls by the names the rest of the app (and its tests) reach them by."""
        bar, caller, details, follow = self.timer_bar, self.caller_box, self.details, self.follow_box
        self.timer_label, self.state_label = bar.timer_label, bar.state_label
        self.hold_button, self.hang_up_button = bar.hold_button, bar.hang_up_button
        self.lookup, self.lookup_pause, self.matches = caller.lookup, caller.lookup_pause, caller.matches
        self.new_customer_button, self.change_customer_button = (
            caller.new_customer_button,
            caller.change_customer_button,
        )
        self.customer_label, self.customer_error = caller.customer_label, caller.customer_error
        self.fields = details.fields
        self.fields.errors["customer"] = self.customer_error
        self.fields.editors["customer"] = self.lookup
        self.channel, self.direction, self.reason, self.notes = (
            details.channel,
            details.direction,
            details.reason,
            details.notes,
        )
        self.outcome, self.next_step, self.duration = details.outcome, details.next_step, details.duration
        self.satisfaction_group = details.satisfaction.group
        self.satisfaction_buttons = details.satisfaction.buttons
        self.follow_fields = follow.fields
        self.follow_due, self.follow_assignee, self.follow_promise = follow.due, follow.assignee, follow.promise
        self.checklist = self.checklist_box.checklist

    def _connect(self) -> None:
        self.hold_button.toggled.connect(self.set_on_hold)
        self.hang_up_button.clicked.connect(self.hang_up)
        self.caller_box.chosen.connect(self.set_customer)
        self.caller_box.new_requested.connect(self.new_customer)
        self.duration.textEdited.connect(self._duration_edited)
        self.follow_box.toggled.connect(self._follow_toggled)
        for key, slot in (
            ("Ctrl+S", self.save),
            ("Ctrl+Return", self.save),
            ("F6", self.hold_button.toggle),
            ("F8", self.hang_up),
            ("Escape", self.close),
            ("F7", self.checklist.setFocus),
        ):  # F9, calm down, is the main window's one action, given to this window: ui/actions.py
            QShortcut(QKeySequence(key), self, slot)

        for signal in (
            self.lookup.textChanged,
            self.reason.textChanged,
            self.notes.textChanged,
            self.next_step.textChanged,
            self.duration.textChanged,
            self.follow_promise.textChanged,
            self.follow_due.dateTimeChanged,
            self.follow_box.toggled,
            self.checklist.itemChanged,
            self.channel.currentIndexChanged,
            self.direction.currentIndexChanged,
            self.outcome.currentIndexChanged,
            self.follow_assignee.currentIndexChanged,
            self.satisfaction_group.buttonToggled,
        ):
            signal.connect(self._changed)

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
        self.caller_box.set_wording(visit)
        self.timer_bar.set_wording(visit, self.hold_since is not None)
        self.checklist_box.set_wording(visit)
        self.direction.setVisible(not visit)  # a visitor comes in
        self.checklist_box.use(checklists.load("walk_in") if visit else checklists.phone_etiquette())
        self._tick()
        self._update_title()

    @property
    def checklist_def(self):
        return self.checklist_box.definition

    def _ticked(self) -> list[str]:
        return self.checklist_box.ticked()

    def _typed_state(self) -> tuple:
        """What the person has put in, apart from the clock: unchanged means Esc may close at once."""
        return (
            self.lookup.text(),
            self.customer_id,
            self.reason.text(),
            self.notes.toPlainText(),
            self.outcome.currentIndex(),
            self.satisfaction_group.checkedId(),
            self.next_step.text(),
            tuple(self._ticked()),
            self.follow_box.isChecked(),
            self.follow_promise.text(),
            self.channel.currentIndex(),
            self.direction.currentIndex(),
            self.hold_count,
        )

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._dirty = True

    def _follow_toggled(self, on: bool) -> None:
        if on and not self._loading:
            self.follow_promise.setFocus()

    # --- the caller ----------------------------------------------------------------------
    def _look_up(self, text: str) -> None:
        self.caller_box.look_up(text)

    def _choose_first_match(self) -> None:
        self.caller_box.choose_first_match()

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        if customer_id is None:
            self.caller_box.show_nobody()
        else:
            self.caller_box.show_customer(customer_id, self.editable)
            if not self._loading:
                self.reason.setFocus()
        self._changed()
        self._update_title()

    def new_customer(self) -> QWidget:
        from ..dialogs.customer_form import CustomerForm
        from ..pages.customers import prefill_from_search

        form = CustomerForm(self.actor, prefill=prefill_from_search(self.lookup.text()), parent=self)
        form.saved.connect(self.set_customer)

        def open_requested(customer_id: int) -> None:
            self.set_customer(customer_id)
            form.close()

        form.open_requested.connect(open_requested)
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
        self.timer_bar.set_hold_text(self.walk_in, self.hold_since is not None)
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
                left_to_right(format_duration(hold, lang))
            )
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
            text = (
                self.tr(
                    "The visitor has been waiting for {0}. Go back to them now, even if only to say "
                    "you are still on it."
                )
                if self.walk_in
                else self.tr(
                    "The caller has been waiting for {0}. Go back to them now, even if only to say you are still on it."
                )
            )
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
        satisfaction = self.details.satisfaction.value()
        ticked = self._ticked()
        follow = self.follow_box.value()
        return ContactDraft(
            customer_id=self.customer_id,
            channel=self.channel.currentData(),
            direction=self.direction.currentData(),
            phone=self.call_number or (self.lookup.text() if phones.digits_fragment(self.lookup.text()) else ""),
            started_at=self.started_at,
            answered_at=self.answered_at,
            call_id=self.call_id,
            ended_at=self.ended_at or self.now(),
            duration_seconds=duration,
            hold_seconds=hold,
            hold_count=self.hold_count,
            reason=self.reason.text(),
            notes=self.notes.toPlainText(),
            outcome=self.outcome.currentData() or "",
            satisfaction=satisfaction,
            next_step=self.next_step.text(),
            checklist={"version": self.checklist_def.version, "ticked": ticked},
            follow_up=follow,
            follow_up_of=self.follow_up_of,
        )

    def keeps_draft(self) -> bool:
        return self.contact_id is None

    def draft_content(self) -> dict:
        return {
            "contact": self.current_draft().to_json(),
            "lookup": self.lookup.text(),
            "running": self.running,
            "hold_since": self.hold_since.isoformat() if self.hold_since else None,
            "hold_seconds": self.hold_seconds,
            "duration_text": self.duration.text(),
            "duration_typed": getattr(self, "_duration_typed", False),
        }

    def draft_failed(self, error: OSError) -> None:
        self.saved_label.setText(self.tr("The draft could not be kept on this computer: {0}").format(error))
        self.saved_label.setStyleSheet(f"color: {error_colour(self)};")

    def draft_kept(self) -> None:
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
        self.details.satisfaction.set_value(draft.satisfaction)
        self.next_step.setText(draft.next_step)
        self.checklist_box.tick(set((draft.checklist or {}).get("ticked", [])))

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
            self.follow_box.set_value(draft.follow_up)
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
        text = (
            self.tr(
                "This visit was not finished when the help desk closed at {0}. Everything typed until "
                "then is back. Check the duration, then save."
            )
            if draft.channel == contacts.CHANNEL_WALK_IN
            else self.tr(
                "This call was not finished when the help desk closed at {0}. Everything typed until then "
                "is back. Check the duration, then save."
            )
        )
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
        duration = cast(int, draft.duration_seconds)  # a saved contact's (a column with a default)
        self.duration.setText(format_duration(duration, self.language))
        for widget in (self.hold_button, self.hang_up_button, self.follow_box):
            widget.hide()
        self.complaint_button = QPushButton(self.tr("Raise a &complaint…"))
        self.complaint_button.setObjectName("raiseComplaintButton")
        self.complaint_button.clicked.connect(lambda: self.complaint_requested.emit(contact_id))
        self._button_row.insertWidget(1, self.complaint_button)
        self.timer_label.setText(format_duration(duration, self.language))
        taker = Staff.get_by_id(contact.staff_id).full_name
        text = self.tr("Taken by {0} on {1}.").format(
            taker, format_datetime(to_local(contact.started_at), self.language)
        )
        if not self.editable:
            text += " " + self.tr("Only {0} or a supervisor can change it.").format(taker)
            self.details.set_read_only()
            self.lookup.setReadOnly(True)
            self.checklist_box.editable = False
            for widget in (self.checklist, self.change_customer_button):
                widget.setEnabled(False)
            self.save_button.hide()
            self.discard_button.setText(self.tr("Close"))
        self.notice.setText(text)
        self.notice.show()

    def _update_title(self) -> None:
        name = self.caller_box.chosen_name() if self.customer_id is not None else ""
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
                # version: the saved contact's, set by _load_contact with contact_id
                contact = contacts.update(self.actor, self.contact_id, draft, cast(int, self.version))
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
            self.discard_draft()
            self.message.show_message(
                self.tr("This contact was already saved at {0}, so it was not stored again.").format(
                    format_datetime(to_local(error.contact.created_at), self.language)
                )
            )
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
        self.discard_draft()
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
        self.discard_draft()
        self.saved.emit(self.contact_id)
        self.close()

    def closeEvent(self, event) -> None:
        """Closing an unsaved contact asks first; it never throws notes away silently."""
        if not (self.finished_ok or not self.editable):
            typed = self._pristine is None or self._typed_state() != self._pristine
            if typed and not prompts.confirm(
                self,
                self.tr("Discard this contact?"),
                self.tr("What you typed about this contact will be thrown away."),
            ):
                event.ignore()
                return
            self.finished_ok = True
            if self.keeps_draft():
                self.discard_draft()
        super().closeEvent(event)
        parent = self.parentWidget()
        if parent is not None:
            parent.activateWindow()  # the keys go back to the main window
