"""Copy a whole database between SQLite and PostgreSQL, and prove the copy holds the same.

``copy_database(source, target)`` is how an office that outgrows one desk moves its SQLite file to
a PostgreSQL server, and how a PostgreSQL office keeps a portable copy in a single file (the
backup of a server database calls it). Either side is a SQLite path or a ``postgresql://`` URL, as
``config.py`` reads them.

- The source is brought to the newest schema first, as every command does, then read in one
  snapshot (a read transaction; REPEATABLE READ on a server), a batch at a time: 200,000
  customers never sit in memory at once.
- The target must hold no data: it is a new file, an empty server database, or one that only
  has the tables and lists the migrations made. Anything else is refused, untouched.
- On the target everything happens in ONE transaction: the migrations to the newest schema,
  every table of ``models.ALL_MODELS`` with its ids, the server's sequences moved past the
  highest id, the search index (``customer_search``, which is an FTS5 table on SQLite and a
  tsvector on PostgreSQL) rebuilt from the copied rows with ``search.document``, and then the
  check: every table counted and a checksum per table compared with the source's. A mismatch
  rolls the whole copy back.
- ``schema_version``, the migrations' own bookkeeping, is not copied: the target records when
  its own migrations ran. Both sides must be at the newest version.

The checksum of a table is the sum (modulo 2**128) of a hash of every row, each value read back
through its peewee field and written in one canonical form (a datetime, a boolean, a decimal or
a blob reads the same from either engine), so neither the order rows come in nor the engine's
collation of text keys matters.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from datetime import time as day_time
from decimal import Decimal

import peewee as pw

from . import db as dbmod
from . import migrations, search
from .config import describe, sqlite_path
from .errors import DatabaseNewer, KnownError, classify_database_error
from .models import ALL_MODELS, SchemaVersion

BATCH = 2000  # rows read, converted and written at a time
BOOKKEEPING = SchemaVersion._meta.table_name
SEARCH_TABLE = "customer_search"
# Lists the migrations fill in a new database; the copy replaces them with the source's.
SEEDED = ("lost_reason", "complaint_category")
# In the order their foreign keys need (a table after the tables it points to).
MODELS = [model for model in pw.sort_models(ALL_MODELS) if model is not SchemaVersion]  # type: ignore[attr-defined]  # peewee's stubs omit sort_models

Progress = Callable[[str, int, int], None]  # (table, rows copied so far, rows in the table)


class CopyError(KnownError):
    """The copy was refused or did not check out; ``code`` says which, ``detail`` the specifics.

    copy_source_missing, copy_same_database, copy_target_not_empty, copy_unknown_table,
    copy_mismatch."""

    def __init__(self, code: str, detail: str, **params):
        super().__init__(detail, **params)
        self.code = code


@dataclass
class TableCopy:
    name: str
    rows: int
    checksum: str


@dataclass
class CopyResult:
    source: str  # where from and to, without a password
    target: str
    schema_version: int
    tables: list[TableCopy] = field(default_factory=list)
    copy_seconds: float = 0.0  # reading, writing, the search index and the commit
    verify_seconds: float = 0.0  # counting and checksumming the target
    verified: bool = False

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def copy_database(source: str, target: str, progress: Progress | None = None) -> CopyResult:
    """Copy every table of ``source`` into the empty ``target`` and verify it (see the module's
    docstring). Raises a ``KnownError`` for what the person can act on: no source, a target that
    holds data, a database of a newer app, a server that does not answer, a copy that differs."""
    started = time.perf_counter()
    if _same(source, target):
        raise CopyError("copy_same_database", f"{describe(source)} is both the source and the target")
    src = _open(source, must_exist=True)
    try:
        dst = _open(target, must_exist=False)
        try:
            _refuse_unless_empty(dst, target)
            _guarded(lambda: migrations.migrate(src, sqlite_file=sqlite_path(source)))
            result = CopyResult(describe(source), describe(target), migrations.LATEST)
            _guarded(lambda: _copy(src, dst, target, result, progress, started))
        finally:
            dst.close()
    finally:
        src.close()
    return result


# --- opening ----------------------------------------------------------------------------------------


def _same(source: str, target: str) -> bool:
    a, b = sqlite_path(source), sqlite_path(target)
    if a is not None and b is not None:
        return a.expanduser().resolve() == b.expanduser().resolve()
    return a is None and b is None and source.rstrip("/") == target.rstrip("/")


def _open(target: str, must_exist: bool) -> pw.Database:
    """A connected database of its own (not the app's proxy), a newer app's refused unread."""
    path = sqlite_path(target)
    if path is not None:
        if must_exist and path.is_file():
            dbmod.quick_check(path)  # a damaged, cut-short, empty or non-database file, refused as the app does
        if must_exist and (not path.is_file() or path.stat().st_size == 0):
            raise CopyError("copy_source_missing", f"there is no database at {path}")
        try:
            found = dbmod.peek_sqlite_user_version(path)
        except sqlite3.Error as exc:
            known = classify_database_error(exc)
            if known is None:
                raise
            known.detail = f"{path}: {known.detail}"
            raise known from exc
        if found is not None and found > migrations.LATEST:
            raise DatabaseNewer(found, migrations.LATEST)
    database = dbmod.open_database(target)
    try:
        _guarded(database.connect)
    except KnownError as error:
        if error.code == "db_corrupt":  # which of the two it is
            error.detail = f"{describe(target)}: {error.detail}"
        raise
    return database


def _guarded(work):
    """Run ``work``; a driver error that is a known problem (locked, unreachable, disk full, ...)
    becomes the known error."""
    try:
        return work()
    except (pw.PeeweeException, sqlite3.Error) as exc:
        known = classify_database_error(exc)
        raise (known or exc) from exc


def _postgres(database: pw.Database) -> bool:
    return isinstance(database, pw.PostgresqlDatabase)


def _shadow(name: str) -> bool:
    """SQLite's own tables and the FTS5 index's storage: not data of ours."""
    return name.startswith(("sqlite_", SEARCH_TABLE + "_"))


def _refuse_unless_empty(database: pw.Database, target: str) -> None:
    """Refuse a target that holds data: anything but the schema and the lists migrations make."""
    _guarded(lambda: _check_empty(database, target))


def _check_empty(database: pw.Database, target: str) -> None:
    found = migrations.current_version(database)
    if found > migrations.LATEST:
        raise DatabaseNewer(found, migrations.LATEST)
    held = []
    for table in sorted(database.get_tables(), key=lambda name: (name not in ("customer", "staff"), name)):
        if table in (BOOKKEEPING, *SEEDED) or _shadow(table):
            continue
        if database.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None:
            count = database.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            held.append(f"{table}: {count}")
    if held:
        raise CopyError(
            "copy_target_not_empty",
            f"{describe(target)} already holds data ({', '.join(held[:4])}"
            f"{', ...' if len(held) > 4 else ''}); copy only into a new file or an empty database",
            tables=held,
        )


# --- reading ----------------------------------------------------------------------------------------

_cursors = 0


def _stream(database: pw.Database, sql: str, params: Iterable = ()) -> Iterator[list[tuple]]:
    """The rows of ``sql`` a batch at a time, never all of them in memory: SQLite's cursor reads
    as it goes; on a server a cursor of the server's (WITH HOLD, so it also works on a connection
    in autocommit, inside a transaction begun by hand)."""
    global _cursors
    if _postgres(database):
        _cursors += 1
        cursor = database.connection().cursor(name=f"helpdesk_copy_{_cursors}", withhold=True)
        cursor.itersize = BATCH
    else:
        cursor = database.connection().cursor()
    try:
        cursor.execute(sql, tuple(params))
        while True:
            rows = cursor.fetchmany(BATCH)
            if not rows:
                return
            yield rows
    finally:
        cursor.close()


def _columns(model) -> tuple[list[pw.Field], str]:
    fields = list(model._meta.sorted_fields)
    return fields, ", ".join(f'"{f.column_name}"' for f in fields)


def _check_columns(database: pw.Database, side: str) -> None:
    """Every table of the database is one the copy knows, with the columns the models have: a
    table or column added without a model would otherwise be left behind without a word."""
    known = {model._meta.table_name: model for model in ALL_MODELS}
    for table in database.get_tables():
        if _shadow(table) or table == SEARCH_TABLE:
            continue
        model = known.get(table)
        if model is None:
            raise CopyError("copy_unknown_table", f"the {side} has a table this version does not know: {table}")
        stored = {column.name for column in database.get_columns(table)}
        wanted = {f.column_name for f in model._meta.sorted_fields}
        if stored != wanted:
            raise CopyError(
                "copy_unknown_table",
                f"the {side}'s table {table} has the columns {sorted(stored)}, this version expects {sorted(wanted)}",
            )


def _search_ids_sql(database: pw.Database) -> str:
    column = "customer_id" if _postgres(database) else "rowid"
    return f"SELECT {column} FROM {SEARCH_TABLE}"


# --- the checksum -----------------------------------------------------------------------------------


def canonical(value) -> str:
    """One value as text that is the same whichever engine it was read from (after its field's
    ``python_value``): SQLite gives text for a datetime, 0/1 for a boolean, text for a decimal."""
    kind = _KINDS.get(type(value))
    return kind(value) if kind is not None else _canonical_other(value)


def _datetime(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return f"T{value.isoformat(' ')}"


_KINDS = {  # the common types, looked up by type: this runs for every value of every row, twice
    type(None): lambda value: "N",
    bool: lambda value: "B1" if value else "B0",
    int: lambda value: f"I{value}",
    str: lambda value: "S" + value,
    datetime: _datetime,
}


def _canonical_other(value) -> str:
    if isinstance(value, bool):
        return "B1" if value else "B0"
    if isinstance(value, int):
        return f"I{value}"
    if isinstance(value, Decimal):
        return f"D{value.normalize()}"
    if isinstance(value, float):
        return f"F{value!r}"
    if isinstance(value, datetime):
        return _datetime(value)
    if isinstance(value, (date, day_time)):
        return f"T{value.isoformat()}"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"X{bytes(value).hex()}"
    return f"S{value}"


class Checksum:
    """Order-free: the sum of the rows' hashes, so neither engine's order of text keys matters."""

    MODULUS = 2**128

    def __init__(self) -> None:
        self.rows = 0
        self._sum = 0

    def add(self, values: Iterable) -> None:
        text = "\x1f".join(map(canonical, values))
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        self._sum = (self._sum + int.from_bytes(digest, "big")) % self.MODULUS
        self.rows += 1

    @property
    def hexdigest(self) -> str:
        return f"{self._sum:032x}"


def table_checksum(database: pw.Database, model) -> Checksum:
    """Count and checksum one table of a connected database (the same function on both sides)."""
    fields, names = _columns(model)
    checksum = Checksum()
    for rows in _stream(database, f'SELECT {names} FROM "{model._meta.table_name}"'):
        for row in rows:
            checksum.add(f.python_value(v) for f, v in zip(fields, row))
    return checksum


def search_checksum(database: pw.Database) -> Checksum:
    """Which customers the search index holds (the documents themselves differ by engine)."""
    checksum = Checksum()
    for rows in _stream(database, _search_ids_sql(database)):
        for (customer_id,) in rows:
            checksum.add([int(customer_id)])
    return checksum


# --- the copy ---------------------------------------------------------------------------------------


def _copy(
    src: pw.Database, dst: pw.Database, target: str, result: CopyResult, progress: Progress | None, started: float
) -> None:
    _check_columns(src, "source")
    if migrations.current_version(src) != migrations.LATEST:  # pragma: no cover - migrated just now
        raise CopyError("copy_mismatch", "the source is not at the newest schema")
    sqlite_target = not _postgres(dst)
    journal = None
    if sqlite_target:
        # One big transaction: with a rollback journal every page is written once (the file is
        # new, so the journal holds next to nothing); in WAL mode twice, to the log and back.
        journal = dst.execute_sql("PRAGMA journal_mode").fetchone()[0]
        dst.execute_sql("PRAGMA journal_mode = delete")
    _begin_snapshot(src)
    try:
        sums: dict[str, Checksum] = {}
        with dst.atomic():
            migrations.migrate(dst, sqlite_file=sqlite_path(target))  # a savepoint of this transaction
            _check_columns(dst, "target")
            for table in SEEDED:
                dst.execute_sql(f'DELETE FROM "{table}"')
            for model in MODELS:
                sums[model._meta.table_name] = _copy_table(src, dst, model, progress)
            sums[SEARCH_TABLE] = _copy_search(src, dst, progress)
            if _postgres(dst):
                _move_sequences(dst)
            copied = time.perf_counter()
            result.copy_seconds = copied - started
            _verify(dst, sums, result)
            result.verify_seconds = time.perf_counter() - copied
            committing = time.perf_counter()
        result.copy_seconds += time.perf_counter() - committing
    finally:
        _end_snapshot(src)
        if journal is not None:
            dst.execute_sql(f"PRAGMA journal_mode = {journal}")
    if _postgres(dst):
        dst.execute_sql("ANALYZE")  # the planner's statistics for the new rows (search needs them)
    result.verified = True


def _begin_snapshot(database: pw.Database) -> None:
    """One consistent view of the source for the whole read, writers on other desks carrying on."""
    if _postgres(database):
        database.connection().cursor().execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    else:
        database.connection().execute("BEGIN DEFERRED")


def _end_snapshot(database: pw.Database) -> None:
    try:
        database.connection().cursor().execute("ROLLBACK")
    except Exception:  # noqa: BLE001 - the connection is going away anyway; the error that got here counts
        pass


def _insert(dst: pw.Database, table: str, names: str, width: int, rows: list[tuple]) -> None:
    if not rows:
        return
    cursor = dst.cursor()
    if _postgres(dst):
        from psycopg2.extras import execute_values

        execute_values(cursor, f'INSERT INTO "{table}" ({names}) VALUES %s', rows, page_size=BATCH)
    else:
        marks = ", ".join("?" * width)
        cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def _copy_table(src: pw.Database, dst: pw.Database, model, progress: Progress | None) -> Checksum:
    table = model._meta.table_name
    fields, names = _columns(model)
    total = src.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    # A column pointing into its own table (an organisation, the customer merged into) may point
    # to a row further on: the rows go in by id, and such a reference is written empty first and
    # filled in once every row is there.
    later = [i for i, f in enumerate(fields) if isinstance(f, pw.ForeignKeyField) and f.rel_model is model]
    # The key's column (asked for only when needed: a table with a composite key has none).
    pk = next(i for i, f in enumerate(fields) if f is model._meta.primary_key) if later else -1
    order = f' ORDER BY "{fields[pk].column_name}"' if later else ""
    pending: list[tuple] = []
    checksum = Checksum()
    for rows in _stream(src, f'SELECT {names} FROM "{table}"{order}'):
        out = []
        for row in rows:
            values = [f.python_value(v) for f, v in zip(fields, row)]
            checksum.add(values)
            stored = [f.db_value(v) for f, v in zip(fields, values)]
            if later and any(stored[i] is not None and stored[i] >= stored[pk] for i in later):
                pending.append(tuple(stored[i] for i in later) + (stored[pk],))
                for i in later:
                    stored[i] = None
            out.append(tuple(stored))
        _insert(dst, table, names, len(fields), out)
        if progress is not None:
            progress(table, checksum.rows, total)
    if pending:
        sets = ", ".join(f'"{fields[i].column_name}" = {dst.param}' for i in later)
        sql = f'UPDATE "{table}" SET {sets} WHERE "{fields[pk].column_name}" = {dst.param}'
        if _postgres(dst):
            from psycopg2.extras import execute_batch

            execute_batch(dst.cursor(), sql, pending, page_size=BATCH)  # many statements a round trip
        else:
            dst.cursor().executemany(sql, pending)
    if checksum.rows != total:  # pragma: no cover - the snapshot moved under us
        raise CopyError("copy_mismatch", f"{table}: counted {total} rows, read {checksum.rows}")
    if progress is not None and total == 0:
        progress(table, 0, 0)
    return checksum


def _copy_search(src: pw.Database, dst: pw.Database, progress: Progress | None) -> Checksum:
    """The search documents of the customers the source's index holds (merged ones are left out of
    it), made afresh from the copied rows, as ``customers.reindex`` makes them."""
    total = src.execute_sql(f"SELECT count(*) FROM {SEARCH_TABLE}").fetchone()[0]
    checksum = Checksum()
    for rows in _stream(src, _search_ids_sql(src)):
        ids = [int(customer_id) for (customer_id,) in rows]
        for customer_id in ids:
            checksum.add([customer_id])
        search.write(dst, search.documents(dst, ids))
        if progress is not None:
            progress(SEARCH_TABLE, checksum.rows, total)
    return checksum


def _move_sequences(dst: pw.Database) -> None:
    """Ids were written as they were: a new row must get the next one after the highest."""
    for model in MODELS:
        key = model._meta.primary_key
        if isinstance(key, pw.AutoField):
            table, column = model._meta.table_name, key.column_name
            dst.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
                f'(SELECT COALESCE(MAX("{column}"), 0) + 1 FROM "{table}"), false)'
            )


def _verify(dst: pw.Database, sums: dict[str, Checksum], result: CopyResult) -> None:
    """Count and checksum every table of the target as it is about to be committed."""
    problems = []
    version = migrations.current_version(dst)
    if version != migrations.LATEST:
        problems.append(f"schema version {version}, not {migrations.LATEST}")
    for model in MODELS:
        table = model._meta.table_name
        counted = dst.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        here = table_checksum(dst, model)
        there = sums[table]
        if counted != there.rows or here.rows != there.rows or here.hexdigest != there.hexdigest:
            problems.append(
                f"{table}: {there.rows} rows in the source, {counted} in the copy"
                + ("" if counted != there.rows else ", their contents differ")
            )
        result.tables.append(TableCopy(table, counted, here.hexdigest))
    here = search_checksum(dst)
    there = sums[SEARCH_TABLE]
    if here.rows != there.rows or here.hexdigest != there.hexdigest:
        problems.append(f"{SEARCH_TABLE}: {there.rows} documents in the source, {here.rows} in the copy")
    result.tables.append(TableCopy(SEARCH_TABLE, here.rows, here.hexdigest))
    if problems:
        raise CopyError("copy_mismatch", "the copy differs from the source, nothing was kept: " + "; ".join(problems))


def checksums(target: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and checksum (and the search index's customers) of a database, as
    the copy compares them: for a later check of a copy, and for tests."""
    database = _open(target, must_exist=True)
    try:
        _begin_snapshot(database)
        try:
            found = {model._meta.table_name: table_checksum(database, model) for model in MODELS}
            found[SEARCH_TABLE] = search_checksum(database)
        finally:
            _end_snapshot(database)
    finally:
        database.close()
    return {table: (checksum.rows, checksum.hexdigest) for table, checksum in found.items()}
