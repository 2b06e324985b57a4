"""A fake Asterisk Manager Interface server for tests, and the event sequences Asterisk 16/18 sends.

``FakeAmi`` runs ``asyncio.start_server`` on 127.0.0.1 (a free port) in a thread of its own and
speaks AMI's wire format: the ``Asterisk Call Manager/5.0.1`` banner, actions and responses as
``Key: Value`` lines ending with a blank line, ``ActionID`` echoed. It checks the login's secret
(a wrong one gets ``Authentication failed`` and the connection closed, as Asterisk does), answers
``Ping``, ``Logoff`` and ``Originate``, records every action, sends scripted events to the logged-in
clients, drops connections, and can go away and come back on the same port.

The sequences below are what Asterisk 16/18 with chan_pjsip (a FreePBX-style dial plan) raises
for each kind of call, in order, with their usual fields (``call`` class events; the dial plan's
``Newexten``/``VarSet`` are left out as a login with ``Events: call`` does not get them).
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time

BANNER = "Asterisk Call Manager/5.0.1\r\n"
TRUNK = "trunk_mci"
DID = "02188776655"


def frame(fields: dict | list) -> bytes:
    items = fields.items() if isinstance(fields, dict) else fields
    return ("".join(f"{key}: {value}\r\n" for key, value in items) + "\r\n").encode()


class FakeAmi:
    def __init__(self, username: str = "helpdesk", secret: str = "s3cret", originate: str = "Success"):
        self.username, self.secret = username, secret
        self.originate = originate  # "Success", "Error" (Asterisk refuses it) or "Silent" (no reply)
        self.actions: list[dict] = []  # every action received, in order (Login's Secret masked)
        self.logins = 0  # good logins
        self.refused = 0  # refused logins
        self.closed_by_client = 0  # connections the client closed
        self.port = 0
        self.written: dict[str, float] = {}  # a DialBegin's Linkedid -> time.perf_counter() as it was written
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.base_events.Server | None = None
        self._clients: set[asyncio.StreamWriter] = set()
        self._authed: set[asyncio.StreamWriter] = set()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-ami", daemon=True)
        self._changed = threading.Condition()

    # --- control, from the test's thread --------------------------------------------------------

    def start(self) -> FakeAmi:
        self._thread.start()
        self._call(self._listen())
        return self

    def stop(self) -> None:
        if self._loop.is_closed():
            return
        self._call(self._down())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def send(self, events: list[dict], gap: float = 0.0) -> None:
        """Send ``events`` to every logged-in client (``gap`` seconds between them)."""
        self._call(self._send(events, gap))

    def drop(self) -> None:
        """Close every client's connection (the server keeps listening)."""
        self._call(self._drop())

    def down(self) -> None:
        """Stop listening and close every connection: the phone system is gone."""
        self._call(self._down())

    def up(self) -> None:
        """Listen again on the same port."""
        self._call(self._listen())

    def wait(self, condition, timeout: float = 5.0) -> bool:
        """Wait until ``condition(self)`` holds (checked on every change), for ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        return True

    @property
    def connected(self) -> int:
        return len(self._authed)

    def originates(self) -> list[dict]:
        return [a for a in self.actions if a.get("Action", "").lower() == "originate"]

    # --- the server, on its own loop -----------------------------------------------------------

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(5)

    def _notify(self) -> None:
        with self._changed:
            self._changed.notify_all()

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _down(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        await self._drop()

    async def _drop(self) -> None:
        for writer in list(self._clients):
            writer.close()
        self._clients.clear()
        self._authed.clear()
        self._notify()

    async def _send(self, events: list[dict], gap: float) -> None:
        for event in events:
            data = frame(event)
            if event.get("Event") == "DialBegin":
                self.written.setdefault(event.get("Linkedid", ""), time.perf_counter())
            for writer in list(self._authed):
                writer.write(data)
                await writer.drain()
            if gap:
                await asyncio.sleep(gap)

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._clients.add(writer)
        writer.write(BANNER.encode())
        try:
            while True:
                action = await _read_message(reader)
                if action is None:
                    if writer in self._clients:
                        self.closed_by_client += 1
                    break
                if not await self._answer(action, writer):
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._clients.discard(writer)
            self._authed.discard(writer)
            writer.close()
            self._notify()

    async def _answer(self, action: dict, writer: asyncio.StreamWriter) -> bool:
        name = action.get("Action", "").lower()
        recorded = dict(action)
        if "Secret" in recorded:
            recorded["Secret"] = "***" if recorded["Secret"] != self.secret else "(right)"
        self.actions.append(recorded)
        reply = [("Response", "Success"), ("ActionID", action.get("ActionID", ""))]
        keep_open = True
        if name == "login":
            if action.get("Username") == self.username and action.get("Secret") == self.secret:
                reply.append(("Message", "Authentication accepted"))
                writer.write(frame(reply))
                writer.write(
                    frame(
                        [
                            ("Event", "FullyBooted"),
                            ("Privilege", "system,all"),
                            ("Uptime", "1052"),
                            ("LastReload", "1052"),
                            ("Status", "Fully Booted"),
                        ]
                    )
                )
                self._authed.add(writer)
                self.logins += 1
            else:
                reply = [
                    ("Response", "Error"),
                    ("ActionID", action.get("ActionID", "")),
                    ("Message", "Authentication failed"),
                ]
                writer.write(frame(reply))
                self.refused += 1
                keep_open = False
        elif writer not in self._authed:
            writer.write(
                frame(
                    [("Response", "Error"), ("ActionID", action.get("ActionID", "")), ("Message", "Permission denied")]
                )
            )
        elif name == "ping":
            writer.write(frame(reply + [("Ping", "Pong"), ("Timestamp", f"{time.time():.6f}")]))
        elif name == "logoff":
            writer.write(
                frame(
                    [
                        ("Response", "Goodbye"),
                        ("ActionID", action.get("ActionID", "")),
                        ("Message", "Thanks for all the fish."),
                    ]
                )
            )
            keep_open = False
        elif name == "originate":
            if self.originate == "Silent":  # a busy Asterisk that has not answered yet
                self._notify()
                return True
            if self.originate == "Success":
                writer.write(frame(reply + [("Message", "Originate successfully queued")]))
            else:
                writer.write(
                    frame(
                        [
                            ("Response", "Error"),
                            ("ActionID", action.get("ActionID", "")),
                            ("Message", "Originate failed"),
                        ]
                    )
                )
        else:
            writer.write(
                frame(
                    [
                        ("Response", "Error"),
                        ("ActionID", action.get("ActionID", "")),
                        ("Message", "Invalid/unknown command"),
                    ]
                )
            )
        await writer.drain()
        self._notify()
        return keep_open


async def _read_message(reader: asyncio.StreamReader) -> dict | None:
    fields: dict = {}
    while True:
        line = await reader.readline()
        if not line:
            return None
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        if not text:
            if fields:
                return fields
            continue
        key, _, value = text.partition(":")
        fields[key.strip()] = value.strip()


# --- the event sequences ----------------------------------------------------------------------

_ids = itertools.count(1)


class _Clock:
    """Asterisk's ids: ``<epoch>.<sequence>``, channel names ``<tech>/<endpoint>-<8 hex digits>``."""

    epoch = 1732950000

    def __init__(self):
        self.n = next(_ids) * 100

    def uid(self) -> str:
        self.n += 1
        return f"{self.epoch}.{self.n}"

    def name(self, endpoint: str) -> str:
        self.n += 1
        return f"PJSIP/{endpoint}-{self.n:08x}"

    def local(self, exten: str) -> tuple[str, str]:
        self.n += 1
        base = f"Local/{exten}@from-internal-{self.n:08x}"
        return base + ";1", base + ";2"


def _channel(
    prefix: str,
    name: str,
    state: str,
    num: str,
    cid_name: str,
    conn_num: str,
    conn_name: str,
    context: str,
    exten: str,
    priority: str,
    uid: str,
    linked: str,
) -> list[tuple[str, str]]:
    states = {"Down": "0", "Ring": "4", "Ringing": "5", "Up": "6"}
    return [
        (f"{prefix}Channel", name),
        (f"{prefix}ChannelState", states[state]),
        (f"{prefix}ChannelStateDesc", state),
        (f"{prefix}CallerIDNum", num),
        (f"{prefix}CallerIDName", cid_name),
        (f"{prefix}ConnectedLineNum", conn_num),
        (f"{prefix}ConnectedLineName", conn_name),
        (f"{prefix}Language", "en"),
        (f"{prefix}AccountCode", ""),
        (f"{prefix}Context", context),
        (f"{prefix}Exten", exten),
        (f"{prefix}Priority", priority),
        (f"{prefix}Uniqueid", uid),
        (f"{prefix}Linkedid", linked),
    ]


def _event(name: str, *parts, privilege: str = "call,all") -> dict:
    fields = {"Event": name, "Privilege": privilege}
    for part in parts:
        fields.update(part if isinstance(part, dict) else dict(part))
    return fields


class _Leg:
    """One channel of a call: enough to write its events."""

    def __init__(self, name, uid, linked, num, cid_name, context, exten):
        self.name, self.uid, self.linked = name, uid, linked
        self.num, self.cid_name, self.context, self.exten = num, cid_name, context, exten
        self.state = "Down"
        self.conn_num, self.conn_name = "<unknown>", "<unknown>"

    def fields(self, prefix: str = "", priority: str = "1"):
        return _channel(
            prefix,
            self.name,
            self.state,
            self.num,
            self.cid_name,
            self.conn_num,
            self.conn_name,
            self.context,
            self.exten,
            priority,
            self.uid,
            self.linked,
        )


def _new_channel(leg: _Leg) -> dict:
    return _event("Newchannel", leg.fields())


def _newstate(leg: _Leg, state: str) -> dict:
    leg.state = state
    return _event("Newstate", leg.fields())


def _dial_begin(caller: _Leg, callee: _Leg, dial_string: str) -> dict:
    return _event("DialBegin", caller.fields(), callee.fields("Dest"), {"DialString": dial_string})


def _dial_end(caller: _Leg, callee: _Leg, status: str) -> dict:
    return _event("DialEnd", caller.fields(), callee.fields("Dest"), {"DialStatus": status})


def _hangup(leg: _Leg, cause: int = 16) -> dict:
    texts = {0: "Unknown", 16: "Normal Clearing", 17: "User busy", 19: "No answer", 26: "Answered elsewhere"}
    return _event("Hangup", leg.fields(), {"Cause": str(cause), "Cause-txt": texts[cause]})


def _hangup_request(leg: _Leg, cause: int = 16) -> dict:
    return _event("HangupRequest", leg.fields(), {"Cause": str(cause)})


def _bridge(bridge_id: str, *legs: _Leg) -> list[dict]:
    base = {
        "BridgeUniqueid": bridge_id,
        "BridgeType": "basic",
        "BridgeTechnology": "simple_bridge",
        "BridgeCreator": "<unknown>",
        "BridgeName": "<unknown>",
        "BridgeNumChannels": "0",
        "BridgeVideoSourceMode": "none",
    }
    events = [_event("BridgeCreate", base)]
    for count, leg in enumerate(legs, 1):
        events.append(_event("BridgeEnter", dict(base, BridgeNumChannels=str(count)), leg.fields()))
    return events


def _unbridge(bridge_id: str, *legs: _Leg) -> list[dict]:
    base = {
        "BridgeUniqueid": bridge_id,
        "BridgeType": "basic",
        "BridgeTechnology": "simple_bridge",
        "BridgeCreator": "<unknown>",
        "BridgeName": "<unknown>",
        "BridgeVideoSourceMode": "none",
    }
    events = []
    for count, leg in enumerate(legs):
        events.append(_event("BridgeLeave", dict(base, BridgeNumChannels=str(len(legs) - count - 1)), leg.fields()))
    events.append(_event("BridgeDestroy", dict(base, BridgeNumChannels="0")))
    return events


class Call:
    """A call's events, in the phases a test sends one by one: ``ring``, ``answer``, ``hang_up``
    (or ``ring`` then ``give_up`` for a missed one). ``call_id`` is its Linkedid."""

    def __init__(
        self, ring: list[dict], answer: list[dict], hang_up: list[dict], call_id: str, give_up: list[dict] | None = None
    ):
        self.ring, self.answer, self.hang_up, self.call_id = ring, answer, hang_up, call_id
        self.give_up = give_up or []

    @property
    def answered_call(self) -> list[dict]:
        return self.ring + self.answer + self.hang_up

    @property
    def missed_call(self) -> list[dict]:
        return self.ring + self.give_up


def inbound(caller: str = "09121234567", extension: str = "201") -> Call:
    """From outside through the trunk to one extension: it rings, is answered (or the caller gives
    up: ``missed_call``), the caller hangs up."""
    ids = _Clock()
    uid = ids.uid()
    trunk = _Leg(ids.name(TRUNK), uid, uid, caller, "<unknown>", "from-pstn", DID)
    trunk.state = "Ring"
    phone = _Leg(ids.name(extension), ids.uid(), uid, extension, f"Desk {extension}", "from-internal", "s")
    phone.conn_num, phone.conn_name = caller, caller
    ring = [
        _new_channel(trunk),
        _newstate(trunk, "Ring"),
        _new_channel(phone),
        _dial_begin(trunk, phone, f"{extension}/sip:{extension}@192.168.1.{extension[-2:]}:5060"),
        _newstate(phone, "Ringing"),
    ]
    bridge = "0c3b6a43-5a1f-4a3e-9f51-" + uid.replace(".", "")[-12:].rjust(12, "0")
    phone_up = _newstate(phone, "Up")
    answer = [phone_up, _dial_end(trunk, phone, "ANSWER"), _newstate(trunk, "Up"), *_bridge(bridge, trunk, phone)]
    trunk.state = phone.state = "Up"
    hang_up = [_hangup_request(trunk), *_unbridge(bridge, trunk, phone), _hangup(trunk), _hangup(phone)]
    trunk.state, phone.state = "Ring", "Ringing"
    give_up = [_hangup_request(trunk), _dial_end(trunk, phone, "CANCEL"), _hangup(phone, 16), _hangup(trunk, 16)]
    return Call(ring, answer, hang_up, uid, give_up)


def ring_group(caller: str = "09351112233", extensions=("201", "202"), answered_by: str = "202") -> Call:
    """A FreePBX ring group (ring all): the trunk dials a Local leg per extension, each Local leg
    dials its phone; one answers, the others are cancelled (cause 26, answered elsewhere)."""
    ids = _Clock()
    uid = ids.uid()
    trunk = _Leg(ids.name(TRUNK), uid, uid, caller, "<unknown>", "ext-group", "600")
    trunk.state = "Ring"
    legs = {}
    ring = [_new_channel(trunk)]
    for extension in extensions:
        one, two = ids.local(extension)
        local1 = _Leg(one, ids.uid(), uid, "600", "Sales", "from-internal", extension)
        local2 = _Leg(two, ids.uid(), uid, caller, "<unknown>", "from-internal", extension)
        phone = _Leg(ids.name(extension), ids.uid(), uid, extension, f"Desk {extension}", "from-internal", "s")
        phone.conn_num = caller
        legs[extension] = (local1, local2, phone)
        ring += [_new_channel(local1), _new_channel(local2), _dial_begin(trunk, local1, f"{extension}@from-internal/n")]
        local2.state = "Ring"
        ring += [
            _new_channel(phone),
            _dial_begin(local2, phone, f"{extension}/sip:{extension}@192.168.1.20:5060"),
            _newstate(phone, "Ringing"),
            _newstate(local1, "Ringing"),
        ]
    winner = legs[answered_by]
    answer = [
        _newstate(winner[2], "Up"),
        _dial_end(winner[1], winner[2], "ANSWER"),
        _newstate(winner[1], "Up"),
        _newstate(winner[0], "Up"),
        _dial_end(trunk, winner[0], "ANSWER"),
    ]
    for extension, (local1, local2, phone) in legs.items():
        if extension != answered_by:
            answer += [
                _dial_end(trunk, local1, "CANCEL"),
                _dial_end(local2, phone, "CANCEL"),
                _hangup(phone, 26),
                _hangup(local2, 26),
                _hangup(local1, 26),
            ]
    bridge = "7d2e1f00-1b2c-4d3e-8f90-" + uid.replace(".", "")[-12:].rjust(12, "0")
    answer += _bridge(bridge, trunk, winner[0])
    trunk.state = "Up"
    hang_up = [
        _hangup_request(trunk),
        *_unbridge(bridge, trunk, winner[0]),
        _hangup(trunk),
        _hangup(winner[0]),
        _hangup(winner[1]),
        _hangup(winner[2]),
    ]
    return Call(ring, answer, hang_up, uid)


def outbound(extension: str = "201", dialled: str = "09121234567") -> Call:
    """A desk's phone dials an outside number: FreePBX's outbound route dials the trunk from its
    dial-out subroutine (the calling channel's Exten is then ``s``); the far end answers, then the
    far end hangs up first."""
    ids = _Clock()
    uid = ids.uid()
    phone = _Leg(ids.name(extension), uid, uid, extension, f"Desk {extension}", "from-internal", dialled)
    phone.state = "Ring"
    trunk = _Leg(ids.name(TRUNK), ids.uid(), uid, dialled, "", "from-trunk-pjsip-" + TRUNK, "s")
    trunk.conn_num, trunk.conn_name = "02188776655", "Office"
    ring = [_new_channel(phone)]
    phone.context, phone.exten = "sub-dialout-trunk", "s"
    ring += [_new_channel(trunk), _dial_begin(phone, trunk, f"{dialled}@{TRUNK}"), _newstate(trunk, "Ringing")]
    answer = [_newstate(trunk, "Up"), _dial_end(phone, trunk, "ANSWER"), _newstate(phone, "Up")]
    bridge = "3f0a9e11-2c3d-4e5f-a6b7-" + uid.replace(".", "")[-12:].rjust(12, "0")
    answer += _bridge(bridge, phone, trunk)
    phone.state = trunk.state = "Up"
    hang_up = [_hangup_request(trunk), *_unbridge(bridge, trunk, phone), _hangup(trunk), _hangup(phone)]
    return Call(ring, answer, hang_up, uid)


def legacy_inbound(caller: str = "09121234567", extension: str = "201") -> Call:
    """Asterisk 11: ``Dial`` with ``SubEvent: Begin/End`` and no Linkedid."""
    ids = _Clock()
    uid, dest_uid = ids.uid(), ids.uid()
    trunk, phone = f"SIP/{TRUNK}-{ids.n:08x}", f"SIP/{extension}-{ids.n + 1:08x}"
    ring = [
        _event(
            "Dial",
            {
                "SubEvent": "Begin",
                "Channel": trunk,
                "Destination": phone,
                "CallerIDNum": caller,
                "CallerIDName": "<unknown>",
                "ConnectedLineNum": "<unknown>",
                "ConnectedLineName": "<unknown>",
                "UniqueID": uid,
                "DestUniqueID": dest_uid,
                "Dialstring": extension,
            },
        )
    ]
    answer = [_event("Dial", {"SubEvent": "End", "Channel": trunk, "UniqueID": uid, "DialStatus": "ANSWER"})]
    hang_up = [
        _event(
            "Hangup",
            {
                "Channel": phone,
                "Uniqueid": dest_uid,
                "CallerIDNum": extension,
                "CallerIDName": "<unknown>",
                "ConnectedLineNum": caller,
                "ConnectedLineName": "<unknown>",
                "AccountCode": "",
                "Cause": "16",
                "Cause-txt": "Normal Clearing",
            },
        ),
        _event(
            "Hangup",
            {
                "Channel": trunk,
                "Uniqueid": uid,
                "CallerIDNum": caller,
                "CallerIDName": "<unknown>",
                "ConnectedLineNum": extension,
                "ConnectedLineName": "<unknown>",
                "AccountCode": "",
                "Cause": "16",
                "Cause-txt": "Normal Clearing",
            },
        ),
    ]
    return Call(ring, answer, hang_up, uid)


def internal(caller_extension: str = "202", extension: str = "201") -> Call:
    """One desk's phone calls another's: not a customer's call."""
    ids = _Clock()
    uid = ids.uid()
    caller = _Leg(
        ids.name(caller_extension), uid, uid, caller_extension, f"Desk {caller_extension}", "from-internal", extension
    )
    caller.state = "Ring"
    phone = _Leg(ids.name(extension), ids.uid(), uid, extension, f"Desk {extension}", "from-internal", "s")
    phone.conn_num = caller_extension
    ring = [
        _new_channel(caller),
        _new_channel(phone),
        _dial_begin(caller, phone, f"{extension}/sip:{extension}@192.168.1.21:5060"),
        _newstate(phone, "Ringing"),
    ]
    answer = [_newstate(phone, "Up"), _dial_end(caller, phone, "ANSWER"), _newstate(caller, "Up")]
    caller.state = phone.state = "Up"
    hang_up = [_hangup(phone), _hangup(caller)]
    return Call(ring, answer, hang_up, uid)


class Recorder:
    """What a ``PhoneLink`` hands on (its callbacks run on the link's thread), and a wait for it."""

    def __init__(self):
        self.events = []
        self.states = []
        self._changed = threading.Condition()

    def on_event(self, event) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def on_state(self, state) -> None:
        with self._changed:
            self.states.append(state)
            self._changed.notify_all()

    def wait(self, condition, timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        return True

    def kinds(self, call_id: str | None = None) -> list[str]:
        return [e.kind for e in self.events if call_id is None or e.call_id == call_id]

    def state_names(self) -> list[str]:
        return [s.state for s in self.states]

    @property
    def state(self) -> str:
        return self.states[-1].state if self.states else "off"
