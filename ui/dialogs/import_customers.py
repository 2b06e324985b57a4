"""Import customers from a CSV file: choose what each column holds, see which rows have
problems, import the good ones. The reading and importing are ``helpdesk.csv_io``'s."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from helpdesk import csv_io
from helpdesk.errors import KnownError
from helpdesk.localization import digits, isolate
from helpdesk.models import Staff

from ..i18n import current_language
from ..messages import message_for
from ..widgets import ErrorLabel, RememberingDialog, error_colour

if TYPE_CHECKING:
    from ..tasks import Task

CONTEXT = "ImportCustomersDialog"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _n(value: object) -> str:
    return digits(value, current_language())


def _ltr(text: str) -> str:
    """A path or file text kept left to right inside Persian sentences."""
    return f"\u2066{text}\u2069"


FIELD_LABELS = {
    "kind": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Kind (person or organisation)"),
    "given_name": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Given name"),
    "family_name": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Family name"),
    "organization": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Organisation"),
    "phone": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Phone"),
    "phone2": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Second phone"),
    "email": QT_TRANSLATE_NOOP("ImportCustomersDialog", "E-mail"),
    "language": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Preferred language"),
    "address": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Address"),
    "referral_source": QT_TRANSLATE_NOOP("ImportCustomersDialog", "How they found us"),
    "tags": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Tags"),
    "notes": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Notes"),
}

# The same codes as ``csv_io.REASONS``, as translated sentences.
PROBLEMS = {
    "required": QT_TRANSLATE_NOOP("ImportCustomersDialog", "This is required."),
    "name_required": QT_TRANSLATE_NOOP("ImportCustomersDialog", "A person needs a given name or a family name."),
    "too_long": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Longer than {limit} characters."),
    "too_many": QT_TRANSLATE_NOOP("ImportCustomersDialog", "More than {limit} values."),
    "phone_characters": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog", "Not a valid phone number: use digits, spaces, dashes and a leading +."
    ),
    "phone_invalid": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Not a valid phone number."),
    "phone_repeated": QT_TRANSLATE_NOOP("ImportCustomersDialog", "The same phone number is given twice."),
    "email_invalid": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Not a valid e-mail address."),
    "email_repeated": QT_TRANSLATE_NOOP("ImportCustomersDialog", "The same e-mail address is given twice."),
    "invalid_choice": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Use one of: {choices}."),
    "extra_cells": QT_TRANSLATE_NOOP("ImportCustomersDialog", "The row has more values than the header has columns."),
}

# Problems with the whole file, by ``CsvError`` code.
FILE_PROBLEMS = {
    "csv_unreadable": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog", "The file cannot be read. Check that it still exists and that you may open it."
    ),
    "csv_not_utf8": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog", 'The file is not in UTF-8. In Excel, save it as "CSV UTF-8" and choose it again.'
    ),
    "csv_empty": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog", "The file is empty: its first line should name the columns."
    ),
    "csv_no_name_column": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog",
        "No column holds a name. Choose which column is the given name, the family name or the organisation.",
    ),
    "csv_column_twice": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog", 'Two columns are set to "{field}". Set one of them to "Ignore".'
    ),
    "csv_unwritable": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog",
        "The rejected rows cannot be written to {path}, so nothing was imported. Make sure you may write in that folder, then try again.",
    ),
}


def problem_text(problem: csv_io.Problem) -> str:
    """One problem of a row, translated: the column, the value when it helps, and what is wrong."""
    text = _t(cast(str, PROBLEMS[problem.code])) if problem.code in PROBLEMS else problem.code
    params = {k: _n(v) for k, v in problem.params.items()}
    try:
        text = text.format(**params)
    except (KeyError, IndexError):
        pass
    where = problem.column
    if problem.value:
        where = f'{where} "{problem.value}"' if where else f'"{problem.value}"'
    # The file's words keep their own direction inside the sentence (a Latin column in Persian).
    return f"{isolate(where, current_language())}: {text}" if where else text


def file_problem_text(error: KnownError) -> str:
    if error.code not in FILE_PROBLEMS:
        return message_for(error)
    text = _t(cast(str, FILE_PROBLEMS[error.code]))
    params = dict(error.params)
    if "field" in params:
        params["field"] = _t(cast(str, FIELD_LABELS.get(params["field"], params["field"])))
    if "path" in params:
        params["path"] = _ltr(params["path"])
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


class PreviewModel(QAbstractTableModel):
    """The first rows of the file as read: its line, its cells, and its problems (last column)."""

    LINE = 0
    ProblemsRole = Qt.ItemDataRole.UserRole + 1  # the row's list of ``csv_io.Problem``

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._rows: list[csv_io.PreviewRow] = []
        self._error_brush = QBrush()
        self._error_text = QBrush()

    def set_preview(self, preview: csv_io.Preview | None, widget: QWidget) -> None:
        self.beginResetModel()
        self._columns = list(preview.columns) if preview else []
        self._rows = list(preview.rows) if preview else []
        error = QColor(error_colour(widget))
        tint = QColor(error)
        tint.setAlpha(40)
        self._error_brush, self._error_text = QBrush(tint), QBrush(error)
        self.endResetModel()

    @property
    def problems_column(self) -> int:
        return len(self._columns) + 1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or not self._columns else len(self._columns) + 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == self.LINE:
            return self.tr("Line")
        if section == self.problems_column:
            return self.tr("Problems")
        return self._columns[section - 1]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == self.ProblemsRole:
            return row.problems
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if row.ok else self._error_brush
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._error_text if column == self.problems_column and not row.ok else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.LINE:
            return _n(row.line)
        if column == self.problems_column:
            return "\n".join(problem_text(p) for p in row.problems)
        cell = row.cells[column - 1] if column - 1 < len(row.cells) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            cell = cell.replace("\r\n", "\n").replace("\n", " ↵ ")
        # Each cell keeps its own direction: "+44 7911 …" must not be reordered in a Persian table.
        return f"\u2068{cell}\u2069" if cell else cell


class ImportCustomersDialog(RememberingDialog):
    """Shows how the file's columns map and a preview; imports the good rows in one go."""

    imported = Signal(int)  # how many customers were added, so a list can refresh

    def __init__(self, actor: Staff, path: str | Path, parent=None):
        super().__init__(parent)
        self.setObjectName("importCustomersDialog")
        self.actor = actor
        self.path = Path(path)
        self.preview: csv_io.Preview | None = None
        self.outcome: csv_io.ImportResult | None = None  # after the import
        self.setWindowTitle(self.tr("Import customers"))
        self.setMinimumSize(720, 520)
        layout = QVBoxLayout(self)

        self.file_label = QLabel(self.tr("File: {0}").format(_ltr(str(self.path))))
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)

        group = QGroupBox(self.tr("What each column holds"))
        self.mapping_form = QFormLayout()
        holder = QWidget()
        holder.setLayout(self.mapping_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        scroll.setMaximumHeight(180)
        column = QVBoxLayout(group)
        column.addWidget(scroll)
        layout.addWidget(group)
        self.combos: list[QComboBox] = []

        self.counts = QLabel()
        self.counts.setObjectName("counts")
        layout.addWidget(self.counts)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("preview")
        self.table.setAccessibleName(self.tr("Preview of the rows"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)

        self.message = ErrorLabel()
        self.message.setObjectName("message")
        layout.addWidget(self.message)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        layout.addWidget(self.result_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._loads = 0  # the readings of the file asked for; only the latest one is shown
        self._task: Task | None = None
        self._load(None)
        from PySide6.QtGui import QKeySequence, QShortcut

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)  # Ctrl+S imports, as forms save
        shortcut.activated.connect(lambda: self.run_import() if self.import_button.isEnabled() else None)
        self.import_button.setToolTip(self.tr("Import the good rows (Ctrl+S)"))
        self.close_button.setFocus()  # until the file has been read: then what the first column holds

    # --- the mapping and the preview ------------------------------------------------

    def mapping(self) -> list[str | None]:
        return [combo.currentData() for combo in self.combos]

    def _build_combos(self, preview: csv_io.Preview) -> None:
        for index, (name, field) in enumerate(zip(preview.columns, preview.mapping)):
            combo = QComboBox()
            combo.setObjectName(f"column{index}")
            combo.addItem(self.tr("Ignore"), None)
            for key in csv_io.FIELDS:
                combo.addItem(_t(cast(str, FIELD_LABELS[key])), key)
            combo.setCurrentIndex(max(combo.findData(field), 0) if field else 0)
            combo.currentIndexChanged.connect(lambda _=0: self._load(self.mapping()))
            self.mapping_form.addRow(name or self.tr("(no name)"), combo)
            self.combos.append(combo)

    def _load(self, mapping: list[str | None] | None) -> None:
        """Read the file's first rows off the UI thread; the latest reading wins."""
        from ..tasks import run_task

        self.message.clear_message()
        self.import_button.setEnabled(False)
        self.counts.setText(self.tr("Reading the file…"))
        self._loads += 1
        load, path = self._loads, self.path
        self._task = run_task(
            lambda _progress: csv_io.read_preview(path, mapping),
            lambda preview: self._loaded(load, cast(csv_io.Preview, preview)),  # read_preview's
            lambda error: self._not_loaded(load, error),
            parent=self,
        )

    def _not_loaded(self, load: int, error: BaseException) -> None:
        if load != self._loads:
            return
        self._task = None
        if not isinstance(error, KnownError):
            raise error  # a bug: the app's exception hook reports it
        self.preview = None
        self.model.set_preview(None, self)
        self.counts.setText("")
        self.message.show_message(file_problem_text(error))
        if not self.combos:
            self.close_button.setFocus()

    def _loaded(self, load: int, preview: csv_io.Preview) -> None:
        if load != self._loads:  # the person chose another mapping meanwhile
            return
        self._task = None
        if not self.combos:
            self._build_combos(preview)
            # The first thing to check is what the first column holds; with no columns, the way out. Once
            # the new boxes are shown (the layout shows them from the event loop).
            first = self.combos[0] if self.combos else self.close_button
            QTimer.singleShot(0, first, first.setFocus)
        self.preview = preview
        self.model.set_preview(preview, self)
        self.table.resizeColumnsToContents()
        self.counts.setText(
            self.tr("{0} rows will be imported, {1} have problems.").format(_n(preview.good), _n(preview.problems))
        )
        try:
            csv_io.check_mapping(preview.mapping)
        except KnownError as error:
            self.message.show_message(file_problem_text(error))
            self.import_button.setEnabled(False)
            return
        self.import_button.setEnabled(preview.good > 0 and self.outcome is None)

    def is_busy(self) -> bool:
        """Reading the file or importing it (on the thread pool)."""
        return self._task is not None

    # --- importing ------------------------------------------------------------------

    def run_import(self) -> None:
        """Import the good rows off the UI thread; the dialog shows it is busy until they are in."""
        from ..tasks import run_task

        if self.preview is None or self.outcome is not None or self.is_busy():
            return
        self.message.clear_message()
        self.import_button.setEnabled(False)
        for combo in self.combos:
            combo.setEnabled(False)
        self.counts.setText(self.tr("Importing…"))
        self.setCursor(Qt.CursorShape.BusyCursor)  # this dialog's own: nothing to undo if it goes away
        actor, path, mapping = self.actor, self.path, self.mapping()
        self._task = run_task(
            lambda _progress: csv_io.import_rows(actor, path, mapping),
            cast(Callable[[object], None], self._imported),  # import_rows gives an ImportResult
            self._not_imported,
            parent=self,
        )

    def _not_imported(self, error: BaseException) -> None:
        self._task = None
        self.unsetCursor()
        for combo in self.combos:
            combo.setEnabled(True)
        self.import_button.setEnabled(True)
        if self.preview is not None:
            self.counts.setText(
                self.tr("{0} rows will be imported, {1} have problems.").format(
                    _n(self.preview.good), _n(self.preview.problems)
                )
            )
        if not isinstance(error, KnownError):
            raise error  # a bug: the app's exception hook reports it
        self.message.show_message(file_problem_text(error))

    def _imported(self, result: csv_io.ImportResult) -> None:
        self._task = None
        self.unsetCursor()
        preview = cast(csv_io.Preview, self.preview)  # run_import starts only with a preview
        self.counts.setText(
            self.tr("{0} rows will be imported, {1} have problems.").format(_n(preview.good), _n(preview.problems))
        )
        self.outcome = result
        text = self.tr("{0} customers were imported.").format(_n(result.imported))
        if result.rejected_path is not None:
            text += "\n" + self.tr("{0} rows were not imported. They are listed, each with its reason, in {1}").format(
                _n(result.rejected), _ltr(str(result.rejected_path))
            )
        self.result_label.setText(text)
        self.result_label.show()
        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setFocus()
        self.imported.emit(result.imported)
