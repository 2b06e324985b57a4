"""The dialogs of the error handling in ``ui/errors.py``: a copyable report, a plain message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from helpdesk.errors import KnownError

from ..messages import message_for


class ErrorDialog(QDialog):
    """Something unexpected happened: says so calmly, and offers the report to copy."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something unexpected went wrong. What you were working on has been kept where possible. Please copy this report and send it to whoever supports the help desk."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setMinimumSize(560, 220)
        self.report.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a traceback reads left to right
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


def show_known_error(parent: QWidget | None, error: KnownError, title: str | None = None) -> QMessageBox:
    title = title or QCoreApplication.translate("ErrorDialog", "Help desk")
    box = QMessageBox(QMessageBox.Icon.Warning, title, message_for(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("knownErrorBox")
    if error.detail:
        box.setDetailedText(error.detail)
    box.open()
    return box
