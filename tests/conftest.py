"""Every test gets a fresh database: a SQLite file in a temporary folder, or, when
``HELPDESK_TEST_DATABASE`` names a PostgreSQL server URL, a fresh schema on it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest
import time_machine

from helpdesk import db as dbmod
from helpdesk import migrations

TEST_DATABASE = os.environ.get("HELPDESK_TEST_DATABASE", "").strip()

# "Now", for every test: one moment that the tests set, never the real calendar.
# .ci/run also runs the date-sensitive tests (marked ``dates``) at the moments below.
MOMENTS = {
    "ordinary": "2026-06-16T10:30:00",  # a Tuesday morning
    "new-year": "2026-12-31T23:55:00",  # the last minutes of a Gregorian year
    "nowruz": "2027-03-21T00:05:00",  # the first minutes of Jalali 1406
    "leap-day": "2028-02-29T12:00:00",  # 29 February
    "friday-evening": "2026-11-27T19:40:00",  # the Iranian weekend, after hours
}
TEST_TIMEZONE = os.environ.get("HELPDESK_TEST_TZ", "Asia/Tehran")
_moment = os.environ.get("HELPDESK_TEST_NOW", "ordinary")
TEST_NOW = datetime.fromisoformat(MOMENTS.get(_moment, _moment)).replace(tzinfo=ZoneInfo(TEST_TIMEZONE))
# Child processes started by tests (the real app, killed mid-sentence) travel to the same moment.
os.environ["HELPDESK_TEST_NOW"] = TEST_NOW.isoformat()
os.environ["HELPDESK_TEST_TZ"] = TEST_TIMEZONE


# The modules whose tests read the calendar (periods, deadlines, due times, "today", the demo's year).
DATE_SENSITIVE = {
    "test_accounts",
    "test_calls_ui",
    "test_calm",
    "test_calm_ui",
    "test_complaints",
    "test_complaints_ui",
    "test_contacts",
    "test_demo",
    "test_demo_complaints",
    "test_localization",
    "test_reports",
    "test_reports_hostile",
    "test_reports_ui",
    "test_keyboard_calls",
    "test_keyboard_complaints",
    "test_phonecalls",
    "test_follow_ups_missed_ui",
    "test_phone_pop",
}


def pytest_configure(config):
    config.addinivalue_line("markers", "dates: depends on the calendar; .ci/run repeats it at other moments")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.module.__name__.rpartition(".")[2] in DATE_SENSITIVE:
            item.add_marker(pytest.mark.dates)


def pytest_report_header(config):
    return f"the tests' clock: {TEST_NOW.isoformat()} ({TEST_TIMEZONE}), ticking"


def before_the_tests(minutes: int = 10):
    """The clock for data that a whole module shares (a demo made once): a little before the
    moment every test of the module starts at, as if it had been made just before."""
    return time_machine.travel(TEST_NOW - timedelta(minutes=minutes), tick=True)


@pytest.fixture(autouse=True)
def clock():
    """Every test starts at TEST_NOW in the office's time zone; time then runs on.

    ``clock.move_to(...)`` / ``clock.shift(...)`` move it within a test."""
    with time_machine.travel(TEST_NOW, tick=True) as traveller:
        yield traveller


def _reset_postgres(url: str) -> None:
    database = dbmod.open_database(url)
    database.connect()
    try:
        database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
    finally:
        database.close()


@pytest.fixture
def db_target(tmp_path) -> str:
    """Where this test's empty database lives (a path or a URL)."""
    dbmod.close()
    if TEST_DATABASE:
        _reset_postgres(TEST_DATABASE)
        return TEST_DATABASE
    return str(tmp_path / "helpdesk.sqlite")


@pytest.fixture
def db(db_target) -> peewee.Database:
    """A fresh database at the newest schema, bound to the proxy."""
    database, _ = migrations.open_and_migrate(db_target)
    yield database
    dbmod.close()


@pytest.fixture
def supervisor(db):
    from helpdesk import accounts

    return accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")


@pytest.fixture
def staff(db, supervisor):
    from helpdesk import accounts

    return accounts.create_account(supervisor, "desk1", "Reza Desk", "staff", "desk password")


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory):
    """QSettings (language, window geometry) go to a fresh folder for every test."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture
def app(qapp):
    """The application as the app sets it up, in English; back to English afterwards."""
    from ui import i18n, tab_rule
    from ui.app import create_application

    create_application()
    tab_rule.install(qapp)
    i18n.apply_language(qapp, "en")
    yield qapp
    i18n.apply_language(qapp, "en")


@pytest.fixture
def persian(app):
    from ui import i18n

    i18n.apply_language(app, "fa")
    return app


@pytest.fixture(autouse=True)
def _isolated_log(tmp_path_factory, monkeypatch):
    """The log file goes to a fresh folder; handlers a test added are removed after it."""
    import logging

    from ui import errors

    folder = tmp_path_factory.mktemp("log")
    monkeypatch.setattr(errors, "log_dir", lambda: folder)
    root = logging.getLogger()
    before = list(root.handlers)
    yield folder
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture(autouse=True)
def draft_dir(tmp_path_factory, monkeypatch):
    """Unfinished calls are kept in a fresh folder for every test."""
    from ui import paths

    folder = tmp_path_factory.mktemp("drafts")
    monkeypatch.setattr(paths, "draft_dir", lambda: folder)
    return folder


@pytest.fixture(autouse=True)
def backup_dir(tmp_path_factory, monkeypatch):
    """Backups (helpdesk/backups.py) go to a fresh folder for every test, and for the app in the
    child processes a test starts (they inherit the environment)."""
    folder = tmp_path_factory.mktemp("backups")
    monkeypatch.setenv("HELPDESK_BACKUPS", str(folder))
    return folder


@pytest.fixture(autouse=True)
def credential_store(tmp_path_factory, monkeypatch):
    """This desk's phone settings go to a fresh folder, and secrets to a credential store in memory
    (never the tester's own keyring). Returns the store: ``credential_store.passwords``."""
    import keyring

    from tests.helpers.memory_keyring import MemoryKeyring

    monkeypatch.setenv("HELPDESK_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def ring_name(monkeypatch):
    """Every signed-in window listens for ``main.py ring`` (ui/phone_ring.py): under a name of the
    test's own, inherited by the commands it runs, never the tester's running help desk's."""
    import uuid

    name = f"helpdesk-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("HELPDESK_RING_NAME", name)
    return name


@pytest.fixture(autouse=True)
def _no_unanswered_questions(monkeypatch):
    """A question nobody answers would block the test forever; a test that expects one answers it."""
    from ui import prompts

    def unexpected(parent, title, text, default_yes=False):
        raise AssertionError(f"unexpected question: {title}: {text}")

    monkeypatch.setattr(prompts, "confirm", unexpected)


@pytest.fixture(autouse=True)
def _no_window_left_open():
    """Each test starts with no window another test left open: a call with typed notes would ask its
    question when closed in the middle of the next test, and a hidden main window would still hear
    the next test's language switch. What is left is put away (a call keeps its draft), closed
    without questions, and deleted."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    from ui import prompts

    asked, prompts.confirm = prompts.confirm, lambda *_args, **_kwargs: True
    try:
        for window in QApplication.topLevelWidgets():
            if window.parentWidget() is not None:
                continue  # a menu or a dialog goes with its window
            if window.isVisible():
                put_away = getattr(window, "put_away", None)
                if callable(put_away):
                    put_away()
                else:
                    window.close()
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        prompts.confirm = asked
