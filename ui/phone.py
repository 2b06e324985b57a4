"""The desk's end of the phone system: the pop as it rings, the call window on the answer, the
callback for a missed call, click to dial, and the status bar's word on the connection.

``PhoneCenter`` lives while someone is signed in. It hears three sources of the same events:
the phone system this desk is set up for (``helpdesk.telephony.link``, on its own thread), the
``ring`` command (``ui/phone_ring.py``), and the demo (Help ▸ Simulate a phone call). Each event
goes through one ``CallTracker``, which says what it means for this desk's extension.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from helpdesk import phonecalls
from helpdesk.clock import utcnow
from helpdesk.errors import KnownError
from helpdesk.telephony import events as ev

if TYPE_CHECKING:
    from .dialogs.call_window import CallWindow

log = logging.getLogger(__name__)

WARM_UP_MS = 1_000  # after sign-in, once the window has settled
DEMO_HANG_UP_MS = 25_000  # a simulated call nobody answers rings this long, then it is a missed call


class PhoneCenter(QObject):
    """One desk's phone: built at sign-in by the main window, stopped at sign-out."""

    _heard = Signal(object)  # a PhoneEvent, from the link's thread: queued to this one
    _state = Signal(object)  # a LinkState, likewise
    state_changed = Signal(object)
    popped = Signal(object)  # the Screen shown, after the pop is filled (the benchmark waits on it)
    dial_failed = Signal(object)  # the KnownError the phone system answered a dial with

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent or window)
        from helpdesk.telephony import desk
        from helpdesk.telephony.link import LinkState, PhoneLink

        from .phone_pop import PhonePop
        from .phone_ring import RingServer

        self.window = window
        self.desk = desk.load()
        self.tracker = ev.CallTracker(self.desk.extension)
        self.rang: dict[str, ev.PhoneEvent] = {}  # the calls ringing here, by call id
        self.screens: dict[str, phonecalls.Screen] = {}
        self.chosen: dict[str, int] = {}  # a "maybe" caller the person picked, by call id
        self.windows: dict[str, CallWindow] = {}  # the call windows of answered calls, by call id
        self.dialled: dict[
            str, CallWindow
        ] = {}  # the windows of calls dialled from here, by the number, until answered
        self.link_state = LinkState("off", None)
        self._heard.connect(self.hear)
        self._state.connect(self._show_state)
        self.link = PhoneLink(self._heard.emit, self._state.emit)
        self.pop = PhonePop(region=_region())
        self.pop.answer_requested.connect(self.answer)
        self.pop.customer_chosen.connect(self._choose)
        self.pop.open_customer.connect(self._open_customer)
        self.pop.new_customer_requested.connect(self._new_customer)
        self.ring_server = RingServer(self)
        self.ring_server.event_received.connect(self.hear)
        self.ring_server.start()  # ``main.py ring NUMBER``: false when another help desk listens already
        self.apply(self.desk)

    # --- the source -------------------------------------------------------------------------
    def apply(self, settings) -> None:
        """Use ``settings`` (a ``desk.DeskPhone``): connect to its source, or to none."""
        from helpdesk.telephony import desk
        from helpdesk.telephony.link import LinkState

        self.desk = settings
        self.tracker.extension = (settings.extension or "").strip()
        try:
            source = desk.source_for(settings, _region())
        except KnownError as error:
            log.warning("phone system not started: %s", error)
            source = None
        if source is None:
            self.link.stop()
            self._show_state(LinkState("off", None))
        else:
            self.link.start(source)
            # The pop's first paint builds its fonts and native window (about 0.4 s): done now, out of
            # sight, so the first call pops as fast as the rest.
            QTimer.singleShot(WARM_UP_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        if shiboken6.isValid(self.pop) and not self.pop.isVisible():
            self.pop.warm_up()

    @property
    def can_dial(self) -> bool:
        return self.desk.source == "ami" and self.link_state.state == "connected"

    @Slot(object)
    def _show_state(self, state) -> None:
        self.link_state = state
        self.state_changed.emit(state)

    def stop(self) -> None:
        self.link.stop()
        self.ring_server.stop()
        if shiboken6.isValid(self.pop):
            self.pop.hide_call()
            self.pop.deleteLater()

    # --- what happens ----------------------------------------------------------------------
    @Slot(object)
    def hear(self, event: ev.PhoneEvent) -> None:
        """Every event of every source comes here, on the UI thread."""
        if self.window.staff is None:
            return
        for what in self.tracker.feed(event):
            try:
                self._act(what)
            except KnownError as error:  # the database is away: the connection indicator says so
                log.warning("phone event %s not handled: %s", what.kind, error)

    def _act(self, event: ev.PhoneEvent) -> None:
        if event.kind == ev.RINGING:
            self.ring(event)
        elif event.kind == ev.ANSWERED:
            self._answered(event)
        elif event.kind == ev.ANSWERED_ELSEWHERE:
            self.rang.pop(event.call_id, None)
            self.pop.answered_elsewhere(event.extension)
        elif event.kind == ev.ENDED:
            window = self.windows.pop(event.call_id, None)
            if window is not None and shiboken6.isValid(window):
                window.phone_hung_up(event.at, event.duration)
            self._forget(event.call_id)
        elif event.kind == ev.MISSED:
            self.rang.pop(event.call_id, None)
            follow_up = phonecalls.record_missed(self.window.staff, event.call_id, event.number, event.at)
            self.pop.missed(follow_up is not None)
            self._forget(event.call_id)
            self.window.refresh_follow_ups()

    def ring(self, event: ev.PhoneEvent) -> phonecalls.Screen:
        screen = phonecalls.screen(event.number)
        self.rang[event.call_id] = event
        self.screens[event.call_id] = screen
        self.pop.show_call(event, screen)
        self.popped.emit(screen)
        return screen

    @Slot(object)
    def answer(self, event: ev.PhoneEvent) -> None:
        """The person pressed Answer on the pop: the call is answered here, now (the phone system's
        own "answered" may follow; it changes nothing then)."""
        self.hear(
            ev.PhoneEvent(
                ev.ANSWERED,
                event.call_id,
                event.number,
                self.desk.extension or event.extension,
                event.direction,
                utcnow(),
                source="desk",
            )
        )

    def _answered(self, event: ev.PhoneEvent):
        number = ev.caller_number(event.number, _region())
        window = self.dialled.pop(number, None) if event.direction == ev.OUTBOUND else None
        if window is not None and shiboken6.isValid(window) and window.running:
            # A call dialled from here was answered: its window is open; the talk time counts from now.
            window.answered_at, window.call_id = event.at, event.call_id
            self.windows[event.call_id] = window
            return window
        rang = self.rang.pop(event.call_id, None)
        screen = self.screens.get(event.call_id)
        customer_id = self.chosen.get(event.call_id)
        if customer_id is None and screen is not None and screen.match == phonecalls.KNOWN:
            customer_id = screen.callers[0].customer_id
        if screen is not None:
            number = screen.number
        self.pop.hide_call()
        window = self.window.start_call(
            "phone",
            event.direction,
            customer_id,
            phone_call={
                "call_id": event.call_id,
                "number": number,
                "rang_at": rang.at if rang is not None else event.at,
                "answered_at": event.at,
            },
        )
        if window is not None:
            self.windows[event.call_id] = window
        return window

    def _forget(self, call_id: str) -> None:
        self.screens.pop(call_id, None)
        self.chosen.pop(call_id, None)

    @Slot(int)
    def _choose(self, customer_id: int) -> None:
        for call_id in self.rang:
            self.chosen[call_id] = customer_id

    @Slot(int)
    def _open_customer(self, customer_id: int) -> None:
        page = self.window.customers_page
        self.window.show_page(self.window.stack.indexOf(page))
        page.open_profile(customer_id)

    @Slot(str)
    def _new_customer(self, number: str) -> None:
        from .dialogs.customer_form import CustomerForm
        from .pages.customers import prefill_from_search

        form = CustomerForm(self.window.staff, prefill=prefill_from_search(number), parent=self.window)
        form.saved.connect(lambda customer_id: self._choose(customer_id))
        self.customer_form = form
        form.show()

    # --- click to dial ------------------------------------------------------------------------
    def dial(self, number: str, customer_id: int | None = None, follow_up_id: int | None = None):
        """Ring this desk's phone and call ``number`` from it (the Manager Interface's Originate); the call
        window opens at once, outbound, and is logged like any other."""
        from helpdesk import phones

        e164 = ev.caller_number(number, _region())
        if not e164:
            raise KnownError(f"not a number: {number!r}")
        future = self.link.dial(e164, self.desk.extension)
        future.add_done_callback(lambda f: self.dial_failed.emit(f.exception()) if f.exception() else None)
        window = self.window.start_call("phone", "outbound", customer_id, follow_up_id)
        if window is not None:
            window.call_number = e164
            if customer_id is None:
                window.lookup.setText(phones.display(e164, _region()))
            self.dialled[e164] = window
        return window

    # --- the demo ---------------------------------------------------------------------------------
    def simulate(self, raw_number: str | None = None) -> ev.PhoneEvent:
        """Ring this desk as the phone system would, with a demo customer's number or a stranger's; nobody
        answering, it ends as a missed call after a while."""
        from helpdesk.demo import calls as demo

        if raw_number is None:
            calls = demo.demo_calls()
            self._demo_turn = (getattr(self, "_demo_turn", -1) + 1) % max(1, len(calls))
            raw_number = calls[self._demo_turn][1] if calls else "09121234567"
        event = ev.PhoneEvent(
            ev.RINGING, "demo-" + uuid.uuid4().hex[:12], raw_number, self.desk.extension, source="demo"
        )
        self.hear(event)
        QTimer.singleShot(DEMO_HANG_UP_MS, self, lambda: self._demo_gives_up(event))
        return event

    def _demo_gives_up(self, event: ev.PhoneEvent) -> None:
        if event.call_id in self.rang:  # still ringing: nobody answered
            self.hear(
                ev.PhoneEvent(ev.HUNG_UP, event.call_id, event.number, event.extension, at=utcnow(), source="demo")
            )


def _region() -> str:
    from helpdesk import settings

    return settings.phone_region()
