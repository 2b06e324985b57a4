"""Contacts, the call log, follow-ups and drafts, through the services on a real database."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from helpdesk import accounts, audit, contacts, customers, followups
from helpdesk.contacts import ContactDraft, FollowUpDraft, LogQuery
from helpdesk.customers import Draft, FormErrors
from helpdesk.drafts import DraftStore
from helpdesk.errors import PermissionDenied
from helpdesk.models import Contact, FollowUp

NOW = datetime(2026, 11, 23, 9, 30)


def _customer(actor, given="Maryam", family="Karimi", phone="0912 345 6789"):
    return customers.create(
        actor,
        Draft(given_name=given, family_name=family, phones=[("mobile", phone)] if phone else []),
        confirm_duplicates=True,
    )


def _call(customer_id=None, **changes) -> ContactDraft:
    values = dict(
        customer_id=customer_id,
        started_at=NOW,
        ended_at=NOW + timedelta(minutes=4, seconds=10),
        reason="Invoice question",
        notes="Asked about the November invoice.",
        outcome="resolved",
        satisfaction="satisfied",
    )
    values.update(changes)
    return ContactDraft(**values)


def test_a_contact_needs_an_outcome_and_a_deliberate_satisfaction(staff):
    customer = _customer(staff)
    with pytest.raises(FormErrors) as caught:
        contacts.create(staff, _call(customer.id, outcome="", satisfaction=""))
    assert set(caught.value.errors) == {"outcome", "satisfaction"}
    assert caught.value.errors["satisfaction"].code == "satisfaction_required"
    assert Contact.select().count() == 0
    contact = contacts.create(staff, _call(customer.id, satisfaction="not_asked"))
    stored = Contact.get_by_id(contact.id)
    assert (stored.satisfaction, stored.duration_seconds, stored.staff_id) == ("not_asked", 250, staff.id)
    assert [e.action for e in audit.history(stored)] == ["create"]


def test_duration_can_be_corrected_but_not_negative(staff):
    customer = _customer(staff)
    with pytest.raises(FormErrors) as caught:
        contacts.create(staff, _call(customer.id, duration_seconds=-5))
    assert caught.value.errors["duration"].code == "duration_range"
    contact = contacts.create(staff, _call(customer.id, duration_seconds=600, hold_seconds=45, hold_count=2))
    assert (contact.duration_seconds, contact.hold_seconds, contact.hold_count) == (600, 45, 2)


@pytest.mark.parametrize(
    "typed", ["۰۹۱۲ ۳۴۵ ۶۷۸۹", "٠٩١٢٣٤٥٦٧٨٩", "+98 912 345 6789", "00989123456789", "۳۴۵۶۷۸۹", "(0912) 345-6789"]
)
def test_the_caller_is_found_however_the_number_is_typed(staff, typed):
    wanted = _customer(staff)
    _customer(staff, "Ali", "Rahimi", "0935 111 2222")
    found = contacts.find_caller(typed)
    assert [r.customer_id for r in found] == [wanted.id]


def test_caller_lookup_by_name_and_nothing_for_a_stranger(staff):
    wanted = _customer(staff)
    assert [r.customer_id for r in contacts.find_caller("karimi")] == [wanted.id]
    assert contacts.find_caller("0999 000 1111") == []


def test_follow_up_states_move_from_upcoming_to_due_to_overdue(staff):
    due_at = datetime(2026, 11, 25, 10, 0)
    assert followups.state(due_at, "open", due_at - timedelta(days=2)) == followups.UPCOMING
    same_day = followups.end_of_local_day(due_at) - timedelta(seconds=1)
    # Any moment of the local day of the promise, before it is late, is "due".
    assert followups.state(due_at, "open", min(due_at, same_day)) == followups.DUE
    assert followups.state(due_at, "open", due_at + timedelta(minutes=10)) == followups.DUE
    assert followups.state(due_at, "open", due_at + timedelta(minutes=16)) == followups.OVERDUE
    assert followups.state(due_at, "done", due_at + timedelta(days=3)) == "done"


def test_the_queue_holds_due_and_overdue_promises_oldest_first(staff, supervisor):
    customer = _customer(staff)
    late = followups.create(staff, customer.id, NOW - timedelta(hours=3), staff.id, "Send the corrected invoice")
    soon = followups.create(staff, customer.id, NOW + timedelta(minutes=5), staff.id, "Call back with the price")
    followups.create(staff, customer.id, NOW + timedelta(days=3), staff.id, "Check delivery")
    followups.create(staff, customer.id, NOW - timedelta(hours=1), supervisor.id, "Supervisor's own")
    mine = followups.queue(staff.id, NOW)
    assert [(r.id, r.state) for r in mine] == [(late.id, "overdue"), (soon.id, "due")]
    assert mine[0].customer == "Maryam Karimi" and mine[0].phone == "+989123456789"
    assert len(followups.queue(None, NOW)) == 3
    assert followups.counts(staff.id, NOW) == {"overdue": 1, "due": 1}


def test_the_next_change_is_seen_behind_any_number_of_late_promises(staff):
    """The notifier wakes when a promise comes due or turns overdue: the database says when, however
    many promises are already late (a list of the first 500 would hide the next one)."""
    customer = _customer(staff)
    stamp = NOW - timedelta(days=2)
    FollowUp.insert_many(
        [
            dict(
                customer=customer.id,
                kind="callback",
                due_at=stamp + timedelta(seconds=n),
                assignee=staff.id,
                promise=f"Late {n}",
                status="open",
                created_at=stamp,
                created_by=staff.id,
                updated_at=stamp,
            )
            for n in range(600)
        ]
    ).execute()
    assert followups.next_change(NOW) == followups.end_of_local_day(NOW)  # nothing else will change today
    soon = followups.create(staff, customer.id, NOW + timedelta(minutes=5), staff.id, "Call back with the price")
    assert followups.next_change(NOW) == soon.due_at
    assert followups.next_change(soon.due_at) == soon.due_at + followups.GRACE  # then it turns overdue
    page = followups.queue(staff.id, NOW, limit=250, offset=500)
    assert [r.promise for r in page] == [f"Late {n}" for n in range(500, 600)] + ["Call back with the price"]
    assert followups.counts(staff.id, NOW) == {"overdue": 600, "due": 1}


def test_completing_a_callback_logs_an_outbound_call(staff):
    customer = _customer(staff)
    promise = followups.create(staff, customer.id, NOW - timedelta(hours=2), staff.id, "Call back about refund")
    call = contacts.create(
        staff, _call(customer.id, direction="outbound", follow_up_of=promise.id, notes="Refund confirmed.")
    )
    stored = FollowUp.get_by_id(promise.id)
    assert (stored.status, stored.done_contact_id, stored.done_by_id) == ("done", call.id, staff.id)
    assert Contact.get_by_id(call.id).direction == "outbound"
    assert followups.queue(staff.id, NOW) == []
    assert [e.action for e in audit.history(stored)] == ["create", "complete"]


def test_a_contact_can_promise_a_follow_up(staff, supervisor):
    customer = _customer(staff)
    due = NOW + timedelta(days=1)
    with pytest.raises(FormErrors) as caught:
        contacts.create(staff, _call(customer.id, follow_up=FollowUpDraft(due, None, "")))
    assert set(caught.value.errors) == {"assignee", "promise"}
    contact = contacts.create(staff, _call(customer.id, follow_up=FollowUpDraft(due, supervisor.id, "Quote by noon")))
    row = FollowUp.get(FollowUp.contact == contact.id)
    assert (row.assignee_id, row.promise, row.due_at, row.status) == (supervisor.id, "Quote by noon", due, "open")


def test_only_the_taker_or_a_supervisor_corrects_a_closed_call(staff, supervisor):
    customer = _customer(staff)
    other = accounts.create_account(supervisor, "desk2", "Nima Desk", "staff", "desk2 password")
    contact = contacts.create(staff, _call(customer.id))
    changed = contacts.draft_of(contact)
    changed.notes = "Corrected notes"
    with pytest.raises(PermissionDenied):
        contacts.update(other, contact.id, changed, contact.version)
    assert Contact.get_by_id(contact.id).notes == "Asked about the November invoice."
    contacts.update(supervisor, contact.id, changed, contact.version)
    stored = Contact.get_by_id(contact.id)
    assert (stored.notes, stored.version, stored.updated_by_id) == ("Corrected notes", 2, supervisor.id)
    last = audit.history(stored)[-1]
    assert (last.action, last.actor_id) == ("update", supervisor.id)
    assert json.loads(last.before)["notes"] == "Asked about the November invoice."
    assert json.loads(last.after)["notes"] == "Corrected notes"
    # The taker may correct their own call; a stale copy is refused.
    changed.notes = "Taker's fix"
    contacts.update(staff, contact.id, changed, 2)
    with pytest.raises(contacts.EditConflict):
        contacts.update(staff, contact.id, changed, 2)


def test_the_call_log_filters_and_searches_notes(staff, supervisor):
    customer = _customer(staff)
    contacts.create(staff, _call(customer.id, notes="Parcel arrived damaged"))
    contacts.create(staff, _call(customer.id, channel="walk_in", notes="Came in to pay", satisfaction="delighted"))
    contacts.create(
        supervisor,
        _call(
            customer.id,
            direction="outbound",
            notes="بستهٔ آسیب‌دیده را عوض کردیم",
            started_at=NOW - timedelta(days=3),
            ended_at=NOW - timedelta(days=3),
        ),
    )
    everything = contacts.log_page(LogQuery(), 0, 50)
    assert [r.notes for r in everything][-1] == "بستهٔ آسیب‌دیده را عوض کردیم"
    assert contacts.log_count(LogQuery(search="DAMAGED")) == 1
    assert contacts.log_count(LogQuery(search="بسته")) == 1
    assert contacts.log_count(LogQuery(search="100%_")) == 0
    assert contacts.log_count(LogQuery(channel="walk_in")) == 1
    assert contacts.log_count(LogQuery(direction="outbound")) == 1
    assert contacts.log_count(LogQuery(staff_id=staff.id)) == 2
    assert contacts.log_count(LogQuery(date_from=NOW.date(), date_to=NOW.date())) == 2
    row = contacts.log_page(LogQuery(channel="walk_in"), 0, 10)[0]
    assert (row.customer, row.staff, row.satisfaction) == ("Maryam Karimi", "Reza Desk", "delighted")


def test_contacts_appear_on_the_customer_timeline_and_follow_a_merge(staff, supervisor):
    survivor = _customer(staff)
    other = _customer(staff, "Maryam", "Karimy", "0935 222 3333")
    contacts.create(staff, _call(other.id, reason="Delivery date"))
    customers.merge(supervisor, survivor.id, other.id)
    entries = [e for e in customers.timeline(survivor.id) if e.kind == "contact"]
    assert len(entries) == 1 and entries[0].summary["reason"] == "Delivery date"
    # A contact saved for the merged customer lands on the survivor.
    contact = contacts.create(staff, _call(other.id))
    assert contact.customer_id == survivor.id


def test_drafts_are_whole_files_kept_per_database_and_person(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    draft = _call(7, follow_up=FollowUpDraft(NOW, 3, "Ring back"))
    store.save("abc123", "call", "db-one", 1, {"contact": draft.to_json()})
    store.save("abc123", "call", "db-one", 1, {"contact": draft.to_json(), "more": True})
    (tmp_path / "drafts" / "broken.json").write_text("{not json", encoding="utf-8")
    assert store.unfinished("call", "db-two", 1) == [] and store.unfinished("call", "db-one", 2) == []
    [found] = store.unfinished("call", "db-one", 1)
    assert found["content"]["more"] is True
    assert ContactDraft.from_json(found["content"]["contact"]) == draft
    store.discard("abc123")
    assert store.unfinished("call", "db-one", 1) == []
    assert not list((tmp_path / "drafts").glob("*.tmp"))


def test_only_a_supervisor_sets_the_hold_reminder_and_within_limits(staff, supervisor):
    from helpdesk import settings
    from helpdesk.errors import ValidationError

    assert settings.hold_reminder_seconds() == 30
    with pytest.raises(PermissionDenied):
        settings.set_value(staff, "hold_reminder_seconds", 45)
    with pytest.raises(ValidationError) as caught:
        settings.set_value(supervisor, "hold_reminder_seconds", 2)
    assert caught.value.code == "out_of_range" and caught.value.params == {"minimum": 5, "maximum": 600}
    settings.set_value(supervisor, "hold_reminder_seconds", 45)
    assert settings.hold_reminder_seconds() == 45


# --- saving is idempotent: one draft, one contact ------------------------------------------------------


def test_a_draft_saved_twice_is_stored_once_and_the_second_save_says_so(staff):
    customer = _customer(staff)
    first = contacts.create(staff, _call(customer.id), draft_id="d" * 32)
    with pytest.raises(contacts.AlreadySaved) as caught:
        contacts.create(staff, _call(customer.id, notes="typed again"), draft_id="d" * 32)
    assert caught.value.contact.id == first.id and caught.value.code == "contact_already_saved"
    assert Contact.select().count() == 1 and contacts.saved_from_draft("d" * 32).id == first.id
    # Contacts not typed in a draft (imports, tests, the demo) are not tied together.
    contacts.create(staff, _call(customer.id))
    contacts.create(staff, _call(customer.id))
    assert Contact.select().count() == 3


def test_two_desks_saving_one_draft_at_the_same_moment_store_one_row(staff, monkeypatch):
    """Both checked before either wrote: the unique draft id in the database decides, and the
    loser is told which contact was stored, with nothing of its own left behind (no follow-up)."""
    customer = _customer(staff)
    contacts.create(staff, _call(customer.id), draft_id="e" * 32)
    monkeypatch.setattr(
        contacts,
        "saved_from_draft",
        lambda draft_id, real=contacts.saved_from_draft, calls=[]: (
            calls.append(1),
            None if len(calls) == 1 else real(draft_id),
        )[1],
    )
    follow = FollowUpDraft(NOW + timedelta(days=1), staff.id, "Ring back")
    with pytest.raises(contacts.AlreadySaved):
        contacts.create(staff, _call(customer.id, follow_up=follow), draft_id="e" * 32)
    assert Contact.select().count() == 1 and FollowUp.select().count() == 0
    contacts.create(staff, _call(customer.id), draft_id="f" * 32)  # the connection is still usable
    assert Contact.select().count() == 2


def test_two_processes_saving_one_draft_store_one_row(staff, db_target, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from helpdesk import db as dbmod

    customer = _customer(staff)
    script = tmp_path / "save.py"
    script.write_text(
        "import sys\n"
        "from datetime import datetime\n"
        "from helpdesk import contacts, migrations\n"
        "from helpdesk.models import Staff\n"
        "migrations.open_and_migrate(sys.argv[1])\n"
        "draft = contacts.ContactDraft(customer_id=int(sys.argv[2]), started_at=datetime(2026, 11, 23, 9, 30),\n"
        "                              notes='same draft', outcome='resolved', satisfaction='satisfied')\n"
        "try:\n"
        "    contacts.create(Staff.get_by_id(int(sys.argv[3])), draft, draft_id='a' * 32)\n"
        "    print('saved')\n"
        "except contacts.AlreadySaved:\n"
        "    print('already')\n",
        encoding="utf-8",
    )
    dbmod.close()
    root = Path(__file__).resolve().parent.parent
    children = [
        subprocess.Popen(
            [sys.executable, str(script), db_target, str(customer.id), str(staff.id)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=root,
        )
        for _ in range(2)
    ]
    results = [child.communicate(timeout=60) for child in children]
    assert sorted(out.strip() for out, _ in results) == ["already", "saved"], results
    from helpdesk import migrations

    migrations.open_and_migrate(db_target)
    assert Contact.select().where(Contact.draft_id == "a" * 32).count() == 1


# --- a follow-up's default time is in office hours ---------------------------------------------------------


def _local(text: str) -> datetime:
    """A local wall-clock time as the naive UTC the services take."""
    from datetime import timezone

    return datetime.fromisoformat(text).astimezone().astimezone(timezone.utc).replace(tzinfo=None)


@pytest.mark.dates
@pytest.mark.parametrize(
    "now, expected",
    [
        ("2026-06-16 10:30", "2026-06-16 11:30"),  # a Tuesday morning: in an hour
        ("2026-06-16 15:37", "2026-06-16 16:45"),  # on a quarter of an hour
        ("2026-06-16 17:10", "2026-06-17 10:00"),  # after hours: the next morning
        ("2026-06-16 02:56", "2026-06-16 10:00"),  # the night before: that morning, not at night
        ("2026-11-26 12:20", "2026-11-28 10:00"),  # Thursday closes at 13; Friday is the weekend
        ("2026-11-27 19:40", "2026-11-28 10:00"),  # Friday evening
        ("2026-12-31 23:55", "2027-01-02 10:00"),  # new year's eve (a Thursday) -> Saturday
        ("2027-03-21 00:05", "2027-03-25 10:00"),  # Nowruz: open again on 5 Farvardin
        ("2028-02-29 12:00", "2028-02-29 13:00"),  # 29 February
    ],
)
def test_a_new_follow_up_defaults_to_office_hours(now, expected):
    from helpdesk.clock import to_local

    assert to_local(followups.default_due(_local(now))) == datetime.fromisoformat(expected)
