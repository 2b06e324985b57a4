"""Supervisors' settings for complaints: the response and resolution targets, and the categories."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from helpdesk import complaints, settings
from helpdesk.choice_lists import COMPLAINT_CATEGORIES
from helpdesk.errors import Conflict, KnownError
from helpdesk.models import Staff

from ..choice_list_editor import ChoiceListEditor
from ..messages import choice, message_for
from ..widgets import ConflictNotice, ErrorLabel


class ComplaintSettings(QWidget):
    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)  # a tab of Settings, which names it
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
                spin.setAccessibleName(
                    self.tr("{0}: {1}, hours").format(
                        choice("priority", priority), self.tr("First response") if col == 1 else self.tr("Resolution")
                    )
                )
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

        self.categories = ChoiceListEditor(
            actor,
            COMPLAINT_CATEGORIES,
            self.tr("Categories"),
            self.tr("Add category"),
            self.tr("Category name in English"),
            self.tr("Category name in Persian"),
        )
        self.categories.setObjectName("complaintCategories")
        column.addWidget(self.categories)
        self.save_targets_button.setAccessibleName(self.save_targets_button.text())
        self.categories.reload()

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
