"""What the person is told about an expected problem, by the error's code.

The core raises ``KnownError`` subclasses with a code; this is the one place that
turns codes into translated sentences that say what to do.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from helpdesk.clock import to_local
from helpdesk.errors import KnownError
from helpdesk.localization import digits

from .i18n import current_language


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


MESSAGES = {
    # database
    "db_unreachable": QT_TRANSLATE_NOOP("Messages", "The database cannot be reached. Check that the database server is running and that this computer is connected to the network, then try again."),
    "db_locked": QT_TRANSLATE_NOOP("Messages", "The database is busy with another desk's change. Wait a moment and try again."),
    "db_read_only": QT_TRANSLATE_NOOP("Messages", "The database can only be read, not changed. Ask whoever looks after this computer to give you write access to the database file or folder."),
    "db_disk_full": QT_TRANSLATE_NOOP("Messages", "The disk is full, so nothing more can be saved. Free some space on the disk, then try again. Nothing you typed has been lost."),
    "db_corrupt": QT_TRANSLATE_NOOP("Messages", "This file is not a help-desk database, or it is damaged. Choose another file, or restore the latest backup copy."),
    "db_newer": QT_TRANSLATE_NOOP("Messages", "This database was written by a newer version of the help desk (schema {found}; this version understands up to {supported}). It has not been changed. Install the newer version of the app to open it."),
    # accounts
    "wrong_credentials": QT_TRANSLATE_NOOP("Messages", "The user name or password is not right."),
    "account_locked": QT_TRANSLATE_NOOP("Messages", "Too many wrong passwords. This account is locked until {until}. A supervisor can unlock it by resetting the password."),
    "account_inactive": QT_TRANSLATE_NOOP("Messages", "This account has been deactivated. Ask a supervisor."),
    "account_in_use": QT_TRANSLATE_NOOP("Messages", "This account has records, so it cannot be deleted. Deactivate it instead."),
    "permission_denied": QT_TRANSLATE_NOOP("Messages", "Only a supervisor can do this."),
    "not_found": QT_TRANSLATE_NOOP("Messages", "That record no longer exists. Another desk may have removed it."),
    # field validation
    "required": QT_TRANSLATE_NOOP("Messages", "This is required."),
    "username_format": QT_TRANSLATE_NOOP("Messages", "Use 3 to 64 letters, digits, dots, dashes or underscores, without spaces."),
    "username_taken": QT_TRANSLATE_NOOP("Messages", "This user name is already taken."),
    "password_short": QT_TRANSLATE_NOOP("Messages", "Use at least {minimum} characters."),
    "passwords_differ": QT_TRANSLATE_NOOP("Messages", "The two passwords are not the same."),
    "wrong_password": QT_TRANSLATE_NOOP("Messages", "This is not your current password."),
    "too_long": QT_TRANSLATE_NOOP("Messages", "Use at most {limit} characters."),
    "invalid_choice": QT_TRANSLATE_NOOP("Messages", "Choose one of the options."),
}
LAST_SUPERVISOR = QT_TRANSLATE_NOOP("Messages", "At least one active supervisor must remain, or nobody could manage accounts.")
NOT_YOURSELF = QT_TRANSLATE_NOOP("Messages", "You cannot delete your own account.")
FALLBACK = QT_TRANSLATE_NOOP("Messages", "Something went wrong: {detail}")


def message_for(error: KnownError) -> str:
    code = error.code
    params = error.params
    lang = current_language()
    if code == "permission_denied" and params.get("reason") == "last_supervisor":
        text = _t(LAST_SUPERVISOR)
    elif code == "permission_denied" and params.get("reason") == "self":
        text = _t(NOT_YOURSELF)
    else:
        text = _t(MESSAGES.get(code, FALLBACK))
    values = {"detail": error.detail}
    for key, value in params.items():
        if hasattr(value, "strftime"):
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
