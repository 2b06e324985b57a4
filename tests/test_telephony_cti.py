"""The CTI listener: a real HTTP server on a free port, real form posts as PBX templates send them
(Zammad's generic CTI API), and what the desk makes of them through the call tracker."""

from __future__ import annotations

import asyncio
import json
import logging
import queue
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpdesk.telephony import events
from helpdesk.telephony.cti import CtiListener
from helpdesk.telephony.events import ANSWERED, ENDED, HUNG_UP, INBOUND, MISSED, OUTBOUND, RINGING, CallTracker

TOKEN = "k3Y-PBX_shared-TOKEN-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Running:
    """A source running on an asyncio loop of its own thread, as the phone link runs it."""

    def __init__(self, source):
        self.source = source
        self.events: queue.Queue = queue.Queue()
        self.states: list[tuple[str, str]] = []
        self.connected = threading.Event()
        self.loop = asyncio.new_event_loop()
        self.task = None
        self.thread = threading.Thread(target=self._main, daemon=True)
        self.thread.start()

    def _set_state(self, state: str, detail: str) -> None:
        self.states.append((state, detail))
        if state == "connected":
            self.connected.set()

    def _main(self) -> None:
        async def serve():
            self.task = asyncio.current_task()
            try:
                await self.source.run(self.events.put, self._set_state)
            except asyncio.CancelledError:
                pass

        self.loop.run_until_complete(serve())
        self.loop.close()

    def heard(self) -> list:
        out = []
        while not self.events.empty():
            out.append(self.events.get_nowait())
        return out

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.task.cancel)
        self.thread.join(10)
        assert not self.thread.is_alive()


@pytest.fixture
def listener():
    running = Running(CtiListener(port=free_port(), token=TOKEN))
    assert running.connected.wait(10), running.states
    yield running
    running.stop()


def post(port: int, fields, token: str = TOKEN, as_json: bool = False, path: str | None = None):
    """POST as a PBX template does; returns (HTTP status, the JSON answer)."""
    url = f"http://127.0.0.1:{port}" + (path if path is not None else f"/api/v1/cti/{token}")
    if as_json:
        body, kind = json.dumps(fields).encode(), "application/json"
    elif isinstance(fields, bytes):
        body, kind = fields, "application/x-www-form-urlencoded"
    else:
        body, kind = urllib.parse.urlencode(fields, doseq=True).encode(), "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": kind})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        text = error.read()
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, text


def desk_view(heard, extension="201"):
    tracker = CallTracker(extension)
    return [
        (e.kind, events.caller_number(e.number, "IR"), e.duration is not None)
        for event in heard
        for e in tracker.feed(event)
    ]


def test_an_inbound_call_answered_at_this_desk(listener, caplog):
    caplog.set_level(logging.DEBUG)
    port = listener.source.port
    # sipgate/placetel style: the office's number in "to", the ringing users in user[]
    call = {"from": "09121234567", "to": "982188776655", "direction": "in", "callId": "4991155921769858278-1"}
    assert post(port, {**call, "event": "newCall", "user[]": ["201", "202"]}) == (200, {})
    assert post(port, {**call, "event": "answer", "answeringNumber": "201", "user": "Reza Desk"}) == (200, {})
    assert post(port, {"event": "hangup", "direction": "in", "callId": call["callId"], "cause": "normalClearing"}) == (
        200,
        {},
    )
    heard = listener.heard()
    assert [(e.kind, e.number, e.extension, e.direction, e.source) for e in heard] == [
        (RINGING, "09121234567", "982188776655", INBOUND, "cti"),
        (RINGING, "09121234567", "201", INBOUND, "cti"),
        (RINGING, "09121234567", "202", INBOUND, "cti"),
        (ANSWERED, "09121234567", "201", INBOUND, "cti"),
        (HUNG_UP, "", "", INBOUND, "cti"),  # a bridge's hang-up names neither number
    ]
    assert {e.call_id for e in heard} == {"4991155921769858278-1"}
    assert desk_view(heard) == [
        (RINGING, "+989121234567", False),
        (ANSWERED, "+989121234567", False),
        (ENDED, "+989121234567", True),
    ]
    # The desk of the ring group's other extension saw it answered elsewhere, and logs nothing.
    assert [k for k, _, _ in desk_view(heard, "202")] == [RINGING, events.ANSWERED_ELSEWHERE]
    assert TOKEN not in caplog.text


def test_an_inbound_call_nobody_answered_is_missed(listener):
    port = listener.source.port
    call = {"from": "+98 912 765 4321", "to": "201", "direction": "in", "callId": "missed-1"}
    assert post(port, {**call, "event": "newCall"}) == (200, {})
    assert post(port, {**call, "event": "hangup", "cause": "cancel"}) == (200, {})
    assert desk_view(listener.heard()) == [(RINGING, "+989127654321", False), (MISSED, "+989127654321", False)]


def test_an_outbound_call_and_a_json_body(listener):
    port = listener.source.port
    call = {"from": "201", "to": "02188776655", "direction": "out", "callId": "9f1840cb-8be9"}
    for event in ("newCall", "answer", "hangup"):
        assert post(port, {**call, "event": event}, as_json=True) == (200, {})
    heard = listener.heard()
    assert [(e.kind, e.number, e.extension, e.direction) for e in heard] == [
        (RINGING, "02188776655", "201", OUTBOUND),
        (ANSWERED, "02188776655", "201", OUTBOUND),
        (HUNG_UP, "02188776655", "201", OUTBOUND),
    ]
    assert [k for k, _, _ in desk_view(heard)] == [RINGING, ANSWERED, ENDED]


@pytest.mark.parametrize("token", ["", "wrong", TOKEN[:-1], TOKEN + "x", TOKEN.upper()])
def test_a_wrong_token_is_refused_and_nothing_is_heard(listener, token):
    status, answer = post(
        listener.source.port,
        {"event": "newCall", "from": "09121234567", "to": "201", "direction": "in", "callId": "x1"},
        token=token,
    )
    assert status in (401, 404)  # an empty token is no route at all
    if status == 401:
        assert answer == {"error": "Invalid token, please contact your admin!"}
    # A token field in the form or the query does not open the door either (Zammad reads the path).
    status, _ = post(
        listener.source.port,
        {"event": "newCall", "callId": "x2", "direction": "in", "token": TOKEN},
        path=f"/api/v1/cti/wrong?token={TOKEN}",
    )
    assert status == 401
    assert listener.heard() == []


@pytest.mark.parametrize(
    "fields, status, reason",
    [
        ({"from": "0912", "direction": "in", "callId": "1"}, 400, "no event"),
        ({"event": "ring", "direction": "in", "callId": "1"}, 400, "unknown event"),
        ({"event": "newCall", "direction": "in"}, 400, "no callId"),
        ({"event": "newCall", "direction": "sideways", "callId": "1"}, 422, "Invalid direction!"),
        ({"event": "newCall", "direction": "in", "callId": "1" * 251}, 400, "a field is too long"),
    ],
)
def test_a_bad_request_is_answered_with_its_reason(listener, fields, status, reason):
    assert post(listener.source.port, fields) == (status, {"error": reason})
    assert listener.heard() == []


def test_it_listens_on_this_computer_only(listener):
    assert listener.source.host == "127.0.0.1"
    assert [address[0] for address in listener.source.bound] == ["127.0.0.1"]
    assert listener.states[-1] == ("connected", f"listening on 127.0.0.1:{listener.source.port}")


def test_a_port_in_use_is_said_and_tried_again_until_it_is_free():
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    source = CtiListener(port=port, token=TOKEN)
    source.RETRY_SECONDS = 0.05
    running = Running(source)
    try:
        deadline = threading.Event()
        for _ in range(200):
            if ("lost", f"port {port} in use") in running.states:
                break
            deadline.wait(0.05)
        assert ("lost", f"port {port} in use") in running.states
        assert not running.connected.is_set()
        blocker.close()
        assert running.connected.wait(10)
        assert post(port, {"event": "newCall", "direction": "in", "callId": "after", "from": "0912"}) == (200, {})
    finally:
        blocker.close()
        running.stop()


NAMES = st.sampled_from(
    ["event", "from", "to", "direction", "callId", "user[]", "user", "answeringNumber", "cause", "token", "queue"]
)
VALUES = st.one_of(
    st.sampled_from(["newCall", "answer", "hangup", "in", "out", "", "anonymous"]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
)


def test_whatever_is_posted_the_listener_answers_and_never_fails(listener):
    port = listener.source.port

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        fields=st.lists(st.tuples(NAMES, VALUES), max_size=12),
        raw=st.one_of(st.none(), st.binary(max_size=300)),
        as_json=st.booleans(),
    )
    def posted(fields, raw, as_json):
        if raw is not None:
            status, _ = post(port, raw)
        elif as_json:
            status, _ = post(port, dict(fields), as_json=True)
        else:
            status, _ = post(port, fields)
        assert status in (200, 400, 422)

    posted()
    listener.heard()
    assert post(port, {"event": "newCall", "direction": "in", "callId": "still", "from": "0912"}) == (200, {})
    assert [e.call_id for e in listener.heard()] == ["still"]


def test_a_huge_or_broken_body_is_refused(listener):
    port = listener.source.port
    assert post(port, b"event=newCall&from=" + b"9" * 100_000)[0] == 413
    assert post(port, b"event=newCall&direction=in&callId=1&from=%FF%FE")[0] in (200, 400)
    assert post(port, b"{not json", as_json=False)[0] == 400
    status, _ = post(port, ["not", "an", "object"], as_json=True)
    assert status == 400
    listener.heard()
    assert post(port, {"event": "hangup", "direction": "in", "callId": "ok"}) == (200, {})
