"""The Asterisk Manager Interface (Asterisk 12+, FreePBX, Issabel) as a phone source.

``AmiSource(host, port, username, password)`` logs in over TCP with ``panoramisk``, turns the
call events every extension's calls raise into ``PhoneEvent``s, reconnects by itself with
back-off (1, 2, 4 … 30 s; back to 1 s after a good login), and dials (``Originate``).

How Asterisk's events become ours (Asterisk 12 and later; the call's id is its ``Linkedid``, the
``Uniqueid`` of the call's first channel, shared by every channel of the call, Local ones too):

- ``DialBegin`` to a phone of the office (``DestChannel`` ``PJSIP/201-0000000b``, ``SIP/201-…``)
  from outside -> RINGING inbound for 201, the number being ``CallerIDNum`` of the calling channel
  (a ring group raises one per phone; FreePBX's ``Local/…`` legs are looked through);
- ``DialBegin`` from a phone of the office to an outside number -> nothing yet, remembered;
- ``DialEnd`` with ``DialStatus: ANSWER`` -> ANSWERED by the phone that answered (inbound) or by
  the phone that dialled (outbound, with the number it dialled), once per call;
- ``Hangup`` of the call's first channel (``Uniqueid == Linkedid``) of a call we reported -> HUNG_UP
  (Asterisk gives no talk time there: the tracker counts from the answer).

Calls between two extensions are not customer calls and are not reported. An outbound call reports
no RINGING (it does not ring at the desk: ``CallTracker`` would take it for a call that rang here,
and one left unanswered for a missed call). Asterisk 11's ``Dial`` event (``SubEvent: Begin/End``,
no ``Linkedid``) is read too, the calling channel's ``UniqueID`` being the call's id.

An "office phone" is a channel of a device (not ``Local``/``DAHDI``) whose name is 2 to 6 digits:
FreePBX and Issabel name PJSIP/SIP endpoints after the extension. An outside number has 7 or more
digits. The login asks for the ``call`` class of events only.

Click to dial: ``Originate`` of ``channel`` (``PJSIP/{extension}``) into ``context``
(``from-internal``) at the number *as a phone of the office dials it*: the national form
(``09121234567``) for a number of the office's ``region``, the international prefix of that region
otherwise (``00441632960000`` from Iran), so the dial plan's outbound routes match as if the person
had typed it. The caller id shown on the desk's phone while it rings is the number, with the
extension as the caller id number (FreePBX finds the extension's outbound routes and caller id by it).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from panoramisk import Manager
from panoramisk.ami_protocol import AMIProtocol

from .. import phones
from ..clock import utcnow
from .events import ANSWERED, HUNG_UP, INBOUND, OUTBOUND, RINGING, PhoneEvent
from .link import CONNECTED, CONNECTING, LOST, CannotDial

log = logging.getLogger(__name__)

SOURCE = "ami"
PING_EVERY = 20.0  # seconds between keep-alive pings (a dead network shows as no reply)
REMEMBERED_CALLS = 2000  # calls followed at once, at most (a call whose hang-up was never heard is forgotten)

_EXTENSION = re.compile(r"\d{2,6}")
_NOT_PHONES = {"local", "dahdi", "multicastrtp", "message"}
_DIGITS = re.compile(r"[^\d+]")


def channel_extension(channel: str) -> str:
    """The extension of a phone's channel (``PJSIP/201-0000000b`` -> ``201``), "" for others
    (trunks, ``Local/…`` legs, DAHDI lines)."""
    tech, _, rest = (channel or "").partition("/")
    if not rest or tech.lower() in _NOT_PHONES:
        return ""
    name = rest.rsplit("-", 1)[0] if "-" in rest else rest
    return name if _EXTENSION.fullmatch(name) else ""


def outside_number(text: str) -> str:
    """``text`` as a number of the outside world (7 digits or more, a leading + kept), else ""."""
    tidy = _DIGITS.sub("", text or "")
    return tidy if len(tidy.lstrip("+")) >= 7 and "+" not in tidy[1:] else ""


def _is_internal_number(text: str) -> bool:
    return bool(_EXTENSION.fullmatch((text or "").strip()))


def _dialled_number(event) -> str:
    """The outside number a phone dialled: the dial string's, else the callee's caller id, else
    the calling channel's extension (often ``s`` inside FreePBX's dial-out subroutine)."""
    dial_string = event.get("DialString", "") or ""
    # PJSIP: "09121234567@trunk"; SIP/IAX2: "trunk/09121234567"
    candidates = [
        dial_string.split("@", 1)[0],
        dial_string.rsplit("/", 1)[-1],
        event.get("DestCallerIDNum", ""),
        event.get("Exten", ""),
    ]
    for candidate in candidates:
        number = outside_number(candidate)
        if number:
            return number
    return ""


def dial_form(number_e164: str, region: str) -> str:
    """How a phone of an office in ``region`` dials ``number_e164``: ``09121234567`` at home,
    ``00441632960000`` abroad (from Iran). Digits only."""
    import phonenumbers

    try:
        number = phonenumbers.parse(number_e164, None)
    except phonenumbers.NumberParseException:
        raise CannotDial("dial_bad_number", "not an E.164 number") from None
    text = phonenumbers.format_out_of_country_calling_number(number, region)
    tidy = _DIGITS.sub("", text)
    if len(tidy.lstrip("+")) < 3:
        raise CannotDial("dial_bad_number", "not a number")
    return tidy


@dataclass
class _Call:
    direction: str
    number: str
    extension: str = ""  # the phone that dialled (outbound)
    answered: bool = False
    reported: bool = False  # an event of it was emitted (its hang-up is then reported too)


class _NoSecrets(logging.Filter):
    """panoramisk logs an action it failed to send whole (``Fail to send <Action: Login … Secret: …>``):
    the secret is masked before any handler sees it."""

    _SECRET = re.compile(r"(secret['\"]?\s*[:=]\s*['\"]?)[^'\"\s,}>]+", re.IGNORECASE)

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if "secret" in text.lower():
            record.msg, record.args = self._SECRET.sub(r"\1***", text), None
        return True


_PANORAMISK_LOG = logging.getLogger("panoramisk.manager")
_PANORAMISK_LOG.addFilter(_NoSecrets())


class _LoginRefused(Exception):
    pass


class _Manager(Manager):
    """panoramisk's manager, with our reconnection instead of its own: a lost connection only
    resolves ``lost`` (panoramisk would retry every two seconds for ever, and leaves a refused
    login without retrying)."""

    def __init__(self, lost: asyncio.Future, **config):
        super().__init__(**config)
        self.lost = lost

    def connection_lost(self, exc):
        self._connected = False
        if self.pinger:
            self.pinger.cancel()
            self.pinger = None
        if not self.lost.done():
            reason = "connection closed by the phone system" if exc is None else f"connection lost: {exc}"
            if getattr(exc, "event", None):  # Asterisk's Shutdown event
                reason = "the phone system shut down"
            self.lost.set_result(reason)


class AmiSource:
    """A phone source speaking the Asterisk Manager Interface. See the module's text."""

    name = SOURCE

    def __init__(
        self,
        host: str,
        port: int,
        username: str,
        password: str,
        channel: str = "PJSIP/{extension}",
        context: str = "from-internal",
        timeout: float = 5,
        region: str = phones.DEFAULT_REGION,
        first_delay: float = 1.0,
        longest_delay: float = 30.0,
    ):
        self.host, self.port = host, int(port)
        self.username = username
        self._password = password
        self.channel, self.context = channel, context
        self.timeout = float(timeout)
        self.region = region
        self.first_delay, self.longest_delay = float(first_delay), float(longest_delay)
        self._manager: _Manager | None = None
        self._emit: Callable[[PhoneEvent], None] | None = None  # run() sets where events go
        self._calls: OrderedDict[str, _Call] = OrderedDict()
        self._legacy_dests: dict[str, list[str]] = {}  # Asterisk 11: call id -> extensions dialled

    def __repr__(self) -> str:  # never the password
        return f"AmiSource({self.username!r}@{self.host}:{self.port})"

    # --- the connection -----------------------------------------------------------------------

    async def run(self, emit, set_state) -> None:
        self._emit = emit
        delay = self.first_delay
        where = f"{self.host}:{self.port}"
        while True:
            set_state(CONNECTING, where)
            try:
                reason = await self._session(set_state)
                delay = self.first_delay  # it was logged in: try again soon
            except _LoginRefused as exc:
                reason = f"login refused: {exc}"
            except (OSError, asyncio.TimeoutError, ConnectionError) as exc:
                reason = _connect_failure(exc, where)
            log.info("phone system %s: %s; trying again in %g s", where, reason, delay)
            set_state(LOST, reason)
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.longest_delay)

    async def _session(self, set_state) -> str:
        """One connection: connect, log in, hear events until it is lost. Returns why it was lost
        (after a good login); raises when it could not connect or log in."""
        loop = asyncio.get_running_loop()
        lost = loop.create_future()
        manager = _Manager(
            lost,
            loop=loop,
            host=self.host,
            port=self.port,
            username=self.username,
            secret=self._password,
            events="call",
            ping_delay=10**9,
            log=_PANORAMISK_LOG,
        )
        for name, handler in (
            ("DialBegin", self._on_dial_begin),
            ("DialEnd", self._on_dial_end),
            ("Hangup", self._on_hangup),
            ("Dial", self._on_legacy_dial),
        ):
            manager.register_event(name, self._guarded(handler))
        try:
            transport, protocol = await asyncio.wait_for(
                loop.create_connection(AMIProtocol, self.host, self.port), self.timeout
            )
            connected = loop.create_future()
            connected.set_result((transport, protocol))
            manager.connection_made(connected)  # sends the Login action
            login = manager.authenticated_future
            done, _ = await asyncio.wait({login, lost}, timeout=self.timeout, return_when=asyncio.FIRST_COMPLETED)
            if login not in done:
                raise ConnectionError(lost.result() if lost in done else "no reply to the login")
            reply = login.result()
            if not reply.success:
                raise _LoginRefused(str(reply.get("Message", "")) or "refused")
            self._manager = manager
            set_state(CONNECTED, f"{self.host}:{self.port} as {self.username}")
            return await self._listen(manager, lost)
        finally:
            self._manager = None
            manager.close()

    async def _listen(self, manager: _Manager, lost: asyncio.Future) -> str:
        while True:
            done, _ = await asyncio.wait({lost}, timeout=PING_EVERY)
            if done:
                return lost.result()
            ping = manager.send_action({"Action": "Ping"})
            done, _ = await asyncio.wait({ping, lost}, timeout=self.timeout, return_when=asyncio.FIRST_COMPLETED)
            if lost in done:
                return lost.result()
            if not done:
                return "no reply to a ping"

    # --- click to dial ------------------------------------------------------------------------

    async def dial(self, number_e164: str, extension: str) -> None:
        extension = (extension or "").strip()
        if not extension or not re.fullmatch(r"[\w.+*#-]+", extension):
            raise CannotDial("dial_bad_number", "no extension set for this desk")
        exten = dial_form(number_e164, self.region)
        manager = self._manager
        if manager is None or manager.lost.done():
            raise CannotDial("dial_not_connected", "not connected to the phone system")
        action = {
            "Action": "Originate",
            "Channel": self.channel.format(extension=extension),
            "Exten": exten,
            "Context": self.context,
            "Priority": "1",
            "Async": "true",
            "CallerID": f'"{exten}" <{extension}>',
            "Timeout": "30000",
        }
        # as_list=False: the reply to the request is enough (the OriginateResponse event comes
        # when the desk picks up, up to 30 s later).
        reply = manager.send_action(action, as_list=False)
        done, _ = await asyncio.wait({reply, manager.lost}, timeout=self.timeout, return_when=asyncio.FIRST_COMPLETED)
        if reply not in done:
            if manager.lost in done:
                raise CannotDial("dial_not_connected", manager.lost.result())
            raise CannotDial("dial_no_reply", "no reply to Originate")
        message = reply.result()
        if not message.success:
            raise CannotDial("dial_refused", str(message.get("Message", "")) or "refused")
        log.info("phone system: Originate %s -> %s queued", action["Channel"], exten)

    # --- events -------------------------------------------------------------------------------

    def _guarded(self, handler):
        def guarded(manager, event):
            try:
                handler(event)
            except Exception:  # one odd event must not stop the others
                log.exception("phone system: could not read a %s event", event.get("Event", "?"))

        return guarded

    def _send(self, kind: str, call_id: str, call: _Call, extension: str) -> None:
        call.reported = True
        assert self._emit is not None, "events are read only while run() is on"
        self._emit(
            PhoneEvent(
                kind=kind,
                call_id=call_id,
                number=call.number,
                extension=extension,
                direction=call.direction,
                at=utcnow(),
                source=SOURCE,
            )
        )

    def _remember(self, call_id: str, call: _Call) -> None:
        self._calls[call_id] = call
        while len(self._calls) > REMEMBERED_CALLS:
            self._calls.popitem(last=False)

    def _on_dial_begin(self, event) -> None:
        call_id = event.get("Linkedid") or event.get("Uniqueid") or ""
        if not call_id:
            return
        self._begin(
            call_id,
            event.get("Channel", ""),
            event.get("CallerIDNum", ""),
            event.get("DestChannel", ""),
            event.get("DestCallerIDNum", ""),
            lambda: _dialled_number(event),
        )

    def _begin(self, call_id, channel, caller_number, dest_channel, dest_number, dialled) -> None:
        call = self._calls.get(call_id)
        caller_phone = channel_extension(channel)
        callee_phone = channel_extension(dest_channel)
        if call is not None and call.direction == OUTBOUND:
            return
        if caller_phone:
            if callee_phone or call is not None:
                return  # between two extensions
            number = dialled()
            if number:
                self._remember(call_id, _Call(OUTBOUND, number, extension=caller_phone))
            return
        if not callee_phone:
            return  # a trunk to a Local leg, a queue, …: the phones' own dials follow
        if call is None:
            if _is_internal_number(caller_number):
                return  # an extension calling through a Local leg (follow-me, ring group)
            call = _Call(INBOUND, caller_number or "")
            self._remember(call_id, call)
        if not call.answered:
            self._send(RINGING, call_id, call, callee_phone)

    def _on_dial_end(self, event) -> None:
        if (event.get("DialStatus") or "").upper() != "ANSWER":
            return
        call_id = event.get("Linkedid") or event.get("Uniqueid") or ""
        self._answer(call_id, channel_extension(event.get("DestChannel", "")))

    def _answer(self, call_id: str, callee_phone: str) -> None:
        call = self._calls.get(call_id)
        if call is None or call.answered:
            return
        if call.direction == OUTBOUND:
            extension = call.extension
        elif callee_phone:
            extension = callee_phone
        else:
            return  # a Local leg answered: the phone's own DialEnd says which
        call.answered = True
        self._send(ANSWERED, call_id, call, extension)

    def _on_hangup(self, event) -> None:
        unique = event.get("Uniqueid") or event.get("UniqueID") or ""
        linked = event.get("Linkedid") or unique
        if unique != linked:
            return
        call = self._calls.pop(unique, None)
        self._legacy_dests.pop(unique, None)
        if call is None or not call.reported:
            return
        extension = call.extension if call.direction == OUTBOUND else ""
        self._send(HUNG_UP, unique, call, extension)

    def _on_legacy_dial(self, event) -> None:
        """Asterisk 11: ``Event: Dial`` with ``SubEvent: Begin`` (Channel, Destination, CallerIDNum,
        UniqueID, DestUniqueID, Dialstring) or ``End`` (Channel, UniqueID, DialStatus)."""
        sub = (event.get("SubEvent") or "").lower()
        call_id = event.get("UniqueID") or event.get("Uniqueid") or ""
        if not call_id:
            return
        if sub == "begin":
            dest = event.get("Destination", "")
            dial_string = event.get("Dialstring", "") or event.get("DialString", "")
            self._begin(
                call_id,
                event.get("Channel", ""),
                event.get("CallerIDNum", ""),
                dest,
                "",
                lambda: outside_number(dial_string.split("@", 1)[0].rsplit("/", 1)[-1]),
            )
            if channel_extension(dest) and call_id in self._calls:
                self._legacy_dests.setdefault(call_id, []).append(channel_extension(dest))
        elif sub == "end" and (event.get("DialStatus") or "").upper() == "ANSWER":
            dialled = self._legacy_dests.get(call_id, [])
            call = self._calls.get(call_id)
            if call is not None and (call.direction == OUTBOUND or len(set(dialled)) == 1):
                self._answer(call_id, dialled[0] if dialled else "")


def _connect_failure(exc: BaseException, where: str) -> str:
    if isinstance(exc, asyncio.TimeoutError):
        return f"no answer from {where}"
    if isinstance(exc, ConnectionRefusedError):
        return f"connection refused by {where}"
    text = str(exc) or type(exc).__name__
    return text if where in text else f"{text} ({where})"
