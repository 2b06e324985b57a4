"""The report centre: a supervisor picks one of the PDF reports, its period or its record,
and the language, then generates it off the UI thread and opens, prints or saves it.

The service (``helpdesk.reports.generate``) is the real guard: it refuses anyone who is
not a supervisor. This page only keeps the controls out of their way.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QRect, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from helpdesk import accounts, customers, reports, settings
from helpdesk.clock import today
from helpdesk.errors import KnownError, NotFound, ValidationError
from helpdesk.localization import digits, left_to_right
from helpdesk.models import Staff
from helpdesk.phones import display as display_phone

from .. import i18n, paths
from ..messages import message_for
from ..tasks import Task, run_task
from ..widgets import ErrorLabel, FormFields, date_edit


def reports_dir() -> Path:
    """Where generated reports are kept until the person saves them elsewhere."""
    folder = paths.cache_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_name(request: reports.Request) -> str:
    """A name that says what the report is: ``activity-2026-11-01-2026-11-30.pdf``."""
    if request.kind in reports.PERIOD_KINDS:
        first, last = cast(date, request.date_from), cast(date, request.date_to)  # a period report has both
        return f"{request.kind}-{first.isoformat()}-{last.isoformat()}.pdf"
    if request.kind == "customer":
        return f"customer-{request.customer_id}.pdf"
    if request.session_id is not None:
        return f"incident-session-{request.session_id}.pdf"
    return f"incident-complaint-{request.complaint_id}.pdf"


class _WrappedItems(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the list's width (QListView measures them too short)."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        view = cast(QListView, self.parent())  # the list this delegate draws
        width = view.viewport().width() - 2 * view.spacing() - 16  # the style's text margins, and some room
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        needed = option.fontMetrics.boundingRect(
            QRect(0, 0, max(50, width), 10_000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        return QSize(size.width(), max(size.height(), needed + 6))


class ReportsPage(QWidget):
    """Six reports, their options, and the finished file."""

    TITLES = cast(
        dict[str, str],
        {
            "activity": QT_TRANSLATE_NOOP("ReportsPage", "Activity summary"),
            "complaints": QT_TRANSLATE_NOOP("ReportsPage", "Complaints"),
            "satisfaction": QT_TRANSLATE_NOOP("ReportsPage", "Customer satisfaction"),
            "staff": QT_TRANSLATE_NOOP("ReportsPage", "Staff recognition"),
            "customer": QT_TRANSLATE_NOOP("ReportsPage", "Customer history"),
            "incident": QT_TRANSLATE_NOOP("ReportsPage", "Incident report"),
        },
    )
    DESCRIPTIONS = cast(
        dict[str, str],
        {
            "activity": QT_TRANSLATE_NOOP(
                "ReportsPage", "Contacts by channel and by day, call times, follow-ups done and overdue."
            ),
            "complaints": QT_TRANSLATE_NOOP(
                "ReportsPage",
                "Complaints by category, state and priority against targets; the overdue and escalated ones.",
            ),
            "satisfaction": QT_TRANSLATE_NOOP(
                "ReportsPage", "How satisfied customers were, month by month; lost customers by reason; segments."
            ),
            "staff": QT_TRANSLATE_NOOP(
                "ReportsPage", "What each person did in the period, for recognition and coaching."
            ),
            "customer": QT_TRANSLATE_NOOP(
                "ReportsPage", "One customer's whole history: contacts, complaints and calm-down sessions."
            ),
            "incident": QT_TRANSLATE_NOOP(
                "ReportsPage", "One calm-down session or one complaint, step by step, for the record."
            ),
        },
    )
    PRESETS = cast(
        dict[str, str],
        {
            "today": QT_TRANSLATE_NOOP("ReportsPage", "Today"),
            "this_week": QT_TRANSLATE_NOOP("ReportsPage", "This week"),
            "last_7_days": QT_TRANSLATE_NOOP("ReportsPage", "Last 7 days"),
            "this_month": QT_TRANSLATE_NOOP("ReportsPage", "This month"),
            "last_30_days": QT_TRANSLATE_NOOP("ReportsPage", "Last 30 days"),
            "last_month": QT_TRANSLATE_NOOP("ReportsPage", "Last month"),
            "this_quarter": QT_TRANSLATE_NOOP("ReportsPage", "This quarter"),
            "this_year": QT_TRANSLATE_NOOP("ReportsPage", "This year"),
            "last_year": QT_TRANSLATE_NOOP("ReportsPage", "Last year"),
            "custom": QT_TRANSLATE_NOOP("ReportsPage", "Custom"),
        },
    )

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.actor = actor
        self.task: Task | None = None
        self.output: Path | None = None  # the last finished report
        self.sheet: tuple[Path, Path] | None = None  # the spreadsheet being made: (made here, where it goes)
        self.last_request: reports.Request | None = None
        self._filling = False
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("Reports"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setObjectName("pageTitle")
        column.addWidget(heading)
        if not actor.is_supervisor:
            notice = QLabel(self.tr("Reports are for supervisors. Ask a supervisor for the report you need."))
            notice.setObjectName("reportsNotice")
            notice.setWordWrap(True)
            column.addWidget(notice)
            column.addStretch(1)
            return

        body = QHBoxLayout()
        column.addLayout(body, 1)
        left = QVBoxLayout()
        list_label = QLabel(self.tr("&Report"))
        self.kinds = QListWidget()
        self.kinds.setObjectName("reportKinds")
        self.kinds.setWordWrap(True)
        self.kinds.setResizeMode(QListView.ResizeMode.Adjust)  # rows measured again when the width changes
        self.kinds.setItemDelegate(_WrappedItems(self.kinds))
        self.kinds.setSpacing(3)
        self.kinds.setMinimumWidth(280)
        self.kinds.setMaximumWidth(380)
        list_label.setBuddy(self.kinds)
        for kind in reports.KINDS:
            item = QListWidgetItem(f"{self.tr(self.TITLES[kind])}\n{self.tr(self.DESCRIPTIONS[kind])}")
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(self.tr(self.DESCRIPTIONS[kind]))
            self.kinds.addItem(item)
        left.addWidget(list_label)
        left.addWidget(self.kinds, 1)
        body.addLayout(left)

        options = QWidget()
        options.setMaximumWidth(680)  # fields as wide as a date needs, not as wide as the screen
        right = QVBoxLayout(options)
        right.setContentsMargins(0, 0, 0, 0)
        body.addWidget(options, 1, Qt.AlignmentFlag.AlignTop)
        self.kind_title = QLabel()
        self.kind_title.setObjectName("reportTitle")
        bold = QFont(self.kind_title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.kind_title.setFont(bold)
        self.kind_text = QLabel()
        self.kind_text.setObjectName("reportDescription")
        self.kind_text.setWordWrap(True)
        right.addWidget(self.kind_title)
        right.addWidget(self.kind_text)
        form = QFormLayout()
        right.addLayout(form)
        self.fields = FormFields(form)
        self._build_fields()

        self.message = ErrorLabel()
        self.message.setObjectName("reportMessage")
        right.addWidget(self.message)
        run_row = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setToolTip(self.tr("Generate the report (Ctrl+G)"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.sheet_button = QPushButton(self.tr("Save the ta&bles as a spreadsheet…"))
        self.sheet_button.setObjectName("spreadsheetButton")
        self.sheet_button.setAccessibleName(self.tr("Save the tables as a spreadsheet"))
        self.sheet_button.setToolTip(
            self.tr("Make the report and save its tables for Excel or LibreOffice (.xlsx, or .csv)")
        )
        self.sheet_button.clicked.connect(self.save_spreadsheet)
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelReportButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        run_row.addWidget(self.generate_button)
        run_row.addWidget(self.sheet_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(0)
        right.addLayout(run_row)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        right.addWidget(self.status)
        done_row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("openReportButton")
        self.open_button.clicked.connect(self.open_report)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printReportButton")
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(self.tr("Save &as…"))
        self.save_button.setObjectName("saveReportButton")
        self.save_button.clicked.connect(self.save_as)
        for button in (self.open_button, self.print_button, self.save_button):
            button.hide()
            done_row.addWidget(button)
        done_row.addStretch(1)
        right.addLayout(done_row)
        body.addStretch(0)

        for key in ("Ctrl+G", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.generate)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)

        self.kinds.currentRowChanged.connect(self._kind_changed)
        self.kinds.setCurrentRow(0)
        self.setFocusProxy(self.kinds)

    # --- the options -------------------------------------------------------------
    def _build_fields(self) -> None:
        fields = self.fields
        self.preset = QComboBox()
        self.preset.setObjectName("reportPreset")
        for key in reports.PRESETS:
            self.preset.addItem(self.tr(self.PRESETS[key]), key)
        fields.add("preset", self.tr("Perio&d"), self.preset)
        start = today()
        self.date_from = date_edit("reportFrom", start)
        fields.add("date_from", self.tr("&From"), self.date_from)
        self.date_to = date_edit("reportTo", start)
        fields.add("date_to", self.tr("&To"), self.date_to)
        self.staff = QComboBox()
        self.staff.setObjectName("reportStaff")
        self.staff.addItem(self.tr("All staff"), None)
        for person in accounts.colleagues(self.actor):
            self.staff.addItem(person.full_name, person.id)
        fields.add("staff_id", self.tr("&Staff"), self.staff)

        customer_row = QWidget()
        customer_layout = QHBoxLayout(customer_row)
        customer_layout.setContentsMargins(0, 0, 0, 0)
        self.customer_search = QLineEdit()
        self.customer_search.setObjectName("reportCustomerSearch")
        self.customer_search.setPlaceholderText(self.tr("Name or phone number"))
        self.customer_search.setClearButtonEnabled(True)
        self.customer = QComboBox()
        self.customer.setObjectName("reportCustomer")
        self.customer_search.setAccessibleName(self.tr("Find the customer"))
        self.customer.setAccessibleName(self.tr("Customer found"))
        self.customer.setMinimumContentsLength(24)
        self.customer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        customer_layout.addWidget(self.customer_search, 1)
        customer_layout.addWidget(self.customer, 1)
        customer_row.setFocusProxy(self.customer_search)
        fields.add("customer_id", self.tr("C&ustomer"), customer_row)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._find_customers)
        self.customer_search.textChanged.connect(self._search_timer.start)
        self.customer_search.returnPressed.connect(self._find_customers)

        incident_row = QWidget()
        incident_layout = QHBoxLayout(incident_row)
        incident_layout.setContentsMargins(0, 0, 0, 0)
        self.incident_kind = QComboBox()
        self.incident_kind.setObjectName("incidentKind")
        self.incident_kind.addItem(self.tr("Calm-down session number"), "session")
        self.incident_kind.addItem(self.tr("Complaint number"), "complaint")
        self.incident_number = QSpinBox()
        self.incident_number.setObjectName("incidentNumber")
        self.incident_number.setRange(1, 2_000_000_000)
        self.incident_number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.incident_kind.setAccessibleName(self.tr("Kind of record"))
        self.incident_number.setAccessibleName(self.tr("Record number"))
        incident_layout.addWidget(self.incident_kind)
        incident_layout.addWidget(self.incident_number, 1)
        incident_row.setFocusProxy(self.incident_kind)
        fields.add("session_id", self.tr("Reco&rd"), incident_row)

        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        # Each language by its own name, as in Settings: a person finds their language whatever the interface speaks.
        self.language.addItem("English", "en")
        self.language.addItem("فارسی", "fa")
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        fields.add("lang", self.tr("&Language"), self.language)

        self.preset.currentIndexChanged.connect(self._fill_period)
        self.language.currentIndexChanged.connect(self._fill_period)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.preset.setCurrentIndex(self.preset.findData("this_month"))
        self._fill_period()

    def current_kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else reports.KINDS[0]

    def select_kind(self, kind: str) -> None:
        self.kinds.setCurrentRow(reports.KINDS.index(kind))

    def _kind_changed(self, _row: int) -> None:
        kind = self.current_kind()
        self.kind_title.setText(self.tr(self.TITLES[kind]))
        self.kind_text.setText(self.tr(self.DESCRIPTIONS[kind]))
        periodic = kind in reports.PERIOD_KINDS
        for editor in (self.preset, self.date_from, self.date_to, self.staff):
            self.fields.set_row_visible(editor, periodic)
        self.fields.set_row_visible(cast(QWidget, self.customer_search.parentWidget()), kind == "customer")
        self.fields.set_row_visible(cast(QWidget, self.incident_kind.parentWidget()), kind == "incident")
        self.fields.clear()
        self.message.clear_message()

    def _fill_period(self) -> None:
        """A preset puts its first and last day in the pickers; Custom leaves them as they are."""
        preset = self.preset.currentData()
        if preset == "custom":
            return
        first, last = reports.preset_period(preset, self.language.currentData(), today())
        self._filling = True
        try:
            self.date_from.setDate(QDate(first.year, first.month, first.day))
            self.date_to.setDate(QDate(last.year, last.month, last.day))
        finally:
            self._filling = False

    def _dates_edited(self) -> None:
        if not self._filling:  # a date chosen by hand is a custom period
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData("custom"))
            self.preset.blockSignals(False)

    def period(self) -> tuple[date, date]:
        # PySide6 types toPython() as object; a QDate gives a date
        return cast(date, self.date_from.date().toPython()), cast(date, self.date_to.date().toPython())

    def _find_customers(self) -> None:
        self._search_timer.stop()
        query = self.customer_search.text().strip()
        self.customer.clear()
        if not query:
            return
        for record in customers.find(query, limit=30):
            phone = (
                digits(display_phone(record.phones[0].number, settings.phone_region()), i18n.current_language())
                if record.phones
                else ""
            )
            name = record.customer.display_name
            text = f"{name} — {left_to_right(phone)}" if phone else name
            self.customer.addItem(text, record.customer.id)
        if self.customer.count() == 0:
            self.fields.errors["customer_id"].show_message(self.tr("No customer matches “{0}”.").format(query))
        else:
            self.fields.errors["customer_id"].clear_message()

    def set_customer(self, customer_id: int) -> None:
        """Choose ``customer_id`` in the customer chooser, as the profile's Report… does."""
        record = customers.get(customer_id)
        self.customer.clear()
        self.customer.addItem(record.customer.display_name, customer_id)
        self.customer.setCurrentIndex(0)

    def preselect(
        self, kind: str, customer_id: int | None = None, session_id: int | None = None, complaint_id: int | None = None
    ) -> None:
        """Open on ``kind`` with its record chosen (from a complaint, a profile or a session)."""
        self.select_kind(kind)
        if customer_id is not None:
            self.set_customer(customer_id)
        if session_id is not None or complaint_id is not None:
            which = "session" if session_id is not None else "complaint"
            self.incident_kind.setCurrentIndex(self.incident_kind.findData(which))
            self.incident_number.setValue(session_id if session_id is not None else cast(int, complaint_id))
        self.generate_button.setFocus()

    def current_request(self) -> reports.Request:
        kind = self.current_kind()
        request = reports.Request(kind=kind, lang=self.language.currentData())
        if kind in reports.PERIOD_KINDS:
            request.date_from, request.date_to = self.period()
            request.staff_id = self.staff.currentData()
        elif kind == "customer":
            request.customer_id = self.customer.currentData()
        elif self.incident_kind.currentData() == "session":
            request.session_id = self.incident_number.value()
        else:
            request.complaint_id = self.incident_number.value()
        return request

    # --- generating ----------------------------------------------------------------
    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running()

    def generate(self) -> None:
        self._start(None)

    def _start(self, sheet_to: Path | None) -> None:
        """Make the report; with ``sheet_to`` (a .xlsx or .csv file), its tables are saved there too
        once the report is whole (they are made in the reports folder and copied, so a cancelled or
        failed report leaves the file the person chose as it was)."""
        if self.is_running():
            return  # one report at a time
        self.fields.clear()
        self.message.clear_message()
        request = self.current_request()
        try:
            reports.check(request)
        except ValidationError as error:
            self._show_known(error, request)
            return
        out = reports_dir() / file_name(request)
        actor = self.actor
        self.sheet = None
        if sheet_to is not None:
            self.sheet = (out.with_suffix(sheet_to.suffix), sheet_to)
        data = self.sheet[0] if self.sheet else None

        def work(progress) -> Path:  # on the worker thread: no widgets here
            if data is None:
                reports.generate(actor, request, out, progress)
            else:
                reports.generate(actor, request, out, progress, data=data)
            return out

        self.last_request = request
        self._set_running(True)
        self.status.setText(self.tr("Preparing the report…"))
        self.task = run_task(work, self._finished, self._failed, parent=self, on_progress=self._progressed)

    def cancel(self) -> None:
        if self.is_running():
            cast(Task, self.task).cancel()  # is_running() says there is one
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.generate_button.setEnabled(not running)
        self.sheet_button.setEnabled(not running)
        self.kinds.setEnabled(not running)
        for holder in self.fields.editors.values():
            holder.setEnabled(not running)
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        if running:
            for button in (self.open_button, self.print_button, self.save_button):
                button.hide()
            self.cancel_button.setFocus()
        else:
            self.generate_button.setFocus()

    def _progressed(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))

    def _finished(self, out: Path) -> None:
        self._set_running(False)
        self.output = Path(out)
        self.status.setText(self.tr("The report is ready: {0}").format(left_to_right(self.output.name)))
        for button in (self.open_button, self.print_button, self.save_button):
            button.show()
        self.open_button.setFocus()
        if self.sheet is not None:
            made, target = self.sheet
            self.sheet = None
            if self._copy_out(
                made, target, self.tr("The tables could not be saved to {0}: {1}. Choose another folder.")
            ):
                self.status.setText(
                    self.tr("The tables are saved to {0}, and the report is ready.").format(left_to_right(str(target)))
                )
            made.unlink(missing_ok=True)

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        if self.sheet is not None:  # nothing half made is left, and the chosen file is untouched
            self.sheet[0].unlink(missing_ok=True)
            self.sheet = None
        request = self.last_request
        if isinstance(error, reports.Cancelled):
            self.status.setText(self.tr("Cancelled. No report was made."))
            return
        self.status.clear()
        if isinstance(error, KnownError):
            self._show_known(error, request)
            return
        if isinstance(error, OSError):  # the folder or the file (open in a viewer?) cannot be written
            self.message.show_message(
                self.tr(
                    "The report could not be written: {0}. Close it if it is open in another program, "
                    "and check there is space on the disk, then try again."
                ).format(error.strerror or error)
            )
            return
        from ..errors import handle_exception

        self.status.setText(self.tr("The report could not be made."))
        handle_exception(type(error), error, error.__traceback__)

    def _show_known(self, error: KnownError, request: reports.Request | None) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        if field in ("date_from", "date_to", "lang", "staff_id", "customer_id", "session_id"):
            if field == "customer_id" and error.code == "required":
                self.fields.show_error(field, self.tr("Find the customer by name or phone number, then choose them."))
            else:
                self.fields.show(error)
            return
        if isinstance(error, NotFound) and request is not None and request.kind == "incident":
            lang = i18n.current_language()
            if request.session_id is not None:
                text = self.tr("There is no calm-down session number {0}.").format(digits(request.session_id, lang))
            else:
                text = self.tr("There is no complaint number {0}.").format(digits(request.complaint_id, lang))
            self.fields.show_error("session_id", text)
            return
        if isinstance(error, NotFound) and request is not None and request.kind == "customer":
            self.fields.show_error("customer_id", message_for(error))
            return
        self.message.show_message(message_for(error))

    # --- the tables as a spreadsheet -------------------------------------------------------
    def save_spreadsheet(self) -> Path | None:
        """Ask where to save the report's tables (an Excel workbook, or a CSV file), then make the
        report as Generate does, with its tables saved there too. Returns the file chosen."""
        from PySide6.QtWidgets import QFileDialog

        if self.is_running():
            return None
        request = self.current_request()
        try:
            reports.check(request)
        except ValidationError as error:  # said next to the field before asking for a file
            self.fields.clear()
            self._show_known(error, request)
            return None
        workbook, text = self.tr("Excel workbooks (*.xlsx)"), self.tr("CSV files (*.csv)")
        suggested = Path.home() / Path(file_name(request)).with_suffix(".xlsx").name
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the tables as a spreadsheet"), str(suggested), f"{workbook};;{text}", workbook
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if chosen_filter == text else ".xlsx"))
        self._start(target)
        return target

    def _copy_out(self, made: Path, target: Path, failure: str) -> bool:
        """Copy ``made`` to ``target`` whole (written beside it, then renamed over it); on failure say
        ``failure`` (naming the file and the reason) next to the buttons."""
        import contextlib
        import os

        partial = target.with_name(f".{target.name}.partial")
        try:
            shutil.copyfile(made, partial)
            os.replace(partial, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            self.message.show_message(failure.format(left_to_right(str(target)), error.strerror or error))
            return False
        self.message.clear_message()
        return True

    # --- the finished report ---------------------------------------------------------
    def open_report(self) -> None:
        if self.output is None:
            return
        if not self.output.exists():
            self.message.show_message(self.tr("The report file is no longer there. Generate it again."))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output))):
            self.message.show_message(
                self.tr("No program to show PDF files was found. Use “Save as…” and open the file yourself.")
            )

    def save_as(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        if self.output is None:
            return None
        suggested = Path.home() / self.output.name
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            shutil.copyfile(self.output, target)
        except OSError as error:
            self.message.show_message(
                self.tr("The report could not be saved to {0}: {1}. Choose another folder.").format(
                    left_to_right(str(target)), error.strerror or error
                )
            )
            return None
        self.message.clear_message()
        self.status.setText(self.tr("Saved to {0}").format(left_to_right(str(target))))
        return target

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.output is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        pages = self._page_count()
        if pages:
            dialog.setMinMax(1, pages)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def _page_count(self) -> int:
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        try:
            document.load(str(self.output))
            return document.pageCount()
        finally:
            document.close()
            document.deleteLater()

    def print_to(self, printer) -> int:
        """Paint every page (or the chosen range) of the report onto ``printer``; returns pages printed."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        try:
            if document.load(str(self.output)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
                self.message.show_message(self.tr("The report file cannot be read. Generate it again."))
                return 0
            count = document.pageCount()
            first = max(1, printer.fromPage() or 1)
            last = min(count, printer.toPage() or count)
            painter = QPainter()
            if not painter.begin(printer):
                self.message.show_message(self.tr("The printer cannot be used. Check that it is on and ready."))
                return 0
            printed = 0
            try:
                dpi = min(printer.resolution(), 300)  # enough for print; a 1200 dpi A4 image is half a gigabyte
                for number in range(first, last + 1):
                    if printed:
                        printer.newPage()
                    area = painter.viewport()
                    points = document.pagePointSize(number - 1)
                    image = document.render(
                        number - 1, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                    )
                    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    x = area.x() + (area.width() - size.width()) // 2
                    y = area.y() + (area.height() - size.height()) // 2
                    painter.drawImage(QRect(x, y, size.width(), size.height()), image)  # the printer scales
                    printed += 1
            finally:
                painter.end()
            self.status.setText(
                self.tr("Sent {0} pages to the printer.").format(digits(printed, i18n.current_language()))
            )
            return printed
        finally:
            document.close()
            document.deleteLater()
