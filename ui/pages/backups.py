"""Settings ▸ Backups, for supervisors: where the backups go, the backups there, Back up now and
Restore…. The work is ``helpdesk/backups.py``'s, run off the UI thread."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import backups, settings
from helpdesk.config import sqlite_path
from helpdesk.errors import KnownError
from helpdesk.localization import format_number, format_short_datetime, left_to_right
from helpdesk.models import Staff

from .. import i18n, prompts
from ..messages import message_for
from ..table_model import Column, TableModel
from ..table_view import EVEN, table_view
from ..tasks import run_task
from ..widgets import ErrorLabel, give_accessible_names, select_row


def _path(model, backup: backups.Backup, lang: str) -> str:
    return left_to_right(str(backup.path))


class BackupsModel(TableModel):
    """The backups in the folder, newest first: date, size, state. A short list (at most 23 kept)."""

    DATE, SIZE, STATE = range(3)
    BackupRole = TableModel.RowRole

    def _state(self, backup: backups.Backup, lang: str) -> str:
        return self.tr("Good") if backup.state == backups.OK else self.tr("Damaged")

    COLUMNS = (
        Column(
            cast(str, QT_TRANSLATE_NOOP("BackupsModel", "Taken")),  # taken is local time already
            lambda m, backup, lang: format_short_datetime(backup.taken, lang),
            tip=_path,
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("BackupsModel", "Size")),
            lambda m, backup, lang: m.size_text(backup.size),
            tip=_path,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("BackupsModel", "State")), _state, tip=_path),
    )

    def role_data(self, backup: backups.Backup, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE and backup.state != backups.OK:
            return QColor("#b3261e")  # a damaged one stands out
        return None

    def size_text(self, size: int) -> str:
        language = i18n.current_language()
        if size >= 1024 * 1024:
            return self.tr("{0} MB").format(format_number(size / (1024 * 1024), language, 1))
        return self.tr("{0} KB").format(format_number(max(1, round(size / 1024)), language))


class BackupsTab(QWidget):
    """``restored`` is emitted once a backup has been put in place: the window signs the person out,
    and what they see after signing in again is the restored data."""

    restored = Signal()

    def __init__(self, actor: Staff, target: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("backupsTab")
        self.actor = actor
        self.target = target or backups.current_target()
        self.on_file = sqlite_path(self.target) is not None
        self.task = None
        layout = QVBoxLayout(self)

        about = QLabel(
            self.tr(
                "The help desk keeps a checked copy of the database: at the first start of each day and when "
                "the app is closed after changes. It keeps the last 7 days, 4 weeks and 12 months."
            )
            if self.on_file
            else self.tr(
                "This office's database is on a server. Back up now writes a copy of it as a single file "
                "that the help desk can open; it is not restored from here (see the README)."
            )
        )
        about.setObjectName("backupsAbout")
        about.setWordWrap(True)
        # Room for a glyph that reaches past its advance at the end of a line (the tail of a Persian
        # «و» was cut off: Qt wraps by advances, not by what is drawn).
        about.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(about)

        folder_row = QHBoxLayout()
        folder_label = QLabel(self.tr("Folder"))
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Folder"))
        folder_label.setBuddy(self.folder)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setObjectName("chooseBackupFolder")
        self.default_button = QPushButton(self.tr("Use the default"))
        self.default_button.setObjectName("defaultBackupFolder")
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)
        layout.addLayout(folder_row)

        self.model = BackupsModel(self)
        self.table = table_view(self.model, "backupsTable", self.tr("Backups"), columns=EVEN)
        self.table.setMinimumHeight(150)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backUpNow")
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.setVisible(self.on_file)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.note = QLabel()
        self.note.setObjectName("backupsNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.note)
        self.error = ErrorLabel()
        self.error.setObjectName("backupsError")
        layout.addWidget(self.error)

        self.choose_button.clicked.connect(self.choose_folder)
        self.default_button.clicked.connect(lambda: self.use_folder(""))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        give_accessible_names(self)
        self.refresh()

    # --- what is shown ----------------------------------------------------------------------------
    def refresh(self) -> None:
        where = backups.backup_folder()
        self.folder.setText(left_to_right(str(where)))
        self.folder.setToolTip(str(where))
        self.model.set_rows(backups.list_backups(self.target, where))
        self._update_buttons()

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], BackupsModel.BackupRole) if rows else None

    def _update_buttons(self) -> None:
        busy = self.task is not None
        for button in (self.backup_button, self.choose_button, self.default_button):
            button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.selected() is not None)

    def _say(self, text: str) -> None:
        self.error.clear_message()
        self.note.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._update_buttons()
        self.note.setText("")
        if isinstance(error, KnownError):
            self.error.show_message(message_for(error))
            return
        raise error  # a bug: the one exception hook shows it

    # --- the folder -------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the backups"), str(backups.backup_folder()))
        if chosen:
            self.use_folder(chosen)

    def use_folder(self, chosen: str) -> bool:
        """Store ``chosen`` ("" for the default) as the office's backups folder."""
        try:
            backups.set_folder(self.actor, chosen, settings.version(backups.SETTING))
        except KnownError as error:
            self.error.show_message(message_for(error))
            return False
        self._say(self.tr("Backups now go to this folder."))
        self.refresh()
        return True

    # --- backing up and restoring ---------------------------------------------------------------------
    def back_up_now(self):
        actor, target = self.actor, self.target
        self._say(self.tr("Backing up…"))
        self.task = run_task(
            lambda _progress: backups.backup_now(actor, target), self._backed_up, self._failed, parent=self
        )
        self._update_buttons()
        return self.task

    def _backed_up(self, made: backups.Backup) -> None:
        self.task = None
        self.refresh()
        for row in range(self.model.rowCount()):
            if self.model.data(self.model.index(row, 0), BackupsModel.BackupRole).path == made.path:
                select_row(self.table, row)
        self._say(self.tr("Backed up and checked: {0}").format(left_to_right(made.path.name)))

    def restore_selected(self):
        backup = self.selected()
        if backup is None or self.task is not None:
            return None
        when = format_short_datetime(backup.taken, i18n.current_language())
        if not prompts.confirm(
            self,
            self.tr("Restore this backup?"),
            self.tr(
                "The database goes back to how it was on {0}. What was saved since then is no longer in the "
                "help desk; it is kept aside in a file next to the database. Everyone here signs in again."
            ).format(when),
        ):
            return None
        from helpdesk.db import database

        actor, target, before = self.actor, self.target, database.obj
        self._say(self.tr("Restoring…"))
        self.task = run_task(
            lambda _progress: backups.restore(actor, backup.path, target),
            lambda aside: self._restored(before, aside),
            self._failed,
            parent=self,
        )
        self._update_buttons()
        return self.task

    def _restored(self, before, aside) -> None:
        from helpdesk.db import database

        self.task = None
        if before is not None and before is not database.obj and not before.is_closed():
            before.close()  # this thread's connection to the database as it was
        self._say(self.tr("Restored. The data it replaced is kept in {0}.").format(left_to_right(str(aside))))
        self.refresh()
        self.restored.emit()
