"""The ``ring`` command's way in: a local socket the running app listens on.

A softphone that can run a command on an incoming call runs ``main.py ring NUMBER --extension E``;
the command sends one JSON line to the app through a ``QLocalServer`` named per user
(``ring_server_name``), and the app turns it into a ``PhoneEvent`` (source "command"):

    {"kind": "ringing"|"answered"|"hung_up", "number": "...", "extension": "...", "call_id": "...",
     "duration": 42}

The app answers ``ok`` or ``error: why``. A line without a call id rings a new call; an answer or a
hang-up without one belongs to the last call rung from that number.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import uuid

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from helpdesk.localization import latin_digits
from helpdesk.telephony.events import ANSWERED, HUNG_UP, RINGING, PhoneEvent

log = logging.getLogger(__name__)

KINDS = (RINGING, ANSWERED, HUNG_UP)
SOURCES = ("command", "demo")
MAX_LINE = 4096  # a longer line is not a ring


def ring_server_name() -> str:
    """The local server's name: one per user on this computer ($HELPDESK_RING_NAME for tests)."""
    given = os.environ.get("HELPDESK_RING_NAME")
    if given:
        return given
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name to be had (a service account): one name for all
        user = ""
    return "helpdesk-ring-" + hashlib.sha256(user.encode("utf-8")).hexdigest()[:12]


class RingServer(QObject):
    """Listens for ``ring`` commands; ``event_received`` carries each one as a PhoneEvent."""

    event_received = Signal(object)

    def __init__(self, parent: QObject | None = None, name: str | None = None):
        super().__init__(parent)
        self.name = name or ring_server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self._open_calls: dict[str, str] = {}  # number -> the call id of its last ring without one

    def start(self) -> bool:
        """Listen; a name left by an app that crashed is taken back. False when another app listens."""
        if self.server.isListening():
            return True
        # Asked first: with UserAccessOption, listen() would quietly take the name from a running app.
        if _someone_listens(self.name):
            log.warning("ring: another help desk already listens on %s", self.name)
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by an app that crashed
        if self.server.listen(self.name):
            return True
        log.warning("ring: cannot listen on %s: %s", self.name, self.server.errorString())
        return False

    def stop(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setProperty("buffer", b"")
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = bytes(socket.property("buffer") or b"") + bytes(socket.readAll())  # type: ignore[call-overload]  # QByteArray has the buffer protocol; PySide6's stubs do not say so
        if b"\n" not in buffer:
            if len(buffer) > MAX_LINE:
                self._reply(socket, "error: the line is too long")
            else:
                socket.setProperty("buffer", buffer)
            return
        line = buffer.split(b"\n", 1)[0]
        socket.setProperty("buffer", b"")
        try:
            event = self.event_from(line)
        except ValueError as error:
            log.warning("ring: refused %r: %s", line[:200], error)
            self._reply(socket, f"error: {error}")
            return
        self._reply(socket, "ok")
        self.event_received.emit(event)

    @staticmethod
    def _reply(socket: QLocalSocket, text: str) -> None:
        socket.write((text + "\n").encode("utf-8"))
        socket.flush()
        socket.disconnectFromServer()

    def event_from(self, line: bytes) -> PhoneEvent:
        """The PhoneEvent one line says, or ValueError with why not."""
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValueError("not a JSON line") from None
        if not isinstance(message, dict):
            raise ValueError("not a JSON object")
        kind = message.get("kind", RINGING)
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        fields = {}
        for name in ("number", "extension", "call_id"):
            value = message.get(name, "")
            if value is None:
                value = ""
            if not isinstance(value, (str, int)) or len(str(value)) > 64:
                raise ValueError(f"{name} must be a short text")
            fields[name] = str(value).strip()
        duration = message.get("duration")
        if duration is not None and (isinstance(duration, bool) or not isinstance(duration, int) or duration < 0):
            raise ValueError("duration must be a whole number of seconds")
        source = message.get("source", "command")
        if source not in SOURCES:
            raise ValueError(f"source must be one of {', '.join(SOURCES)}")
        key = latin_digits(fields["number"]).replace(" ", "")
        call_id = fields["call_id"]
        if kind == RINGING:
            call_id = call_id or "command-" + uuid.uuid4().hex
            self._open_calls[key] = call_id
        else:
            call_id = call_id or self._open_calls.get(key, "") or "command-" + uuid.uuid4().hex
            if kind == HUNG_UP:
                self._open_calls.pop(key, None)
        return PhoneEvent(
            kind=kind,
            call_id=call_id,
            number=fields["number"],
            extension=fields["extension"],
            duration=duration,
            source=source,
        )


def _someone_listens(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    listening = probe.waitForConnected(300)
    probe.abort()
    return listening


def send_ring(message: dict, timeout_ms: int = 2000, name: str | None = None) -> bool:
    """Hand ``message`` to the running app (no event loop needed). False when no app listens or it
    refused the message (the reason is logged)."""
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None:
        _keep.append(QCoreApplication([]))
    socket = QLocalSocket()
    socket.connectToServer(name or ring_server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write((json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8"))
    if not socket.waitForBytesWritten(timeout_ms):
        socket.abort()
        return False
    reply = b""
    while b"\n" not in reply and socket.waitForReadyRead(timeout_ms):
        reply += bytes(socket.readAll())  # type: ignore[call-overload]  # QByteArray has the buffer protocol; PySide6's stubs do not say so
    reply += bytes(socket.readAll())  # type: ignore[call-overload]  # QByteArray has the buffer protocol; PySide6's stubs do not say so
    socket.abort()
    answer = reply.decode("utf-8", "replace").strip()
    if answer != "ok":
        log.warning("ring: the app answered %r", answer)
        return False
    return True


_keep: list = []  # the QCoreApplication a command made, kept alive
