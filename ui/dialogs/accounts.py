"""Dialogs for managing accounts: a new account, a new password; and what a supervisor is told
when another supervisor changed an account first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget

from helpdesk import accounts
from helpdesk.errors import Conflict, ValidationError
from helpdesk.localization import isolate
from helpdesk.models import ROLE_STAFF, ROLE_SUPERVISOR, Staff

from ..i18n import current_language
from ..messages import role_name
from ..widgets import FormDialog, check_passwords_match, new_account_problems, password_edit


class NewAccountDialog(FormDialog):
    def __init__(self, actor: Staff, parent=None):
        super().__init__(self.tr("New account"), self.tr("Create account"), parent)
        self.setObjectName("newAccountDialog")
        self.actor = actor
        self.created: Staff | None = None
        self.full_name = QLineEdit()
        self.fields.add("full_name", self.tr("Full name"), self.full_name)
        self.username = QLineEdit()
        self.fields.add("username", self.tr("User name"), self.username)
        self.role = QComboBox()
        for role in (ROLE_STAFF, ROLE_SUPERVISOR):
            self.role.addItem(role_name(role), role)
        self.fields.add("role", self.tr("Role"), self.role)
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
        self.created = accounts.create_account(
            self.actor, self.username.text(), self.full_name.text(), self.role.currentData(), self.password.text()
        )


def show_account_conflict(parent: QWidget | None, conflict: Conflict) -> QMessageBox:
    """Another supervisor changed the account after this one saw it: nothing was saved; what they changed.
    The caller shows the account as stored now."""
    from ..messages import describe_change

    lines = [
        QCoreApplication.translate(
            "Accounts",
            "Another supervisor changed this account after you opened it, "
            "so nothing of yours was saved. It now shows their change.",
        )
    ]
    lines += [
        f"• {text}" for name, _mine, theirs in conflict.changes if (text := describe_change("staff", name, theirs))
    ]
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Accounts", "Account changed"),
        "\n".join(lines),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("accountConflictBox")
    box.open()
    return box


class ResetPasswordDialog(FormDialog):
    def __init__(self, actor: Staff, target: Staff, parent=None):
        super().__init__(
            self.tr("New password for {0}").format(isolate(target.full_name, current_language())),
            self.tr("Set password"),
            parent,
        )
        self.setObjectName("resetPasswordDialog")
        self.actor = actor
        self.target = target
        self.version = target.version  # the account as the supervisor saw it; "Keep mine" saves over a newer one
        self.password = password_edit("password")
        self.fields.add("password", self.tr("New password"), self.password)
        self.confirm = password_edit("confirm")
        self.fields.add("confirm", self.tr("Password again"), self.confirm)
        self.password.setFocus()

    def problems(self):
        return self.collect(
            lambda: accounts.validate_password(self.password.text()),
            lambda: check_passwords_match(self.password, self.confirm),
        )

    def save(self) -> None:
        check_passwords_match(self.password, self.confirm)
        accounts.reset_password(self.actor, self.target.id, self.password.text(), version=self.version)


class ChangeOwnPasswordDialog(FormDialog):
    def __init__(self, actor: Staff, parent=None):
        super().__init__(self.tr("Change my password"), self.tr("Change password"), parent)
        self.setObjectName("changeOwnPasswordDialog")
        self.actor = actor
        self.current = password_edit("current")
        self.fields.add("current_password", self.tr("Current password"), self.current)
        self.password = password_edit("password")
        self.fields.add("new_password", self.tr("New password"), self.password)
        self.confirm = password_edit("confirm")
        self.fields.add("confirm", self.tr("Password again"), self.confirm)
        self.current.setFocus()

    def problems(self):
        def current_given() -> None:
            if not self.current.text():
                raise ValidationError("current_password", "required")

        return self.collect(
            current_given,
            lambda: accounts.validate_password(self.password.text(), "new_password"),
            lambda: check_passwords_match(self.password, self.confirm),
        )

    def save(self) -> None:
        check_passwords_match(self.password, self.confirm)
        accounts.change_own_password(self.actor, self.current.text(), self.password.text())
