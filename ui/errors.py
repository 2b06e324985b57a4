"""The one place unexpected errors go: a rotating log file and a dialog with a copyable report.

Expected problems (``KnownError``) are shown as a plain message that says what to do;
a database server that cannot be reached is said once, by the status bar's indicator
(``ui/connection.py``), not by a message box for every look that failed.
Anything else is a bug: it is logged with its traceback and the person gets a
report they can copy and send. The app never dies silently.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import helpdesk
from helpdesk.errors import KnownError, classify_database_error

from .paths import log_dir

log = logging.getLogger("helpdesk")

LOG_FILE_NAME = "helpdesk.log"


def setup_logging() -> str:
    """Log to a rotating file in the user log directory; returns its path."""
    import logging.handlers  # not before the first paint: it brings socket, pickle and queue

    from helpdesk import private

    from .log_file import PrivateLogFile

    folder = log_dir()
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        private.folder(folder)
        private.tighten_folder(folder, f"{LOG_FILE_NAME}*")  # logs an older version left readable
        handler = PrivateLogFile(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
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


_dialogs: list = []  # open dialogs, kept alive until closed


def handle_exception(exc_type, exc, tb) -> None:
    """The exception hook: known problems get a message, bugs a logged, copyable report."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    setup_logging()
    from .dialogs.error_dialog import ErrorDialog, show_known_error

    known = exc if isinstance(exc, KnownError) else classify_database_error(exc)
    app = QApplication.instance()
    if known is not None:
        log.warning("known problem: %s (%s)", known.code, known.detail)
        from . import connection

        if connection.report(known):  # the server is away: the status bar says so once, no box for each look
            return
        if app is not None:
            _dialogs.append(show_known_error(QApplication.activeWindow(), known))
        return
    report = build_report(exc_type, exc, tb)
    log.error("unexpected error\n%s", report)
    if app is None:
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
