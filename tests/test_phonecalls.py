"""What a phone call means for the data: the screen pop's facts, and a missed call's callback."""

from __future__ import annotations

from datetime import datetime, timedelta

import peewee as pw
import pytest
from playhouse.test_utils import count_queries

from helpdesk import audit, calm, complaints, contacts, customers, followups, phonecalls
from helpdesk.clock import from_local, utcnow
from helpdesk.complaints import ComplaintDraft
from helpdesk.contacts import ContactDraft
from helpdesk.customers import Draft
from helpdesk.models import CalmSession, Complaint, ComplaintCategory, Contact, FollowUp, MissedCall


def _customer(actor, given="Maryam", family="Karimi", phone="0912 345 6789", **more):
    return customers.create(
        actor,
        Draft(given_name=given, family_name=family, phones=[("mobile", phone)] if phone else [], **more),
        confirm_duplicates=True,
    )


def _complaint(actor, customer_id, **more):
    category = ComplaintCategory.select().order_by(ComplaintCategory.id).first()
    return complaints.create(
        actor,
        ComplaintDraft(
            customer_id=customer_id,
            category_id=category.id,
            description="Late",
            wanted="Refund",
            assignee_id=actor.id,
            **more,
        ),
    )


def _contact(actor, customer_id, started_at, satisfaction="satisfied"):
    return contacts.create(
        actor,
        ContactDraft(
            customer_id=customer_id,
            started_at=started_at,
            ended_at=started_at + timedelta(minutes=3),
            reason="Invoice",
            outcome="resolved",
            satisfaction=satisfaction,
        ),
    )


@pytest.mark.parametrize(
    "raw", ["09123456789", "+989123456789", "00989123456789", "989123456789", "۰۹۱۲ ۳۴۵ ۶۷۸۹", "0912-345-6789"]
)
def test_a_known_number_in_any_format_pops_its_one_customer(staff, raw):
    maryam = _customer(staff)
    _customer(staff, "Reza", "Ahmadi", "0912 000 1111")
    shown = phonecalls.screen(raw)
    assert (shown.number, shown.raw, shown.match) == ("+989123456789", raw, phonecalls.KNOWN)
    assert [(c.customer_id, c.name, c.reason) for c in shown.callers] == [(maryam.id, "Maryam Karimi", "number")]


def test_a_hidden_or_strange_number_is_unknown(staff):
    _customer(staff)
    for raw in ("anonymous", "", "Restricted"):
        assert phonecalls.screen(raw) == phonecalls.Screen("", raw, phonecalls.UNKNOWN, [])
    stranger = phonecalls.screen("0935 111 2233")
    assert (stranger.number, stranger.match, stranger.callers) == ("+989351112233", phonecalls.UNKNOWN, [])


def test_a_number_shared_by_several_customers_is_a_maybe_with_all_of_them(staff):
    ids = [_customer(staff, f"Person{i}", "Shared").id for i in range(3)]
    shown = phonecalls.screen("09123456789")
    assert shown.match == phonecalls.MAYBE
    assert [c.customer_id for c in shown.callers] == sorted(ids, reverse=True)
    assert len(phonecalls.screen("09123456789", limit=2).callers) == 2


def test_digits_found_only_elsewhere_are_a_maybe_said_so(staff):
    branch = _customer(staff, "Branch", "Office", None, notes="Reception line 9123456789, ask for Ali")
    shown = phonecalls.screen("+98 912 345 6789")
    assert shown.match == phonecalls.MAYBE
    assert [(c.customer_id, c.reason) for c in shown.callers] == [(branch.id, phonecalls.ELSEWHERE)]


def test_the_pop_tells_complaints_satisfaction_anger_and_the_last_promise(staff, supervisor):
    now = utcnow()
    employer = customers.create(staff, Draft(kind="organisation", organisation="Pars Trading"))
    maryam = _customer(staff, organisation_id=employer.id)
    for _ in range(2):
        _complaint(staff, maryam.id, priority="high")
    old = Complaint.select().order_by(Complaint.id).first()
    Complaint.update(created_at=now - timedelta(days=10)).where(Complaint.id == old.id).execute()
    _contact(staff, maryam.id, now - timedelta(days=3), "dissatisfied")
    _contact(staff, maryam.id, now - timedelta(days=1), "not_asked")  # not asked: the one before counts
    session = calm.start(staff, maryam.id)
    CalmSession.update(anger_start=8, anger_end=3).where(CalmSession.id == session.id).execute()
    later = calm.start(staff, maryam.id)
    CalmSession.update(anger_start=6, started_at=now + timedelta(seconds=5)).where(CalmSession.id == later.id).execute()
    followups.create(staff, maryam.id, now - timedelta(days=5), staff.id, "Old promise")
    FollowUp.update(created_at=now - timedelta(days=6)).where(FollowUp.promise == "Old promise").execute()
    followups.create(staff, maryam.id, now - timedelta(hours=1), staff.id, "Send the refund form")

    with count_queries() as counter:
        shown = phonecalls.screen("09123456789")
    (facts,) = shown.callers
    assert facts.organisation == "Pars Trading"
    assert (facts.open_complaints, facts.overdue_complaints) == (2, 1)
    assert facts.last_satisfaction == "dissatisfied" and facts.last_satisfaction_at == now - timedelta(days=3)
    assert (facts.last_anger, facts.last_anger_at) == (6, now + timedelta(seconds=5))  # the newest: no end rating yet
    assert facts.last_promise.text == "Send the refund form" and facts.last_promise.outcome == phonecalls.BROKEN
    assert counter.count <= 10  # a fixed number of statements, whoever calls


def test_a_screen_of_several_callers_costs_what_one_costs(staff):
    now = utcnow()
    _customer(staff)
    with count_queries() as one:
        phonecalls.screen("09123456789")
    for i in range(4):
        c = _customer(staff, f"Other{i}", "Shared")
        _contact(staff, c.id, now - timedelta(days=i + 1))
        followups.create(staff, c.id, now + timedelta(days=1), staff.id, f"Promise {i}")
    with count_queries() as several:
        shown = phonecalls.screen("09123456789")
    assert len(shown.callers) == 5 and several.count == one.count


@pytest.mark.parametrize(
    "status, done_after, outcome",
    [
        ("done", timedelta(minutes=10), phonecalls.KEPT),
        ("done", timedelta(minutes=40), phonecalls.KEPT_LATE),
        ("cancelled", None, phonecalls.CANCELLED),
        ("open", None, phonecalls.PENDING),
    ],
)
def test_the_last_promise_says_how_it_went(staff, status, done_after, outcome):
    maryam = _customer(staff)
    due = utcnow() + (timedelta(hours=2) if outcome == phonecalls.PENDING else -timedelta(hours=2))
    promise = followups.create(staff, maryam.id, due, staff.id, "Call back")
    done_at = due + done_after if done_after else None
    FollowUp.update(status=status, done_at=done_at).where(FollowUp.id == promise.id).execute()
    (facts,) = phonecalls.screen("09123456789").callers
    last = facts.last_promise
    assert (last.outcome, last.due_at, last.done_at) == (outcome, due, done_at)


def test_a_merged_customer_counts_with_the_one_it_was_merged_into(staff, supervisor):
    now = utcnow()
    keep = _customer(staff)
    gone = _customer(staff, "Maryam", "Karimi-Old", "0935 111 2233")
    _complaint(staff, gone.id)
    _contact(staff, gone.id, now - timedelta(hours=2), "delighted")
    customers.merge(supervisor, keep.id, gone.id)
    shown = phonecalls.screen("09123456789")
    assert shown.match == phonecalls.KNOWN
    (facts,) = shown.callers
    assert (facts.customer_id, facts.open_complaints, facts.last_satisfaction) == (keep.id, 1, "delighted")


# --- missed calls ------------------------------------------------------------------------


def _local(text: str) -> datetime:
    return from_local(datetime.fromisoformat(text))


def test_three_missed_calls_in_a_day_are_one_callback_and_the_next_day_a_new_one(staff):
    maryam = _customer(staff)
    first = phonecalls.record_missed(staff, "call-1", "09123456789", _local("2026-11-23 09:00"))
    again = phonecalls.record_missed(staff, "call-2", "+989123456789", _local("2026-11-23 13:00"))
    third = phonecalls.record_missed(staff, "call-3", "0912 345 6789", _local("2026-11-23 23:50"))
    assert first.id == again.id == third.id
    row = FollowUp.get_by_id(first.id)
    assert (row.customer_id, row.phone, row.attempts, row.kind, row.assignee_id, row.status) == (
        maryam.id,
        "+989123456789",
        3,
        followups.KIND_MISSED,
        staff.id,
        "open",
    )
    assert row.promise == phonecalls.MISSED_PROMISE["fa"]  # Maryam's language
    assert [e.action for e in audit.history(row)] == ["create", "update", "update"]
    tomorrow = phonecalls.record_missed(staff, "call-4", "09123456789", _local("2026-11-24 00:10"))
    assert tomorrow.id != first.id and tomorrow.attempts == 1


def test_one_call_heard_by_two_desks_is_counted_once(staff, supervisor):
    at = utcnow()
    one = phonecalls.record_missed(staff, "1700000000.42", "09123456789", at)
    two = phonecalls.record_missed(supervisor, "1700000000.42", "09123456789", at)
    assert one.id == two.id and FollowUp.get_by_id(one.id).attempts == 1
    assert MissedCall.select().count() == 1 and FollowUp.select().count() == 1


def test_an_unknown_number_leaves_a_callback_for_the_number(staff):
    at = utcnow() - timedelta(minutes=30)
    row = phonecalls.record_missed(staff, "x1", "0935 111 2233", at)
    assert (row.customer_id, row.phone, row.attempts) == (None, "+989351112233", 1)
    (queued,) = followups.queue(staff.id, utcnow())
    assert (queued.customer_id, queued.customer, queued.phone, queued.attempts, queued.kind) == (
        None,
        "",
        "+989351112233",
        1,
        followups.KIND_MISSED,
    )
    assert queued.state == followups.OVERDUE
    assert followups.counts(staff.id, utcnow()) == {followups.OVERDUE: 1, followups.DUE: 0}


def test_a_hidden_number_leaves_nothing(staff):
    assert phonecalls.record_missed(staff, "h1", "anonymous", utcnow()) is None
    assert FollowUp.select().count() == 0


def test_a_closed_callback_makes_room_for_a_new_one_the_same_day(staff):
    at = utcnow()
    maryam = _customer(staff)
    first = phonecalls.record_missed(staff, "a", "09123456789", at)
    followups.cancel(staff, first.id)
    assert FollowUp.get_by_id(first.id).missed_key is None
    second = phonecalls.record_missed(staff, "b", "09123456789", at + timedelta(minutes=5))
    assert second.id != first.id
    call = contacts.create(
        staff,
        ContactDraft(
            customer_id=maryam.id,
            direction="outbound",
            started_at=at,
            ended_at=at + timedelta(minutes=2),
            reason="Called back",
            outcome="resolved",
            satisfaction="satisfied",
            follow_up_of=second.id,
        ),
    )
    assert (FollowUp.get_by_id(second.id).status, FollowUp.get_by_id(second.id).missed_key) == ("done", None)
    third = phonecalls.record_missed(staff, "c", "09123456789", at + timedelta(minutes=9))
    assert third.id not in (first.id, second.id)
    assert Contact.get_by_id(call.id).customer_id == maryam.id


def test_a_callback_to_an_unknown_number_can_be_completed_without_a_customer(staff):
    at = utcnow()
    row = phonecalls.record_missed(staff, "u", "0935 111 2233", at)
    contacts.create(
        staff,
        ContactDraft(
            customer_id=None,
            direction="outbound",
            phone="0935 111 2233",
            started_at=at,
            ended_at=at + timedelta(minutes=1),
            reason="Called back",
            outcome="resolved",
            satisfaction="not_asked",
            follow_up_of=row.id,
        ),
    )
    assert FollowUp.get_by_id(row.id).status == "done"


def test_the_last_promise_is_not_a_missed_call(staff):
    maryam = _customer(staff)
    followups.create(staff, maryam.id, utcnow() + timedelta(hours=3), staff.id, "Quote by Sunday")
    phonecalls.record_missed(staff, "m", "09123456789", utcnow() + timedelta(seconds=1))
    (facts,) = phonecalls.screen("09123456789").callers
    assert facts.last_promise.text == "Quote by Sunday"


# --- the migration -----------------------------------------------------------------------


def test_a_version_12_database_keeps_its_contacts_promises_and_sessions_links(db_target):
    from helpdesk import accounts, config, migrations
    from helpdesk import db as dbmod

    database = dbmod.open_database(db_target)
    dbmod.bind(database)
    migrations.migrate(database, target=12)
    boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    maryam = _customer(boss)
    p = database.param
    stamp = "2026-11-20 10:00:00"
    database.execute_sql(
        "INSERT INTO contact (customer_id, staff_id, channel, direction, phone, started_at, ended_at, duration_seconds,"
        " hold_seconds, hold_count, reason, notes, outcome, satisfaction, next_step, checklist, search_text,"
        " created_at, updated_at, version)"
        f" VALUES ({p}, {p}, 'phone', 'inbound', '+989123456789', {p}, {p}, 60, 0, 0, 'Invoice', '', 'resolved',"
        f" 'satisfied', '', '', '', {p}, {p}, 1)",
        (maryam.id, boss.id, stamp, stamp, stamp, stamp),
    )
    contact_id = database.execute_sql("SELECT MAX(id) FROM contact").fetchone()[0]
    database.execute_sql(
        "INSERT INTO follow_up (customer_id, contact_id, kind, due_at, assignee_id, promise, status, created_at,"
        f" created_by_id, updated_at, version) VALUES ({p}, {p}, 'callback', {p}, {p}, 'Call back', 'open', {p}, {p},"
        f" {p}, 1)",
        (maryam.id, contact_id, stamp, boss.id, stamp, boss.id, stamp),
    )
    follow_up_id = database.execute_sql("SELECT MAX(id) FROM follow_up").fetchone()[0]
    indexes = database.get_indexes("follow_up")
    session = calm.start(boss, maryam.id)
    database.execute_sql(f"UPDATE calm_session SET follow_up_id = {p} WHERE id = {p}", (follow_up_id, session.id))
    dbmod.close()

    database, result = migrations.open_and_migrate(db_target)
    try:
        assert (result.from_version, result.to_version) == (12, migrations.LATEST)
        # The tables pointing at follow_up kept their links (no rebuild emptied it on the way).
        assert CalmSession.get_by_id(session.id).follow_up_id == follow_up_id
        old = FollowUp.get_by_id(follow_up_id)
        assert (old.customer_id, old.contact_id, old.phone, old.attempts, old.missed_key) == (
            maryam.id,
            contact_id,
            "",
            0,
            None,
        )
        contact = Contact.get_by_id(contact_id)
        assert (contact.answered_at, contact.call_id) == (None, "")
        staff = accounts.authenticate("boss", "correct horse")
        missed = phonecalls.record_missed(staff, "c1", "0935 111 2233", utcnow())
        assert FollowUp.get_by_id(missed.id).customer_id is None
        assert {index.name for index in indexes} < {index.name for index in database.get_indexes("follow_up")}
        if config.sqlite_path(db_target) is not None:
            assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        # One open missed-call callback a number a day, whatever writes it.
        with pytest.raises(pw.IntegrityError), database.atomic():
            FollowUp.create(
                customer=None,
                kind="missed_call",
                due_at=utcnow(),
                assignee=staff.id,
                promise="x",
                created_by=staff.id,
                phone="+989351112233",
                missed_key=missed.missed_key,
            )
    finally:
        dbmod.close()


# --- the contact a call that rang becomes ------------------------------------------------


def test_a_call_that_rang_is_stored_with_its_ring_answer_and_end_and_the_phone_systems_talk_time(staff):
    maryam = _customer(staff)
    rang = utcnow() - timedelta(minutes=5)
    draft = ContactDraft(
        customer_id=maryam.id,
        phone="09123456789",
        started_at=rang,
        answered_at=rang + timedelta(seconds=12),
        ended_at=rang + timedelta(minutes=3),
        duration_seconds=166,
        call_id="1700000000.42",
        reason="Invoice",
        outcome="resolved",
        satisfaction="satisfied",
    )
    stored = Contact.get_by_id(contacts.create(staff, draft).id)
    assert (stored.started_at, stored.answered_at, stored.ended_at, stored.duration_seconds, stored.call_id) == (
        rang,
        rang + timedelta(seconds=12),
        rang + timedelta(minutes=3),
        166,
        "1700000000.42",
    )
    shown = contacts.draft_of(stored)
    assert (shown.answered_at, shown.call_id) == (rang + timedelta(seconds=12), "1700000000.42")
    assert ContactDraft.from_json(draft.to_json()) == draft  # an unfinished call's draft keeps them
    # No talk time from the phone system: from the answer to the end, not from the ring.
    stored = contacts.create(
        staff,
        ContactDraft(
            customer_id=maryam.id,
            started_at=rang,
            answered_at=rang + timedelta(seconds=20),
            ended_at=rang + timedelta(seconds=80),
            reason="Invoice",
            outcome="resolved",
            satisfaction="satisfied",
        ),
    )
    assert stored.duration_seconds == 60


@pytest.mark.parametrize(
    "answered, code", [(-timedelta(seconds=1), "answered_before_ring"), (timedelta(minutes=4), "answered_after_end")]
)
def test_an_answer_outside_the_call_is_refused_next_to_its_field(staff, answered, code):
    rang = utcnow()
    errors = contacts.clean(
        ContactDraft(
            started_at=rang,
            answered_at=rang + answered,
            ended_at=rang + timedelta(minutes=3),
            reason="x",
            outcome="resolved",
            satisfaction="satisfied",
        )
    )[1]
    assert {name: e.code for name, e in errors.items()} == {"answered_at": code}
