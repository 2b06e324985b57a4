"""What the person is told about an expected problem, by the error's code.

The core raises ``KnownError`` subclasses with a code; this is the one place that
turns codes into translated sentences that say what to do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from helpdesk.errors import KnownError
from helpdesk.localization import digits

from .i18n import QT_TRANSLATE_NOOP, current_language


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


MESSAGES = {
    # database
    "db_unreachable": QT_TRANSLATE_NOOP(
        "Messages",
        "The database cannot be reached. Check that the database server is running and that this computer is connected to the network, then try again.",
    ),
    "db_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "Another desk kept the database busy for more than 15 seconds, so this was not saved. Everything you typed is still here: save again in a moment. If it keeps happening, ask whoever looks after the computers to check the computer that holds the database.",
    ),
    "db_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "The database can only be read, not changed. Ask whoever looks after this computer to give you write access to the database file or folder.",
    ),
    "db_disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk is full, so nothing more can be saved. Free some space on the disk, then try again. Nothing you typed has been lost.",
    ),
    "db_corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "This file is not a help-desk database, or it is damaged. Choose another file, or restore the latest backup copy.",
    ),
    "db_newer": QT_TRANSLATE_NOOP(
        "Messages",
        "This database was written by a newer version of the help desk (schema {found}; this version understands up to {supported}). It has not been changed. Install the newer version of the app to open it.",
    ),
    # accounts
    "wrong_credentials": QT_TRANSLATE_NOOP("Messages", "The user name or password is not right."),
    "account_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "Too many wrong passwords. This account is locked until {until}. A supervisor can unlock it by resetting the password.",
    ),
    "account_inactive": QT_TRANSLATE_NOOP("Messages", "This account has been deactivated. Ask a supervisor."),
    "account_in_use": QT_TRANSLATE_NOOP(
        "Messages", "This account has records, so it cannot be deleted. Deactivate it instead."
    ),
    "permission_denied": QT_TRANSLATE_NOOP("Messages", "Only a supervisor can do this."),
    "not_found": QT_TRANSLATE_NOOP("Messages", "That record no longer exists. Another desk may have removed it."),
    # field validation
    "required": QT_TRANSLATE_NOOP("Messages", "This is required."),
    "username_format": QT_TRANSLATE_NOOP(
        "Messages", "Use 3 to 64 letters, digits, dots, dashes or underscores, without spaces."
    ),
    "username_taken": QT_TRANSLATE_NOOP("Messages", "This user name is already taken."),
    "name_taken": QT_TRANSLATE_NOOP(
        "Messages",
        "This name is already in the list. If it is no longer offered, choose it in the list and offer it again.",
    ),
    "password_short": QT_TRANSLATE_NOOP("Messages", "Use at least {minimum} characters."),
    "passwords_differ": QT_TRANSLATE_NOOP("Messages", "The two passwords are not the same."),
    "wrong_password": QT_TRANSLATE_NOOP("Messages", "This is not your current password."),
    "too_long": QT_TRANSLATE_NOOP("Messages", "Use at most {limit} characters."),
    "unusable_characters": QT_TRANSLATE_NOOP(
        "Messages",
        "This text holds a broken character that cannot be saved (it can come with pasted text). Delete it, or type the text again.",
    ),
    "date_range": QT_TRANSLATE_NOOP("Messages", "This date is too far in the past or the future. Choose a nearer one."),
    "period_too_long": QT_TRANSLATE_NOOP("Messages", "A report covers at most {years} years. Choose a shorter period."),
    "invalid_choice": QT_TRANSLATE_NOOP("Messages", "Choose one of the options."),
    "name_required": QT_TRANSLATE_NOOP("Messages", "Type a given name or a family name."),
    "phone_characters": QT_TRANSLATE_NOOP(
        "Messages", "A phone number has only digits, spaces, dashes and a leading + or 00."
    ),
    "phone_invalid": QT_TRANSLATE_NOOP(
        "Messages", "This is not a valid phone number. Check the digits, or add the country code (+44 …)."
    ),
    "phone_repeated": QT_TRANSLATE_NOOP("Messages", "This number is already in the list."),
    "email_invalid": QT_TRANSLATE_NOOP("Messages", "This is not a valid e-mail address, for example name@example.com."),
    "email_repeated": QT_TRANSLATE_NOOP("Messages", "This address is already in the list."),
    "organisation_unknown": QT_TRANSLATE_NOOP(
        "Messages", "Choose an organisation from the list, or add it as a customer first."
    ),
    "too_many": QT_TRANSLATE_NOOP("Messages", "At most {limit}."),
    "csv_unwritable": QT_TRANSLATE_NOOP(
        "Messages", "The file {path} cannot be written. Choose another folder or file name."
    ),
    "form_errors": QT_TRANSLATE_NOOP("Messages", "Some fields need attention; see the messages next to them."),
    "possible_duplicates": QT_TRANSLATE_NOOP("Messages", "This may be a customer we already have."),
    "edit_conflict": QT_TRANSLATE_NOOP("Messages", "Another desk saved this customer while you were editing it."),
    "contact_conflict": QT_TRANSLATE_NOOP(
        "Messages", "Someone saved this contact after you opened it, so your correction was not saved yet."
    ),
    "record_conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "Someone else saved this after you opened it; nothing of yours was written. Look at their change, then save again.",
    ),
    "contact_already_saved": QT_TRANSLATE_NOOP("Messages", "This contact was already saved; it was not stored again."),
    "satisfaction_required": QT_TRANSLATE_NOOP("Messages", "Ask how satisfied the customer is, or choose “Not asked”."),
    "duration_range": QT_TRANSLATE_NOOP("Messages", "The duration must be between 0 and 24 hours."),
    "ends_before_start": QT_TRANSLATE_NOOP("Messages", "The end cannot be before the start."),
    "answered_before_ring": QT_TRANSLATE_NOOP("Messages", "The call cannot be answered before it rang."),
    "answered_after_end": QT_TRANSLATE_NOOP("Messages", "The call cannot be answered after it ended."),
    "follow_up_needs_customer": QT_TRANSLATE_NOOP(
        "Messages", "Choose the customer first: a follow-up needs someone to come back to."
    ),
    "assignee_inactive": QT_TRANSLATE_NOOP("Messages", "This account is deactivated; choose someone else."),
    "follow_up_closed": QT_TRANSLATE_NOOP("Messages", "This follow-up has already been completed or cancelled."),
    "out_of_range": QT_TRANSLATE_NOOP("Messages", "Use a number from {minimum} to {maximum}."),
    "complaint_state": QT_TRANSLATE_NOOP("Messages", "The complaint has moved on meanwhile; look at its state again."),
    "complaint_conflict": QT_TRANSLATE_NOOP(
        "Messages", "Someone changed this complaint after you opened it, so your change was not saved yet."
    ),
    "anger_required": QT_TRANSLATE_NOOP("Messages", "Rate the customer's anger from 1 to 5."),
    "escalation_reason": QT_TRANSLATE_NOOP("Messages", "Say why it needs a supervisor."),
    "not_a_supervisor": QT_TRANSLATE_NOOP("Messages", "Choose a supervisor."),
    "resolve_before_response": QT_TRANSLATE_NOOP(
        "Messages", "The time to resolve cannot be shorter than the time to first response."
    ),
    "not_a_picture": QT_TRANSLATE_NOOP(
        "Messages", "This is not a PNG or JPEG picture. Choose the logo as a .png or .jpg file."
    ),
    "logo_too_big": QT_TRANSLATE_NOOP("Messages", "The picture is larger than {limit} KB. Choose a smaller one."),
    # backups (helpdesk/backups.py)
    "backup_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup could not be made: the copy could not be written or did not pass its check, so it was deleted. Check that the backups folder has free space and is reachable, then try again.",
    ),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "This backup is damaged or is not a help-desk database, so it was not restored. Nothing has been replaced. Choose another backup.",
    ),
    "backup_folder_unusable": QT_TRANSLATE_NOOP(
        "Messages",
        "The backups cannot be written to this folder. Choose a folder you can write to (another disk, a USB drive or a network folder).",
    ),
    "restore_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup could not be put in place, because the current data could not be kept aside first. Nothing has been replaced. Check that the database's folder has free space and can be written to.",
    ),
    "restore_on_server": QT_TRANSLATE_NOOP(
        "Messages",
        "A database on a server is not restored from here. Load the backup into a new server database with copy-database, as the README explains.",
    ),
    # this desk's phone settings (helpdesk/telephony/desk.py)
    "extension_digits": QT_TRANSLATE_NOOP("Messages", "An extension has digits only, for example 201."),
    "no_credential_store": QT_TRANSLATE_NOOP(
        "Messages",
        "This computer has no credential store to keep the password in safely, so nothing was saved. On Linux, install and sign in to a keyring (GNOME Keyring or KWallet), then save again. What you typed is still here.",
    ),
    "credential_store_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "The computer's credential store did not let the password be saved (it may be locked). Unlock it, then save again. What you typed is still here.",
    ),
}
LAST_SUPERVISOR = QT_TRANSLATE_NOOP(
    "Messages", "At least one active supervisor must remain, or nobody could manage accounts."
)
NOT_YOURSELF = QT_TRANSLATE_NOOP("Messages", "You cannot delete your own account.")
MERGE_SELF = QT_TRANSLATE_NOOP("Messages", "Choose another customer: a customer cannot be merged with itself.")
SERVER_LOST = QT_TRANSLATE_NOOP(
    "Messages",
    "The server cannot be reached, so this was not saved. Everything you typed is still here: press Ctrl+S to save it again once the server answers (the status bar says while it does not).",
)
FALLBACK = QT_TRANSLATE_NOOP("Messages", "Something went wrong: {detail}")


def message_for(error: KnownError) -> str:
    code = error.code
    params = error.params
    lang = current_language()
    if code == "permission_denied" and params.get("reason") == "last_supervisor":
        text = _t(LAST_SUPERVISOR)
    elif code == "permission_denied" and params.get("reason") == "self":
        text = _t(NOT_YOURSELF)
    elif code == "permission_denied" and params.get("reason") == "merge_self":
        text = _t(MERGE_SELF)
    elif code == "db_unreachable" and params.get("lost"):  # in the middle of a session, at a form
        text = _t(SERVER_LOST)
    else:
        text = _t(MESSAGES.get(code, FALLBACK))
    values = {"detail": error.detail}
    for key, value in params.items():
        if hasattr(value, "strftime"):
            from helpdesk.clock import to_local

            value = to_local(value).strftime("%H:%M")
        values[key] = digits(value, lang)
    try:
        return text.format(**values)
    except (KeyError, IndexError):
        return text


ROLE_NAMES = {
    "staff": QT_TRANSLATE_NOOP("Roles", "Front-desk staff"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
}


def role_name(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES[role]) if role in ROLE_NAMES else role


# --- names of the customer record's choices ---------------------------------------
CHOICES = {
    "kind": {
        "person": QT_TRANSLATE_NOOP("Choices", "Person"),
        "organisation": QT_TRANSLATE_NOOP("Choices", "Organisation"),
    },
    "status": {
        "active": QT_TRANSLATE_NOOP("Choices", "Active"),
        "lost": QT_TRANSLATE_NOOP("Choices", "Lost"),
        "merged": QT_TRANSLATE_NOOP("Choices", "Merged"),
    },
    "segment": {
        "loyal_profitable": QT_TRANSLATE_NOOP("Choices", "Loyal and profitable"),
        "loyal_unprofitable": QT_TRANSLATE_NOOP("Choices", "Loyal, not profitable"),
        "profitable_not_loyal": QT_TRANSLATE_NOOP("Choices", "Profitable, not loyal"),
        "neither": QT_TRANSLATE_NOOP("Choices", "Neither loyal nor profitable"),
    },
    "segment_action": {
        "loyal_profitable": QT_TRANSLATE_NOOP(
            "Choices", "Deepen the relationship: they are the heart of the business."
        ),
        "loyal_unprofitable": QT_TRANSLATE_NOOP(
            "Choices", "Keep the relationship; offering related products may make it profitable."
        ),
        "profitable_not_loyal": QT_TRANSLATE_NOOP("Choices", "Work on the relationship to turn profit into loyalty."),
        "neither": QT_TRANSLATE_NOOP("Choices", "Price-driven and moved by promotions: do not over-invest."),
    },
    "referral_source": {
        "word_of_mouth": QT_TRANSLATE_NOOP("Choices", "Word of mouth"),
        "advertising": QT_TRANSLATE_NOOP("Choices", "Advertising"),
        "social_media": QT_TRANSLATE_NOOP("Choices", "Social media"),
        "website": QT_TRANSLATE_NOOP("Choices", "Website"),
        "passing_by": QT_TRANSLATE_NOOP("Choices", "Passing by"),
        "returning": QT_TRANSLATE_NOOP("Choices", "Returning customer"),
        "other": QT_TRANSLATE_NOOP("Choices", "Other"),
    },
    "phone_label": {
        "mobile": QT_TRANSLATE_NOOP("Choices", "Mobile"),
        "home": QT_TRANSLATE_NOOP("Choices", "Home"),
        "work": QT_TRANSLATE_NOOP("Choices", "Work"),
        "other": QT_TRANSLATE_NOOP("Choices", "Other"),
    },
    "language": {
        "fa": QT_TRANSLATE_NOOP("Choices", "Persian"),
        "en": QT_TRANSLATE_NOOP("Choices", "English"),
    },
    "history": {
        "create": QT_TRANSLATE_NOOP("Choices", "Created"),
        "update": QT_TRANSLATE_NOOP("Choices", "Changed"),
        "mark_lost": QT_TRANSLATE_NOOP("Choices", "Marked as lost"),
        "reactivate": QT_TRANSLATE_NOOP("Choices", "Active again"),
        "merge": QT_TRANSLATE_NOOP("Choices", "Another customer merged into this one"),
        "merged_into": QT_TRANSLATE_NOOP("Choices", "Merged into another customer"),
        "contact": QT_TRANSLATE_NOOP("Choices", "Contact"),
        "complete": QT_TRANSLATE_NOOP("Choices", "Completed"),
        "cancel": QT_TRANSLATE_NOOP("Choices", "Cancelled"),
    },
    "field": {
        "kind": QT_TRANSLATE_NOOP("Choices", "Kind"),
        "given_name": QT_TRANSLATE_NOOP("Choices", "Given name"),
        "family_name": QT_TRANSLATE_NOOP("Choices", "Family name"),
        "organisation": QT_TRANSLATE_NOOP("Choices", "Organisation"),
        "organisation_id": QT_TRANSLATE_NOOP("Choices", "Organisation"),
        "job_title": QT_TRANSLATE_NOOP("Choices", "Job title"),
        "phones": QT_TRANSLATE_NOOP("Choices", "Phones"),
        "emails": QT_TRANSLATE_NOOP("Choices", "E-mails"),
        "preferred_language": QT_TRANSLATE_NOOP("Choices", "Language"),
        "address": QT_TRANSLATE_NOOP("Choices", "Address"),
        "referral_source": QT_TRANSLATE_NOOP("Choices", "How they heard of us"),
        "tags": QT_TRANSLATE_NOOP("Choices", "Tags"),
        "notes": QT_TRANSLATE_NOOP("Choices", "Notes"),
        "status": QT_TRANSLATE_NOOP("Choices", "Status"),
        "lost_reason": QT_TRANSLATE_NOOP("Choices", "Reason lost"),
        "segment": QT_TRANSLATE_NOOP("Choices", "Segment"),
        "priority": QT_TRANSLATE_NOOP("Choices", "Priority"),
        "category_id": QT_TRANSLATE_NOOP("Choices", "Category"),
        "assignee_id": QT_TRANSLATE_NOOP("Choices", "Who deals with it"),
        "escalated_to_id": QT_TRANSLATE_NOOP("Choices", "Escalated to"),
        "description": QT_TRANSLATE_NOOP("Choices", "What happened"),
        "wanted": QT_TRANSLATE_NOOP("Choices", "What the customer wants"),
        "resolution_notes": QT_TRANSLATE_NOOP("Choices", "What was done"),
        "resolution_satisfaction": QT_TRANSLATE_NOOP("Choices", "Customer's satisfaction"),
        "satisfaction": QT_TRANSLATE_NOOP("Choices", "Customer's satisfaction"),
        "outcome": QT_TRANSLATE_NOOP("Choices", "Outcome"),
        "reason": QT_TRANSLATE_NOOP("Choices", "Reason"),
        "next_step": QT_TRANSLATE_NOOP("Choices", "Next step"),
        "due_at": QT_TRANSLATE_NOOP("Choices", "Due"),
        "promise": QT_TRANSLATE_NOOP("Choices", "Promise"),
        "active": QT_TRANSLATE_NOOP("Choices", "In use"),
        "value": QT_TRANSLATE_NOOP("Choices", "Value"),
        "current_step": QT_TRANSLATE_NOOP("Choices", "Step"),
        "anger_start": QT_TRANSLATE_NOOP("Choices", "Anger at the start"),
        "role": QT_TRANSLATE_NOOP("Choices", "Role"),
        "full_name": QT_TRANSLATE_NOOP("Choices", "Full name"),
    },
    "channel": {
        "phone": QT_TRANSLATE_NOOP("Choices", "Phone call"),
        "walk_in": QT_TRANSLATE_NOOP("Choices", "Walk-in visit"),
        "email": QT_TRANSLATE_NOOP("Choices", "E-mail"),
        "other": QT_TRANSLATE_NOOP("Choices", "Other"),
    },
    "direction": {
        "inbound": QT_TRANSLATE_NOOP("Choices", "Inbound"),
        "outbound": QT_TRANSLATE_NOOP("Choices", "Outbound"),
    },
    "outcome": {
        "resolved": QT_TRANSLATE_NOOP("Choices", "Resolved"),
        "information_given": QT_TRANSLATE_NOOP("Choices", "Information given"),
        "follow_up_needed": QT_TRANSLATE_NOOP("Choices", "Follow-up needed"),
        "complaint": QT_TRANSLATE_NOOP("Choices", "Complaint"),
        "no_answer": QT_TRANSLATE_NOOP("Choices", "No answer"),
        "other": QT_TRANSLATE_NOOP("Choices", "Other"),
    },
    "satisfaction": {
        "dissatisfied": QT_TRANSLATE_NOOP("Choices", "Dissatisfied"),
        "satisfied": QT_TRANSLATE_NOOP("Choices", "Satisfied"),
        "delighted": QT_TRANSLATE_NOOP("Choices", "Delighted"),
        "not_asked": QT_TRANSLATE_NOOP("Choices", "Not asked"),
    },
    "follow_up_state": {
        "overdue": QT_TRANSLATE_NOOP("Choices", "Overdue"),
        "due": QT_TRANSLATE_NOOP("Choices", "Due"),
        "upcoming": QT_TRANSLATE_NOOP("Choices", "Upcoming"),
        "done": QT_TRANSLATE_NOOP("Choices", "Done"),
        "cancelled": QT_TRANSLATE_NOOP("Choices", "Cancelled"),
    },
    "priority": {
        "urgent": QT_TRANSLATE_NOOP("Choices", "Urgent"),
        "high": QT_TRANSLATE_NOOP("Choices", "High"),
        "normal": QT_TRANSLATE_NOOP("Choices", "Normal"),
        "low": QT_TRANSLATE_NOOP("Choices", "Low"),
    },
    "complaint_status": {
        "new": QT_TRANSLATE_NOOP("Choices", "New"),
        "in_progress": QT_TRANSLATE_NOOP("Choices", "In progress"),
        "escalated": QT_TRANSLATE_NOOP("Choices", "Escalated"),
        "resolved": QT_TRANSLATE_NOOP("Choices", "Resolved"),
        "closed": QT_TRANSLATE_NOOP("Choices", "Closed"),
    },
    "complaint_view": {
        "mine": QT_TRANSLATE_NOOP("Choices", "My open complaints"),
        "open": QT_TRANSLATE_NOOP("Choices", "All open complaints"),
        "overdue": QT_TRANSLATE_NOOP("Choices", "Overdue complaints"),
        "escalated": QT_TRANSLATE_NOOP("Choices", "Escalated to me"),
        "all": QT_TRANSLATE_NOOP("Choices", "All complaints"),
    },
    "visibility": {
        "internal": QT_TRANSLATE_NOOP("Choices", "Internal"),
        "customer": QT_TRANSLATE_NOOP("Choices", "Said to the customer"),
    },
    "calm_outcome": {
        "calmed": QT_TRANSLATE_NOOP("Choices", "Calmed"),
        "partly_calmed": QT_TRANSLATE_NOOP("Choices", "Partly calmed"),
        "not_calmed": QT_TRANSLATE_NOOP("Choices", "Not calmed"),
        "escalated": QT_TRANSLATE_NOOP("Choices", "Escalated"),
    },
    "follow_up_kind": {
        "callback": QT_TRANSLATE_NOOP("Choices", "Callback"),
        "follow_up": QT_TRANSLATE_NOOP("Choices", "Follow-up"),
        "missed_call": QT_TRANSLATE_NOOP("Choices", "Missed call"),
    },
}


_VALUE_GROUPS = {
    "priority": "priority",
    "satisfaction": "satisfaction",
    "resolution_satisfaction": "satisfaction",
    "outcome": "outcome",
}


def describe_change(table: str, name: str, value) -> str | None:
    """ "Field: value" for one field another desk changed, as a person reads it; None for bookkeeping."""
    if name not in CHOICES["field"]:
        return None  # times of bookkeeping, ids, hashes: not what a person changed
    return f"{choice('field', name)}: {field_value(table, name, value)}"


def field_name(name: str) -> str:
    """A stored field's name as a person reads it (the name as stored when it has none)."""
    return choice("field", name) if name in CHOICES["field"] else name


def field_value(table: str, name: str, value) -> str:
    """A stored field's value as a person reads it: names for choices, ids and people, local dates."""
    from helpdesk.clock import to_local
    from helpdesk.localization import format_short_datetime
    from helpdesk.models import ComplaintCategory, Staff

    lang = current_language()
    if value in (None, "", []):
        shown = "—"
    elif name == "status":
        shown = choice("complaint_status" if table == "complaint" else "status", value)
    elif name in _VALUE_GROUPS:
        shown = choice(_VALUE_GROUPS[name], value)
    elif name == "category_id":
        category = ComplaintCategory.get_or_none(ComplaintCategory.id == value)
        shown = category.name(lang) if category else str(value)
    elif name in ("assignee_id", "escalated_to_id"):
        person = Staff.get_or_none(Staff.id == value)
        shown = person.full_name if person else str(value)
    elif name == "role":
        shown = role_name(value)
    elif isinstance(value, bool):
        shown = QCoreApplication.translate("Choices", "Yes") if value else QCoreApplication.translate("Choices", "No")
    elif name == "due_at":
        from datetime import datetime

        shown = format_short_datetime(to_local(datetime.fromisoformat(value)), lang)
    else:
        shown = str(value)
        shown = shown if len(shown) <= 80 else shown[:79] + "…"
    return digits(shown, lang) if isinstance(value, int) else shown


def choice(group: str, key: str | None) -> str:
    """The translated name of one of the record's choices; empty for none."""
    if not key:
        return ""
    text = CHOICES[group].get(key)
    return QCoreApplication.translate("Choices", text) if text else key
