"""Raising and escalating a complaint, and the calm-down procedure with an escalation, from the
keyboard only: every key goes to the widget that has the focus, as a person's keyboard sends it,
in English and in Persian. Each test reads back from the database where every typed character went."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from helpdesk import calm, customers
from helpdesk.customers import Draft
from helpdesk.models import CalmSession, Complaint, ComplaintCategory, ComplaintEvent, Notification
from tests.helpers import signed_in_window
from ui.mainwindow import MainWindow

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier

TEXTS = {
    "en": {
        "given": "Maryam",
        "family": "Karimi",
        "find": "Karimi",
        "happened": "The courier was rude at the door, twice (order 4512)!",
        "wants": "An apology & a new delivery slot",
        "reason": "Wants a refund above my limit: 2,400,000 rials",
        "note1": "Breathed; voice low",
        "note2": "Shouted for 2 minutes, then stopped",
        "calm_reason": "Asks for the manager, now",
    },
    "fa": {
        "given": "مریم",
        "family": "کریمی",
        "find": "کریمی",
        "happened": "پیک دم در بی‌ادبی کرد، دو بار (سفارش ۴۵۱۲)!",
        "wants": "عذرخواهی و یک زمان تحویل تازه",
        "reason": "بازپرداختی بیش از اختیار من می‌خواهد: ۲٬۴۰۰٬۰۰۰ ریال",
        "note1": "نفس عمیق؛ صدای آرام",
        "note2": "دو دقیقه فریاد زد، بعد آرام شد",
        "calm_reason": "مدیر را می‌خواهد، همین حالا",
    },
}


@pytest.fixture(params=["en", "fa"])
def language(request, app):
    if request.param == "fa":
        request.getfixturevalue("persian")
    return request.param


class Keyboard:
    """Keys to whatever has the focus now; counts the keys that are not typed text."""

    def __init__(self, qtbot, window):
        self.qtbot = qtbot
        self.window = window
        self.presses = 0

    def focus(self):
        return QApplication.focusWidget() or QApplication.activeWindow() or self.window

    def press(self, key, modifier=NO, times: int = 1) -> None:
        for _ in range(times):
            self.presses += 1
            QTest.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        for ch in text:
            QTest.sendKeyEvent(QTest.KeyAction.Click, self.focus(), Qt.Key.Key_unknown, ch, NO)

    def wait_for_focus(self, widget) -> None:
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def _signed_in(staff, db_target, qtbot) -> tuple[MainWindow, Keyboard]:
    window = signed_in_window(staff, db_target, qtbot)
    return window, Keyboard(qtbot, window)


def test_raise_and_escalate_a_complaint_by_keyboard(language, staff, supervisor, db_target, qtbot):
    t = TEXTS[language]
    customer = customers.create(
        staff, Draft(given_name=t["given"], family_name=t["family"], phones=[("mobile", "0912 345 6789")])
    )
    price = ComplaintCategory.get(ComplaintCategory.name_en == "Price").id
    window, keys = _signed_in(staff, db_target, qtbot)

    keys.press(Qt.Key.Key_F4)  # New complaint, from anywhere
    form = window.complaint_dialog
    keys.wait_for_focus(form.lookup)
    keys.type(t["find"])
    assert form.matches.isVisible() and form.matches.currentItem() is not None
    keys.press(Qt.Key.Key_Return)  # picks the highlighted match; does not submit
    assert form.isVisible() and form.customer_id == customer.id
    assert keys.focus() is form.category
    keys.press(Qt.Key.Key_Down, times=form.category.findData(price))
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is form.priority
    keys.press(Qt.Key.Key_Up)  # normal -> high
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is form.description
    keys.type(t["happened"])
    keys.press(Qt.Key.Key_Tab)  # Tab leaves the multi-line field
    assert keys.focus() is form.wanted
    keys.type(t["wants"])
    keys.press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(window.complaint_windows), timeout=3000)
    assert not form.isVisible()

    complaint_window = window.complaint_windows[-1]
    qtbot.waitUntil(complaint_window.isActiveWindow, timeout=3000)
    keys.wait_for_focus(complaint_window.comment)
    keys.press(Qt.Key.Key_E, CTRL)  # Escalate, in every language
    dialog = complaint_window.dialog
    keys.wait_for_focus(dialog.reason)
    keys.type(t["reason"])
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.supervisor and dialog.supervisor.currentData() == supervisor.id
    keys.press(Qt.Key.Key_S, CTRL)
    assert not dialog.isVisible()

    stored = Complaint.get()
    assert (stored.customer_id, stored.category_id, stored.priority, stored.status) == (
        customer.id,
        price,
        "high",
        "escalated",
    )
    assert stored.description == t["happened"]
    assert stored.wanted == t["wants"]
    assert stored.escalation_reason == t["reason"] and stored.escalated_to_id == supervisor.id
    event = ComplaintEvent.get(ComplaintEvent.kind == "escalate")
    assert event.note == t["reason"]
    assert Notification.get(Notification.recipient == supervisor.id).text == t["reason"]
    # The window shows it where a person looks.
    assert t["reason"] in complaint_window.escalation.text()


def test_calm_down_with_an_escalation_by_keyboard(language, staff, supervisor, db_target, qtbot):
    t = TEXTS[language]
    window, keys = _signed_in(staff, db_target, qtbot)

    keys.press(Qt.Key.Key_F9)
    w = window.calm_windows[-1]
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    assert keys.focus() in w.anger_start.group.buttons()
    if language == "fa":  # a Persian keyboard sends Persian digits
        keys.presses += 1
        keys.type("۴")
    else:
        keys.press(Qt.Key.Key_4)
    keys.press(Qt.Key.Key_Return)
    assert w.pages.currentIndex() == 1 and w.state.current_step == 0
    assert keys.presses == 3  # F9, the anger, Enter: the first step is on the screen
    assert keys.focus() is w.note
    keys.press(Qt.Key.Key_D, CTRL)  # tick, with the focus in the note
    assert w.tick.isChecked()
    keys.type(t["note1"])
    keys.press(Qt.Key.Key_Return)  # next step
    assert w.state.current_step == 1 and keys.focus() is w.note
    keys.type(t["note2"])
    keys.press(Qt.Key.Key_D, CTRL)
    keys.press(Qt.Key.Key_PageDown)
    assert w.state.current_step == 2

    keys.press(Qt.Key.Key_E, CTRL)  # escalate now
    dialog = w.escalation_dialog
    keys.wait_for_focus(dialog.reason)
    keys.type(t["calm_reason"])
    keys.press(Qt.Key.Key_S, CTRL)  # confirm
    assert not dialog.isVisible()
    assert w.outcome_buttons["escalated"].isChecked()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)

    keys.press(Qt.Key.Key_S, CTRL)  # to the end
    assert w.pages.currentIndex() == 2
    if language == "fa":
        keys.type("۲")
    else:
        keys.press(Qt.Key.Key_2)
    keys.press(Qt.Key.Key_S, CTRL)  # finish
    assert w.pages.currentIndex() == 3

    session = CalmSession.get()
    assert (session.status, session.anger_start, session.anger_end, session.outcome) == ("finished", 4, 2, "escalated")
    state = calm.state_of(session)
    assert [s.ticked for s in state.steps][:3] == [True, True, False]
    assert state.steps[0].note == t["note1"]
    assert state.steps[1].note == t["note2"]
    complaint = Complaint.get_by_id(session.complaint_id)
    assert complaint.status == "escalated" and complaint.escalated_to_id == supervisor.id
    assert complaint.escalation_reason.endswith(": " + t["calm_reason"])
    assert Notification.get(Notification.recipient == supervisor.id).text.endswith(t["calm_reason"])


def test_every_control_of_the_complaint_and_calm_windows_has_a_name(language, staff, supervisor, db_target, qtbot):
    """Beyond tests/test_accessibility.py: the escalate and resolve dialogs, every page of the
    calm-down procedure, the complaints and sessions lists and the supervisors' settings."""
    from test_accessibility import unnamed

    from helpdesk import complaints
    from ui.dialogs.complaint_form import EscalateDialog, NewComplaintDialog, ResolveDialog
    from ui.mainwindow import COMPLAINTS, SETTINGS

    price = ComplaintCategory.get(ComplaintCategory.name_en == "Price").id
    c = complaints.create(staff, complaints.ComplaintDraft(category_id=price, description="x", assignee_id=staff.id))
    window, _keys = _signed_in(supervisor, db_target, qtbot)
    opened = window.open_complaint(c.id)
    calm_window = window.start_calm()
    roots = [
        NewComplaintDialog(supervisor, parent=window),
        opened,
        EscalateDialog(supervisor, c.id, 1, opened),
        ResolveDialog(supervisor, c.id, 1, opened),
        calm_window,
    ]
    window.show_page(COMPLAINTS)
    roots.append(window.complaints_page)
    window.show_page(SETTINGS)
    roots += [window.settings_page.calm_box, window.settings_page.complaint_box]
    calm_window.anger_start.set_value(3)
    calm_window.begin()
    calm_window.ask_escalation()
    roots.append(calm_window.escalation_dialog)
    for root in roots:
        root.show()
    QApplication.processEvents()
    missing = [name for root in roots for name in unnamed(root)]
    for page in range(calm_window.pages.count()):  # each page of the procedure, as it is shown
        calm_window.pages.setCurrentIndex(page)
        missing += unnamed(calm_window)
    assert missing == [], "\n".join(missing)
    calm_window.escalation_dialog.reject()
    calm_window.put_away()
    window.draft_store.discard(calm_window.draft_id)
