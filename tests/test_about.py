"""Help > About: the version, what the app runs on, and the licences of what it bundles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

import helpdesk
from helpdesk.localization import digits
from ui.dialogs.about import show_about


def rows(dialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())
    }


def labels(dialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def open_about(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialog = show_about(window)
    qtbot.waitExposed(dialog)
    return window, dialog


def test_about_shows_the_version_and_the_licences_of_what_is_bundled(app, qtbot):
    _window, dialog = open_about(qtbot)

    assert dialog.isVisible() and dialog.windowTitle() == "About Help desk"
    assert f"Version {helpdesk.__version__}" in labels(dialog)
    assert "Qt 6." in dialog.built_with.text() and "Python 3." in dialog.built_with.text()
    assert "PySide6 6." in dialog.built_with.text()
    listed = rows(dialog)
    assert "LGPL" in listed["Qt 6 / PySide6"][1]
    assert listed["Vazirmatn font"][1] == "OFL-1.1"
    assert listed["Noto Emoji font"][1] == "OFL-1.1"
    assert "LGPL" in listed["psycopg2"][1]
    assert listed["Python"][1] == "PSF-2.0"
    assert listed["peewee"][0] not in ("", "—")  # read from the installed package
    assert dialog.layoutDirection() == Qt.LayoutDirection.LeftToRight

    # Choosing a component shows its licence text.
    names = list(listed)
    dialog.table.setFocus()
    dialog.table.selectRow(names.index("Vazirmatn font"))
    assert "SIL OPEN FONT LICENSE" in dialog.text.toPlainText()
    dialog.table.selectRow(names.index("Qt 6 / PySide6"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    assert all(component.text for component in dialog.components), "every licence text is readable"

    with qtbot.waitSignal(dialog.destroyed):  # closed, and not kept in memory
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_about_in_persian_reads_right_to_left(persian, qtbot):
    _window, dialog = open_about(qtbot)

    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The version in Persian digits (its words come from the .ts: /tmp/fa17/pack.tsv until merged).
    assert digits(helpdesk.__version__, "fa") in dialog.version.text()
    assert digits(helpdesk.__version__, "fa") != helpdesk.__version__
    listed = rows(dialog)
    assert "LGPL" in listed["Qt 6 / PySide6"][1]
    assert listed["Vazirmatn font"][1] == "OFL-1.1"
    assert dialog.built_with.alignment() & Qt.AlignmentFlag.AlignRight  # on the reading side
    # The licences themselves are English, and stay left to right.
    assert dialog.text.layoutDirection() == Qt.LayoutDirection.LeftToRight
