"""The desk locks itself: after the office's idle minutes (``settings.lock_minutes``) or at Ctrl+L,
every window of the app is covered and shows no customer data until the person signs back in.

How a window is covered: its own children are hidden (so neither the eye nor a screen reader
finds them; they keep their text, cursor and timers), a shade is laid over it, and its title
says only that the desk is locked. The lock screen itself (the password) sits in the main
window, or in the modal window that would otherwise block it. Unlocking shows the same
children again, with the same titles and the focus where it was.

Another person may sign in instead: the first person's open work is kept as drafts on this
computer (calls and calm-down sessions as their own drafts, the text typed in forms and
complaints as drafts of the kind ``KEPT_KIND``), the windows are closed while still covered,
and the first person finds it all open again at their next sign-in (``DeskLock.signed_in``).

Idle means no key and no click or mouse move anywhere in the app (an event filter on the
application), measured on a monotonic clock that a test may replace.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from helpdesk.errors import KnownError
from helpdesk.localization import isolate

from . import i18n
from .messages import message_for
from .widgets import ErrorLabel

if TYPE_CHECKING:
    from helpdesk.models import Staff

    from .dialogs.complaint_form import NewComplaintDialog
    from .dialogs.complaint_window import ComplaintWindow
    from .dialogs.customer_form import CustomerForm
    from .mainwindow import MainWindow

log = logging.getLogger(__name__)

KEPT_KIND = "kept_window"  # a window's typed text, kept when another person signed in at a locked desk
CHECK_MS = 5_000
QWIDGETSIZE_MAX = 16_777_215  # how often the idle time is looked at

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress,
    QEvent.Type.ContextMenu,
}


def _is_lock_key(event) -> bool:
    return (
        event.key() == Qt.Key.Key_L
        and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier
    )


class LockScreen(QFrame):
    """Calm: the business's name, who is signed in, the password (focused), Enter unlocks;
    or another person's name and password."""

    def __init__(self, lock: DeskLock, parent=None):
        super().__init__(parent)
        self.lock = lock
        self.setObjectName("lockScreen")
        self.setMinimumWidth(340)
        self.setMaximumWidth(460)
        self.setFrameShape(QFrame.Shape.NoFrame)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        self.business = QLabel()
        self.business.setObjectName("lockBusiness")
        font = QFont(self.business.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.business.setFont(font)
        self.business.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.business.setWordWrap(True)
        self.state = QLabel(self.tr("This desk is locked."))
        self.state.setObjectName("lockState")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel()
        self.who.setObjectName("lockWho")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("lockUsername")
        self.username.setPlaceholderText(self.tr("User name"))
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.message = ErrorLabel(field=self.password)
        self.message.setObjectName("lockMessage")
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.lock.try_unlock)
        self.other_button = QPushButton(self.tr("Sign in as someone else"))
        self.other_button.setObjectName("otherPersonLink")
        self.other_button.setFlat(True)
        self.other_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.other_button.setStyleSheet(
            "QPushButton { color: palette(link); text-decoration: underline; border: none; }"
        )
        self.other_button.clicked.connect(lambda: self.show_other(not self.other))
        column.addStretch(1)
        for widget in (self.business, self.state, self.who, self.username, self.password, self.message):
            column.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        column.addLayout(buttons)
        column.addStretch(1)
        self.other: bool = False

    def reset(self, business: str, person: str) -> None:
        self.business.setText(business)
        self.who.setText(self.tr("Signed in: {0}").format(person))
        self.password.clear()
        self.message.show_message("")
        self.show_other(False)

    def show_other(self, other: bool) -> None:
        """The person's own password, or another person's name and password."""
        self.other = other
        self.username.setVisible(other)
        self.username.clear()
        self.password.clear()
        self.message.show_message("")
        self.unlock_button.setText(self.tr("Sign in") if other else self.tr("Unlock"))
        self.other_button.setText(
            self.tr("Back to the person signed in") if other else self.tr("Sign in as someone else")
        )
        (self.username if other else self.password).setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse(self, text: str) -> None:
        """A message next to the password; what was typed stays, selected, so typing again replaces it."""
        self.message.show_message(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.password.selectAll()


class _Cover:
    """What was changed in one window to cover it, to be put back when the desk is unlocked."""

    def __init__(self, window: QWidget, title: str, shade: QWidget):
        self.window = window
        self.title = title
        self.accessible_name = window.accessibleName()
        self.shade = shade
        self.hidden: list[QWidget] = []
        self.focus = window.focusWidget()
        self.geometry: QRect | None = None  # set when the window was enlarged to hold the lock screen
        self.sizes: tuple[QSize, QSize, QSize] = (window.minimumSize(), window.maximumSize(), window.size())
        self.texts: tuple[str, str, str] | None = None  # a message box's texts, blanked while covered
        self.note: QLabel  # the shade's "This desk is locked.", set as the shade is laid out
        self.constraint: QLayout.SizeConstraint | None = None  # its layout's, set aside while covered


class DeskLock(QObject):
    """One per app: watches for input, locks every window and unlocks them for the right person.

    ``clock`` (seconds, monotonic) and ``minutes`` (the idle limit; by default the office's
    setting) can be given by a test, which then calls ``check()`` instead of waiting."""

    def __init__(self, app: QApplication, clock=time.monotonic, minutes=None):
        super().__init__()
        self.app = app
        self.clock = clock
        self.minutes = minutes
        self.window: MainWindow | None = None
        self.locked = False
        self.covers: dict[int, _Cover] = {}
        self.screen: LockScreen | None = None
        self.host: _Cover | None = None
        self._titling = False
        self._leaving = False
        self._person: int | None = None  # who was signed in when the desk locked
        self._first: set[int] = set()  # the windows that were open then
        self._focus: QWidget | None = None
        self._active: QWidget | None = None
        self.last_input = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app.installEventFilter(self)

    def _gone(self, window) -> None:
        """The main window was deleted: unless a new one took its place (a language switch), stop."""
        if not shiboken6.isValid(self):  # the lock itself went first (the app is quitting)
            return
        if self.window is window:
            self.window = None
            self.locked, self.covers, self.screen, self.host = False, {}, None, None
            self.timer.stop()
            self.app.removeEventFilter(self)

    def stop(self) -> None:
        """No more watching (the app is closing, or a test is over)."""
        if self.locked:
            self.unlock()
        self.timer.stop()
        self.app.removeEventFilter(self)

    # --- which window -------------------------------------------------------------------------
    def attach(self, window) -> None:
        """The main window to lock (again after a language switch rebuilt it). Adds "Lock the desk"
        to its File menu; Ctrl+L itself is caught by the event filter, so it works from every window,
        modal ones included."""
        self.window = window
        window.destroyed.connect(lambda _obj=None: self._gone(window))
        self.action = QAction(self.tr("&Lock the desk") + "\tCtrl+L", window)
        self.action.setObjectName("lockAction")
        self.action.triggered.connect(self.lock)
        for menu in window.sign_out_action.associatedObjects():
            if isinstance(menu, QMenu):
                menu.insertAction(window.sign_out_action, self.action)

    def signed_in(self) -> list:
        """After a sign-in: the windows this person left when another signed in at the locked desk
        open again as they were. Their windows."""
        self.last_input = self.clock()
        window = self.window
        if window is None or window.staff is None:
            return []
        store = window.draft_store
        opened = []
        for document in reversed(store.unfinished(KEPT_KIND, window.location, window.staff.id)):
            try:
                reopened = self._reopen(document.get("content") or {})
            except KnownError as error:  # the customer or complaint is gone, the server unreachable
                log.warning("cannot reopen kept window %s: %s", document.get("id"), error)
                reopened = None
            if reopened is not None:
                opened.append(reopened)
                store.discard(document["id"])
        return opened

    # --- idle -----------------------------------------------------------------------------------
    def idle_limit(self) -> float:
        minutes = self.minutes
        if minutes is None:
            from helpdesk import settings

            try:
                minutes = settings.lock_minutes()
            except KnownError:  # the server is out of reach: the default, not no lock at all
                minutes = settings.DEFAULTS["lock_minutes"]
        return minutes * 60

    def check(self) -> None:
        """Lock when nobody has touched the app for the idle minutes."""
        if self.locked and not self._signed_in():  # signed out meanwhile (a supervisor deactivated them)
            self.unlock()
            return
        if not self.locked and self._signed_in() and self.clock() - self.last_input >= self.idle_limit():
            self.lock()

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if not self.locked:
            if kind in _INPUT:
                if event.spontaneous():  # a person's key or mouse, not one Qt makes up (a move as a window opens)
                    self.last_input = self.clock()
                if (
                    kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
                    and _is_lock_key(event)
                    and self._signed_in()
                ):
                    if kind == QEvent.Type.ShortcutOverride:
                        event.accept()  # no shortcut of any window takes it: it comes here as a key press
                    else:
                        self.lock()
                    return True
            return False
        if not self._signed_in():  # signed out behind the lock (a supervisor deactivated the account)
            if not self._leaving:
                self._leaving = True
                QTimer.singleShot(0, self._signed_out_while_locked)
            return False
        return self._while_locked(watched, event, kind)

    def _signed_in(self) -> bool:
        """Someone is signed in, in a main window on the screen (not one closed with the app)."""
        window = self.window
        return window is not None and shiboken6.isValid(window) and window.staff is not None and window.isVisible()

    # --- locking --------------------------------------------------------------------------------
    def lock(self) -> None:
        if self.locked or not self._signed_in():
            return
        self.locked = True
        staff = cast("Staff", cast("MainWindow", self.window).staff)  # _signed_in() said someone is in it
        self._person = staff.id
        self._focus = QApplication.focusWidget()
        self._active = QApplication.activeWindow()
        QToolTip.hideText()
        while (popup := QApplication.activePopupWidget()) is not None:  # a menu, a completer's list
            popup.hide()
        self.screen = LockScreen(self)
        from helpdesk import settings

        try:
            business = settings.business_name() or self.tr("Help desk")
        except KnownError:
            business = self.tr("Help desk")
        self.screen.reset(business, isolate(staff.full_name, i18n.current_language()))
        for window in QApplication.topLevelWidgets():
            self._cover(window)
        self._first = set(self.covers)
        self._place_screen()
        log.info("desk locked")

    def _coverable(self, window) -> bool:
        if not window.isWindow() or not window.isVisible() or id(window) in self.covers:
            return False
        if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen):
            return False
        return not (self.screen is not None and window is self.screen)

    def _cover(self, window) -> None:
        if not self._coverable(window):
            return
        shade = QFrame(window)
        shade.setObjectName("lockShade")
        shade.setAutoFillBackground(True)
        cover = _Cover(window, window.windowTitle(), shade)
        self.covers[id(window)] = cover
        # The window keeps its size with nothing in it (a message box's layout would shrink it to nothing).
        if isinstance(window, QMessageBox):  # a screen reader reads its text from the box itself
            cover.texts = (window.text(), window.informativeText(), window.detailedText())
            for blank in (window.setText, window.setInformativeText, window.setDetailedText):
                blank("")
        layout = window.layout()
        cover.constraint = layout.sizeConstraint() if layout is not None else None
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        window.setMinimumSize(cover.sizes[2])
        window.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        window.resize(cover.sizes[2])
        key = id(window)  # taken now: when destroyed fires, the window is half gone
        window.destroyed.connect(lambda _obj=None: self.covers.pop(key, None))
        for child in window.children():
            if isinstance(child, QWidget) and child is not shade and not child.isWindow() and not child.isHidden():
                child.hide()
                cover.hidden.append(child)
        column = QVBoxLayout(shade)
        note = QLabel(self.tr("This desk is locked."))
        note.setObjectName("lockNote")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(note)
        cover.note = note
        shade.setGeometry(window.rect())
        shade.show()
        shade.raise_()
        self._set_title(cover)
        window.setAccessibleName(self.tr("Locked"))

    def _set_title(self, cover: _Cover) -> None:
        self._titling = True
        try:
            cover.window.setWindowTitle(self.tr("Locked"))
        finally:
            self._titling = False

    def _place_screen(self) -> None:
        """The lock screen goes where the keys can reach it: the modal window on top, if any, else
        the main window."""
        modal = QApplication.activeModalWidget()
        host = self.covers.get(id(modal)) if modal is not None else None
        host = host or self.covers.get(id(self.window))
        if host is None or host is self.host:
            return
        if self.host is not None and shiboken6.isValid(self.host.shade):
            self.host.note.show()
            if self.host.geometry is not None:
                self.host.window.setGeometry(self.host.geometry)
                self.host.geometry = None
        self.host = host
        host.note.hide()
        screen = cast(LockScreen, self.screen)  # made by lock() before it is placed
        cast(QVBoxLayout, host.shade.layout()).addWidget(screen, 0, Qt.AlignmentFlag.AlignCenter)
        screen.show()
        wanted = screen.sizeHint().expandedTo(screen.minimumSizeHint()).expandedTo(screen.minimumSize())
        size = host.window.size()
        if size.width() < wanted.width() + 80 or size.height() < wanted.height() + 80:
            host.geometry = host.window.geometry()
            host.window.resize(size.expandedTo(wanted + QSize(80, 80)))
        host.window.activateWindow()
        screen.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _while_locked(self, watched, event, kind) -> bool:
        """Nothing but the lock screen takes a key or a click; what appears meanwhile is covered too."""
        if kind == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.isWindow():
                if self._coverable(watched):
                    self._cover(watched)
                    self._place_screen()
            else:
                cover = self.covers.get(id(watched.parentWidget())) if watched.parentWidget() else None
                if cover is not None and watched is not cover.shade:
                    watched.hide()
                    cover.hidden.append(watched)
            return False
        if kind == QEvent.Type.LayoutRequest and id(watched) in self.covers:
            return True  # nothing to lay out but the shade; a message box would shrink itself to fit nothing
        if kind == QEvent.Type.Resize and id(watched) in self.covers:
            cover = self.covers[id(watched)]
            if shiboken6.isValid(cover.shade):
                cover.shade.setGeometry(watched.rect())
            return False
        if kind == QEvent.Type.WindowTitleChange and id(watched) in self.covers and not self._titling:
            cover = self.covers[id(watched)]
            if watched.windowTitle() != self.tr("Locked"):
                cover.title = watched.windowTitle()  # what it says once unlocked
                self._set_title(cover)
            return False
        if kind not in _INPUT or not isinstance(watched, QWidget):
            return False
        screen = self.screen
        inside = screen is not None and (watched is screen or screen.isAncestorOf(watched))
        if not inside:
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # no shortcut fires behind the lock
            return True
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the keys are typing in the lock screen, never a shortcut of the window under it
            return True
        if kind == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(watched, QLineEdit):
                # Not inside the filter: an error there would pass by the app's exception hook.
                QTimer.singleShot(0, self.try_unlock)
                return True
            if key == Qt.Key.Key_Escape:
                return True  # would close a dialog under the lock
        return False

    # --- unlocking ------------------------------------------------------------------------------
    def try_unlock(self) -> None:
        """The person signed in and their password unlock; another person's name and password sign
        them in instead. A wrong password is said next to the field (audited, counted to the lock-out)."""
        from helpdesk import accounts

        screen = self.screen
        if screen is None:
            return
        mine = cast("Staff", cast("MainWindow", self.window).staff)  # locked: someone is signed in
        if screen.other and not screen.username.text().strip():
            screen.message.show_message(self.tr("Type the user name of the person signing in."))
            screen.username.setFocus()
            return
        if not screen.password.text():
            screen.refuse(self.tr("Type the password."))
            return
        username = screen.username.text() if screen.other else mine.username
        try:
            staff = accounts.authenticate(username, screen.password.text())
        except KnownError as error:
            screen.refuse(message_for(error))
            return
        if staff.id == mine.id:
            self.unlock()
        else:
            self.switch_to(staff)

    def unlock(self) -> None:
        """Everything as it was: the same windows, titles, typed text, focus."""
        self.locked = False
        self.last_input = self.clock()
        covers, self.covers = list(self.covers.values()), {}
        for cover in covers:
            self._uncover(cover)
        self.screen, self.host = None, None  # deleted with its shade
        active, focus = self._active, self._focus
        self._active = self._focus = None
        if active is not None and shiboken6.isValid(active) and active.isVisible():
            active.activateWindow()
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("desk unlocked")

    def _uncover(self, cover: _Cover) -> None:
        window = cover.window
        if not shiboken6.isValid(window):
            return
        if shiboken6.isValid(cover.shade):
            cover.shade.hide()
            cover.shade.deleteLater()
        if cover.texts is not None:
            text, informative, detailed = cover.texts
            box = cast(QMessageBox, window)  # texts are kept only for a message box
            box.setText(text)
            box.setInformativeText(informative)
            box.setDetailedText(detailed)
        minimum, maximum, _size = cover.sizes
        window.setMinimumSize(minimum)
        window.setMaximumSize(maximum)
        if cover.geometry is not None:
            window.setGeometry(cover.geometry)
        for child in cover.hidden:
            if shiboken6.isValid(child):
                child.show()
        if cover.constraint is not None and (layout := window.layout()) is not None:
            layout.setSizeConstraint(cover.constraint)
        QApplication.postEvent(window, QEvent(QEvent.Type.LayoutRequest))  # the ones held back while covered
        window.setWindowTitle(cover.title)
        window.setAccessibleName(cover.accessible_name)
        if cover.focus is not None and shiboken6.isValid(cover.focus) and cover.focus.isVisible():
            cover.focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- another person -------------------------------------------------------------------------
    def switch_to(self, staff) -> None:
        """Another person signs in at the locked desk: the first one's open work is kept as drafts and
        every window of theirs is closed while still covered; then the new person's window is shown."""
        window = cast("MainWindow", self.window)  # locked: there is a window
        self.keep_work()
        self._focus = self._active = None
        window.sign_out()  # also stops the notifier and the bus, and drops every page built
        self.unlock()
        window.sign_in(staff)
        self.signed_in()

    def before_sign_out(self) -> None:
        """The person is about to be signed out while the desk is locked (a supervisor deactivated the
        account): what they have open is kept for them and closed now, before its page goes."""
        if self.locked and self._signed_in():
            theirs = [
                cover.window
                for key, cover in self.covers.items()
                if key in self._first and cover.window is not self.window and shiboken6.isValid(cover.window)
            ]
            self.keep_work(self._person, theirs)

    def _signed_out_while_locked(self) -> None:
        """The person was signed out behind the lock: what they had open is kept for them and closed
        (the calls and sessions the sign-out put away offer themselves at their next sign-in as ever),
        then the desk opens on the sign-in that followed."""
        self._leaving = False
        window = self.window
        if not self.locked or window is None or not shiboken6.isValid(window) or window.staff is not None:
            return
        theirs = [
            cover.window
            for key, cover in self.covers.items()
            if key in self._first and cover.window is not window and shiboken6.isValid(cover.window)
        ]
        self.keep_work(self._person, theirs)
        self._focus = self._active = None
        self.unlock()

    def keep_work(self, staff_id: int | None = None, windows: list | None = None) -> list[str]:
        """Keep what the person signed in (or ``staff_id``) has open, as drafts for their next sign-in,
        and close it: their calls and sessions and ``windows`` (by default every other window open).
        The ids of the drafts written."""
        from helpdesk import drafts

        window = cast("MainWindow", self.window)  # kept from the window someone is (or was) signed in to
        store, location = window.draft_store, window.location
        staff_id = staff_id if staff_id is not None else cast("Staff", window.staff).id
        kept = []
        for kind, running in (("call", window.call_windows), ("calm", window.calm_windows)):
            for draft_window in list(running):
                if shiboken6.isValid(draft_window):
                    draft_window.put_away()  # the call's or session's own draft, with its timer's start
                    content: dict | None = {"kind": kind, "draft_id": draft_window.draft_id}
                    kept.append(self._save(store, drafts.new_id(), location, staff_id, content))
            running.clear()
        for other in QApplication.topLevelWidgets() if windows is None else windows:
            if other is window or not shiboken6.isValid(other) or not other.isVisible():
                continue
            content = snapshot(other)
            if content is not None:
                kept.append(self._save(store, drafts.new_id(), location, staff_id, content))
            if hasattr(other, "comment") and isinstance(other.comment, QPlainTextEdit):
                other.comment.clear()  # kept: closing asks nothing
            if isinstance(other, QDialog):
                other.done(QDialog.DialogCode.Rejected)  # not reject(): that asks about what was typed
            else:
                other.close()
        return kept

    @staticmethod
    def _save(store, draft_id, location, staff_id, content) -> str:
        store.save(draft_id, KEPT_KIND, location, staff_id, content)
        return draft_id

    def _reopen(self, content: dict):
        window = cast("MainWindow", self.window)  # reopened after a sign-in in it
        kind = content.get("kind")
        if kind in ("call", "calm"):
            opened = window.reopen_drafts([cast(str, content.get("draft_id"))])
            if not opened:
                return None
            opened = opened[0]
        elif kind == "customer_form":
            page = window.customers_page
            opened = page.edit_customer(content["customer_id"]) if content.get("customer_id") else page.new_customer()
        elif kind == "complaint_form":
            opened = window.new_complaint(content.get("customer_id"), content.get("contact_id"))
        elif kind == "complaint_window":
            opened = window.open_complaint(content["complaint_id"])
        else:
            return None
        fill(opened, content)
        return opened


# --- a window's typed text -----------------------------------------------------------------------
def _fields(window: QWidget) -> tuple[list[QLineEdit], list]:
    """The fields a person types in, in the order the window made them (the same for a window built
    again the same way); not the line inside a spin box or a combo box, not a password."""
    lines = [
        edit
        for edit in window.findChildren(QLineEdit)
        if not isinstance(edit.parentWidget(), (QAbstractSpinBox, QComboBox))
        and edit.echoMode() == QLineEdit.EchoMode.Normal
        and not edit.isReadOnly()
    ]
    texts = [
        edit for edit in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit) if not edit.isReadOnly()
    ]
    return lines, texts


def snapshot(window: QWidget) -> dict | None:
    """What a customer form, a new complaint or a complaint window holds that was typed; None for
    other windows (calls and calm-down sessions keep their own drafts)."""
    name = window.objectName()
    if name == "complaintWindow":
        complaint = cast("ComplaintWindow", window)
        content = {"kind": "complaint_window", "complaint_id": complaint.complaint_id}
    elif name == "newComplaintDialog":
        form = cast("NewComplaintDialog", window)
        content = {"kind": "complaint_form", "customer_id": form.customer_id, "contact_id": form.contact_id}
    elif type(window).__name__ == "CustomerForm":
        content = {"kind": "customer_form", "customer_id": cast("CustomerForm", window).customer_id}
    else:
        return None
    lines, texts = _fields(window)
    content["lines"] = [edit.text() for edit in lines]
    content["texts"] = [edit.toPlainText() for edit in texts]
    return content


def fill(window: QWidget, content: dict) -> None:
    """Put back the text ``snapshot`` kept, field by field."""
    lines, texts = _fields(window)
    for edit, text in zip(lines, content.get("lines") or []):
        if edit.text() != text:
            edit.setText(text)
    for edit, text in zip(texts, content.get("texts") or []):
        if edit.toPlainText() != text:
            edit.setPlainText(text)
