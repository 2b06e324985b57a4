"""Complaints through the services on a real database: workflow, targets, escalation, permissions."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from helpdesk import accounts, audit, complaints, contacts, customers
from helpdesk.complaints import ComplaintDraft, ComplaintQuery
from helpdesk.customers import Draft, FormErrors
from helpdesk.errors import PermissionDenied, ValidationError
from helpdesk.models import Complaint, ComplaintCategory, Notification


def _customer(actor):
    return customers.create(
        actor,
        Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")]),
        confirm_duplicates=True,
    )


def _category(name="Delivery quality and speed") -> int:
    return ComplaintCategory.get(ComplaintCategory.name_en == name).id


def _raise(actor, assignee=None, **changes) -> Complaint:
    values = dict(
        customer_id=_customer(actor).id,
        category_id=_category(),
        priority="normal",
        description="The parcel came two weeks late.",
        wanted="A refund of the delivery fee",
        assignee_id=(assignee or actor).id,
    )
    values.update(changes)
    return complaints.create(actor, ComplaintDraft(**values))


def test_the_default_categories_are_seed_002s_factors(db):
    names = [c.name_en for c in complaints.categories()]
    assert names == [
        "Staff behaviour and appearance",
        "Product and packaging",
        "Price",
        "Reputation in the media",
        "Advertising",
        "After-sales service",
        "Delivery quality and speed",
        "Office materials",
        "Other",
    ]
    assert complaints.categories()[0].name("fa") == "رفتار و ظاهر کارکنان"


def test_raising_needs_a_category_a_description_and_someone(staff):
    with pytest.raises(FormErrors) as caught:
        complaints.create(staff, ComplaintDraft(priority="normal"))
    assert set(caught.value.errors) == {"category", "description", "assignee"}
    c = _raise(staff)
    assert (c.status, c.created_by_id, c.assignee_id) == ("new", staff.id, staff.id)
    assert [(e.kind, e.new_value) for e in complaints.history(c.id)] == [("status", "new")]


def test_the_workflow_and_its_history(staff, supervisor):
    c = _raise(staff)
    complaints.move(staff, c.id, "in_progress", "Called the courier")
    with pytest.raises(complaints.WrongState):
        complaints.move(staff, c.id, "new")
    with pytest.raises(FormErrors) as caught:
        complaints.resolve(staff, c.id, "", "", None)
    assert set(caught.value.errors) == {"resolution_notes", "resolution_satisfaction"}
    complaints.resolve(staff, c.id, "Refunded the delivery fee", "satisfied", True)
    complaints.move(staff, c.id, "closed")
    complaints.move(supervisor, c.id, "in_progress", "Customer rang again")  # reopened
    stored = Complaint.get_by_id(c.id)
    assert (stored.status, stored.resolved_at, stored.closed_at) == ("in_progress", None, None)
    assert stored.resolution_notes == "Refunded the delivery fee" and stored.will_return is True
    steps = [(e.old_value, e.new_value, e.actor_id) for e in complaints.history(c.id) if e.kind == "status"]
    assert steps == [
        ("", "new", staff.id),
        ("new", "in_progress", staff.id),
        ("in_progress", "resolved", staff.id),
        ("resolved", "closed", staff.id),
        ("closed", "in_progress", supervisor.id),
    ]
    assert complaints.history(c.id)[1].note == "Called the courier"
    assert all(e.at is not None for e in complaints.history(c.id))
    assert len(audit.history(stored)) == 5  # created, then four changes of state


def test_first_response_is_the_first_move_or_word_to_the_customer(staff):
    c = _raise(staff)
    complaints.comment(staff, c.id, "Checking with the warehouse", "internal")
    assert Complaint.get_by_id(c.id).first_response_at is None
    said = complaints.comment(staff, c.id, "We are on it and will call you by 4 pm", "customer")
    assert Complaint.get_by_id(c.id).first_response_at == said.at
    assert [x.visibility for x in complaints.thread(c.id)] == ["internal", "customer"]


def test_overdue_is_measured_against_the_targets_of_its_priority(staff, supervisor):
    complaints.set_targets(supervisor, {"urgent": (1, 4), "high": (2, 24), "normal": (8, 72), "low": (24, 168)})
    c = _raise(staff, priority="urgent")
    created = Complaint.get_by_id(c.id).created_at
    assert complaints.overdue_reasons(c, created + timedelta(minutes=59)) == []
    assert complaints.overdue_reasons(c, created + timedelta(minutes=61)) == ["first_response"]
    complaints.move(staff, c.id, "in_progress")
    c = Complaint.get_by_id(c.id)
    assert complaints.overdue_reasons(c, created + timedelta(hours=3)) == []
    assert complaints.overdue_reasons(c, created + timedelta(hours=4, minutes=1)) == ["resolution"]
    # The overdue view asks the database the same question.
    late = created + timedelta(hours=5)
    assert [r.id for r in complaints.page(supervisor, ComplaintQuery(view="overdue"), now=late)] == [c.id]
    assert complaints.page(supervisor, ComplaintQuery(view="overdue"), now=created + timedelta(hours=3)) == []
    complaints.resolve(staff, c.id, "Done", "delighted", True)
    assert complaints.page(supervisor, ComplaintQuery(view="overdue"), now=late) == []
    assert not complaints.is_overdue(Complaint.get_by_id(c.id), late)


def test_escalation_needs_a_reason_and_tells_the_supervisors(staff, supervisor):
    other = accounts.create_account(supervisor, "boss2", "Nima Lead", "supervisor", "another password")
    c = _raise(staff)
    with pytest.raises(ValidationError) as caught:
        complaints.escalate(staff, c.id, "  ")
    assert caught.value.code == "escalation_reason"
    complaints.escalate(staff, c.id, "Customer asks for the manager", supervisor.id)
    stored = Complaint.get_by_id(c.id)
    assert (stored.status, stored.escalated_to_id, stored.escalation_reason) == (
        "escalated",
        supervisor.id,
        "Customer asks for the manager",
    )
    told = {n.recipient_id: n for n in Notification.select()}
    assert set(told) == {supervisor.id, other.id}
    assert told[supervisor.id].complaint_id == c.id and told[supervisor.id].actor_id == staff.id
    assert [n.id for n in complaints.unread(supervisor)] == [told[supervisor.id].id]
    complaints.mark_read(supervisor, [told[supervisor.id].id])
    assert complaints.unread(supervisor) == [] and len(complaints.unread(other)) == 1
    mine = complaints.page(supervisor, ComplaintQuery(view="escalated"))
    assert [r.id for r in mine] == [c.id] and mine[0].escalated_to == "Sara Supervisor"


def test_staff_cannot_recategorise_reassign_resolve_or_close_others_or_edit_targets(staff, supervisor):
    colleague = accounts.create_account(supervisor, "desk2", "Nima Desk", "staff", "desk2 password")
    c = _raise(staff, assignee=colleague)
    with pytest.raises(PermissionDenied):
        complaints.recategorise(staff, c.id, _category("Price"))
    with pytest.raises(PermissionDenied):
        complaints.reassign(staff, c.id, staff.id)
    with pytest.raises(PermissionDenied):
        complaints.set_targets(staff, complaints.targets())
    assert not complaints.may_move(staff, c, "resolved")  # so the window offers no Resolve button
    with pytest.raises(PermissionDenied):  # only the person dealing with it, or a supervisor, resolves it
        complaints.resolve(staff, c.id, "Explained the delay", "satisfied", None)
    assert complaints.may_move(colleague, c, "resolved")
    complaints.resolve(colleague, c.id, "Explained the delay", "satisfied", None)
    with pytest.raises(PermissionDenied):
        complaints.move(staff, c.id, "closed")
    assert not complaints.may_move(staff, Complaint.get_by_id(c.id), "closed")
    # A supervisor can do all of it, and each change is in the history.
    complaints.recategorise(supervisor, c.id, _category("Price"))
    complaints.reassign(supervisor, c.id, staff.id)
    complaints.move(supervisor, c.id, "closed")
    kinds = [e.kind for e in complaints.history(c.id)]
    assert kinds.count("category") == 1 and kinds.count("assignee") == 1
    stored = Complaint.get_by_id(c.id)
    assert (stored.category_id, stored.assignee_id, stored.status) == (_category("Price"), staff.id, "closed")
    # Once it is theirs, staff may close their own.
    d = _raise(staff)
    complaints.resolve(staff, d.id, "Sorted", "delighted", True)
    complaints.move(staff, d.id, "closed")


def test_targets_are_checked(supervisor):
    with pytest.raises(ValidationError) as caught:
        complaints.set_targets(supervisor, {**complaints.targets(), "high": (30, 24)})
    assert caught.value.code == "resolve_before_response"
    with pytest.raises(ValidationError):
        complaints.set_targets(supervisor, {**complaints.targets(), "low": (0, 24)})


def test_views_and_filters(staff, supervisor):
    a = _raise(staff, priority="low")
    b = _raise(staff, assignee=supervisor, priority="urgent", category_id=_category("Price"))
    c = _raise(supervisor, priority="high")
    complaints.resolve(supervisor, c.id, "Done", "satisfied", True)
    assert [r.id for r in complaints.page(staff, ComplaintQuery(view="mine"))] == [a.id]
    assert [r.id for r in complaints.page(staff, ComplaintQuery(view="open"))] == [b.id, a.id]  # urgent first
    assert [r.id for r in complaints.page(staff, ComplaintQuery(view="all"))] == [b.id, c.id, a.id]
    assert [r.id for r in complaints.page(staff, ComplaintQuery(view="all", category_id=_category("Price")))] == [b.id]
    assert [r.id for r in complaints.page(staff, ComplaintQuery(view="all", priority="high"))] == [c.id]
    today = datetime.now().date()
    assert complaints.count(staff, ComplaintQuery(view="all", date_from=today, date_to=today)) == 3
    assert complaints.count(staff, ComplaintQuery(view="all", date_to=today - timedelta(days=1))) == 0
    assert complaints.open_counts() == {"open": 2, "overdue": 0}
    assert complaints.open_counts(staff) == {"open": 1, "overdue": 0}


def test_a_long_list_comes_in_pages_that_follow_on_overdue_first(staff):
    """The order is the database's: page after page, overdue first, then by priority, then oldest;
    the counts say how many there are in all and how many are overdue, beyond any page."""
    import time_machine

    made = []
    start = datetime(2026, 6, 1, 9, 0)
    for hours, priority in (
        (0, "low"),
        (1, "urgent"),
        (2, "normal"),
        (3, "high"),
        (4, "urgent"),
        (5, "normal"),
        (6, "low"),
    ):
        with time_machine.travel(start + timedelta(hours=hours), tick=False):
            made.append(_raise(staff, priority=priority))
    now = start + timedelta(hours=7)  # urgent answers are due within an hour: those two are overdue, no other
    query = ComplaintQuery(view="all")
    whole = complaints.page(staff, query, 0, 100, now=now)
    pages = [row for offset in range(0, 7, 2) for row in complaints.page(staff, query, offset, 2, now=now)]
    assert [r.id for r in pages] == [r.id for r in whole]
    assert [r.overdue != [] for r in whole] == [True, True, False, False, False, False, False]
    assert [r.id for r in whole] == [made[i].id for i in (1, 4, 3, 2, 5, 0, 6)]
    assert complaints.counts(staff, query, now) == (7, 2)


def test_a_complaint_raised_from_a_contact_keeps_the_link(staff):
    customer = _customer(staff)
    contact = contacts.create(
        staff,
        contacts.ContactDraft(
            customer_id=customer.id, started_at=datetime(2026, 11, 2), outcome="complaint", satisfaction="dissatisfied"
        ),
    )
    c = _raise(staff, customer_id=customer.id, contact_id=contact.id)
    assert Complaint.get_by_id(c.id).contact_id == contact.id
    assert complaints.count(staff, ComplaintQuery(view="all", customer_id=customer.id)) == 1


def test_satisfaction_mix_counts_the_last_30_days(staff):
    customer = _customer(staff)
    now = datetime(2026, 11, 23, 12, 0)
    for days, level in ((1, "delighted"), (2, "satisfied"), (3, "satisfied"), (10, "dissatisfied"), (40, "satisfied")):
        contacts.create(
            staff,
            contacts.ContactDraft(
                customer_id=customer.id, started_at=now - timedelta(days=days), outcome="resolved", satisfaction=level
            ),
        )
    assert complaints.satisfaction_mix(30, now) == {"dissatisfied": 1, "satisfied": 2, "delighted": 1, "not_asked": 0}
