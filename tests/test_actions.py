"""The main window's actions, all from ui/actions.py: menus, keys (each bound once), retranslation."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from helpdesk import customers
from helpdesk.customers import Draft
from tests.helpers import signed_in_window
from ui.actions import ACTIONS, MENUS, Act


def _keys(widget) -> list[str]:
    """Every key a window answers: its actions' and its shortcuts'."""
    keys = [action.shortcut().toString() for action in widget.actions() if not action.shortcut().isEmpty()]
    keys += [s.key().toString() for s in widget.findChildren(QShortcut) if s.parent() is widget and s.isEnabled()]
    return keys


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_menus_are_the_registry_in_its_order_and_in_the_language_chosen(app, staff, db_target, qtbot, language):
    from ui import i18n

    i18n.apply_language(app, language)
    window = signed_in_window(staff, db_target, qtbot)
    window.finish_setting_up()
    menus = [action.menu() for action in window.menuBar().actions()]
    assert [menu.title() for menu in menus] == [QApplication.translate("MainWindow", t) for t in MENUS.values()]
    listed = [
        action
        for menu in menus
        for action in menu.actions()
        if not action.isSeparator() and action.objectName() != "lockAction"
    ]
    assert [action.objectName() for action in listed] == [spec.act.object_name for spec in ACTIONS]
    for spec, action in zip(ACTIONS, listed):
        assert action.text() == QApplication.translate("MainWindow", spec.text) and action.isEnabled()
    if language == "fa":
        assert window.main_actions[Act.CALM_DOWN].text() != "Calm an &angry customer"  # translated, not left English
    assert window.main_actions[Act.CALM_DOWN].shortcut() == QKeySequence("F9")
    assert window.main_actions[Act.GO_SETTINGS].shortcut() == QKeySequence("Ctrl+6")
    keys = _keys(window)
    assert len(keys) == len(set(keys))  # no key twice


def test_actions_wait_for_a_sign_in_and_the_texts_follow_a_language_switch(app, db_target, qtbot):
    from helpdesk import config
    from ui import i18n
    from ui.mainwindow import MainWindow

    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    assert not window.main_actions[Act.NEW_CALL].isEnabled() and window.main_actions[Act.ABOUT].isEnabled()
    assert window.main_actions[Act.QUIT].isEnabled()
    english = window.main_actions[Act.NEW_CALL].text()
    i18n.apply_language(app, "fa")
    persian = QApplication.translate("MainWindow", "New &call")
    assert persian != english
    qtbot.waitUntil(lambda: window.main_actions[Act.NEW_CALL].text() == persian)  # Qt posts the language change
    assert window.main_menus["calls"].title() == QApplication.translate("MainWindow", "&Calls")


def test_f9_is_bound_once_and_calms_the_caller_of_the_call_window_it_is_pressed_in(app, staff, db_target, qtbot):
    customer = customers.create(
        staff, Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")])
    )
    window = signed_in_window(staff, db_target, qtbot)
    window.finish_setting_up()
    call = window.start_call("phone", "inbound", customer.id)
    qtbot.waitUntil(call.isActiveWindow, timeout=3000)
    f9 = [key for widget in (window, call) for key in _keys(widget) if key == "F9"]
    assert f9 == ["F9", "F9"]  # one action, answered in both windows
    assert window.main_actions[Act.CALM_DOWN] in call.actions()
    assert [s for s in call.findChildren(QShortcut) if s.key() == QKeySequence("F9")] == []

    QTest.keyClick(call, Qt.Key.Key_F9)
    assert len(window.calm_windows) == 1
    calm_window = window.calm_windows[-1]
    assert calm_window.session.customer_id == customer.id  # about the caller of that call
    qtbot.waitUntil(calm_window.isActiveWindow, timeout=3000)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    QTest.keyClick(window, Qt.Key.Key_F9)  # from the main window: a customer not named yet
    assert len(window.calm_windows) == 2 and window.calm_windows[-1].session.customer_id is None


def test_help_about_opens_the_about_dialog(app, staff, db_target, qtbot, monkeypatch):
    shown = []
    about = types.ModuleType("ui.dialogs.about")
    about.show_about = shown.append
    monkeypatch.setitem(sys.modules, "ui.dialogs.about", about)
    window = signed_in_window(staff, db_target, qtbot)
    help_menu = window.main_menus["help"]
    assert window.main_actions[Act.ABOUT] in help_menu.actions()
    window.main_actions[Act.ABOUT].trigger()
    assert shown == [window]
