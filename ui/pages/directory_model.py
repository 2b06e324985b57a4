"""The customer directory as a table model that never holds more than a window of rows.

``rowCount`` is the number of matching customers; rows are fetched a page at a
time when the view asks for them, and only the most recently used pages are kept,
so scrolling through 200,000 customers holds a few thousand rows at most.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from helpdesk import customers, phones, settings
from helpdesk.clock import to_local
from helpdesk.localization import digits, format_short_date, isolate, left_to_right

from .. import i18n
from ..messages import choice


class DirectoryModel(QAbstractTableModel):
    NAME, ORGANISATION, PHONE, EMAIL, STATUS, SEGMENT, CREATED = range(7)
    SORT_KEYS = {NAME: "name", STATUS: "status", SEGMENT: "segment", CREATED: "created"}
    IdRole = Qt.ItemDataRole.UserRole + 1
    PAGE = 100
    KEEP_PAGES = 30

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = customers.DirectoryQuery()
        self._count = 0
        # Each page holds its rows with their cells already put into words, so painting is cheap.
        self._pages: OrderedDict[int, list[tuple[customers.DirectoryRow, tuple[str, ...]]]] = OrderedDict()
        # The key of the last row of every page seen, kept after the page itself is dropped:
        # the next page is then found through the index, not by counting rows from the top.
        self._ends: dict[int, tuple] = {}
        self._region = "IR"

    # --- what is shown ----------------------------------------------------------
    @property
    def query(self) -> customers.DirectoryQuery:
        return self._query

    def set_query(self, query: customers.DirectoryQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._ends.clear()
        self._region = settings.phone_region()
        self._count = customers.count(query)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is not None:
            self.set_query(replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    def _cells(self, row: customers.DirectoryRow) -> tuple[str, ...]:
        lang = i18n.current_language()
        phone = left_to_right(digits(phones.display(row.phone, self._region), lang)) if row.phone else ""
        email = left_to_right(row.email) if row.email else ""
        return (isolate(row.name, lang), isolate(row.organisation, lang), phone, email, choice("status", row.status),
                choice("segment", row.segment), format_short_date(to_local(row.created_at), lang))

    def _entry(self, index: int):
        number = index // self.PAGE
        rows = self._pages.get(number)
        if rows is None:
            found = customers.page(self._query, number * self.PAGE, self.PAGE, after=self._ends.get(number - 1))
            rows = [(row, self._cells(row)) for row in found]
            self._pages[number] = rows
            if found:
                self._ends[number] = found[-1].key
            while len(self._pages) > self.KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = index - number * self.PAGE
        return rows[offset] if offset < len(rows) else None

    def row(self, index: int) -> customers.DirectoryRow | None:
        entry = self._entry(index)
        return entry[0] if entry else None

    def pages_held(self) -> int:
        return len(self._pages)

    # --- the model interface ---------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Organisation"), self.tr("Phone"), self.tr("E-mail"), self.tr("Status"),
                self.tr("Segment"), self.tr("Created"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, self.IdRole):
            return None
        entry = self._entry(index.row())
        if entry is None:
            return None
        return entry[0].id if role == self.IdRole else entry[1][index.column()]
