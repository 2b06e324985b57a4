"""The bulk path: rows written straight into the tables, for speed (see the package docstring
for why, and what it must keep in step with the services; ``tests/test_demo_bulk_path.py`` checks it)."""

from __future__ import annotations

import json

from .. import search
from ..db import database

BATCH = 1000
FTS5_DEFAULTS = {"automerge": 4, "crisismerge": 16}  # SQLite's, for a search index that had not set them


def _is_postgres() -> bool:
    import peewee

    return isinstance(database.obj, peewee.PostgresqlDatabase)


def bulk_insert(table: str, columns: list[str], rows: list[tuple]) -> None:
    """Insert many rows with the driver's fastest path; peewee's query builder is too slow here."""
    if not rows:
        return
    names = ", ".join(columns)
    cursor = database.cursor()
    if _is_postgres():
        from psycopg2.extras import execute_values

        execute_values(cursor, f"INSERT INTO {table} ({names}) VALUES %s", rows, page_size=BATCH)
    else:
        marks = ", ".join("?" * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


CUSTOMER_COLUMNS = [
    "id",
    "kind",
    "given_name",
    "family_name",
    "organisation",
    "organisation_id",
    "job_title",
    "preferred_language",
    "address",
    "referral_source",
    "notes",
    "status",
    "lost_reason_id",
    "lost_at",
    "segment",
    "segment_manual",
    "merged_into_id",
    "sort_name",
    "created_at",
    "created_by_id",
    "updated_at",
    "updated_by_id",
    "version",
]
# The keys of ``audit.snapshot(customer)`` are the columns (a foreign key goes by its column name);
# tests/test_demo_bulk_path.py compares them with a snapshot the service takes.
SNAPSHOT_KEYS = CUSTOMER_COLUMNS
STAMP_COLUMNS = [CUSTOMER_COLUMNS.index(k) for k in ("created_at", "updated_at", "lost_at")]
AUDIT_COLUMNS = ["at", "actor_id", "action", "table_name", "record_id", "before", "after"]
# The columns of a contact and of a follow-up; also the keys of ``audit.snapshot`` of one.
CONTACT_COLUMNS = [
    "id",
    "customer_id",
    "staff_id",
    "channel",
    "direction",
    "phone",
    "started_at",
    "ended_at",
    "duration_seconds",
    "hold_seconds",
    "hold_count",
    "reason",
    "notes",
    "outcome",
    "satisfaction",
    "next_step",
    "checklist",
    "search_text",
    "created_at",
    "updated_at",
    "updated_by_id",
    "version",
    "draft_id",
    "answered_at",
    "call_id",
]
FOLLOW_UP_COLUMNS = [
    "id",
    "customer_id",
    "contact_id",
    "kind",
    "due_at",
    "assignee_id",
    "promise",
    "status",
    "done_at",
    "done_by_id",
    "done_contact_id",
    "created_at",
    "created_by_id",
    "updated_at",
    "version",
    "phone",
    "attempts",
    "missed_key",
]
CUSTOMER_TABLES = ["customer", "phone_number", "email_address", "customer_tag"]
HISTORY_TABLES = ["audit_entry", "contact", "follow_up"]  # audit entries come with the customers and after them
TABLE_COLUMNS = {
    "customer": CUSTOMER_COLUMNS,
    "phone_number": ["customer_id", "label", "number", "position"],
    "email_address": ["customer_id", "address", "position"],
    "customer_tag": ["customer_id", "tag_id"],
    "audit_entry": AUDIT_COLUMNS,
    "contact": CONTACT_COLUMNS,
    "follow_up": FOLLOW_UP_COLUMNS,
}


def store(rows: dict[str, list]) -> None:
    """Write one batch from ``rows_of`` or ``History.batches``: parents first, then what points at them."""
    for table, columns in TABLE_COLUMNS.items():
        if rows.get(table):
            bulk_insert(table, columns, rows[table])
    if "customer_search" in rows:
        search.write(database.obj, rows["customer_search"])


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _secondary_indexes(tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the plain indexes on these tables, as the migrations made them."""
    if _is_postgres():
        rows = database.execute_sql(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "WHERE t.relname = ANY(%s) AND pg_table_is_visible(t.oid) "
            "AND NOT x.indisprimary AND NOT x.indisunique ORDER BY i.relname",
            (tables,),
        ).fetchall()
    else:
        marks = ", ".join("?" * len(tables))
        rows = database.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks}) ORDER BY name",
            tables,
        ).fetchall()
    return [(name, sql) for name, sql in rows]


def _fts5_config(name: str, value: int | None = None) -> int | None:
    """Read (or with ``value``, set) an option of the SQLite search index; None when it is at its default."""
    if value is None:
        row = database.execute_sql("SELECT v FROM customer_search_config WHERE k = ?", (name,)).fetchone()
        return None if row is None else int(row[0])
    database.execute_sql(f"INSERT INTO customer_search (customer_search, rank) VALUES ('{name}', {int(value)})")
    return value
