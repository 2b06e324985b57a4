"""What many tests share: the main window, signed in, as a person finds it."""

from __future__ import annotations


def signed_in_window(person, db_target, qtbot):
    """The main window on ``db_target``, shown, active and signed in as ``person``."""
    from helpdesk import config
    from ui.mainwindow import MainWindow

    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.sign_in(person)
    return window
