"""The Dashboard: the first page after sign-in. Today's contacts, open and overdue complaints,
due follow-ups, the satisfaction of the last 30 days and the latest escalations, each one
click from its detail. It follows the change bus: a contact, complaint or follow-up saved on any
desk refreshes it, its figures read off the UI thread; while it is hidden, once it is shown again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import complaints, contacts, followups
from helpdesk.clock import to_local
from helpdesk.localization import digits, format_number, format_short_datetime, isolate
from helpdesk.models import Customer, Staff

from .. import i18n
from ..messages import choice
from ..widgets import give_accessible_names
from .follow_ups import FollowUpQueue

if TYPE_CHECKING:
    from ..tasks import Task

SATISFACTION_COLOURS = {
    "dissatisfied": "#c62828",
    "satisfied": "#1e88e5",
    "delighted": "#2e7d32",
    "not_asked": "#9e9e9e",
}


class Tile(QPushButton):
    """A figure with its name; a click opens what it counts."""

    def __init__(self, name: str, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMinimumHeight(76)
        self.name = name
        self.value = 0

    def set_value(self, value: int, alarm: bool = False, name: str | None = None) -> None:
        self.value = value
        if name is not None:
            self.name = name
        lang = i18n.current_language()
        self.setText(f"{format_number(value, lang)}\n{self.name}")
        self.setAccessibleName(f"{self.name}: {format_number(value, lang)}")
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(QFont().pointSizeF() * 1.25)
        self.setFont(font)
        self.setStyleSheet("color: #b3261e;" if alarm and value else "")


class DashboardPage(QWidget):
    call_requested = Signal(str, str)
    callback_requested = Signal(int, object)  # follow-up id, customer id (None: an unknown caller's callback)
    calls_requested = Signal()
    complaints_requested = Signal(str)  # a view of the Complaints page
    complaint_requested = Signal(int)

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Good day, {0}").format(isolate(actor.full_name, i18n.current_language())))
        heading.setObjectName("pageTitle")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading, 1)
        new_call = QPushButton(self.tr("New call (F2)"))
        new_call.clicked.connect(lambda: self.call_requested.emit("phone", "inbound"))
        new_visit = QPushButton(self.tr("New walk-in visit (Shift+F2)"))
        new_visit.clicked.connect(lambda: self.call_requested.emit("walk_in", "inbound"))
        top.addWidget(new_call)
        top.addWidget(new_visit)
        column.addLayout(top)

        tiles = QHBoxLayout()
        self.today_tile = Tile(self.tr("contacts today"), "todayTile")
        self.today_tile.clicked.connect(self.calls_requested)
        self.open_tile = Tile(self.tr("open complaints"), "openTile")
        self.open_tile.clicked.connect(lambda: self.complaints_requested.emit(complaints.VIEW_OPEN))
        self.overdue_tile = Tile(self.tr("overdue complaints"), "overdueTile")
        self.overdue_tile.clicked.connect(lambda: self.complaints_requested.emit(complaints.VIEW_OVERDUE))
        # A supervisor sees the office's (none of theirs may be late while four of the desks' are);
        # staff see their own, and the tile says so.
        self.follow_tile = Tile(self._follow_name(actor.is_supervisor), "followTile")
        self.follow_tile.clicked.connect(self.calls_requested)
        for tile in (self.today_tile, self.open_tile, self.overdue_tile, self.follow_tile):
            tiles.addWidget(tile)
        column.addLayout(tiles)

        grid = QGridLayout()
        chart_box = QGroupBox(self.tr("Satisfaction, last 30 days"))
        chart_column = QVBoxLayout(chart_box)
        self.chart_view = self._chart_view()
        chart_column.addWidget(self.chart_view)
        self.mix_label = QLabel()
        self.mix_label.setObjectName("satisfactionMix")
        self.mix_label.setWordWrap(True)
        chart_column.addWidget(self.mix_label)
        escalations_box = QGroupBox(self.tr("Recent escalations"))
        escalations_column = QVBoxLayout(escalations_box)
        self.escalations = QListWidget()
        self.escalations.setObjectName("recentEscalations")
        self.escalations.setAccessibleName(escalations_box.title())
        self.escalations.setWordWrap(True)
        self.escalations.itemActivated.connect(
            lambda item: self.complaint_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        escalations_column.addWidget(self.escalations)
        # The same promises as the tile counts: the office's for a supervisor, one's own for staff
        # (a supervisor saw 'six due' above 'none due' under it).
        office = actor.is_supervisor
        queue_box = QGroupBox(
            self.tr("Follow-ups and callbacks due, whole office")
            if office
            else self.tr("Your follow-ups and callbacks due")
        )
        queue_column = QVBoxLayout(queue_box)
        self.queue = FollowUpQueue(actor, mine_only=not office)
        self.queue.callback_requested.connect(self.callback_requested)
        queue_column.addWidget(self.queue)
        grid.addWidget(chart_box, 0, 0)
        grid.addWidget(escalations_box, 0, 1)
        grid.addWidget(queue_box, 1, 0, 1, 2)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 2)
        column.addLayout(grid, 1)
        self.setFocusProxy(self.queue.table)
        self._loading: Task | None = None  # the figures being read off the UI thread
        self._stale = False  # a change came while hidden or while reading
        self._queue_stale = False
        self.refresh()
        give_accessible_names(self)

    def _chart_view(self) -> QWidget:
        from PySide6.QtCharts import QChart, QChartView, QPieSeries

        self.series = QPieSeries()
        self.series.setHoleSize(0.45)
        chart = QChart()
        chart.addSeries(self.series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setBackgroundVisible(False)
        chart.setMargins(chart.margins().__class__(0, 0, 0, 0))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        view = QChartView(chart)
        view.setObjectName("satisfactionChart")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(180)
        self.chart = chart
        return view

    # --- following the other desks ----------------------------------------------------------------
    FOLLOWS = ("contact", "complaint", "follow_up", "clock")

    def follow(self, bus) -> None:
        bus.subscribe(self.FOLLOWS, self.changed_elsewhere, owner=self)

    def changed_elsewhere(self, changes) -> None:
        """Something the Dashboard shows was saved (or the clock passed a follow-up's moment)."""
        if changes.kinds() & {"follow_up", "clock"}:
            self._queue_stale = True
        self.reload()

    def reload(self) -> None:
        """Read the figures again off the UI thread (once more after it if a change came meanwhile);
        while the page is hidden, when it is next shown."""
        self._stale = True
        if not self.isVisible() or self._loading is not None:
            return
        from ..tasks import run_task

        self._stale = False
        actor_id = self.actor.id
        self._loading = run_task(lambda _progress: load_figures(actor_id), self._loaded, self._load_failed, parent=self)

    def _loaded(self, figures: dict) -> None:
        self._loading = None
        self.show_figures(figures)
        if self._queue_stale:
            self._queue_stale = False
            self.queue.refresh()
        if self._stale:
            self.reload()

    def _load_failed(self, error: BaseException) -> None:
        import logging

        self._loading = None
        logging.getLogger(__name__).info("the Dashboard's figures could not be read: %s", error)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def refresh(self) -> None:
        """Read and show everything now, on this thread."""
        self.show_figures(load_figures(self.actor.id))
        self.queue.refresh()

    def _follow_name(self, office: bool) -> str:
        return (
            self.tr("follow-ups due or overdue, whole office") if office else self.tr("your follow-ups due or overdue")
        )

    def show_figures(self, figures: dict) -> None:
        lang = i18n.current_language()
        self.today_tile.set_value(figures["today"])
        counts = figures["open"]
        self.open_tile.set_value(counts["open"])
        self.overdue_tile.set_value(counts["overdue"], alarm=True)
        follow = figures["follow"]
        self.follow_tile.set_value(
            follow[followups.OVERDUE] + follow[followups.DUE],
            alarm=bool(follow[followups.OVERDUE]),
            name=self._follow_name(figures["follow_office"]),
        )
        mix = figures["mix"]
        self.mix = mix
        self.series.clear()
        asked = sum(mix[k] for k in ("dissatisfied", "satisfied", "delighted"))
        for key in ("dissatisfied", "satisfied", "delighted", "not_asked"):
            if mix[key]:
                piece = self.series.append(f"{choice('satisfaction', key)} ({format_number(mix[key], lang)})", mix[key])
                piece.setColor(QColor(SATISFACTION_COLOURS[key]))
        if asked:
            shares = [
                f"{choice('satisfaction', k)} {format_number(100 * mix[k] / asked, lang)}٪"
                if lang == "fa"
                else f"{choice('satisfaction', k)} {format_number(100 * mix[k] / asked, lang)}%"
                for k in ("dissatisfied", "satisfied", "delighted")
            ]
            self.mix_label.setText(self.tr("Of those asked: {0}").format(" · ".join(shares)))
        else:
            self.mix_label.setText(self.tr("No contacts with a satisfaction answer in the last 30 days."))
        self.escalations.clear()
        for complaint_id, escalated_at, customer, reason, overdue in figures["escalations"]:
            text = self.tr("{0} · complaint {1} · {2}: {3}").format(
                format_short_datetime(to_local(escalated_at), lang),
                digits(complaint_id, lang),
                isolate(customer, lang) if customer is not None else self.tr("Not identified"),
                isolate(reason, lang),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, complaint_id)
            if overdue:
                item.setForeground(QColor("#b3261e"))
            self.escalations.addItem(item)
        if not self.escalations.count():
            self.escalations.addItem(self.tr("No escalations yet."))


def load_figures(actor_id: int) -> dict:
    """What the Dashboard shows, read from the database (on any thread: no widget is touched).
    The follow-ups due or overdue are the whole office's for a supervisor (``follow_office``; the
    role as stored now), the person's own for anyone else."""
    from helpdesk.permissions import standing

    stored = standing(Staff(id=actor_id))
    office = stored is not None and stored.is_supervisor
    escalations = []
    recent = complaints.recent_escalations(8)
    # Their customers' names in one statement, not one each (eight round trips to a distant server).
    ids = {c.customer_id for c in recent if c.customer_id}
    names: dict[int | None, str] = (  # looked up by a complaint's customer_id, which may be None
        {
            row.id: row.display_name
            for row in Customer.select(
                Customer.id, Customer.kind, Customer.given_name, Customer.family_name, Customer.organisation
            ).where(Customer.id.in_(ids))
        }
        if ids
        else {}
    )
    for c in recent:
        escalations.append(
            (
                c.id,
                c.escalated_at,
                names.get(c.customer_id),
                c.escalation_reason,
                c.status in complaints.OPEN_STATUSES and complaints.is_overdue(c),
            )
        )
    return {
        "today": contacts.today_count(),
        "open": complaints.open_counts(),
        "follow": followups.counts(None if office else actor_id),
        "follow_office": office,
        "mix": complaints.satisfaction_mix(30),
        "escalations": escalations,
    }
