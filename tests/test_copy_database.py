"""copy-database (issue 14, item 2): a whole database copied between SQLite and PostgreSQL, either way,
and checked table by table.

The round trips need a PostgreSQL server even when the rest of the suite runs on SQLite: they use
the server of ``HELPDESK_TEST_DATABASE`` when it is a ``postgresql://`` URL (CI's PostgreSQL run),
make their own databases on it with CREATE DATABASE (named after the test database) and drop them
afterwards. On the SQLite run they are skipped; the copies from file to file run on both.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
from pathlib import Path

import peewee
import pytest

import main
from helpdesk import copying, demo
from helpdesk import db as dbmod
from helpdesk.config import is_postgres
from helpdesk.errors import KnownError
from tests.conftest import TEST_DATABASE, before_the_tests

CUSTOMERS = 2000
SERVER = TEST_DATABASE if is_postgres(TEST_DATABASE) else ""
needs_server = pytest.mark.skipif(
    not SERVER,
    reason="needs a PostgreSQL server: set HELPDESK_TEST_DATABASE=postgresql://... (CI's PostgreSQL run "
    "does); the copies between SQLite files run without one",
)
_names = itertools.count(1)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo database of 2,000 customers, made once for the module (about 3 s); never written to."""
    path = tmp_path_factory.mktemp("copy") / "demo.sqlite"
    with before_the_tests():
        assert demo.main(str(path), CUSTOMERS, 1, parallel=False) == 0
    dbmod.close()
    return path


@pytest.fixture(scope="module")
def server_database():
    """Makes empty databases on the test server (``<test database>_copy<pid>_<n>``) and drops them
    after the module."""
    import psycopg2
    from playhouse.db_url import parse

    made = []

    def admin():
        params = parse(SERVER)
        connection = psycopg2.connect(dbname=params.pop("database"), **params)
        connection.autocommit = True
        return connection

    def make() -> str:
        name = f"{parse(SERVER)['database']}_copy{os.getpid()}_{next(_names)}"
        connection = admin()
        try:
            connection.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.cursor().execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()
        made.append(name)
        return SERVER.rsplit("/", 1)[0] + "/" + name

    yield make
    dbmod.close()
    if not made:
        return
    connection = admin()
    try:
        for name in made:
            connection.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        connection.close()


def _search_results(target: str, queries: list[str]) -> dict[str, list[int]]:
    from helpdesk import customers, migrations

    migrations.open_and_migrate(target)
    try:
        return {query: customers.find_ids(query) for query in queries}
    finally:
        dbmod.close()


def _queries(path: Path) -> list[str]:
    """A few things people type, taken from the data: a family name, its first letters, the end of a
    phone number, the start of an e-mail address, a Latin letter."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        family = con.execute(
            "SELECT family_name FROM customer WHERE kind = 'person' AND family_name <> '' ORDER BY id LIMIT 1 OFFSET 17"
        ).fetchone()[0]
        number = con.execute("SELECT number FROM phone_number ORDER BY id LIMIT 1 OFFSET 40").fetchone()[0]
        email = con.execute("SELECT address FROM email_address ORDER BY id LIMIT 1 OFFSET 9").fetchone()[0]
    finally:
        con.close()
    return [family, family[:2], number[-6:], email.split("@")[0][:4], "a"]


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def server_copy(demo_file, server_database):
    """The demo copied to a new database on the server, once for the module (tests only read it),
    with what the copy reported and its progress calls."""
    server = server_database()
    seen = []
    result = copying.copy_database(str(demo_file), server, lambda table, done, total: seen.append((table, done, total)))
    dbmod.close()
    return server, result, seen


@needs_server
def test_round_trip_through_postgresql_gives_back_every_table_and_the_same_search(demo_file, server_copy, tmp_path):
    server, there, seen = server_copy
    back = tmp_path / "back.sqlite"

    home = copying.copy_database(server, str(back))

    assert there.verified and home.verified
    counts = {table.name: table.rows for table in there.tables}
    assert counts["customer"] == CUSTOMERS
    assert counts["customer_search"] == CUSTOMERS
    assert all(
        counts[name] > 0
        for name in (
            "staff",
            "audit_entry",
            "contact",
            "follow_up",
            "phone_number",
            "email_address",
            "customer_tag",
            "complaint",
            "calm_step",
        )
    )
    original = copying.checksums(str(demo_file))
    assert copying.checksums(server) == original
    assert copying.checksums(str(back)) == original
    assert [(t.name, t.rows, t.checksum) for t in home.tables] == [(t.name, t.rows, t.checksum) for t in there.tables]
    assert ("customer", CUSTOMERS, CUSTOMERS) in seen  # progress, table by table

    queries = _queries(demo_file)
    before = _search_results(str(demo_file), queries)
    assert all(before.values())
    assert _search_results(str(back), queries) == before
    on_server = _search_results(server, queries)
    assert {q: sorted(ids) for q, ids in on_server.items()} == {q: sorted(ids) for q, ids in before.items()}


@needs_server
def test_new_rows_on_the_server_copy_get_ids_after_the_copied_ones(server_copy):
    server, _, _ = server_copy

    database = dbmod.open_database(server)
    database.connect()
    try:
        for model in copying.MODELS:
            key = model._meta.primary_key
            if not isinstance(key, peewee.AutoField):
                continue
            table = model._meta.table_name
            highest = database.execute_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()[0]
            following = database.execute_sql(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))").fetchone()[0]
            assert following == highest + 1, table
    finally:
        database.close()


def test_the_rebuilt_search_index_is_the_one_the_app_writes(demo_file, tmp_path):
    """The copy makes the search documents from the copied rows; the app's own reindex of a customer
    writes the very same document (SQLite: the FTS5 columns can be read back)."""
    from helpdesk import customers, migrations

    copy = tmp_path / "copy.sqlite"
    copying.copy_database(str(demo_file), str(copy))
    database, _ = migrations.open_and_migrate(str(copy))
    try:
        columns = "rowid, names, phones, emails, organisation, notes"
        ids = [
            row[0]
            for row in database.execute_sql(
                "SELECT id FROM customer WHERE id IN (SELECT rowid FROM customer_search) ORDER BY id"
            )
        ][::97]
        marks = ", ".join("?" * len(ids))
        copied = database.execute_sql(f"SELECT {columns} FROM customer_search WHERE rowid IN ({marks})", ids).fetchall()
        customers.reindex(ids)
        rewritten = database.execute_sql(
            f"SELECT {columns} FROM customer_search WHERE rowid IN ({marks})", ids
        ).fetchall()
    finally:
        dbmod.close()
    assert len(copied) == len(ids) > 10
    assert sorted(copied) == sorted(rewritten)


def test_a_target_that_holds_data_is_refused_and_left_untouched(demo_file, tmp_path):
    target = tmp_path / "in-use.sqlite"
    shutil.copyfile(demo_file, target)
    digest = _file_digest(target)
    source = tmp_path / "other.sqlite"
    shutil.copyfile(demo_file, source)

    with pytest.raises(KnownError) as refused:
        copying.copy_database(str(source), str(target))

    assert refused.value.code == "copy_target_not_empty"
    assert "customer: 2000" in refused.value.detail
    assert _file_digest(target) == digest


@needs_server
def test_a_server_database_that_holds_data_is_refused_and_left_untouched(demo_file, server_copy):
    server, _, _ = server_copy
    before = copying.checksums(server)

    with pytest.raises(KnownError) as refused:
        copying.copy_database(str(demo_file), server)

    assert refused.value.code == "copy_target_not_empty"
    assert copying.checksums(server) == before


def test_a_copy_that_differs_is_rolled_back_whole(demo_file, tmp_path, monkeypatch):
    """The check is real: one phone number lost on the way fails the copy, and nothing is kept."""
    insert = copying._insert

    def losing_one(dst, table, names, width, rows):
        insert(dst, table, names, width, rows[1:] if table == "phone_number" else rows)

    monkeypatch.setattr(copying, "_insert", losing_one)
    target = tmp_path / "copy.sqlite"

    with pytest.raises(KnownError) as failed:
        copying.copy_database(str(demo_file), str(target))

    assert failed.value.code == "copy_mismatch"
    assert "phone_number" in failed.value.detail
    import sqlite3

    con = sqlite3.connect(target)
    try:
        tables = [row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        con.close()
    assert tables == []  # the migrations too were inside the one transaction


@needs_server
def test_a_copy_to_the_server_that_differs_is_rolled_back_whole(demo_file, server_database, monkeypatch):
    insert = copying._insert

    def losing_one(dst, table, names, width, rows):
        insert(dst, table, names, width, rows[1:] if table == "audit_entry" else rows)

    monkeypatch.setattr(copying, "_insert", losing_one)
    server = server_database()

    with pytest.raises(KnownError) as failed:
        copying.copy_database(str(demo_file), server)

    assert failed.value.code == "copy_mismatch"
    database = dbmod.open_database(server)
    database.connect()
    try:
        assert database.get_tables() == []
    finally:
        database.close()


def test_command_line_copies_and_says_verified(demo_file, tmp_path, capsys):
    target = tmp_path / "portable.sqlite"

    assert main.main(["copy-database", "--from", str(demo_file), "--to", str(target)]) == 0

    out = capsys.readouterr().out
    assert f"customer {CUSTOMERS:>10}".replace(" ", "") in out.replace(" ", "")
    assert "customer_search" in out
    assert "verified" in out.splitlines()[-1]
    assert copying.checksums(str(target)) == copying.checksums(str(demo_file))


@needs_server
def test_command_line_copies_to_a_server(demo_file, server_database, capsys):
    server = server_database()

    assert main.main(["copy-database", "--from", str(demo_file), "--to", server]) == 0

    assert "verified" in capsys.readouterr().out
    assert copying.checksums(server) == copying.checksums(str(demo_file))


def test_command_line_problems_are_one_line_and_exit_2(demo_file, tmp_path, capsys):
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database\n")
    used = tmp_path / "used.sqlite"
    shutil.copyfile(demo_file, used)
    cases = [
        (["--from", str(tmp_path / "missing.sqlite"), "--to", str(tmp_path / "a.sqlite")], "there is no database"),
        (["--from", str(demo_file), "--to", str(used)], "already holds data"),
        (["--from", str(text), "--to", str(tmp_path / "b.sqlite")], str(text)),  # named, whatever the words
        (["--from", str(demo_file), "--to", str(text)], str(text)),
        (["--from", str(demo_file), "--to", str(demo_file)], "both the source and the target"),
    ]
    for arguments, message in cases:
        assert main.main(["copy-database", *arguments]) == 2, arguments
        captured = capsys.readouterr()
        assert captured.out == ""
        lines = captured.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("copy-database: ") and message in lines[0], captured.err


@needs_server
def test_command_line_names_a_server_database_that_is_not_there(demo_file, capsys):
    missing = SERVER.rsplit("/", 1)[0] + "/" + SERVER.rsplit("/", 1)[1] + "_copy_never_made"

    assert main.main(["copy-database", "--from", str(demo_file), "--to", missing]) == 2

    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "does not exist" in lines[0]


def test_command_line_help_says_it_signs_nobody_in(capsys):
    with pytest.raises(SystemExit):
        main.main(["copy-database", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "administrator's tool" in out and "no --user" in out


@pytest.mark.parametrize("to_server", [False, pytest.param(True, marks=needs_server)], ids=["sqlite", "postgresql"])
def test_a_customer_pointing_to_a_later_one_is_copied(demo_file, tmp_path, server_database, to_server):
    """A contact person whose organisation was entered after them, and a customer merged into a later
    one: references forward in the same table arrive too."""
    import sqlite3

    source = tmp_path / "forward.sqlite"
    shutil.copyfile(demo_file, source)
    con = sqlite3.connect(source)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        organisation = con.execute("SELECT max(id) FROM customer WHERE kind = 'organisation'").fetchone()[0]
        last = con.execute("SELECT max(id) FROM customer").fetchone()[0]
        con.execute(
            "UPDATE customer SET organisation_id = ? WHERE id = (SELECT min(id) FROM customer WHERE kind = 'person')",
            (organisation,),
        )
        con.execute("UPDATE customer SET merged_into_id = ?, status = 'merged' WHERE id = 3", (last,))
        con.commit()
    finally:
        con.close()
    target = server_database() if to_server else str(tmp_path / "copy.sqlite")

    copying.copy_database(str(source), target)

    assert copying.checksums(target) == copying.checksums(str(source))
