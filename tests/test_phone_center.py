"""The desk's phone end to end: a fake Asterisk (or real HTTP posts to the CTI listener) rings the
signed-in main window; the pop, the call window, the contact stored, the callback of a missed call,
click to dial, the status bar.

The phone system runs in its own thread (``helpdesk.telephony.link``); the test waits for what a
person would see.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpdesk import customers, followups
from helpdesk.customers import Draft
from helpdesk.models import Contact, FollowUp
from helpdesk.telephony import desk
from tests.helpers import fake_ami, signed_in_window

SECRET = "s3cret"
CALLER = "09121234567"


def _plain(text: str) -> str:
    return "".join(ch for ch in text if ch not in "\u2066\u2067\u2068\u2069\u200e\u200f")


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def asterisk():
    server = fake_ami.FakeAmi(secret=SECRET).start()
    yield server
    server.stop()


def _desk_on(server, extension="201") -> None:
    desk.save(
        desk.DeskPhone(source="ami", host="127.0.0.1", port=server.port, username="helpdesk", extension=extension)
    )
    desk.set_secret("ami_password", SECRET)


def _connected(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.phone.link_state.state == "connected", timeout=10_000)
    assert _plain(window.phone_indicator.text()) == "Phone system: connected"


def _texts(widget) -> str:
    from PySide6.QtWidgets import QLabel, QPushButton

    shown = [w for kind in (QLabel, QPushButton) for w in widget.findChildren(kind) if w.isVisibleTo(widget)]
    return _plain(" ".join(w.text() for w in shown))


def _customer(actor, phone=CALLER, given="Maryam", family="Karimi"):
    return customers.create(
        actor, Draft(given_name=given, family_name=family, phones=[("mobile", phone)]), confirm_duplicates=True
    )


def _call_window(window):
    return window.call_windows[-1] if window.call_windows else None


def test_an_answered_call_pops_the_customer_and_logs_itself_with_the_phone_systems_times(
    app, staff, db_target, qtbot, asterisk, clock
):
    customer = _customer(staff)
    _desk_on(asterisk)
    window = signed_in_window(staff, db_target, qtbot)
    _connected(qtbot, window)
    search = window.customers_page.search
    window.show_page(window.stack.indexOf(window.customers_page))
    search.setFocus()
    _type(search, "Kar")

    call = fake_ami.inbound(CALLER, "201")
    asterisk.send(call.ring)
    pop = window.phone.pop
    qtbot.waitUntil(pop.isVisible, timeout=5000)
    assert "Maryam Karimi" in _texts(pop)
    assert "0912 123 4567" in _texts(pop)
    _type(search, "imi")  # the person goes on typing while it rings: nothing is lost to the pop
    assert search.text() == "Karimi" and not pop.hasFocus()

    asterisk.send(call.answer)  # picked up on the desk's phone: the call window opens by itself
    qtbot.waitUntil(lambda: _call_window(window) is not None, timeout=5000)
    call_window = _call_window(window)
    assert call_window.customer_id == customer.id and call_window.running
    assert call_window.started_at <= call_window.answered_at
    assert not pop.isVisible()

    clock.shift(timedelta(seconds=95))
    asterisk.send(call.hang_up)
    qtbot.waitUntil(lambda: not call_window.running, timeout=5000)
    assert 95 <= call_window.current_draft().duration_seconds <= 100

    _type(call_window.reason, "Refund")
    call_window.outcome.setCurrentIndex(call_window.outcome.findData("resolved"))
    call_window.satisfaction_buttons["satisfied"].setChecked(True)
    QTest.keyClick(call_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = Contact.get(Contact.call_id == call.call_id)
    assert stored.customer_id == customer.id and stored.phone == "+989121234567"
    assert stored.direction == "inbound" and stored.reason == "Refund"
    assert stored.started_at <= stored.answered_at < stored.ended_at
    assert 95 <= stored.duration_seconds <= 100
    assert stored.duration_seconds == int((stored.ended_at - stored.answered_at).total_seconds())


def test_missed_calls_from_a_stranger_become_one_callback_counting_the_tries(app, staff, db_target, qtbot, asterisk):
    _desk_on(asterisk)
    window = signed_in_window(staff, db_target, qtbot)
    _connected(qtbot, window)
    pop = window.phone.pop
    for tries in (1, 2):
        call = fake_ami.inbound("0935 111 2233", "201")
        asterisk.send(call.ring)
        qtbot.waitUntil(lambda: pop.isVisible() and pop.call_event.call_id == call.call_id, timeout=5000)
        assert "Unknown number" in _texts(pop)
        asterisk.send(call.give_up)
        qtbot.waitUntil(lambda: "Missed call" in _texts(pop), timeout=5000)
        qtbot.waitUntil(lambda: FollowUp.select(FollowUp.attempts).scalar() == tries, timeout=5000)
    rows = list(FollowUp.select())
    assert len(rows) == 1
    assert rows[0].customer_id is None and rows[0].phone == "+989351112233" and rows[0].attempts == 2
    assert rows[0].assignee_id == staff.id and not window.call_windows

    [queued] = followups.queue(staff.id)
    assert queued.attempts == 2 and queued.phone == "+989351112233"


def test_a_call_to_another_extension_shows_nothing_here(app, staff, db_target, qtbot, asterisk):
    _desk_on(asterisk, extension="201")
    window = signed_in_window(staff, db_target, qtbot)
    _connected(qtbot, window)
    other = fake_ami.inbound(CALLER, "202")
    asterisk.send(other.missed_call)
    mine = fake_ami.inbound("09351112233", "201")
    asterisk.send(mine.ring)  # a later call to this desk proves the earlier one was heard and passed over
    qtbot.waitUntil(window.phone.pop.isVisible, timeout=5000)
    assert "0935 111 2233" in _texts(window.phone.pop)
    assert FollowUp.select().count() == 0


def test_the_status_bar_says_when_the_phone_system_is_lost_and_it_comes_back_by_itself(
    app, staff, db_target, qtbot, asterisk
):
    _desk_on(asterisk)
    window = signed_in_window(staff, db_target, qtbot)
    _connected(qtbot, window)
    asterisk.down()
    qtbot.waitUntil(lambda: "not connected since" in window.phone_indicator.text(), timeout=10_000)
    assert window.phone_indicator.isVisible()
    asterisk.up()
    qtbot.waitUntil(lambda: window.phone.link_state.state == "connected", timeout=15_000)
    assert _plain(window.phone_indicator.text()) == "Phone system: connected"
    call = fake_ami.inbound(CALLER, "201")
    asterisk.send(call.ring)  # and calls pop again
    qtbot.waitUntil(window.phone.pop.isVisible, timeout=5000)


def test_click_to_dial_rings_the_desk_and_the_answered_call_is_logged_in_one_window(
    app, staff, db_target, qtbot, asterisk
):
    customer = _customer(staff)
    _desk_on(asterisk)
    window = signed_in_window(staff, db_target, qtbot)
    _connected(qtbot, window)
    page = window.customers_page
    window.show_page(window.stack.indexOf(page))
    page.open_customer(customer.id)
    profile = page.profile
    assert profile.dial_button.isVisible()
    QTest.keyClick(profile, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    asterisk.wait(lambda server: server.originates(), timeout=5)
    [originate] = asterisk.originates()
    assert originate["Channel"] == "PJSIP/201" and originate["Exten"] == CALLER
    [call_window] = window.call_windows
    assert call_window.customer_id == customer.id and call_window.direction.currentData() == "outbound"

    call = fake_ami.outbound("201", CALLER)
    asterisk.send(call.ring + call.answer)
    qtbot.waitUntil(lambda: call_window.answered_at is not None and call_window.call_id == call.call_id, timeout=5000)
    asterisk.send(call.hang_up)
    qtbot.waitUntil(lambda: not call_window.running, timeout=5000)
    assert len(window.call_windows) == 1  # the answer did not open a second window


def test_dialling_without_a_phone_system_says_so_and_opens_the_call_to_dial_by_hand(app, staff, db_target, qtbot):
    customer = _customer(staff)
    window = signed_in_window(staff, db_target, qtbot)
    assert not window.phone_indicator.isVisible()  # no phone system set up: nothing to say
    call_window = window.dial_number_of(customer_id=customer.id)
    assert "not connected" in window.statusBar().currentMessage()
    assert call_window.customer_id == customer.id and call_window.direction.currentData() == "outbound"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _post(port: int, token: str, **fields) -> int:
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/cti/{token}", data=body, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_zammad_style_post_rings_the_desk_and_a_wrong_token_is_refused(app, staff, db_target, qtbot):
    customer = _customer(staff)
    port = _free_port()
    desk.save(desk.DeskPhone(source="cti", listen_port=port, extension="201"))
    token = desk.cti_token()
    window = signed_in_window(staff, db_target, qtbot)
    _connected(qtbot, window)

    assert _post(
        port, "not-the-token", event="newCall", direction="in", **{"from": CALLER}, to="201", callId="c-1"
    ) in (401, 403)
    assert not window.phone.pop.isVisible()

    assert (
        _post(port, token, event="newCall", direction="in", **{"from": "98" + CALLER[1:]}, to="201", callId="c-2")
        == 200
    )
    qtbot.waitUntil(window.phone.pop.isVisible, timeout=5000)
    assert "Maryam Karimi" in _texts(window.phone.pop)
    assert (
        _post(
            port,
            token,
            event="answer",
            direction="in",
            **{"from": CALLER},
            to="201",
            callId="c-2",
            answeringNumber="201",
        )
        == 200
    )
    qtbot.waitUntil(lambda: _call_window(window) is not None, timeout=5000)
    assert _call_window(window).customer_id == customer.id
    assert (
        _post(
            port,
            token,
            event="hangup",
            direction="in",
            **{"from": CALLER},
            to="201",
            callId="c-2",
            cause="normalClearing",
        )
        == 200
    )
    qtbot.waitUntil(lambda: not _call_window(window).running, timeout=5000)


def test_help_simulate_rings_the_desk_with_a_demo_number(app, staff, db_target, qtbot):
    _customer(staff)
    window = signed_in_window(staff, db_target, qtbot)
    window.simulate_action.trigger()
    qtbot.waitUntil(window.phone.pop.isVisible, timeout=5000)
    assert window.phone.rang  # ringing until answered, or given up as a missed call


def test_a_language_switch_hands_the_phone_to_the_new_window(app, staff, db_target, qtbot, asterisk):
    """The rebuilt window connects to the phone system and listens for `ring`; the old one let go
    of both first (else the new window could not listen, and the old link would ring a dead window)."""
    from ui.app import Controller

    _desk_on(asterisk)
    controller = Controller(app, db_target)
    old = controller.show_window()
    controller.signed_in(staff)
    qtbot.waitUntil(lambda: old.phone.link_state.state == "connected", timeout=10_000)
    combo = old.settings_page.language
    combo.setCurrentIndex(combo.findData("fa"))
    combo.activated.emit(combo.currentIndex())
    new = controller.window
    qtbot.addWidget(new)
    assert new is not old and old.phone is None
    qtbot.waitUntil(lambda: new.phone.link_state.state == "connected", timeout=10_000)
    assert new.phone.ring_server.server.isListening()
    assert asterisk.wait(lambda server: server.connected == 1)
    call = fake_ami.inbound(CALLER, "201")
    asterisk.send(call.ring)
    qtbot.waitUntil(new.phone.pop.isVisible, timeout=5000)
    assert "ناشناس" in _texts(new.phone.pop) or "۰۹۱۲" in _texts(new.phone.pop)


def test_saving_this_desks_phone_settings_connects_at_once(app, staff, db_target, qtbot, asterisk):
    from tests.test_phone_settings_ui import _open, _press, _replace

    window, page = _open(staff, db_target, qtbot)
    assert window.phone.link_state.state == "off" and not window.phone_indicator.isVisible()
    _press(Qt.Key.Key_Down)  # None -> Asterisk Manager Interface
    _replace(page.extension, "201", qtbot)
    _replace(page.host, "127.0.0.1", qtbot)
    _replace(page.port, str(asterisk.port), qtbot)
    _replace(page.username, "helpdesk", qtbot)
    _replace(page.password, SECRET, qtbot)
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    _connected(qtbot, window)
    assert window.phone.tracker.extension == "201"


def test_an_answered_call_put_away_comes_back_with_the_phone_systems_times(app, staff, db_target, qtbot, clock):
    """A crash or a sign-out mid-call: the draft keeps when it rang, when it was answered, the call id."""
    from helpdesk.telephony.events import RINGING, PhoneEvent

    customer = _customer(staff)
    window = signed_in_window(staff, db_target, qtbot)
    ring = PhoneEvent(RINGING, "pbx-77", CALLER, "", source="test")
    window.phone.hear(ring)
    clock.shift(timedelta(seconds=6))
    window.phone.answer(ring)
    call = _call_window(window)
    assert call.customer_id == customer.id
    rang_at, answered_at = call.started_at, call.answered_at
    assert (answered_at - rang_at).total_seconds() >= 6
    _type(call.notes, "wants a refund")
    kept = window.put_away_windows()
    [back] = window.reopen_drafts(kept)
    assert (back.started_at, back.answered_at, back.call_id) == (rang_at, answered_at, "pbx-77")
    assert back.notes.toPlainText() == "wants a refund" and back.customer_id == customer.id
    assert back.current_draft().phone == "+989121234567"


def test_the_callback_queue_and_the_call_log_dial_the_number_that_called(app, staff, db_target, qtbot, asterisk, clock):
    """A stranger's missed call, called back from the queue by keyboard; then the saved call, dialled again
    from the call log with Ctrl+D: both ring the desk and call the stranger's number."""
    from ui.mainwindow import CALLS
    from ui.widgets import select_row

    _desk_on(asterisk)
    window = signed_in_window(staff, db_target, qtbot)
    _connected(qtbot, window)
    missed = fake_ami.inbound("0935 111 2233", "201")
    asterisk.send(missed.missed_call)
    qtbot.waitUntil(lambda: FollowUp.select().count() == 1, timeout=5000)
    window.show_page(CALLS)
    page = window.calls_page
    page.refresh()
    qtbot.waitUntil(lambda: page.queue.table.model().rowCount() == 1, timeout=5000)
    select_row(page.queue.table, 0)
    page.queue.table.setFocus()
    QTest.keyClick(page.queue.table, Qt.Key.Key_Return)  # Call back
    asterisk.wait(lambda server: len(server.originates()) == 1, timeout=5)
    assert asterisk.originates()[0]["Exten"] == "09351112233"
    [call_window] = window.call_windows
    assert call_window.follow_up_of == FollowUp.get().id and call_window.customer_id is None

    call_window.outcome.setCurrentIndex(call_window.outcome.findData("information_given"))
    call_window.satisfaction_buttons["not_asked"].setChecked(True)
    call_window.activateWindow()
    qtbot.waitUntil(call_window.isActiveWindow, timeout=3000)  # shortcuts reach the active window
    QTest.keyClick(call_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert FollowUp.get().status == "done"
    stored = Contact.get()
    assert stored.phone == "+989351112233" and stored.direction == "outbound"

    page.log.refresh()
    qtbot.waitUntil(lambda: page.log.table.model().rowCount() == 1, timeout=5000)
    select_row(page.log.table, 0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    page.log.table.setFocus()
    assert page.dial_button.isVisible()
    QTest.keyClick(page.log.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    asterisk.wait(lambda server: len(server.originates()) == 2, timeout=5)
    assert asterisk.originates()[1]["Exten"] == "09351112233"
