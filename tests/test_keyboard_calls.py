"""Calls, walk-in visits and callbacks by the keyboard alone, in English and in Persian.

Every key goes to the widget that has the focus (``QApplication.focusWidget()``), as it would on a
real desk: if the focus were in the wrong place, the typed text would land in the wrong field and
the test would say so. No method of the windows is called to move the flow on, and no mouse is used.
Each flow ends by reading the stored rows back from the database.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from helpdesk import customers, followups
from helpdesk.clock import utcnow
from helpdesk.customers import Draft
from helpdesk.models import Contact, FollowUp
from tests.helpers import signed_in_window
from ui import prompts
from ui.mainwindow import MainWindow

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# What a person types, in each language: (customer name, what to type to find them, reason, notes, promise).
WORDS = {
    "en": dict(
        given="Maryam",
        family="Karimi",
        find="Maryam Kar",
        reason="Invoice",
        notes="Paid the November invoice; wants a receipt by e-mail.",
        promise="E-mail the receipt",
        call_notes="Parcel 4471 arrived damaged (box crushed).",
        callback_notes="Sent it; she is happy.",
    ),
    "fa": dict(
        given="مریم",
        family="کریمی",
        find="مریم کر",
        reason="فاکتور",
        notes="فاکتور آبان را پرداخت کرد؛ رسید را با ایمیل می‌خواهد.",
        promise="رسید را ایمیل کنید",
        call_notes="بسته ۴۴۷۱ آسیب‌دیده رسید (جعبه له شده).",
        callback_notes="فرستادم؛ راضی است.",
    ),
}
DIGITS = {"en": "0123456789", "fa": "۰۱۲۳۴۵۶۷۸۹"}


@pytest.fixture(params=["en", "fa"])
def lang(request):
    """The flow in English (the ``app`` fixture) and in Persian (the ``persian`` fixture)."""
    request.getfixturevalue("app" if request.param == "en" else "persian")
    return request.param


class Keyboard:
    """Keys sent to whichever widget has the focus; counts the keys that are not typed text."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.presses = 0

    @staticmethod
    def focus():
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the focus: typed text would go nowhere"
        return widget

    def type(self, text: str) -> None:
        """Typed text, a character at a time (Persian too: keyClicks aborts on non-ASCII)."""
        for ch in text:
            QTest.sendKeyEvent(QTest.KeyAction.Click, self.focus(), Qt.Key.Key_unknown, ch, NO)

    def press(self, key, modifiers=NO, times: int = 1) -> None:
        for _ in range(times):
            self.presses += 1
            QTest.keyClick(self.focus(), key, modifiers)

    def digit(self, lang: str, number: int) -> None:
        """One digit key, as the keyboard layout of the language gives it (۲ on a Persian keyboard)."""
        self.presses += 1
        QTest.sendKeyEvent(QTest.KeyAction.Click, self.focus(), Qt.Key.Key_unknown, DIGITS[lang][number], NO)


def _window(actor, db_target, qtbot) -> MainWindow:
    return signed_in_window(actor, db_target, qtbot)


def _active(qtbot, widget) -> None:
    """A new window takes the keys once the system has made it the active one."""
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


def _customer(actor, words, phone="0912 345 6789"):
    return customers.create(
        actor,
        Draft(given_name=words["given"], family_name=words["family"], phones=[("mobile", phone)]),
        confirm_duplicates=True,
    )


def test_log_a_walk_in_by_keyboard(lang, staff, db_target, qtbot):
    words = WORDS[lang]
    wanted = _customer(staff, words)
    _customer(staff, dict(given="Ali", family="Rahimi"), "0935 111 2222")
    window = _window(staff, db_target, qtbot)
    keys = Keyboard(qtbot)
    _active(qtbot, window)

    keys.press(Qt.Key.Key_F2, SHIFT)  # a visitor walks in
    [visit] = window.call_windows
    _active(qtbot, visit)
    assert visit.channel.currentData() == "walk_in" and visit.caller_box.title() != visit.tr("Caller")
    keys.type(words["find"])  # find the record by typing the name
    keys.press(Qt.Key.Key_Return)  # the highlighted match
    assert visit.customer_id == wanted.id
    keys.type(words["reason"])
    keys.press(Qt.Key.Key_Tab)  # reason -> notes
    keys.type(words["notes"])
    keys.press(Qt.Key.Key_Tab)  # notes -> outcome: Tab leaves the notes
    keys.press(Qt.Key.Key_Down)  # "Resolved", the first outcome
    keys.press(Qt.Key.Key_Tab)  # -> satisfaction
    keys.digit(lang, 3)  # delighted
    keys.press(Qt.Key.Key_F7)  # the checklist
    for number in (1, 2, 3, 4, 7):  # greeted and seated, named myself, found the record, listened, thanked
        keys.digit(lang, number)
    keys.press(Qt.Key.Key_S, CTRL)

    assert not window.call_windows
    stored = Contact.get(Contact.customer == wanted.id)
    assert (stored.channel, stored.direction, stored.staff_id) == ("walk_in", "inbound", staff.id)
    assert (stored.reason, stored.notes) == (words["reason"], words["notes"])
    assert (stored.outcome, stored.satisfaction) == ("resolved", "delighted")
    assert json.loads(stored.checklist) == {"version": 1, "ticked": ["greet", "name", "identify", "listen", "thank"]}
    assert keys.presses == 14, keys.presses  # beyond the typed text; reported in the note
    print(f"\nkey presses beyond the typed text, logging a walk-in ({lang}): {keys.presses}")


@pytest.mark.dates  # the follow-up's default time follows the office's hours
def test_take_a_call_with_hold_checklist_and_a_follow_up_by_keyboard(lang, staff, db_target, qtbot):
    words = WORDS[lang]
    wanted = _customer(staff, words)
    window = _window(staff, db_target, qtbot)
    keys = Keyboard(qtbot)
    _active(qtbot, window)

    keys.press(Qt.Key.Key_F2)  # the phone rings
    [call] = window.call_windows
    _active(qtbot, call)
    number = "0912 345 6789" if lang == "en" else "۰۹۱۲ ۳۴۵ ۶۷۸۹"
    keys.type(number)
    keys.press(Qt.Key.Key_Return)
    assert call.customer_id == wanted.id
    keys.press(Qt.Key.Key_Tab)  # no reason yet: on to the notes
    keys.type(words["call_notes"][:20])
    keys.press(Qt.Key.Key_F6)  # "may I put you on hold?"
    assert call.hold_button.isChecked() and call.hold_count == 1
    keys.press(Qt.Key.Key_F6)  # back to the caller
    assert not call.hold_button.isChecked()
    keys.type(words["call_notes"][20:])  # the focus stayed in the notes
    keys.press(Qt.Key.Key_F7)
    keys.digit(lang, 1)
    keys.digit(lang, 2)
    keys.digit(lang, 4)
    keys.press(Qt.Key.Key_Backtab, SHIFT)  # back from the checklist to the follow-up, in visual order
    keys.press(Qt.Key.Key_Space)  # promise a follow-up: the focus goes to what was promised
    keys.type(words["promise"])
    keys.press(Qt.Key.Key_Backtab, SHIFT)  # promised -> who
    keys.press(Qt.Key.Key_Backtab, SHIFT)  # who -> due
    keys.press(Qt.Key.Key_Backtab, SHIFT)  # due -> the follow-up box
    keys.press(Qt.Key.Key_Backtab, SHIFT)  # -> next step
    keys.press(Qt.Key.Key_Backtab, SHIFT)  # -> satisfaction
    keys.digit(lang, 2)  # satisfied
    keys.press(Qt.Key.Key_Backtab, SHIFT)  # -> outcome
    keys.press(Qt.Key.Key_Down, times=3)  # "Follow-up needed"
    keys.press(Qt.Key.Key_S, CTRL)

    assert not window.call_windows
    stored = Contact.get(Contact.customer == wanted.id)
    assert (stored.channel, stored.notes, stored.outcome, stored.satisfaction) == (
        "phone",
        words["call_notes"],
        "follow_up_needed",
        "satisfied",
    )
    assert stored.hold_count == 1
    assert json.loads(stored.checklist)["ticked"] == ["answer", "identify", "hold"]
    promise = FollowUp.get(FollowUp.contact == stored.id)
    assert (promise.promise, promise.assignee_id, promise.status) == (words["promise"], staff.id, "open")
    assert abs(promise.due_at - followups.default_due(stored.started_at)) <= timedelta(minutes=15)


def test_call_back_from_the_queue_by_keyboard(lang, staff, db_target, qtbot):
    words = WORDS[lang]
    wanted = _customer(staff, words)
    promise = followups.create(staff, wanted.id, utcnow() - timedelta(hours=1), staff.id, words["promise"])
    window = _window(staff, db_target, qtbot)
    keys = Keyboard(qtbot)
    _active(qtbot, window)
    assert keys.focus() is window.dashboard_page.queue.table  # the Dashboard opens on the queue

    keys.press(Qt.Key.Key_Return)  # call back the oldest promise
    [call] = window.call_windows
    _active(qtbot, call)
    assert call.follow_up_of == promise.id and call.reason.text() == words["promise"]
    keys.type(words["callback_notes"])  # straight into the notes, not on Hold
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Down)  # resolved
    keys.press(Qt.Key.Key_Tab)
    keys.digit(lang, 2)  # satisfied
    keys.press(Qt.Key.Key_S, CTRL)

    assert not window.call_windows
    done = FollowUp.get_by_id(promise.id)
    assert done.status == "done"
    stored = Contact.get_by_id(done.done_contact_id)
    assert (stored.direction, stored.customer_id, stored.reason, stored.notes, stored.satisfaction) == (
        "outbound",
        wanted.id,
        words["promise"],
        words["callback_notes"],
        "satisfied",
    )
    assert stored.hold_count == 0


def test_tab_follows_the_window_in_reading_order_and_every_control_has_a_name(lang, staff, db_target, qtbot):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    wanted = _customer(staff, WORDS[lang])
    window = _window(staff, db_target, qtbot)
    for channel in ("phone", "walk_in"):
        contact = window.start_call(channel, customer_id=wanted.id)
        _active(qtbot, contact)
        keys = Keyboard(qtbot)
        assert keys.focus() is contact.notes
        seen = []
        for _ in range(12):
            keys.press(Qt.Key.Key_Tab)
            seen.append(keys.focus().objectName())
        # Top to bottom down the form (the person's reading order in both languages), then the checklist
        # beside it, then the buttons; the disabled duration and follow-up fields are skipped while the call runs.
        assert seen == [
            "outcome",
            "satisfaction_dissatisfied",
            "nextStep",
            "followUpBox",
            "etiquetteChecklist",
            "discardButton",
            "saveButton",
            "holdButton",
            "hangUpButton",
            "changeCustomerButton",
            "channel",
        ] + (["direction"] if channel == "phone" else ["reason"]), seen
        interactive = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit)
        unnamed = [
            w.objectName() or type(w).__name__
            for w in contact.findChildren(QWidget)
            if isinstance(w, interactive)
            and w.isVisibleTo(contact)
            and not w.accessibleName()
            and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))
        ]
        assert unnamed == []
        contact.store.discard(contact.draft_id)
        contact.finished_ok = True
        contact.close()


def test_escape_closes_an_untouched_call_at_once_and_asks_when_something_was_typed(
    lang, staff, db_target, qtbot, monkeypatch, draft_dir
):
    window = _window(staff, db_target, qtbot)
    keys = Keyboard(qtbot)
    _active(qtbot, window)
    keys.press(Qt.Key.Key_F2)
    [call] = window.call_windows
    _active(qtbot, call)
    keys.press(Qt.Key.Key_Escape)  # nothing typed: no question (the conftest fails the test on one)
    assert not window.call_windows and not list(draft_dir.glob("*.json"))

    _active(qtbot, window)
    keys.press(Qt.Key.Key_F2, SHIFT)
    [visit] = window.call_windows
    _active(qtbot, visit)
    keys.type(WORDS[lang]["given"])
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, default_yes=False: asked.append(title))
    keys.press(Qt.Key.Key_Escape)  # typed: asked, and "No" keeps everything
    assert len(asked) == 1 and window.call_windows == [visit] and visit.lookup.text() == WORDS[lang]["given"]
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, default_yes=False: True)
    keys.press(Qt.Key.Key_Escape)
    assert not window.call_windows and not list(draft_dir.glob("*.json")) and Contact.select().count() == 0
