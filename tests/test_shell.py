"""The shell as a person meets it: first run, sign-in, the main window, settings, languages."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from helpdesk import accounts, config, migrations
from helpdesk import db as dbmod
from helpdesk.models import Staff
from ui.app import Controller
from ui.dialogs.sign_in import FirstRunDialog, SignInDialog
from ui.mainwindow import MainWindow


def _fill(qtbot, widget, text):
    widget.clear()
    qtbot.keyClicks(widget, text)


def _start(app, db_target, qtbot) -> Controller:
    """As the app starts: the window at once, then the database, then the dialog over the window."""
    controller = Controller(app, db_target)
    window = controller.start()
    qtbot.addWidget(window)
    assert window.isVisible() and window.staff is None and not window.nav.isEnabled()
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    assert controller.dialog.parent() is window
    return controller


def test_first_run_creates_the_supervisor_and_opens_the_main_window(app, db_target, qtbot):
    controller = _start(app, db_target, qtbot)
    dialog = controller.dialog
    assert isinstance(dialog, FirstRunDialog)
    _fill(qtbot, dialog.full_name, "Sara Supervisor")
    _fill(qtbot, dialog.username, "sara")
    _fill(qtbot, dialog.password, "correct horse")
    _fill(qtbot, dialog.confirm, "correct horse battery")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Create account"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    # The mismatch is shown next to the second password, and nothing typed is lost.
    assert dialog.fields.errors["confirm"].isVisible()
    assert dialog.fields.errors["confirm"].text() == "The two passwords are not the same."
    assert dialog.full_name.text() == "Sara Supervisor" and dialog.username.text() == "sara"
    assert not accounts.has_accounts()

    _fill(qtbot, dialog.confirm, "correct horse")
    dialog._submit()
    window = controller.window
    assert isinstance(window, MainWindow) and window.isVisible() and window.staff is not None
    assert not dialog.isVisible() and window.nav.isEnabled()
    assert Staff.get(Staff.username == "sara").role == "supervisor"
    assert window.user_label.text() == "Signed in as Sara Supervisor (Supervisor)"
    assert window.database_label.text() == f"Database: \u2066{config.describe(db_target)}\u2069"
    dbmod.close()


def test_first_run_shows_each_problem_next_to_its_field(app, db_target, qtbot):
    controller = _start(app, db_target, qtbot)
    dialog = controller.dialog
    _fill(qtbot, dialog.full_name, "Sara")
    _fill(qtbot, dialog.username, "sara k")
    _fill(qtbot, dialog.password, "short")
    _fill(qtbot, dialog.confirm, "short")
    dialog._submit()
    assert dialog.fields.errors["username"].isVisible()
    assert "without spaces" in dialog.fields.errors["username"].text()
    _fill(qtbot, dialog.username, "sara")
    dialog._submit()
    assert not dialog.fields.errors["username"].isVisible()
    assert dialog.fields.errors["password"].text() == "Use at least 8 characters."
    assert dialog.isVisible() and controller.window.staff is None
    dbmod.close()


def test_sign_in_keeps_the_name_and_locks_after_five_wrong_passwords(app, db_target, qtbot):
    migrations.open_and_migrate(db_target)
    accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    dbmod.close()
    controller = _start(app, db_target, qtbot)
    dialog = controller.dialog
    assert isinstance(dialog, SignInDialog)
    _fill(qtbot, dialog.username, "boss")
    for _ in range(4):
        _fill(qtbot, dialog.password, "wrong one")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.message.text() == "The user name or password is not right."
        assert dialog.username.text() == "boss" and dialog.password.text() == "wrong one"
    _fill(qtbot, dialog.password, "wrong one")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.message.text().startswith("Too many wrong passwords. This account is locked until")
    _fill(qtbot, dialog.password, "correct horse")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "locked" in dialog.message.text() and controller.window.staff is None
    dbmod.close()


def test_sign_out_returns_to_sign_in_with_the_name_filled(app, supervisor, db_target, qtbot):
    controller = Controller(app, db_target)
    window = controller.show_window()
    qtbot.addWidget(window)
    controller.signed_in(supervisor)
    window.show_page(5)
    assert window.settings_page.model.rowCount() == 1
    window.sign_out_action.trigger()
    # The window stays; what was built for the person is gone, and the name is filled in again.
    assert controller.window is window and window.staff is None and not window.nav.isEnabled()
    assert all(page is None for page in window._pages)
    assert isinstance(controller.dialog, SignInDialog) and controller.dialog.isVisible()
    assert controller.dialog.username.text() == "boss"
    assert window.user_label.text() == "Not signed in"


def _window(staff, db_target, qtbot) -> MainWindow:
    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    window.sign_in(staff)
    return window


def test_navigation_by_keyboard(app, supervisor, db_target, qtbot):
    window = _window(supervisor, db_target, qtbot)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings_page
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentItem().text() == "Customers"


def test_staff_do_not_see_account_management(app, staff, db_target, qtbot):
    window = _window(staff, db_target, qtbot)
    assert window.settings_page.accounts_box.isHidden()
    assert window.user_label.text() == "Signed in as Reza Desk (Front-desk staff)"


def test_supervisor_creates_an_account_in_settings(app, supervisor, db_target, qtbot):
    window = _window(supervisor, db_target, qtbot)
    page = window.settings_page
    assert page.model.rowCount() == 1
    dialog = page.new_account()
    _fill(qtbot, dialog.full_name, "Ali Desk")
    _fill(qtbot, dialog.username, "boss")
    _fill(qtbot, dialog.password, "password123")
    _fill(qtbot, dialog.confirm, "password123")
    dialog._submit()
    assert dialog.fields.errors["username"].text() == "This user name is already taken."
    _fill(qtbot, dialog.username, "ali")
    dialog._submit()
    assert not dialog.isVisible()
    assert page.model.rowCount() == 2
    names = {page.model.index(r, 1).data() for r in range(2)}
    assert names == {"boss", "ali"}


def test_refusal_is_shown_not_swallowed(app, supervisor, db_target, qtbot, monkeypatch):
    window = _window(supervisor, db_target, qtbot)
    page = window.settings_page
    page.select_row(0)
    page.toggle_role()  # the only supervisor may not step down
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("At least one active supervisor must remain" in b.text() for b in boxes)
    assert Staff.get_by_id(supervisor.id).role == "supervisor"
    for box in boxes:
        box.close()


def test_persian_turns_the_interface_right_to_left(persian, supervisor, db_target, qtbot):
    window = _window(supervisor, db_target, qtbot)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert [window.nav.item(i).text() for i in range(6)] == [
        "پیشخوان",
        "مشتریان",
        "تماس‌ها",
        "شکایت‌ها",
        "گزارش‌ها",
        "تنظیمات",
    ]
    assert window.user_label.text() == "واردشده: \u2068Sara Supervisor\u2069 (سرپرست)"  # the Latin name isolated
    page = window.settings_page
    page.select_row(0)
    assert page.selected().id == supervisor.id and page.reset_button.isEnabled()
    created = page.model.index(0, 4).data()
    assert created.startswith("۱۴") and "/" in created  # a Jalali date in Persian digits
    assert "Vazirmatn" in QApplication.font().families()


def test_changing_language_in_settings_rebuilds_the_window(app, supervisor, db_target, qtbot):
    controller = Controller(app, db_target)
    window = controller.show_window()
    qtbot.addWidget(window)
    controller.signed_in(supervisor)
    combo = window.settings_page.language
    combo.setCurrentIndex(combo.findData("fa"))
    combo.activated.emit(combo.currentIndex())
    new = controller.window
    qtbot.addWidget(new)
    assert new is not window and new.windowTitle() == "میز خدمت مشتریان"
    assert new.isRightToLeft()
    from ui import i18n

    assert i18n.chosen_language() == "fa"


def test_database_from_a_newer_version_is_explained(app, db_target, qtbot):
    database, _ = migrations.open_and_migrate(db_target)
    database.execute_sql(
        f"INSERT INTO schema_version (version, applied_at) VALUES ({migrations.LATEST + 5}, '2030-01-01 00:00:00')"
    )
    dbmod.close()
    controller = Controller(app, db_target)
    qtbot.addWidget(controller.show_window())
    assert not controller.open_database()
    box = controller.error_box
    assert f"schema {migrations.LATEST + 5}" in box.text() and "has not been changed" in box.text()


def test_window_geometry_is_remembered(app, supervisor, db_target, qtbot):
    window = _window(supervisor, db_target, qtbot)
    window.show()
    window.resize(760, 540)  # the offscreen screen is 800 x 600
    window.close()
    again = _window(supervisor, db_target, qtbot)
    assert (again.width(), again.height()) == (760, 540)


def test_supervisor_deactivates_and_resets_from_settings(app, supervisor, staff, db_target, qtbot, monkeypatch):
    from ui import prompts

    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or True)
    window = _window(supervisor, db_target, qtbot)
    page = window.settings_page
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 1).data() == "desk1")
    page.select_row(row)
    assert page.active_button.text() == "Deactivate"
    page.active_button.click()
    assert asked and "Reza Desk" in asked[0]
    assert not Staff.get_by_id(staff.id).active
    assert page.selected().id == staff.id and page.active_button.text() == "Activate"
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 1).data() == "desk1")
    assert page.model.index(row, 3).data() == "Deactivated"  # and listed after the active accounts
    assert row == page.model.rowCount() - 1

    dialog = page.reset_password()
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog.password, "brand new pass")
    _fill(qtbot, dialog.confirm, "brand new pass")
    dialog._submit()
    assert not dialog.isVisible()
    accounts.set_active(supervisor, staff.id, True)
    assert accounts.authenticate("desk1", "brand new pass").id == staff.id


def test_supervisor_keeps_the_lost_reasons_and_the_phone_country(app, supervisor, db_target, qtbot):
    from helpdesk import customers, settings

    window = _window(supervisor, db_target, qtbot)
    office = window.settings_page.office_box
    reasons = office.reasons
    assert reasons.model.rowCount() == 6 and reasons.model.index(0).data() == "Staff indifference"
    reasons.add()
    # Both names are missing: both messages at once, each under its field.
    assert reasons.errors["name_en"].text() == "This is required."
    assert reasons.errors["name_fa"].text() == "This is required."
    reasons.name_en.setText("Price")
    reasons.name_fa.setText("قیمت")
    reasons.name_fa.setFocus()
    qtbot.keyClick(reasons.name_fa, Qt.Key.Key_Return)  # Enter adds it
    assert reasons.errors["name_en"].isHidden()
    assert reasons.model.index(6).data() == "Price" and reasons.name_en.text() == ""
    reasons.view.setCurrentIndex(reasons.model.index(6))
    reasons.toggle()
    assert "Price" not in [r.name_en for r in customers.lost_reasons()]
    office.region.setCurrentIndex(office.region.findData("GB"))
    office.region.activated.emit(office.region.currentIndex())
    assert settings.phone_region() == "GB"


def test_staff_do_not_see_office_settings(app, staff, db_target, qtbot):
    window = _window(staff, db_target, qtbot)
    assert window.settings_page.office_box.isHidden()


def _type(text):
    from PySide6.QtTest import QTest

    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, QApplication.focusWidget(), Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def _press(key, modifier=Qt.KeyboardModifier.NoModifier):
    from PySide6.QtTest import QTest

    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def test_first_run_shows_every_problem_at_once_next_to_its_field(app, db_target, qtbot):
    controller = _start(app, db_target, qtbot)
    dialog = controller.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.full_name  # typing starts with the name
    _press(Qt.Key.Key_Tab)
    _type("sara k")
    _press(Qt.Key.Key_Tab)
    _type("short")
    _press(Qt.Key.Key_Tab)
    _type("other")
    _press(Qt.Key.Key_Return)  # one submit tells all four rules
    errors = dialog.fields.errors
    assert errors["full_name"].text() == "This is required."
    assert "without spaces" in errors["username"].text()
    assert errors["password"].text() == "Use at least 8 characters."
    assert errors["confirm"].text() == "The two passwords are not the same."
    assert all(errors[name].isVisible() for name in ("full_name", "username", "password", "confirm"))
    assert QApplication.focusWidget() is dialog.full_name  # the first one to fix
    assert (dialog.username.text(), dialog.password.text(), dialog.confirm.text()) == ("sara k", "short", "other")
    _type("Sara Supervisor")
    for _field, text in (("username", "sara"), ("password", "correct horse"), ("confirm", "correct horse")):
        _press(Qt.Key.Key_Tab)
        _press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _type(text)
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves here too
    assert controller.window.staff is not None and controller.window.staff.username == "sara"
    dbmod.close()


def test_the_lockout_message_wraps_in_its_own_row_without_squeezing_the_fields(app, db_target, qtbot):
    migrations.open_and_migrate(db_target)
    accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    dbmod.close()
    controller = _start(app, db_target, qtbot)
    dialog = controller.dialog
    heights = (dialog.username.height(), dialog.password.height())
    assert min(heights) >= dialog.username.sizeHint().height()
    _fill(qtbot, dialog.username, "boss")
    for _ in range(5):
        _fill(qtbot, dialog.password, "wrong one")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "locked" in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert (dialog.username.height(), dialog.password.height()) == heights
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())
    assert dialog.message.geometry().top() >= dialog.password.mapTo(dialog, dialog.password.rect().bottomLeft()).y()
    dbmod.close()


def test_a_language_switch_asks_nothing_and_keeps_the_open_calm_session_and_call(
    app, supervisor, db_target, qtbot, monkeypatch
):
    from ui import prompts

    # A calm-down session was interrupted at the last sign-in: offered once, at this sign-in.
    controller = Controller(app, db_target)
    first = controller.show_window()  # replaced (and deleted) at the first switch: not given to qtbot
    controller.signed_in(supervisor)
    calm = first.start_calm()
    calm.put_away()
    first.sign_out()
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, *a, **kw: asked.append(title) or True)
    controller.signed_in(supervisor)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert len(first.calm_windows) == 1
    draft_id = first.calm_windows[0].draft_id
    call = first.start_call()
    call_draft = call.draft_id

    for language in ("fa", "en", "fa"):  # three switches: not one question
        old = controller.window
        combo = old.settings_page.language
        combo.setCurrentIndex(combo.findData(language))
        combo.activated.emit(combo.currentIndex())
        new = controller.window
        assert new is not old
        qtbot.wait(50)
        # The open session and call come along to the new window, in the new language.
        assert [w.draft_id for w in new.calm_windows] == [draft_id]
        assert [w.draft_id for w in new.call_windows] == [call_draft]
        assert all(w.isVisible() for w in new.calm_windows + new.call_windows)
    assert len(asked) == 1
    qtbot.addWidget(controller.window)


def test_window_titles_are_persian_in_persian(persian, staff, db_target, qtbot):
    """Qt puts the application's display name after every window title ("مشتری جدید — Help desk")."""
    from ui import i18n
    from ui.dialogs.accounts import NewAccountDialog
    from ui.dialogs.customer_form import CustomerForm

    assert QApplication.applicationDisplayName() == "میز خدمت مشتریان"
    window = _window(staff, db_target, qtbot)
    assert window.windowTitle() == "میز خدمت مشتریان"
    form = CustomerForm(staff)
    qtbot.addWidget(form)
    assert form.windowTitle() == "مشتری جدید"
    dialog = NewAccountDialog(staff)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "حساب جدید"
    first_run = FirstRunDialog(config.describe(db_target))
    qtbot.addWidget(first_run)
    assert first_run.windowTitle() == "به میز خدمت مشتریان خوش آمدید"
    i18n.apply_language(persian, "en")
    assert QApplication.applicationDisplayName() == "Help desk"


def test_qt_file_dialog_speaks_persian(persian, qtbot):
    """Qt's own file dialog (used where the system has none) has no English label left in Persian."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    dialog = QFileDialog(None, "درون‌ریزی مشتریان", "", "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton) if w.isVisible()]
    assert texts and not [t for t in texts if any("a" <= c.lower() <= "z" for c in t)], texts


def test_enter_after_the_user_name_asks_for_the_password_without_spending_an_attempt(app, db_target, qtbot):
    migrations.open_and_migrate(db_target)
    accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    dbmod.close()
    controller = _start(app, db_target, qtbot)
    dialog = controller.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.username
    _type("boss")
    _press(Qt.Key.Key_Return)
    assert dialog.fields.errors["password"].text() == "This is required."
    assert QApplication.focusWidget() is dialog.password
    assert Staff.get(Staff.username == "boss").failed_attempts == 0
    _type("correct horse")
    _press(Qt.Key.Key_Return)
    assert controller.window.staff is not None
    dbmod.close()


def test_settings_scroll_rather_than_squeeze_and_the_country_reads_left_to_right(persian, supervisor, db_target, qtbot):
    window = _window(supervisor, db_target, qtbot)
    window.resize(1100, 700)
    with qtbot.waitActive(window):
        window.show()
    page = window.settings_page
    window.show_page(5)
    qtbot.waitUntil(page.table.isVisible)
    assert page.table.height() >= 150  # the accounts are not squeezed to a row or two
    office = page.office_box
    assert office.region.currentText() == "\u2066IR (+98)\u2069"
    office.reasons.name_en.setFocus()
    qtbot.keyClick(office.reasons.name_en, Qt.Key.Key_Tab)  # Tab far down the page scrolls it into view
    assert QApplication.focusWidget() is office.reasons.name_fa
    qtbot.waitUntil(lambda: office.reasons.name_fa.visibleRegion().boundingRect().height() > 0)


def test_a_language_switch_keeps_an_open_complaint_and_the_comment_being_typed(app, supervisor, db_target, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from helpdesk import complaints

    raised = complaints.create(
        supervisor,
        complaints.ComplaintDraft(
            description="The parcel came late", category_id=complaints.categories()[0].id, assignee_id=supervisor.id
        ),
    )
    controller = Controller(app, db_target)
    controller.show_window()
    controller.signed_in(supervisor)
    opened = controller.window.open_complaint(raised.id)
    for ch in "Called the courier":
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, opened.comment, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
    opened.to_customer.setChecked(True)
    old = controller.window
    combo = old.settings_page.language
    combo.setCurrentIndex(combo.findData("fa"))
    combo.activated.emit(combo.currentIndex())
    new = controller.window
    assert new is not old
    [carried] = new.complaint_windows
    assert carried.isVisible() and carried.complaint_id == raised.id
    assert carried.comment.toPlainText() == "Called the courier" and carried.to_customer.isChecked()
    qtbot.addWidget(new)
