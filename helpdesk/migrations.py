"""Forward-only, versioned schema migrations.

Each migration is a function that receives the database and a ``playhouse.migrate``
migrator. It defines the tables it creates as frozen models of its own, so the
first schema never changes when later migrations alter a table. New features add
a new function to ``MIGRATIONS``; nobody edits an old one.

``migrate`` runs all pending migrations in one transaction. For a SQLite file it
first writes a backup copy beside the database. A database written by a newer
version of the app is refused before anything is written to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from . import db as dbmod
from .clock import utcnow
from .config import sqlite_path
from .errors import DatabaseError, DatabaseNewer, classify_database_error

if TYPE_CHECKING:
    from playhouse.migrate import SchemaMigrator


def _frozen(database: pw.Database):
    class Frozen(pw.Model):
        class Meta:
            legacy_table_names = False

    Frozen._meta.set_database(database)
    return Frozen


def _0001_initial(database: pw.Database, migrator: SchemaMigrator) -> None:
    Base = _frozen(database)

    class SchemaVersion(Base):
        version = pw.IntegerField(primary_key=True)
        applied_at = pw.DateTimeField()

    class Staff(Base):
        username = pw.CharField(max_length=64, unique=True)
        full_name = pw.CharField(max_length=200)
        role = pw.CharField(max_length=20)
        password_hash = pw.CharField(max_length=255)
        active = pw.BooleanField(default=True)
        failed_attempts = pw.IntegerField(default=0)
        locked_until = pw.DateTimeField(null=True)
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()

    class AuditEntry(Base):
        at = pw.DateTimeField(index=True)
        actor = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        action = pw.CharField(max_length=32)
        table_name = pw.CharField(max_length=64)
        record_id = pw.CharField(max_length=64)
        before = pw.TextField(null=True)
        after = pw.TextField(null=True)

        class Meta:
            indexes = ((("table_name", "record_id"), False),)

    class Setting(Base):
        key = pw.CharField(max_length=100, primary_key=True)
        value = pw.TextField()
        updated_at = pw.DateTimeField()

    database.create_tables([SchemaVersion, Staff, AuditEntry, Setting])


def _0002_customers(database: pw.Database, migrator: SchemaMigrator) -> None:
    Base = _frozen(database)

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Customer(Base):
        kind = pw.CharField(max_length=20, default="person")
        given_name = pw.CharField(max_length=100, default="")
        family_name = pw.CharField(max_length=100, default="")
        organisation = pw.CharField(max_length=200, default="")
        phone = pw.CharField(max_length=32, default="", index=True)
        email = pw.CharField(max_length=254, default="")
        preferred_language = pw.CharField(max_length=8, default="fa")
        notes = pw.TextField(default="")
        created_at = pw.DateTimeField()
        created_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        updated_at = pw.DateTimeField()
        updated_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        version = pw.IntegerField(default=1)

    database.create_tables([Customer])


LOST_REASONS = [
    ("Staff indifference", "بی‌توجهی کارکنان"),
    ("Product", "محصول"),
    ("Competitor", "رقبا"),
    ("Relationship elsewhere", "آشنایی با دیگران"),
    ("Moved", "نقل مکان"),
    ("Other", "سایر"),
]


def _0003_customer_record(database: pw.Database, migrator: SchemaMigrator) -> None:
    """The full customer record: several phones and e-mails, tags, status and lost reasons,
    segment, organisations with contact persons, and the search index."""
    from playhouse.migrate import migrate as run

    from . import search
    from .text import search_tokens

    Base = _frozen(database)

    class Customer(Base):
        class Meta:
            table_name = "customer"

    class LostReason(Base):
        name_en = pw.CharField(max_length=100)
        name_fa = pw.CharField(max_length=100)
        active = pw.BooleanField(default=True)
        position = pw.IntegerField(default=0)

    class PhoneNumber(Base):
        customer = pw.ForeignKeyField(Customer, on_delete="CASCADE", index=True)
        label = pw.CharField(max_length=32, default="mobile")
        number = pw.CharField(max_length=20, index=True)
        position = pw.IntegerField(default=0)

    class EmailAddress(Base):
        customer = pw.ForeignKeyField(Customer, on_delete="CASCADE", index=True)
        address = pw.CharField(max_length=254, index=True)
        position = pw.IntegerField(default=0)

    class Tag(Base):
        name = pw.CharField(max_length=64, unique=True)

    class CustomerTag(Base):
        customer = pw.ForeignKeyField(Customer, on_delete="CASCADE")
        tag = pw.ForeignKeyField(Tag, on_delete="CASCADE", index=True)

        class Meta:
            primary_key = pw.CompositeKey("customer", "tag")

    # The single phone and e-mail of version 2 become the first of each list. They wait in a
    # plain table while the old columns go: where SQLite must rebuild the customer table to
    # drop a column, nothing may point at it yet.
    database.execute_sql("CREATE TABLE v2_contact AS SELECT id, phone, email FROM customer")
    run(
        migrator.drop_index("customer", "customer_phone"),
        migrator.drop_column("customer", "phone"),
        migrator.drop_column("customer", "email"),
    )
    database.create_tables([LostReason, PhoneNumber, EmailAddress, Tag, CustomerTag])
    LostReason.insert_many(
        [{"name_en": en, "name_fa": fa, "position": i} for i, (en, fa) in enumerate(LOST_REASONS)]
    ).execute()
    database.execute_sql(
        "INSERT INTO phone_number (customer_id, label, number, position) "
        "SELECT id, 'mobile', phone, 0 FROM v2_contact WHERE phone <> ''"
    )
    database.execute_sql(
        "INSERT INTO email_address (customer_id, address, position) "
        "SELECT id, email, 0 FROM v2_contact WHERE email <> ''"
    )
    database.execute_sql("DROP TABLE v2_contact")
    # Plain ALTER TABLE ... ADD COLUMN ... NOT NULL DEFAULT: both engines do it in place.
    # (The migrator would rebuild the SQLite table for each NOT NULL column, and dropping
    # the old table would cascade to the phones just copied.)
    postgres = isinstance(database, pw.PostgresqlDatabase)
    boolean, timestamp, false = ("BOOLEAN", "TIMESTAMP", "FALSE") if postgres else ("INTEGER", "DATETIME", "0")
    for column in (
        "address TEXT NOT NULL DEFAULT ''",
        "referral_source VARCHAR(32) NOT NULL DEFAULT ''",
        "status VARCHAR(16) NOT NULL DEFAULT 'active'",
        "lost_reason_id INTEGER REFERENCES lost_reason (id) ON DELETE RESTRICT",
        f"lost_at {timestamp}",
        "segment VARCHAR(32)",
        f"segment_manual {boolean} NOT NULL DEFAULT {false}",
        "organisation_id INTEGER REFERENCES customer (id) ON DELETE SET NULL",
        "job_title VARCHAR(100) NOT NULL DEFAULT ''",
        "merged_into_id INTEGER REFERENCES customer (id) ON DELETE RESTRICT",
        "sort_name VARCHAR(200) NOT NULL DEFAULT ''",
    ):
        database.execute_sql(f"ALTER TABLE customer ADD COLUMN {column}")
    for name, columns in (
        ("customer_sort_name_id", "sort_name, id"),
        ("customer_status", "status"),
        ("customer_segment", "segment"),
        ("customer_created_at", "created_at"),
        ("customer_organisation_id", "organisation_id"),
        ("customer_lost_reason_id", "lost_reason_id"),
        ("customer_merged_into_id", "merged_into_id"),
    ):
        database.execute_sql(f"CREATE INDEX {name} ON customer ({columns})")
    search.create_index(database)

    # Sort names and search documents for the customers already there.
    cursor = database.execute_sql(
        "SELECT c.id, c.kind, c.given_name, c.family_name, c.organisation, c.notes, "
        "p.number, e.address FROM customer c "
        "LEFT JOIN phone_number p ON p.customer_id = c.id LEFT JOIN email_address e ON e.customer_id = c.id "
        "ORDER BY c.id"
    )
    batch_names, batch_docs = [], []
    for cid, kind, given, family, org, notes, number, email in cursor.fetchall():
        name = org if kind == "organisation" else f"{family} {given}"
        batch_names.append((" ".join(search_tokens(name)), cid))
        batch_docs.append(
            (cid, search.document([given, family], [number] if number else [], [email] if email else [], [org], notes))
        )
        if len(batch_docs) >= 2000:
            _fill(database, batch_names, batch_docs)
            batch_names, batch_docs = [], []
    _fill(database, batch_names, batch_docs)


def _fill(database: pw.Database, names: list, docs: list) -> None:
    from . import search

    if names:
        database.cursor().executemany(
            f"UPDATE customer SET sort_name = {database.param} WHERE id = {database.param}", names
        )
    search.write(database, docs)


def _0004_directory_indexes(database: pw.Database, migrator: SchemaMigrator) -> None:
    """Indexes that carry the status too, so paging the directory in any order reads only the index."""
    for name, columns in (
        ("customer_directory_name", "sort_name, id, status"),
        ("customer_directory_created", "created_at, id, status"),
        ("customer_directory_status", "status, sort_name, id"),
    ):
        database.execute_sql(f"CREATE INDEX {name} ON customer ({columns})")
    database.execute_sql("DROP INDEX customer_sort_name_id")
    database.execute_sql("DROP INDEX customer_status")
    database.execute_sql("DROP INDEX customer_created_at")


def _0005_contacts(database: pw.Database, migrator: SchemaMigrator) -> None:
    """Calls, visits and other contacts, and the follow-ups promised in them."""
    Base = _frozen(database)

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Customer(Base):
        class Meta:
            table_name = "customer"

    class Contact(Base):
        customer = pw.ForeignKeyField(Customer, null=True, on_delete="RESTRICT")
        staff = pw.ForeignKeyField(Staff, on_delete="RESTRICT")
        channel = pw.CharField(max_length=16)
        direction = pw.CharField(max_length=16)
        phone = pw.CharField(max_length=20, default="")
        started_at = pw.DateTimeField()
        ended_at = pw.DateTimeField()
        duration_seconds = pw.IntegerField(default=0)
        hold_seconds = pw.IntegerField(default=0)
        hold_count = pw.IntegerField(default=0)
        reason = pw.CharField(max_length=200, default="")
        notes = pw.TextField(default="")
        outcome = pw.CharField(max_length=32)
        satisfaction = pw.CharField(max_length=16)
        next_step = pw.CharField(max_length=300, default="")
        checklist = pw.TextField(default="")
        search_text = pw.TextField(default="")
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()
        updated_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        version = pw.IntegerField(default=1)

        class Meta:
            indexes = (
                (("started_at", "id"), False),
                (("staff", "started_at"), False),
                (("customer", "started_at"), False),
            )

    class FollowUp(Base):
        customer = pw.ForeignKeyField(Customer, on_delete="RESTRICT")
        contact = pw.ForeignKeyField(Contact, null=True, on_delete="SET NULL")
        kind = pw.CharField(max_length=16, default="callback")
        due_at = pw.DateTimeField()
        assignee = pw.ForeignKeyField(Staff, on_delete="RESTRICT")
        promise = pw.CharField(max_length=300)
        status = pw.CharField(max_length=16, default="open")
        done_at = pw.DateTimeField(null=True)
        done_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        done_contact = pw.ForeignKeyField(Contact, null=True, on_delete="SET NULL")
        created_at = pw.DateTimeField()
        created_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        updated_at = pw.DateTimeField()

        class Meta:
            table_name = "follow_up"
            indexes = ((("status", "due_at"), False), (("assignee", "status", "due_at"), False))

    database.create_tables([Contact, FollowUp], safe=False)


DEFAULT_COMPLAINT_CATEGORIES = [  # seed 002's factors behind complaints
    ("Staff behaviour and appearance", "رفتار و ظاهر کارکنان"),
    ("Product and packaging", "محصول و بسته‌بندی"),
    ("Price", "قیمت"),
    ("Reputation in the media", "شهرت در رسانه‌ها"),
    ("Advertising", "تبلیغات"),
    ("After-sales service", "خدمات پس از فروش"),
    ("Delivery quality and speed", "کیفیت و سرعت تحویل"),
    ("Office materials", "لوازم و فضای دفتر"),
    ("Other", "سایر"),
]


def _0006_complaints(database: pw.Database, migrator: SchemaMigrator) -> None:
    """Complaints with their categories, history, comments, and in-app notifications."""
    Base = _frozen(database)

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Customer(Base):
        class Meta:
            table_name = "customer"

    class Contact(Base):
        class Meta:
            table_name = "contact"

    class ComplaintCategory(Base):
        name_en = pw.CharField(max_length=100)
        name_fa = pw.CharField(max_length=100)
        active = pw.BooleanField(default=True)
        position = pw.IntegerField(default=0)

    class Complaint(Base):
        customer = pw.ForeignKeyField(Customer, null=True, on_delete="RESTRICT")
        contact = pw.ForeignKeyField(Contact, null=True, on_delete="SET NULL")
        category = pw.ForeignKeyField(ComplaintCategory, on_delete="RESTRICT")
        priority = pw.CharField(max_length=16, default="normal")
        description = pw.TextField()
        wanted = pw.TextField(default="")
        assignee = pw.ForeignKeyField(Staff, on_delete="RESTRICT")
        status = pw.CharField(max_length=16, default="new")
        escalated_to = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        escalated_at = pw.DateTimeField(null=True)
        escalation_reason = pw.TextField(default="")
        first_response_at = pw.DateTimeField(null=True)
        resolved_at = pw.DateTimeField(null=True)
        closed_at = pw.DateTimeField(null=True)
        resolution_notes = pw.TextField(default="")
        resolution_satisfaction = pw.CharField(max_length=16, null=True)
        will_return = pw.BooleanField(null=True)
        created_at = pw.DateTimeField()
        created_by = pw.ForeignKeyField(Staff, on_delete="RESTRICT")
        updated_at = pw.DateTimeField()
        updated_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        version = pw.IntegerField(default=1)

        class Meta:
            indexes = (
                (("status", "created_at"), False),
                (("assignee", "status"), False),
                (("escalated_to", "status"), False),
                (("created_at", "id"), False),
            )

    class ComplaintEvent(Base):
        complaint = pw.ForeignKeyField(Complaint, on_delete="CASCADE")
        at = pw.DateTimeField()
        actor = pw.ForeignKeyField(Staff, on_delete="RESTRICT")
        kind = pw.CharField(max_length=16)
        old_value = pw.CharField(max_length=64, default="")
        new_value = pw.CharField(max_length=64, default="")
        note = pw.TextField(default="")

        class Meta:
            indexes = ((("kind", "at"), False),)

    class ComplaintComment(Base):
        complaint = pw.ForeignKeyField(Complaint, on_delete="CASCADE")
        at = pw.DateTimeField()
        author = pw.ForeignKeyField(Staff, on_delete="RESTRICT")
        visibility = pw.CharField(max_length=16, default="internal")
        body = pw.TextField()

    class Notification(Base):
        recipient = pw.ForeignKeyField(Staff, on_delete="CASCADE")
        at = pw.DateTimeField()
        kind = pw.CharField(max_length=32)
        complaint = pw.ForeignKeyField(Complaint, null=True, on_delete="CASCADE")
        actor = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        text = pw.TextField(default="")
        read_at = pw.DateTimeField(null=True)

        class Meta:
            indexes = ((("recipient", "read_at"), False),)

    database.create_tables([ComplaintCategory, Complaint, ComplaintEvent, ComplaintComment, Notification], safe=False)
    for position, (name_en, name_fa) in enumerate(DEFAULT_COMPLAINT_CATEGORIES):
        ComplaintCategory.create(name_en=name_en, name_fa=name_fa, active=True, position=position)


def _0007_calm_sessions(database: pw.Database, migrator: SchemaMigrator) -> None:
    """The calm-the-angry-customer procedure: checklist versions, sessions and their steps."""
    Base = _frozen(database)

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Customer(Base):
        class Meta:
            table_name = "customer"

    class Complaint(Base):
        class Meta:
            table_name = "complaint"

    class FollowUp(Base):
        class Meta:
            table_name = "follow_up"

    class ChecklistVersion(Base):
        name = pw.CharField(max_length=32)
        version = pw.IntegerField()
        definition = pw.TextField()
        created_at = pw.DateTimeField()
        created_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")

        class Meta:
            indexes = ((("name", "version"), True),)

    class CalmSession(Base):
        customer = pw.ForeignKeyField(Customer, null=True, on_delete="RESTRICT")
        staff = pw.ForeignKeyField(Staff, on_delete="RESTRICT")
        checklist = pw.ForeignKeyField(ChecklistVersion, on_delete="RESTRICT")
        started_at = pw.DateTimeField()
        ended_at = pw.DateTimeField(null=True)
        status = pw.CharField(max_length=16, default="open")
        current_step = pw.IntegerField(default=0)
        anger_start = pw.IntegerField(null=True)
        anger_end = pw.IntegerField(null=True)
        outcome = pw.CharField(max_length=16, null=True)
        complaint = pw.ForeignKeyField(Complaint, null=True, on_delete="SET NULL")
        follow_up = pw.ForeignKeyField(FollowUp, null=True, on_delete="SET NULL")
        updated_at = pw.DateTimeField()

        class Meta:
            indexes = ((("started_at",), False), (("staff", "started_at"), False))

    class CalmStep(Base):
        session = pw.ForeignKeyField(CalmSession, on_delete="CASCADE")
        position = pw.IntegerField()
        key = pw.CharField(max_length=64)
        ticked = pw.BooleanField(default=False)
        ticked_at = pw.DateTimeField(null=True)
        note = pw.TextField(default="")

        class Meta:
            indexes = ((("session", "position"), True),)

    database.create_tables([ChecklistVersion, CalmSession, CalmStep], safe=False)


def _0008_contact_draft(database: pw.Database, migrator: SchemaMigrator) -> None:
    """A contact remembers the draft it was saved from, once: a draft restored after a crash
    between saving and deleting it is recognised, and two saves of one draft store one row."""
    database.execute_sql("ALTER TABLE contact ADD COLUMN draft_id VARCHAR(32)")
    database.execute_sql("CREATE UNIQUE INDEX contact_draft_id ON contact (draft_id)")


def _0009_search_weights(database: pw.Database, migrator: SchemaMigrator) -> None:
    """PostgreSQL: the search documents weigh each word by the column it comes from (names before
    e-mails before notes), so the directory can rank by relevance. SQLite's FTS5 table has its
    columns already; nothing changes there."""
    from . import search

    if not search.is_postgres(database):
        return
    last = 0
    while True:
        rows = database.execute_sql(
            "SELECT c.id, c.given_name, c.family_name, c.job_title, c.organisation, o.organisation, c.notes"
            " FROM customer c LEFT JOIN customer o ON o.id = c.organisation_id"
            " WHERE c.id > %s AND c.id IN (SELECT customer_id FROM customer_search) ORDER BY c.id LIMIT 2000",
            (last,),
        ).fetchall()
        if not rows:
            return
        ids = [row[0] for row in rows]
        marks = ", ".join(["%s"] * len(ids))
        numbers: dict[int, list[str]] = {}
        for customer_id, number in database.execute_sql(
            f"SELECT customer_id, number FROM phone_number WHERE customer_id IN ({marks}) ORDER BY position, id", ids
        ):
            numbers.setdefault(customer_id, []).append(number)
        emails: dict[int, list[str]] = {}
        for customer_id, address in database.execute_sql(
            f"SELECT customer_id, address FROM email_address WHERE customer_id IN ({marks}) ORDER BY position, id", ids
        ):
            emails.setdefault(customer_id, []).append(address)
        search.write(
            database,
            [
                (
                    cid,
                    search.document(
                        [given, family, title],
                        numbers.get(cid, []),
                        emails.get(cid, []),
                        [own] + ([employer] if employer is not None else []),
                        notes,
                    ),
                )
                for cid, given, family, title, own, employer, notes in rows
            ],
        )
        last = ids[-1]


VERSIONED_TABLES = ("staff", "setting", "lost_reason", "follow_up", "complaint_category", "calm_session")


def _0010_versions(database: pw.Database, migrator: SchemaMigrator) -> None:
    """Every record a person edits carries a version: a save names the version it was made from,
    and the write only happens if that is still the stored one (several desks, one truth)."""
    for table in VERSIONED_TABLES:
        database.execute_sql(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


def _0011_search_speed(database: pw.Database, migrator: SchemaMigrator) -> None:
    """PostgreSQL, 200,000 customers: a one- or two-letter search is counted from an index of the
    first one and two letters of every word (``search_prefixes``, exact keys), not by merging the
    index entries of every word that begins so; a window of ranked matches is one round trip
    (``search_ranked``), not one per group; the planner keeps enough word statistics to see
    that a whole phone number matches one customer, and goes to it through the index instead of
    walking every customer, newest first. SQLite's FTS5 table has its prefix indexes already."""
    from . import search

    if not search.is_postgres(database):
        return
    database.execute_sql(search.PREFIXES_FUNCTION)
    database.execute_sql(search.RANKED_FUNCTION)
    database.execute_sql(f"CREATE INDEX customer_search_prefixes ON customer_search USING GIN ({search.PREFIXES})")
    database.execute_sql(f"ALTER TABLE customer_search ALTER COLUMN document SET STATISTICS {search.STATISTICS}")
    database.execute_sql("ANALYZE customer_search")


def _0012_search_walk(database: pw.Database, migrator: SchemaMigrator) -> None:
    """PostgreSQL: ``search_ranked`` walks on past its first window of newest customers where the
    words typed are common there (the first digits of a few thousand numbers), instead of merging
    the index entries of every number that begins so (43 ms for "+98 919" at 200,000 customers)."""
    from . import search

    if search.is_postgres(database):
        database.execute_sql(search.RANKED_FUNCTION)


def _drop_not_null_sqlite(database: pw.Database, table: str, column: str) -> None:
    """SQLite cannot drop a NOT NULL constraint with ALTER TABLE: the table is rebuilt (a copy made
    with the column nullable, the rows copied, the old one dropped, the copy renamed into place, its
    indexes made again). Foreign keys cannot be turned off inside the migration's transaction, so
    dropping the old table runs the ON DELETE actions of the tables that point at it (a calm-down
    session's follow-up is SET NULL): those links are read first and put back afterwards.
    (Editing the schema text with ``writable_schema`` would be shorter, but SQLite builds in
    defensive mode, as some system libraries are, refuse it.)"""
    (sql,) = database.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    old = f'"{column}" INTEGER NOT NULL'
    head = f'CREATE TABLE "{table}"'
    if old not in sql or not sql.startswith(head):
        raise RuntimeError(f"{table}.{column}: unexpected definition {sql!r}")
    indexes = [
        text
        for (text,) in database.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,)
        )
    ]
    links = []  # (table, column, [(rowid, value)]) of every foreign key that points at ``table``
    for (other,) in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in database.execute_sql(f'PRAGMA foreign_key_list("{other}")').fetchall():
            if row[2] == table and other != table:
                values = database.execute_sql(
                    f'SELECT rowid, "{row[3]}" FROM "{other}" WHERE "{row[3]}" IS NOT NULL'
                ).fetchall()
                links.append((other, row[3], values))
    copy = f"{table}__rebuilt"
    database.execute_sql(sql.replace(old, f'"{column}" INTEGER', 1).replace(head, f'CREATE TABLE "{copy}"', 1))
    database.execute_sql(f'INSERT INTO "{copy}" SELECT * FROM "{table}"')
    database.execute_sql(f'DROP TABLE "{table}"')
    database.execute_sql(f'ALTER TABLE "{copy}" RENAME TO "{table}"')
    for text in indexes:
        database.execute_sql(text)
    for other, name, values in links:
        for rowid, value in values:
            database.execute_sql(f'UPDATE "{other}" SET "{name}" = ? WHERE rowid = ?', (value, rowid))


def _0013_caller_id(database: pw.Database, migrator: SchemaMigrator) -> None:
    """Caller ID. A contact from a call that rang keeps its answer time and the phone system's call id.
    A missed call becomes a callback: a follow-up may have no customer (an unknown number) and carries
    the number to call back and how many times they called; ``missed_key`` ("E164|local date", NULL once
    closed) lets one callback a number a day be open. ``missed_call`` holds each missed call once,
    however many desks heard it. The screen pop's facts need no new index: each table it reads has
    one on customer_id already, and the demo's heaviest customer has 14 contacts, 4 promises and 3
    calm-down sessions (composite (customer_id, created_at / started_at) indexes on follow_up and
    calm_session were measured at 200,000 customers and bought nothing: p50 5.9 vs 6.4 ms on SQLite,
    9.0 vs 10.7-11.1 ms on PostgreSQL, within the shared machine's noise)."""
    from . import search

    Base = _frozen(database)

    class FollowUp(Base):
        class Meta:
            table_name = "follow_up"

    class MissedCall(Base):
        call_id = pw.CharField(max_length=64, unique=True)
        phone = pw.CharField(max_length=20)
        at = pw.DateTimeField()
        follow_up = pw.ForeignKeyField(FollowUp, null=True, on_delete="SET NULL")

        class Meta:
            table_name = "missed_call"

    postgres = search.is_postgres(database)
    timestamp = "TIMESTAMP" if postgres else "DATETIME"
    database.execute_sql(f"ALTER TABLE contact ADD COLUMN answered_at {timestamp}")
    database.execute_sql("ALTER TABLE contact ADD COLUMN call_id VARCHAR(64) NOT NULL DEFAULT ''")
    database.execute_sql("CREATE INDEX contact_call_id ON contact (call_id)")
    if postgres:
        database.execute_sql("ALTER TABLE follow_up ALTER COLUMN customer_id DROP NOT NULL")
    else:
        _drop_not_null_sqlite(database, "follow_up", "customer_id")
    database.execute_sql("ALTER TABLE follow_up ADD COLUMN phone VARCHAR(20) NOT NULL DEFAULT ''")
    database.execute_sql("ALTER TABLE follow_up ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0")
    database.execute_sql("ALTER TABLE follow_up ADD COLUMN missed_key VARCHAR(48)")
    database.execute_sql("CREATE UNIQUE INDEX follow_up_missed_key ON follow_up (missed_key)")
    database.create_tables([MissedCall], safe=False)


def _0014_choice_names_unique(database: pw.Database, migrator: SchemaMigrator) -> None:
    """A name is in a supervisors' list (lost reasons, complaint categories) once, whatever its case:
    a unique index on ``lower(name)`` for each language, so two supervisors adding "Price" and "price"
    at the same moment cannot both succeed (``helpdesk/choice_lists.py`` checks first and tells the
    person; the index decides a race). A list that already holds a name twice (from such a race)
    keeps the older row as it is; the newer one's name gets its row number appended, visible in
    Settings, where a supervisor can rename it or stop offering it."""
    for table in ("lost_reason", "complaint_category"):
        for column in ("name_en", "name_fa"):
            seen: set[str] = set()
            rows = database.execute_sql(f"SELECT id, {column} FROM {table} ORDER BY id").fetchall()
            for row_id, name in rows:
                if name.lower() in seen:
                    suffix = f" ({row_id})"
                    name = name[: 100 - len(suffix)] + suffix
                    mark = database.param
                    database.execute_sql(f"UPDATE {table} SET {column} = {mark} WHERE id = {mark}", (name, row_id))
                seen.add(name.lower())
            database.execute_sql(f"CREATE UNIQUE INDEX {table}_{column}_once ON {table} (lower({column}))")


Migration = Callable[[pw.Database, "SchemaMigrator"], None]

MIGRATIONS: list[tuple[int, Migration]] = [
    (1, _0001_initial),
    (2, _0002_customers),
    (3, _0003_customer_record),
    (4, _0004_directory_indexes),
    (5, _0005_contacts),
    (6, _0006_complaints),
    (7, _0007_calm_sessions),
    (8, _0008_contact_draft),
    (9, _0009_search_weights),
    (10, _0010_versions),
    (11, _0011_search_speed),
    (12, _0012_search_walk),
    (13, _0013_caller_id),
    (14, _0014_choice_names_unique),
]
LATEST = MIGRATIONS[-1][0]


@dataclass
class MigrationResult:
    from_version: int
    to_version: int
    backup: Path | None


def current_version(database: pw.Database) -> int:
    if "schema_version" not in database.get_tables():
        return 0
    row = database.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _migrator(database: pw.Database) -> SchemaMigrator:
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator

    if isinstance(database, pw.PostgresqlDatabase):
        return PostgresqlMigrator(database)
    return SqliteMigrator(database)


def backup_sqlite(path: Path, version: int) -> Path:
    """Copy a SQLite file with the online backup API (safe with WAL) before migrating."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix or '.sqlite'}")
    from . import private

    private.create_file(target)  # holds every customer, as the database does: the owner's only
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def migrate(database: pw.Database, target: int | None = None, sqlite_file: Path | None = None) -> MigrationResult:
    """Bring ``database`` (already connected) up to ``target`` (default: the newest)."""
    goal = LATEST if target is None else target
    found = current_version(database)
    if found > LATEST:
        raise DatabaseNewer(found, LATEST)
    pending = [(v, fn) for v, fn in MIGRATIONS if found < v <= goal]
    if not pending:
        return MigrationResult(found, found, None)
    backup = backup_sqlite(sqlite_file, found) if sqlite_file is not None and found > 0 else None
    migrator = _migrator(database)
    postgres = isinstance(database, pw.PostgresqlDatabase)
    with database.atomic() if postgres else database.atomic("IMMEDIATE"):
        if postgres:
            # Several desks may start at once against one server: one migrates, the others wait.
            database.execute_sql("SELECT pg_advisory_xact_lock(7318001)")
            found = current_version(database)
            pending = [(v, fn) for v, fn in MIGRATIONS if found < v <= goal]
        for version, fn in pending:
            fn(database, migrator)
            database.execute_sql(
                f"INSERT INTO schema_version (version, applied_at) VALUES ({database.param}, {database.param})",
                (version, utcnow()),
            )
    return MigrationResult(found, pending[-1][0] if pending else found, backup)


def open_and_migrate(target: str, check: bool = True) -> tuple[pw.Database, MigrationResult]:
    """Open the database the person chose, refuse a newer one untouched, and migrate it.

    A SQLite file is checked first (``db.quick_check``): a damaged, cut-short, empty or non-database
    file is refused untouched with the known "db_corrupt" error. ``check=False`` when the caller has
    just run that check itself (the app runs it off the UI thread); the cheap header check stays."""
    path = sqlite_path(target)
    if path is not None:
        try:
            dbmod.quick_check(path) if check else dbmod.inspect_sqlite_file(path)
            peeked = dbmod.peek_sqlite_user_version(path)
        except sqlite3.Error as exc:
            raise (classify_database_error(exc) or exc) from exc
        except OSError as exc:  # a file this account may not read, a folder that went away
            raise DatabaseError("db_unreachable", f"{path}: {exc.strerror or exc}") from exc
        if peeked is not None and peeked > LATEST:
            raise DatabaseNewer(peeked, LATEST)
    try:
        database = dbmod.open_database(target)
    except PermissionError as exc:  # its folder could not be made
        raise DatabaseError("db_read_only", f"{exc.filename}: {exc.strerror}") from exc
    except OSError as exc:
        raise DatabaseError("db_unreachable", f"{exc.filename}: {exc.strerror or exc}") from exc
    dbmod.bind(database)
    try:
        if path is not None and current_version(database) == 0 and database.get_tables():
            # Some other program's SQLite file: the help desk's tables are not added to it.
            raise DatabaseError(
                "db_corrupt", f"{path}: tables of another program, not a help-desk database", kind="not_database"
            )
        result = migrate(database, sqlite_file=path)
    except DatabaseError:
        dbmod.close()
        raise
    except (pw.PeeweeException, sqlite3.Error) as exc:
        dbmod.close()
        known = classify_database_error(exc)
        raise (known or exc) from exc
    return database, result
