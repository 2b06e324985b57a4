"""Settings ▸ This desk's phone, as a person sets it up: typed by keyboard, saved with Ctrl+S, the
file and the credential store checked; problems shown next to their field, nothing typed lost."""

from __future__ import annotations

import json

import keyring
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from helpdesk.telephony import desk
from helpdesk.telephony.desk import DeskPhone
from tests.helpers import signed_in_window


def _focus():
    return QApplication.focusWidget()


def _press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(_focus(), key, modifier)


def _type(text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, _focus(), Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _replace(edit, text: str, qtbot) -> None:
    """Tab-free: click into the field as a person would, select what is there, type over it."""
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: _focus() is edit, timeout=3000)
    _press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _press(Qt.Key.Key_Delete)
    _type(text)


def _open(person, db_target, qtbot):
    from ui.mainwindow import SETTINGS

    window = signed_in_window(person, db_target, qtbot)
    window.show_page(SETTINGS)
    page = window.settings_page
    page.office_tabs.setCurrentWidget(page.phone_settings)
    phone = page.phone_settings
    window.activateWindow()  # as the window manager does (offscreen, a supervisor's window may lose it)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.waitUntil(lambda: _focus() is phone.source, timeout=3000)  # the first field has the focus
    return window, phone


def test_a_desk_connects_to_asterisk_by_keyboard(app, staff, db_target, qtbot, credential_store):
    """Staff (not only supervisors) set their own desk's phone."""
    window, page = _open(staff, db_target, qtbot)
    assert page.isVisible() and window.settings_page.office_box.isHidden()
    _press(Qt.Key.Key_Down)  # None -> Asterisk Manager Interface
    assert page.source.currentData() == "ami" and page.host.isVisible() and not page.address.isVisible()
    _replace(page.extension, "201", qtbot)
    _replace(page.host, "pbx.office.lan", qtbot)
    _replace(page.port, "5039", qtbot)
    _replace(page.username, "helpdesk", qtbot)
    _replace(page.password, "s3cret-Ami", qtbot)
    assert page.password.echoMode() == page.password.EchoMode.Password
    with qtbot.waitSignal(page.saved, timeout=3000) as saved:
        _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    expected = DeskPhone(source="ami", host="pbx.office.lan", port=5039, username="helpdesk", extension="201")
    assert saved.args == [expected]
    assert desk.load() == expected
    assert credential_store.passwords[("helpdesk", "ami_password")] == "s3cret-Ami"
    assert b"s3cret" not in desk.path().read_bytes()
    assert page.status.text() == "Saved." and page.password.text() == ""
    assert page.password_note.text() == (
        "A password is kept in the system's credential store. Leave this blank to keep it."
    )
    # A blank password keeps the stored one.
    _replace(page.port, "5038", qtbot)
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.load().port == 5038 and desk.secret("ami_password") == "s3cret-Ami"


def test_a_bad_port_is_said_next_to_it_and_the_text_stays(app, staff, db_target, qtbot):
    _window, page = _open(staff, db_target, qtbot)
    _press(Qt.Key.Key_Down)
    _replace(page.port, "70000", qtbot)
    _replace(page.extension, "2O1", qtbot)
    _replace(page.host, "", qtbot)
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    errors = page.fields.errors
    assert errors["host"].text() == "This is required." and errors["host"].isVisible()
    assert errors["port"].text() == "Use a number from 1 to 65535." and errors["port"].isVisible()
    assert errors["extension"].text() == "An extension has digits only, for example 201."
    assert page.port.text() == "70000" and page.extension.text() == "2O1"
    assert _focus() is page.extension  # the first field with a problem, top to bottom
    assert not desk.path().exists() and page.status.text() == ""
    _replace(page.port, "abc", qtbot)
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert errors["port"].text() == "Use a number from 1 to 65535." and page.port.text() == "abc"


def test_without_a_credential_store_the_password_is_not_lost(app, staff, db_target, qtbot):
    _window, page = _open(staff, db_target, qtbot)
    _press(Qt.Key.Key_Down)
    _replace(page.username, "helpdesk", qtbot)
    _replace(page.password, "s3cret-Ami", qtbot)
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    finally:
        keyring.set_keyring(before)
    message = page.fields.errors["password"]
    assert message.isVisible() and message.text().startswith("This computer has no credential store")
    assert page.password.text() == "s3cret-Ami" and page.username.text() == "helpdesk"
    assert not desk.path().exists()


def test_the_listener_address_is_shown_with_its_token_and_copied(app, supervisor, db_target, qtbot):
    _window, page = _open(supervisor, db_target, qtbot)
    _press(Qt.Key.Key_Down)
    _press(Qt.Key.Key_Down)  # Zammad-compatible listener
    assert page.source.currentData() == "cti" and page.address.isVisible() and not page.host.isVisible()
    assert page.address.text() == "" and not page.copy_button.isEnabled()
    _replace(page.listen_port, "8800", qtbot)
    with qtbot.waitSignal(page.saved, timeout=3000):
        _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    token = desk.secret("cti_token")
    assert token and page.address.text() == f"http://127.0.0.1:8800/api/v1/cti/{token}"
    assert token not in desk.path().read_text(encoding="utf-8")
    page.copy_button.click()
    assert QApplication.clipboard().text() == page.address.text()
    assert json.loads(desk.path().read_text(encoding="utf-8"))["listen_port"] == 8800


def test_in_persian_with_persian_digits(persian, staff, db_target, qtbot, credential_store):
    desk.save(DeskPhone(source="ami", host="10.0.0.5", username="helpdesk"))
    _window, page = _open(staff, db_target, qtbot)
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.host.layoutDirection() == Qt.LayoutDirection.LeftToRight  # a host reads left to right
    assert page.port.text() == "۵۰۳۸"
    assert page.source.currentText().startswith("رابط مدیریت")
    _replace(page.port, "۷۰۰۰۰", qtbot)
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.fields.errors["port"].text() == "عددی از ۱ تا ۶۵۵۳۵ بنویسید."
    assert page.port.text() == "۷۰۰۰۰"
    _replace(page.port, "۵۰۳۹", qtbot)
    _replace(page.extension, "۲۰۱", qtbot)
    with qtbot.waitSignal(page.saved, timeout=3000):
        _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.load() == DeskPhone(source="ami", host="10.0.0.5", port=5039, username="helpdesk", extension="201")
    assert page.status.text() == "ذخیره شد."


def test_without_a_phone_system_the_desk_still_names_its_extension(app, staff, db_target, qtbot):
    """The ``ring`` command and the demo's calls name an extension: the desk says which is its own.
    A field the chosen source does not use never stops the save."""
    _window, page = _open(staff, db_target, qtbot)
    assert page.source.currentData() == "none"
    assert page.extension.isVisible() and not page.host.isVisible() and not page.address.isVisible()
    assert not page.advanced.isVisible()
    page.port.setText("not a port")  # hidden: left from another source
    _replace(page.extension, "305", qtbot)
    with qtbot.waitSignal(page.saved, timeout=3000) as saved:
        _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [DeskPhone(extension="305")] and desk.load() == DeskPhone(extension="305")
