"""What a phone system tells a desk, and what each call means for this desk.

Every source (the Manager Interface, the CTI listener, the ``ring`` command, the demo) turns what
it hears into ``PhoneEvent``s: *ringing*, *answered*, *hung up*. ``CallTracker`` follows each call
by its id and answers for one desk (its extension): ring here, answered here, answered elsewhere,
ended after an answer here (with the phone system's duration), or missed (it rang here and ended
with nobody answering).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from ..clock import utcnow

RINGING = "ringing"
ANSWERED = "answered"
HUNG_UP = "hung_up"
# What the tracker adds for the desk:
ANSWERED_ELSEWHERE = "answered_elsewhere"  # another extension took it (a ring group)
MISSED = "missed"  # it rang here and ended unanswered
ENDED = "ended"  # hung up after it was answered here

INBOUND = "inbound"
OUTBOUND = "outbound"

ANONYMOUS = {"", "anonymous", "unknown", "restricted", "private", "unavailable", "<unknown>"}


@dataclass(frozen=True)
class PhoneEvent:
    kind: str
    call_id: str  # the phone system's id of the call (Asterisk's Linkedid, Zammad's callId)
    number: str = ""  # the other party's number, as the phone system sent it
    extension: str = ""  # the office extension that rang, answered or dialled ("" when not said)
    direction: str = INBOUND
    at: datetime = field(default_factory=utcnow)  # naive UTC: when it happened (or arrived)
    duration: int | None = None  # talk seconds, when the phone system says so (on hang-up)
    source: str = ""  # "ami", "cti", "command", "demo"


def caller_number(raw: str, region: str) -> str:
    """The E.164 form of a number a phone system sent, or "" when it is hidden or not a number.

    Phone systems send numbers as they dialled them: national (``09121234567``), with ``0098`` or
    ``+98``, or with the country code and no plus (``989121234567``)."""
    from .. import phones
    from ..errors import ValidationError

    text = (raw or "").strip()
    if text.lower() in ANONYMOUS:
        return ""
    for candidate in (text, "+" + text.lstrip("+")):
        try:
            return phones.parse(candidate, region)
        except ValidationError:
            continue
    return ""


@dataclass
class _Call:
    number: str
    direction: str
    rang_at: datetime
    rang_here: bool = False
    answered_at: datetime | None = None
    answered_by: str = ""


class CallTracker:
    """Follows the calls of the whole phone system for one desk.

    ``feed`` takes every event the source hears (other extensions' too) and returns what this
    desk should act on, as events of kind RINGING, ANSWERED, ANSWERED_ELSEWHERE, ENDED or MISSED
    (an ENDED event carries the duration: the phone system's, or from answer to hang-up). A desk
    with no extension set takes every call."""

    def __init__(self, extension: str = ""):
        self.extension = (extension or "").strip()
        self.calls: dict[str, _Call] = {}

    def _mine(self, extension: str) -> bool:
        return not self.extension or not extension or extension == self.extension

    def feed(self, event: PhoneEvent) -> list[PhoneEvent]:
        call = self.calls.get(event.call_id)
        if event.kind == RINGING:
            if call is None:
                call = self.calls[event.call_id] = _Call(event.number, event.direction, event.at)
            if self._mine(event.extension) and not call.rang_here and call.answered_at is None:
                call.rang_here = True
                return [event]
            return []
        if call is None:
            if event.kind == ANSWERED and event.direction == OUTBOUND and self._mine(event.extension):
                # An outbound call dialled from this desk: it never rang here.
                call = self.calls[event.call_id] = _Call(event.number, OUTBOUND, event.at, rang_here=True)
            else:
                return []
        if event.kind == ANSWERED:
            if call.answered_at is not None:
                return []
            call.answered_at, call.answered_by = event.at, event.extension
            if not call.rang_here:
                return []
            kind = ANSWERED if self._mine(event.extension) else ANSWERED_ELSEWHERE
            return [replace(event, kind=kind, number=event.number or call.number)]
        if event.kind == HUNG_UP:
            del self.calls[event.call_id]
            if not call.rang_here:
                return []
            number = event.number or call.number
            if call.answered_at is None:
                return [replace(event, kind=MISSED, number=number, direction=call.direction)]
            if not self._mine(call.answered_by):
                return []
            duration = event.duration
            if duration is None:
                duration = max(0, int((event.at - call.answered_at).total_seconds()))
            return [replace(event, kind=ENDED, number=number, duration=duration, direction=call.direction)]
        return []
