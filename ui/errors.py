"""The one place unexpected errors go: a rotating log file and a dialog with a copyable report.

Expected problems (``KnownError``) are shown as a plain message that says what to do.
Anything else is a bug: it is logged with its traceback and the person gets a
report they can copy and send. The app never dies silently.
"""
from __future__ import annotations

import logging
import os
import sys
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

import helpdesk
from helpdesk.errors import KnownError, classify_database_error

from .messages import message_for
from .paths import log_dir

log = logging.getLogger("helpdesk")

LOG_FILE_NAME = "helpdesk.log"


def setup_logging() -> str:
    """Log to a rotating file in the user log directory; returns its path."""
    import logging.handlers

    path = log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return str(path)


def build_report(exc_type, exc: BaseException, tb: TracebackType | None) -> str:
    import platform
    import traceback

    lines = [
        f"Help desk {helpdesk.__version__}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class ErrorDialog(QDialog):
    """Something unexpected happened: says so calmly, and offers the report to copy."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Something unexpected went wrong. What you were working on has been kept where possible. Please copy this report and send it to whoever supports the help desk."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setMinimumSize(560, 220)
        from PySide6.QtCore import Qt

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
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("ErrorDialog", "Help desk"), message_for(error),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("knownErrorBox")
    if error.detail:
        box.setDetailedText(error.detail)
    box.open()
    return box


_dialogs: list[QDialog] = []


def handle_exception(exc_type, exc, tb) -> None:
    """The exception hook: known problems get a message, bugs a logged, copyable report."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    known = exc if isinstance(exc, KnownError) else classify_database_error(exc)
    app = QApplication.instance()
    if known is not None:
        log.warning("known problem: %s (%s)", known.code, known.detail)
        if app is not None:
            _dialogs.append(show_known_error(QApplication.activeWindow(), known))
        return
    report = build_report(exc_type, exc, tb)
    log.error("unexpected error\n%s", report)
    if app is None or os.environ.get("HELPDESK_NO_ERROR_DIALOG"):
        sys.__excepthook__(exc_type, exc, tb)
        return
    # No parent: the report must outlive whatever window the error came from.
    dialog = ErrorDialog(report)
    _dialogs.append(dialog)
    dialog.finished.connect(lambda _=0, d=dialog: _dialogs.remove(d) if d in _dialogs else None)
    # Shown from the event loop, so an error inside a paint or a slot cannot recurse.
    QTimer.singleShot(0, dialog.open)


def install_exception_hook() -> None:
    sys.excepthook = handle_exception
