"""Started as a child process by ``benchmarks/run.py``: starts a window and says when.

    python benchmarks/startup_probe.py bare
    python benchmarks/startup_probe.py app DB

``bare`` shows an empty PySide6 ``QMainWindow``. ``app`` runs the app's own start-up
(``ui.app``, as ``main.py`` does): logging and the error hook, the Qt application
with its language, the main window, then the database opened and migrated and the
sign-in dialog over the window. It stops before a person types a password.

It prints "shown" just after a main window's first paint, and "ready" when start-up
has nothing left to do (for the app: the sign-in dialog is up), then quits. Both
sides notice the first paint the same way: from the window's own paint event.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def report(word: str) -> None:
    print(word, flush=True)


def bare() -> None:
    app = QApplication(sys.argv[:1])

    class Window(QMainWindow):
        painted = False

        def paintEvent(self, event) -> None:
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                QTimer.singleShot(0, lambda: (report("shown"), report("ready"), app.quit()))

    window = Window()
    window.resize(1100, 700)
    window.show()
    app.exec()


def app(target: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from ui.app import Controller, create_application
    from ui.errors import install_exception_hook, setup_logging

    # As ui.app.run() does it.
    install_exception_hook()
    application = create_application(sys.argv[:1])
    controller = Controller(application, target)
    window = controller.start()  # first_painted is emitted just after the first paint
    window.first_painted.connect(setup_logging)

    def sign_in_is_up() -> None:
        if controller.dialog is not None and controller.dialog.isVisible():
            report("ready")
            application.quit()
        else:
            QTimer.singleShot(1, sign_in_is_up)

    window.first_painted.connect(lambda: report("shown"))
    window.first_painted.connect(lambda: QTimer.singleShot(0, sign_in_is_up))
    application.exec()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[2])
