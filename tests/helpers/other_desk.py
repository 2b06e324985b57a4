"""Another desk, in a process of its own: one action through the services, then it exits.

    python tests/helpers/other_desk.py DATABASE ACTION ARGS...

escalate COMPLAINT STAFF REASON · comment COMPLAINT STAFF TEXT · complaint CUSTOMER STAFF TEXT
reassign COMPLAINT SUPERVISOR ASSIGNEE · contact CUSTOMER STAFF NOTES · setting KEY JSON STAFF · present KIND ID STAFF: says this desk edits the record, prints "said", and says it stopped when its
standard input closes.
"""

from __future__ import annotations

import sys

from typing_child import _travel_with_the_parent


def main() -> None:
    _travel_with_the_parent()
    target, action, *args = sys.argv[1:]
    from helpdesk import complaints, migrations
    from helpdesk.models import ComplaintCategory, Staff

    migrations.open_and_migrate(target)
    if action == "escalate":
        complaint_id, staff_id, reason = args
        complaints.escalate(Staff.get_by_id(int(staff_id)), int(complaint_id), reason)
    elif action == "comment":
        complaint_id, staff_id, text = args
        complaints.comment(Staff.get_by_id(int(staff_id)), int(complaint_id), text)
    elif action == "complaint":
        customer_id, staff_id, text = args
        category = ComplaintCategory.select().order_by(ComplaintCategory.id).first()
        complaints.create(
            Staff.get_by_id(int(staff_id)),
            complaints.ComplaintDraft(
                customer_id=int(customer_id) or None,
                category_id=category.id,
                description=text,
                assignee_id=int(staff_id),
            ),
        )
    elif action == "reassign":
        complaint_id, supervisor_id, assignee_id = args
        complaints.reassign(Staff.get_by_id(int(supervisor_id)), int(complaint_id), int(assignee_id))
    elif action == "contact":
        from datetime import datetime

        from helpdesk import contacts

        customer_id, staff_id, notes = args
        contacts.create(
            Staff.get_by_id(int(staff_id)),
            contacts.ContactDraft(
                customer_id=int(customer_id),
                started_at=datetime(2026, 6, 16, 6, 0),
                notes=notes,
                outcome="resolved",
                satisfaction="satisfied",
            ),
        )
    elif action == "setting":
        import json

        from helpdesk import settings

        key, value, staff_id = args
        settings.set_value(Staff.get_by_id(int(staff_id)), key, json.loads(value), settings.version(key))
    elif action == "present":
        kind, record_id, staff_id = args
        _present(target, kind, record_id, Staff.get_by_id(int(staff_id)))
    else:
        raise SystemExit(f"unknown action {action}")
    print("done", flush=True)


def _present(target: str, kind: str, record_id: str, person) -> None:
    import dataclasses

    from helpdesk import changes, presence
    from helpdesk.clock import utcnow

    said = presence.Presence(kind, record_id, person.id, person.full_name, changes.DESK, True, utcnow(), hello=True)
    if changes.listens():
        listener = changes.Listener()

        def say(p):
            return listener.send(presence.encode(p))
    else:
        say = presence.FileBoard(target).say
    say(said)
    print("said", flush=True)
    sys.stdin.read()  # until the test closes the window on this desk
    say(dataclasses.replace(said, editing=False, at=utcnow(), hello=False))


if __name__ == "__main__":
    main()
