"""The database file cannot be used: what happened, and what to do (issue 14, item 3).

Shown at start-up instead of the sign-in when the quick check (``helpdesk.db.quick_check``) refuses
the file: damaged, cut short, not a help-desk database, or empty. The file is never changed. The
dialog names the file, says in plain words what is wrong with it and what to do, and keeps the
driver's own words in the details for whoever looks after the computers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.errors import KnownError
from helpdesk.localization import left_to_right

if TYPE_CHECKING:
    from helpdesk.backups import Backup

TITLES = {
    "damaged": QT_TRANSLATE_NOOP("DamagedDatabase", "The database file is damaged"),
    "not_database": QT_TRANSLATE_NOOP("DamagedDatabase", "This file is not a help-desk database"),
    "empty": QT_TRANSLATE_NOOP("DamagedDatabase", "The database file is empty"),
}
WHAT_HAPPENED = {
    "damaged": QT_TRANSLATE_NOOP(
        "DamagedDatabase",
        "Part of the file cannot be read as it was written, or the file is shorter than it should be. This happens when a disk fails, or when the computer lost power or a copy stopped half-way. The help desk has not changed the file.",
    ),
    "not_database": QT_TRANSLATE_NOOP(
        "DamagedDatabase",
        "The file that was chosen holds something else, not the help desk's data. The help desk has not changed it.",
    ),
    "empty": QT_TRANSLATE_NOOP(
        "DamagedDatabase",
        "The file is there but holds nothing (0 bytes). A copy that failed, a full disk or a sync program can leave a file like this. The help desk did not start a new, empty database over it, so that nothing is hidden.",
    ),
}
WHAT_TO_DO = {
    "damaged": QT_TRANSLATE_NOOP(
        "DamagedDatabase",
        "Restore the newest good backup, or ask whoever looks after the computers to do it. Keep the damaged file: it may still be repaired.",
    ),
    "not_database": QT_TRANSLATE_NOOP(
        "DamagedDatabase", "Start the help desk with the right database file, or restore the newest good backup."
    ),
    "empty": QT_TRANSLATE_NOOP(
        "DamagedDatabase",
        "Restore the newest good backup. To start a new, empty database instead, delete this file and start the help desk again.",
    ),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("DamagedDatabase", text)


class DamagedDatabaseDialog(QDialog):
    """What is wrong with the database file and what to do; closing it closes the app."""

    restored = Signal(str)  # where the damaged file was kept, once the backup is in its place

    def __init__(self, error: KnownError, location: str, parent: QWidget | None = None, target: str = ""):
        super().__init__(parent)
        self.setObjectName("damagedDatabaseDialog")
        kind = error.params.get("kind", "damaged")
        kind = kind if kind in TITLES else "damaged"
        self.kind = kind
        self.setWindowTitle(self.tr("Cannot open the database"))
        layout = QVBoxLayout(self)
        self.title = QLabel(_t(cast(str, TITLES[kind])))
        self.title.setObjectName("damagedTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.what_happened = QLabel(_t(cast(str, WHAT_HAPPENED[kind])))
        self.what_to_do = QLabel(_t(cast(str, WHAT_TO_DO[kind])))
        self.where = QLabel(self.tr("Database: {0}").format(left_to_right(location)))
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.what_happened, self.what_to_do, self.where):
            label.setWordWrap(True)
        self.details = QPlainTextEdit(error.detail or error.code)
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(70)
        self.details.setAccessibleName(self.tr("Technical details"))
        layout.addWidget(self.title)
        layout.addWidget(self.what_happened)
        layout.addWidget(self.what_to_do)
        layout.addWidget(self.where)
        layout.addWidget(self.details)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        # ---- RESTORE THE NEWEST GOOD BACKUP ------------------------------------------------------
        # helpdesk.backups lists the backups (list_backups) and puts one back. Nobody can sign in
        # against a damaged file, so a supervisor signs in against the backup's own accounts
        # (backups.restore_over_damaged). Offered when a whole backup of this database is found.
        self.target = target
        self.backup = newest_good_backup(target) if target else None
        self.restore_button = None
        if self.backup is not None and _can_restore():
            from helpdesk.localization import format_datetime

            from ..i18n import current_language

            self.restore_button = self.buttons.addButton(
                self.tr("Restore the newest good backup…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.restore_button.setObjectName("restoreNewestBackup")
            self.restore_button.clicked.connect(self._ask_who)
            self.backup_label = QLabel(
                self.tr("The newest good backup was taken {0}.").format(
                    format_datetime(self.backup.taken, current_language())
                )
            )
            self.backup_label.setWordWrap(True)
            layout.addWidget(self.backup_label)
            self.sign_in = QWidget()
            form = QFormLayout(self.sign_in)
            self.username = QLineEdit()
            self.password = QLineEdit()
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(self.tr("Supervisor's user name"), self.username)
            form.addRow(self.tr("Password"), self.password)
            self.confirm = QPushButton(self.tr("Restore"))
            self.confirm.clicked.connect(self.restore)
            form.addRow("", self.confirm)
            self.problem = QLabel()
            self.problem.setWordWrap(True)
            self.problem.hide()
            form.addRow(self.problem)
            self.sign_in.hide()
            layout.addWidget(self.sign_in)
        # -------------------------------------------------------------------------------------------
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _ask_who(self) -> None:
        cast(QPushButton, self.restore_button).hide()  # its own handler: the button is there
        self.sign_in.show()
        self.confirm.setDefault(True)  # Enter in the password restores
        self.username.setFocus()

    def restore(self) -> None:
        """Put the newest good backup in place; the app then opens it (``restored``)."""
        from PySide6.QtGui import QGuiApplication

        from helpdesk import backups

        from ..messages import message_for

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # (the Restore button is made only when a backup was found)
            aside = backups.restore_over_damaged(
                self.username.text().strip(), self.password.text(), cast("Backup", self.backup).path, self.target
            )
        except KnownError as error:
            self.problem.setText(message_for(error))
            self.problem.show()
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.restored.emit(str(aside))


def _can_restore() -> bool:
    from helpdesk import backups

    return hasattr(backups, "restore_over_damaged")


def newest_good_backup(target: str) -> Backup | None:
    """The newest whole backup of ``target`` in the usual backups folder, or None. (The office may
    have chosen another folder, but that choice is kept in the database that cannot be read.)"""
    from helpdesk import backups
    from helpdesk.config import sqlite_path

    if sqlite_path(target) is None:
        return None
    try:
        found = backups.list_backups(target, backups.default_folder())
    except OSError:
        return None
    return next((b for b in found if b.state == backups.OK), None)
