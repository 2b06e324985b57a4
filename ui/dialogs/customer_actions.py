"""Small customer dialogs: why a customer was lost, and which customer to merge in."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem

from helpdesk import customers, phones, settings
from helpdesk.localization import digits, isolate, left_to_right
from helpdesk.models import Staff

from .. import i18n
from ..widgets import FormDialog


class MarkLostDialog(FormDialog):
    """Marking a customer lost always asks why, from the list supervisors keep."""

    def __init__(self, actor: Staff, customer_id: int, parent=None):
        super().__init__(self.tr("Mark as lost"), self.tr("Mark as lost"), parent)
        self.setObjectName("markLostDialog")
        self.actor = actor
        self.customer_id = customer_id
        intro = QLabel(
            self.tr("Why did we lose {0}?").format(
                isolate(customers.get(customer_id).customer.display_name, i18n.current_language())
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.column.insertWidget(0, intro)
        self.reason = QComboBox()
        self.reason.setObjectName("lostReason")
        self.reason.addItem(self.tr("Choose a reason"), None)
        for reason in customers.lost_reasons():
            self.reason.addItem(reason.name(i18n.current_language()), reason.id)
        self.fields.add("lost_reason", self.tr("Reason"), self.reason)
        self.reason.setFocus()

    def save(self) -> None:
        try:
            customers.mark_lost(self.actor, self.customer_id, self.reason.currentData() or 0)
        except customers.FormErrors as error:
            raise next(iter(error.errors.values())) from None


class MergeDialog(FormDialog):
    """A supervisor chooses the customer to fold into this one."""

    def __init__(self, actor: Staff, survivor_id: int, parent=None):
        super().__init__(self.tr("Merge customers"), self.tr("Merge"), parent)
        self.setObjectName("mergeDialog")
        self.setMinimumWidth(520)
        self.actor = actor
        self.survivor_id = survivor_id
        survivor = customers.get(survivor_id).customer
        intro = QLabel(
            self.tr(
                "Choose the customer to merge into {0}. Their phones, e-mails, tags, notes and history move to {0}; "
                "this cannot be undone."
            ).format(isolate(survivor.display_name, i18n.current_language()))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.column.insertWidget(0, intro)
        self.search = QLineEdit()
        self.fields.add("search", self.tr("Find"), self.search)
        self.search.setObjectName("mergeSearch")
        self.results = QListWidget()
        self.results.setObjectName("mergeResults")
        self.fields.add("other", self.tr("Customer"), self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._timer.start())
        from ..widgets import MatchKeys

        # Up and Down in the box move the highlight in the list; Enter merges the highlighted customer.
        self._keys = MatchKeys(self.search, self.results, lambda _item: self._choose(), self)
        self.search.setFocus()

    def _choose(self) -> None:
        if self._timer.isActive():  # Enter came before the list caught up with the typing
            self.refresh()
        self._submit()

    def refresh(self) -> None:
        self.results.clear()
        region, lang = settings.phone_region(), i18n.current_language()
        for record in customers.find(self.search.text(), limit=20):
            if record.customer.id == self.survivor_id:
                continue
            numbers = (
                left_to_right(", ".join(digits(phones.display(p.number, region), lang) for p in record.phones[:2]))
                if record.phones
                else ""
            )
            name = isolate(record.customer.display_name, i18n.current_language())
            item = QListWidgetItem(f"{name}  {numbers}".strip(), self.results)
            item.setData(Qt.ItemDataRole.UserRole, record.customer.id)
        if self.results.count():
            self.results.setCurrentRow(0)

    def save(self) -> None:
        from helpdesk.errors import ValidationError

        item = self.results.currentItem()
        if item is None:
            raise ValidationError("other", "required")
        customers.merge(self.actor, self.survivor_id, item.data(Qt.ItemDataRole.UserRole))
