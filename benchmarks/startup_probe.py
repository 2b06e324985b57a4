"""Started as a child process by ``benchmarks/run.py``: shows a window and says when.

    python benchmarks/startup_probe.py bare
    python benchmarks/startup_probe.py app DB USERNAME

``bare`` shows an empty PySide6 ``QMainWindow``. ``app`` does what ``main.py`` does
up to the main window: the Qt application with its language and fonts, the
database opened and migrated, the signed-in account, the main window. Signing in
is skipped (it waits for a person); everything after it is measured.
When the window has been shown and the first events handled, it prints "shown".
"""
from __future__ import annotations

import sys
from pathlib import Path


def _shown(app) -> None:
    from PySide6.QtCore import QTimer

    def report() -> None:
        print("shown", flush=True)
        app.quit()

    QTimer.singleShot(0, report)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1100, 700)
    window.show()
    _shown(app)
    app.exec()


def app(target: str, username: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from helpdesk import migrations
    from helpdesk.models import Staff
    from ui.app import Controller, create_application
    from ui.errors import install_exception_hook, setup_logging

    setup_logging()
    install_exception_hook()
    application = create_application(sys.argv[:1])
    migrations.open_and_migrate(target)
    staff = Staff.get(Staff.username == username)
    Controller(application, target).open_main_window(staff)
    _shown(application)
    application.exec()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[2], sys.argv[3])
