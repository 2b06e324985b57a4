"""Raising a complaint, escalating it and resolving it: small forms over ``helpdesk.complaints``."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from helpdesk import accounts, complaints, contacts, customers
from helpdesk.customers import FormErrors
from helpdesk.errors import ValidationError
from helpdesk.models import Staff

from .. import i18n
from ..messages import choice, message_for
from ..widgets import ErrorLabel, FormDialog, FormFields, MatchKeys


def _text_box(name: str, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def _change_signals(editor: QWidget) -> list:
    """The signals that say a person changed ``editor`` (or the fields inside it)."""
    signals = []
    for widget in [editor, *editor.findChildren(QWidget)]:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            signals.append(widget.textChanged)
        elif isinstance(widget, QComboBox):
            signals.append(widget.currentIndexChanged)
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            signals.append(widget.toggled)
    return signals


class KeyboardFormDialog(FormDialog):
    """A complaint form on top of ``FormDialog`` (Ctrl+S, Esc that asks, names for screen readers):
    a field's message goes as soon as the field is changed, the typing in multi-line fields counts
    as typed for Esc, and the focus starts where the person types first.

    A subclass calls ``ready(first)`` at the end of its ``__init__``."""

    def ready(self, first: QWidget) -> None:
        for name, editor in self.fields.editors.items():
            for signal in _change_signals(editor):
                signal.connect(lambda *_args, field=name: self.field_changed(field))
        first.setFocus()

    def field_changed(self, field: str) -> None:
        """A message says what to fix; once the field is changed it has done its work."""
        self.fields.errors[field].clear_message()
        if all(error.isHidden() for error in self.fields.errors.values()):
            self.message.clear_message()


def staff_combo(actor: Staff, name: str, selected: int | None, supervisors_only: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for person in accounts.colleagues(actor):
        if not supervisors_only or person.is_supervisor:
            combo.addItem(person.full_name, person.id)
    combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


class FormErrorsMixin:
    # Given by the form dialog it is mixed into.
    fields: FormFields
    message: ErrorLabel

    def show_form_errors(self, error: FormErrors, extra: dict[str, str] | None = None) -> None:
        """Every problem at once, each next to its field; the focus goes to the first of them."""
        messages = {name: message_for(problem) for name, problem in error.errors.items()}
        messages.update(extra or {})
        first = None
        for name, editor in self.fields.editors.items():  # in the order of the form
            if name in messages:
                self.fields.errors[name].show_message(messages[name])
                first = first or editor
        self.message.show_message(message_for(error))
        if first is not None:
            first.setFocus()


class NewComplaintDialog(FormErrorsMixin, KeyboardFormDialog):
    """A complaint, from a contact, from a customer's profile, or on its own.

    The customer is found as you type: Up and Down move through the matches, Enter or a click
    chooses one; a customer typed but not chosen is never dropped silently."""

    saved = Signal(int)

    def __init__(
        self,
        actor: Staff,
        customer_id: int | None = None,
        contact_id: int | None = None,
        description: str = "",
        parent=None,
    ):
        super().__init__(self.tr("New complaint"), self.tr("Raise the complaint"), parent)
        self.setObjectName("newComplaintDialog")
        self.actor = actor
        self.contact_id = contact_id
        self.customer_id = customer_id
        self.complaint_id: int | None = None  # once raised
        lang = i18n.current_language()
        customer_row = QWidget()
        customer_layout = QHBoxLayout(customer_row)
        customer_layout.setContentsMargins(0, 0, 0, 0)
        self.customer_label = QLabel()
        self.customer_label.setObjectName("complaintCustomer")
        self.change_customer = QPushButton(self.tr("Change"))
        self.change_customer.setObjectName("complaintChangeCustomer")
        self.change_customer.setAccessibleName(self.tr("Change the customer"))
        self.change_customer.setAutoDefault(False)
        self.change_customer.clicked.connect(lambda: self.set_customer(None))
        self.lookup = QLineEdit()
        self.lookup.setObjectName("complaintCustomerLookup")
        self.lookup.setPlaceholderText(self.tr("Phone number or name; leave empty if they gave none"))
        self.lookup.textChanged.connect(self._look_up)
        customer_layout.addWidget(self.customer_label, 1)
        customer_layout.addWidget(self.change_customer)
        customer_layout.addWidget(self.lookup, 1)
        self.fields.add("customer", self.tr("Customer"), customer_row)
        customer_row.setFocusProxy(self.lookup)
        self.lookup.setAccessibleName(self.tr("Customer"))
        self.matches = QListWidget()
        self.matches.setObjectName("complaintCustomerMatches")
        self.matches.setAccessibleName(self.tr("Customers found"))
        self.matches.setMaximumHeight(90)
        self.matches.hide()
        self.matches.itemActivated.connect(self._choose)
        self.matches.itemClicked.connect(self._choose)
        self.match_keys = MatchKeys(self.lookup, self.matches, self._choose, self)
        self.fields.layout.addRow("", self.matches)
        self.category = QComboBox()
        self.fields.add("category", self.tr("Category"), self.category)
        self.category.setObjectName("complaintCategory")
        self.category.addItem(self.tr("Choose…"), None)
        for category in complaints.categories():
            self.category.addItem(category.name(lang), category.id)
        self.priority = QComboBox()
        self.fields.add("priority", self.tr("Priority"), self.priority)
        self.priority.setObjectName("complaintPriority")
        for key in complaints.PRIORITIES:
            self.priority.addItem(choice("priority", key), key)
        self.priority.setCurrentIndex(self.priority.findData("normal"))
        self.description = _text_box("complaintDescription")
        self.fields.add("description", self.tr("What happened"), self.description)
        self.description.setPlainText(description)
        self.wanted = _text_box("complaintWanted", 2)
        self.fields.add("wanted", self.tr("What the customer wants"), self.wanted)
        self.assignee = staff_combo(actor, "complaintAssignee", actor.id)
        self.fields.add("assignee", self.tr("Who deals with it"), self.assignee)
        self.set_customer(customer_id)
        self.ready(self.category if customer_id else self.lookup)

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.matches.hide()
        chosen = customer_id is not None
        if customer_id is not None:
            mark = "\u200f" if i18n.current_language() == "fa" else "\u200e"
            self.customer_label.setText(mark + customers.get(customer_id).customer.display_name)
        self.customer_label.setVisible(chosen)
        self.change_customer.setVisible(chosen)
        self.lookup.setVisible(not chosen)
        if "customer" in self.fields.errors:
            self.field_changed("customer")
        if chosen:
            self.category.setFocus()
        elif self.isVisible():
            self.lookup.setFocus()
            self._look_up(self.lookup.text())

    def _choose(self, item: QListWidgetItem) -> None:
        self.set_customer(item.data(Qt.ItemDataRole.UserRole))

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
            customer_id=self.customer_id,
            contact_id=self.contact_id,
            category_id=self.category.currentData(),
            priority=self.priority.currentData(),
            description=self.description.toPlainText(),
            wanted=self.wanted.toPlainText(),
            assignee_id=self.assignee.currentData(),
        )
        pending = self.customer_id is None and bool(self.lookup.text().strip())
        extra = {}
        if pending:
            # A customer typed but not chosen is not dropped. The service checks the rest as for a
            # customer it cannot find (it never stores such a draft), so every problem shows at once.
            draft = replace(draft, customer_id=0)
            extra["customer"] = self.tr(
                "Choose the customer from the list (Enter), or clear the box to raise the complaint without one."
            )
        try:
            complaint = complaints.create(self.actor, draft)
        except FormErrors as error:
            self.show_form_errors(error, extra)
            raise ValidationError("", "form_errors") from None  # keeps the dialog open; the fields say why
        self.complaint_id = complaint.id

    def accept(self) -> None:
        super().accept()
        # Said once the form is gone: the complaint window opened for it must not sit behind this
        # (modal) form, or it cannot take the focus.
        if self.complaint_id is not None:
            self.saved.emit(self.complaint_id)


class EscalateDialog(KeyboardFormDialog):
    def __init__(self, actor: Staff, complaint_id: int, version: int, parent=None):
        super().__init__(self.tr("Escalate to a supervisor"), self.tr("Escalate now"), parent)
        self.setObjectName("escalateDialog")
        self.actor = actor
        self.complaint_id = complaint_id
        self.version = version
        self.reason = _text_box("escalationReason", 3)
        self.fields.add("reason", self.tr("Why"), self.reason)
        self.supervisor = staff_combo(actor, "escalationSupervisor", None, supervisors_only=True)
        self.fields.add("supervisor", self.tr("To"), self.supervisor)
        others = [i for i in range(self.supervisor.count()) if self.supervisor.itemData(i) != actor.id]
        if others:
            self.supervisor.setCurrentIndex(others[0])
        self.ready(self.reason)

    def save(self) -> None:
        complaints.escalate(
            self.actor, self.complaint_id, self.reason.toPlainText(), self.supervisor.currentData(), self.version
        )


class ResolveDialog(FormErrorsMixin, KeyboardFormDialog):
    def __init__(self, actor: Staff, complaint_id: int, version: int, parent=None):
        super().__init__(self.tr("Resolve the complaint"), self.tr("Resolve"), parent)
        self.setObjectName("resolveDialog")
        self.actor = actor
        self.complaint_id = complaint_id
        self.version = version
        self.notes = _text_box("resolutionNotes", 3)
        self.fields.add("resolution_notes", self.tr("What was done"), self.notes)
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
        self.will_return = QComboBox()
        self.fields.add("will_return", self.tr("Will they come back?"), self.will_return)
        self.will_return.setObjectName("willReturn")
        self.will_return.addItem(self.tr("Don't know"), None)
        self.will_return.addItem(self.tr("Yes"), True)
        self.will_return.addItem(self.tr("No"), False)
        for key, button in self.satisfaction_buttons.items():
            button.setAccessibleName(self.tr("Customer's satisfaction: {0}").format(choice("satisfaction", key)))
        self.ready(self.notes)

    def save(self) -> None:
        satisfaction = next((k for k, b in self.satisfaction_buttons.items() if b.isChecked()), "")
        try:
            complaints.resolve(
                self.actor,
                self.complaint_id,
                self.notes.toPlainText(),
                satisfaction,
                self.will_return.currentData(),
                self.version,
            )
        except FormErrors as error:
            self.show_form_errors(error)
            raise ValidationError("", "form_errors") from None
