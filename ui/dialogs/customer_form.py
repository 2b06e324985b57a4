"""The customer form: a person or an organisation, checked as it is typed.

Each problem is shown under its own field, and Save stays disabled until the
form is valid. Possible duplicates and a save by another desk in the meantime
are explained in the form itself; nothing typed is lost.
"""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
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
from helpdesk.localization import digits, left_to_right
from helpdesk.models import KIND_ORGANISATION, KIND_PERSON, Staff

from .. import i18n
from ..messages import choice, message_for
from ..widgets import ErrorLabel, FormFields, RememberingDialog


class ListEditor(QWidget):
    """Several phones or e-mails: one row each, with its own error line, and a button to add one."""

    changed = Signal()

    def __init__(self, name: str, add_text: str, labels: tuple[str, ...] | None, parent=None):
        super().__init__(parent)
        self.name = name
        self.labels = labels
        self.rows: list[tuple[QComboBox | None, QLineEdit, ErrorLabel, QWidget]] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"{name}Add")
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
        combo = None
        if self.labels:
            combo = QComboBox()
            for key in self.labels:
                combo.addItem(choice("phone_label", key), key)
            combo.setCurrentIndex(max(0, combo.findData(label or self.labels[0])))
            combo.currentIndexChanged.connect(self.changed)
            line.addWidget(combo)
        edit = QLineEdit(value)
        edit.setObjectName(f"{self.name}{len(self.rows)}")
        edit.textChanged.connect(self.changed)
        line.addWidget(edit, 1)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove"))
        line.addWidget(remove)
        outer.addLayout(line)
        error = ErrorLabel()
        outer.addWidget(error)
        self.column.insertWidget(len(self.rows), holder)
        entry = (combo, edit, error, holder)
        self.rows.append(entry)
        remove.clicked.connect(lambda: self._remove(entry))
        self.changed.emit()
        return edit

    def _remove(self, entry) -> None:
        self.rows.remove(entry)
        entry[3].deleteLater()
        self.changed.emit()

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
        self.setWindowTitle(self.tr("Edit customer") if customer_id else self.tr("New customer"))
        self.setMinimumSize(560, 560)
        self._build(draft)
        self._validate()

    # --- building -------------------------------------------------------------------
    def _build(self, draft: customers.Draft) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
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

        self.phones = ListEditor("phones", self.tr("Add a phone"), customers.PHONE_LABELS)
        for label, number in draft.phones or [("mobile", "")]:
            self.phones.add_row(self._show_number(number), label)
        self.fields.add("phones", self.tr("Phones"), self.phones)
        self.emails = ListEditor("emails", self.tr("Add an e-mail"), None)
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
        outer.addWidget(self.buttons)

        for name, edit in (("given_name", self.given_name), ("family_name", self.family_name),
                           ("organisation", self.organisation), ("job_title", self.job_title),
                           ("tags", self.tags)):
            edit.textEdited.connect(lambda _=None, n=name: self._touched(n))
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
        self.save_button.setEnabled(not errors)
        segment = self.segment.currentData()
        self.segment_action.setText(choice("segment_action", segment))
        self.segment_action.setVisible(bool(segment))

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        self.tried = True
        self._validate()
        if not self.save_button.isEnabled():
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
        for duplicate in warning.duplicates[:5]:
            row = QHBoxLayout()
            detail = duplicate.detail
            if duplicate.reason == "phone":
                detail = left_to_right(self._show_number(detail))
            label = QLabel(f"{duplicate.name} · {reasons[duplicate.reason]}: {detail}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(label, 1)
            button = QPushButton(self.tr("Open"))
            button.clicked.connect(lambda _=False, cid=duplicate.customer_id: self.open_requested.emit(cid))
            row.addWidget(button)
            self.notice_layout.addLayout(row)
        anyway = QPushButton(self.tr("Save anyway"))
        anyway.setObjectName("saveAnyway")
        anyway.clicked.connect(self._save_anyway)
        self.notice_layout.addWidget(anyway, 0, Qt.AlignmentFlag.AlignLeading)
        self.notice.show()

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
