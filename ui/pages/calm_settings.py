"""Supervisors edit the calm-down steps here. Saving makes a new version; sessions already run
keep the version they were run with."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import calm
from helpdesk.errors import Conflict, KnownError
from helpdesk.localization import digits, is_rtl
from helpdesk.models import Staff

from .. import i18n
from ..messages import message_for
from ..widgets import ConflictNotice, ErrorLabel

LANGS = ("en", "fa")


def _box(lines: int = 2) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class CalmStepsEditor(QWidget):
    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)  # a tab of Settings, which names it
        self.setObjectName("calmStepsEditor")
        self.actor = actor
        self._loading = False
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        self.version_label = QLabel()
        self.version_label.setObjectName("calmVersion")
        left.addWidget(self.version_label)
        self.list = QListWidget()
        self.list.setObjectName("calmStepList")
        self.list.currentRowChanged.connect(self._show)
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add step"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        left.addLayout(buttons)
        self.add_button.clicked.connect(self.add_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        row.addLayout(left, 1)

        right = QVBoxLayout()
        form = QFormLayout()
        self.required = QCheckBox(self.tr("Required"))
        self.required.setAccessibleName(self.tr("Required"))
        form.addRow("", self.required)
        self.editors: dict[tuple[str, str], QLineEdit | QPlainTextEdit] = {}
        labels = {
            "title": self.tr("Title"),
            "do": self.tr("What to do"),
            "say": self.tr("Phrases to say (one a line)"),
            "avoid": self.tr("Phrases to avoid (one a line)"),
        }
        for part in ("title", "do", "say", "avoid"):
            for lang in LANGS:
                editor = QLineEdit() if part == "title" else _box(3 if part == "do" else 2)
                editor.setObjectName(f"{part}_{lang}")
                # Each language reads its own way, whatever the language of the app.
                editor.setLayoutDirection(
                    Qt.LayoutDirection.RightToLeft if is_rtl(lang) else Qt.LayoutDirection.LeftToRight
                )
                suffix = self.tr("English") if lang == "en" else self.tr("Persian")
                label = f"{labels[part]} ({suffix})"
                editor.setAccessibleName(label)
                form.addRow(label, editor)
                self.editors[(part, lang)] = editor
                (editor.textEdited if isinstance(editor, QLineEdit) else editor.textChanged).connect(self._changed)
        self.required.toggled.connect(self._changed)
        right.addLayout(form)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save as a new version"))
        self.save_button.setObjectName("saveStepsButton")
        self.save_button.clicked.connect(self.save)
        self.message = ErrorLabel()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.message, 1)
        right.addLayout(save_row)
        self.conflict = ConflictNotice()  # another supervisor saved a newer version while these were edited
        self.conflict.keep_button.clicked.connect(self._keep_mine)
        self.conflict.take_button.clicked.connect(self._take_theirs)
        right.addWidget(self.conflict)
        row.addLayout(right, 2)
        self.list.setAccessibleName(self.tr("Calm-down steps"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button, self.save_button):
            button.setAccessibleName(button.text())
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self.reload()

    def _keep_mine(self) -> None:
        """Save these steps as the next version, over the one the other supervisor saved."""
        self.base_version = calm.current().version
        self.save()

    def _take_theirs(self) -> None:
        self.conflict.clear()
        self.reload()

    def reload(self) -> None:
        version = calm.current()
        self.base_version = version.version  # the version these edits are made from
        self.steps = copy.deepcopy(calm.steps_of(version))
        self.version_label.setText(
            self.tr("Version {0} is in use").format(digits(version.version, i18n.current_language()))
        )
        self._fill_list(0)

    def _fill_list(self, row: int) -> None:
        lang = i18n.current_language()
        self._loading = True
        self.list.clear()
        for index, step in enumerate(self.steps):
            self.list.addItem(f"{digits(index + 1, lang)}. {step['title'].get(lang) or step['title'].get('en', '')}")
        self._loading = False
        self.list.setCurrentRow(min(row, len(self.steps) - 1))

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.steps):
            return
        self._loading = True
        step = self.steps[row]
        self.required.setChecked(bool(step.get("required")))
        for (part, lang), editor in self.editors.items():
            value = step.get(part, {}).get(lang, [] if part in ("say", "avoid") else "")
            text = "\n".join(value) if isinstance(value, list) else value
            editor.setText(text) if isinstance(editor, QLineEdit) else editor.setPlainText(text)
        self._loading = False

    def _changed(self, *_args) -> None:
        row = self.list.currentRow()
        if self._loading or row < 0:
            return
        step = self.steps[row]
        step["required"] = self.required.isChecked()
        for (part, lang), editor in self.editors.items():
            text = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
            step.setdefault(part, {})[lang] = (
                [x for x in text.split("\n") if x.strip()] if part in ("say", "avoid") else text
            )
        lang = i18n.current_language()
        self.list.item(row).setText(
            f"{digits(row + 1, lang)}. {step['title'].get(lang) or step['title'].get('en', '')}"
        )

    def add_step(self) -> None:
        row = self.list.currentRow() + 1
        self.steps.insert(
            row,
            {
                "key": "",
                "required": False,
                "title": {"en": "", "fa": ""},
                "do": {"en": "", "fa": ""},
                "say": {"en": [], "fa": []},
                "avoid": {"en": [], "fa": []},
            },
        )
        self._fill_list(row)
        self.editors[("title", "en")].setFocus()

    def remove_step(self) -> None:
        row = self.list.currentRow()
        if row >= 0 and len(self.steps) > 1:
            del self.steps[row]
            self._fill_list(row)

    def move_step(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if 0 <= row < len(self.steps) and 0 <= target < len(self.steps):
            self.steps[row], self.steps[target] = self.steps[target], self.steps[row]
            self._fill_list(target)

    def save(self) -> None:
        self.message.clear_message()
        self.conflict.clear()
        try:
            calm.save_steps(self.actor, self.steps, base_version=self.base_version)
        except Conflict as conflict:  # another supervisor saved a version first; these edits stay here
            self.conflict.show_conflict(conflict)
            return
        except KnownError as error:
            text = message_for(error)
            field = getattr(error, "field", "")
            if field.startswith("steps."):
                text = self.tr("Step {0}: {1}").format(
                    digits(int(field.split(".")[1]) + 1, i18n.current_language()), text
                )
            self.message.show_message(text)
            return
        row = self.list.currentRow()
        self.reload()
        self.list.setCurrentRow(row)
        self.message.setStyleSheet("")
        self.message.show_message(self.tr("Saved. New sessions use the new version."))
