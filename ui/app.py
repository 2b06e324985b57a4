"""Starting the app: the Qt application, the database, first run or sign-in, the main window."""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from helpdesk import accounts, db as dbmod, migrations
from helpdesk.errors import KnownError
from helpdesk.localization import left_to_right

from . import i18n
from .dialogs.sign_in import FirstRunDialog, SignInDialog
from .errors import install_exception_hook, setup_logging
from .mainwindow import MainWindow
from .messages import message_for

log = logging.getLogger(__name__)

ORGANISATION = "helpdesk"
APPLICATION = "helpdesk"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Help desk")
    app.setStyle("Fusion")  # one look on every platform; its palette follows the system's light or dark scheme
    i18n.load_fonts()
    i18n.apply_language(app, i18n.saved_language())
    return app


class Controller(QObject):
    """Walks the person from the database to the main window, and back on sign-out."""

    def __init__(self, app: QApplication, target: str):
        super().__init__()
        self.app = app
        self.target = target
        self.location = dbmod.describe(target)
        self.window: MainWindow | None = None
        self.dialog = None
        self.error_box: QMessageBox | None = None

    def start(self) -> bool:
        """Open and migrate the database, then ask who is here. False when the database is unusable."""
        try:
            _, result = migrations.open_and_migrate(self.target)
        except KnownError as error:
            log.warning("cannot open database %s: %s", self.location, error.detail)
            self.error_box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Cannot open the database"),
                                         message_for(error), QMessageBox.StandardButton.Close)
            self.error_box.setObjectName("databaseErrorBox")
            self.error_box.setInformativeText(self.tr("Database: {0}").format(left_to_right(self.location)))
            if error.detail:
                self.error_box.setDetailedText(error.detail)
            return False
        if result.backup is not None:
            log.info("migrated %s from v%s to v%s; backup at %s", self.location, result.from_version,
                     result.to_version, result.backup)
        self.ask_who()
        return True

    def ask_who(self, username: str = "") -> None:
        if accounts.has_accounts():
            self.dialog = SignInDialog(self.location, username)
        else:
            self.dialog = FirstRunDialog(self.location)
        self.dialog.signed_in.connect(self.open_main_window)
        self.dialog.rejected.connect(self._dialog_cancelled)
        self.dialog.show()

    def _dialog_cancelled(self) -> None:
        if self.window is None:
            self.app.quit()

    def open_main_window(self, staff, page: int = 0) -> MainWindow:
        self.window = MainWindow(staff, self.location)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.language_changed.connect(self.change_language)
        self.window.show_page(page)
        self.window.show()
        return self.window

    def sign_out(self) -> None:
        if self.window is None:
            return
        username = self.window.staff.username
        self.window.close()
        self.window.deleteLater()
        self.window = None
        self.ask_who(username)

    def change_language(self, language: str) -> None:
        """Apply ``language`` by rebuilding the main window on the same page."""
        if self.window is None:
            return
        old = self.window
        old.save_geometry()
        i18n.apply_language(self.app, language)
        self.open_main_window(old.staff, old.stack.currentIndex())
        old.hide()
        old.deleteLater()


def run(target: str, argv: list[str] | None = None) -> int:
    setup_logging()
    install_exception_hook()
    app = create_application(argv)
    app.setQuitOnLastWindowClosed(True)
    controller = Controller(app, target)
    if not controller.start():
        controller.error_box.exec()
        return 1
    code = app.exec()
    dbmod.close()
    return code
