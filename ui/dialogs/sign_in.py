"""The first-run dialog (creates the first supervisor) and the sign-in dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit

from helpdesk import accounts
from helpdesk.errors import KnownError, ValidationError
from helpdesk.localization import left_to_right

from ..widgets import FormDialog, check_passwords_match, new_account_problems, password_edit


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _location_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("databaseLocation")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setEnabled(False)
    return label


class FirstRunDialog(FormDialog):
    """On an empty database: who will be the first supervisor."""

    signed_in = Signal(object)

    def __init__(self, location: str, parent=None):
        super().__init__(self.tr("Welcome to the help desk"), self.tr("Create account"), parent)
        self.setObjectName("firstRunDialog")
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "This database is new. The first account is a supervisor, who can then add the "
                "front-desk staff and other supervisors in Settings."
            )
        )
        intro.setWordWrap(True)
        self.column.insertWidget(0, heading(self.tr("Create the first supervisor account")))
        self.column.insertWidget(1, intro)
        self.column.insertWidget(2, _location_label(self.tr("Database: {0}").format(left_to_right(location))))
        self.full_name = QLineEdit()
        self.fields.add("full_name", self.tr("Full name"), self.full_name)
        self.username = QLineEdit()
        self.fields.add("username", self.tr("User name"), self.username)
        self.password = password_edit("password")
        self.fields.add("password", self.tr("Password"), self.password)
        self.confirm = password_edit("confirm")
        self.fields.add("confirm", self.tr("Password again"), self.confirm)
        self.full_name.setObjectName("fullName")
        self.username.setObjectName("username")
        self.full_name.setFocus()

    def problems(self):
        return new_account_problems(self)

    def save(self) -> None:
        check_passwords_match(self.password, self.confirm)
        staff = accounts.create_first_supervisor(self.username.text(), self.full_name.text(), self.password.text())
        self.signed_in.emit(staff)


class SignInDialog(FormDialog):
    signed_in = Signal(object)

    def __init__(self, location: str, username: str = "", parent=None):
        super().__init__(self.tr("Sign in"), self.tr("Sign in"), parent)
        self.setObjectName("signInDialog")
        self.column.insertWidget(0, heading(self.tr("Help desk")))
        self.column.insertWidget(1, _location_label(self.tr("Database: {0}").format(left_to_right(location))))
        self.username = QLineEdit(username)
        self.fields.add("username", self.tr("User name"), self.username)
        self.password = password_edit("password")
        self.fields.add("password", self.tr("Password"), self.password)
        self.username.setObjectName("username")
        (self.password if username else self.username).setFocus()

    def problems(self):
        """Both fields are needed; an empty password is asked for, not tried (a try counts towards the lock)."""
        problems = []
        if not self.username.text().strip():
            problems.append(ValidationError("username", "required"))
        if not self.password.text():
            problems.append(ValidationError("password", "required"))
        return problems

    def save(self) -> None:
        staff = accounts.authenticate(self.username.text(), self.password.text())
        self.signed_in.emit(staff)

    def after_error(self, error: KnownError) -> None:
        # Keep what was typed; select the password so typing again replaces it.
        if not isinstance(error, ValidationError):
            self.password.setFocus()
            self.password.selectAll()
