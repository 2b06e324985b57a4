import json
from datetime import timedelta

import pytest

from helpdesk import accounts, audit
from helpdesk.clock import utcnow
from helpdesk.errors import (
    AccountInactive,
    AccountInUse,
    AccountLocked,
    AuthenticationFailed,
    PermissionDenied,
    ValidationError,
)
from helpdesk.models import AuditEntry, Customer, Staff


def test_first_supervisor_only_on_empty_database(db):
    assert not accounts.has_accounts()
    boss = accounts.create_first_supervisor("Boss", "Sara Supervisor", "correct horse")
    assert boss.role == "supervisor" and boss.username == "boss"
    with pytest.raises(PermissionDenied):
        accounts.create_first_supervisor("second", "Someone Else", "another password")
    assert Staff.select().count() == 1


def test_password_is_stored_as_argon2id(supervisor):
    stored = Staff.get_by_id(supervisor.id).password_hash
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored


def test_sign_in_with_right_and_wrong_password(supervisor):
    assert accounts.authenticate("BOSS ", "correct horse").id == supervisor.id
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("boss", "wrong")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("nobody", "correct horse")


def test_five_wrong_passwords_lock_the_account_for_five_minutes(supervisor):
    now = utcnow()
    for attempt in range(4):
        with pytest.raises(AuthenticationFailed) as info:
            accounts.authenticate("boss", "wrong", now=now)
        assert info.value.params["remaining"] == 4 - attempt
    with pytest.raises(AccountLocked):
        accounts.authenticate("boss", "wrong", now=now)
    # Even the right password is refused while locked.
    with pytest.raises(AccountLocked):
        accounts.authenticate("boss", "correct horse", now=now + timedelta(minutes=4, seconds=59))
    stored = Staff.get_by_id(supervisor.id)
    assert stored.locked_until == now + timedelta(minutes=5)
    # After five minutes the right password works again and the count starts over.
    assert accounts.authenticate("boss", "correct horse", now=now + timedelta(minutes=5, seconds=1)).id == supervisor.id
    stored = Staff.get_by_id(supervisor.id)
    assert stored.failed_attempts == 0 and stored.locked_until is None


def test_staff_is_refused_supervisor_services(staff, supervisor):
    with pytest.raises(PermissionDenied):
        accounts.create_account(staff, "desk2", "Ali Desk", "staff", "password123")
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(staff)
    with pytest.raises(PermissionDenied):
        accounts.set_active(staff, supervisor.id, False)
    with pytest.raises(PermissionDenied):
        accounts.reset_password(staff, supervisor.id, "new password")
    with pytest.raises(PermissionDenied):
        accounts.change_role(staff, staff.id, "supervisor")
    with pytest.raises(PermissionDenied):
        accounts.delete_account(staff, supervisor.id)
    assert Staff.get_by_id(staff.id).role == "staff"
    assert Staff.select().count() == 2


def test_supervisor_manages_accounts(supervisor, staff):
    accounts.change_role(supervisor, staff.id, "supervisor")
    assert Staff.get_by_id(staff.id).role == "supervisor"
    accounts.reset_password(supervisor, staff.id, "brand new pass")
    assert accounts.authenticate("desk1", "brand new pass").id == staff.id
    accounts.set_active(supervisor, staff.id, False)
    with pytest.raises(AccountInactive):
        accounts.authenticate("desk1", "brand new pass")


def test_last_active_supervisor_cannot_be_removed(supervisor, staff):
    with pytest.raises(PermissionDenied):
        accounts.set_active(supervisor, supervisor.id, False)
    with pytest.raises(PermissionDenied):
        accounts.change_role(supervisor, supervisor.id, "staff")
    assert Staff.get_by_id(supervisor.id).active


def test_account_with_records_can_only_be_deactivated(supervisor, staff):
    Customer.create(given_name="Maryam", family_name="Ahmadi", created_by=staff, updated_by=staff)
    with pytest.raises(AccountInUse):
        accounts.delete_account(supervisor, staff.id)
    assert Staff.get_or_none(Staff.id == staff.id) is not None
    accounts.set_active(supervisor, staff.id, False)
    assert not Staff.get_by_id(staff.id).active


def test_unused_account_can_be_deleted(supervisor):
    temp = accounts.create_account(supervisor, "temp", "Temp Person", "staff", "password123")
    accounts.delete_account(supervisor, temp.id)
    assert Staff.get_or_none(Staff.id == temp.id) is None
    entry = AuditEntry.select().where(AuditEntry.action == "delete").get()
    assert json.loads(entry.before)["username"] == "temp" and entry.after is None


def test_every_change_is_audited_with_before_and_after(supervisor, staff):
    accounts.change_role(supervisor, staff.id, "supervisor")
    entries = audit.history(staff)
    assert [e.action for e in entries] == ["create", "update"]
    change = entries[-1]
    assert change.actor.id == supervisor.id
    assert json.loads(change.before)["role"] == "staff"
    assert json.loads(change.after)["role"] == "supervisor"
    assert json.loads(entries[0].after)["password_hash"] == audit.REDACTED


@pytest.mark.parametrize(
    "username, full_name, password, field, code",
    [
        ("", "Name", "password123", "username", "required"),
        ("a b", "Name", "password123", "username", "username_format"),
        ("newone", "  ", "password123", "full_name", "required"),
        ("newone", "Name", "short", "password", "password_short"),
        ("desk1", "Name", "password123", "username", "username_taken"),
    ],
)
def test_bad_account_input_names_the_field(supervisor, staff, username, full_name, password, field, code):
    with pytest.raises(ValidationError) as info:
        accounts.create_account(supervisor, username, full_name, "staff", password)
    assert (info.value.field, info.value.code) == (field, code)


def test_change_own_password_checks_the_current_one(staff):
    with pytest.raises(ValidationError) as info:
        accounts.change_own_password(staff, "not it", "another password")
    assert info.value.field == "current_password"
    accounts.change_own_password(staff, "desk password", "another password")
    assert accounts.authenticate("desk1", "another password").id == staff.id


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_new_account_by_keyboard_shows_every_problem_at_once(lang, app, supervisor, db_target, qtbot):
    """From Settings: the dialog opens on the full name; one Ctrl+S shows every problem next to its
    field; nothing typed is lost; after the fixes Ctrl+S creates the account."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from helpdesk import config
    from helpdesk.models import Staff
    from ui import i18n
    from ui.mainwindow import SETTINGS, MainWindow

    i18n.apply_language(app, lang)

    def typed(text):
        for ch in text:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                QApplication.focusWidget(),
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(QApplication.focusWidget(), key, modifier)

    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    window.sign_in(supervisor)
    window.show_page(SETTINGS)
    dialog = window.settings_page.new_account()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.full_name
    press(Qt.Key.Key_Tab)
    typed("neda a")
    press(Qt.Key.Key_Tab)  # the role
    press(Qt.Key.Key_Tab)
    typed("short")
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    shown = {name for name, label in dialog.fields.errors.items() if label.isVisible()}
    assert shown == {"full_name", "username", "password", "confirm"}
    assert QApplication.focusWidget() is dialog.full_name
    assert (dialog.username.text(), dialog.password.text()) == ("neda a", "short")
    typed("ندا امینی")
    press(Qt.Key.Key_Tab)  # Tab selects what the field holds: End keeps it
    press(Qt.Key.Key_End)
    press(Qt.Key.Key_Backspace)
    press(Qt.Key.Key_Backspace)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_End)
    typed(" enough")
    press(Qt.Key.Key_Tab)
    typed("short enough")
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    created = Staff.get(Staff.username == "neda")
    assert created.full_name == "ندا امینی" and created.role == "staff"


def test_password_dialogs_open_where_typing_goes_and_show_every_problem_at_once(app, supervisor, staff, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.dialogs.accounts import ChangeOwnPasswordDialog, ResetPasswordDialog

    mine = ChangeOwnPasswordDialog(supervisor)
    qtbot.addWidget(mine)
    mine.show()
    qtbot.waitUntil(mine.isActiveWindow)
    assert QApplication.focusWidget() is mine.current
    QTest.keyClick(mine.current, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    shown = {name for name, label in mine.fields.errors.items() if label.isVisible()}
    assert shown == {"current_password", "new_password"}
    mine.done(0)

    reset = ResetPasswordDialog(supervisor, staff)
    qtbot.addWidget(reset)
    reset.show()
    qtbot.waitUntil(reset.isActiveWindow)
    assert QApplication.focusWidget() is reset.password
    QTest.keyClicks(reset.password, "short")
    QTest.keyClick(reset.password, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    shown = {name for name, label in reset.fields.errors.items() if label.isVisible()}
    assert shown == {"password", "confirm"}
    assert reset.password.text() == "short"
    reset.password.clear()
