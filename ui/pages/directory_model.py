"""The customer directory as a table model that never holds more than a window of rows.

``rowCount`` is the number of matching customers; rows are fetched a page at a
time when the view asks for them, and only the most recently used pages are kept,
so scrolling through 200,000 customers holds a few thousand rows at most.

A new query shows its first page at once, and is counted afterwards off the UI
thread when there are more (counting the 70,000 customers a first letter matches
takes longer than finding the best hundred): ``counted`` then brings the number,
and the rows below the first page come into being.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

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
    counted = Signal(int)  # the number of customers the query matches, once it is known

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
        self._counting = None  # the task counting the matches beyond the first page

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
        if self._counting is not None:
            self._counting.cancel()
            self._counting = None
        first = customers.page(query, 0, self.PAGE + 1)  # one more than a page: are there more?
        self._keep(0, first[:self.PAGE])
        self._count = len(self._pages[0])
        self.endResetModel()
        if len(first) > self.PAGE:
            from ..tasks import run_task

            self._counting = run_task(lambda _progress: customers.count(query),
                                      lambda total: self._counted(query, total), self._count_failed, parent=self)
        else:
            self.counted.emit(self._count)

    def is_counting(self) -> bool:
        """Whether there are more matches than the rows shown, still being counted."""
        return self._counting is not None

    def _counted(self, query: customers.DirectoryQuery, total: int) -> None:
        if query != self._query or self._counting is None:
            return  # a count of an earlier query
        self._counting = None
        shown = self._count
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < shown:  # removed on another desk meanwhile
            self.beginRemoveRows(QModelIndex(), total, shown - 1)
            self._count = total
            self.endRemoveRows()
        self.counted.emit(total)

    def _count_failed(self, error: BaseException) -> None:
        # The first page stays; the server indicator tells of an outage, and the next change recounts.
        self._counting = None
        logging.getLogger(__name__).info("the directory could not be counted: %s", error)

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
            rows = self._keep(number, customers.page(self._query, number * self.PAGE, self.PAGE,
                                                     after=self._ends.get(number - 1)))
        else:
            self._pages.move_to_end(number)
        offset = index - number * self.PAGE
        return rows[offset] if offset < len(rows) else None

    def _keep(self, number: int, found: list[customers.DirectoryRow]) -> list:
        rows = [(row, self._cells(row)) for row in found]
        self._pages[number] = rows
        if found:
            self._ends[number] = found[-1].key
        while len(self._pages) > self.KEEP_PAGES:
            self._pages.popitem(last=False)
        return rows

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
