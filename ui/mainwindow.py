"""The main window: navigation between the pages, menus, shortcuts and the status bar."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

import helpdesk
from helpdesk.localization import digits, left_to_right
from helpdesk.models import Staff

from . import i18n, paths
from .dialogs.accounts import role_name
from .pages.placeholder import ComingSoonPage
from .pages.settings import SettingsPage

GEOMETRY_KEY = "mainwindow/geometry"
STATE_KEY = "mainwindow/state"

DASHBOARD, CUSTOMERS, CALLS, COMPLAINTS, REPORTS, SETTINGS = range(6)


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, staff: Staff, location: str, parent=None):
        super().__init__(parent)
        self.staff = staff
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

        self.settings_page = SettingsPage(staff)
        self.settings_page.language_changed.connect(self.language_changed)
        style = self.style()
        pages = [
            (self.tr("Dashboard"), QStyle.StandardPixmap.SP_ComputerIcon, ComingSoonPage(
                self.tr("Good day, {0}").format(staff.full_name),
                self.tr("The dashboard will show today's contacts, open complaints and due follow-ups "
                        "here once those features arrive."))),
            (self.tr("Customers"), QStyle.StandardPixmap.SP_DirHomeIcon, ComingSoonPage(
                self.tr("Customers"), self.tr("The customer directory and contact forms are coming next."))),
            (self.tr("Calls"), QStyle.StandardPixmap.SP_MessageBoxInformation, ComingSoonPage(
                self.tr("Calls"), self.tr("Phone-call notes, walk-in visits and follow-ups are coming soon."))),
            (self.tr("Complaints"), QStyle.StandardPixmap.SP_MessageBoxWarning, ComingSoonPage(
                self.tr("Complaints"), self.tr("Complaints with escalation to supervisors are coming soon."))),
            (self.tr("Reports"), QStyle.StandardPixmap.SP_FileDialogDetailedView, ComingSoonPage(
                self.tr("Reports"), self.tr("PDF reports for supervisors are coming soon."))),
            (self.tr("Settings"), QStyle.StandardPixmap.SP_FileDialogListView, self.settings_page),
        ]
        for title, icon, page in pages:
            QListWidgetItem(style.standardIcon(icon), title, self.nav)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        self._create_actions()
        self._create_status_bar()
        self._restore()

    # --- actions and menus: everything important has a shortcut --------------
    def _create_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = bar.addMenu(self.tr("&Go"))
        self.page_actions: list[QAction] = []
        for index in range(self.nav.count()):
            action = QAction(self.nav.item(index).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_page(i))
            go_menu.addAction(action)
            self.page_actions.append(action)
        self.addActions(self.page_actions)

        help_menu = bar.addMenu(self.tr("&Help"))
        logs_action = QAction(self.tr("Open the &log folder"), self)
        logs_action.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir()))))
        help_menu.addAction(logs_action)
        about_action = QAction(self.tr("&About the help desk"), self)
        about_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def _create_status_bar(self) -> None:
        self.user_label = QLabel(self.tr("Signed in as {0} ({1})").format(self.staff.full_name, role_name(self.staff.role)))
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(self.tr("Database: {0}").format(left_to_right(self.location)))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        self.stack.currentWidget().setFocus()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About the help desk"),
                          self.tr("Help desk {0}\nFor front-desk staff and their supervisors.").format(digits(helpdesk.__version__, i18n.current_language())))

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
        self.nav.setCurrentRow(DASHBOARD)

    def save_geometry(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())

    def closeEvent(self, event) -> None:
        self.save_geometry()
        super().closeEvent(event)
