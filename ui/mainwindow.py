"""The main window: navigation between the pages, menus, shortcuts and the status bar.

The window appears at once, before the database is opened; the sign-in dialog
then sits on top of it. Pages are built for the signed-in person on first visit
and thrown away when they sign out.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

import helpdesk
from helpdesk.localization import digits, left_to_right

from . import i18n, paths
from .messages import role_name

if TYPE_CHECKING:
    from helpdesk.models import Staff

GEOMETRY_KEY = "mainwindow/geometry"
STATE_KEY = "mainwindow/state"

DASHBOARD, CUSTOMERS, CALLS, COMPLAINTS, REPORTS, SETTINGS = range(6)


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    language_changed = Signal(str)
    first_painted = Signal()

    def __init__(self, location: str, parent=None):
        super().__init__(parent)
        self._painted = False
        self._finished = False
        self.staff: Staff | None = None
        self.location = location
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Help desk"))
        self.setMinimumSize(720, 480)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(200)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._factories = [
            (self.tr("Dashboard"), lambda: self._coming(
                self.tr("Good day, {0}").format(self.staff.full_name),
                self.tr("The dashboard will show today's contacts, open complaints and due follow-ups "
                        "here once those features arrive."))),
            (self.tr("Customers"), self._build_customers_page),
            (self.tr("Calls"), lambda: self._coming(
                self.tr("Calls"), self.tr("Phone-call notes, walk-in visits and follow-ups are coming soon."))),
            (self.tr("Complaints"), lambda: self._coming(
                self.tr("Complaints"), self.tr("Complaints with escalation to supervisors are coming soon."))),
            (self.tr("Reports"), lambda: self._coming(
                self.tr("Reports"), self.tr("PDF reports for supervisors are coming soon."))),
            (self.tr("Settings"), self._build_settings_page),
        ]
        self._pages: list[QWidget | None] = [None] * len(self._factories)
        for title, _factory in self._factories:
            QListWidgetItem(title, self.nav)
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_row)

        self._create_actions()
        self._restore()
        self._set_signed_in(False)

    # --- who is signed in ----------------------------------------------------
    def sign_in(self, staff: Staff) -> None:
        self.finish_setting_up()
        self.staff = staff
        self.user_label.setText(self.tr("Signed in as {0} ({1})").format(staff.full_name, role_name(staff.role)))
        self._set_signed_in(True)
        self.show_page(DASHBOARD)

    def sign_out(self) -> None:
        """Forget the person and every page built for them."""
        self.staff = None
        for index, page in enumerate(self._pages):
            if page is not None:
                placeholder = QWidget()
                self.stack.insertWidget(index, placeholder)
                self.stack.removeWidget(page)
                page.deleteLater()
                self._pages[index] = None
        self.show_status(self.tr("Not signed in"))
        self._set_signed_in(False)

    def show_status(self, text: str) -> None:
        self.finish_setting_up()
        self.user_label.setText(text)

    def _set_signed_in(self, signed_in: bool) -> None:
        self.nav.setEnabled(signed_in)
        self.stack.setEnabled(signed_in)
        self.sign_out_action.setEnabled(signed_in)
        for action in self.page_actions:
            action.setEnabled(signed_in)

    # --- pages -----------------------------------------------------------------
    @staticmethod
    def _coming(title: str, text: str) -> QWidget:
        from .pages.placeholder import ComingSoonPage

        return ComingSoonPage(title, text)

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built on first use."""
        if self._pages[index] is None:
            page = self._factories[index][1]()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[index] = page
        return self._pages[index]

    @property
    def settings_page(self):
        return self.page(SETTINGS)

    def _build_settings_page(self) -> QWidget:
        from .pages.settings import SettingsPage  # imported on first visit, not at start-up

        page = SettingsPage(self.staff)
        page.language_changed.connect(self.language_changed)
        return page

    @property
    def customers_page(self):
        return self.page(CUSTOMERS)

    def _build_customers_page(self) -> QWidget:
        from .pages.customers import CustomersPage

        return CustomersPage(self.staff)

    def _show_row(self, index: int) -> None:
        if index >= 0 and self.staff is not None:
            self.stack.setCurrentWidget(self.page(index))

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        self._show_row(index)
        self.stack.currentWidget().setFocus()

    # --- actions and menus: everything important has a shortcut --------------
    def _create_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self._shortcuts: list[tuple[QAction, object]] = [(self.sign_out_action, "Ctrl+Shift+L")]
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        self._shortcuts.append((quit_action, "Quit"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = bar.addMenu(self.tr("&Go"))
        self.page_actions: list[QAction] = []
        for index in range(self.nav.count()):
            action = QAction(self.nav.item(index).text(), self)
            self._shortcuts.append((action, f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_page(i))
            go_menu.addAction(action)
            self.page_actions.append(action)
        self.addActions(self.page_actions)

        help_menu = bar.addMenu(self.tr("&Help"))
        logs_action = QAction(self.tr("Open the &log folder"), self)
        logs_action.triggered.connect(self.open_log_folder)
        help_menu.addAction(logs_action)
        about_action = QAction(self.tr("&About the help desk"), self)
        self._shortcuts.append((about_action, "HelpContents"))
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def finish_setting_up(self) -> None:
        """The parts of the window that can wait until it is on the screen: the keys of the
        actions (the first key sequence builds all of Qt's key enums) and the status bar
        (a QStatusBar takes several ms to build). Runs right after the first paint, or
        earlier when something needs them; only once."""
        if self._finished:
            return
        self._finished = True
        from PySide6.QtGui import QKeySequence

        for action, key in self._shortcuts:
            standard = getattr(QKeySequence.StandardKey, key, None) if key.isalpha() else None
            action.setShortcut(QKeySequence(standard) if standard is not None else QKeySequence(key))
        self._shortcuts.clear()
        self._create_status_bar()

    def _create_status_bar(self) -> None:
        self.user_label = QLabel(self.tr("Opening the database…"))
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(self.tr("Database: {0}").format(left_to_right(self.location)))
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About the help desk"),
                          self.tr("Help desk {0}\nFor front-desk staff and their supervisors.").format(
                              digits(helpdesk.__version__, i18n.current_language())))

    # --- remembered geometry -------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_geometry(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint reaches the screen, not during it.
            QTimer.singleShot(0, self.finish_setting_up)
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event) -> None:
        self.save_geometry()
        super().closeEvent(event)
