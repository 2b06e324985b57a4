"""Every window and dialog of the app, in English and in Persian: each control a person can
reach has a name a screen reader can say (``accessibleName``)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSlider,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from helpdesk import complaints, config, customers
from helpdesk.complaints import ComplaintDraft
from helpdesk.models import ComplaintCategory
from ui.mainwindow import CUSTOMERS, REPORTS, MainWindow

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QSlider,
)


def _inner_part(widget: QWidget) -> bool:
    """Parts Qt builds inside a control, named by the control itself: the text box of a spin box or an
    editable combo, a line edit's clear button, a table's headers and corner button, a combo's popup."""
    parent = widget.parentWidget()
    if isinstance(widget, QHeaderView) or type(widget).__name__ == "QTableCornerButton":
        return True
    if isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
        return True
    if isinstance(widget, QAbstractButton) and isinstance(parent, QLineEdit):
        return True
    ancestor = parent
    while ancestor is not None:
        if isinstance(ancestor, QComboBox) or type(ancestor).__name__ == "QCalendarWidget":
            return True
        ancestor = ancestor.parentWidget()
    return False


def _buddy_label(widget: QWidget) -> str:
    """The text of a label whose buddy is ``widget`` (or passes its focus to it)."""
    from PySide6.QtWidgets import QLabel

    for label in widget.window().findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and (buddy is widget or buddy.focusProxy() is widget) and label.text().strip():
            return label.text()
    return ""


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for ``widget``: its accessibleName, a button's own text, or the
    text of the label whose buddy it is. Not what Qt falls back on for a field without a name (a
    combo's current item, a box's placeholder or contents): that says what is in it, not what it is."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if isinstance(widget, QAbstractButton):
        from PySide6.QtGui import QAccessible

        interface = QAccessible.queryAccessibleInterface(widget)
        return (interface.text(QAccessible.Text.Name) if interface is not None else widget.text()).strip()
    return _buddy_label(widget).strip()


def unnamed(root: QWidget) -> list[str]:
    """The visible controls under ``root`` (the window itself included) that have no accessible name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible() or _inner_part(widget):
            continue
        if not spoken_name(widget):
            text = getattr(widget, "text", lambda: "")() if isinstance(widget, QAbstractButton) else ""
            found.append(
                f"{root.objectName() or type(root).__name__}: {type(widget).__name__} {widget.objectName()!r} {text!r}"
            )
    return found


@pytest.fixture(params=["en", "fa"])
def language(request, app):
    if request.param == "fa":
        request.getfixturevalue("persian")
    return request.param


def _data(staff, supervisor):
    org = customers.create(staff, customers.Draft(kind="organisation", organisation="Arian Pakhsh"))
    customer = customers.create(
        staff,
        customers.Draft(
            given_name="Hannah",
            family_name="Brown",
            organisation_id=org.id,
            phones=[("mobile", "09120001122")],
            emails=["hannah@example.com"],
            tags=["vip"],
        ),
    )
    category = ComplaintCategory.select().first().id
    complaint = complaints.create(
        staff,
        ComplaintDraft(
            customer_id=customer.id, category_id=category, description="The courier was late.", assignee_id=staff.id
        ),
    )
    return customer, complaint


def _shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    return widget


def _signed_in_window(supervisor, db_target, qtbot) -> MainWindow:
    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    window.show()
    window.sign_in(supervisor)
    return window


def _pages(window: MainWindow, indexes) -> list[str]:
    """Each page in turn, with every tab of Settings and every report's choosers."""
    missing = []
    for index in indexes:
        window.show_page(index)
        QApplication.processEvents()
        missing += unnamed(window)
        page = window.stack.currentWidget()
        for tabs in page.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                missing += unnamed(window)
        kinds = page.findChild(QListWidget, "reportKinds")
        for row in range(kinds.count() if kinds is not None else 0):
            kinds.setCurrentRow(row)
            missing += unnamed(window)
    return missing


def test_every_control_of_every_window_has_a_name(language, staff, supervisor, db_target, qtbot, tmp_path, monkeypatch):
    """The main window's pages (the report centre and a customer's profile apart: see below), and every
    window and dialog."""
    from ui import prompts
    from ui.dialogs.accounts import ChangeOwnPasswordDialog, NewAccountDialog, ResetPasswordDialog
    from ui.dialogs.customer_actions import MarkLostDialog, MergeDialog
    from ui.dialogs.customer_form import CustomerForm
    from ui.dialogs.import_customers import ImportCustomersDialog
    from ui.dialogs.sign_in import FirstRunDialog, SignInDialog

    monkeypatch.setattr(prompts, "confirm", lambda *args, **kw: True)  # closing at the end puts things away
    customer, complaint = _data(staff, supervisor)
    window = _signed_in_window(supervisor, db_target, qtbot)
    missing = _pages(window, [i for i in range(window.nav.count()) if i != REPORTS])

    location = config.describe(db_target)
    csv = tmp_path / "people.csv"
    csv.write_text("given_name,family_name,phone\nNeda,Amini,09121112233\n", encoding="utf-8")
    windows = [
        CustomerForm(supervisor),
        CustomerForm(supervisor, customer_id=customer.id),
        window.start_call(),
        window.start_call("walk_in", "inbound"),
        window.start_calm(),
        window.new_complaint(customer.id),
        window.open_complaint(complaint.id),
        SignInDialog(location, "boss"),
        FirstRunDialog(location),
        NewAccountDialog(supervisor),
        ResetPasswordDialog(supervisor, staff),
        ChangeOwnPasswordDialog(supervisor),
        ImportCustomersDialog(supervisor, csv),
        MarkLostDialog(supervisor, customer.id),
        MergeDialog(supervisor, customer.id),
    ]
    for widget in windows:
        missing += unnamed(_shown(qtbot, widget))
    missing = list(dict.fromkeys(missing))  # each once
    assert missing == [], "\n".join(missing)


def test_every_control_of_the_report_centre_and_a_profile_has_a_name(language, staff, supervisor, db_target, qtbot):
    customer, _complaint = _data(staff, supervisor)
    window = _signed_in_window(supervisor, db_target, qtbot)
    missing = _pages(window, [REPORTS])
    window.show_page(CUSTOMERS)
    window.customers_page.open_customer(customer.id)
    missing += unnamed(window)
    missing = list(dict.fromkeys(missing))
    assert missing == [], "\n".join(missing)
