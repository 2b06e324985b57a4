"""Supervisors' settings for complaints: the response and resolution targets, and the categories."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from helpdesk import complaints, settings
from helpdesk.errors import Conflict, KnownError
from helpdesk.models import Staff

from .. import i18n
from ..messages import choice, message_for
from ..widgets import ConflictNotice, ErrorLabel


class ComplaintSettings(QGroupBox):
    def __init__(self, actor: Staff, parent=None):
        super().__init__(self.tr("Complaints"), parent)
        self.setObjectName("complaintSettings")
        self.actor = actor
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Targets in hours, from the moment a complaint is raised")))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("First response")), 0, 1)
        grid.addWidget(QLabel(self.tr("Resolution")), 0, 2)
        self.spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        self.targets_version = settings.version("complaint_targets")  # what a save is made from
        current = complaints.targets()
        for row, priority in enumerate(complaints.PRIORITIES, start=1):
            grid.addWidget(QLabel(choice("priority", priority)), row, 0)
            pair = []
            for col, value in enumerate(current[priority], start=1):
                spin = QSpinBox()
                spin.setObjectName(f"target_{priority}_{col}")
                spin.setAccessibleName(self.tr("{0}: {1}, hours").format(
                    choice("priority", priority), self.tr("First response") if col == 1 else self.tr("Resolution")))
                spin.setRange(1, 24 * 90)
                spin.setValue(value)
                grid.addWidget(spin, row, col)
                pair.append(spin)
            self.spins[priority] = (pair[0], pair[1])
        column.addLayout(grid)
        self.targets_conflict = ConflictNotice()  # another supervisor saved the targets first
        self.targets_conflict.keep_button.clicked.connect(self._keep_my_targets)
        self.targets_conflict.take_button.clicked.connect(self._take_their_targets)
        column.addWidget(self.targets_conflict)
        save_row = QHBoxLayout()
        self.save_targets_button = QPushButton(self.tr("Save the targets"))
        self.save_targets_button.setObjectName("saveTargetsButton")
        self.save_targets_button.clicked.connect(self.save_targets)
        self.targets_message = ErrorLabel()
        save_row.addWidget(self.save_targets_button)
        save_row.addWidget(self.targets_message, 1)
        column.addLayout(save_row)

        column.addWidget(QLabel(self.tr("Categories")))
        self.categories = QListWidget()
        self.categories.setObjectName("complaintCategories")
        self.categories.setMaximumHeight(150)
        column.addWidget(self.categories)
        add_row = QHBoxLayout()
        self.name_en = QLineEdit()
        self.name_en.setPlaceholderText(self.tr("In English"))
        self.name_fa = QLineEdit()
        self.name_fa.setPlaceholderText(self.tr("In Persian"))
        self.add_button = QPushButton(self.tr("Add category"))
        self.toggle_button = QPushButton(self.tr("Stop offering"))
        for widget in (self.name_en, self.name_fa, self.add_button, self.toggle_button):
            add_row.addWidget(widget)
        column.addLayout(add_row)
        self.category_error = ErrorLabel()
        column.addWidget(self.category_error)
        self.add_button.clicked.connect(self.add_category)
        self.toggle_button.clicked.connect(self.toggle_category)
        # Enter in either name adds the category; each name reads its own way in either language.
        self.name_en.returnPressed.connect(self.add_category)
        self.name_fa.returnPressed.connect(self.add_category)
        self.name_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.name_fa.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_en.setAccessibleName(self.tr("Category name in English"))
        self.name_fa.setAccessibleName(self.tr("Category name in Persian"))
        self.categories.setAccessibleName(self.tr("Categories"))
        for button in (self.save_targets_button, self.add_button, self.toggle_button):
            button.setAccessibleName(button.text())
        self.categories.currentRowChanged.connect(self._selected)
        self.refresh()

    def refresh(self) -> None:
        lang = i18n.current_language()
        current = self.categories.currentItem().data(Qt.ItemDataRole.UserRole) if self.categories.currentItem() else None
        self.categories.clear()
        for category in complaints.categories(include_inactive=True):
            text = category.name(lang) if category.active else \
                self.tr("{0} (no longer offered)").format(category.name(lang))
            item = QListWidgetItem(text, self.categories)
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, category.active)
            item.setData(Qt.ItemDataRole.UserRole + 2, category.version)
            if category.id == current:
                self.categories.setCurrentItem(item)
        self._selected()

    def _selected(self, *_) -> None:
        item = self.categories.currentItem()
        self.toggle_button.setEnabled(item is not None)
        if item is not None:
            active = item.data(Qt.ItemDataRole.UserRole + 1)
            self.toggle_button.setText(self.tr("Stop offering") if active else self.tr("Offer again"))
            self.toggle_button.setAccessibleName(self.toggle_button.text())

    def save_targets(self) -> None:
        self.targets_message.clear_message()
        self.targets_conflict.clear()
        values = {p: (a.value(), b.value()) for p, (a, b) in self.spins.items()}
        try:
            complaints.set_targets(self.actor, values, version=self.targets_version)
        except Conflict as conflict:  # the hours typed stay; the person chooses
            self.targets_conflict.show_conflict(conflict)
            return
        except KnownError as error:
            self.targets_message.show_message(message_for(error))
            return
        self.targets_version = settings.version("complaint_targets")
        self.targets_message.setStyleSheet("")
        self.targets_message.show_message(self.tr("Saved."))

    def _keep_my_targets(self) -> None:
        self.targets_version = settings.version("complaint_targets")
        self.save_targets()

    def _take_their_targets(self) -> None:
        self.targets_conflict.clear()
        self.targets_version = settings.version("complaint_targets")
        for priority, hours in complaints.targets().items():
            for spin, value in zip(self.spins[priority], hours):
                spin.setValue(value)

    def add_category(self) -> None:
        self.category_error.clear_message()
        try:
            complaints.add_category(self.actor, self.name_en.text(), self.name_fa.text())
        except KnownError as error:
            self.category_error.show_message(message_for(error))
            return
        self.name_en.clear()
        self.name_fa.clear()
        self.refresh()

    def toggle_category(self) -> None:
        item = self.categories.currentItem()
        if item is None:
            return
        try:
            complaints.set_category_active(self.actor, item.data(Qt.ItemDataRole.UserRole),
                                           not item.data(Qt.ItemDataRole.UserRole + 1),
                                           version=item.data(Qt.ItemDataRole.UserRole + 2))
        except KnownError as error:
            self.category_error.show_message(message_for(error))
        self.refresh()
