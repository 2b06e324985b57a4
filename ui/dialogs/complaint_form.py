"""Raising a complaint, escalating it and resolving it: small forms over ``helpdesk.complaints``."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from helpdesk import accounts, complaints, contacts, customers
from helpdesk.customers import FormErrors
from helpdesk.models import Staff

from .. import i18n
from ..messages import choice, message_for
from ..widgets import FormDialog


def _text_box(name: str, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def staff_combo(actor: Staff, name: str, selected: int | None, supervisors_only: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for person in accounts.colleagues(actor):
        if not supervisors_only or person.is_supervisor:
            combo.addItem(person.full_name, person.id)
    combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


class FormErrorsMixin:
    def show_form_errors(self, error: FormErrors) -> None:
        for name, problem in error.errors.items():
            if name in self.fields.errors:
                self.fields.errors[name].show_message(message_for(problem))
        self.message.show_message(message_for(error))


class NewComplaintDialog(FormErrorsMixin, FormDialog):
    """A complaint, from a contact, from a customer's profile, or on its own."""

    saved = Signal(int)

    def __init__(self, actor: Staff, customer_id: int | None = None, contact_id: int | None = None,
                 description: str = "", parent=None):
        super().__init__(self.tr("New complaint"), self.tr("Raise the complaint"), parent)
        self.setObjectName("newComplaintDialog")
        self.actor = actor
        self.contact_id = contact_id
        self.customer_id = customer_id
        lang = i18n.current_language()
        customer_row = QWidget()
        customer_layout = QHBoxLayout(customer_row)
        customer_layout.setContentsMargins(0, 0, 0, 0)
        self.customer_label = QLabel()
        self.customer_label.setObjectName("complaintCustomer")
        self.lookup = QLineEdit()
        self.lookup.setObjectName("complaintCustomerLookup")
        self.lookup.setPlaceholderText(self.tr("Phone number or name; leave empty if they gave none"))
        self.lookup.textChanged.connect(self._look_up)
        customer_layout.addWidget(self.customer_label)
        customer_layout.addWidget(self.lookup, 1)
        self.fields.add("customer", self.tr("Customer"), customer_row)
        self.matches = QListWidget()
        self.matches.setObjectName("complaintCustomerMatches")
        self.matches.setMaximumHeight(90)
        self.matches.hide()
        self.matches.itemActivated.connect(lambda item: self.set_customer(item.data(Qt.ItemDataRole.UserRole)))
        self.fields.layout.addRow("", self.matches)
        self.category = self.fields.add("category", self.tr("Category"), QComboBox())
        self.category.setObjectName("complaintCategory")
        self.category.addItem(self.tr("Choose…"), None)
        for category in complaints.categories():
            self.category.addItem(category.name(lang), category.id)
        self.priority = self.fields.add("priority", self.tr("Priority"), QComboBox())
        self.priority.setObjectName("complaintPriority")
        for key in complaints.PRIORITIES:
            self.priority.addItem(choice("priority", key), key)
        self.priority.setCurrentIndex(self.priority.findData("normal"))
        self.description = self.fields.add("description", self.tr("What happened"), _text_box("complaintDescription"))
        self.description.setPlainText(description)
        self.wanted = self.fields.add("wanted", self.tr("What the customer wants"), _text_box("complaintWanted", 2))
        self.assignee = self.fields.add("assignee", self.tr("Who deals with it"),
                                        staff_combo(actor, "complaintAssignee", actor.id))
        self.set_customer(customer_id)
        (self.category if customer_id else self.lookup).setFocus()

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.matches.hide()
        if customer_id is None:
            self.customer_label.hide()
            self.lookup.show()
        else:
            mark = "\u200f" if i18n.current_language() == "fa" else "\u200e"
            self.customer_label.setText(mark + customers.get(customer_id).customer.display_name)
            self.customer_label.show()
            self.lookup.hide()
            self.category.setFocus()

    def _look_up(self, text: str) -> None:
        self.matches.clear()
        for caller in contacts.find_caller(text) if text.strip() else []:
            item = QListWidgetItem(caller.name)
            item.setData(Qt.ItemDataRole.UserRole, caller.customer_id)
            self.matches.addItem(item)
        self.matches.setVisible(self.matches.count() > 0)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def save(self) -> None:
        draft = complaints.ComplaintDraft(
            customer_id=self.customer_id, contact_id=self.contact_id, category_id=self.category.currentData(),
            priority=self.priority.currentData(), description=self.description.toPlainText(),
            wanted=self.wanted.toPlainText(), assignee_id=self.assignee.currentData())
        try:
            complaint = complaints.create(self.actor, draft)
        except FormErrors as error:
            self.show_form_errors(error)
            from helpdesk.errors import ValidationError

            raise ValidationError("", "form_errors") from None  # keeps the dialog open; the fields say why
        self.saved.emit(complaint.id)


class EscalateDialog(FormDialog):
    def __init__(self, actor: Staff, complaint_id: int, version: int, parent=None):
        super().__init__(self.tr("Escalate to a supervisor"), self.tr("Escalate now"), parent)
        self.setObjectName("escalateDialog")
        self.actor = actor
        self.complaint_id = complaint_id
        self.version = version
        self.reason = self.fields.add("reason", self.tr("Why"), _text_box("escalationReason", 3))
        self.supervisor = self.fields.add("supervisor", self.tr("To"),
                                          staff_combo(actor, "escalationSupervisor", None, supervisors_only=True))
        others = [i for i in range(self.supervisor.count()) if self.supervisor.itemData(i) != actor.id]
        if others:
            self.supervisor.setCurrentIndex(others[0])
        self.reason.setFocus()

    def save(self) -> None:
        complaints.escalate(self.actor, self.complaint_id, self.reason.toPlainText(), self.supervisor.currentData(),
                            self.version)


class ResolveDialog(FormErrorsMixin, FormDialog):
    def __init__(self, actor: Staff, complaint_id: int, version: int, parent=None):
        super().__init__(self.tr("Resolve the complaint"), self.tr("Resolve"), parent)
        self.setObjectName("resolveDialog")
        self.actor = actor
        self.complaint_id = complaint_id
        self.version = version
        self.notes = self.fields.add("resolution_notes", self.tr("What was done"), _text_box("resolutionNotes", 3))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.satisfaction_group = QButtonGroup(self)
        self.satisfaction_buttons: dict[str, QRadioButton] = {}
        for key in contacts.SATISFACTION:
            button = QRadioButton(choice("satisfaction", key))
            button.setObjectName(f"resolution_{key}")
            self.satisfaction_group.addButton(button)
            self.satisfaction_buttons[key] = button
            layout.addWidget(button)
        self.fields.add("resolution_satisfaction", self.tr("Customer's satisfaction"), row)
        self.will_return = self.fields.add("will_return", self.tr("Will they come back?"), QComboBox())
        self.will_return.setObjectName("willReturn")
        self.will_return.addItem(self.tr("Don't know"), None)
        self.will_return.addItem(self.tr("Yes"), True)
        self.will_return.addItem(self.tr("No"), False)
        self.notes.setFocus()

    def save(self) -> None:
        satisfaction = next((k for k, b in self.satisfaction_buttons.items() if b.isChecked()), "")
        try:
            complaints.resolve(self.actor, self.complaint_id, self.notes.toPlainText(), satisfaction,
                               self.will_return.currentData(), self.version)
        except FormErrors as error:
            self.show_form_errors(error)
            from helpdesk.errors import ValidationError

            raise ValidationError("", "form_errors") from None
