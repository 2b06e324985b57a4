"""Starting the app: the Qt application, the main window, the database, then who is here.

The main window appears first, at once; the database is opened from the event
loop right after, and the first-run or sign-in dialog opens over the window.
Nothing that loads the database layer is imported before the window is shown.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from helpdesk.config import describe
from helpdesk.errors import KnownError
from helpdesk.localization import left_to_right

from . import i18n
from .errors import install_exception_hook, setup_logging
from .mainwindow import MainWindow
from .messages import message_for

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from .dialogs.damaged import DamagedDatabaseDialog
    from .dialogs.sign_in import FirstRunDialog, SignInDialog
    from .lock import DeskLock

log = logging.getLogger(__name__)

CHECK_IN_BACKGROUND_BYTES = (
    32 * 1024 * 1024
)  # quick_check reads about 160 MB a second: a larger file is checked off the UI thread

ORGANISATION = "helpdesk"
APPLICATION = "helpdesk"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = cast("QApplication | None", QApplication.instance()) or QApplication(
        argv if argv is not None else sys.argv[:1]
    )
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Help desk")
    app.setWindowIcon(application_icon())
    # The platform's own style: it follows the system's light or dark scheme (Qt 6.5+).
    i18n.apply_language(app, i18n.saved_language())
    return app


def application_icon():
    """The app's icon (resources/icons, drawn by packaging/make_icon.py), in every size it ships."""
    from PySide6.QtGui import QIcon

    from .paths import ICONS

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(ICONS / f"helpdesk-{size}.png"))
    return icon


class Controller(QObject):
    """Walks the person from an empty window to their signed-in pages, and back on sign-out."""

    def __init__(self, app: QApplication, target: str):
        super().__init__()
        self.app = app
        self.target = target
        self.location = describe(target)
        self.window: MainWindow | None = None
        self.dialog: SignInDialog | FirstRunDialog | None = None
        self.error_box: DamagedDatabaseDialog | QMessageBox | None = None
        self.lock: DeskLock | None = None  # the desk lock (ui/lock.py), from the first sign-in on

    def start(self) -> MainWindow:
        """Show the window now; once it is on the screen, set the Tab rule and open the database."""
        window = self.show_window()
        opened: list[bool] = []

        def open_once() -> None:
            if not opened:
                opened.append(True)
                from . import tab_rule

                tab_rule.install(self.app)
                self.open_database()

        window.first_painted.connect(lambda: QTimer.singleShot(0, open_once))
        QTimer.singleShot(1000, open_once)  # in case the window is never painted (minimised, say)
        return window

    def show_window(self) -> MainWindow:
        self.window = MainWindow(self.location)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.language_changed.connect(self.change_language)
        self.window.show()
        return self.window

    def open_database(self, check: bool = True) -> bool:
        """Check, open and migrate the database, then ask who is here. False when the database is unusable.

        A large SQLite file is checked off the UI thread (``PRAGMA quick_check`` takes seconds on
        hundreds of megabytes), with a line in the status bar; it is opened when the check is done."""
        from helpdesk import migrations
        from helpdesk.config import sqlite_path

        path = sqlite_path(self.target)
        if check and path is not None and path.is_file() and path.stat().st_size > CHECK_IN_BACKGROUND_BYTES:
            return self._check_then_open(path)
        try:
            _, result = migrations.open_and_migrate(self.target, check=check)
        except KnownError as error:
            self._refused(error)
            return False
        if result.backup is not None:
            log.info(
                "migrated %s from v%s to v%s; backup at %s",
                self.location,
                result.from_version,
                result.to_version,
                result.backup,
            )
        self.back_up_if_due()
        self.ask_who()
        return True

    def _refused(self, error: KnownError) -> None:
        """Say why the database cannot be used; closing the message closes the app."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        log.warning("cannot open database %s: %s", self.location, error.detail)
        window = cast(MainWindow, self.window)  # shown by start(), before the database is opened
        window.show_status(self.tr("The database could not be opened."))
        if error.code == "db_corrupt":  # damaged, cut short, not ours, empty: what to do about it
            from .dialogs.damaged import DamagedDatabaseDialog

            self.error_box = DamagedDatabaseDialog(error, self.location, self.window, self.target)
            self.error_box.setWindowModality(Qt.WindowModality.WindowModal)
            self.error_box.finished.connect(self.app.quit)
            self.error_box.restored.connect(self._restored)
            self.error_box.open()
            return
        self.error_box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Cannot open the database"),
            message_for(error),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        self.error_box.setObjectName("databaseErrorBox")
        self.error_box.setInformativeText(self.tr("Database: {0}").format(left_to_right(self.location)))
        if error.detail:
            self.error_box.setDetailedText(error.detail)
        self.error_box.finished.connect(self.app.quit)
        self.error_box.open()

    def _restored(self, aside: str) -> None:
        """The newest good backup is in place of the damaged file: open it and ask who is here."""
        box, self.error_box = cast("DamagedDatabaseDialog", self.error_box), None  # the one restoring
        box.finished.disconnect(self.app.quit)
        box.accept()
        log.info("restored the newest backup over the damaged %s; it is kept as %s", self.location, aside)
        cast(MainWindow, self.window).show_status(self.tr("The newest good backup was restored."))
        self.open_database()

    def _check_then_open(self, path) -> bool:
        from helpdesk import db

        from .tasks import run_task

        cast(MainWindow, self.window).show_status(self.tr("Checking the database…"))
        self.check_task = run_task(
            lambda _progress: db.quick_check(path),
            lambda _none: self.open_database(check=False),
            self._check_failed,
            self,
        )
        return True

    def _check_failed(self, error: BaseException) -> None:
        if not isinstance(error, KnownError):
            raise error  # a bug: the exception hook reports it
        self._refused(error)

    # --- automatic backups (helpdesk/backups.py): the day's first, and one on quit after changes -------
    def back_up_if_due(self):
        """The day's first backup of a SQLite database, off the UI thread while the person signs in.
        Silent unless it fails; then a calm line in the status bar (supervisors see Settings ▸ Backups)."""
        from helpdesk import backups
        from helpdesk.config import sqlite_path

        from .tasks import run_task

        if sqlite_path(self.target) is None:
            return None
        target = self.target
        self.backup_task = run_task(
            lambda _progress: backups.backup_if_due(target), lambda _made: None, self._backup_failed
        )
        return self.backup_task

    def _backup_failed(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            log.warning("the day's backup failed: %s", error.detail)
        else:
            log.error("the day's backup failed", exc_info=error)
        if self.window is not None:
            self.window.statusBar().showMessage(
                self.tr(
                    "Today's backup could not be made. The help desk works as usual; a supervisor can look at "
                    "Settings ▸ Backups."
                ),
                120_000,
            )

    def back_up_on_quit(self):
        """A backup of a SQLite database when anything changed since the newest one (the app is closing)."""
        from helpdesk import backups
        from helpdesk.db import database

        if database.obj is None:  # the database never opened
            return None
        try:
            return backups.backup_if_changed(self.target)
        except KnownError as error:
            log.warning("the backup on quit failed: %s", error.detail)
        except Exception:  # the app is closing: logged, never in the way of quitting
            log.exception("the backup on quit failed")
        return None

    def ask_who(self, username: str = "") -> None:
        from PySide6.QtCore import Qt

        from helpdesk import accounts

        from .dialogs.sign_in import FirstRunDialog, SignInDialog

        window = cast(MainWindow, self.window)  # shown by start(), before anyone is asked
        if accounts.has_accounts():
            self.dialog = SignInDialog(self.location, username, self.window)
            window.show_status(self.tr("Not signed in"))
        else:
            self.dialog = FirstRunDialog(self.location, self.window)
            window.show_status(self.tr("No accounts yet"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.signed_in.connect(self.signed_in)
        self.dialog.rejected.connect(self.app.quit)
        self.dialog.open()

    def signed_in(self, staff, page: int = 0, carried: list[str] | None = None) -> None:
        self.dialog = None
        window = cast(MainWindow, self.window)  # a sign-in happens in the window start() showed
        window.sign_in(staff, carried)
        from .lock import DeskLock

        if self.lock is None:
            self.lock = DeskLock(self.app)
        if self.lock.window is not window:
            self.lock.attach(window)  # again after a language switch rebuilt the window
        if carried is None:
            self.lock.signed_in()  # what this person left open when another signed in at the locked desk
        if page:
            window.show_page(page)

    def sign_out(self) -> None:
        if self.window is None or self.window.staff is None:
            return
        username = self.window.staff.username
        if self.lock is not None:
            self.lock.before_sign_out()  # signed out behind the lock: their open work is kept for them
        self.window.sign_out()
        self.ask_who(username)

    def change_language(self, language: str) -> None:
        """Apply ``language`` by rebuilding the main window, signed in, on the same page."""
        old = self.window
        if old is None or old.staff is None:
            return
        old.save_geometry()
        carried = old.put_away_windows()  # reopened in the new window, in the new language, unasked
        old.stop_phone()  # the new window connects to the phone system and listens for `ring` again
        i18n.apply_language(self.app, language)
        window = self.show_window()
        self.signed_in(old.staff, old.stack.currentIndex(), carried)
        window.carry_news(old)  # an escalation banner stays until it is dismissed
        window.carry_forms(old)  # and a customer form stays open, as typed
        window.carry_complaints(old)  # and so does a complaint, with the comment being typed
        old.hide()
        old.deleteLater()


def run(target: str, argv: list[str] | None = None) -> int:
    install_exception_hook()  # an error before the log file is ready opens it itself
    app = create_application(argv)
    controller = Controller(app, target)
    window = controller.start()
    # The log file is opened right after the first paint, before the database.
    window.first_painted.connect(setup_logging)
    code = app.exec()
    controller.back_up_on_quit()
    from helpdesk import db

    db.close()
    return code
