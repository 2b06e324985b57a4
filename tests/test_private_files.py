"""Private files (issue 14, item 5): the database and its -wal/-shm, the migration's backup, the
call drafts and the log are created readable by their owner only (0600 files in 0700 folders) on
Linux and macOS, whatever the umask, and what an older version left readable is tightened at the
next start. Checked with os.stat on real files."""

from __future__ import annotations

import logging
import os
import stat
import sys

import pytest

from helpdesk import db as dbmod
from helpdesk import drafts, migrations

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="on Windows these files live under the user's profile, private already"
)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """The laxest usual umask: what was created 0644 in 0755 folders before."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_and_its_log_files_are_the_owners_only(tmp_path, open_umask):
    path = tmp_path / "office" / "helpdesk.sqlite"  # a folder the app creates
    database, _ = migrations.open_and_migrate(str(path))
    database.execute_sql("CREATE TABLE t (x)")  # something in the write-ahead log
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    assert all(p.exists() for p in files)
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert mode(path.parent) == 0o700
    dbmod.close()


def test_a_folder_the_person_chose_is_left_as_it_is(tmp_path, open_umask):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    migrations.open_and_migrate(str(shared / "office.sqlite"))
    dbmod.close()
    assert mode(shared) == 0o755 and mode(shared / "office.sqlite") == 0o600


def test_an_old_readable_database_is_tightened_at_the_next_start(tmp_path, open_umask):
    path = tmp_path / "helpdesk.sqlite"
    migrations.open_and_migrate(str(path))
    dbmod.database.execute_sql("CREATE TABLE t (x)")
    dbmod.close()
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            os.chmod(p, 0o644)
    migrations.open_and_migrate(str(path))
    assert mode(path) == 0o600
    assert mode(path.with_name(path.name + "-wal")) == 0o600
    dbmod.close()


def test_the_copy_made_before_a_migration_is_private(tmp_path, open_umask):
    path = tmp_path / "old.sqlite"
    database = dbmod.open_database(str(path))  # a database of the version before the newest
    migrations.migrate(database, target=migrations.LATEST - 1)
    dbmod.close()
    _, result = migrations.open_and_migrate(str(path))
    dbmod.close()
    assert result.backup is not None and mode(result.backup) == 0o600


def test_drafts_are_private_and_old_ones_are_tightened(tmp_path, open_umask):
    folder = tmp_path / "data" / "drafts"
    store = drafts.DraftStore(folder)
    store.save("a1", "call", "db", 1, {"notes": "مشتری ناراضی است"})
    assert mode(folder) == 0o700 and mode(folder / "a1.json") == 0o600
    os.chmod(folder, 0o755)
    os.chmod(folder / "a1.json", 0o644)
    assert [d["id"] for d in drafts.DraftStore(folder).unfinished("call", "db", 1)] == ["a1"]
    assert mode(folder) == 0o700 and mode(folder / "a1.json") == 0o600


def test_the_log_is_private_and_so_is_each_rotated_file(tmp_path, open_umask, monkeypatch):
    from ui import errors
    from ui.log_file import PrivateLogFile

    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    old = folder / "helpdesk.log.1"
    old.write_text("an old line\n")
    os.chmod(old, 0o644)
    monkeypatch.setattr(errors, "log_dir", lambda: folder)
    path = errors.setup_logging()
    logging.getLogger("helpdesk").warning("a customer's name in a message")
    assert mode(folder) == 0o700 and mode(path) == 0o600 and mode(old) == 0o600
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, PrivateLogFile))
    handler.doRollover()
    assert {p.name: mode(p) for p in folder.iterdir()} == {p.name: 0o600 for p in folder.iterdir()}


def test_a_file_system_that_refuses_to_change_modes_does_not_stop_the_app(tmp_path, monkeypatch, caplog):
    """A network share can refuse chmod: the database opens all the same, and the log says why."""
    import errno

    def refuse(path, mode, *args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted", str(path))

    monkeypatch.setattr(os, "chmod", refuse)
    with caplog.at_level(logging.WARNING, logger="helpdesk.private"):
        database, _ = migrations.open_and_migrate(str(tmp_path / "share" / "office.sqlite"))
    assert database.execute_sql("SELECT COUNT(*) FROM staff").fetchone()[0] == 0
    assert "could not make" in caplog.text
    dbmod.close()
