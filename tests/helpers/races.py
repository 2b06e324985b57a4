"""Two desks saving the same record at the same moment, in two real processes.

``Desks`` starts two worker processes, each with its own connection to the test's
database and signed in as its own supervisor. For each trial the parent prepares a
record, both workers wait at a barrier, then both save it from the same version the
parent read. Each says "saved" (with the value it wrote) or "told" (``Conflict``),
or the error it got.

Each kind of record is a ``Kind``: ``prepare`` makes a fresh record and returns its id
and version, ``save`` is what a desk does (``desk`` is 0 or 1, so the two write
different values), and ``stored`` reads back what the database holds.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

TRIAL_TIMEOUT = 60  # seconds: a worker that has not answered by then is stuck


@dataclass(frozen=True)
class Kind:
    prepare: Callable  # (supervisor, trial) -> (record id, version)
    save: Callable  # (actor, desk, record id, version) -> the value written
    stored: Callable  # (record id) -> the value stored


# --- the kinds of record a person edits -------------------------------------------------------


def _customer(actor, trial):
    from helpdesk import customers

    return customers.create(
        actor,
        customers.Draft(
            given_name="Maryam", family_name=f"Karimi {trial}", phones=[("mobile", f"0912 345 {trial:04d}")]
        ),
        confirm_duplicates=True,
    )


def _complaint(actor, trial):
    from helpdesk import complaints
    from helpdesk.models import ComplaintCategory

    category = ComplaintCategory.select().order_by(ComplaintCategory.id).first().id
    return complaints.create(
        actor,
        complaints.ComplaintDraft(
            customer_id=_customer(actor, trial).id,
            category_id=category,
            priority="normal",
            description="The parcel came two weeks late.",
            assignee_id=actor.id,
        ),
    )


def prepare_complaint(actor, trial):
    row = _complaint(actor, trial)
    return row.id, row.version


def prepare_complaint_in_progress(actor, trial):
    from helpdesk import complaints

    row = _complaint(actor, trial)
    row = complaints.move(actor, row.id, complaints.IN_PROGRESS, version=row.version)
    return row.id, row.version


def move_complaint(actor, desk, record_id, version):
    from helpdesk import complaints

    complaints.move(actor, record_id, complaints.IN_PROGRESS, note=f"desk {desk}", version=version)
    return f"desk {desk}"


def complaint_status(record_id):
    """The note of the one move out of "new" (two moves out of one state would be a lost update)."""
    from helpdesk.models import ComplaintEvent

    notes = [
        e.note
        for e in ComplaintEvent.select().where(
            (ComplaintEvent.complaint == record_id)
            & (ComplaintEvent.kind == "status")
            & (ComplaintEvent.old_value == "new")
        )
    ]
    return notes[0] if len(notes) == 1 else notes


def resolve_complaint(actor, desk, record_id, version):
    from helpdesk import complaints

    notes = f"Refunded by desk {desk}"
    complaints.resolve(actor, record_id, notes, "satisfied", True, version=version)
    return notes


def resolution(record_id):
    from helpdesk.models import Complaint

    return Complaint.get_by_id(record_id).resolution_notes


def set_priority(actor, desk, record_id, version):
    from helpdesk import complaints

    priority = ("high", "urgent")[desk]
    complaints.set_priority(actor, record_id, priority, version=version)
    return priority


def priority(record_id):
    from helpdesk.models import Complaint

    return Complaint.get_by_id(record_id).priority


def prepare_contact(actor, trial):
    from helpdesk import contacts

    start = datetime(2026, 11, 23, 9, 30)
    row = contacts.create(
        actor,
        contacts.ContactDraft(
            customer_id=_customer(actor, trial).id,
            started_at=start,
            ended_at=start + timedelta(minutes=4),
            reason="Invoice question",
            notes="Asked about the invoice.",
            outcome="resolved",
            satisfaction="satisfied",
        ),
    )
    return row.id, row.version


def correct_contact(actor, desk, record_id, version):
    from helpdesk import contacts
    from helpdesk.models import Contact

    row = Contact.get_by_id(record_id)
    notes = f"Corrected by desk {desk}"
    contacts.update(
        actor,
        record_id,
        contacts.ContactDraft(
            customer_id=row.customer_id,
            started_at=row.started_at,
            ended_at=row.ended_at,
            reason=row.reason,
            notes=notes,
            outcome=row.outcome,
            satisfaction=row.satisfaction,
        ),
        version,
    )
    return notes


def contact_notes(record_id):
    from helpdesk.models import Contact

    return Contact.get_by_id(record_id).notes


def prepare_follow_up(actor, trial):
    from helpdesk import followups

    row = followups.create(
        actor, _customer(actor, trial).id, datetime(2026, 11, 24, 10, 0), actor.id, "Call back about the refund"
    )
    return row.id, row.version


def reschedule(actor, desk, record_id, version):
    from helpdesk import followups

    due = datetime(2026, 11, 25 + desk, 11, 0)
    followups.reschedule(actor, record_id, due, version=version)
    return due


def follow_up_due(record_id):
    from helpdesk.models import FollowUp

    return FollowUp.get_by_id(record_id).due_at


def prepare_calm(actor, trial):
    from helpdesk import calm

    row = calm.start(actor, _customer(actor, trial).id)
    return row.id, row.version


def calm_progress(actor, desk, record_id, version):
    from helpdesk import calm

    session = calm.get(actor, record_id)
    state = calm.state_of(session)
    state.anger_start = 4
    state.steps[desk].ticked = True
    state.steps[desk].note = f"Noted at desk {desk}"
    calm.save_progress(actor, record_id, state, version=version)
    return f"Noted at desk {desk}"


def calm_notes(record_id):
    from helpdesk.models import CalmStep

    notes = [
        s.note for s in CalmStep.select().where(CalmStep.session == record_id).order_by(CalmStep.position) if s.note
    ]
    return notes[0] if len(notes) == 1 else notes


def prepare_setting(actor, trial):
    from helpdesk import settings

    settings.forget()  # the desks saved since this process last read the settings (the change bus's job in the app)
    return 0, settings.version("hold_reminder_seconds")


def set_hold_reminder(actor, desk, record_id, version):
    from helpdesk import settings

    seconds = 100 + desk
    settings.set_value(actor, "hold_reminder_seconds", seconds, version)
    return seconds


def hold_reminder(record_id):
    from helpdesk import settings

    settings.forget()
    return settings.get("hold_reminder_seconds")


def prepare_targets(actor, trial):
    from helpdesk import settings

    settings.forget()
    return 0, settings.version("complaint_targets")


def set_targets(actor, desk, record_id, version):
    from helpdesk import complaints

    values = dict(complaints.targets())
    values["urgent"] = (1, 10 + desk)
    complaints.set_targets(actor, values, version=version)
    return 10 + desk


def urgent_resolution_hours(record_id):
    from helpdesk import complaints, settings

    settings.forget()
    return complaints.targets()["urgent"][1]


def prepare_steps(actor, trial):
    from helpdesk import calm

    base = calm.current().version
    return base, base


def save_steps(actor, desk, record_id, version):
    from helpdesk import calm

    steps = calm.steps_of(calm.current())
    steps[0]["title"]["en"] = f"Listen (desk {desk})"
    calm.save_steps(actor, steps, base_version=version)
    return f"Listen (desk {desk})"


def first_step_title(base):
    """The first step's title in each version saved after ``base``: one, the winner's."""
    from helpdesk import calm
    from helpdesk.models import ChecklistVersion

    titles = [
        calm.steps_of(v)[0]["title"]["en"]
        for v in ChecklistVersion.select().where(ChecklistVersion.version > base).order_by(ChecklistVersion.version)
    ]
    return titles[0] if len(titles) == 1 else titles


def prepare_category(actor, trial):
    from helpdesk import complaints

    row = complaints.add_category(actor, f"Category {trial}", f"دسته {trial}")
    return row.id, row.version


def toggle_category(actor, desk, record_id, version):
    from helpdesk import complaints

    # One desk retires it, the other renames nothing but re-saves it active: both are edits of one version.
    complaints.set_category_active(actor, record_id, desk == 1, version=version)
    return desk == 1


def category_active(record_id):
    from helpdesk.models import ComplaintCategory

    return ComplaintCategory.get_by_id(record_id).active


def prepare_lost_reason(actor, trial):
    from helpdesk import customers

    row = customers.add_lost_reason(actor, f"Reason {trial}", f"دلیل {trial}")
    return row.id, row.version


def toggle_lost_reason(actor, desk, record_id, version):
    from helpdesk import customers

    customers.set_lost_reason_active(actor, record_id, desk == 1, version=version)
    return desk == 1


def lost_reason_active(record_id):
    from helpdesk.models import LostReason

    return LostReason.get_by_id(record_id).active


def prepare_account(actor, trial):
    from helpdesk import accounts

    row = accounts.create_account(actor, f"desk{trial}", f"Desk {trial}", "staff", "desk password")
    return row.id, row.version


def reset_password(actor, desk, record_id, version):
    from helpdesk import accounts

    password = f"new password {desk}"
    accounts.reset_password(actor, record_id, password, version=version)
    return password


def working_password(record_id):
    from helpdesk import accounts
    from helpdesk.models import Staff

    row = Staff.get_by_id(record_id)
    works = [p for p in ("new password 0", "new password 1") if accounts._verify(row.password_hash, p)]
    return works[0] if len(works) == 1 else works


def prepare_customer(actor, trial):

    row = _customer(actor, trial)
    return row.id, row.version


def edit_customer(actor, desk, record_id, version):
    from helpdesk import customers

    record = customers.get(record_id)
    base = record.snapshot()
    draft = customers.Draft(
        given_name="Maryam", family_name=f"Karimi (desk {desk})", phones=[(p.label, p.number) for p in record.phones]
    )
    customers.update(actor, record_id, draft, {**base, "version": version}, confirm_duplicates=True)
    return f"Karimi (desk {desk})"


def family_name(record_id):
    from helpdesk.models import Customer

    return Customer.get_by_id(record_id).family_name


KINDS = {
    "complaint move": Kind(prepare_complaint, move_complaint, complaint_status),
    "complaint resolution": Kind(prepare_complaint_in_progress, resolve_complaint, resolution),
    "complaint priority": Kind(prepare_complaint, set_priority, priority),
    "contact correction": Kind(prepare_contact, correct_contact, contact_notes),
    "follow-up": Kind(prepare_follow_up, reschedule, follow_up_due),
    "calm-down progress": Kind(prepare_calm, calm_progress, calm_notes),
    "setting": Kind(prepare_setting, set_hold_reminder, hold_reminder),
    "response targets": Kind(prepare_targets, set_targets, urgent_resolution_hours),
    "calm-down steps": Kind(prepare_steps, save_steps, first_step_title),
    "complaint category": Kind(prepare_category, toggle_category, category_active),
    "lost reason": Kind(prepare_lost_reason, toggle_lost_reason, lost_reason_active),
    "account": Kind(prepare_account, reset_password, working_password),
    "customer": Kind(prepare_customer, edit_customer, family_name),
}


# --- the two desks -----------------------------------------------------------------------------


def _desk(target: str, actor_id: int, desk: int, jobs, answers, barrier) -> None:
    from tests.helpers.typing_child import _travel_with_the_parent

    _travel_with_the_parent()  # the parent test's clock
    from helpdesk import db as dbmod
    from helpdesk.errors import Conflict
    from helpdesk.models import Staff

    dbmod.bind(dbmod.open_database(target))
    actor = Staff.get_by_id(actor_id)
    while True:
        job = jobs.get()
        if job is None:
            break
        kind, record_id, version = job
        try:
            barrier.wait(TRIAL_TIMEOUT)
            value = KINDS[kind].save(actor, desk, record_id, version)
            answers.put((desk, "saved", value))
        except Conflict:
            answers.put((desk, "told", None))
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails with it
            answers.put((desk, "error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    dbmod.close()


class Desks:
    """Two worker processes on one database, each signed in as one of ``actor_ids``."""

    def __init__(self, target: str, actor_ids: tuple[int, int], worker=None):
        """``worker``: what each desk runs (a module-level function taking the target, its actor id, its
        number, its job queue, the answers queue and the barrier); by default ``_desk``, which saves."""
        context = multiprocessing.get_context("spawn")
        self.barrier = context.Barrier(2)
        self.answers = context.Queue()
        self.jobs = [context.Queue(), context.Queue()]
        self.workers = [
            context.Process(
                target=worker or _desk,
                args=(target, actor_ids[desk], desk, self.jobs[desk], self.answers, self.barrier),
                daemon=True,
            )
            for desk in (0, 1)
        ]
        for worker_process in self.workers:
            worker_process.start()

    def send(self, jobs: list) -> list[tuple]:
        """Desk 0 does ``jobs[0]`` and desk 1 ``jobs[1]`` at the same moment: their two answers, by desk."""
        for queue, job in zip(self.jobs, jobs):
            queue.put(job)
        return sorted(self.answers.get(timeout=TRIAL_TIMEOUT) for _ in (0, 1))

    def race(self, kind: str, record_id: int, version: int) -> list[tuple[int, str, object]]:
        """Both desks save ``record_id`` from ``version`` at the same moment: their two answers, by desk."""
        return self.send([(kind, record_id, version)] * 2)

    def close(self) -> None:
        for queue in self.jobs:
            queue.put(None)
        for worker in self.workers:
            worker.join(10)
            if worker.is_alive():
                worker.kill()
