"""The customer directory as a table model that never holds more than a window of rows
(``ui.paged_model``: the first page at once, the count after it)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from helpdesk import customers, phones, settings
from helpdesk.clock import to_local
from helpdesk.localization import digits, format_short_date, isolate, left_to_right

from .. import i18n
from ..messages import choice
from ..paged_model import PagedModel


class DirectoryModel(PagedModel):
    NAME, ORGANISATION, PHONE, EMAIL, STATUS, SEGMENT, CREATED = range(7)
    SORT_KEYS = {NAME: "name", STATUS: "status", SEGMENT: "segment", CREATED: "created"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = customers.DirectoryQuery()
        self._region = "IR"

    # --- what is shown ----------------------------------------------------------
    @property
    def query(self) -> customers.DirectoryQuery:
        return self._query

    def set_query(self, query: customers.DirectoryQuery) -> None:
        self._query = query
        self._region = settings.phone_region()
        self.reload()

    def refresh(self) -> None:
        self.reload()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is not None:
            self.set_query(replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    # --- the pages ----------------------------------------------------------------
    def fetch(self, number: int, after, limit: int) -> list[customers.DirectoryRow]:
        return customers.page(self._query, number * self.PAGE, limit, after=after)

    def counter(self):
        query = self._query
        return lambda: customers.count(query)

    def key(self, row: customers.DirectoryRow):
        return row.key

    def cells(self, row: customers.DirectoryRow) -> tuple[str, ...]:
        lang = i18n.current_language()
        phone = left_to_right(digits(phones.display(row.phone, self._region), lang)) if row.phone else ""
        email = left_to_right(row.email) if row.email else ""
        return (isolate(row.name, lang), isolate(row.organisation, lang), phone, email, choice("status", row.status),
                choice("segment", row.segment), format_short_date(to_local(row.created_at), lang))

    def row(self, index: int) -> customers.DirectoryRow | None:
        return self.row_at(index)

    # --- the model interface ---------------------------------------------------------
    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Organisation"), self.tr("Phone"), self.tr("E-mail"), self.tr("Status"),
                self.tr("Segment"), self.tr("Created"))[section]
