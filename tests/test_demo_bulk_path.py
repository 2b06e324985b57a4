"""The demo's bulk path kept in step with the services (``helpdesk/demo/__init__.py``, "The bulk path").

A small demo is made; then some of its records are made again through the services, by the
same staff member, from the same input (the demo record's own values), in the same database.
The rows the services stored are compared with the rows the bulk path stored, column by
column, on SQLite and on PostgreSQL: ids and times (the moment each was made) only by their
form; the audit entries and the search document too. And every column of every table the bulk
path fills is one it writes, so a column added to a model fails here until the demo writes it.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime

import peewee as pw
import pytest

from helpdesk import contacts, customers, followups, migrations, models
from helpdesk import db as dbmod
from helpdesk.db import database
from helpdesk.demo import bulk
from helpdesk.demo import calm as demo_calm
from helpdesk.demo import complaints as demo_complaints
from helpdesk.demo import main as make_demo
from helpdesk.models import AuditEntry, Contact, Customer, FollowUp, Staff
from tests.conftest import _reset_postgres, before_the_tests

TIMES = {"at", "created_at", "updated_at", "lost_at", "done_at"}  # the moment a record was made or changed
IDS = {"id", "record_id", "customer_id", "contact_id", "done_contact_id"}  # of the record itself or its copy


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    target = os.environ.get("HELPDESK_TEST_DATABASE", "").strip()
    if target:
        _reset_postgres(target)
    else:
        target = str(tmp_path_factory.mktemp("bulk") / "demo.sqlite")
    dbmod.close()
    with before_the_tests():
        assert make_demo(target, 300, 3, parallel=False) == 0
    migrations.open_and_migrate(target)
    yield target
    dbmod.close()


def _form(value):
    """How a time is stored, not when: a timestamp, or text with its date and time separated as peewee does."""
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return type(value).__name__
    return ("text", value[10:11])


def _rows(sql: str, *params) -> list[dict]:
    cursor = database.execute_sql(sql.replace("?", database.obj.param), params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _comparable(row: dict, skip: set = frozenset()) -> dict:
    return {k: (_form(v) if k in TIMES else v) for k, v in row.items() if k not in IDS and k not in skip}


def _snapshot(text: str | None, skip: set = frozenset()) -> dict | None:
    """An audit snapshot with the record's own ids left out and its times by their form (ISO text)."""
    if text is None:
        return None
    data = json.loads(text)
    return {
        k: (None if v is None else "iso") if k in TIMES else v
        for k, v in data.items()
        if k not in IDS and k not in skip
    }


def _trail(table: str, record_id: int, skip: set = frozenset()) -> list[tuple]:
    return [
        (e["action"], e["actor_id"], _form(e["at"]), _snapshot(e["before"], skip), _snapshot(e["after"], skip))
        for e in _rows(
            "SELECT * FROM audit_entry WHERE table_name = ? AND record_id = ? ORDER BY id", table, str(record_id)
        )
    ]


def _search_row(customer_id: int):
    if isinstance(database.obj, pw.PostgresqlDatabase):
        return _rows("SELECT document::text AS document FROM customer_search WHERE customer_id = ?", customer_id)
    return _rows("SELECT names, phones, emails, organisation, notes FROM customer_search WHERE rowid = ?", customer_id)


def _customer_parts(customer_id: int) -> dict:
    return {
        "customer": [_comparable(r) for r in _rows("SELECT * FROM customer WHERE id = ?", customer_id)],
        "phones": [
            _comparable(r)
            for r in _rows("SELECT * FROM phone_number WHERE customer_id = ? ORDER BY position", customer_id)
        ],
        "emails": [
            _comparable(r)
            for r in _rows("SELECT * FROM email_address WHERE customer_id = ? ORDER BY position", customer_id)
        ],
        "tags": [
            _comparable(r)
            for r in _rows("SELECT * FROM customer_tag WHERE customer_id = ? ORDER BY tag_id", customer_id)
        ],
        "audit": _trail("customer", customer_id),
        "search": _search_row(customer_id),
    }


def _demo_customers() -> list[int]:
    """A person with phones, e-mails and tags; an organisation; one of its contact persons; a lost customer."""
    tagged = Customer.select(Customer.id).join(models.CustomerTag).where(Customer.kind == "person")
    picks = [
        Customer.select(Customer.id)
        .where(
            Customer.id.in_(tagged),
            Customer.status == "active",
            Customer.id.in_(models.EmailAddress.select(models.EmailAddress.customer)),
        )
        .order_by(Customer.id)
        .first(),
        Customer.select(Customer.id).where(Customer.kind == "organisation").order_by(Customer.id).first(),
        Customer.select(Customer.id).where(Customer.organisation_id.is_null(False)).order_by(Customer.id).first(),
        Customer.select(Customer.id).where(Customer.status == "lost").order_by(Customer.id).first(),
    ]
    assert all(p is not None for p in picks)
    return [p.id for p in picks]


def test_customers_written_by_the_bulk_path_are_stored_as_the_service_stores_them(demo_db):
    for demo_id in _demo_customers():
        record = customers.get(demo_id)
        c = record.customer
        made = customers.create(Staff.get_by_id(c.created_by_id), record.draft(), confirm_duplicates=True)
        if c.status == "lost":
            loss = AuditEntry.get(
                AuditEntry.table_name == "customer",
                AuditEntry.record_id == str(demo_id),
                AuditEntry.action == "mark_lost",
            )
            customers.mark_lost(Staff.get_by_id(loss.actor_id), made.id, c.lost_reason_id)
        assert _customer_parts(made.id) == _customer_parts(demo_id), c.kind


def _promise_of(contact_id: int) -> FollowUp | None:
    return FollowUp.get_or_none(FollowUp.contact == contact_id)


def test_contacts_and_follow_ups_written_by_the_bulk_path_are_stored_as_the_service_stores_them(demo_db):
    """A contact alone, one from a caller who gave no name, one that promised a follow-up still open,
    and a callback that kept a promise: each made again through ``contacts.create``."""
    closed = FollowUp.select().where(FollowUp.status == followups.DONE, FollowUp.done_contact.is_null(False))
    cases = [
        Contact.select()
        .where(
            Contact.id.not_in(FollowUp.select(FollowUp.contact).where(FollowUp.contact.is_null(False))),
            Contact.customer.is_null(False),
        )
        .order_by(Contact.id)
        .first(),
        Contact.select().where(Contact.customer.is_null(True)).order_by(Contact.id).first(),
        Contact.get_by_id(
            FollowUp.select()
            .where(FollowUp.status == followups.OPEN, FollowUp.contact.is_null(False))
            .order_by(FollowUp.id)
            .first()
            .contact_id
        ),
        Contact.get_by_id(closed.order_by(FollowUp.id).first().done_contact_id),
    ]
    assert all(case is not None for case in cases)
    for demo in cases:
        draft = contacts.draft_of(demo)
        promise = _promise_of(demo.id)
        if promise is not None:
            draft.follow_up = contacts.FollowUpDraft(
                due_at=promise.due_at, assignee_id=promise.assignee_id, promise=promise.promise, kind=promise.kind
            )
        kept = FollowUp.get_or_none(FollowUp.done_contact == demo.id)
        copy_of_kept = None
        if kept is not None:  # the promise it kept, made again as it was made, then kept by the copy
            copy_of_kept = followups.create(
                Staff.get_by_id(kept.created_by_id),
                kept.customer_id,
                kept.due_at,
                kept.assignee_id,
                kept.promise,
                kind=kept.kind,
                contact_id=kept.contact_id,
            )
            draft.follow_up_of = copy_of_kept.id
        made = contacts.create(Staff.get_by_id(demo.staff_id), draft)
        skip = {"draft_id"}  # the id of the draft window a contact was typed in: none in either

        def contact_parts(contact_id: int) -> dict:
            row = _rows("SELECT * FROM contact WHERE id = ?", contact_id)
            return {"contact": [_comparable(r, skip) for r in row], "audit": _trail("contact", contact_id, skip)}

        assert contact_parts(made.id) == contact_parts(demo.id)
        if promise is not None:
            assert _follow_up_parts(_promise_of(made.id).id) == _follow_up_parts(promise.id)
        if kept is not None:
            assert _follow_up_parts(copy_of_kept.id) == _follow_up_parts(kept.id)


def _follow_up_parts(follow_up_id: int) -> dict:
    row = _rows("SELECT * FROM follow_up WHERE id = ?", follow_up_id)
    return {"follow_up": [_comparable(r) for r in row], "audit": _trail("follow_up", follow_up_id)}


def test_a_cancelled_follow_up_is_stored_as_the_service_cancels_it(demo_db):
    cancelled = FollowUp.select().where(FollowUp.status == followups.CANCELLED).order_by(FollowUp.id).first()
    assert cancelled is not None
    entry = AuditEntry.get(
        AuditEntry.table_name == "follow_up", AuditEntry.record_id == str(cancelled.id), AuditEntry.action == "cancel"
    )
    copy = followups.create(
        Staff.get_by_id(cancelled.created_by_id),
        cancelled.customer_id,
        cancelled.due_at,
        cancelled.assignee_id,
        cancelled.promise,
        kind=cancelled.kind,
        contact_id=cancelled.contact_id,
    )
    followups.cancel(Staff.get_by_id(entry.actor_id), copy.id)
    assert _follow_up_parts(copy.id) == _follow_up_parts(cancelled.id)


# Every table the bulk path fills, with the columns it writes.
WRITTEN = {
    **bulk.TABLE_COLUMNS,
    "complaint": demo_complaints.COMPLAINT_COLUMNS,
    "complaint_event": demo_complaints.EVENT_COLUMNS,
    "complaint_comment": demo_complaints.COMMENT_COLUMNS,
    "notification": demo_complaints.NOTIFICATION_COLUMNS,
    "calm_session": demo_calm.SESSION_COLUMNS,
    "calm_step": demo_calm.STEP_COLUMNS,
}
# Columns the bulk path leaves to the table's own default, and why that is what the services store.
LEFT_TO_DEFAULT = {
    ("audit_entry", "id"): "a new row's own number, as the service's insert gets it",
    ("phone_number", "id"): "as above",
    ("email_address", "id"): "as above",
    ("customer_tag", "id"): "as above",
    ("complaint_event", "id"): "as above",
    ("complaint_comment", "id"): "as above",
    ("notification", "id"): "as above",
    ("calm_step", "id"): "as above",
}


def test_the_bulk_path_writes_every_column_of_the_tables_it_fills(demo_db):
    by_table = {m._meta.table_name: m for m in _models()}
    for table, written in WRITTEN.items():
        model = by_table[table]
        columns = {f.column_name for f in model._meta.sorted_fields}
        assert len(written) == len(set(written)), table
        assert set(written) <= columns, (table, set(written) - columns)
        missing = {c for c in columns - set(written) if (table, c) not in LEFT_TO_DEFAULT}
        assert not missing, f"the demo's bulk path does not write {table}.{sorted(missing)}: write it (helpdesk/demo/)"
        # The database agrees with the model: no column the model does not know of is left out either.
        stored = {d[0] for d in database.execute_sql(f"SELECT * FROM {table} WHERE 1 = 0").description}
        assert stored == columns, table


def _models() -> list[type[pw.Model]]:
    return [
        m
        for m in vars(models).values()
        if isinstance(m, type) and issubclass(m, pw.Model) and m is not pw.Model and m._meta.table_name
    ]


def test_complaint_and_calm_session_audit_snapshots_have_the_services_keys(demo_db):
    """Complaints and calm-down sessions are compared by the shape of their audit trail: the snapshot
    of each is ``audit.snapshot`` of the row, so its keys are the row's columns."""
    from helpdesk.audit import snapshot

    for table, model in (("complaint", models.Complaint), ("calm_session", models.CalmSession)):
        entries = list(AuditEntry.select().where(AuditEntry.table_name == table).limit(50))
        assert entries, table
        for entry in entries:
            row = model.get_by_id(int(entry.record_id))
            assert set(json.loads(entry.after)) == set(snapshot(row)), table
