"""The satisfaction report's figures are right for their period and staff member (issue 15):
lost customers by reason within the period (an October report counted every lost customer
ever), segments labelled with the day they stand for, the previous period beside this one and
what dissatisfied customers said. Known data made through the services with the test clock,
each figure checked against a query written here."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from helpdesk import contacts, customers, reports
from helpdesk.clock import to_local, utcnow
from helpdesk.contacts import ContactDraft, local_day_bounds
from helpdesk.customers import Draft
from helpdesk.localization import format_date
from helpdesk.models import AuditEntry, Contact, Customer, LostReason
from helpdesk.reports import Request, satisfaction
from tests.conftest import TEST_TIMEZONE

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
TZ = ZoneInfo(TEST_TIMEZONE)


def _at(clock, day: int, month: int = 10, hour: int = 11) -> None:
    clock.move_to(datetime(2026, month, day, hour, 0, tzinfo=TZ))


def _utc(day: int, month: int = 10, hour: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def _reason(name_en: str) -> int:
    return next(r.id for r in customers.lost_reasons() if r.name_en == name_en)


def _customer(actor, n: int) -> int:
    return customers.create(actor, Draft(given_name=f"Customer{n}", family_name="Lost"), confirm_duplicates=True).id


@pytest.fixture
def lost_world(clock, supervisor, staff):
    """Customers lost in September, in October (some by the desk, some by the supervisor, one on the
    last evening in local time), one lost in October and won back, one lost in November."""
    _at(clock, 1, month=9)
    made = [_customer(supervisor, n) for n in range(10)]
    _at(clock, 20, month=9)
    customers.mark_lost(staff, made[0], _reason("Competitor"))
    customers.mark_lost(supervisor, made[1], _reason("Product"))
    _at(clock, 3)
    customers.mark_lost(staff, made[2], _reason("Competitor"))
    customers.mark_lost(staff, made[3], _reason("Competitor"))
    _at(clock, 12)
    customers.mark_lost(supervisor, made[4], _reason("Product"))
    customers.mark_lost(staff, made[5], _reason("Moved"))
    _at(clock, 14)
    customers.mark_lost(supervisor, made[6], _reason("Competitor"))
    customers.reactivate(supervisor, made[6])  # won back: not lost any more
    _at(clock, 31, hour=23)  # 23:00 in Tehran is still October although UTC says 19:30
    customers.mark_lost(supervisor, made[7], _reason("Staff indifference"))
    _at(clock, 2, month=11)
    customers.mark_lost(staff, made[8], _reason("Competitor"))
    # made[9]: marked lost by the desk in September, reactivated and lost again by the supervisor in October.
    _at(clock, 22, month=9)
    customers.mark_lost(staff, made[9], _reason("Product"))
    customers.reactivate(supervisor, made[9])
    _at(clock, 20)
    customers.mark_lost(supervisor, made[9], _reason("Product"))
    _at(clock, 5, month=11)
    return made


def _by_reason_query(first: date, last: date, staff_id: int | None = None) -> dict[str, int]:
    """Written apart from the report: every entry of the audit trail read row by row; each customer's
    last 'mark lost' within the local days, the reason it gave and who made it."""
    start, end = local_day_bounds(first)[0], local_day_bounds(last)[1]
    last_marked: dict[str, AuditEntry] = {}
    for entry in AuditEntry.select().order_by(AuditEntry.id):
        if entry.table_name == "customer" and entry.action == "mark_lost" and start <= entry.at < end:
            last_marked[entry.record_id] = entry
    found: dict[str, int] = {}
    for entry in last_marked.values():
        if staff_id is None or entry.actor_id == staff_id:
            name = LostReason.get_by_id(json.loads(entry.after)["lost_reason_id"]).name_en
            found[name] = found.get(name, 0) + 1
    return found


def _shown(figures) -> dict[str, int]:
    return {reason.name_en: n for reason, n in figures["lost"] if n}


def _words(path) -> str:
    """The PDF's text, one space between words (a table's cells come back a line each)."""
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in PdfReader(str(path)).pages))
    return " ".join(text.split())


def test_lost_customers_by_reason_are_those_lost_in_the_period(lost_world, supervisor, tmp_path):
    data = reports.generate(supervisor, Request("satisfaction", "en", *OCTOBER), tmp_path / "october.pdf")
    expected = _by_reason_query(*OCTOBER)
    # the known data: the customer lost on 14 October and won back the same day counts for October
    assert expected == {"Competitor": 3, "Product": 2, "Moved": 1, "Staff indifference": 1}
    assert _shown(data) == expected
    assert sum(n for _r, n in data["lost"]) == 7 < Customer.select().where(Customer.status == "lost").count() + 1
    words = _words(tmp_path / "october.pdf")
    assert "Customers lost in the period, by reason" in words
    assert "Competitor 3" in words and "Relationship elsewhere 0" in words  # every active reason, 0 when none
    september = satisfaction.figures(date(2026, 9, 1), date(2026, 9, 30))
    # September keeps made[9], lost then and won back: an old report's figure does not change later
    assert _shown(september) == _by_reason_query(date(2026, 9, 1), date(2026, 9, 30)) == {"Competitor": 1, "Product": 2}


def test_lost_customers_of_one_staff_member_are_those_they_marked_lost(lost_world, supervisor, staff, tmp_path):
    out = tmp_path / "desk.pdf"
    data = reports.generate(supervisor, Request("satisfaction", "en", *OCTOBER, staff_id=staff.id), out)
    assert _shown(data) == _by_reason_query(*OCTOBER, staff_id=staff.id) == {"Competitor": 2, "Moved": 1}
    mine = satisfaction.figures(*OCTOBER, staff_id=supervisor.id)
    # made[9] was first marked lost by the desk (September), last by the supervisor (October): the supervisor's.
    assert (
        _shown(mine)
        == _by_reason_query(*OCTOBER, staff_id=supervisor.id)
        == {"Competitor": 1, "Product": 2, "Staff indifference": 1}
    )
    assert "Customers Reza Desk marked lost in the period, by reason" in _words(out)
    # Staff may make the report of their own work, and see the same.
    own = reports.generate(staff, Request("satisfaction", "fa", *OCTOBER, staff_id=staff.id), tmp_path / "own.pdf")
    assert _shown(own) == _shown(data)


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_segments_say_the_day_they_stand_for(db, supervisor, tmp_path, lang):
    out = tmp_path / f"segments-{lang}.pdf"
    data = reports.generate(supervisor, Request("satisfaction", lang, *OCTOBER), out)
    today = to_local(utcnow()).date()
    assert data["segments_as_of"] == today
    words = _words(out)
    if lang == "en":
        assert f"Customer segments as of {format_date(today, 'en')}" in words
        assert "how customers stand on this day, not during the period" in words
    else:  # the Jalali day, its digits in Persian (pypdf may give a right-to-left line's digits reversed)
        day = format_date(today, "fa").split()
        assert day[0] in words or day[0][::-1] in words
        assert day[-1] in words or day[-1][::-1] in words


def _contact(actor, customer_id, day, hour, satisfaction_level, notes, month=10):
    started = _utc(day, month, hour)
    return contacts.create(
        actor,
        ContactDraft(
            customer_id=customer_id,
            started_at=started,
            ended_at=started + timedelta(minutes=3),
            reason="Question",
            notes=notes,
            outcome="resolved",
            satisfaction=satisfaction_level,
        ),
    )


def test_the_mix_beside_the_previous_period_and_what_dissatisfied_customers_said(clock, supervisor, staff, tmp_path):
    _at(clock, 1, month=9)
    who = _customer(supervisor, 1)
    for day, level in ((3, "delighted"), (4, "satisfied"), (5, "dissatisfied"), (6, "dissatisfied")):
        _contact(staff, who, day, 10, level, f"September {level}", month=9)
    _at(clock, 1, month=11)
    for day, level in ((3, "delighted"), (4, "delighted"), (5, "satisfied"), (9, "not_asked")):
        _contact(staff, who, day, 10, level, "fine")
    said = {}
    for i, (day, hour) in enumerate(((2, 9), (7, 16), (11, 10), (15, 12), (18, 9), (22, 14), (29, 11))):
        said[i] = _contact(
            staff if i % 2 else supervisor,
            who if i != 3 else None,
            day,
            hour,
            "dissatisfied",
            f"Complaint number {i}: the delivery was late. " + "Very late. " * (60 if i == 6 else 0),
        )
    _contact(staff, who, 30, 10, "dissatisfied", "")  # no notes: nothing to quote
    _contact(staff, who, 30, 11, "satisfied", "Happy now")  # not dissatisfied
    out = tmp_path / "october.pdf"
    data = reports.generate(supervisor, Request("satisfaction", "en", *OCTOBER), out)

    def mix_query(first, last):
        start, end = local_day_bounds(first)[0], local_day_bounds(last)[1]
        mix = {}
        for c in Contact.select().where((Contact.started_at >= start) & (Contact.started_at < end)):
            mix[c.satisfaction] = mix.get(c.satisfaction, 0) + 1
        return mix

    assert reports.previous_period(*OCTOBER, "en") == (date(2026, 9, 1), date(2026, 9, 30))
    before = data["previous"]
    assert (before["date_from"], before["date_to"]) == (date(2026, 9, 1), date(2026, 9, 30))
    assert (
        {k: n for k, n in before["mix"].items() if n}
        == mix_query(date(2026, 9, 1), date(2026, 9, 30))
        == {"delighted": 1, "satisfied": 1, "dissatisfied": 2}
    )
    assert {k: n for k, n in data["mix"].items() if n} == mix_query(*OCTOBER)
    words = _words(out)
    assert "Compared with 1 September 2026 – 30 September 2026" in words
    assert "Previous period" in words and "Change" in words
    # October: 2 delighted, 2 satisfied (one on the 30th), 8 dissatisfied of 12 asked; September 1, 1, 2 of 4.
    assert "Dissatisfied 66.7% 50.0% +16.7 points" in words
    assert "Customers asked 12 4 +8 (+200.0%)" in words

    start, end = local_day_bounds(OCTOBER[0])[0], local_day_bounds(OCTOBER[1])[1]
    newest = [
        c.id
        for c in Contact.select()
        .where(
            (Contact.satisfaction == "dissatisfied")
            & (Contact.notes != "")
            & (Contact.started_at >= start)
            & (Contact.started_at < end)
        )
        .order_by(Contact.started_at.desc())
    ][:5]
    assert newest == [said[i].id for i in (6, 5, 4, 3, 2)]
    quoted = data["said"]
    assert [notes for _at_, _c, _who, notes in quoted] == [Contact.get_by_id(i).notes for i in newest]
    assert [who for _at_, _c, who, _n in quoted] == [
        "Sara Supervisor",
        "Reza Desk",
        "Sara Supervisor",
        "Reza Desk",
        "Sara Supervisor",
    ]
    assert "What dissatisfied customers said" in words
    assert "Newest first: 5 of the 7 contacts marked dissatisfied in the period with notes." in words
    assert "Complaint number 5: the delivery was late." in words and "Complaint number 1" not in words
    assert "2026-10-29 11:00 · Customer1 Lost, taken by Sara Supervisor" in words
    assert "2026-10-15 12:00 · Not identified, taken by Reza Desk" in words
    assert "Very late. Very late." in words and words.count("Very late.") < 60  # a sample, cut at a word
    desk_only = satisfaction.figures(*OCTOBER, staff_id=staff.id)
    assert [who for _at_, _c, who, _n in desk_only["said"]] == ["Reza Desk"] * 3
