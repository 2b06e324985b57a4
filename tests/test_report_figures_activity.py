"""Issue 15, figures: the activity, complaints and customer-history reports count what they say
they count. Each figure is checked against a query written here, on data made through the
services at known moments of the tests' clock."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from helpdesk import complaints, contacts, customers, followups, reports
from helpdesk.clock import from_local, to_local, utcnow
from helpdesk.contacts import ContactDraft, local_day_bounds
from helpdesk.customers import Draft
from helpdesk.db import database
from helpdesk.models import Complaint, Contact, FollowUp
from helpdesk.reports import Request, layout
from tests.conftest import TEST_NOW


def _office(*parts) -> datetime:
    """A moment of the office's wall clock, to move the tests' clock to (in the office's time zone:
    time-machine keeps the zone only for a ZoneInfo time)."""
    return datetime(*parts, tzinfo=TEST_NOW.tzinfo)


def _local(*parts) -> datetime:
    """A local wall-clock time as stored (naive UTC)."""
    return from_local(datetime(*parts))


def _customer(actor, given="Maryam", family="Karimi"):
    return customers.create(actor, Draft(given_name=given, family_name=family), confirm_duplicates=True)


def _contact(actor, customer_id, at: datetime, **changes) -> Contact:
    values = dict(
        customer_id=customer_id,
        started_at=at,
        ended_at=at + timedelta(minutes=4),
        reason="Invoice",
        outcome="resolved",
        satisfaction="satisfied",
    )
    values.update(changes)
    return contacts.create(actor, ContactDraft(**values))


def _made(tmp_path, monkeypatch, actor, request: Request, module):
    """Make the report; its figures, its text (pypdf) and the tables of its story."""
    stories = []
    real = module.write

    def keep(out, page, story, progress=None, start=0.3):
        stories.append(list(story))  # the layout uses the list up
        return real(out, page, story, progress, start)

    monkeypatch.setattr(module, "write", keep)
    out = tmp_path / f"{request.kind}-{request.lang}.pdf"
    data = reports.generate(actor, request, out)
    reader = PdfReader(str(out))
    words = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    return data, " ".join(words.split()), layout.tables_of(stories[0])


def _table(tables, starts: str):
    found = [rows for title, rows in tables if title.startswith(starts)]
    assert found, [t for t, _ in tables]
    return found[0]


# --- activity: overdue follow-ups ------------------------------------------------------------


def _raw_overdue(first: date, last: date, cutoff: datetime) -> int:
    """Follow-ups due in the period and not done by ``cutoff``, counted in SQL written here."""
    start, end = local_day_bounds(first)[0], local_day_bounds(last)[1]
    table = FollowUp._meta.table_name
    p = "%s" if database.param == "%s" else "?"
    sql = (
        f"SELECT COUNT(*) FROM {table} WHERE due_at >= {p} AND due_at < {p} AND due_at < {p} "
        f"AND (status = 'open' OR (status = 'done' AND done_at > {p}))"
    )
    return database.execute_sql(sql, (start, end, cutoff - timedelta(minutes=15), cutoff)).fetchone()[0]


def _promises(clock, staff):
    """Six promises around May 2026 (today is 16 June 2026): two overdue at the end of May (one still
    open, one kept only in June), one kept in time, one cancelled, two falling due in June."""
    customer = _customer(staff)
    clock.move_to(_office(2026, 5, 1, 9, 0))
    made = {}
    for key, due in (
        ("open_may", (2026, 5, 10, 10, 0)),
        ("kept_june", (2026, 5, 20, 11, 0)),
        ("kept_in_time", (2026, 5, 25, 12, 0)),
        ("cancelled", (2026, 5, 12, 9, 0)),
        ("open_june_5", (2026, 6, 5, 10, 0)),
        ("open_june_10", (2026, 6, 10, 10, 0)),
    ):
        made[key] = followups.create(staff, customer.id, _local(*due), staff.id, f"Call back ({key})").id
    followups.cancel(staff, made["cancelled"])
    clock.move_to(_office(2026, 5, 24, 10, 0))
    _contact(staff, customer.id, _local(2026, 5, 24, 10, 0), direction="outbound", follow_up_of=made["kept_in_time"])
    clock.move_to(_office(2026, 6, 5, 10, 0))
    _contact(staff, customer.id, _local(2026, 6, 5, 10, 0), direction="outbound", follow_up_of=made["kept_june"])
    clock.move_to(_office(2026, 6, 16, 10, 30))
    return made


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_overdue_follow_ups_are_those_due_in_the_period_not_done_by_its_end(
    db, supervisor, staff, clock, tmp_path, monkeypatch, lang
):
    from helpdesk.reports import activity

    _promises(clock, staff)
    may = Request("activity", lang, date(2026, 5, 1), date(2026, 5, 31))
    data, words, tables = _made(tmp_path, monkeypatch, supervisor, may, activity)
    end_of_may = local_day_bounds(date(2026, 5, 31))[1]
    assert data["overdue"] == _raw_overdue(may.date_from, may.date_to, end_of_may) == 2
    assert data["due"] == 3  # the cancelled promise is not due any more
    if lang == "en":
        assert "Overdue: due in the period, not done by 31 May 2026" in words
        rows = _table(tables, "Follow-ups")
        assert rows == [
            ["Done in the period", "Due in the period", "Overdue: due in the period, not done by 31 May 2026"],
            ["1", "3", "2"],
        ]
    # June so far: the two promises of June are overdue by now.
    june = Request("activity", lang, date(2026, 6, 1), date(2026, 6, 16))
    data, words, _ = _made(tmp_path, monkeypatch, supervisor, june, activity)
    assert data["overdue"] == _raw_overdue(june.date_from, june.date_to, utcnow()) == 2
    if lang == "en":
        assert "not done by now" in words


# --- activity: by hour and day of the week ---------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_contacts_by_hour_and_weekday_in_local_time(db, supervisor, staff, tmp_path, monkeypatch, lang):
    from helpdesk.reports import activity

    customer = _customer(staff)
    # Tuesday 9 June 2026 09:10 Tehran is 05:40 UTC: counted by UTC hour it would land at 08:00 local.
    for minute in (10, 20, 50):
        _contact(staff, customer.id, _local(2026, 6, 9, 9, minute))
    for minute in (0, 59):  # Saturday 13 June, 14:00-14:59
        _contact(staff, customer.id, _local(2026, 6, 13, 14, minute))
    _contact(staff, customer.id, _local(2026, 6, 13, 23, 40))  # late on Saturday: Saturday, UTC 20:10
    _contact(staff, customer.id, _local(2026, 6, 14, 0, 10))  # just after midnight: Sunday, still Saturday in UTC
    _contact(staff, customer.id, _local(2026, 5, 31, 9, 0))  # before the period
    request = Request("activity", lang, date(2026, 6, 1), date(2026, 6, 14))
    data, _words, tables = _made(tmp_path, monkeypatch, supervisor, request, activity)
    assert data["by_hour"] == {(1, 9): 3, (5, 14): 2, (5, 23): 1, (6, 0): 1}
    assert data["by_day"] == {date(2026, 6, 9): 3, date(2026, 6, 13): 3, date(2026, 6, 14): 1}
    start, end = local_day_bounds(request.date_from)[0], local_day_bounds(request.date_to)[1]
    in_period = Contact.select().where((Contact.started_at >= start) & (Contact.started_at < end))
    assert sum(data["by_hour"].values()) == in_period.count() == 7
    for day, n in data["by_day"].items():
        low, high = local_day_bounds(day)
        assert n == Contact.select().where((Contact.started_at >= low) & (Contact.started_at < high)).count()
    seen = {}
    for c in in_period:  # the same, one contact at a time
        local = to_local(c.started_at)
        seen[(local.weekday(), local.hour)] = seen.get((local.weekday(), local.hour), 0) + 1
    assert seen == data["by_hour"]
    rows = _table(tables, "Contacts by hour" if lang == "en" else "ارتباط‌ها بر پایهٔ ساعت")
    from helpdesk.localization import digits

    days = (
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        if lang == "en"
        else ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"]
    )
    assert rows[0] == [("Hour" if lang == "en" else "ساعت")] + days
    assert [r[0] for r in rows[1:]] == [digits(f"{h:02d}", lang) for h in range(24)]
    cell = {(r[0], day): value for r in rows[1:] for day, value in zip(days, r[1:])}
    saturday, tuesday, sunday = (days[5], days[1], days[6]) if lang == "en" else (days[0], days[3], days[1])
    assert cell[(digits("14", lang), saturday)] == digits(2, lang)
    assert cell[(digits("09", lang), tuesday)] == digits(3, lang)
    assert cell[(digits("23", lang), saturday)] == cell[(digits("00", lang), sunday)] == digits(1, lang)
    assert sum(_as_int(v) for v in cell.values()) == 7


def _as_int(shown: str) -> int:
    from helpdesk.localization import latin_digits

    return int(latin_digits(shown).replace(",", "").replace("٬", ""))


# --- the previous period ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_activity_shows_the_previous_period_beside_this_one(db, supervisor, staff, tmp_path, monkeypatch, lang):
    from helpdesk.reports import activity

    customer = _customer(staff)
    for day in (3, 4, 5, 20):  # four in May
        _contact(staff, customer.id, _local(2026, 5, day, 10, 0))
    for day in (2, 9):  # two in April
        _contact(staff, customer.id, _local(2026, 4, day, 10, 0))
    request = Request("activity", "en", date(2026, 5, 1), date(2026, 5, 31))
    data, _words, tables = _made(tmp_path, monkeypatch, supervisor, request, activity)
    first, last = data["previous"]["date_from"], data["previous"]["date_to"]
    assert (
        (first, last)
        == reports.previous_period(request.date_from, request.date_to, "en")
        == (date(2026, 4, 1), date(2026, 4, 30))
    )
    start, end = local_day_bounds(first)[0], local_day_bounds(last)[1]
    april = Contact.select().where((Contact.started_at >= start) & (Contact.started_at < end)).count()
    rows = _table(tables, "Compared with")
    assert rows[0] == ["Figure", "This period", "Previous period", "Change"]
    assert rows[1] == ["Contacts", "4", str(april), "+2 (+100.0%)"]


# --- the figures in Persian use the Persian comma -------------------------------------------


def test_persian_customer_history_joins_with_the_persian_comma(db, supervisor, staff, tmp_path, monkeypatch):
    from helpdesk.reports import customer_history

    customer = _customer(staff)
    _contact(staff, customer.id, _local(2026, 6, 10, 10, 0), duration_seconds=261)
    customers_update = customers.get(customer.id).customer
    request = Request("customer", "fa", customer_id=customers_update.id)
    _data, _words, tables = _made(tmp_path, monkeypatch, supervisor, request, customer_history)
    cells = [cell for _title, rows in tables for row in rows for cell in row]
    assert any("(ورودی، ۴:۲۱)" in cell for cell in cells), cells
    assert not any(", " in cell for cell in cells if layout.has_rtl(cell)), cells


# --- complaints: on time counts the open overdue ones as late ------------------------------


def _complaint(clock, staff, at: tuple, priority="urgent") -> int:
    clock.move_to(_office(*at))
    category = complaints.categories()[0]
    return complaints.create(
        staff,
        complaints.ComplaintDraft(
            category_id=category.id, priority=priority, description="The parcel came broken.", assignee_id=staff.id
        ),
    ).id


def _urgent_may(clock, staff):
    """Four urgent complaints in May 2026 (targets: answer in 1 hour, resolve in 8): one resolved
    in 2 hours, one in a day, two still open (one answered in half an hour), and one raised this
    morning, 16 June, still within its target."""
    ids = [_complaint(clock, staff, (2026, 5, d, 10, 0)) for d in (4, 5, 6, 7)]
    clock.move_to(_office(2026, 5, 4, 12, 0))
    complaints.resolve(staff, ids[0], "Replaced.", "satisfied", True)
    clock.move_to(_office(2026, 5, 6, 10, 0))
    complaints.resolve(staff, ids[1], "Refunded.", "satisfied", True)
    clock.move_to(_office(2026, 5, 7, 10, 30))
    complaints.move(staff, ids[3], complaints.IN_PROGRESS)
    _complaint(clock, staff, (2026, 6, 16, 10, 0))
    clock.move_to(_office(2026, 6, 16, 10, 30))
    return ids


def _raw_urgent(first: date, last: date) -> dict:
    """The urgent complaints of the period read with SQL written here, judged here."""
    from helpdesk.clock import as_datetime

    start, end = local_day_bounds(first)[0], local_day_bounds(last)[1]
    p = "%s" if database.param == "%s" else "?"
    sql = (
        f"SELECT created_at, resolved_at, status FROM {Complaint._meta.table_name} "
        f"WHERE priority = 'urgent' AND created_at >= {p} AND created_at < {p}"
    )
    now = utcnow()
    out = {"on_time": 0, "late": 0, "open_overdue": 0, "open_within": 0}
    for created, resolved, status in database.execute_sql(sql, (start, end)).fetchall():
        deadline = as_datetime(created) + timedelta(hours=8)
        if status in ("new", "in_progress", "escalated"):
            out["open_overdue" if now > deadline else "open_within"] += 1
        elif resolved is not None:
            out["on_time" if as_datetime(resolved) <= deadline else "late"] += 1
    return out


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_resolved_on_time_counts_open_overdue_complaints_as_late(
    db, supervisor, staff, clock, tmp_path, monkeypatch, lang
):
    from helpdesk.localization import digits
    from helpdesk.reports import complaints_report

    _urgent_may(clock, staff)
    may = Request("complaints", lang, date(2026, 5, 1), date(2026, 5, 31))
    data, words, tables = _made(tmp_path, monkeypatch, supervisor, may, complaints_report)
    raw = _raw_urgent(may.date_from, may.date_to)
    assert raw == {"on_time": 1, "late": 1, "open_overdue": 2, "open_within": 0}
    urgent = data["by_priority"]["urgent"]
    assert (
        urgent["resolve_rate"]
        == pytest.approx(100 * raw["on_time"] / (raw["on_time"] + raw["late"] + raw["open_overdue"]))
        == 25
    )
    assert (urgent["open_overdue"], urgent["open_within"]) == (raw["open_overdue"], raw["open_within"])
    # Answered: one in 30 minutes, two only when resolved (late), one never (late): 1 of 4.
    assert urgent["first_rate"] == 25 and urgent["unanswered_late"] == 1
    title = "Resolution" if lang == "en" else "رفع"
    rows = _table(tables, title)
    assert rows[1][0] == ("Urgent" if lang == "en" else "فوری")
    assert rows[1][4:] == [
        digits("25.0%", lang).replace(".", "٫").replace("%", "٪") if lang == "fa" else "25.0%",
        digits(2, lang),
        digits(0, lang),
    ]
    if lang == "en":
        assert rows[0][4:] == ["Resolved on time", "Still open, past the target", "Still open, within the target"]
        assert "Still open, past the target" in words
    # June so far: this morning's complaint is still within its target.
    june = Request("complaints", lang, date(2026, 6, 1), date(2026, 6, 16))
    data, _words, _tables = _made(tmp_path, monkeypatch, supervisor, june, complaints_report)
    assert data["by_priority"]["urgent"]["open_within"] == _raw_urgent(june.date_from, june.date_to)["open_within"] == 1
    assert data["by_priority"]["urgent"]["resolve_rate"] is None  # nothing resolved or late yet


def test_complaints_show_the_previous_period_beside_this_one(db, supervisor, staff, clock, tmp_path, monkeypatch):
    from helpdesk.reports import complaints_report

    _urgent_may(clock, staff)
    _complaint(clock, staff, (2026, 4, 20, 10, 0), "low")
    clock.move_to(_office(2026, 6, 16, 10, 30))
    request = Request("complaints", "en", date(2026, 5, 1), date(2026, 5, 31))
    _data, _words, tables = _made(tmp_path, monkeypatch, supervisor, request, complaints_report)
    start, end = local_day_bounds(date(2026, 4, 1))[0], local_day_bounds(date(2026, 4, 30))[1]
    april = Complaint.select().where((Complaint.created_at >= start) & (Complaint.created_at < end)).count()
    rows = _table(tables, "Compared with")
    assert rows[0] == ["Figure", "This period", "Previous period", "Change"]
    assert rows[1] == ["Complaints raised", "4", str(april), "+3 (+300.0%)"]
    assert rows[3][0] == "Resolved on time" and rows[3][1] == "25.0%"


# --- customer history: what was said and promised -------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_customer_history_holds_notes_next_steps_and_whether_promises_were_kept(
    db, supervisor, staff, clock, tmp_path, monkeypatch, lang
):
    from helpdesk.contacts import FollowUpDraft
    from helpdesk.reports import customer_history

    customer = _customer(staff, "Akbar", "Akbari")
    clock.move_to(_office(2026, 6, 1, 9, 0))
    _contact(
        staff,
        customer.id,
        _local(2026, 6, 1, 9, 0),
        notes="Wants the blue one, not the red.",
        next_step="Check the stock on Saturday",
        outcome="follow_up_needed",
        follow_up=FollowUpDraft(_local(2026, 6, 2, 10, 0), staff.id, "Call about the stock"),
    )
    promised = {}
    for key, due in (
        ("late", (2026, 6, 3, 10, 0)),
        ("open_overdue", (2026, 6, 10, 10, 0)),
        ("cancelled", (2026, 6, 11, 10, 0)),
        ("still_open", (2026, 6, 20, 10, 0)),
    ):
        promised[key] = followups.create(staff, customer.id, _local(*due), staff.id, f"Promise {key}").id
    followups.cancel(staff, promised["cancelled"])
    first = FollowUp.get(FollowUp.promise == "Call about the stock").id
    clock.move_to(_office(2026, 6, 2, 10, 5))  # within the grace
    _contact(staff, customer.id, _local(2026, 6, 2, 10, 5), direction="outbound", follow_up_of=first)
    clock.move_to(_office(2026, 6, 4, 15, 0))  # a day late
    _contact(staff, customer.id, _local(2026, 6, 4, 15, 0), direction="outbound", follow_up_of=promised["late"])
    clock.move_to(_office(2026, 6, 16, 10, 30))
    data, words, tables = _made(
        tmp_path, monkeypatch, supervisor, Request("customer", lang, customer_id=customer.id), customer_history
    )
    stored = {r.id: r for r in FollowUp.select().where(FollowUp.customer == customer.id)}
    assert len(data["promises"]) == len(stored) == 5
    kept = {p["promise"]: p["kept"] for p in data["promises"]}
    assert kept == {
        "Call about the stock": "done_on_time",
        "Promise late": "done_late",
        "Promise open_overdue": "overdue",
        "Promise cancelled": "cancelled",
        "Promise still_open": "still_open",
    }
    # ... and as the database has them:
    assert [r.status for r in stored.values()].count("done") == 2
    assert stored[promised["late"]].done_at > stored[promised["late"]].due_at + followups.GRACE
    rows = _table(tables, "Promises made" if lang == "en" else "قول‌های داده‌شده")
    assert len(rows) == 6 and {r[2] for r in rows[1:]} == set(kept)
    if lang == "en":
        assert rows[0] == ["Promised", "Due", "Promise", "Who keeps it", "Kept?"]
        by_promise = {r[2]: r[4] for r in rows[1:]}
        assert by_promise["Promise late"] == "Done late, 2026-06-04 15:00"
        assert by_promise["Call about the stock"] == "Done on time, 2026-06-02 10:05"
        assert by_promise["Promise cancelled"] == "Cancelled" and by_promise["Promise open_overdue"] == "Overdue"
        assert "Wants the blue one, not the red." in words and "Next step: Check the stock on Saturday" in words
    else:
        assert "با تأخیر انجام شد، ۱۴۰۵/۰۳/۱۴ ۱۵:۰۰" in {r[4] for r in rows[1:]}
    cells = " ".join(c for _t, rows_ in tables for r in rows_ for c in r)
    assert "Wants the blue one, not the red." in cells and "Check the stock on Saturday" in cells
