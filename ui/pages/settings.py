"""Settings: the language of this desk, my password, and (for supervisors) the staff accounts."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk import accounts, settings
from helpdesk.choice_lists import LOST_REASONS
from helpdesk.errors import Conflict, KnownError
from helpdesk.localization import format_short_date, isolate, left_to_right
from helpdesk.models import ROLE_STAFF, ROLE_SUPERVISOR, Staff

from .. import i18n, prompts
from ..choice_list_editor import ChoiceListEditor
from ..dialogs.accounts import ChangeOwnPasswordDialog, NewAccountDialog, ResetPasswordDialog, show_account_conflict
from ..dialogs.error_dialog import show_known_error
from ..messages import message_for, role_name
from ..table_model import Column, TableModel
from ..table_view import EVEN, table_view
from ..widgets import ErrorLabel, give_accessible_names, select_row


class AccountsModel(TableModel):
    """The staff accounts, for supervisors. A short list, loaded whole."""

    NAME, USERNAME, ROLE, STATUS, CREATED = range(5)
    StaffRole = TableModel.RowRole

    def _status(self, staff: Staff, lang: str) -> str:
        return self.tr("Active") if staff.active else self.tr("Deactivated")

    COLUMNS = (
        Column(
            cast(str, QT_TRANSLATE_NOOP("AccountsModel", "Name")), lambda m, staff, lang: isolate(staff.full_name, lang)
        ),
        Column(cast(str, QT_TRANSLATE_NOOP("AccountsModel", "User name")), lambda m, staff, lang: staff.username),
        Column(cast(str, QT_TRANSLATE_NOOP("AccountsModel", "Role")), lambda m, staff, lang: role_name(staff.role)),
        Column(cast(str, QT_TRANSLATE_NOOP("AccountsModel", "Status")), _status),
        Column(
            cast(str, QT_TRANSLATE_NOOP("AccountsModel", "Created")),
            lambda m, staff, lang: format_short_date(staff.created_at, lang),
        ),
    )


def _leading(widget: QWidget) -> QHBoxLayout:
    """``widget`` at its natural width, at the start of a form row."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


class OfficeSettings(QWidget):
    """Shared by every desk, changed by supervisors: the phone country, the hold reminder, the
    business name and logo on reports, and the lost reasons."""

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)  # a tab of Settings, which names it
        self.setObjectName("officeSettings")
        self.actor = actor
        form = QFormLayout(self)
        region_row = QHBoxLayout()
        self.region = QComboBox()
        self.region.setObjectName("phoneRegion")
        self.region.setEditable(False)
        import phonenumbers

        for code in sorted(phonenumbers.SUPPORTED_REGIONS):
            # "IR (+98)" reads left to right in Persian too (it came out as "(+98) IR").
            self.region.addItem(left_to_right(f"{code} (+{phonenumbers.country_code_for_region(code)})"), code)
        self.region.setCurrentIndex(max(0, self.region.findData(settings.phone_region())))
        self.region.activated.connect(self._region_chosen)
        region_row.addWidget(self.region)
        region_row.addStretch(1)
        form.addRow(self.tr("Country of numbers typed without +"), region_row)
        self.region.setAccessibleName(self.tr("Country of numbers typed without +"))

        hold_row = QHBoxLayout()
        self.hold_reminder = QSpinBox()
        self.hold_reminder.setObjectName("holdReminderSeconds")
        low, high = settings.RANGES["hold_reminder_seconds"]
        self.hold_reminder.setRange(low, high)
        self.hold_reminder.setSuffix(self.tr(" seconds"))
        self.hold_reminder.setValue(settings.hold_reminder_seconds())
        self.hold_reminder.editingFinished.connect(self._hold_reminder_chosen)
        hold_row.addWidget(self.hold_reminder)
        hold_row.addStretch(1)
        form.addRow(self.tr("Remind to go back to a caller on hold after"), hold_row)
        self.hold_reminder.setAccessibleName(self.tr("Remind to go back to a caller on hold after"))

        lock_row = QHBoxLayout()
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("lockMinutes")
        self.lock_minutes.setRange(*settings.RANGES["lock_minutes"])
        self.lock_minutes.setSuffix(self.tr(" minutes"))
        self.lock_minutes.setValue(settings.lock_minutes())
        self.lock_minutes.editingFinished.connect(self._lock_minutes_chosen)
        lock_row.addWidget(self.lock_minutes)
        lock_row.addStretch(1)
        form.addRow(self.tr("Lock an idle desk after"), lock_row)
        self.lock_minutes.setAccessibleName(self.tr("Lock an idle desk after"))

        self.business_name = QLineEdit(settings.business_name())
        self.business_name.setObjectName("businessName")
        self.business_name.setMaxLength(settings.BUSINESS_NAME_LIMIT)
        self.business_name.setPlaceholderText(self.tr("The name at the head of every report"))
        self.business_name.editingFinished.connect(self._business_name_typed)
        form.addRow(self.tr("Business name on reports"), self.business_name)
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedHeight(48)
        self.choose_logo_button = QPushButton(self.tr("Choose logo…"))
        self.remove_logo_button = QPushButton(self.tr("Remove logo"))
        for widget in (self.logo_preview, self.choose_logo_button, self.remove_logo_button):
            logo_row.addWidget(widget)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo on reports"), logo_row)
        self.business_error = ErrorLabel()
        form.addRow("", self.business_error)
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(lambda: self._set_business(self.business_name.text(), None))
        self._show_logo(settings.business_logo())

        self.reasons = ChoiceListEditor(
            actor,
            LOST_REASONS,
            self.tr("Reasons a customer was lost"),
            self.tr("Add reason"),
            self.tr("New reason, in English"),
            self.tr("New reason, in Persian"),
        )
        self.reasons.setObjectName("lostReasons")
        form.addRow(self.reasons)
        if actor.is_supervisor:
            self.refresh()

    SHARED = ("phone_region", "hold_reminder_seconds", "business_name", "business_logo", "lock_minutes")

    def _show_stored(self) -> None:
        """The office's settings as stored now, and their versions: a save names the version it was made from."""
        self.seen = {key: settings.version(key) for key in self.SHARED}
        for widget in (self.region, self.hold_reminder, self.business_name, self.lock_minutes):
            widget.blockSignals(True)
        self.region.setCurrentIndex(max(0, self.region.findData(settings.phone_region())))
        self.hold_reminder.setValue(settings.hold_reminder_seconds())
        self.lock_minutes.setValue(settings.lock_minutes())
        if self.business_name.text().strip() != settings.business_name():
            self.business_name.setText(settings.business_name())
        for widget in (self.region, self.hold_reminder, self.business_name, self.lock_minutes):
            widget.blockSignals(False)
        self._show_logo(settings.business_logo())

    def _save(self, store) -> bool:
        """Run ``store``; when another supervisor saved first, say so and show what they chose."""
        try:
            store()
        except Conflict as conflict:
            show_known_error(self, conflict)
            self._show_stored()
            return False
        self.seen = {key: settings.version(key) for key in self.SHARED}
        return True

    def refresh(self) -> None:
        self._show_stored()
        self.reasons.reload()

    def _region_chosen(self, _index: int) -> None:
        try:
            self._save(
                lambda: settings.set_value(
                    self.actor, "phone_region", self.region.currentData(), self.seen["phone_region"]
                )
            )
        except KnownError as error:
            show_known_error(self, error)

    def _hold_reminder_chosen(self) -> None:
        if self.hold_reminder.value() == settings.hold_reminder_seconds():
            return
        try:
            self._save(
                lambda: settings.set_value(
                    self.actor, "hold_reminder_seconds", self.hold_reminder.value(), self.seen["hold_reminder_seconds"]
                )
            )
        except KnownError as error:
            show_known_error(self, error)

    def _lock_minutes_chosen(self) -> None:
        if self.lock_minutes.value() == settings.lock_minutes():
            return
        try:
            self._save(
                lambda: settings.set_value(
                    self.actor, "lock_minutes", self.lock_minutes.value(), self.seen["lock_minutes"]
                )
            )
        except KnownError as error:
            show_known_error(self, error)

    def _show_logo(self, logo: bytes | None) -> None:
        from PySide6.QtGui import QPixmap

        picture = QPixmap()
        if logo and picture.loadFromData(logo):
            self.logo_preview.setPixmap(picture.scaledToHeight(44, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setText(self.tr("No logo"))
        self.remove_logo_button.setEnabled(bool(logo))

    def _set_business(self, name: str, logo: bytes | None) -> bool:
        self.business_error.clear_message()
        try:
            if not self._save(lambda: settings.set_business(self.actor, name, logo, self.seen)):
                return False
        except KnownError as error:
            self.business_error.show_message(message_for(error))
            return False
        self._show_logo(settings.business_logo())
        return True

    def _business_name_typed(self) -> None:
        if self.business_name.text().strip() != settings.business_name():
            self._set_business(self.business_name.text(), settings.business_logo())

    def choose_logo(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            self.business_error.show_message(self.tr("The file cannot be read: {0}").format(error.strerror))
            return
        self._set_business(self.business_name.text(), data)


class SettingsPage(QWidget):
    language_changed = Signal(str)

    def __init__(self, actor: Staff, parent=None):
        super().__init__(parent)
        self.actor = actor
        # The page scrolls rather than squeeze the accounts and the office settings in a small window.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 24, 24, 24)

        general = QGroupBox(self.tr("This desk"))
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("Same as the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("فارسی", "fa")
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.chosen_language())))
        self.language.activated.connect(self._language_chosen)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form.addRow(self.tr("Language"), _leading(self.language))
        self.language.setAccessibleName(self.tr("Language"))
        self.change_password_button = QPushButton(self.tr("Change my password…"))
        self.change_password_button.clicked.connect(self.change_own_password)
        form.addRow(self.tr("Password"), _leading(self.change_password_button))
        layout.addWidget(general)

        self.accounts_box = QGroupBox(self.tr("Staff accounts"))
        self.accounts_box.setObjectName("accountsBox")
        box = QVBoxLayout(self.accounts_box)
        self.model = AccountsModel(self)
        self.table = table_view(self.model, "accountsTable", self.tr("Staff accounts"), columns=EVEN)
        self.table.setMinimumHeight(150)
        box.addWidget(self.table)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New account…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.role_button = QPushButton(self.tr("Change role"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button in (self.new_button, self.reset_button, self.role_button, self.active_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.new_button.clicked.connect(self.new_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.toggle_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete_account)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.accounts_box, 1)
        self.office_box = OfficeSettings(actor)
        self.office_tabs = QTabWidget()
        self.office_tabs.setObjectName("officeTabs")
        self.office_tabs.addTab(self.office_box, self.tr("The whole office"))
        if actor.is_supervisor:
            from .complaint_settings import ComplaintSettings

            self.complaint_box = ComplaintSettings(actor)
            self.office_tabs.addTab(self.complaint_box, self.tr("Complaints"))
            from .calm_settings import CalmStepsEditor

            self.calm_box = CalmStepsEditor(actor)
            self.office_tabs.addTab(self.calm_box, self.tr("Calm-down steps"))
            from .backups import BackupsTab

            self.backups_box = BackupsTab(actor)
            self.office_tabs.addTab(self.backups_box, self.tr("Backups"))
        from .phone_settings import PhoneSettings

        self.phone_settings = PhoneSettings()  # this desk's own: every person signed in may set it
        self.office_tabs.addTab(self.phone_settings, self.tr("This desk's phone"))
        layout.addWidget(self.office_tabs)
        if not actor.is_supervisor:
            self.accounts_box.hide()
            self.office_tabs.removeTab(self.office_tabs.indexOf(self.office_box))
            self.office_box.hide()
            hint = QLabel(self.tr("Staff accounts are managed by supervisors."))
            hint.setEnabled(False)
            layout.addWidget(hint)
            layout.addStretch(1)
        else:
            self.refresh()
        give_accessible_names(self)

    # --- language ----------------------------------------------------------
    def _language_chosen(self, _index: int) -> None:
        value = self.language.currentData() or None
        i18n.save_language(value)
        self.language_changed.emit(value or i18n.system_language())

    # --- accounts ----------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_rows(accounts.list_accounts(self.actor))
        if selected is not None:
            for row in range(self.model.rowCount()):
                if self.model.index(row, 0).data(AccountsModel.StaffRole).id == selected.id:
                    self.select_row(row)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        select_row(self.table, row)

    def selected(self) -> Staff | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(AccountsModel.StaffRole) if rows else None

    def _update_buttons(self) -> None:
        staff = self.selected()
        for button in (self.reset_button, self.role_button, self.active_button, self.delete_button):
            button.setEnabled(staff is not None)
        if staff is not None:
            self.role_button.setText(self.tr("Make staff") if staff.is_supervisor else self.tr("Make supervisor"))
            self.active_button.setText(self.tr("Deactivate") if staff.active else self.tr("Activate"))
            self.delete_button.setEnabled(staff.id != self.actor.id)

    def _run(self, action) -> None:
        try:
            action()
        except Conflict as conflict:  # another supervisor changed the account first: said, and shown as stored
            show_account_conflict(self, conflict)
        except KnownError as error:
            show_known_error(self, error)
        self.refresh()

    def new_account(self) -> QWidget:
        dialog = NewAccountDialog(self.actor, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def reset_password(self) -> QWidget | None:
        staff = self.selected()
        if staff is None:
            return None
        dialog = ResetPasswordDialog(self.actor, staff, self)
        dialog.open()
        return dialog

    def change_own_password(self) -> QWidget:
        dialog = ChangeOwnPasswordDialog(self.actor, self)
        dialog.open()
        return dialog

    def toggle_role(self) -> None:
        staff = self.selected()
        if staff is not None:
            new_role = ROLE_STAFF if staff.is_supervisor else ROLE_SUPERVISOR
            self._run(lambda: accounts.change_role(self.actor, staff.id, new_role, version=staff.version))

    def toggle_active(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        if staff.active and not prompts.confirm(
            self,
            self.tr("Deactivate account"),
            self.tr("Deactivate {0}? They will no longer be able to sign in. Their records stay.").format(
                isolate(staff.full_name, i18n.current_language())
            ),
        ):
            return
        self._run(lambda: accounts.set_active(self.actor, staff.id, not staff.active, version=staff.version))

    def delete_account(self) -> None:
        staff = self.selected()
        if staff is None or not prompts.confirm(
            self,
            self.tr("Delete account"),
            self.tr("Delete the account of {0}? This cannot be undone.").format(
                isolate(staff.full_name, i18n.current_language())
            ),
        ):
            return
        self._run(lambda: accounts.delete_account(self.actor, staff.id, version=staff.version))
