"""Runs one phone source on an asyncio loop of its own thread, and hands on what it hears.

``PhoneLink(on_event, on_state)``: ``start(source)`` runs ``source.run(emit, set_state)`` on a
daemon thread (a previous source is stopped first); ``stop()`` cancels it, lets it close its
socket, and joins the thread (never for long); ``dial(number, extension)`` asks the source to
ring the desk's extension and call the number, and returns a ``concurrent.futures.Future``.

The callbacks run on the link's thread: ``on_event(PhoneEvent)`` for every event the source hears
(every extension's: ``events.CallTracker`` says which concern this desk) and ``on_state(LinkState)``
when the connection's state changes. A UI hands them on to its own thread (a queued signal). An
exception in a callback is logged and does not stop the source; an exception inside the source is
logged, shown as state "lost", and the source is started again after a pause (1, 2, 4 … 30 s).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ..clock import utcnow
from ..errors import KnownError
from .events import PhoneEvent

log = logging.getLogger(__name__)

OFF = "off"
CONNECTING = "connecting"
CONNECTED = "connected"
LOST = "lost"
STATES = (OFF, CONNECTING, CONNECTED, LOST)

STOP_TIMEOUT = 3.0  # seconds stop() waits for the source to close before leaving the thread behind
RESTART_DELAYS = (1.0, 30.0)  # after a source raised: first pause, longest pause


class CannotDial(KnownError):
    """Click to dial did not reach the phone system. ``code`` says why:

    - ``dial_no_phone_system``: this desk has no source that can dial (none set, or the CTI listener);
    - ``dial_not_connected``: the Manager Interface is not connected (or the link is stopped);
    - ``dial_refused``: Asterisk refused the Originate (``detail`` holds its message, e.g. permission);
    - ``dial_no_reply``: Asterisk did not answer the request in time;
    - ``dial_bad_number``: the number or the extension cannot be dialled."""

    code = "cannot_dial"

    def __init__(self, code: str, detail: str = "", **params):
        super().__init__(detail or code, **params)
        self.code = code


@dataclass(frozen=True)
class LinkState:
    state: str  # "off" | "connecting" | "connected" | "lost"
    since: datetime | None = None  # naive UTC (clock.utcnow) when it entered this state
    detail: str = ""  # a short English technical reason, for the log (never a secret)


class PhoneLink:
    def __init__(self, on_event: Callable[[PhoneEvent], None], on_state: Callable[[LinkState], None]):
        self._on_event = on_event
        self._on_state = on_state
        self._lock = threading.Lock()
        self._generation = 0
        self._source = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._thread: threading.Thread | None = None
        self._state = LinkState(OFF)

    @property
    def state(self) -> LinkState:
        return self._state

    @property
    def source(self):
        return self._source

    # --- running ------------------------------------------------------------------------------

    def start(self, source) -> None:
        """Run ``source`` (stopping the one running before)."""
        self.stop()
        loop = asyncio.new_event_loop()
        with self._lock:
            self._generation += 1
            generation = self._generation
            self._source, self._loop = source, loop
            self._task = loop.create_task(self._keep_running(source, generation))
            self._thread = threading.Thread(
                target=self._serve, args=(loop, self._task), name=f"phone-link-{generation}", daemon=True
            )
            thread = self._thread
        thread.start()

    def stop(self) -> None:
        """Stop the source: it closes its connection; the thread ends. Safe to call twice."""
        with self._lock:
            loop, task, thread = self._loop, self._task, self._thread
            self._loop = self._task = self._thread = self._source = None
            self._generation += 1  # whatever the old source still says is dropped
            stopping = thread is not None
        if thread is not None:
            assert loop is not None and task is not None  # set together with the thread
            try:
                loop.call_soon_threadsafe(task.cancel)
            except RuntimeError:  # the loop has closed already
                pass
            if thread is not threading.current_thread():
                thread.join(STOP_TIMEOUT)
                if thread.is_alive():
                    log.warning(
                        "phone link: the source did not stop within %.0f s; left to end by itself", STOP_TIMEOUT
                    )
        if stopping or self._state.state != OFF:
            self._publish(LinkState(OFF, utcnow(), ""))

    def dial(self, number_e164: str, extension: str) -> concurrent.futures.Future:
        """Ring ``extension`` and call ``number_e164`` from it. The future's result is None once the
        phone system took the request; its exception is a ``CannotDial`` when it did not."""
        with self._lock:
            source, loop = self._source, self._loop
        if source is None or loop is None:
            return _failed(CannotDial("dial_not_connected", "the phone link is stopped"))
        if not callable(getattr(source, "dial", None)):
            return _failed(CannotDial("dial_no_phone_system", f"{type(source).__name__} cannot dial"))

        async def dialling():
            try:
                await source.dial(number_e164, extension)
            except KnownError:
                raise
            except Exception as exc:  # a bug or a broken connection: say so, do not lose it
                log.exception("phone link: dialling failed")
                raise CannotDial("dial_not_connected", f"{type(exc).__name__}: {exc}") from exc

        try:
            return asyncio.run_coroutine_threadsafe(dialling(), loop)
        except RuntimeError:  # the loop closed between the lock and here
            return _failed(CannotDial("dial_not_connected", "the phone link is stopped"))

    # --- the link's thread -------------------------------------------------------------------

    def _serve(self, loop: asyncio.AbstractEventLoop, task: asyncio.Task) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(task)
        except asyncio.CancelledError:
            pass
        except BaseException:  # never expected: _keep_running catches everything but cancellation
            log.exception("phone link: the loop ended with an error")
        finally:
            try:
                pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
                for other in pending:
                    other.cancel()
                if pending:
                    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                # Closed transports close their sockets on the loop's next turns.
                loop.run_until_complete(asyncio.sleep(0))
                loop.run_until_complete(asyncio.sleep(0))
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()

    async def _keep_running(self, source, generation: int) -> None:
        delay, longest = RESTART_DELAYS

        def emit(event: PhoneEvent) -> None:
            if generation != self._generation:
                return
            try:
                self._on_event(event)
            except Exception:
                log.exception("phone link: on_event failed for %s", event.kind)

        def set_state(state: str, detail: str = "") -> None:
            if generation != self._generation:
                return
            if state not in (CONNECTING, CONNECTED, LOST):
                log.error("phone link: a source reported the unknown state %r", state)
                return
            current = self._state
            if current.state == state and current.detail == detail:
                return
            self._publish(LinkState(state, utcnow(), detail))

        while generation == self._generation:  # a source that outlived stop() is not started again
            try:
                await source.run(emit, set_state)
                reason = "the source stopped"
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.exception("phone link: %s failed", type(source).__name__)
                reason = f"{type(exc).__name__}: {exc}"
            set_state(LOST, reason)
            await asyncio.sleep(delay)
            delay = min(delay * 2, longest)

    def _publish(self, state: LinkState) -> None:
        self._state = state
        try:
            self._on_state(state)
        except Exception:
            log.exception("phone link: on_state failed")


def _failed(error: Exception) -> concurrent.futures.Future:
    future: concurrent.futures.Future = concurrent.futures.Future()
    future.set_exception(error)
    return future
