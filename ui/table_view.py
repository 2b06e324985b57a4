"""The one way a page shows a table: whole rows chosen one at a time, nothing edited in place,
no row numbers, cut cells ending in "…", and Enter (or a double click) opening the row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

FIT, EVEN, SET = "fit", "even", "set"


def table_view(
    model,
    name: str,
    accessible_name: str | None = None,
    *,
    columns: str = FIT,
    widths: dict[int, int] | None = None,
    opened: Callable[[QModelIndex], None] | None = None,
    parent=None,
) -> QTableView:
    """A table of ``model``, named ``name`` (its object name) and ``accessible_name`` (what a screen
    reader says). ``columns``: FIT sizes each column by its first rows and gives the room left to
    the model's ``stretch`` column; EVEN shares the width out evenly; SET starts at ``widths``
    (the person may drag them) with the last column taking the rest. ``opened`` gets the row's
    index when Enter is pressed or the row is double-clicked."""
    view = QTableView(parent)
    view.setObjectName(name)
    if accessible_name:
        view.setAccessibleName(accessible_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    if columns == FIT:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(60)  # size columns by the first rows, not by thousands
        for number, column in enumerate(getattr(model, "COLUMNS", ())):
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
    elif columns == EVEN:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for number, width in (widths or {}).items():
            view.setColumnWidth(number, width)
    if opened is not None:
        view.activated.connect(opened)
    return view
