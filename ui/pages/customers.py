"""The Customers page: the directory with search as you type, and a customer's profile."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk import customers, phones
from helpdesk.errors import KnownError
from helpdesk.localization import digits, format_number, left_to_right
from helpdesk.models import STATUS_ACTIVE, STATUS_LOST, Staff

from .. import i18n
from ..dialogs.error_dialog import show_known_error
from ..messages import choice
from ..table_view import SET, table_view
from ..widgets import give_accessible_names, select_row
from .customer_profile import ProfileView
from .directory_model import DirectoryModel

if TYPE_CHECKING:
    from ..tasks import Task


def prefill_from_search(text: str) -> customers.Draft:
    """A new customer started from what was typed in the search box."""
    text = text.strip()
    if phones.digits_fragment(text):
        return customers.Draft(phones=[("mobile", text)])
    if "@" in text:
        return customers.Draft(emails=[text])
    given, _, family = text.partition(" ")
    return customers.Draft(given_name=given, family_name=family)


class CustomersPage(QWidget):
    customer_opened = Signal(int)
    call_requested = Signal(int)
    dial_requested = Signal(int)  # click to dial a customer (the profile's Dial)
    contact_requested = Signal(int)
    complaint_requested = Signal(int)
    complaint_opened = Signal(int)
    calm_requested = Signal(int)
    session_opened = Signal(int)
    report_requested = Signal(int)  # a customer's history report

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.forms: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        directory = QWidget()
        column = QVBoxLayout(directory)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setAccessibleName(self.tr("Search customers"))
        self.search.setPlaceholderText(self.tr("Search by name, phone, e-mail, organisation or notes (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("New customer (Ctrl+N)"))
        self.new_button.setObjectName("newCustomer")
        bar.addWidget(self.new_button)
        column.addLayout(bar)

        filters = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Active and lost"), None)
        for key in (STATUS_ACTIVE, STATUS_LOST):
            self.status_filter.addItem(choice("status", key), key)
        self.segment_filter = QComboBox()
        self.segment_filter.addItem(self.tr("All segments"), None)
        for key in customers.SEGMENTS:
            self.segment_filter.addItem(choice("segment", key), key)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tagFilter")
        self._fill_tags()
        for label, combo in (
            (self.tr("Status"), self.status_filter),
            (self.tr("Segment"), self.segment_filter),
            (self.tr("Tag"), self.tag_filter),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            combo.setAccessibleName(label)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("customerCount")
        filters.addWidget(self.count_label)
        column.addLayout(filters)

        self.model = DirectoryModel(self)
        self.model.counted.connect(self.show_count)
        self.table = table_view(
            self.model,
            "customerTable",
            self.tr("Customers"),
            columns=SET,
            widths={
                DirectoryModel.NAME: 200,
                DirectoryModel.ORGANISATION: 170,
                DirectoryModel.PHONE: 140,
                DirectoryModel.EMAIL: 210,
                DirectoryModel.STATUS: 80,
                DirectoryModel.SEGMENT: 160,
            },
        )
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.chosen_sort: tuple[str, bool] | None = None
        self.table.horizontalHeader().setSortIndicator(DirectoryModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().sectionClicked.connect(
            lambda column: self._header_clicked(column, self.table.horizontalHeader().sortIndicatorOrder())
        )
        self.table.doubleClicked.connect(lambda index: self.open_customer(index.data(DirectoryModel.IdRole)))
        column.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open (Enter)"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        for button in (self.open_button, self.import_button, self.export_button):
            actions.addWidget(button)
        for button in (self.import_button, self.export_button):  # bulk in and out: supervisors (csv_io)
            button.setVisible(actor.is_supervisor)
        actions.addStretch(1)
        column.addLayout(actions)
        self.stack.addWidget(directory)

        self.profile = ProfileView(actor)
        self.stack.addWidget(self.profile)
        self.profile.back_requested.connect(self.show_directory)
        self.profile.edit_requested.connect(self.edit_customer)
        self.profile.open_requested.connect(self.open_customer)
        self.profile.lost_requested.connect(self.mark_lost)
        self.profile.reactivate_requested.connect(self.reactivate)
        self.profile.merge_requested.connect(self.merge_into)
        self.profile.call_requested.connect(self.call_requested)
        self.profile.dial_requested.connect(self.dial_requested)
        self.profile.contact_requested.connect(self.contact_requested)
        self.profile.complaint_requested.connect(self.complaint_requested)
        self.profile.complaint_opened.connect(self.complaint_opened)
        self.profile.calm_requested.connect(self.calm_requested)
        self.profile.session_opened.connect(self.session_opened)
        self.profile.report_requested.connect(self.report_requested)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.open_selected)
        for combo in (self.status_filter, self.segment_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.new_button.clicked.connect(self.new_customer)
        self.open_button.clicked.connect(self.open_selected)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)

        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.New, self.new_customer),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        open_action = QAction(self)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.open_selected)
        self.table.addAction(open_action)
        back_action = QAction(self)
        back_action.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Back)])
        back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back_action.triggered.connect(self.show_directory)
        self.profile.addAction(back_action)

        self.apply_filters()
        give_accessible_names(self)

    # --- the directory -----------------------------------------------------------------
    def _fill_tags(self) -> None:
        current = self.tag_filter.currentData() if self.tag_filter.count() else None
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag in customers.all_tags():
            self.tag_filter.addItem(tag, tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    def current_query(self) -> customers.DirectoryQuery:
        """What the filters and the search box ask for. While a search is typed, the newest
        matches come first, unless a column header was clicked to order them."""
        text = self.search.text()
        sort, descending = self.chosen_sort or ("name", False)
        if text.strip() and self.chosen_sort is None:
            sort, descending = customers.SORT_MATCH, True
        return customers.DirectoryQuery(
            search=text,
            status=self.status_filter.currentData(),
            segment=self.segment_filter.currentData(),
            tag=self.tag_filter.currentData(),
            sort=sort,
            descending=descending,
        )

    def _header_clicked(self, column: int, order) -> None:
        key = DirectoryModel.SORT_KEYS.get(column)
        if key is not None:
            self.chosen_sort = (key, order == Qt.SortOrder.DescendingOrder)

    def apply_filters(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        self.model.set_query(query)
        # Matches come best first, in the service's order: no column claims to order them then.
        self.table.horizontalHeader().setSortIndicatorShown(query.sort != customers.SORT_MATCH)
        if self.model.is_counting():  # the exact number follows in a moment (show_count)
            self.count_label.setText(
                self.tr("Customers: more than {0}").format(
                    format_number(self.model.rowCount(), i18n.current_language())
                )
            )
        if self.model.rowCount():
            self.select_row(0)

    def show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("Customers: {0}").format(format_number(total, i18n.current_language())))

    def select_row(self, row: int) -> None:
        select_row(self.table, row)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(DirectoryModel.IdRole) if rows else None

    def focus_first(self) -> None:
        """Where typing goes when the page is chosen (Ctrl+2): the search box of the directory."""
        self.focus_search()

    def focus_search(self) -> None:
        self.show_directory()
        self.search.setFocus()
        self.search.selectAll()

    def show_directory(self) -> None:
        self.stack.setCurrentIndex(0)

    # --- following the other desks ----------------------------------------------------------------
    FOLLOWS = ("customer", "tag")
    DIRECTORY_TABLES = {"customer", "phone_number", "email_address", "customer_tag", "tag"}

    def follow(self, bus) -> None:
        self._stale: set[str] = set()
        self.bus = bus  # a customer's form says who else is editing them
        bus.subscribe(self.FOLLOWS, self.changed_elsewhere, owner=self)

    def changed_elsewhere(self, changes) -> None:
        """The directory is read again when a customer's own fields changed (not for every contact
        logged); the profile on the screen when anything of that customer did. While hidden, once shown."""
        if changes.tables() & self.DIRECTORY_TABLES:
            self._stale.add("directory")
        if self.profile.customer_id is not None and changes.touches("customer", self.profile.customer_id):
            self._stale.add("profile")
        if self.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        stale, self._stale = self._stale, set()
        if "directory" in stale:
            self._fill_tags()
            self.model.refresh()
        if "profile" in stale and self.stack.currentIndex() == 1 and self.profile.customer_id is not None:
            self._show_profile_again()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", None):
            self._catch_up()

    def refresh(self) -> None:
        self._fill_tags()
        self.model.refresh()
        self._show_profile_again()

    def _show_profile_again(self) -> None:
        if self.stack.currentIndex() == 1 and self.profile.customer_id is not None:
            from helpdesk.errors import NotFound

            try:
                self.profile.show_customer(self.profile.customer_id)
            except NotFound:  # removed on another desk meanwhile
                self.show_directory()

    # --- one customer ---------------------------------------------------------------------
    def open_selected(self) -> None:
        if self._search_timer.isActive():  # Enter came before the list caught up with the typing
            self.apply_filters()
        customer_id = self.selected_id()
        if customer_id is not None:
            self.open_customer(customer_id)

    def open_customer(self, customer_id: int) -> None:
        try:
            self.profile.show_customer(customer_id)
        except KnownError as error:
            show_known_error(self, error)
            return
        self.stack.setCurrentIndex(1)
        window = self.window()
        window.activateWindow()  # in front of a form that asked for this record
        if window.windowHandle() is not None:
            window.windowHandle().requestActivate()
        self.profile.setFocus()
        self.customer_opened.emit(customer_id)

    def _open_form(self, form) -> QWidget:
        if getattr(self, "bus", None) is not None and form.customer_id is not None:
            from ..changes import PresenceLabel

            old = getattr(form, "presence", None)
            if old is not None and shiboken6.isValid(old):  # adopted from the window a language switch replaced
                old.stop()
                old.deleteLater()
            presence = PresenceLabel(self.bus, "customer", form.customer_id, self.actor)
            form.layout().insertWidget(0, presence)  # "Mina is editing this customer", above the fields
            form.presence = presence
            form.finished.connect(lambda _=0, p=presence: p.stop() if shiboken6.isValid(p) else None)
        form.saved.connect(self._saved)
        form.open_requested.connect(self.open_customer)
        form.finished.connect(lambda _=0, f=form: self.forms.remove(f) if f in self.forms else None)
        self.forms.append(form)
        form.show()
        return form

    def adopt_form(self, form) -> QWidget:
        """A form from the window this page replaces (a language switch): kept open, as typed."""
        form.setParent(self, form.windowFlags())
        form.retranslate_title()
        return self._open_form(form)

    def new_customer(self) -> QWidget:
        from ..dialogs.customer_form import CustomerForm

        return self._open_form(CustomerForm(self.actor, prefill=prefill_from_search(self.search.text()), parent=self))

    def edit_customer(self, customer_id: int) -> QWidget:
        from ..dialogs.customer_form import CustomerForm

        return self._open_form(CustomerForm(self.actor, customer_id=customer_id, parent=self))

    def _saved(self, customer_id: int) -> None:
        self.refresh()
        self.open_customer(customer_id)

    def mark_lost(self, customer_id: int) -> QWidget:
        from ..dialogs.customer_actions import MarkLostDialog

        dialog = MarkLostDialog(self.actor, customer_id, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def reactivate(self, customer_id: int) -> None:
        try:
            customers.reactivate(self.actor, customer_id)
        except KnownError as error:
            show_known_error(self, error)
        self.refresh()

    def merge_into(self, customer_id: int) -> QWidget:
        from ..dialogs.customer_actions import MergeDialog

        dialog = MergeDialog(self.actor, customer_id, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    # --- files -------------------------------------------------------------------------------
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import customers"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if not path:
            return
        from ..dialogs.import_customers import ImportCustomersDialog

        dialog = ImportCustomersDialog(self.actor, path, self)
        dialog.finished.connect(lambda _=0: self.refresh())
        dialog.open()

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export customers"), "customers.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        from helpdesk import csv_io

        from ..tasks import run_task

        actor = self.actor
        self.export_button.setEnabled(False)
        self.count_label.setText(self.tr("Exporting…"))
        self._export_task: Task | None = run_task(
            lambda _progress: csv_io.export(actor, path),
            lambda written: self._exported(path, written),
            self._export_failed,
            parent=self,
        )

    def _exported(self, path: str, written: int) -> None:
        self._export_task = None
        self.export_button.setEnabled(True)
        self.count_label.setText(
            self.tr("Exported {0} customers to {1}").format(
                digits(written, i18n.current_language()), left_to_right(path)
            )
        )

    def _export_failed(self, error: BaseException) -> None:
        self._export_task = None
        self.export_button.setEnabled(True)
        self.count_label.setText("")
        if not isinstance(error, (KnownError, OSError)):
            raise error  # a bug: the app's exception hook reports it
        show_known_error(self, error if isinstance(error, KnownError) else KnownError(str(error)))
