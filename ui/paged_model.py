"""A table model over more rows than can be held: the customer directory and the audit log.
Its columns and roles are ``ui.table_model``'s; what differs is where the rows come from.

``rowCount`` is the number of matching rows; rows are fetched a page at a time when the view
asks for them, and only the most recently used pages are kept, so scrolling through 200,000
rows holds a few thousand at most. The key of the last row of every page seen is kept after
the page is dropped: the next page is then found through an index, not by counting rows from
the top.

``reload()`` shows the first page at once, and counts the matches afterwards off the UI
thread when there are more (counting the 70,000 customers a first letter matches takes
longer than finding the best hundred): ``counted`` then brings the number, and the rows
below the first page come into being. A row's cells are put into words when first painted.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal

from . import i18n
from .table_model import TableModel


class PagedModel(TableModel):
    PAGE = 100
    KEEP_PAGES = 30
    counted = Signal(int)  # the number of rows the query matches, once it is known

    def __init__(self, parent=None):
        super().__init__(parent)
        self._count = 0
        self._pages: OrderedDict[int, list[list]] = OrderedDict()  # [row, its cells or None]
        self._ends: dict[int, object] = {}
        self._counting = None  # the task counting the matches beyond the first page

    # --- what a subclass says ------------------------------------------------------------
    def fetch(self, number: int, after, limit: int) -> list:
        """Rows of page ``number``: those after the key ``after`` (the previous page's last row)
        when it is known, else from row ``number * PAGE``; at most ``limit``."""
        raise NotImplementedError

    def counter(self) -> Callable[[], int]:
        """A function counting every match of the present query, run off the UI thread."""
        raise NotImplementedError

    def key(self, row) -> object:
        """The key the next page is found after."""
        raise NotImplementedError

    def cells(self, row) -> tuple[str, ...]:
        """The words of a row's cells, put together when it is first painted."""
        lang = i18n.current_language()
        return tuple(column.text(self, row, lang) for column in self.COLUMNS)

    # --- the pages -----------------------------------------------------------------------
    def reload(self) -> None:
        """Show the present query again from its first page."""
        self.beginResetModel()
        self._pages.clear()
        self._ends.clear()
        if self._counting is not None:
            self._counting.cancel()
            self._counting = None
        first = self.fetch(0, None, self.PAGE + 1)  # one more than a page: are there more?
        self._keep(0, first[: self.PAGE])
        self._count = len(self._pages[0])
        self.endResetModel()
        if len(first) > self.PAGE:
            from .tasks import run_task

            count = self.counter()
            # Each callback names its own task: a count cancelled by a newer query still ends (in
            # on_error), and must neither clear nor answer for the newer one (that lost counts).
            task = run_task(
                lambda _progress: count(),
                lambda total: self._counted(task, total),
                lambda error: self._count_failed(task, error),
                parent=self,
            )
            self._counting = task
        else:
            self.counted.emit(self._count)

    def is_counting(self) -> bool:
        """Whether there are more matches than the rows shown, still being counted."""
        return self._counting is not None

    def _counted(self, task, total: int) -> None:
        if task is not self._counting:
            return  # the count of an earlier query
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

    def _count_failed(self, task, error: BaseException) -> None:
        if task is not self._counting:
            return  # an earlier count, cancelled by a newer query
        # The first page stays; the server indicator tells of an outage, and the next change recounts.
        self._counting = None
        logging.getLogger(type(self).__module__).info("could not count the rows: %s", error)

    def _entry(self, index: int) -> list | None:
        number = index // self.PAGE
        rows = self._pages.get(number)
        if rows is None:
            rows = self._keep(number, self.fetch(number, self._ends.get(number - 1), self.PAGE))
        else:
            self._pages.move_to_end(number)
        offset = index - number * self.PAGE
        if offset >= len(rows):
            return None
        entry = rows[offset]
        if entry[1] is None:
            entry[1] = self.cells(entry[0])
        return entry

    def _keep(self, number: int, found: list) -> list:
        rows = [[row, None] for row in found]
        self._pages[number] = rows
        if found:
            self._ends[number] = self.key(found[-1])
        while len(self._pages) > self.KEEP_PAGES:
            self._pages.popitem(last=False)
        return rows

    def row_at(self, index: int):
        entry = self._entry(index)
        return entry[0] if entry else None

    def pages_held(self) -> int:
        return len(self._pages)

    # --- the model interface -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return False  # every row is there from the count on; its page is read when it is painted

    def cell(self, index: int, row, column: int) -> str:
        entry = self._entry(index)
        return entry[1][column] if entry else ""
