"""The customer form's sections: the kind (a person or an organisation), who they are, how to
reach them, and the rest of their profile. Each owns its rows (with an error line under each,
``fields``); the form reads them as one (``CombinedFields``)."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import customers
from helpdesk.errors import ValidationError
from helpdesk.models import KIND_ORGANISATION, KIND_PERSON

from ...messages import choice, message_for
from ...widgets import ErrorLabel, FormFields


def _form(owner: QWidget) -> FormFields:
    form = QFormLayout(owner)
    form.setContentsMargins(0, 0, 0, 0)
    return FormFields(form)


class CombinedFields:
    """Several sections' rows read as one form: errors and editors by field name, top to bottom."""

    def __init__(self, *parts: FormFields):
        self.parts = parts

    @property
    def errors(self) -> dict[str, ErrorLabel]:
        return {name: label for part in self.parts for name, label in part.errors.items()}

    @property
    def editors(self) -> dict[str, QWidget]:
        return {name: editor for part in self.parts for name, editor in part.editors.items()}

    def clear(self) -> None:
        for part in self.parts:
            part.clear()

    def set_row_visible(self, editor: QWidget, visible: bool) -> None:
        for part in self.parts:
            if editor in part.editors.values():
                part.set_row_visible(editor, visible)

    def align_labels(self) -> None:
        """The labels of every section take the width of the widest, so the fields line up in one column
        as they did in a single form."""
        labels = [
            label
            for part in self.parts
            for row in range(part.layout.rowCount())
            if (item := part.layout.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
            and (label := item.widget())
        ]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)


class ListEditor(QWidget):
    """Several phones or e-mails: one row each, with its own error line, and a button to add one."""

    changed = Signal()
    rows_changed = Signal()  # a row added or removed: the tab order follows

    def __init__(
        self, name: str, add_text: str, labels: tuple[str, ...] | None, accessible_name: str = "", parent=None
    ):
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
            # with labels, each row has its kind's combo
            return [(cast(QComboBox, combo).currentData(), edit.text()) for combo, edit, _, _ in self.rows]
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


class KindRow(QWidget):
    """A person or an organisation."""

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.person_button = QRadioButton(choice("kind", KIND_PERSON))
        self.org_button = QRadioButton(choice("kind", KIND_ORGANISATION))
        self.group = QButtonGroup(self)
        self.group.addButton(self.person_button)
        self.group.addButton(self.org_button)
        (self.org_button if kind == KIND_ORGANISATION else self.person_button).setChecked(True)
        for button in (self.person_button, self.org_button):
            button.setAccessibleName(button.text())
        row.addWidget(self.person_button)
        row.addWidget(self.org_button)
        row.addStretch(1)

    def kind(self) -> str:
        return KIND_ORGANISATION if self.org_button.isChecked() else KIND_PERSON


class IdentitySection(QWidget):
    """Who they are: a person's names, the organisation they work for (found as it is typed) and their
    job, or an organisation's name."""

    def __init__(self, draft: customers.Draft, parent=None):
        super().__init__(parent)
        self.fields = _form(self)
        self.org_ids: dict[str, int] = {}
        self.given_name = QLineEdit(draft.given_name)
        self.fields.add("given_name", self.tr("Given name"), self.given_name)
        self.family_name = QLineEdit(draft.family_name)
        self.fields.add("family_name", self.tr("Family name"), self.family_name)
        self.organisation = QLineEdit(draft.organisation)
        self.fields.add("organisation", self.tr("Organisation name"), self.organisation)
        self.works_for = QLineEdit()
        self.fields.add("organisation_id", self.tr("Works for"), self.works_for)
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
        self.job_title = QLineEdit(draft.job_title)
        self.fields.add("job_title", self.tr("Job title"), self.job_title)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh_organisations)
        self.works_for.textEdited.connect(lambda _text: self._debounce.start())

    def show_kind(self, person: bool) -> None:
        for widget in (self.given_name, self.family_name, self.works_for, self.job_title):
            self.fields.set_row_visible(widget, person)
        self.fields.set_row_visible(self.organisation, not person)

    def names(self) -> str:
        return f"{self.given_name.text()} {self.family_name.text()} {self.organisation.text()}"

    def organisation_id(self) -> int | None:
        works_for = self.works_for.text().strip()
        return self.org_ids.get(works_for) if works_for else None

    def unknown_organisation(self) -> bool:
        works_for = self.works_for.text().strip()
        return bool(works_for) and works_for not in self.org_ids

    def refresh_organisations(self) -> None:
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
            popup = cast(QAbstractItemView, completer.popup())  # a completer makes its popup when asked
            if completer.completionCount():
                popup.setCurrentIndex(completer.completionModel().index(0, 0))


class ReachSection(QWidget):
    """How to reach them: phones, each with its kind, and e-mails."""

    def __init__(self, draft: customers.Draft, show_number, parent=None):
        super().__init__(parent)
        self.fields = _form(self)
        self.phones = ListEditor("phones", self.tr("Add a phone"), customers.PHONE_LABELS, self.tr("Phone"))
        for label, number in draft.phones or [("mobile", "")]:
            self.phones.add_row(show_number(number), label)
        self.fields.add("phones", self.tr("Phones"), self.phones)
        self.emails = ListEditor("emails", self.tr("Add an e-mail"), None, self.tr("E-mail"))
        for address in draft.emails or [""]:
            self.emails.add_row(address)
        self.fields.add("emails", self.tr("E-mails"), self.emails)


class ProfileSection(QWidget):
    """The rest: language, how they heard of us, address, tags, segment (with what it asks of the desk)
    and notes."""

    def __init__(self, draft: customers.Draft, parent=None):
        super().__init__(parent)
        self.fields = _form(self)
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
        self.address = QPlainTextEdit(draft.address)
        self.fields.add("address", self.tr("Address"), self.address)
        self.address.setFixedHeight(60)
        self.tags = QLineEdit("; ".join(draft.tags))
        self.fields.add("tags", self.tr("Tags"), self.tags)
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
        self.fields.layout.addRow("", self.segment_action)
        self.notes = QPlainTextEdit(draft.notes)
        self.fields.add("notes", self.tr("Notes"), self.notes)
        self.notes.setMinimumHeight(90)

    def show_segment_action(self) -> None:
        segment = self.segment.currentData()
        self.segment_action.setText(choice("segment_action", segment))
        self.segment_action.setVisible(bool(segment))
