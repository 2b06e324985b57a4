"""Settings ▸ This desk's phone: which phone system tells this desk who is calling, and how to reach it.

The settings belong to this computer (``helpdesk/telephony/desk.py``), so every person signed in
here may set them, not only supervisors. The Manager Interface password and the listener's token go
to the system's credential store, never to the settings file. ``saved(DeskPhone)`` is emitted once
they are saved, for whoever runs the phone link to reconnect.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from helpdesk.errors import ValidationError
from helpdesk.localization import digits, latin_digits
from helpdesk.telephony import desk
from helpdesk.telephony.desk import DeskPhone, NoCredentialStore

from .. import i18n
from ..messages import message_for
from ..widgets import ErrorLabel, FormFields, password_edit

SOURCES = (
    ("none", QT_TRANSLATE_NOOP("PhoneSettings", "None")),
    ("ami", QT_TRANSLATE_NOOP("PhoneSettings", "Asterisk Manager Interface (Asterisk, FreePBX, Issabel)")),
    ("cti", QT_TRANSLATE_NOOP("PhoneSettings", "Zammad-compatible listener (sipgate, placetel, 3CX)")),
)
# The rows each source uses; the rest are hidden. "advanced" rows show when asked for.
ROWS = {
    "none": ("extension",),  # the ``ring`` command and the demo's calls name an extension too
    "ami": ("extension", "host", "port", "username", "password"),
    "cti": ("extension", "listen_port", "address"),
}
ADVANCED = {"none": (), "ami": ("channel", "context"), "cti": ("listen_host",)}


def _technical(edit: QLineEdit) -> QLineEdit:
    """A host, port, channel or address reads left to right in Persian too."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return edit


class PhoneSettings(QWidget):
    saved = Signal(object)  # the DeskPhone, once saved

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("phoneSettings")
        self._focused_once = False
        self._token: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Which phone system tells this desk who is calling. These settings belong to this "
                "computer: each desk has its own."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields = FormFields(form)
        self.source = QComboBox()
        self.source.setObjectName("phoneSource")
        for key, name in SOURCES:
            self.source.addItem(QCoreApplication.translate("PhoneSettings", name), key)
        self.fields.add("source", self.tr("Phone system"), self.source)
        self.extension = _technical(QLineEdit())
        self.extension.setObjectName("phoneExtension")
        self.extension.setPlaceholderText(self.tr("for example 201"))
        self.fields.add("extension", self.tr("This desk's extension"), self.extension)
        self.host = _technical(QLineEdit())
        self.host.setObjectName("phoneHost")
        self.fields.add("host", self.tr("Server"), self.host)
        self.port = _technical(QLineEdit())
        self.port.setObjectName("phonePort")
        self.fields.add("port", self.tr("Port"), self.port)
        self.username = _technical(QLineEdit())
        self.username.setObjectName("phoneUsername")
        self.fields.add("username", self.tr("User name"), self.username)
        self.password = _technical(password_edit("phonePassword"))
        self.fields.add("password", self.tr("Password"), self.password)
        self.password_note = QLabel()
        self.password_note.setObjectName("phonePasswordNote")
        self.password_note.setWordWrap(True)
        self.password_note.setEnabled(False)  # a quiet note
        self.password.parentWidget().layout().addWidget(self.password_note)
        self.listen_port = _technical(QLineEdit())
        self.listen_port.setObjectName("phoneListenPort")
        self.fields.add("listen_port", self.tr("Listener port"), self.listen_port)

        address_row = QWidget()
        row = QHBoxLayout(address_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.address = _technical(QLineEdit())
        self.address.setObjectName("phoneAddress")
        self.address.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copyAddress")
        self.copy_button.clicked.connect(self.copy_address)
        row.addWidget(self.address, 1)
        row.addWidget(self.copy_button)
        self.fields.add("address", self.tr("Address for the phone system"), address_row)
        self.address.setAccessibleName(self.tr("Address for the phone system"))
        self.address_note = QLabel()
        self.address_note.setWordWrap(True)
        self.address_note.setEnabled(False)
        address_row.parentWidget().layout().addWidget(self.address_note)

        self.advanced = QCheckBox(self.tr("Show advanced settings"))
        self.advanced.setObjectName("phoneAdvanced")
        form.addRow("", self.advanced)
        self.channel = _technical(QLineEdit())
        self.channel.setObjectName("phoneChannel")
        self.fields.add("channel", self.tr("Channel that rings this desk"), self.channel)
        self.context = _technical(QLineEdit())
        self.context.setObjectName("phoneContext")
        self.fields.add("context", self.tr("Dial context"), self.context)
        self.listen_host = _technical(QLineEdit())
        self.listen_host.setObjectName("phoneListenHost")
        self.fields.add("listen_host", self.tr("Listen on address"), self.listen_host)
        layout.addLayout(form)
        # Short values in short fields, at the start of their row (the right in Persian); the messages
        # and notes under them have the whole width. The side is absolute: a left-to-right field
        # would read "leading" as its own left.
        start = Qt.AlignmentFlag.AlignAbsolute | (
            Qt.AlignmentFlag.AlignRight
            if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        for edit, characters in (
            (self.source, 0),
            (self.extension, 10),
            (self.port, 7),
            (self.listen_port, 7),
            (self.host, 36),
            (self.username, 36),
            (self.password, 36),
            (self.channel, 36),
            (self.context, 36),
            (self.listen_host, 36),
        ):
            if characters:
                edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("0" * characters) + 24)
            holder = edit.parentWidget()
            holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            holder.layout().setAlignment(edit, start)
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("savePhoneSettings")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("phoneSettingsStatus")
        self.error = ErrorLabel()
        self.error.setObjectName("phoneSettingsError")
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.status, 1)
        layout.addLayout(save_row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

        self.source.currentIndexChanged.connect(lambda _index: self._show_rows())
        self.advanced.toggled.connect(lambda _on: self._show_rows())
        self.listen_port.textEdited.connect(lambda _text: self._show_address())
        self.listen_host.textEdited.connect(lambda _text: self._show_address())
        for edit in self.fields.editors.values():
            if isinstance(edit, QLineEdit):
                edit.textEdited.connect(lambda _text: self.status.clear())
        self.show_phone(desk.load())

    # --- showing -----------------------------------------------------------
    def _number(self, value: int) -> str:
        return digits(value, i18n.current_language())

    def show_phone(self, phone: DeskPhone) -> None:
        """Fill the fields from ``phone`` and what the credential store holds."""
        self.source.setCurrentIndex(max(0, self.source.findData(phone.source)))
        self.extension.setText(digits(phone.extension, i18n.current_language()))
        self.host.setText(phone.host)
        self.port.setText(self._number(phone.port))
        self.username.setText(phone.username)
        self.password.clear()
        self.channel.setText(phone.channel)
        self.context.setText(phone.context)
        self.listen_host.setText(phone.listen_host)
        self.listen_port.setText(self._number(phone.listen_port))
        self._token = desk.secret("cti_token")
        self._show_password_note()
        self._show_rows()

    def _show_password_note(self) -> None:
        if desk.secret("ami_password"):
            self.password_note.setText(
                self.tr("A password is kept in the system's credential store. Leave this blank to keep it.")
            )
        else:
            self.password_note.setText(self.tr("No password is kept yet."))

    def _show_rows(self) -> None:
        source = self.source.currentData()
        advanced = self.advanced.isChecked()
        shown = set(ROWS[source]) | (set(ADVANCED[source]) if advanced else set())
        for name, editor in self.fields.editors.items():
            if name != "source":
                self.fields.set_row_visible(editor, name in shown)
        self.fields.layout.setRowVisible(self.advanced, bool(ADVANCED[source]))
        self._show_address()

    def _show_address(self) -> None:
        port = desk.port_number(self.listen_port.text())
        if self._token and port:
            phone = DeskPhone(listen_host=self.listen_host.text().strip() or "127.0.0.1", listen_port=port)
            self.address.setText(phone.listener_url(self._token))
            self.address_note.setText(
                self.tr("Give this address to the phone system as its Zammad CTI endpoint (generic CTI).")
            )
        else:
            self.address.clear()
            self.address_note.setText(self.tr("The address is made when you save."))
        self.copy_button.setEnabled(bool(self.address.text()))

    def copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self.address.text())
        self.status.setText(self.tr("The address was copied."))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._focused_once:  # the first field, the first time the page is opened
            self._focused_once = True
            QTimer.singleShot(0, lambda: self.source.setFocus(Qt.FocusReason.OtherFocusReason))

    # --- saving ------------------------------------------------------------
    def typed(self) -> tuple[DeskPhone, list[ValidationError]]:
        """The settings as typed, and the problems of the fields the chosen source uses (a port that
        is no number among them). A field it does not use keeps a good value, else its default."""
        source = self.source.currentData()
        relevant = {"source"} | set(ROWS[source]) | set(ADVANCED[source])
        problems = []
        ports = {}
        for name, edit in (("port", self.port), ("listen_port", self.listen_port)):
            value = desk.port_number(edit.text())
            if name in relevant:
                if value is None:
                    problems.append(ValidationError(name, "out_of_range", minimum=1, maximum=65535))
                ports[name] = value or 0
            else:
                ports[name] = value if value and value <= 65535 else getattr(DeskPhone, name)
        phone = DeskPhone(
            source=source,
            host=self.host.text().strip(),
            port=ports["port"],
            username=self.username.text().strip(),
            extension=latin_digits(self.extension.text()).strip(),
            channel=self.channel.text().strip() or DeskPhone.channel,
            context=self.context.text().strip() or DeskPhone.context,
            listen_host=self.listen_host.text().strip() or DeskPhone.listen_host,
            listen_port=ports["listen_port"],
        )
        seen = {p.field for p in problems}
        problems += [p for p in desk.problems(phone) if p.field not in seen and p.field in relevant]
        return phone, problems

    def save(self) -> bool:
        """Check, keep the secrets, write the file, tell whoever listens. Nothing typed is lost on a problem."""
        self.fields.clear()
        self.error.clear_message()
        self.status.clear()
        phone, problems = self.typed()
        if problems:
            if not self.advanced.isChecked() and any(p.field in ADVANCED[phone.source] for p in problems):
                self.advanced.setChecked(True)
            self.fields.show_all(problems)
            return False
        try:
            if phone.source == "ami" and self.password.text():
                desk.set_secret("ami_password", self.password.text())
            if phone.source == "cti":
                self._token = desk.cti_token()
        except NoCredentialStore as error:
            self.fields.show_error("password" if phone.source == "ami" else "address", message_for(error))
            return False
        try:
            desk.save(phone)
        except OSError as error:
            self.error.show_message(
                self.tr("The settings could not be written: {0}").format(error.strerror or str(error))
            )
            return False
        self.password.clear()
        self._show_password_note()
        self._show_address()
        self.status.setText(self.tr("Saved."))
        self.saved.emit(phone)
        return True
