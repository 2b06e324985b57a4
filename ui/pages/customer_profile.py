"""One customer on one page: the record, and everything that happened, newest first."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import customers, phones, settings
from helpdesk.clock import to_local
from helpdesk.localization import digits, format_datetime, format_duration, left_to_right, listed
from helpdesk.models import KIND_ORGANISATION, STATUS_LOST, LostReason, Staff

from .. import i18n
from ..messages import choice


def _value(text: str) -> QLabel:
    # A direction mark first, so a value in the other script still lines up with the rest.
    mark = "\u200f" if i18n.current_language() == "fa" else "\u200e"
    label = QLabel(mark + (text or "—").replace("\n", "\n" + mark))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TimelineModel(QAbstractListModel):
    """The timeline, newest first; an entry is put into words only when it is on screen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._entries: list[customers.TimelineEntry] = []
        self._customer_id: int | None = None

    def set_entries(self, entries: list[customers.TimelineEntry], customer_id: int | None) -> None:
        self.beginResetModel()
        self._entries = entries
        self._customer_id = customer_id
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
    COMPLAINT_ROLE = Qt.ItemDataRole.UserRole + 2
    SESSION_ROLE = Qt.ItemDataRole.UserRole + 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == self.CONTACT_ROLE:
            return entry.summary.get("contact_id") if entry.summary else None
        if role == self.COMPLAINT_ROLE:
            return entry.summary.get("complaint_id") if entry.summary else None
        if role == self.SESSION_ROLE:
            return entry.summary.get("session_id") if entry.summary else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        lang = i18n.current_language()
        if entry.kind == "contact":
            return self._contact_text(entry, lang)
        if entry.kind == "calm_session":
            s = entry.summary
            return self.tr("{0} — Calm-down session: {1}, anger {2} → {3} · {4}").format(
                format_datetime(to_local(entry.at), lang),
                choice("calm_outcome", s["outcome"]),
                digits(s["anger_start"] or "—", lang),
                digits(s["anger_end"] or "—", lang),
                entry.actor,
            )
        if entry.kind == "complaint":
            s = entry.summary
            category = s["category_fa"] if lang == "fa" else s["category_en"]
            return self.tr("{0} — Complaint {1}: {2} · {3} · {4}").format(
                format_datetime(to_local(entry.at), lang),
                digits(s["complaint_id"], lang),
                category,
                choice("complaint_status", s["status"]),
                " ".join(s["description"].split())[:100],
            )
        text = f"{format_datetime(to_local(entry.at), lang)} — {choice('history', entry.kind) or entry.kind}"
        if entry.kind == "update" and entry.changed:
            text += ": " + listed((choice("field", name) for name in entry.changed), lang)
        if entry.actor:
            text += " · " + entry.actor
        if entry.record_id != self._customer_id:
            text += " · " + self.tr("(before the merge, customer {0})").format(digits(entry.record_id, lang))
        return text

    def _contact_text(self, entry: customers.TimelineEntry, lang: str) -> str:
        """A call or visit in one line: when, what kind, about what, how it ended, and who took it."""
        s = cast(dict, entry.summary)  # a contact's entry always has its summary
        kind = choice("channel", s["channel"])
        if s["channel"] == "phone":
            kind += f" ({choice('direction', s['direction'])})"
        parts = [f"{format_datetime(to_local(entry.at), lang)} — {kind}"]
        if s.get("reason"):
            parts.append(s["reason"])
        parts.append(
            f"{choice('outcome', s['outcome'])}, {choice('satisfaction', s['satisfaction'])}"
            if lang != "fa"
            else f"{choice('outcome', s['outcome'])}، {choice('satisfaction', s['satisfaction'])}"
        )
        parts.append(left_to_right(format_duration(s.get("duration") or 0, lang)))
        if entry.actor:
            parts.append(entry.actor)
        return " · ".join(parts)


class ProfileView(QWidget):
    back_requested = Signal()
    edit_requested = Signal(int)
    lost_requested = Signal(int)
    reactivate_requested = Signal(int)
    merge_requested = Signal(int)
    open_requested = Signal(int)
    call_requested = Signal(int)  # a new call with this customer
    dial_requested = Signal(int)  # this desk's phone calls the customer (click to dial)
    contact_requested = Signal(int)  # open a contact from the timeline
    complaint_requested = Signal(int)  # raise a complaint for this customer
    complaint_opened = Signal(int)  # open a complaint from the timeline
    calm_requested = Signal(int)  # a calm-down session with this customer
    session_opened = Signal(int)  # open a calm-down session from the timeline
    report_requested = Signal(int)  # the customer history report (supervisors)
    history_requested = Signal(int)  # this customer's audit trail (supervisors)

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.customer_id: int | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back to the directory"))
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.customer_id))
        self.lost_button = QPushButton(self.tr("Mark as lost…"))
        self.lost_button.clicked.connect(self._status_clicked)
        self.merge_button = QPushButton(self.tr("Merge another customer into this one…"))
        self.merge_button.clicked.connect(lambda: self.merge_requested.emit(self.customer_id))
        self.merge_button.setVisible(actor.is_supervisor)
        self.call_button = QPushButton(self.tr("New call with this customer (F2)"))
        self.call_button.setObjectName("profileCallButton")
        self.call_button.setAccessibleName(self.tr("New call with this customer"))
        self.call_button.clicked.connect(lambda: self.call_requested.emit(self.customer_id))
        self.dial_button = QPushButton(self.tr("&Dial (Ctrl+D)"))
        self.dial_button.setObjectName("profileDialButton")
        self.dial_button.setToolTip(self.tr("Your phone rings; pick it up and it calls the customer's first number"))
        self.dial_button.setAccessibleName(self.tr("Dial the customer"))
        self.dial_button.clicked.connect(lambda: self.dial_requested.emit(self.customer_id))
        from helpdesk.telephony import desk

        self.dial_button.setVisible(desk.load().source == "ami")  # only the Manager Interface can dial
        QShortcut(
            QKeySequence("Ctrl+D"),
            self,
            lambda: self.dial_button.click() if self.dial_button.isVisible() else None,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.complaint_button = QPushButton(self.tr("Raise a complaint…"))
        self.complaint_button.setObjectName("profileComplaintButton")
        self.complaint_button.clicked.connect(lambda: self.complaint_requested.emit(self.customer_id))
        self.calm_button = QPushButton(self.tr("Calm-down session (F9)"))
        self.calm_button.setObjectName("profileCalmButton")
        self.calm_button.clicked.connect(lambda: self.calm_requested.emit(self.customer_id))
        self.report_button = QPushButton(self.tr("Report…"))
        self.report_button.setObjectName("profileReportButton")
        self.report_button.setToolTip(self.tr("This customer's history, in the report centre"))
        self.report_button.clicked.connect(lambda: self.report_requested.emit(self.customer_id))
        self.report_button.setVisible(actor.is_supervisor)
        self.history_button = QPushButton(self.tr("History (Ctrl+H)"))
        self.history_button.setObjectName("profileHistoryButton")
        self.history_button.setToolTip(self.tr("Who changed this customer and when, in the audit log"))
        self.history_button.clicked.connect(lambda: self.history_requested.emit(self.customer_id))
        self.history_button.setVisible(actor.is_supervisor)
        QShortcut(
            QKeySequence("Ctrl+H"),
            self,
            lambda: self.history_button.click() if self.history_button.isVisible() else None,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        for button in (
            self.call_button,
            self.dial_button,
            self.calm_button,
            self.complaint_button,
            self.edit_button,
            self.lost_button,
            self.merge_button,
            self.report_button,
            self.history_button,
        ):
            top.addWidget(button)
        layout.addLayout(top)

        self.title = QLabel()
        self.title.setObjectName("profileTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("profileSubtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)

        body = QHBoxLayout()
        details = QWidget()
        self.details = QFormLayout(details)
        body.addWidget(details, 1)
        timeline_column = QVBoxLayout()
        heading = QLabel(self.tr("Timeline"))
        heading.setFont(QFont(heading.font().family(), -1, QFont.Weight.Bold))
        timeline_column.addWidget(heading)
        self.timeline_model = TimelineModel(self)
        self.timeline = QListView()
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName(self.tr("History"))
        self.timeline.setModel(self.timeline_model)
        self.timeline.setUniformItemSizes(True)
        self.timeline.activated.connect(self._entry_activated)
        timeline_column.addWidget(self.timeline, 1)
        body.addLayout(timeline_column, 1)
        layout.addLayout(body, 1)

    def customer_in_view(self) -> int | None:
        """The customer a new call or visit (F2, Shift+F2) is with while this profile is on the screen."""
        return self.customer_id if self.isVisible() else None

    def show_customer(self, customer_id: int) -> None:
        record = customers.get(customer_id)
        self.customer_id = customer_id
        c = record.customer
        lang = i18n.current_language()
        region = settings.phone_region()
        self.title.setText(c.display_name)
        parts = [choice("kind", c.kind), choice("status", c.status)]
        if c.status == STATUS_LOST and c.lost_reason_id:
            parts[-1] += f" ({cast(LostReason, c.lost_reason).name(lang)})"
        if c.segment:
            parts.append(f"{choice('segment', c.segment)}: {choice('segment_action', c.segment)}")
        self.subtitle.setText(" · ".join(parts))
        self.lost_button.setText(self.tr("Active again") if c.status == STATUS_LOST else self.tr("Mark as lost…"))

        while self.details.rowCount():
            self.details.removeRow(0)
        if c.kind != KIND_ORGANISATION and c.organisation_id_id:
            org = customers.get(c.organisation_id_id).customer
            link = QPushButton(org.organisation)
            link.setFlat(True)
            link.clicked.connect(lambda _=False, oid=org.id: self.open_requested.emit(oid))
            self.details.addRow(self.tr("Works for"), link)
            self.details.addRow(self.tr("Job title"), _value(c.job_title))
        numbers = [
            f"{choice('phone_label', p.label)}: {left_to_right(digits(phones.display(p.number, region), lang))}"
            for p in record.phones
        ]
        self.details.addRow(self.tr("Phones"), _value("\n".join(numbers)))
        self.details.addRow(self.tr("E-mails"), _value("\n".join(e.address for e in record.emails)))
        self.details.addRow(self.tr("Language"), _value(choice("language", c.preferred_language)))
        self.details.addRow(self.tr("Address"), _value(c.address))
        self.details.addRow(self.tr("How they heard of us"), _value(choice("referral_source", c.referral_source)))
        self.details.addRow(self.tr("Tags"), _value(listed(record.tags, lang)))
        self.details.addRow(self.tr("Notes"), _value(c.notes))
        if c.kind == KIND_ORGANISATION:
            people = customers.contact_persons(c.id)
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            for person in people:
                button = QPushButton(
                    f"{person.display_name} — {person.job_title}" if person.job_title else person.display_name
                )
                button.setFlat(True)
                button.clicked.connect(lambda _=False, pid=person.id: self.open_requested.emit(pid))
                column.addWidget(button)
            if not people:
                column.addWidget(_value(""))
            self.details.addRow(self.tr("Contact persons"), holder)
        created = self.tr("{0} by {1}").format(
            format_datetime(to_local(c.created_at), lang),
            cast(Staff, c.created_by).full_name if c.created_by_id else "—",
        )
        updated = self.tr("{0} by {1}").format(
            format_datetime(to_local(c.updated_at), lang),
            cast(Staff, c.updated_by).full_name if c.updated_by_id else "—",
        )
        self.details.addRow(self.tr("Created"), _value(created))
        self.details.addRow(self.tr("Last changed"), _value(updated))
        self._fill_timeline(customers.timeline(customer_id))

    def _entry_activated(self, index) -> None:
        contact_id = index.data(TimelineModel.CONTACT_ROLE)
        complaint_id = index.data(TimelineModel.COMPLAINT_ROLE)
        if contact_id:
            self.contact_requested.emit(contact_id)
        elif complaint_id:
            self.complaint_opened.emit(complaint_id)
        elif index.data(TimelineModel.SESSION_ROLE):
            self.session_opened.emit(index.data(TimelineModel.SESSION_ROLE))

    def _fill_timeline(self, entries: list[customers.TimelineEntry]) -> None:
        self.timeline_model.set_entries(entries, self.customer_id)

    def _status_clicked(self) -> None:
        record = customers.get(cast(int, self.customer_id))  # the button is there once a customer is shown
        if record.customer.status == STATUS_LOST:
            self.reactivate_requested.emit(self.customer_id)
        else:
            self.lost_requested.emit(self.customer_id)
