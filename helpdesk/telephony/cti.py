"""A local HTTP listener that speaks Zammad's generic CTI API.

Phone systems and cloud telephony that already tell Zammad about calls (sipgate, placetel, 3CX
templates, FusionPBX scripts, Asterisk-to-Zammad bridges) post the same requests here unchanged:

    POST http://127.0.0.1:8791/api/v1/cti/{token}

with the form fields (or a JSON object) ``event`` (``newCall``, ``answer``, ``hangup``), ``from``,
``to``, ``direction`` (``in``, ``out``), ``callId``, ``user[]`` (or ``user``), ``answeringNumber``
and ``cause`` (``normalClearing``, ``busy``, ``cancel``, ``noAnswer``, ``congestion``, ``notFound``,
``forwarded``). As Zammad (``Integration::CtiController``), the token is the last part of the path
and nothing else (Rails' path parameter wins over a ``token`` field); a wrong token is answered
``401 {"error": ...}``, a direction other than in/out ``422 {"error": "Invalid direction!"}``, and
a good event ``200 {}``. Where Zammad fails with a 500 (no event, an unknown event, no callId) this
answers ``400`` with a short reason. Nothing here logs the token, nor the URL that carries it.

What each request becomes (``PhoneEvent``s for ``events.CallTracker``):

- ``newCall`` in: RINGING, number = ``from``. Zammad sends the pop to the agents whose number is
  ``to`` and names the ringing users in ``user[]``, so a RINGING is emitted for ``to`` and one for
  each ``user[]`` value as the extension (a ring group rings several desks); the tracker takes the
  one that names this desk's extension. With neither, the extension is "" (every desk).
- ``newCall`` out: RINGING, direction OUTBOUND, number = ``to``, extension = ``from`` and each
  ``user[]`` (the person who dialled).
- ``answer``: ANSWERED. In: extension = ``answeringNumber``, else the first ``user``, else ``to``.
  Out: the person who dialled (``user``, else ``from``); the far end's answering number is not ours.
- ``hangup``: HUNG_UP with the same extension; the tracker tells a missed call (never answered) from
  an ended one. Zammad's hang-up carries no talk time: the tracker counts from the answer.

``answer`` and ``hangup`` may leave out ``from``/``to`` (bridges do): the number comes from the
``newCall`` of the same ``callId``.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import json
import logging
from collections.abc import Callable

from .events import ANSWERED, HUNG_UP, INBOUND, OUTBOUND, RINGING, PhoneEvent

log = logging.getLogger(__name__)

PATH = "/api/v1/cti/{token}"
EVENTS = {"newCall": RINGING, "answer": ANSWERED, "hangup": HUNG_UP}
DIRECTIONS = {"in": INBOUND, "out": OUTBOUND}
FIELD_LIMIT = 250  # Zammad: a callId of at most 250 characters; no field of ours needs more
BODY_LIMIT = 64 * 1024


class BadRequest(Exception):
    def __init__(self, reason: str, status: int = 400):
        super().__init__(reason)
        self.reason = reason
        self.status = status


def _text(value) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value)
    elif value is None:
        text = ""
    else:
        raise BadRequest("a field is not text")
    if len(text) > FIELD_LIMIT:
        raise BadRequest("a field is too long")
    return text.strip()


class _Fields:
    """The request's fields, each as text; several values for ``user[]``."""

    def __init__(self, values: dict[str, list]):
        self.values = values

    def one(self, name: str) -> str:
        found = self.values.get(name) or [""]
        return _text(found[0])

    def many(self, *names: str) -> list[str]:
        out = []
        for name in names:
            for value in self.values.get(name) or []:
                text = _text(value)
                if text and text not in out:
                    out.append(text)
        return out


async def _read_fields(request) -> _Fields:
    values: dict[str, list] = {}
    if request.content_type == "application/json":
        try:
            document = json.loads(await request.text())
        except (ValueError, UnicodeDecodeError):
            raise BadRequest("the body is not JSON") from None
        if not isinstance(document, dict):
            raise BadRequest("the body is not a JSON object")
        for name, value in document.items():
            values[str(name)] = list(value) if isinstance(value, list) else [value]
    else:
        try:
            form = await request.post()
        except (ValueError, UnicodeDecodeError, AssertionError):
            raise BadRequest("the form cannot be read") from None
        for name, value in form.items():
            values.setdefault(name, []).append(value)
    for name, value in request.query.items():  # some templates send the fields in the URL
        values.setdefault(name, []).append(value)
    return _Fields(values)


def events_for(fields: _Fields) -> list[PhoneEvent]:
    """The PhoneEvents one request means (see the module's notes). Raises BadRequest."""
    event = fields.one("event")
    if not event:
        raise BadRequest("no event")
    if event not in EVENTS:
        raise BadRequest("unknown event")
    call_id = fields.one("callId")
    if not call_id:
        raise BadRequest("no callId")
    direction = DIRECTIONS.get(fields.one("direction"))
    if direction is None:
        raise BadRequest("Invalid direction!", status=422)  # Zammad's own answer
    caller, called = fields.one("from"), fields.one("to")
    users = fields.many("user[]", "user")
    inbound = direction == INBOUND
    number = caller if inbound else called
    office_side = called if inbound else caller
    kind = EVENTS[event]
    if kind == RINGING:
        extensions = [e for e in [office_side, *users] if e]
        extensions = list(dict.fromkeys(extensions)) or [""]
    elif inbound:
        extensions = [fields.one("answeringNumber") or (users[0] if users else "") or called]
    else:
        extensions = [(users[0] if users else "") or caller]
    return [
        PhoneEvent(kind, call_id, number=number, extension=extension, direction=direction, source="cti")
        for extension in extensions
    ]


class CtiListener:
    """The listener, as a source for ``link.PhoneLink``: ``run`` serves until it is cancelled."""

    RETRY_SECONDS = 5.0

    def __init__(self, host: str = "127.0.0.1", port: int = 8791, token: str = ""):
        self.host = host
        self.port = port
        self.token = token
        self.bound: list[tuple] = []  # the addresses it listens on, once it does

    def __repr__(self) -> str:  # never the token
        return f"CtiListener({self.host}:{self.port})"

    async def run(self, emit: Callable[[PhoneEvent], None], set_state: Callable[[str, str], None]) -> None:
        from aiohttp import web

        async def handle(request):
            given = request.match_info.get("token", "")
            if not self.token or not hmac.compare_digest(
                given.encode("utf-8", "surrogateescape"), self.token.encode("utf-8")
            ):
                log.info("CTI request with a wrong token refused, from %s", request.remote)
                return web.json_response({"error": "Invalid token, please contact your admin!"}, status=401)
            try:
                happened = events_for(await _read_fields(request))
            except BadRequest as bad:
                log.info("CTI request refused: %s", bad.reason)
                return web.json_response({"error": bad.reason}, status=bad.status)
            for event in happened:
                try:
                    emit(event)
                except Exception:  # the listener's trouble is not the phone system's
                    log.exception("a CTI event could not be handed on")
            return web.json_response({})

        app = web.Application(client_max_size=BODY_LIMIT)
        app.router.add_post(PATH, handle)
        runner = web.AppRunner(app, access_log=None)  # an access log would write the token (in the URL)
        await runner.setup()
        try:
            while True:
                set_state("connecting", f"opening {self.host}:{self.port}")
                site = web.TCPSite(runner, self.host, self.port)
                try:
                    await site.start()
                except OSError as exc:
                    try:
                        await site.stop()  # forget the site that could not start; a new one tries again
                    except Exception:  # noqa: BLE001 - the port error below is the one worth telling
                        pass
                    if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
                        set_state("lost", f"port {self.port} in use")
                    else:
                        set_state("lost", f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}")
                    await asyncio.sleep(self.RETRY_SECONDS)
                    continue
                self.bound = list(runner.addresses)
                set_state("connected", f"listening on {self.host}:{self.port}")
                await asyncio.Event().wait()  # until cancelled
        finally:
            self.bound = []
            await runner.cleanup()
