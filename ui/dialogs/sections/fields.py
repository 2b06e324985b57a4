"""Pieces more than one window uses: dates in the reader's calendar, choice lists, and the
digit keys that pick an item in every keyboard layout."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone
from typing import cast

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFormLayout, QLabel, QWidget

from helpdesk.clock import to_local

from ... import i18n
from ...messages import choice
from ...widgets import FormFields


def local_qdatetime(value: datetime) -> QDateTime:
    local = to_local(value)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)


def utc_from_qdatetime(value: QDateTime) -> datetime:
    local = cast(datetime, value.toPython())  # a QDateTime converts to a datetime
    return local.astimezone().astimezone(timezone.utc).replace(tzinfo=None, microsecond=0)


def jalali_if_persian(edit: QDateTimeEdit) -> None:
    """Persian readers get the Jalali calendar in date pickers. The date itself is written left to
    right (year/month/day hour:minute), as Persian dates are; right to left it would read backwards."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    if i18n.current_language() == "fa":
        from PySide6.QtCore import QCalendar

        edit.setCalendar(QCalendar(QCalendar.System.Jalali))
        edit.setDisplayFormat("yyyy/MM/dd HH:mm")
    else:
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")


def typed_digit(text: str) -> int:
    """The value of one typed digit of any script (1, ۱, ١), or 0."""
    return unicodedata.digit(text, 0) if len(text) == 1 else 0


def fill_choices(combo: QComboBox, group: str, keys, empty: str | None = None) -> None:
    if empty is not None:
        combo.addItem(empty, "")
    for key in keys:
        combo.addItem(choice(group, key), key)


def name_rows_by_labels(fields: FormFields) -> None:
    """Each editor of a form says what it is by its row's label, unless it was named already."""
    for row in range(fields.layout.rowCount()):
        label = fields.layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        holder = fields.layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or holder is None or label.widget() is None:
            continue
        name = cast(QLabel, label.widget()).text().replace("&", "")  # a row's label is a QLabel
        holder_widget = cast(QWidget, holder.widget())  # each row's field is a widget
        editor = holder_widget.focusProxy() or holder_widget
        if not editor.accessibleName():
            editor.setAccessibleName(name)
