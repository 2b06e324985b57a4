"""The customer form: a person or an organisation, checked as it is typed.

Each problem is shown under its own field as the field is typed; Save (Ctrl+S)
shows every problem at once and puts the focus on the first. Possible duplicates
and a save by another desk in the meantime are explained in the form itself;
nothing typed is lost.
"""
from __future__ import annotations

import itertools

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import customers, settings
from helpdesk.errors import KnownError, ValidationError
from helpdesk.localization import digits, isolate, left_to_right, text_direction
from helpdesk.models import KIND_ORGANISATION, KIND_PERSON, Staff

from .. import i18n
from ..messages import choice, message_for
from ..widgets import ErrorLabel, FormFields, RememberingDialog, give_accessible_names


class ListEditor(QWidget):
    """Several phones or e-mails: one row each, with its own error line, and a button to add one."""

    changed = Signal()
    rows_changed = Signal()  # a row added or removed: the tab order follows

    def __init__(self, name: str, add_text: str, labels: tuple[str, ...] | None, accessible_name: str = "",
                 parent=None):
        super().__init__(parent)
        self.name = name
        self.accessible_name = accessible_name
        self.labels = labels
        self.rows: list[tuple[QComboBox | None, QLineEdit, ErrorLabel, QWidget]] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.setAccessibleName(add_text)
        self.add_button.clicked.connect(lambda: self.add_row().setFocus())
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.column.addLayout(row)

    def add_row(self, value: str = "", label: str | None = None) -> QLineEdit:
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        line = QHBoxLayout()
        # The number comes first (typing goes there on Tab), then what kind of number it is.
        edit = QLineEdit(value)
        edit.setObjectName(f"{self.name}{len(self.rows)}")
        edit.setAccessibleName(self.accessible_name)
        edit.textChanged.connect(self.changed)
        line.addWidget(edit, 1)
        combo = None
        if self.labels:
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Kind of phone"))
            for key in self.labels:
                combo.addItem(choice("phone_label", key), key)
            combo.setCurrentIndex(max(0, combo.findData(label or self.labels[0])))
            combo.currentIndexChanged.connect(self.changed)
            line.addWidget(combo)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove"))
        line.addWidget(remove)
        outer.addLayout(line)
        error = ErrorLabel(field=edit)
        outer.addWidget(error)
        self.column.insertWidget(len(self.rows), holder)
        entry = (combo, edit, error, holder)
        self.rows.append(entry)
        remove.clicked.connect(lambda: self._remove(entry))
        self.changed.emit()
        self.rows_changed.emit()
        return edit

    def _remove(self, entry) -> None:
        self.rows.remove(entry)
        entry[3].deleteLater()
        self.changed.emit()
        self.rows_changed.emit()

    def values(self) -> list:
        if self.labels:
            return [(combo.currentData(), edit.text()) for combo, edit, _, _ in self.rows]
        return [edit.text() for _, edit, _, _ in self.rows]

    def show_errors(self, errors: dict[str, ValidationError], visible: bool) -> None:
        for index, (_, edit, error, _) in enumerate(self.rows):
            problem = errors.get(f"{self.name}.{index}")
            error.show_message(message_for(problem) if problem and (visible or edit.text()) else "")

    def edits(self) -> list[QLineEdit]:
        return [edit for _, edit, _, _ in self.rows]

    def focus_chain(self) -> list[QWidget]:
        """The controls in visual order: each row's number, kind and remove button, then "Add"."""
        chain: list[QWidget] = []
        for combo, edit, _, holder in self.rows:
            chain.append(edit)
            if combo is not None:
                chain.append(combo)
            chain.extend(holder.findChildren(QToolButton))
        chain.append(self.add_button)
        return chain


class CustomerForm(RememberingDialog):
    saved = Signal(int)
    open_requested = Signal(int)

    def __init__(self, actor: Staff, customer_id: int | None = None, prefill: customers.Draft | None = None,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("customerForm")
        self.actor = actor
        self.customer_id = customer_id
        self.region = settings.phone_region()
        self.base: dict | None = None
        self.confirm_duplicates = False
        self.touched: set[str] = set()
        self.tried = False
        self.org_ids: dict[str, int] = {}
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

        kinds = QHBoxLayout()
        self.person_button = QRadioButton(choice("kind", KIND_PERSON))
        self.org_button = QRadioButton(choice("kind", KIND_ORGANISATION))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.person_button)
        self.kind_group.addButton(self.org_button)
        (self.org_button if draft.kind == KIND_ORGANISATION else self.person_button).setChecked(True)
        for button in (self.person_button, self.org_button):
            button.setAccessibleName(button.text())
        kinds.addWidget(self.person_button)
        kinds.addWidget(self.org_button)
        kinds.addStretch(1)
        column.addLayout(kinds)

        form = QFormLayout()
        column.addLayout(form)
        self.fields = FormFields(form)
        self.given_name = self.fields.add("given_name", self.tr("Given name"), QLineEdit(draft.given_name))
        self.family_name = self.fields.add("family_name", self.tr("Family name"), QLineEdit(draft.family_name))
        self.organisation = self.fields.add("organisation", self.tr("Organisation name"), QLineEdit(draft.organisation))
        self.works_for = self.fields.add("organisation_id", self.tr("Works for"), QLineEdit())
        self.works_for.setPlaceholderText(self.tr("Type to choose an organisation"))
        self.org_model = QStringListModel(self)
        completer = QCompleter(self.org_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.works_for.setCompleter(completer)
        if draft.organisation_id:
            org = customers.get(draft.organisation_id).customer
            self.org_ids[org.organisation] = org.id
            self.works_for.setText(org.organisation)
        self.job_title = self.fields.add("job_title", self.tr("Job title"), QLineEdit(draft.job_title))

        self.phones = ListEditor("phones", self.tr("Add a phone"), customers.PHONE_LABELS, self.tr("Phone"))
        for label, number in draft.phones or [("mobile", "")]:
            self.phones.add_row(self._show_number(number), label)
        self.fields.add("phones", self.tr("Phones"), self.phones)
        self.emails = ListEditor("emails", self.tr("Add an e-mail"), None, self.tr("E-mail"))
        for address in draft.emails or [""]:
            self.emails.add_row(address)
        self.fields.add("emails", self.tr("E-mails"), self.emails)

        self.language = QComboBox()
        for key in customers.LANGUAGES:
            self.language.addItem(choice("language", key), key)
        self.language.setCurrentIndex(max(0, self.language.findData(draft.preferred_language)))
        self.fields.add("preferred_language", self.tr("Language"), self.language)
        self.referral = QComboBox()
        self.referral.addItem(self.tr("Not known"), "")
        for key in customers.REFERRAL_SOURCES:
            self.referral.addItem(choice("referral_source", key), key)
        self.referral.setCurrentIndex(max(0, self.referral.findData(draft.referral_source)))
        self.fields.add("referral_source", self.tr("How they heard of us"), self.referral)
        self.address = self.fields.add("address", self.tr("Address"), QPlainTextEdit(draft.address))
        self.address.setFixedHeight(60)
        self.tags = self.fields.add("tags", self.tr("Tags"), QLineEdit("; ".join(draft.tags)))
        self.tags.setPlaceholderText(self.tr("Separate tags with ;"))
        tag_completer = QCompleter(customers.all_tags(), self)
        tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(tag_completer)
        self.segment = QComboBox()
        self.segment.addItem(self.tr("Decided by the data"), None)
        for key in customers.SEGMENTS:
            self.segment.addItem(choice("segment", key), key)
        self.segment.setCurrentIndex(max(0, self.segment.findData(draft.segment)))
        self.fields.add("segment", self.tr("Segment"), self.segment)
        self.segment_action = QLabel()
        self.segment_action.setWordWrap(True)
        self.segment_action.setEnabled(False)
        form.addRow("", self.segment_action)
        self.notes = self.fields.add("notes", self.tr("Notes"), QPlainTextEdit(draft.notes))
        self.notes.setMinimumHeight(90)

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

        for name, edit in (("given_name", self.given_name), ("family_name", self.family_name),
                           ("organisation", self.organisation), ("job_title", self.job_title),
                           ("tags", self.tags)):
            edit.textEdited.connect(lambda _=None, n=name: self._touched(n))
        for edit in (self.given_name, self.family_name, self.organisation):
            edit.textEdited.connect(lambda _=None: self._follow_name_script())
        self.language.activated.connect(self._language_chosen)
        self.works_for.textEdited.connect(self._organisation_typed)
        self.works_for.textChanged.connect(lambda _=None: self._touched("organisation_id"))
        for text_edit, name in ((self.address, "address"), (self.notes, "notes")):
            text_edit.textChanged.connect(lambda n=name: self._touched(n))
        for combo in (self.language, self.referral, self.segment):
            combo.currentIndexChanged.connect(self._validate)
        self.kind_group.buttonToggled.connect(lambda *_: self._validate())
        self.phones.changed.connect(self._validate)
        self.emails.changed.connect(self._validate)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._refresh_organisations)

    def _show_number(self, number: str) -> str:
        from helpdesk import phones

        return digits(phones.display(number, self.region), i18n.current_language()) if number.startswith("+") else number

    def retranslate_title(self) -> None:
        """The title in the language in use (again after a language switch carried the form over)."""
        self.setWindowTitle(self.tr("Edit customer") if self.customer_id else self.tr("New customer"))

    def first_field(self) -> QWidget:
        """Where the person types first: the name (of the person or the organisation)."""
        return self.given_name if self.kind() == KIND_PERSON else self.organisation

    def _order_tabs(self) -> None:
        """Tab follows the form top to bottom (mirrored with the layout in Persian): the kind, the
        names, each phone number before its kind and "Add a phone", then the rest, then the buttons."""
        chain: list[QWidget] = [self.person_button, self.org_button, self.given_name, self.family_name,
                                self.organisation, self.works_for, self.job_title]
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
        direction = text_direction(" ".join((self.given_name.text(), self.family_name.text(),
                                             self.organisation.text())))
        language = {"rtl": "fa", "ltr": "en"}.get(direction, i18n.current_language())
        index = self.language.findData(language)
        if index >= 0 and index != self.language.currentIndex():
            self.language.setCurrentIndex(index)

    def keyPressEvent(self, event) -> None:
        """Enter in a field never sends a half-typed form (nor steals a lookup's choice): Ctrl+S saves.
        On a button, Enter presses it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(),
                                                                                   QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)

    def typed_something(self) -> bool:
        return self.draft() != self._as_opened

    def reject(self) -> None:
        """Esc or Cancel: asks first when something was typed, so nothing is lost by a slip."""
        from .. import prompts

        if self.typed_something() and not prompts.confirm(
                self, self.tr("Discard the changes?"),
                self.tr("What you typed in this form has not been saved. Close it and lose what you typed?")):
            return
        super().reject()

    # --- reading and checking ---------------------------------------------------
    def kind(self) -> str:
        return KIND_ORGANISATION if self.org_button.isChecked() else KIND_PERSON

    def draft(self) -> customers.Draft:
        works_for = self.works_for.text().strip()
        return customers.Draft(
            kind=self.kind(),
            given_name=self.given_name.text(),
            family_name=self.family_name.text(),
            organisation=self.organisation.text(),
            organisation_id=self.org_ids.get(works_for) if works_for else None,
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

    def _organisation_typed(self, text: str) -> None:
        self._debounce.start()

    def _refresh_organisations(self) -> None:
        found = customers.organisations(self.works_for.text(), 30)
        self.org_ids.update({org.organisation: org.id for org in found})
        self.org_model.setStringList([org.organisation for org in found])
        text = self.works_for.text().strip()
        completer = self.works_for.completer()
        if self.works_for.hasFocus() and text and found:
            # The matches arrived after the letters: show them now, the best one highlighted, so
            # Enter chooses it (a completer shows only what it had when the key was typed).
            completer.setCompletionPrefix(text)
            completer.complete()
            popup = completer.popup()
            if completer.completionCount():
                popup.setCurrentIndex(completer.completionModel().index(0, 0))

    def errors(self) -> dict[str, ValidationError]:
        draft = self.draft()
        _, errors = customers.clean(draft, self.region)
        works_for = self.works_for.text().strip()
        if draft.kind == KIND_PERSON and works_for and works_for not in self.org_ids:
            errors["organisation_id"] = ValidationError("organisation_id", "organisation_unknown")
        return errors

    def _validate(self) -> None:
        person = self.kind() == KIND_PERSON
        for widget in (self.given_name, self.family_name, self.works_for, self.job_title):
            self.fields.set_row_visible(widget, person)
        self.fields.set_row_visible(self.organisation, not person)
        errors = self.errors()
        self.fields.clear()
        for name, error in errors.items():
            if name in self.fields.errors and (self.tried or name in self.touched):
                self.fields.errors[name].show_message(message_for(error))
        self.phones.show_errors(errors, self.tried)
        self.emails.show_errors(errors, self.tried)
        self.valid = not errors  # Save stays pressable: pressing it shows what is missing
        segment = self.segment.currentData()
        self.segment_action.setText(choice("segment_action", segment))
        self.segment_action.setVisible(bool(segment))

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
                customer = customers.update(self.actor, self.customer_id, self.draft(), self.base,
                                            self.confirm_duplicates)
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
            item = self.notice_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
            elif item.layout():
                _clear_layout(item.layout())
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
                self, self.tr("Open the existing customer?"),
                self.tr("Open the existing customer and close this form? What you typed here is not saved.")):
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
