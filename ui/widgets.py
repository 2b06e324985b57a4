"""Small building blocks every form uses: a field with its error beneath, and a
dialog that remembers where it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol, TypeVar, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QDate, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.errors import Conflict, KnownError, ValidationError

from . import i18n
from .messages import message_for

# Qt's own file dialog (every "Open…"/"Save as…" of the app) in Persian: qtbase_fa.qm lacks two of its
# labels, whose English gained an "&" after that catalogue was translated, so they showed in English
# ("Look in:"). They are listed here for lupdate, in Qt's own context, and our catalogue (installed
# after Qt's) supplies them; the static QFileDialog functions stay as they are.
QT_FILE_DIALOG_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def error_colour(widget: QWidget) -> str:
    """A red that reads well on the current palette, light or dark."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return "#ff8a80" if dark else "#b3261e"


def plain_label(text: str) -> str:
    """A label's words for a screen reader: without the & of its mnemonic or a trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def give_accessible_names(root: QWidget) -> None:
    """Name every field under ``root`` that has no name yet by the label whose buddy it is (or whose
    buddy passes the focus to it), and a button without text by its tooltip. A button with text is
    left alone: Qt's accessibility says its text, which stays right when the text changes."""
    from PySide6.QtWidgets import QAbstractButton

    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            for widget in (buddy, buddy.focusProxy()):
                if widget is not None and not widget.accessibleName():
                    widget.setAccessibleName(plain_label(label.text()))
    for button in root.findChildren(QAbstractButton):
        if not button.accessibleName() and not button.text() and button.toolTip():
            button.setAccessibleName(plain_label(button.toolTip()))


def fit_height(window: QWidget) -> None:
    """Grow ``window`` when a message that wraps appeared, so it never squeezes the fields."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if need > window.height():
        window.resize(width, need)


class ErrorLabel(QLabel):
    """The message under a field. Empty and hidden until something is wrong. When it belongs to a
    ``field``, the message is that field's accessible description too, so a screen reader says it
    when the focus comes to the field."""

    def __init__(self, parent: QWidget | None = None, field: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {error_colour(self)};")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if self.field is not None:
            try:
                self.field.setAccessibleDescription(text)
            except RuntimeError:  # the field was deleted with its row
                self.field = None

    def clear_message(self) -> None:
        self.show_message("")


EditorT = TypeVar("EditorT", bound=QWidget)


class FormFields:
    """A ``QFormLayout`` whose rows each carry an error label, keyed by the service's field name."""

    def __init__(self, layout: QFormLayout):
        self.layout = layout
        self.errors: dict[str, ErrorLabel] = {}
        self.editors: dict[str, QWidget] = {}

    def add(self, name: str, label: str, editor: EditorT) -> EditorT:
        if not editor.accessibleName():
            editor.setAccessibleName(plain_label(label))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        holder.setFocusProxy(editor)  # the label's &-key (its buddy is the holder) reaches the editor
        error = ErrorLabel(field=editor)
        error.setObjectName(f"{name}Error")
        column.addWidget(error)
        self.layout.addRow(label, holder)
        self.errors[name] = error
        self.editors[name] = editor
        return editor

    def clear(self) -> None:
        for error in self.errors.values():
            error.clear_message()

    def set_row_visible(self, editor: QWidget, visible: bool) -> None:
        self.layout.setRowVisible(cast(QWidget, editor.parentWidget()), visible)  # the row's holder

    def show_error(self, field: str, text: str) -> None:
        self.errors[field].show_message(text)
        self.editors[field].setFocus()

    def show_all(self, problems: list[ValidationError]) -> None:
        """Every problem at once, each under its field; the focus goes to the first field (top to bottom)."""
        by_field: dict[str, ValidationError] = {}
        for problem in problems:
            by_field.setdefault(problem.field, problem)
        first = None
        for name, error in self.errors.items():
            if name in by_field:
                error.show_message(message_for(by_field[name]))
                first = first or self.editors[name]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show(self, error: KnownError, fallback: str | None = None) -> bool:
        """Show ``error`` next to its field; False when no field here owns it."""
        field = error.field if isinstance(error, ValidationError) else fallback
        if field not in self.errors:
            return False
        self.show_error(field, message_for(error))
        return True


class RememberingDialog(QDialog):
    """A dialog that reopens where and as large as the person left it."""

    def _geometry_key(self) -> str:
        return f"dialogs/{self.objectName() or type(self).__name__}/geometry"

    def showEvent(self, event) -> None:
        saved = QSettings().value(self._geometry_key())
        if isinstance(saved, QByteArray) and not getattr(self, "_restored", False):
            self.restoreGeometry(saved)
        self._restored = True
        super().showEvent(event)

    def done(self, result: int) -> None:
        QSettings().setValue(self._geometry_key(), self.saveGeometry())
        super().done(result)
        # Typing goes back to the window the dialog was opened from (Qt leaves that to the window manager).
        parent = self.parentWidget()
        if parent is not None and parent.window().isVisible():
            parent.window().activateWindow()


def place_window(window: QWidget, key: str, width: int, height: int) -> None:
    """Open a window where and as large as the person left it (once, on its first show)."""
    if getattr(window, "_placed", False):
        return
    setattr(window, "_placed", True)  # noqa: B010 - a mark on any window; QWidget declares no such attribute
    saved = QSettings().value(key)
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        window.restoreGeometry(saved)
    else:
        window.resize(width, height)


def remember_window(window: QWidget, key: str) -> None:
    QSettings().setValue(key, window.saveGeometry())


def select_row(table, row: int) -> None:
    """Make ``row`` of ``table`` current and selected, whole. Through the selection model:
    QTableView.selectRow() selects nothing in a right-to-left view."""
    from PySide6.QtCore import QItemSelectionModel

    table.selectionModel().setCurrentIndex(
        table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def date_edit(name: str, value: date) -> QDateEdit:
    """A date field with a calendar; Jalali (and read left to right) in Persian."""
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a date reads left to right in Persian too
    if i18n.current_language() == "fa":
        from PySide6.QtCore import QCalendar

        edit.setCalendar(QCalendar(QCalendar.System.Jalali))
        edit.setDisplayFormat("yyyy/MM/dd")
    else:
        edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def check_passwords_match(password: QLineEdit, confirm: QLineEdit) -> None:
    if password.text() != confirm.text():
        raise ValidationError("confirm", "passwords_differ")


class NewAccountForm(Protocol):
    """A form with a new account's fields (the first supervisor's, a supervisor's new account)."""

    full_name: QLineEdit
    username: QLineEdit
    password: QLineEdit
    confirm: QLineEdit

    def collect(self, *checks: Callable[[], object]) -> list[ValidationError]: ...


def new_account_problems(form: NewAccountForm) -> list[ValidationError]:
    """Every problem of a new account's fields at once (full name, user name, password twice)."""
    from helpdesk import accounts

    return form.collect(
        lambda: accounts.validate_full_name(form.full_name.text()),
        lambda: accounts.validate_username(form.username.text()),
        lambda: accounts.validate_password(form.password.text()),
        lambda: check_passwords_match(form.password, form.confirm),
    )


class ConflictNotice(QWidget):
    """Another desk saved first (``helpdesk.errors.Conflict``): what they changed, and a choice.

    "Keep mine" saves what this person has over the other desk's version; "Take theirs"
    drops this person's change and shows the stored one. Nothing typed is touched until
    the person chooses. Hidden until ``show_conflict``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("conflictNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#conflictNotice { background: #fff4e0; border: 1px solid #e0b060; border-radius: 4px; }"
            " #conflictNotice QLabel { color: #3d2a00; }"
        )  # calm amber: a choice, not an alarm
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.text = QLabel()
        self.text.setObjectName("conflictText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("&Keep mine"))
        self.keep_button.setObjectName("keepMine")
        self.take_button = QPushButton(self.tr("&Take theirs"))
        self.take_button.setObjectName("takeTheirs")
        for button in (self.keep_button, self.take_button):
            button.setAccessibleName(button.text().replace("&", ""))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.conflict: Conflict | None = None
        self.hide()

    def show_conflict(self, conflict: Conflict) -> None:
        from .messages import describe_change

        self.conflict = conflict
        lines = [message_for(conflict)]
        changed = [describe_change(conflict.table, name, theirs) for name, _mine, theirs in conflict.changes]
        if any(changed):
            lines.append(self.tr("They changed:"))
            lines += [f"• {text}" for text in changed if text]
        self.text.setText("\n".join(lines))
        self.show()
        self.keep_button.setFocus()

    def clear(self) -> None:
        self.conflict = None
        self.hide()


class FormDialog(RememberingDialog):
    """Shared frame: a form with per-field errors, a general message, OK and Cancel."""

    version: int  # the record's version as read, in forms that carry one ("Keep mine" saves over it)

    def __init__(self, title: str, ok_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.column = QVBoxLayout(self)
        form = QFormLayout()
        self.column.addLayout(form)
        self.fields = FormFields(form)
        self.message = ErrorLabel()
        self.message.setObjectName("formMessage")
        self.column.addWidget(self.message)
        self.conflict = ConflictNotice()
        self.conflict.keep_button.clicked.connect(self.keep_mine)
        self.conflict.take_button.clicked.connect(self.take_theirs)
        self.column.addWidget(self.conflict)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.column.addWidget(self.buttons)
        from PySide6.QtGui import QKeySequence, QShortcut

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)  # Ctrl+S, as in every form
        save.activated.connect(self._submit)
        self._as_opened: list[str] | None = None

    def showEvent(self, event) -> None:
        if self._as_opened is None:
            self._as_opened = self._typed()
            give_accessible_names(self)
        super().showEvent(event)

    def _typed(self) -> list[str]:
        """Everything typed in the form: single-line fields and multi-line ones alike."""
        from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

        return (
            [edit.text() for edit in self.findChildren(QLineEdit)]
            + [box.toPlainText() for box in self.findChildren(QPlainTextEdit)]
            + [box.toPlainText() for box in self.findChildren(QTextEdit)]
        )

    def typed_something(self) -> bool:
        return self._as_opened is not None and self._typed() != self._as_opened

    def reject(self) -> None:
        """Esc or Cancel: asks first when something was typed."""
        from . import prompts

        if (
            self.isVisible()
            and self.typed_something()
            and not prompts.confirm(
                self,
                self.tr("Discard what you typed?"),
                self.tr("What you typed in this window has not been saved. Close it and lose what you typed?"),
            )
        ):
            return
        super().reject()

    def _submit(self) -> None:
        self.fields.clear()
        self.message.clear_message()
        problems = self.problems()
        if problems:  # every problem at once, each next to its field
            self.fields.show_all(problems)
            fit_height(self)
            return
        self.conflict.clear()
        try:
            self.save()
        except Conflict as conflict:  # another desk saved first: say what they changed, and let the person choose
            self.conflict.show_conflict(conflict)
            fit_height(self)
            return
        except KnownError as error:
            if not self.fields.show(error):
                self.message.show_message(message_for(error))
            self.after_error(error)
            fit_height(self)
            return
        self.accept()

    def keep_mine(self) -> None:
        """Save again over the version the other desk stored (forms that carry a ``version``)."""
        conflict = self.conflict.conflict
        if conflict is not None and hasattr(self, "version"):
            self.version = conflict.current.get("version", self.version)
        self._submit()

    def take_theirs(self) -> None:
        """Drop this change: the window behind shows what is stored now."""
        self.conflict.clear()
        QDialog.reject(self)

    def problems(self) -> list[ValidationError]:
        """What is wrong with the form as typed, all of it, before anything is sent to the service."""
        return []

    @staticmethod
    def collect(*checks) -> list[ValidationError]:
        """Run each check (a callable that raises ``ValidationError``) and gather every refusal."""
        problems = []
        for check in checks:
            try:
                check()
            except ValidationError as problem:
                problems.append(problem)
        return problems

    def save(self) -> None:  # pragma: no cover - each dialog defines it
        """Do the work through a service; raise ``KnownError`` to keep the dialog open."""
        raise NotImplementedError

    def after_error(self, error: KnownError) -> None:
        """Hook for dialogs that move the focus after a refusal."""


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label with a mnemonic (``&To``) for ``buddy``, wide enough for every letter: Qt measures
    "To" kerned but draws the underlined T apart from the o, so a row that ran short showed "Tc"."""
    from PySide6.QtWidgets import QSizePolicy

    label = QLabel(text)
    label.setBuddy(buddy)
    metrics = label.fontMetrics()
    whole = sum(metrics.horizontalAdvance(ch) for ch in text.replace("&", ""))
    label.setMinimumWidth(max(label.sizeHint().width(), whole + 2))
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
    return label


class MatchKeys(QObject):
    """A lookup box with its list of matches: Up and Down move through the matches and Enter chooses
    the highlighted one. Enter never reaches the form (it would submit it); with no match it moves on."""

    def __init__(self, lookup: QLineEdit, matches: QListWidget, choose, parent: QObject):
        super().__init__(parent)
        self.lookup = lookup
        self.matches = matches
        self.choose = choose
        lookup.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.lookup or event.type() != QEvent.Type.KeyPress:
            return False
        key_event = cast(QKeyEvent, event)  # a KeyPress
        key = key_event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            key_event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.matches.isVisible() and self.matches.currentItem() is not None:
                self.choose(self.matches.currentItem())
            else:
                self.lookup.focusNextChild()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.isVisible() and self.matches.count():
            step = 1 if key == Qt.Key.Key_Down else -1
            self.matches.setCurrentRow(max(0, min(self.matches.count() - 1, self.matches.currentRow() + step)))
            return True
        return False
