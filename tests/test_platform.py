"""Promises the platform must keep for a desk that stays open all day."""

import sys

from PySide6.QtWidgets import QLabel


def test_a_long_day_of_clicks_does_not_use_up_none(app, qtbot):
    """PySide6 6.12.0 on Python 3.11 takes one reference from None on every call of a void
    method; after some thousands of them the interpreter aborts. The app pins a PySide6
    without that bug, and this guards it."""
    label = QLabel("x")
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20000):
        label.update()
    assert sys.getrefcount(None) - before > -100


def test_tab_leaves_a_multi_line_field_and_ctrl_tab_types_a_tab(app, qtbot):
    """Tab in a notes field is no trap: it moves on, as in every other field; Ctrl+Tab types a tab."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    notes, rich, after = QPlainTextEdit(), QTextEdit(), QLineEdit()
    for widget in (notes, rich, after):
        layout.addWidget(widget)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    notes.setFocus()
    QTest.keyClicks(notes, "a")
    QTest.keyClick(notes, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(notes, "b")
    QTest.keyClick(notes, Qt.Key.Key_Tab)
    assert notes.toPlainText() == "a\tb"
    assert QApplication.focusWidget() is rich
    QTest.keyClick(rich, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after and rich.toPlainText() == ""
    QTest.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is rich


def test_tab_leaves_every_table_and_list(app, qtbot):
    """The arrows move inside a table; Tab goes on to the next control, as everywhere else."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QTableView, QVBoxLayout, QWidget

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    model = QStandardItemModel(3, 3)
    for row in range(3):
        for column in range(3):
            model.setItem(row, column, QStandardItem(f"{row}{column}"))
    table, listing, after = QTableView(), QListView(), QLineEdit()
    table.setModel(model)
    listing.setModel(model)
    for widget in (table, listing, after):
        layout.addWidget(widget)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 1
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is listing
    QTest.keyClick(listing, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after


def test_fields_made_before_the_tab_rule_was_installed_get_it_too(app, qtbot):
    """The app installs the Tab rule once its window is on the screen; what was polished before gets it then."""
    from PySide6.QtWidgets import QPlainTextEdit, QTableView, QVBoxLayout, QWidget

    from ui import tab_rule

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    notes, table = QPlainTextEdit(), QTableView()
    layout.addWidget(notes)
    layout.addWidget(table)
    form.show()
    notes.setTabChangesFocus(False)  # as Qt makes them, when no rule was there to polish them
    table.setTabKeyNavigation(True)
    tab_rule.install(app)
    assert notes.tabChangesFocus() and not table.tabKeyNavigation()


def test_the_started_app_keeps_tab_moving_in_its_dialogs(app, db_target, qtbot):
    """Started for real (``Controller.start``), the app has the rule by the time anyone can type:
    the sign-in dialog's fields are under it, and so is every multi-line field made after."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from ui import tab_rule
    from ui.app import Controller

    app.removeEventFilter(tab_rule._rule)  # as at a real start: nothing installed it yet
    controller = Controller(app, db_target)
    window = controller.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    notes = QPlainTextEdit()
    qtbot.addWidget(notes)
    notes.show()
    assert notes.tabChangesFocus()
    assert all(w.tabChangesFocus() for w in QApplication.allWidgets() if isinstance(w, QPlainTextEdit))
