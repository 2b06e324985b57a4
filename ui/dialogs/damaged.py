"""The database file cannot be used: what happened, and what to do (issue 14, item 3).

Shown at start-up instead of the sign-in when the quick check (``helpdesk.db.quick_check``) refuses
the file: damaged, cut short, not a help-desk database, or empty. The file is never changed. The
dialog names the file, says in plain words what is wrong with it and what to do, and keeps the
driver's own words in the details for whoever looks after the computers.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from helpdesk.errors import KnownError
from helpdesk.localization import left_to_right

TITLES = {
    "damaged": QT_TRANSLATE_NOOP("DamagedDatabase", "The database file is damaged"),
    "not_database": QT_TRANSLATE_NOOP("DamagedDatabase", "This file is not a help-desk database"),
    "empty": QT_TRANSLATE_NOOP("DamagedDatabase", "The database file is empty"),
}
WHAT_HAPPENED = {
    "damaged": QT_TRANSLATE_NOOP("DamagedDatabase", "Part of the file cannot be read as it was written, or the file is shorter than it should be. This happens when a disk fails, or when the computer lost power or a copy stopped half-way. The help desk has not changed the file."),
    "not_database": QT_TRANSLATE_NOOP("DamagedDatabase", "The file that was chosen holds something else, not the help desk's data. The help desk has not changed it."),
    "empty": QT_TRANSLATE_NOOP("DamagedDatabase", "The file is there but holds nothing (0 bytes). A copy that failed, a full disk or a sync program can leave a file like this. The help desk did not start a new, empty database over it, so that nothing is hidden."),
}
WHAT_TO_DO = {
    "damaged": QT_TRANSLATE_NOOP("DamagedDatabase", "Restore the newest good backup, or ask whoever looks after the computers to do it. Keep the damaged file: it may still be repaired."),
    "not_database": QT_TRANSLATE_NOOP("DamagedDatabase", "Start the help desk with the right database file, or restore the newest good backup."),
    "empty": QT_TRANSLATE_NOOP("DamagedDatabase", "Restore the newest good backup. To start a new, empty database instead, delete this file and start the help desk again."),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("DamagedDatabase", text)


class DamagedDatabaseDialog(QDialog):
    """What is wrong with the database file and what to do; closing it closes the app."""

    def __init__(self, error: KnownError, location: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("damagedDatabaseDialog")
        kind = error.params.get("kind", "damaged")
        kind = kind if kind in TITLES else "damaged"
        self.kind = kind
        self.setWindowTitle(self.tr("Cannot open the database"))
        layout = QVBoxLayout(self)
        self.title = QLabel(_t(TITLES[kind]))
        self.title.setObjectName("damagedTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.what_happened = QLabel(_t(WHAT_HAPPENED[kind]))
        self.what_to_do = QLabel(_t(WHAT_TO_DO[kind]))
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
        # ---- RESTORE BUTTON GOES HERE ------------------------------------------------------------
        # "Restore the newest good backup": helpdesk.backups.list_backups(target) gives the backups,
        # newest first, and backups.restore(actor, backup, target) puts one back. restore() wants the
        # supervisor who does it, and the damaged file cannot sign anybody in: the supervisor has to
        # sign in against the backup's own accounts first. Until that exists the dialog says what to
        # do and the command line does it (main.py restore BACKUP --db FILE --user NAME).
        # -------------------------------------------------------------------------------------------
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
