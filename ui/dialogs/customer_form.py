"""The customer form: a person or an organisation, checked as it is typed.

Each problem is shown under its own field as the field is typed; Save (Ctrl+S)
shows every problem at once and puts the focus on the first. Possible duplicates
and a save by another desk in the meantime are explained in the form itself;
nothing typed is lost.
"""

from __future__ import annotations

import itertools
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from helpdesk import customers, settings
from helpdesk.errors import KnownError, ValidationError
from helpdesk.localization import digits, isolate, left_to_right, text_direction
from helpdesk.models import KIND_PERSON, Staff

from .. import i18n
from ..messages import choice, message_for
from ..widgets import ErrorLabel, RememberingDialog, give_accessible_names
from .sections.customer import (
    CombinedFields,
    IdentitySection,
    KindRow,
    ListEditor,
    ProfileSection,
    ReachSection,
)


class CustomerForm(RememberingDialog):
    saved = Signal(int)
    open_requested = Signal(int)

    # The sections' fields, set by _expose_sections (by name, with setattr).
    given_name: QLineEdit
    family_name: QLineEdit
    organisation: QLineEdit
    works_for: QLineEdit
    job_title: QLineEdit
    language: QComboBox
    referral: QComboBox
    address: QPlainTextEdit
    tags: QLineEdit
    segment: QComboBox
    segment_action: QLabel
    notes: QPlainTextEdit

    def __init__(
        self, actor: Staff, customer_id: int | None = None, prefill: customers.Draft | None = None, parent=None
    ):
        super().__init__(parent)
        self.setObjectName("customerForm")
        self.actor = actor
        self.customer_id = customer_id
        self.region = settings.phone_region()
        self.base: dict | None = None
        self.confirm_duplicates = False
        self.touched: set[str] = set()
        self.tried = False
        draft = prefill or customers.Draft()
        if customer_id is not None:
            record = customers.get(customer_id)
            self.base = record.snapshot()
            draft = record.draft()
        self.retranslate_title()
        self.setMinimumSize(560, 560)
        # A new customer's language follows the script of the name typed until the person chooses one.
        self.language_follows_name = customer_id is None
        self._build(draft)
        if self.language_follows_name:
            self._follow_name_script()
        self._validate()
        self._as_opened = self.draft()
        give_accessible_names(self)
        self._order_tabs()
        self.phones.rows_changed.connect(self._order_tabs)
        self.emails.rows_changed.connect(self._order_tabs)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.activated.connect(self.save)
        self.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building -------------------------------------------------------------------
    def _build(self, draft: customers.Draft) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the fields, not the frame
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        column = QVBoxLayout(body)
        self.kinds = KindRow(draft.kind)
        self.identity = IdentitySection(draft)
        self.reach = ReachSection(draft, self._show_number)
        self.profile = ProfileSection(draft)
        for section in (self.kinds, self.identity, self.reach, self.profile):
            column.addWidget(section)
        self.fields = CombinedFields(self.identity.fields, self.reach.fields, self.profile.fields)
        self.fields.align_labels()
        self._expose_sections()

        # What the form has to say about the whole record: duplicates, a conflict, a refusal.
        self.message = ErrorLabel()
        self.message.setObjectName("formMessage")
        outer.addWidget(self.message)
        self.notice = QWidget()
        self.notice.setObjectName("formNotice")
        self.notice_layout = QVBoxLayout(self.notice)
        self.notice_layout.setContentsMargins(0, 0, 0, 0)
        self.notice.hide()
        outer.addWidget(self.notice)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        outer.addWidget(self.buttons)
        self._connect()

    def _expose_sections(self) -> None:
        """The sections' fields by the names the rest of the app (and its tests) reach them by."""
        self.person_button, self.org_button, self.kind_group = (
            self.kinds.person_button,
            self.kinds.org_button,
            self.kinds.group,
        )
        for name in ("given_name", "family_name", "organisation", "works_for", "job_title"):
            setattr(self, name, getattr(self.identity, name))
        self.phones, self.emails = self.reach.phones, self.reach.emails
        for name in ("language", "referral", "address", "tags", "segment", "segment_action", "notes"):
            setattr(self, name, getattr(self.profile, name))

    def _connect(self) -> None:
        """Each field is checked as it is typed (a field's problem shows once it was touched)."""
        for name, edit in (
            ("given_name", self.given_name),
            ("family_name", self.family_name),
            ("organisation", self.organisation),
            ("job_title", self.job_title),
            ("tags", self.tags),
        ):
            edit.textEdited.connect(lambda _=None, n=name: self._touched(n))
        for edit in (self.given_name, self.family_name, self.organisation):
            edit.textEdited.connect(lambda _=None: self._follow_name_script())
        self.language.activated.connect(self._language_chosen)
        self.works_for.textChanged.connect(lambda _=None: self._touched("organisation_id"))
        for text_edit, name in ((self.address, "address"), (self.notes, "notes")):
            text_edit.textChanged.connect(lambda n=name: self._touched(n))
        for combo in (self.language, self.referral, self.segment):
            combo.currentIndexChanged.connect(self._validate)
        self.kind_group.buttonToggled.connect(lambda *_: self._validate())
        self.phones.changed.connect(self._validate)
        self.emails.changed.connect(self._validate)

    def _show_number(self, number: str) -> str:
        from helpdesk import phones

        return (
            digits(phones.display(number, self.region), i18n.current_language()) if number.startswith("+") else number
        )

    def retranslate_title(self) -> None:
        """The title in the language in use (again after a language switch carried the form over)."""
        self.setWindowTitle(self.tr("Edit customer") if self.customer_id else self.tr("New customer"))

    def first_field(self) -> QWidget:
        """Where the person types first: the name (of the person or the organisation)."""
        return self.given_name if self.kind() == KIND_PERSON else self.organisation

    def _order_tabs(self) -> None:
        """Tab follows the form top to bottom (mirrored with the layout in Persian): the kind, the
        names, each phone number before its kind and "Add a phone", then the rest, then the buttons."""
        chain: list[QWidget] = [
            self.person_button,
            self.org_button,
            self.given_name,
            self.family_name,
            self.organisation,
            self.works_for,
            self.job_title,
        ]
        chain += self.phones.focus_chain() + self.emails.focus_chain()
        chain += [self.language, self.referral, self.address, self.tags, self.segment, self.notes]
        chain += self.buttons.buttons()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _language_chosen(self, _index: int) -> None:
        self.language_follows_name = False

    def _follow_name_script(self) -> None:
        """A new customer's preferred language: Persian for a name in Persian letters, English for
        one in Latin letters, and the language of the desk while no name is typed."""
        if not self.language_follows_name:
            return
        direction = text_direction(self.identity.names())
        by_direction: dict[str | None, str] = {"rtl": "fa", "ltr": "en"}
        language = by_direction.get(direction, i18n.current_language())
        index = self.language.findData(language)
        if index >= 0 and index != self.language.currentIndex():
            self.language.setCurrentIndex(index)

    def keyPressEvent(self, event) -> None:
        """Enter in a field never sends a half-typed form (nor steals a lookup's choice): Ctrl+S saves.
        On a button, Enter presses it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(), QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)

    def typed_something(self) -> bool:
        return self.draft() != self._as_opened

    def reject(self) -> None:
        """Esc or Cancel: asks first when something was typed, so nothing is lost by a slip."""
        from .. import prompts

        if self.typed_something() and not prompts.confirm(
            self,
            self.tr("Discard the changes?"),
            self.tr("What you typed in this form has not been saved. Close it and lose what you typed?"),
        ):
            return
        super().reject()

    # --- reading and checking ---------------------------------------------------
    def kind(self) -> str:
        return self.kinds.kind()

    def draft(self) -> customers.Draft:
        return customers.Draft(
            kind=self.kind(),
            given_name=self.given_name.text(),
            family_name=self.family_name.text(),
            organisation=self.organisation.text(),
            organisation_id=self.identity.organisation_id(),
            job_title=self.job_title.text(),
            phones=self.phones.values(),
            emails=self.emails.values(),
            preferred_language=self.language.currentData(),
            address=self.address.toPlainText(),
            referral_source=self.referral.currentData(),
            tags=self.tags.text().split(";"),
            notes=self.notes.toPlainText(),
            segment=self.segment.currentData(),
        )

    def _touched(self, name: str) -> None:
        self.touched.add(name)
        self._validate()

    def errors(self) -> dict[str, ValidationError]:
        draft = self.draft()
        _, errors = customers.clean(draft, self.region)
        if draft.kind == KIND_PERSON and self.identity.unknown_organisation():
            errors["organisation_id"] = ValidationError("organisation_id", "organisation_unknown")
        return errors

    def _validate(self) -> None:
        self.identity.show_kind(self.kind() == KIND_PERSON)
        errors = self.errors()
        self.fields.clear()
        for name, error in errors.items():
            if name in self.fields.errors and (self.tried or name in self.touched):
                self.fields.errors[name].show_message(message_for(error))
        self.phones.show_errors(errors, self.tried)
        self.emails.show_errors(errors, self.tried)
        self.valid = not errors  # Save stays pressable: pressing it shows what is missing
        self.profile.show_segment_action()

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        self.tried = True
        self._validate()
        if not self.valid:
            self._focus_first_problem(self.errors())
            return
        self._clear_notice()
        try:
            if self.customer_id is None:
                customer = customers.create(self.actor, self.draft(), self.confirm_duplicates)
            else:
                customer = customers.update(
                    # base is the record's snapshot whenever customer_id is set (__init__, save_mine)
                    self.actor,
                    self.customer_id,
                    self.draft(),
                    cast(dict, self.base),
                    self.confirm_duplicates,
                )
        except customers.FormErrors as error:
            for name, problem in error.errors.items():
                if name in self.fields.errors:
                    self.fields.errors[name].show_message(message_for(problem))
            self.phones.show_errors(error.errors, True)
            self.emails.show_errors(error.errors, True)
            self.message.show_message(message_for(error))
            self._focus_first_problem(error.errors)
            return
        except customers.DuplicateWarning as warning:
            self._show_duplicates(warning)
            return
        except customers.ConflictError as conflict:
            self._show_conflict(conflict)
            return
        except KnownError as error:
            self.message.show_message(message_for(error))
            return
        self.saved.emit(customer.id)
        self.accept()

    def _focus_first_problem(self, errors: dict[str, ValidationError]) -> None:
        """After a refused save the focus goes to the first field with a problem, top to bottom,
        unless the focus is already in a field with a problem."""
        problems: list[QWidget] = []
        for name, editor in self.fields.editors.items():
            if isinstance(editor, ListEditor):
                problems += [edit for index, edit in enumerate(editor.edits()) if f"{name}.{index}" in errors]
            elif name in errors:
                problems.append(editor)
        problems = [widget for widget in problems if widget.isVisibleTo(self)]
        current = self.focusWidget()
        if problems and current not in problems:
            problems[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_notice(self) -> None:
        self.message.clear_message()
        while self.notice_layout.count():
            item = cast(QLayoutItem, self.notice_layout.takeAt(0))  # count() > 0: an item
            widget, layout = item.widget(), item.layout()
            if widget:
                widget.deleteLater()
            elif layout:
                _clear_layout(layout)
        self.notice.hide()

    def _show_duplicates(self, warning: customers.DuplicateWarning) -> None:
        self.message.show_message(message_for(warning))
        reasons = {
            "phone": self.tr("same phone"),
            "email": self.tr("same e-mail"),
            "name": self.tr("similar name"),
        }
        first_open = None
        for duplicate in warning.duplicates[:5]:
            row = QHBoxLayout()
            detail = duplicate.detail
            if duplicate.reason == "phone":
                detail = left_to_right(self._show_number(detail))
            elif duplicate.reason == "email":
                detail = left_to_right(detail)
            elif duplicate.reason == "name":
                detail = isolate(detail, i18n.current_language())
            name = isolate(duplicate.name, i18n.current_language())
            label = QLabel(f"{name} · {reasons[duplicate.reason]}: {detail}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(label, 1)
            button = QPushButton(self.tr("Open"))
            button.setAccessibleName(self.tr("Open {0}").format(duplicate.name))
            button.clicked.connect(lambda _=False, cid=duplicate.customer_id: self._open_existing(cid))
            row.addWidget(button)
            first_open = first_open or button
            self.notice_layout.addLayout(row)
        anyway = QPushButton(self.tr("Save anyway"))
        anyway.setObjectName("saveAnyway")
        anyway.clicked.connect(self._save_anyway)
        self.notice_layout.addWidget(anyway, 0, Qt.AlignmentFlag.AlignLeading)
        self.notice.show()
        if first_open is not None:  # Space opens the record it looks like; Tab reaches "Save anyway"
            first_open.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_existing(self, customer_id: int) -> None:
        """Go to the customer this one looks like: the form steps aside (asking first when what was
        typed would be lost) and the record comes to the front."""
        from .. import prompts

        if self.typed_something() and not prompts.confirm(
            self,
            self.tr("Open the existing customer?"),
            self.tr("Open the existing customer and close this form? What you typed here is not saved."),
        ):
            return
        QDialog.reject(self)  # already asked
        self.open_requested.emit(customer_id)

    def _save_anyway(self) -> None:
        self.confirm_duplicates = True
        self.save()

    def _show_conflict(self, conflict: customers.ConflictError) -> None:
        self.message.show_message(message_for(conflict))
        lines = [self.tr("They changed:")]
        for name, _mine, theirs in conflict.changes:
            lines.append(f"• {choice('field', name)}: {_value_text(theirs)}")
        summary = QLabel("\n".join(lines))
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.notice_layout.addWidget(summary)
        row = QHBoxLayout()
        overwrite = QPushButton(self.tr("Save mine over theirs"))
        overwrite.setObjectName("saveMine")
        keep = QPushButton(self.tr("Keep editing"))
        row.addWidget(overwrite)
        row.addWidget(keep)
        row.addStretch(1)
        self.notice_layout.addLayout(row)

        def save_mine() -> None:
            self.base = conflict.current
            self.save()

        overwrite.clicked.connect(save_mine)
        keep.clicked.connect(self._clear_notice)
        self.notice.show()


def _value_text(value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(" ".join(v) if isinstance(v, list) else str(v) for v in value)
    return str(value)


def _clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().deleteLater()
