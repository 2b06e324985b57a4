"""No field is a Tab trap: Tab and Shift+Tab leave a multi-line field (Ctrl+Tab types a tab) and a
table or list (the arrows move inside it).

One rule for every QPlainTextEdit, QTextEdit and item view of the app, set as each is polished, by
an event filter on the application. It is installed once the main window is on the screen
(``install``), not before: a Python filter on the application is handed every object that gets an
event, and the first of Qt's private objects it is handed (the gesture manager of a scroll area)
makes PySide6 build the Python types of every Qt module, about 80 ms that would otherwise delay the
first paint. The widgets polished before then get the rule from ``install`` itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QTextEdit, QWidget


def apply(widget: QWidget) -> None:
    """The rule for one widget: a multi-line field passes Tab on; a table or list does not keep it."""
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setTabChangesFocus(True)
    elif isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)


class TabRule(QObject):
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish:
            if isinstance(watched, QWidget):
                apply(watched)
        elif (
            kind == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, (QPlainTextEdit, QTextEdit))
            and not watched.isReadOnly()
        ):
            watched.insertPlainText("\t")
            return True
        return False


_rule = TabRule()


def install(app: QApplication) -> None:
    """Apply the rule to every widget there is, and to every one polished from now on. Idempotent."""
    for widget in QApplication.allWidgets():
        apply(widget)
    app.removeEventFilter(_rule)
    app.installEventFilter(_rule)
