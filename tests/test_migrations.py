import hashlib
from pathlib import Path

import pytest

from helpdesk import accounts, config, migrations
from helpdesk import db as dbmod
from helpdesk.errors import DatabaseNewer
from helpdesk.models import Customer


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_database_is_brought_to_the_newest_schema(db_target):
    database, result = migrations.open_and_migrate(db_target)
    try:
        assert (result.from_version, result.to_version) == (0, migrations.LATEST)
        assert {"schema_version", "staff", "audit_entry", "setting", "customer"} <= set(database.get_tables())
        assert migrations.current_version(database) == migrations.LATEST
        assert result.backup is None
    finally:
        dbmod.close()


def _old_supervisor(database) -> int:
    """A supervisor written as an older app wrote it: the columns of the first schema only, not today's model."""
    p = database.param
    database.execute_sql(
        f"INSERT INTO staff (username, full_name, role, password_hash, active, failed_attempts, created_at, updated_at)"
        f" VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})",
        (
            "boss",
            "Sara Supervisor",
            "supervisor",
            accounts.hash_password("correct horse"),
            True,
            0,
            "2026-01-01 00:00:00",
            "2026-01-01 00:00:00",
        ),
    )
    return database.execute_sql("SELECT id FROM staff WHERE username = 'boss'").fetchone()[0]


def test_previous_schema_is_migrated_with_its_data_intact(db_target):
    previous = migrations.LATEST - 1
    database = dbmod.open_database(db_target)
    dbmod.bind(database)
    migrations.migrate(database, target=previous)
    assert migrations.current_version(database) == previous
    _old_supervisor(database)
    dbmod.close()

    database, result = migrations.open_and_migrate(db_target)
    try:
        assert (result.from_version, result.to_version) == (previous, migrations.LATEST)
        boss = accounts.authenticate("boss", "correct horse")
        assert boss.full_name == "Sara Supervisor" and boss.version == 1
        Customer.create(given_name="Maryam", created_by=boss, updated_by=boss)
        assert Customer.select().count() == 1
        path = config.sqlite_path(db_target)
        if path is not None:
            # A SQLite file is copied before it is migrated, and the copy is the old version.
            assert result.backup is not None and result.backup.exists()
            assert dbmod.peek_sqlite_user_version(result.backup) == previous
    finally:
        dbmod.close()


def test_migrating_twice_changes_nothing(db_target):
    migrations.open_and_migrate(db_target)
    dbmod.close()
    _, result = migrations.open_and_migrate(db_target)
    dbmod.close()
    assert result.from_version == result.to_version == migrations.LATEST


def test_database_from_a_newer_version_is_refused_untouched(db_target):
    database, _ = migrations.open_and_migrate(db_target)
    accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    newer = migrations.LATEST + 1
    database.execute_sql(f"INSERT INTO schema_version (version, applied_at) VALUES ({newer}, '2030-01-01 00:00:00')")
    dbmod.close()
    path = config.sqlite_path(db_target)
    before = _sha(path) if path else None
    siblings = sorted(p.name for p in path.parent.iterdir()) if path else None

    with pytest.raises(DatabaseNewer) as info:
        migrations.open_and_migrate(db_target)
    assert info.value.found == newer and info.value.supported == migrations.LATEST
    assert dbmod.database.obj is None or dbmod.database.obj.is_closed()

    if path is not None:
        assert _sha(path) == before
        assert sorted(p.name for p in path.parent.iterdir()) == siblings  # no backup, no journal left
    else:
        database = dbmod.open_database(db_target)
        database.connect()
        rows = database.execute_sql("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, migrations.LATEST + 1)) + [newer]
        assert database.execute_sql("SELECT COUNT(*) FROM staff").fetchone()[0] == 1
        database.close()


def test_unreadable_file_is_a_known_error(tmp_path):
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    from helpdesk.errors import DatabaseError

    with pytest.raises(DatabaseError) as info:
        migrations.open_and_migrate(str(bad))
    assert info.value.code == "db_corrupt"


def test_sqlite_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    database, _ = migrations.open_and_migrate(str(tmp_path / "desk.sqlite"))
    try:
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    finally:
        dbmod.close()


def test_customers_of_version_2_keep_their_phone_and_email_and_can_be_found(db_target):
    database = dbmod.open_database(db_target)
    dbmod.bind(database)
    migrations.migrate(database, target=2)
    boss_id = _old_supervisor(database)
    p = database.param
    database.execute_sql(
        "INSERT INTO customer (kind, given_name, family_name, organisation, phone, email, preferred_language, notes,"
        " created_at, created_by_id, updated_at, updated_by_id, version)"
        f" VALUES ('person', {p}, {p}, '', '+989121234567', 'neda@example.com', 'fa', '', {p}, {p}, {p}, {p}, 1)",
        ("ندا", "کریمی", "2026-01-01 10:00:00", boss_id, "2026-01-01 10:00:00", boss_id),
    )
    dbmod.close()

    migrations.open_and_migrate(db_target)
    try:
        from helpdesk import customers

        record = customers.get(1)
        assert record.customer.display_name == "ندا کریمی"
        assert [p.number for p in record.phones] == ["+989121234567"]
        assert [e.address for e in record.emails] == ["neda@example.com"]
        assert record.customer.sort_name == "کریمی ندا"
        assert customers.count(customers.DirectoryQuery(search="كريمي")) == 1
        assert customers.count(customers.DirectoryQuery(search="0912 123")) == 1
    finally:
        dbmod.close()
