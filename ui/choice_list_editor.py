"""The editor of a list supervisors keep in both languages (lost reasons, complaint categories).

``ChoiceListModel`` shows the rows of a ``helpdesk.choice_lists.ChoiceList``; ``ChoiceListEditor``
is the list with an English and a Persian name, Add, and Stop offering / Offer again. Every message
is shown in one way: under the name it is about, or under the list when it is about the list.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from helpdesk.choice_lists import FIELDS, ChoiceList
from helpdesk.customers import FormErrors
from helpdesk.errors import KnownError, ValidationError
from helpdesk.models import Staff

from . import i18n
from .messages import message_for
from .widgets import ErrorLabel


class ChoiceListModel(QAbstractListModel):
    """Every row of the list, those no longer offered too (marked so), in the list's order."""

    ID_ROLE = Qt.ItemDataRole.UserRole
    ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 1
    VERSION_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, choices: ChoiceList, parent=None):
        super().__init__(parent)
        self.choices = choices
        self._rows: list = []

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.choices.rows(include_inactive=True)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            name = row.name(i18n.current_language())
            return name if row.active else self.tr("{0} (no longer offered)").format(name)
        if role == self.ID_ROLE:
            return row.id
        if role == self.ACTIVE_ROLE:
            return row.active
        if role == self.VERSION_ROLE:
            return row.version
        return None

    def row_of(self, row_id: int | None) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == row_id), None)


class ChoiceListEditor(QGroupBox):
    """``title``, ``add_text`` and the two names' accessible names are the caller's, already translated."""

    changed = Signal()  # a row was added, or stopped or started being offered

    def __init__(
        self,
        actor: Staff,
        choices: ChoiceList,
        title: str,
        add_text: str,
        name_en_label: str,
        name_fa_label: str,
        parent=None,
    ):
        super().__init__(title, parent)
        self.actor = actor
        self.model = ChoiceListModel(choices, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setMaximumHeight(150)
        self.view.setAccessibleName(title)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.name_en = QLineEdit()
        self.name_en.setPlaceholderText(self.tr("In English"))
        self.name_en.setAccessibleName(name_en_label)
        self.name_fa = QLineEdit()
        self.name_fa.setPlaceholderText(self.tr("In Persian"))
        self.name_fa.setAccessibleName(name_fa_label)
        # Each name reads its own way in either language.
        self.name_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.name_fa.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.add_button = QPushButton(add_text)
        self.toggle_button = QPushButton(self.tr("Stop offering"))
        self.errors = {"name_en": ErrorLabel(field=self.name_en), "name_fa": ErrorLabel(field=self.name_fa)}
        self.message = ErrorLabel()  # what is about the list, not about a name
        self.message.setObjectName("choiceListMessage")

        column = QVBoxLayout(self)
        column.addWidget(self.view)
        grid = QGridLayout()  # each name with its own message under it
        for col, widget in enumerate((self.name_en, self.name_fa, self.add_button, self.toggle_button)):
            grid.addWidget(widget, 0, col)
        grid.addWidget(self.errors["name_en"], 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.errors["name_fa"], 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        column.addWidget(self.message)
        column.addStretch(1)  # a taller box than the list needs grows below it, not between its parts

        for edit in (self.name_en, self.name_fa):  # Enter in either name adds what was typed
            edit.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_toggle())
        self.model.modelReset.connect(self._show_toggle)
        for button in (self.add_button, self.toggle_button):
            button.setAccessibleName(button.text())
        self._show_toggle()

    def reload(self) -> None:
        """The list as stored now; the row chosen stays chosen."""
        chosen = self.current_id()
        self.model.reload()
        row = self.model.row_of(chosen)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ChoiceListModel.ID_ROLE) if index.isValid() else None

    def _show_toggle(self) -> None:
        index = self.view.currentIndex()
        self.toggle_button.setEnabled(index.isValid())
        if index.isValid():
            active = index.data(ChoiceListModel.ACTIVE_ROLE)
            self.toggle_button.setText(self.tr("Stop offering") if active else self.tr("Offer again"))
            self.toggle_button.setAccessibleName(self.toggle_button.text())

    def clear_messages(self) -> None:
        for label in (*self.errors.values(), self.message):
            label.clear_message()

    def show_error(self, error: KnownError) -> None:
        """Each problem under the name it is about (the first of them focused), the rest under the list.
        What was typed stays, to be corrected."""
        problems = list(error.errors.values()) if isinstance(error, FormErrors) else [error]
        named = [p for p in problems if isinstance(p, ValidationError) and p.field in self.errors]
        for problem in named:
            self.errors[problem.field].show_message(message_for(problem))
        if named:
            first = min(named, key=lambda p: FIELDS.index(p.field))
            (self.name_en if first.field == "name_en" else self.name_fa).setFocus()
        else:
            self.message.show_message(message_for(error))

    def add(self) -> None:
        self.clear_messages()
        try:
            added = self.model.choices.add(self.actor, self.name_en.text(), self.name_fa.text())
        except KnownError as error:
            self.show_error(error)
            return
        self.name_en.clear()
        self.name_fa.clear()
        self.model.reload()
        self.view.setCurrentIndex(self.model.index(cast(int, self.model.row_of(added.id))))  # just added: it has a row
        self.changed.emit()

    def toggle(self) -> None:
        """The row chosen stops being offered, or is offered again; made from the version shown."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        self.clear_messages()
        try:
            self.model.choices.set_active(
                self.actor,
                index.data(ChoiceListModel.ID_ROLE),
                not index.data(ChoiceListModel.ACTIVE_ROLE),
                version=index.data(ChoiceListModel.VERSION_ROLE),
            )
        except KnownError as error:  # another desk changed it first, or it is gone: the list shows it as it is now
            self.show_error(error)
        else:
            self.changed.emit()
        self.reload()
