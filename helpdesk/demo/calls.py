"""Calls to try the screen pop with, without a phone system (``main.py demo-calls``).

``demo_calls`` picks numbers from the open database so each shows one kind of pop: a customer with an
overdue open complaint, a number several customers share (a "maybe"), a customer whose last promise
was kept, strangers, and a withheld number; written in the ways phone systems send them (national,
``+98``, ``0098``, Persian digits, spaces).
"""

from __future__ import annotations

import random

import peewee as pw
import phonenumbers

from ..clock import utcnow
from ..models import STATUS_MERGED, Complaint, Customer, FollowUp, PhoneNumber

WITHHELD = "anonymous"
CANDIDATES = 40  # numbers looked at for each kind of call


def _national(e164: str) -> str:
    return "0" + e164[3:] if e164.startswith("+98") else e164


def _spaced(e164: str) -> str:
    national = _national(e164)
    return f"{national[:4]} {national[4:7]} {national[7:]}" if len(national) == 11 else national


def _persian(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


# The ways a number arrives, one a call in turn.
WRITINGS = (
    lambda n: n,  # +98912...
    _national,  # 0912...
    lambda n: "00" + n[1:],  # 0098912...
    lambda n: _persian(_national(n)),  # ۰۹۱۲...
    _spaced,  # 0912 123 4567
    lambda n: n[1:],  # 98912... (country code, no plus)
)


def _live_phones():
    return PhoneNumber.select(PhoneNumber.number, Customer.id).join(Customer).where(Customer.status != STATUS_MERGED)


def _number_showing(customer_ids, shows) -> str | None:
    """A number of one of ``customer_ids`` whose pop ``shows(facts)`` (a known caller), looked at as the
    pop will (``phonecalls.screen``), among the first few candidates."""
    from ..phonecalls import KNOWN, screen

    rows = (
        _live_phones()
        .where(Customer.id.in_(customer_ids) & PhoneNumber.number.startswith("+98"))
        .order_by(Customer.id)
        .limit(CANDIDATES)
        .tuples()
    )
    for number, _customer in rows:
        found = screen(number)
        if found.match == KNOWN and shows(found.callers[0]):
            return number
    return None


def _overdue_complaint_number() -> str | None:
    from ..complaints import _overdue_condition, targets

    customers = Complaint.select(Complaint.customer).where(
        _overdue_condition(utcnow(), targets()) & Complaint.customer.is_null(False)
    )
    return _number_showing(customers, lambda facts: facts.overdue_complaints > 0)


def _kept_promise_number() -> str | None:
    from ..phonecalls import KEPT

    customers = FollowUp.select(FollowUp.customer).where(
        (FollowUp.status == "done") & FollowUp.customer.is_null(False) & (FollowUp.done_at <= FollowUp.due_at)
    )
    return _number_showing(
        customers, lambda facts: facts.last_promise is not None and facts.last_promise.outcome == KEPT
    )


def _shared_number() -> str | None:
    row = (
        PhoneNumber.select(PhoneNumber.number)
        .join(Customer)
        .where(Customer.status != STATUS_MERGED)
        .group_by(PhoneNumber.number)
        .having(pw.fn.COUNT(pw.fn.DISTINCT(Customer.id)) > 1)
        .order_by(PhoneNumber.number)
        .limit(1)
        .tuples()
        .first()
    )
    return row[0] if row else None


def _strangers(count: int, seed: int = 16) -> list[str]:
    """Valid Iranian mobile numbers that no customer has."""
    rng = random.Random(seed)
    found: list[str] = []
    while len(found) < count:
        candidate = (
            f"+989{rng.choice(('12', '13', '19', '35', '36', '01', '02', '21', '22'))}{rng.randrange(10**7):07d}"
        )
        if (
            candidate not in found
            and phonenumbers.is_valid_number(phonenumbers.parse(candidate))
            and not PhoneNumber.select().where(PhoneNumber.number == candidate).exists()
        ):
            found.append(candidate)
    return found


def demo_calls(limit: int = 6) -> list[tuple[str, str]]:
    """Up to ``limit`` (what the pop will show, the number as the phone system sends it)."""
    picks: list[tuple[str, str]] = []
    for what, number in (
        ("a customer with an overdue complaint", _overdue_complaint_number()),
        ("a number several customers share (maybe)", _shared_number()),
        ("a customer whose promise was kept", _kept_promise_number()),
    ):
        if number:
            picks.append((what, number))
    picks.extend(("a stranger (unknown number)", n) for n in _strangers(2))
    calls = [(what, WRITINGS[i % len(WRITINGS)](number)) for i, (what, number) in enumerate(picks)]
    calls.append(("a withheld number", WITHHELD))
    if limit <= len(calls):
        return calls[: limit - 1] + [calls[-1]] if limit > 1 else calls[-1:]
    # more than the kinds there are: more strangers, before the withheld one
    extra = _strangers(2 + limit - len(calls))[2:]
    more = [
        ("a stranger (unknown number)", WRITINGS[(len(calls) - 1 + i) % len(WRITINGS)](n)) for i, n in enumerate(extra)
    ]
    return calls[:-1] + more + calls[-1:]
