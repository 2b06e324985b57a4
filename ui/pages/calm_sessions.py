"""Calm-down sessions looked back on: a list with filters by staff, outcome and date, and the
figures supervisors learn from. Enter opens a session step by step."""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from helpdesk import accounts, calm
from helpdesk.calm import SessionQuery
from helpdesk.clock import to_local, utcnow
from helpdesk.localization import digits, format_duration, format_number, format_short_datetime, isolate, left_to_right
from helpdesk.models import Customer, Staff

from .. import i18n
from ..messages import choice
from ..table_model import Column, TableModel
from ..table_view import EVEN, table_view
from ..widgets import date_edit, select_row


class SessionModel(TableModel):
    STARTED, CUSTOMER, STAFF, DURATION, ANGER, OUTCOME = range(6)

    def _customer(self, row, lang: str) -> str:
        name = self.names.get(row.customer_id)
        return isolate(name, lang) if name else self.tr("Not named")

    COLUMNS = (
        Column(
            cast(str, QT_TRANSLATE_NOOP("SessionModel", "Started")),
            lambda m, row, lang: format_short_datetime(to_local(row.started_at), lang),
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("SessionModel", "Customer")), _customer),
        Column(
            cast(str, QT_TRANSLATE_NOOP("SessionModel", "Staff")),
            lambda m, row, lang: isolate(m.staff.get(row.staff_id, ""), lang),
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("SessionModel", "Duration")),
            lambda m, row, lang: format_duration(int((row.ended_at - row.started_at).total_seconds()), lang),
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("SessionModel", "Anger")),
            lambda m, row, lang: left_to_right(f"{digits(row.anger_start, lang)} → {digits(row.anger_end, lang)}"),
        ),
        Column(
            cast(str, QT_TRANSLATE_NOOP("SessionModel", "Outcome")),
            lambda m, row, lang: choice("calm_outcome", row.outcome),
        ),
    )

    PAGE = 200

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: dict[int, str] = {}
        self.staff: dict[int, str] = {}
        self.actor: Staff | None = None
        self.query = SessionQuery()

    def set_query(self, actor: Staff, query: SessionQuery) -> None:
        """The sessions ``query`` finds: the first page now, the others as the view scrolls down."""
        self.actor, self.query = actor, query
        self.names = {}
        self.set_rows(calm.sessions(actor, query, self.PAGE), calm.session_count(actor, query))

    def more(self, offset: int, limit: int) -> list:
        return calm.sessions(cast(Staff, self.actor), self.query, limit, offset)  # set_query came first

    def prepare(self, rows: list) -> None:
        """The names of the customers not yet known (one statement a page), and of the staff."""
        ids = {r.customer_id for r in rows if r.customer_id} - self.names.keys()
        if ids:
            self.names.update({c.id: c.display_name for c in Customer.select().where(Customer.id.in_(list(ids)))})
        self.staff = {s.id: s.full_name for s in Staff.select()}


class SessionList(QWidget):
    session_requested = Signal(int)

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        column = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.staff = QComboBox()
        self.staff.setObjectName("sessionStaff")
        self.staff.addItem(self.tr("All staff"), None)
        for person in accounts.colleagues(actor):
            self.staff.addItem(person.full_name, person.id)
        self.staff.setVisible(actor.is_supervisor)
        self.outcome = QComboBox()
        self.outcome.setObjectName("sessionOutcome")
        self.outcome.addItem(self.tr("All outcomes"), None)
        for key in calm.OUTCOMES:
            self.outcome.addItem(choice("calm_outcome", key), key)
        from helpdesk.reports import preset_period

        # Today from helpdesk.clock; the period starts on a month's first day in the reader's calendar.
        today = to_local(utcnow()).date()
        self.date_from = date_edit(
            "sessionFrom", preset_period("this_month", i18n.current_language(), today - timedelta(days=90))[0]
        )
        self.date_to = date_edit("sessionTo", today)
        widget: QWidget
        for widget in (
            self.staff,
            self.outcome,
            QLabel(self.tr("From")),
            self.date_from,
            QLabel(self.tr("To")),
            self.date_to,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        column.addLayout(filters)
        self.figures_label = QLabel()
        self.figures_label.setObjectName("sessionFigures")
        self.figures_label.setWordWrap(True)
        column.addWidget(self.figures_label)
        self.model = SessionModel(self)
        self.table = table_view(
            self.model,
            "sessionTable",
            columns=EVEN,
            opened=lambda index: self.session_requested.emit(index.data(SessionModel.ID_ROLE)),
        )
        column.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        for widget, name in (
            (self.staff, self.tr("Staff")),
            (self.outcome, self.tr("Outcome")),
            (self.date_from, self.tr("From")),
            (self.date_to, self.tr("To")),
            (self.table, self.tr("Calm-down sessions")),
        ):
            widget.setAccessibleName(name)
        for combo in (self.staff, self.outcome):
            combo.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        # Filled when first shown (the Complaints page switches to it), not when the page is built.

    def current_query(self) -> SessionQuery:
        return SessionQuery(
            staff_id=self.staff.currentData(),
            outcome=self.outcome.currentData(),
            date_from=cast(date, self.date_from.date().toPython()),  # PySide6 types toPython() as object
            date_to=cast(date, self.date_to.date().toPython()),
        )

    def refresh(self) -> None:
        q = self.current_query()
        self.model.set_query(self.actor, q)
        lang = i18n.current_language()
        overall, _ = calm.figures(q.date_from, q.date_to, q.staff_id if self.actor.is_supervisor else self.actor.id)
        if not overall.sessions:
            self.figures_label.setText(self.tr("No sessions in this period."))
            return
        percent = "٪" if lang == "fa" else "%"
        median = (
            format_duration(int(overall.median_seconds_to_calm), lang)
            if overall.median_seconds_to_calm is not None
            else "—"
        )
        drop = format_number(overall.average_anger_drop, lang, 1) if overall.average_anger_drop is not None else "—"
        self.figures_label.setText(
            self.tr("{0} sessions · calmed {1} · median time to calm {2} · anger fell by {3} on average").format(
                digits(overall.sessions, lang),
                f"{format_number(100 * cast(float, overall.success_rate), lang)}{percent}",
                left_to_right(median),
                drop,
            )
        )
        if self.model.rowCount():
            select_row(self.table, 0)
