"""The phone link: one source on an asyncio loop of its own thread, its events and states handed on,
and a source's failure never taking the link down. Small sources written here; no database."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from helpdesk.clock import utcnow
from helpdesk.telephony import events as ev
from helpdesk.telephony import link as linkmod
from helpdesk.telephony.link import CannotDial, LinkState, PhoneLink
from tests.helpers.fake_ami import Recorder

WAIT = 5.0


@pytest.fixture
def heard():
    return Recorder()


@pytest.fixture
def link(heard):
    link = PhoneLink(heard.on_event, heard.on_state)
    yield link
    link.stop()


class Ringer:
    """Connects, rings once per ``ring`` call (thread-safe), and can dial."""

    def __init__(self, name="ringer"):
        self.name = name
        self.cancelled = threading.Event()
        self.dialled = []
        self._loop = None
        self._emit = None

    async def run(self, emit, set_state):
        self._loop, self._emit = asyncio.get_running_loop(), emit
        set_state("connecting", "here")
        set_state("connected", "here")
        try:
            await asyncio.Event().wait()
        finally:
            self.cancelled.set()

    def ring(self, call_id, number="09121234567", extension="201"):
        event = ev.PhoneEvent(ev.RINGING, call_id, number, extension, source=self.name)
        self._loop.call_soon_threadsafe(self._emit, event)

    async def dial(self, number_e164, extension):
        self.dialled.append((number_e164, extension, threading.current_thread().name))


class ListenOnly:
    async def run(self, emit, set_state):
        set_state("connected", "listening")
        await asyncio.Event().wait()


def test_a_source_runs_on_the_links_own_thread_and_its_events_reach_the_listener(link, heard):
    source = Ringer()
    assert link.state.state == "off"
    link.start(source)
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    assert heard.state_names() == ["connecting", "connected"]
    assert isinstance(link.state, LinkState) and link.state.state == "connected"
    assert link.state.since is not None and link.state.since.tzinfo is None  # naive UTC
    assert abs((utcnow() - link.state.since).total_seconds()) <= 2
    source.ring("c1")
    assert heard.wait(lambda h: h.kinds("c1") == [ev.RINGING], WAIT)
    assert heard.events[0].number == "09121234567"


def test_a_source_that_fails_is_shown_lost_logged_and_started_again(link, heard, caplog, monkeypatch):
    monkeypatch.setattr(linkmod, "RESTART_DELAYS", (0.02, 0.05))
    runs = []

    class Broken:
        async def run(self, emit, set_state):
            runs.append(1)
            set_state("connecting", "")
            raise ValueError("a bug in the source")

    link.start(Broken())
    assert heard.wait(lambda h: len(runs) >= 3, WAIT)
    lost = [s for s in heard.states if s.state == "lost"]
    assert lost and "ValueError: a bug in the source" in lost[0].detail
    assert "a bug in the source" in caplog.text and "Traceback" in caplog.text
    assert any(t.name.startswith("phone-link") for t in threading.enumerate())


def test_a_listener_that_fails_does_not_stop_the_events(heard, caplog):
    failing = {"count": 0}

    def on_event(event):
        failing["count"] += 1
        if event.call_id == "bad":
            raise RuntimeError("the listener broke")
        heard.on_event(event)

    link = PhoneLink(on_event, heard.on_state)
    source = Ringer()
    try:
        link.start(source)
        assert heard.wait(lambda h: h.state == "connected", WAIT)
        source.ring("bad")
        source.ring("good")
        assert heard.wait(lambda h: h.kinds("good") == [ev.RINGING], WAIT)
        assert failing["count"] == 2 and "the listener broke" in caplog.text
        assert link.state.state == "connected"
    finally:
        link.stop()


def test_starting_another_source_stops_the_first_and_drops_what_it_still_says(link, heard):
    first, second = Ringer("first"), Ringer("second")
    link.start(first)
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    link.start(second)
    assert first.cancelled.is_set()  # stopped before the second started
    assert heard.wait(lambda h: h.state_names()[-1] == "connected" and "off" in h.state_names(), WAIT)
    assert heard.state_names() == ["connecting", "connected", "off", "connecting", "connected"]
    second.ring("c2")
    assert heard.wait(lambda h: h.kinds("c2"), WAIT)
    assert [e.source for e in heard.events] == ["second"]


def test_stop_ends_the_thread_and_can_be_called_twice(link, heard):
    source = Ringer()
    link.start(source)
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    link.stop()
    link.stop()
    assert source.cancelled.is_set()
    assert not [t for t in threading.enumerate() if t.name.startswith("phone-link")]
    assert link.state.state == "off" and heard.state_names()[-1] == "off"
    assert heard.state_names().count("off") == 1


def test_stop_does_not_hang_on_a_source_that_will_not_stop(link, heard, monkeypatch, caplog):
    monkeypatch.setattr(linkmod, "STOP_TIMEOUT", 0.2)
    release = threading.Event()

    class Stubborn:
        async def run(self, emit, set_state):
            set_state("connected", "")
            while not release.is_set():
                try:
                    await asyncio.sleep(0.01)
                except asyncio.CancelledError:
                    continue  # refuses to stop

    link.start(Stubborn())
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    link.stop()  # returns after STOP_TIMEOUT
    assert link.state.state == "off"
    assert "did not stop" in caplog.text
    release.set()  # once it ends by itself, it is not started again and its thread ends
    for thread in [t for t in threading.enumerate() if t.name.startswith("phone-link")]:
        thread.join(WAIT)
        assert not thread.is_alive()


def test_dial_runs_on_the_links_thread_and_returns_a_future(link, heard):
    source = Ringer()
    link.start(source)
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    assert link.dial("+989121234567", "201").result(WAIT) is None
    ((number, extension, thread),) = source.dialled
    assert (number, extension) == ("+989121234567", "201") and thread.startswith("phone-link")


def test_dial_is_refused_without_a_source_that_can_dial(link, heard):
    with pytest.raises(CannotDial) as stopped:
        link.dial("+989121234567", "201").result(WAIT)
    assert stopped.value.code == "dial_not_connected"
    link.start(ListenOnly())
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    with pytest.raises(CannotDial) as cannot:
        link.dial("+989121234567", "201").result(WAIT)
    assert cannot.value.code == "dial_no_phone_system"


def test_a_source_failing_to_dial_says_cannot_dial(link, heard, caplog):
    class Flaky(Ringer):
        async def dial(self, number_e164, extension):
            raise OSError("broken pipe")

    link.start(Flaky())
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    with pytest.raises(CannotDial) as failed:
        link.dial("+989121234567", "201").result(WAIT)
    assert failed.value.code == "dial_not_connected" and "broken pipe" in failed.value.detail
    assert link.state.state == "connected"


def test_an_unknown_state_from_a_source_is_logged_not_shown(link, heard, caplog):
    class Odd:
        async def run(self, emit, set_state):
            set_state("sleeping", "")
            set_state("connected", "")
            await asyncio.Event().wait()

    caplog.set_level(logging.ERROR)
    link.start(Odd())
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    assert heard.state_names() == ["connected"] and "sleeping" in caplog.text
