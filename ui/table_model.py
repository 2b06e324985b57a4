"""The one base of the app's table models: a model declares its columns, and this says them to Qt.

A column is a header (``QT_TRANSLATE_NOOP`` in the model's class: ``tr()`` in that class puts it
into the reader's language when the view asks) and a function from a row to the words of its
cell, in the reader's language (Persian digits, names isolated: ``helpdesk.localization``).
A model holds its rows (``set_rows``), or a page of them at a time as the view scrolls down
(``PAGE`` and ``more``; ``ui.paged_model`` for tables too long to hold even that way).

Roles every table answers: the row's ``id`` (``IdRole``), the row itself (``RowRole``), a cell's
tip and alignment where its column says; a model colours whole rows in ``role_data``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from . import i18n

Cell = Callable[[Any, Any, str], str]  # (model, row, language) -> the words shown


@dataclass(frozen=True)
class Column:
    header: str  # QT_TRANSLATE_NOOP("TheModel", "…")
    text: Cell
    tip: Cell | bool | None = None  # True: the cell's own words (where a column cuts them)
    align: Qt.AlignmentFlag | None = None
    stretch: bool = False  # the column that takes the room the others leave (ui.table_view)


class TableModel(QAbstractTableModel):
    COLUMNS: tuple[Column, ...] = ()
    IdRole = ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's id
    RowRole = Qt.ItemDataRole.UserRole + 2  # the row itself
    PAGE = 0  # when more than 0: the rows are read this many at a time, as the view scrolls (``more``)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.total = 0  # every matching row, of which ``rows`` are read so far
        self._fetching = False

    # --- what a subclass may say ---------------------------------------------------------
    def prepare(self, rows: list) -> None:
        """Read, once per refresh, what the cells of these rows need (names of ids, a setting)."""

    def more(self, offset: int, limit: int) -> list:
        """The rows from ``offset`` on, at most ``limit`` (for a model with a ``PAGE``)."""
        raise NotImplementedError

    def role_data(self, row, column: int, role: int):
        """Any other role of a cell: the colours and font of a row that stands out."""
        return None

    # --- the rows ------------------------------------------------------------------------
    def set_rows(self, rows: list, total: int | None = None) -> None:
        """Show ``rows``: all of them, or the first of ``total`` (the rest come with ``fetchMore``)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.total = len(self.rows) if total is None else max(total, len(self.rows))
        self.prepare(self.rows)
        self.endResetModel()

    def row_at(self, index: int):
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def row_of(self, wanted_id) -> int | None:
        """The index of the row with this id among those read, if it is there."""
        for index, row in enumerate(self.rows):
            if getattr(row, "id", None) == wanted_id:
                return index
        return None

    def cell(self, index: int, row, column: int) -> str:
        return self.COLUMNS[column].text(self, row, i18n.current_language())

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return bool(self.PAGE) and not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        # Not again while the rows are going in: whoever hears of them may ask for more (a view,
        # a model tester), and would be given the same page twice.
        if self._fetching or not self.canFetchMore(parent):
            return
        found = self.more(len(self.rows), self.PAGE)
        if not found:  # fewer than counted: removed meanwhile
            self.total = len(self.rows)
            return
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(found) - 1)
            self.rows.extend(found)
            self.prepare(self.rows)
            self.endInsertRows()
        finally:
            self._fetching = False

    # --- the model interface -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.tr(self.COLUMNS[section].header)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), row, column)
        if role == self.IdRole:
            return getattr(row, "id", None)
        if role == self.RowRole:
            return row
        declared = self.COLUMNS[column]
        if role == Qt.ItemDataRole.ToolTipRole and declared.tip is not None:
            if declared.tip is True:
                return self.cell(index.row(), row, column)
            if callable(declared.tip):
                return declared.tip(self, row, i18n.current_language())
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and declared.align is not None:
            return int(declared.align)
        return self.role_data(row, column, role)
