"""The ``ring`` command hands a call to the running app through a local socket."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from helpdesk.telephony.events import HUNG_UP, RINGING
from ui.phone_ring import RingServer, send_ring

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ring_name(monkeypatch):
    name = f"helpdesk-ring-test-{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("HELPDESK_RING_NAME", name)
    yield name
    QLocalServer.removeServer(name)


@pytest.fixture
def server(app, ring_name):
    ring_server = RingServer()
    assert ring_server.start()
    yield ring_server
    ring_server.stop()


def run_main(qtbot, *args: str) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` in a real process, the test's event loop turning meanwhile (the app
    answers it from there)."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60000)
    out, err = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_the_ring_command_rings_the_running_app(server, qtbot):
    with qtbot.waitSignal(server.event_received, timeout=60000) as received:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "ring", "09121234567", "--extension", "201"],
            cwd=ROOT,
            env=os.environ.copy(),
            stderr=subprocess.PIPE,
            text=True,
        )
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60000)
    assert process.returncode == 0, process.stderr.read()
    event = received.args[0]
    assert (event.kind, event.number, event.extension, event.source) == (RINGING, "09121234567", "201", "command")
    assert event.call_id


def test_a_hang_up_without_a_call_id_ends_the_call_the_number_rang(server, qtbot):
    events = []
    server.event_received.connect(events.append)
    assert run_main(qtbot, "ring", "+989121234567", "--extension", "201").returncode == 0
    done = run_main(qtbot, "ring", "+989121234567", "--hangup")
    assert done.returncode == 0, done.stderr
    assert [e.kind for e in events] == [RINGING, HUNG_UP]
    assert events[0].call_id == events[1].call_id


def test_nobody_listening_is_said_with_exit_code_2(app, ring_name, qtbot):
    done = run_main(qtbot, "ring", "09121234567")
    assert done.returncode == 2
    assert "The help desk is not running on this computer" in done.stderr


def exchange(name: str, data: bytes, qtbot) -> str:
    socket = QLocalSocket()
    socket.connectToServer(name)
    assert socket.waitForConnected(2000)
    socket.write(data)
    socket.flush()
    reply = b""
    qtbot.waitUntil(
        lambda: socket.bytesAvailable() > 0 or socket.state() == QLocalSocket.UnconnectedState, timeout=5000
    )
    reply += bytes(socket.readAll())
    socket.abort()
    return reply.decode()


@pytest.mark.parametrize(
    "line",
    [
        b"garbage\n",
        b"[1, 2]\n",
        b'{"kind": "exploded"}\n',
        b'{"number": {"a": 1}}\n',
        b'{"duration": -3}\n',
        b"\xff\xfe\n",
    ],
)
def test_a_garbage_line_is_answered_with_an_error_and_the_server_goes_on(server, ring_name, qtbot, line):
    events = []
    server.event_received.connect(events.append)
    assert exchange(ring_name, line, qtbot).startswith("error:")
    assert events == []
    assert exchange(ring_name, b'{"kind": "ringing", "number": "09121234567"}\n', qtbot).strip() == "ok"
    assert [e.number for e in events] == ["09121234567"]


def test_send_ring_hands_every_field_over(server, qtbot):
    events = []
    server.event_received.connect(events.append)
    # send_ring blocks, so the server answers from a second process: here, the event loop must turn.
    done = run_main(qtbot, "ring", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "--extension", "202", "--call-id", "abc-1", "--answered")
    assert done.returncode == 0, done.stderr
    event = events[0]
    assert (event.kind, event.number, event.extension, event.call_id) == ("answered", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "202", "abc-1")


def test_a_name_left_by_a_crashed_app_is_taken_back(app, ring_name, qtbot, tmp_path):
    # A process that listens and is killed leaves its socket file behind (on Unix).
    script = (
        "import os, sys\nfrom PySide6.QtCore import QCoreApplication\nfrom PySide6.QtNetwork import "
        "QLocalServer\napp = QCoreApplication([])\nserver = QLocalServer()\n"
        f"assert server.listen({ring_name!r})\nprint('listening', flush=True)\nos._exit(0)\n"
    )
    crashed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "listening" in crashed.stdout, crashed.stderr
    ring_server = RingServer()
    try:
        assert ring_server.start()
        events = []
        ring_server.event_received.connect(events.append)
        assert exchange(ring_name, b'{"number": "09121234567"}\n', qtbot).strip() == "ok"
        assert len(events) == 1
    finally:
        ring_server.stop()


def test_a_second_app_does_not_take_the_name_of_a_running_one(server, ring_name):
    second = RingServer()
    assert not second.start()
    assert server.server.isListening()


def test_send_ring_without_a_listener_is_false(ring_name):
    assert send_ring({"kind": "ringing", "number": "0912"}, timeout_ms=300) is False


def _demo_office(staff):
    """A customer with an overdue complaint, a number two customers share, a kept promise."""
    from datetime import timedelta

    from helpdesk import complaints, customers, followups
    from helpdesk.clock import utcnow
    from helpdesk.complaints import ComplaintDraft
    from helpdesk.customers import Draft
    from helpdesk.models import Complaint, ComplaintCategory, FollowUp

    def customer(given, phone):
        return customers.create(
            staff, Draft(given_name=given, family_name="Demo", phones=[("mobile", phone)]), confirm_duplicates=True
        )

    late = customer("Late", "0912 111 2233")
    category = ComplaintCategory.select().order_by(ComplaintCategory.id).first()
    complaint = complaints.create(
        staff,
        ComplaintDraft(
            customer_id=late.id, category_id=category.id, description="Late", wanted="Refund", assignee_id=staff.id
        ),
    )
    Complaint.update(created_at=utcnow() - timedelta(days=30)).where(Complaint.id == complaint.id).execute()
    customer("Shared", "0912 444 5566")
    customer("Sharing", "0912 444 5566")
    kept = customer("Kept", "0935 777 8899")
    due = utcnow() - timedelta(days=2)
    promise = followups.create(staff, kept.id, due, staff.id, "Send the form")
    FollowUp.update(status="done", done_at=due - timedelta(hours=1)).where(FollowUp.id == promise.id).execute()
    return late, kept


def test_the_demo_calls_show_each_kind_of_pop(staff):
    from helpdesk import phonecalls
    from helpdesk.demo.calls import demo_calls

    late, kept = _demo_office(staff)
    calls = demo_calls(6)
    assert len(calls) == 6
    screens = [phonecalls.screen(number) for _what, number in calls]
    assert [s.match for s in screens] == [
        phonecalls.KNOWN,
        phonecalls.MAYBE,
        phonecalls.KNOWN,
        phonecalls.UNKNOWN,
        phonecalls.UNKNOWN,
        phonecalls.UNKNOWN,
    ]
    assert screens[0].callers[0].customer_id == late.id and screens[0].callers[0].overdue_complaints == 1
    assert {c.name for c in screens[1].callers} == {"Shared Demo", "Sharing Demo"}
    assert screens[2].callers[0].customer_id == kept.id
    assert screens[2].callers[0].last_promise.outcome == phonecalls.KEPT
    assert all(s.number for s in screens[3:5]) and screens[5].number == ""  # strangers, then a withheld number
    numbers = [number for _what, number in calls]
    assert numbers[0].startswith("+98") and numbers[1].startswith("09") and numbers[2].startswith("0098")
    assert numbers[3].startswith("۰۹") and " " in numbers[4]
    assert len(demo_calls(2)) == 2 and demo_calls(2)[-1][1] == "anonymous"
    assert len(demo_calls(9)) == 9


def test_demo_calls_ring_the_running_app_and_hang_up(staff, db_target, server, qtbot):
    _demo_office(staff)
    events = []
    server.event_received.connect(events.append)
    done = run_main(qtbot, "demo-calls", "--db", db_target, "--count", "2", "--gap", "0")
    assert done.returncode == 0, done.stderr
    assert [(e.kind, e.source) for e in events] == [(RINGING, "demo"), (HUNG_UP, "demo")] * 2
    assert events[0].call_id == events[1].call_id != events[2].call_id == events[3].call_id
    assert events[0].number == "+989121112233" and events[2].number == "anonymous"
    assert "ringing '+989121112233': a customer with an overdue complaint" in done.stdout
