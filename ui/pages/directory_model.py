"""The customer directory as a table model that never holds more than a window of rows
(``ui.paged_model``: the first page at once, the count after it)."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from helpdesk import customers, phones, settings
from helpdesk.clock import to_local
from helpdesk.localization import digits, format_short_date, isolate, left_to_right

from ..messages import choice
from ..paged_model import PagedModel
from ..table_model import Column


def _phone(model: DirectoryModel, row: customers.DirectoryRow, lang: str) -> str:
    return left_to_right(digits(phones.display(row.phone, model._region), lang)) if row.phone else ""


class DirectoryModel(PagedModel):
    NAME, ORGANISATION, PHONE, EMAIL, STATUS, SEGMENT, CREATED = range(7)
    COLUMNS = (
        Column(cast(str, QT_TRANSLATE_NOOP("DirectoryModel", "Name")), lambda m, row, lang: isolate(row.name, lang)),
        Column(
            cast(str, QT_TRANSLATE_NOOP("DirectoryModel", "Organisation")),
            lambda m, row, lang: isolate(row.organisation, lang),
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("DirectoryModel", "Phone")), _phone),
        Column(
            cast(str, QT_TRANSLATE_NOOP("DirectoryModel", "E-mail")),
            lambda m, row, lang: left_to_right(row.email) if row.email else "",
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("DirectoryModel", "Status")), lambda m, row, lang: choice("status", row.status)
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("DirectoryModel", "Segment")),
            lambda m, row, lang: choice("segment", row.segment),
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("DirectoryModel", "Created")),
            lambda m, row, lang: format_short_date(to_local(row.created_at), lang),
        ),
    )
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

    def row(self, index: int) -> customers.DirectoryRow | None:
        return self.row_at(index)
