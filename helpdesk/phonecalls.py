"""What a phone call means for the data: the facts the screen pop shows as it rings, and the
callback a missed call leaves in the follow-up queue.

(The phone system itself is ``helpdesk.telephony``; the contact an answered call becomes is saved
by ``contacts.create`` from the call window, with the ring, answer and end times.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .models import FollowUp, Staff

KNOWN = "known"  # one live customer has this number
MAYBE = "maybe"  # several customers have it, or it was only found as digits elsewhere (notes, tails)
UNKNOWN = "unknown"

# How the last promise to the customer went:
KEPT = "kept"  # done by its time (and the grace)
KEPT_LATE = "kept_late"
PENDING = "pending"  # open, not yet due
BROKEN = "broken"  # open and overdue
CANCELLED = "cancelled"


@dataclass
class Promise:
    text: str
    due_at: datetime  # naive UTC
    outcome: str  # KEPT, KEPT_LATE, PENDING, BROKEN, CANCELLED
    done_at: datetime | None = None


@dataclass
class CallerFacts:
    """What matters before saying hello, for one customer."""

    customer_id: int
    name: str
    organisation: str = ""  # the organisation a contact person works for
    open_complaints: int = 0
    overdue_complaints: int = 0
    last_satisfaction: str | None = None  # a contacts.SATISFACTION key other than NOT_ASKED
    last_satisfaction_at: datetime | None = None
    last_anger: int | None = None  # the last calm-down session's rating (0-10): at its end, else at its start
    last_anger_at: datetime | None = None
    last_promise: Promise | None = None


@dataclass
class Screen:
    number: str  # E.164, or "" when hidden or unreadable
    raw: str  # as the phone system sent it
    match: str  # KNOWN, MAYBE, UNKNOWN
    callers: list[CallerFacts] = field(default_factory=list)  # one when KNOWN; the best few when MAYBE


def screen(raw_number: str, limit: int = 5) -> Screen:
    """Who is calling from ``raw_number``, with the facts the pop shows. A few indexed queries."""
    raise NotImplementedError


def record_missed(actor: Staff, call_id: str, raw_number: str, at: datetime) -> FollowUp | None:
    """A missed call as a callback in the queue: one open callback per number per local day, however
    often they tried (its ``attempts`` counts the calls); the same call heard by several desks is
    counted once (``call_id``). None for a hidden number."""
    raise NotImplementedError
