"""The desk locks itself (issue 14, item 7): idle minutes or Ctrl+L cover every window of the app; the
same person unlocks and finds everything as it was; another person signs in and the first one's
work is kept for them. The idle clock is the lock's own (``DeskLock.clock``): the tests move it."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from helpdesk import accounts, customers, settings
from helpdesk.customers import Draft
from helpdesk.errors import PermissionDenied, ValidationError
from ui.app import Controller
from ui.dialogs.call_window import CallWindow
from ui.lock import KEPT_KIND

SECRET_NAME = "Yasaman"
SECRET_FAMILY = "Zandieh"
SECRET_PHONE = "0912 345 6789"
SECRET_NOTE = "wants refund 4471"


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _press(widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)


def _enter(qtbot, lock) -> None:
    """Enter in the lock screen; the answer comes from the event loop."""
    screen = lock.screen
    QTest.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked or screen.message.isVisible())


def _desk(app, db_target, qtbot, person) -> tuple[Controller, FakeClock]:
    controller = Controller(app, db_target)
    window = controller.show_window()
    qtbot.addWidget(window)
    controller.signed_in(person)
    qtbot.wait(1)  # the offer of unfinished calls, from the event loop: none
    _desks.append(controller.lock)
    clock = FakeClock()
    controller.lock.clock = clock
    controller.lock.last_input = clock()
    return controller, clock


_desks = []


@pytest.fixture(autouse=True)
def _one_lock_at_a_time():
    """A test's lock stops watching the application when the test ends."""
    yield
    while _desks:
        _desks.pop().stop()


def _customer(actor):
    return customers.create(
        actor,
        Draft(given_name=SECRET_NAME, family_name=SECRET_FAMILY, phones=[("mobile", SECRET_PHONE)]),
        confirm_duplicates=True,
    )


def _shown_texts() -> list[str]:
    """Every text a person could see or a screen reader could read, in every window of the app."""
    found = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        found += [top.windowTitle(), top.accessibleName(), top.accessibleDescription()]
        for widget in [top] + top.findChildren(QWidget):
            if not widget.isVisible():
                continue
            found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
            if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
                found.append(widget.text())
            elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
                found.append(widget.toPlainText())
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                try:
                    columns = model.columnCount(QModelIndex())
                except TypeError:  # a list model's is private: one column
                    columns = 1
                for row in range(min(model.rowCount(QModelIndex()), 200)):
                    for column in range(columns):
                        found.append(str(model.index(row, column).data()))
        found += _accessible_texts(QAccessible.queryAccessibleInterface(top))
    return [text for text in found if text]


def _accessible_texts(interface, depth: int = 0) -> list[str]:
    """What a screen reader is offered: names and values of the nodes not marked invisible."""
    if interface is None or not interface.isValid() or depth > 40 or interface.state().invisible:
        return []
    texts = [
        interface.text(QAccessible.Text.Name),
        interface.text(QAccessible.Text.Value),
        interface.text(QAccessible.Text.Description),
    ]
    for index in range(interface.childCount()):
        texts += _accessible_texts(interface.child(index), depth + 1)
    return texts


def _secrets_in(texts: list[str]) -> list[str]:
    digits = "".join(SECRET_PHONE.split())
    return [
        text
        for text in texts
        if SECRET_NAME in text
        or SECRET_FAMILY in text
        or SECRET_NOTE in text
        or digits[-7:] in "".join(ch for ch in text if ch.isdigit())
    ]


def _open_everything(controller, person, qtbot):
    """A call running with the customer and notes typed, their profile, and their form being edited."""
    window = controller.window
    customer = _customer(person)
    window.show_page(1)
    window.customers_page.open_customer(customer.id)
    form = window.customers_page.edit_customer(customer.id)
    _type(form.notes, " also " + SECRET_NOTE)
    call = window.start_call(customer_id=customer.id)
    qtbot.waitUntil(lambda: call.isVisible())
    _type(call.notes, SECRET_NOTE)
    return customer, call, form


def test_the_office_setting_is_for_supervisors_and_limited(supervisor, staff):
    assert settings.lock_minutes() == 5
    with pytest.raises(PermissionDenied):
        settings.set_value(staff, "lock_minutes", 10)
    for wrong in (0, 121, "7"):
        with pytest.raises(ValidationError):
            settings.set_value(supervisor, "lock_minutes", wrong)
    settings.set_value(supervisor, "lock_minutes", 12, version=0)
    assert settings.lock_minutes() == 12


def test_a_supervisor_sets_the_minutes_in_settings(app, supervisor, db_target, qtbot):
    controller, _ = _desk(app, db_target, qtbot, supervisor)
    page = controller.window.settings_page
    spin = page.findChild(QWidget, "lockMinutes")
    spin.selectAll()
    qtbot.keyClicks(spin, "15")
    _press(spin, Qt.Key.Key_Return)
    spin.editingFinished.emit()
    settings.forget()
    assert settings.lock_minutes() == 15


def test_idle_minutes_lock_the_desk_and_input_keeps_it_open(app, supervisor, staff, db_target, qtbot):
    settings.set_value(supervisor, "lock_minutes", 2, version=0)
    controller, clock = _desk(app, db_target, qtbot, staff)
    lock = controller.lock
    clock.now += 119
    lock.check()
    assert not lock.locked
    _press(controller.window.nav, Qt.Key.Key_Down)  # a key: the two minutes start again
    clock.now += 119
    lock.check()
    assert not lock.locked
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    # A move Qt makes up itself (as a window opens under the pointer) is not a person at the desk.
    QApplication.sendEvent(
        controller.window.nav,
        QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(3, 3),
            QPointF(3, 3),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    clock.now += 1
    lock.check()
    assert lock.locked
    assert controller.window.windowTitle() == "Locked"
    screen = lock.screen
    assert screen.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.password)
    assert "Reza Desk" in screen.who.text()


def test_locked_desk_shows_no_customer_anywhere(app, supervisor, db_target, qtbot):
    controller, _ = _desk(app, db_target, qtbot, supervisor)
    _customer, call, _form = _open_everything(controller, supervisor, qtbot)
    assert _secrets_in(_shown_texts())  # the test can see them while the desk is open
    assert SECRET_NAME in call.windowTitle()
    _press(call.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L, from the call window
    lock = controller.lock
    assert lock.locked
    assert _secrets_in(_shown_texts()) == []
    assert call.isVisible() and call.windowTitle() == "Locked"
    # Keys go nowhere but the lock screen: F2 starts no call, typing reaches no field behind.
    _press(lock.screen.password, Qt.Key.Key_F2)
    assert controller.window.call_windows == [call]
    _press(call.notes, Qt.Key.Key_X)
    assert call.notes.toPlainText() == SECRET_NOTE


def test_a_wrong_password_is_refused_next_to_the_field_and_nothing_is_lost(app, supervisor, db_target, qtbot):
    controller, _ = _desk(app, db_target, qtbot, supervisor)
    _customer, call, form = _open_everything(controller, supervisor, qtbot)
    _press(call.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    screen = controller.lock.screen
    qtbot.keyClicks(screen.password, "not it")
    _enter(qtbot, controller.lock)
    assert controller.lock.locked
    assert screen.message.isVisible() and screen.message.text()
    assert screen.password.hasFocus()
    assert call.notes.toPlainText() == SECRET_NOTE and SECRET_NOTE in form.notes.toPlainText()
    assert accounts.Staff.get_by_id(supervisor.id).failed_attempts == 1  # counted towards the lock-out


def test_unlocking_brings_back_the_windows_the_typing_and_the_running_call(app, supervisor, db_target, qtbot):
    controller, clock = _desk(app, db_target, qtbot, supervisor)
    _customer, call, form = _open_everything(controller, supervisor, qtbot)
    title = call.windowTitle()
    call.notes.setFocus()
    cursor = call.notes.textCursor()
    cursor.setPosition(4)
    call.notes.setTextCursor(cursor)
    started = call.started_at
    clock.now += 6 * 60
    controller.lock.check()
    assert controller.lock.locked and call.running  # the call goes on behind the lock
    call._tick()
    call.autosave()  # as its timer does, behind the lock too: the draft on the disk has the notes
    [kept] = controller.window.draft_store.unfinished("call", controller.window.location, supervisor.id)
    assert kept["id"] == call.draft_id and kept["content"]["contact"]["notes"] == SECRET_NOTE
    assert kept["content"]["running"]
    screen = controller.lock.screen
    qtbot.keyClicks(screen.password, "correct horse")
    _enter(qtbot, controller.lock)
    assert not controller.lock.locked
    assert call.isVisible() and call.windowTitle() == title and call.running and call.started_at == started
    assert call.notes.toPlainText() == SECRET_NOTE and call.notes.textCursor().position() == 4
    assert form.isVisible() and SECRET_NOTE in form.notes.toPlainText()
    assert controller.window.windowTitle() == "Help desk"
    assert controller.window.centralWidget().isVisible() and controller.window.menuBar().isVisible()
    assert call.timer_label.isVisible() and call.timer_label.text()
    assert _secrets_in(_shown_texts())  # everything readable again


def test_another_person_signs_in_and_the_first_finds_their_work_again(
    app, supervisor, staff, db_target, qtbot, draft_dir
):
    controller, _ = _desk(app, db_target, qtbot, supervisor)
    customer, call, _form = _open_everything(controller, supervisor, qtbot)
    from helpdesk import complaints

    raised = complaints.create(
        supervisor,
        complaints.ComplaintDraft(
            customer_id=customer.id,
            description="Late parcel",
            category_id=complaints.categories()[0].id,
            assignee_id=supervisor.id,
        ),
    )
    complaint = controller.window.open_complaint(raised.id)
    _type(complaint.comment, "Called " + SECRET_NAME)
    draft_id = call.draft_id
    started = call.started_at
    _press(call.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    screen = controller.lock.screen
    _press(screen.other_button, Qt.Key.Key_Space)
    assert screen.username.hasFocus()
    qtbot.keyClicks(screen.username, "desk1")
    qtbot.keyClicks(screen.password, "desk password")
    _enter(qtbot, controller.lock)
    window = controller.window
    assert not controller.lock.locked and window.staff.id == staff.id
    # The first person's windows are gone before the second sees anything; their work is on the disk.
    assert window.call_windows == []
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window] == []
    assert _secrets_in(_shown_texts()) == []
    store = window.draft_store
    assert [d["id"] for d in store.unfinished("call", window.location, supervisor.id)] == [draft_id]
    assert len(store.unfinished(KEPT_KIND, window.location, supervisor.id)) == 3  # the call, form, complaint
    # The first person comes back: the call and the form open as they were, nothing asked.
    window.sign_out()
    controller.signed_in(accounts.authenticate("boss", "correct horse"))
    qtbot.wait(10)  # the offer of unfinished calls runs from the event loop: nothing left to offer
    [again] = window.call_windows
    # Restored as any kept call is: from its start to when it was put away, for them to check and save.
    assert again.draft_id == draft_id and again.started_at == started
    assert again.notes.toPlainText() == SECRET_NOTE
    forms = [f for f in window.customers_page.forms if f.isVisible()]
    assert len(forms) == 1 and SECRET_NOTE in forms[0].notes.toPlainText()
    assert forms[0].customer_id == customer.id
    [reopened] = window.complaint_windows
    assert reopened.complaint_id == raised.id and reopened.comment.toPlainText() == "Called " + SECRET_NAME
    assert store.unfinished(KEPT_KIND, window.location, supervisor.id) == []


def test_a_window_opened_while_locked_is_covered_too(app, supervisor, db_target, qtbot):
    controller, _ = _desk(app, db_target, qtbot, supervisor)
    customer = _customer(supervisor)
    _press(controller.window.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.lock.locked
    late = CallWindow(
        supervisor,
        controller.window.location,
        controller.window.draft_store,
        customer_id=customer.id,
        parent=controller.window,
    )
    late.show()
    assert _secrets_in(_shown_texts()) == []
    late.finished_ok = True
    late.close()


def test_a_modal_form_takes_the_lock_screen_and_keeps_its_text(app, supervisor, db_target, qtbot):
    controller, _ = _desk(app, db_target, qtbot, supervisor)
    customer = _customer(supervisor)
    dialog = controller.window.new_complaint(customer.id)
    qtbot.waitUntil(dialog.isVisible)
    description = dialog.findChild(QPlainTextEdit)
    _type(description, SECRET_NOTE)
    _press(description, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = controller.lock
    assert lock.locked and lock.host.window is dialog  # the modal form would block the main window's keys
    assert _secrets_in(_shown_texts()) == []
    _press(lock.screen.password, Qt.Key.Key_Escape)  # does not close the form under the lock
    assert dialog.isVisible()
    qtbot.keyClicks(lock.screen.password, "correct horse")
    _enter(qtbot, lock)
    assert not lock.locked and dialog.isVisible() and description.toPlainText() == SECRET_NOTE
    assert dialog.windowTitle() == "New complaint"
    dialog.done(0)


def test_a_title_changed_behind_the_lock_is_kept_for_later(app, supervisor, db_target, qtbot):
    controller, _ = _desk(app, db_target, qtbot, supervisor)
    _customer, call, _form = _open_everything(controller, supervisor, qtbot)
    _press(call.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    call.setWindowTitle("Phone — " + SECRET_NAME + " (changed)")
    assert call.windowTitle() == "Locked"
    qtbot.keyClicks(controller.lock.screen.password, "correct horse")
    _enter(qtbot, controller.lock)
    assert call.windowTitle() == "Phone — " + SECRET_NAME + " (changed)"


def test_signed_out_behind_the_lock_keeps_the_work_and_shows_only_the_sign_in(app, supervisor, staff, db_target, qtbot):
    controller, _ = _desk(app, db_target, qtbot, staff)
    window = controller.window
    customer = _customer(supervisor)
    window.show_page(1)
    form = window.customers_page.edit_customer(customer.id)
    _type(form.notes, " " + SECRET_NOTE)
    _press(form.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = controller.lock
    assert lock.locked
    accounts.set_active(supervisor, staff.id, False)
    window.check_standing()  # as the change bus would, on hearing of the account
    qtbot.waitUntil(lambda: not lock.locked)
    assert window.staff is None and controller.dialog.isVisible()
    assert not shiboken6.isValid(form) or not form.isVisible()
    assert _secrets_in(_shown_texts()) == []
    [kept] = window.draft_store.unfinished(KEPT_KIND, window.location, staff.id)
    assert SECRET_NOTE in "".join(kept["content"]["texts"])


def test_the_lock_screen_speaks_persian_right_to_left(persian, supervisor, db_target, qtbot):
    controller, _ = _desk(persian, db_target, qtbot, supervisor)
    _press(controller.window.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    screen = controller.lock.screen
    assert screen.isRightToLeft()
    assert screen.unlock_button.text() == "باز کردن قفل"
    assert screen.other_button.text() == "ورود با حساب کس دیگری"
    assert controller.window.windowTitle() == "قفل است"  # Qt adds " — میز خدمت مشتریان"
    qtbot.keyClicks(screen.password, "wrong")
    _enter(qtbot, controller.lock)
    assert screen.message.isVisible() and not any("a" <= ch <= "z" for ch in screen.message.text().lower())


def test_a_question_open_at_the_lock_holds_the_whole_lock_screen_and_comes_back_as_it_was(
    app, supervisor, db_target, qtbot
):
    from PySide6.QtWidgets import QMessageBox

    controller, _ = _desk(app, db_target, qtbot, supervisor)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Restore?",
        "A call with " + SECRET_NAME + " was not saved",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        controller.window,
    )
    box.open()
    qtbot.waitUntil(box.isVisible)
    size = box.size()
    _press(box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = controller.lock
    assert lock.locked and lock.host.window is box
    qtbot.wait(10)  # let a message box try to shrink itself to its hidden contents
    screen = lock.screen
    for part in (screen.password, screen.unlock_button, screen.other_button):
        corner = part.mapTo(box, part.rect().bottomRight())
        assert box.rect().contains(corner), f"{part.objectName()} cut off in a {box.size()} box"
    assert _secrets_in(_shown_texts()) == []
    qtbot.keyClicks(screen.password, "correct horse")
    _enter(qtbot, lock)
    assert box.isVisible() and box.size() == size and SECRET_NAME in box.text() and box.windowTitle() == "Restore?"
    box.done(0)


def test_a_call_ringing_at_a_locked_desk_shows_nobody_who_is_calling(app, supervisor, db_target, qtbot):
    from helpdesk.telephony.events import RINGING, PhoneEvent

    controller, _ = _desk(app, db_target, qtbot, supervisor)
    _customer(supervisor)
    controller.lock.lock()
    phone = controller.window.phone
    phone.hear(PhoneEvent(RINGING, "call-1", SECRET_PHONE, "", source="test"))
    qtbot.waitUntil(phone.pop.isVisible)
    assert phone.pop.windowTitle() == "Locked"
    assert _secrets_in(_shown_texts()) == []  # the pop is covered like every window
    _type(controller.lock.screen.password, "correct horse")
    _enter(qtbot, controller.lock)
    assert not controller.lock.locked
    assert any(SECRET_NAME in text for text in _shown_texts())  # unlocked: the caller is there
