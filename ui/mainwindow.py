"""The main window: navigation between the pages, menus, shortcuts and the status bar.

The window appears at once, before the database is opened; the sign-in dialog
then sits on top of it. Pages are built for the signed-in person on first visit
and thrown away when they sign out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk.localization import digits, isolate, left_to_right

from . import actions, i18n, paths
from .actions import Act
from .messages import role_name

if TYPE_CHECKING:
    from helpdesk.models import Staff

    from .changes import ChangeBus
    from .dialogs.call_window import CallWindow
    from .dialogs.calm_window import CalmWindow
    from .dialogs.complaint_window import ComplaintWindow
    from .notifier import Notifier
    from .pages.customers import CustomersPage
    from .phone import PhoneCenter

GEOMETRY_KEY = "mainwindow/geometry"
STATE_KEY = "mainwindow/state"

DASHBOARD, CUSTOMERS, CALLS, COMPLAINTS, REPORTS, SETTINGS, AUDIT_LOG = range(7)


def focus_page(page: QWidget) -> None:
    """Put the focus where typing goes on ``page``: its own choice (``focus_first``), its focus
    proxy, or else its first control that takes Tab focus. Never the page itself, which takes no keys."""
    from PySide6.QtCore import Qt

    if hasattr(page, "focus_first"):
        page.focus_first()
        return
    if page.focusProxy() is not None:
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    widget = page.nextInFocusChain()
    while widget is not page and widget is not None:
        if (
            page.isAncestorOf(widget)
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()
    page.setFocus()


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    language_changed = Signal(str)
    first_painted = Signal()

    def __init__(self, location: str, parent=None):
        super().__init__(parent)
        self._painted = False
        self._finished = False
        self.staff: Staff | None = None
        self.location = location
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Help desk"))
        self.setMinimumSize(720, 480)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setFixedWidth(200)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(0)
        self.banner = QWidget()  # news that needs the person now, such as an escalation
        self.banner.setObjectName("newsBanner")
        self.banner.setStyleSheet("#newsBanner { background: #fde2a7; } #newsBanner QLabel { color: #3d2e00; }")
        self.banner.setAutoFillBackground(True)
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("newsText")
        self.banner_text.setWordWrap(True)
        self.banner_open = QPushButton(self.tr("Open"))
        self.banner_open.setObjectName("newsOpen")
        self.banner_open.clicked.connect(self._open_news)
        self.banner_dismiss = QPushButton(self.tr("Dismiss"))
        self.banner_dismiss.clicked.connect(self._dismiss_news)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.banner_open)
        banner_row.addWidget(self.banner_dismiss)
        self.banner.hide()
        self._news_complaint: int | None = None
        self._news = None  # the notification in the banner, re-said in the new language after a switch
        right_column.addWidget(self.banner)
        right_column.addWidget(self.stack, 1)
        row.addWidget(self.nav)
        row.addWidget(right, 1)
        self.setCentralWidget(central)

        self.call_windows: list[CallWindow] = []
        self.complaint_windows: list[ComplaintWindow] = []
        self.calm_windows: list[CalmWindow] = []
        self.notifier: Notifier | None = None
        self.phone: PhoneCenter | None = None  # the desk's phone (ui/phone.py), while someone is signed in
        self.bus: ChangeBus | None = None  # the change bus (ui/changes.py), while someone is signed in
        self._store = None
        self._factories = [
            (self.tr("Dashboard"), self._build_dashboard_page),
            (self.tr("Customers"), self._build_customers_page),
            (self.tr("Calls"), self._build_calls_page),
            (self.tr("Complaints"), self._build_complaints_page),
            (self.tr("Reports"), self._build_reports_page),
            (self.tr("Settings"), self._build_settings_page),
            (self.tr("Audit log"), self._build_audit_log_page),  # supervisors: hidden for others
        ]
        self._pages: list[QWidget | None] = [None] * len(self._factories)
        for title, _factory in self._factories:
            QListWidgetItem(title, self.nav)
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_row)

        self._create_actions()
        self._restore()
        self._set_signed_in(False)

    # --- who is signed in ----------------------------------------------------
    def sign_in(self, staff: Staff, carried: list[str] | None = None) -> None:
        """``carried``: on a language switch, the drafts of the calls and calm-down sessions that were
        open in the window this one replaces; they reopen here as they were, and nothing is asked
        (the offers to restore unfinished work belong to a sign-in, not to a language switch)."""
        self.finish_setting_up()
        self.staff = staff
        self.user_label.setText(
            self.tr("Signed in as {0} ({1})").format(
                isolate(staff.full_name, i18n.current_language()), role_name(staff.role)
            )
        )
        self._set_signed_in(True)
        self.nav.item(AUDIT_LOG).setHidden(not staff.is_supervisor)
        from .changes import CLOCK, ChangeBus
        from .notifier import Notifier

        self.bus = ChangeBus(self)
        self.bus.subscribe(("follow_up", CLOCK), lambda _changes: self.update_follow_up_badge(), owner=self)
        self.bus.subscribe(("setting",), lambda _changes: self._settings_changed(), owner=self)
        self.bus.subscribe(("staff",), self._accounts_changed, owner=self)  # powers follow the stored account
        self._screens_role = staff.role  # the role the pages were built for
        self.show_page(DASHBOARD)
        self.notifier = Notifier(staff, self, bus=self.bus)
        self.notifier.came_due.connect(self._follow_ups_came_due)
        self.notifier.complaint_news.connect(self._complaint_news)
        self.update_follow_up_badge()
        self.start_phone()
        if carried is None:
            QTimer.singleShot(0, self.offer_unfinished_calls)
        else:
            self.reopen_drafts(carried)

    def put_away_windows(self) -> list[str]:
        """Close the open calls and calm-down sessions, keeping their drafts; their draft ids."""
        kept = []
        for window in list(self.call_windows) + list(self.calm_windows):
            window.put_away()
            kept.append(window.draft_id)
        return kept

    def reopen_drafts(self, draft_ids: list[str]) -> list:
        """Reopen the calls and calm-down sessions kept under ``draft_ids``, without asking."""
        from .dialogs.call_window import DRAFT_KIND
        from .dialogs.calm_window import DRAFT_KIND as CALM_KIND

        opened = []
        for kind, start in (
            (DRAFT_KIND, lambda d: self.start_call(restored=d)),
            (CALM_KIND, lambda d: self.start_calm(restored=d)),
        ):
            for document in reversed(self.draft_store.unfinished(kind, self.location, cast("Staff", self.staff).id)):
                if document.get("id") in draft_ids:
                    opened.append(start(document))
        return opened

    def sign_out(self) -> None:
        """Forget the person and every page built for them. Calls in progress are kept as drafts."""
        for window in list(self.call_windows) + list(self.calm_windows):
            window.put_away()
        self.call_windows.clear()
        self.calm_windows.clear()
        self.stop_phone()
        if self.notifier is not None:
            self.notifier.stop()
            self.notifier.deleteLater()
            self.notifier = None
        if self.bus is not None:
            self.bus.stop()
            self.bus.deleteLater()
            self.bus = None
        self.staff = None
        self.banner.hide()
        self.nav.item(CALLS).setText(self._factories[CALLS][0])
        self._drop_pages()
        self.show_status(self.tr("Not signed in"))
        self._set_signed_in(False)

    def _drop_pages(self) -> None:
        """Forget every page built; each is built again, for whoever is signed in, when shown."""
        for index, page in enumerate(self._pages):
            if page is not None:
                placeholder = QWidget()
                self.stack.insertWidget(index, placeholder)
                self.stack.removeWidget(page)
                page.deleteLater()
                self._pages[index] = None

    # --- powers: the account as stored, not as it was at sign-in ---------------
    def _accounts_changed(self, changes) -> None:
        """An account changed on some desk (the change bus); if it is this person's, look at it now."""
        if self.staff is not None and str(self.staff.id) in changes.of("staff"):
            self.check_standing()

    def check_standing(self) -> None:
        """A deactivated person is signed out, with a message; a demoted one loses the supervisors'
        screens (and a promoted one gains them) at once. One statement (``accounts.standing``)."""
        from helpdesk import accounts

        staff = cast("Staff", self.staff)  # checked while someone is signed in
        standing = accounts.standing(staff)
        if standing is None or not standing.active:
            self.sign_out_requested.emit()  # the controller signs out and asks who is here
            self._tell(
                self.tr("Signed out"),
                self.tr(
                    "A supervisor has deactivated your account, so you have been signed out. "
                    "Unfinished calls are kept for when you sign in again."
                ),
            )
            return
        if standing.role == self._screens_role:
            return
        staff.role = self._screens_role = standing.role
        self.user_label.setText(
            self.tr("Signed in as {0} ({1})").format(
                isolate(staff.full_name, i18n.current_language()), role_name(standing.role)
            )
        )
        current = self.stack.currentIndex()
        self._drop_pages()  # built again for the new role: the supervisors' screens go (or come)
        self.nav.item(AUDIT_LOG).setHidden(not staff.is_supervisor)
        self.show_page(current)
        self._tell(
            self.tr("Your role changed"),
            self.tr("A supervisor changed your role. It is now: {0}.").format(role_name(standing.role)),
        )

    def _tell(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.powers_notice = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        self.powers_notice.setObjectName("powersNotice")
        self.powers_notice.open()

    def show_status(self, text: str) -> None:
        self.finish_setting_up()
        self.user_label.setText(text)

    def _set_signed_in(self, signed_in: bool) -> None:
        self.nav.setEnabled(signed_in)
        self.stack.setEnabled(signed_in)
        actions.set_signed_in(self.main_actions, signed_in)

    # --- pages -----------------------------------------------------------------
    def page(self, index: int) -> QWidget:
        """The page at ``index``, built on first use."""
        if self._pages[index] is None:
            page = self._factories[index][1]()
            placeholder = cast(QWidget, self.stack.widget(index))  # every index has a page or a placeholder
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[index] = page
            if self.bus is not None and hasattr(page, "follow"):
                page.follow(self.bus)  # the page subscribes to the kinds of change it shows
        return cast(QWidget, self._pages[index])

    @property
    def settings_page(self):
        return self.page(SETTINGS)

    def _build_settings_page(self) -> QWidget:
        from .pages.settings import SettingsPage  # imported on first visit, not at start-up

        page = SettingsPage(cast("Staff", self.staff))
        page.language_changed.connect(self.language_changed)

        def apply_phone(phone) -> None:
            if self.phone is not None:
                self.phone.apply(phone)

        page.phone_settings.saved.connect(apply_phone)
        if hasattr(page, "backups_box"):  # a restore: signed in again, everything read from the restored data
            page.backups_box.restored.connect(self.sign_out_requested)
        return page

    def _build_dashboard_page(self) -> QWidget:
        from .pages.dashboard import DashboardPage

        page = DashboardPage(cast("Staff", self.staff))
        page.call_requested.connect(lambda channel, direction: self.start_call(channel, direction))
        page.callback_requested.connect(self.call_back)

        def show_calls_today() -> None:
            self.show_page(CALLS)
            self.calls_page.show_today()

        page.calls_requested.connect(show_calls_today)
        page.complaints_requested.connect(self.show_complaints)
        page.complaint_requested.connect(self.open_complaint)
        return page

    def show_complaints(self, view: str) -> None:
        self.show_page(COMPLAINTS)
        self.complaints_page.show_view(view)

    def _build_calls_page(self) -> QWidget:
        from .pages.calls import CallsPage

        page = CallsPage(cast("Staff", self.staff))
        page.call_requested.connect(lambda channel, direction: self.start_call(channel, direction))
        page.callback_requested.connect(self.call_back)
        page.contact_requested.connect(self.open_contact)
        page.dial_requested.connect(lambda contact_id: self.dial_number_of(contact_id=contact_id))
        return page

    def _build_complaints_page(self) -> QWidget:
        from .pages.complaints import ComplaintsPage

        page = ComplaintsPage(cast("Staff", self.staff))
        page.complaint_requested.connect(self.open_complaint)
        page.new_requested.connect(lambda: self.new_complaint())
        page.session_requested.connect(lambda session_id: self.start_calm(review_id=session_id))
        return page

    def _build_reports_page(self) -> QWidget:
        from .pages.reports import ReportsPage  # reportlab and QtPdf only when a supervisor comes here

        return ReportsPage(cast("Staff", self.staff))

    @property
    def reports_page(self):
        return self.page(REPORTS)

    def show_report(self, kind: str, **record) -> QWidget:
        """The report centre, open on ``kind`` with its record chosen (from a complaint, a profile, a session)."""
        self.show_page(REPORTS)
        page = self.reports_page
        if hasattr(page, "preselect"):
            page.preselect(kind, **record)
        self.activateWindow()  # in front of the complaint or session window it was asked from
        return page

    @property
    def complaints_page(self):
        return self.page(COMPLAINTS)

    def _build_audit_log_page(self) -> QWidget:
        if not cast("Staff", self.staff).is_supervisor:
            return QLabel(self.tr("The audit log is for supervisors."))
        from .pages.audit_log import AuditLogPage

        return AuditLogPage(cast("Staff", self.staff))

    def show_history(self, kind: str, record_id) -> QWidget:
        """The audit log, filtered to one record (from its window)."""
        self.show_page(AUDIT_LOG)
        page = self.page(AUDIT_LOG)
        if hasattr(page, "show_record"):
            page.show_record(kind, record_id)
        self.activateWindow()
        return page

    def open_complaint(self, complaint_id: int):
        from .dialogs.complaint_window import ComplaintWindow

        window = ComplaintWindow(cast("Staff", self.staff), complaint_id, self)
        window.changed.connect(lambda _id: self.data_changed())
        if self.bus is not None:
            window.follow(self.bus)
        window.report_requested.connect(lambda complaint_id: self.show_report("incident", complaint_id=complaint_id))
        window.history_requested.connect(lambda complaint_id: self.show_history("complaint", complaint_id))
        self._keep(self.complaint_windows, window)
        window.show()
        if window.windowHandle() is not None:
            window.windowHandle().requestActivate()
        return window

    def new_complaint(self, customer_id: int | None = None, contact_id: int | None = None, description: str = ""):
        from .dialogs.complaint_form import NewComplaintDialog

        dialog = NewComplaintDialog(cast("Staff", self.staff), customer_id, contact_id, description, self)

        def saved(complaint_id: int) -> None:
            self.data_changed()
            self.open_complaint(complaint_id)

        dialog.saved.connect(saved)
        self.complaint_dialog = dialog
        dialog.open()
        return dialog

    def _complaint_news(self, items: list) -> None:
        self._show_news(items[-1])  # the pages heard of the complaint's change through the bus

    def _show_news(self, item) -> None:
        self._news = item
        self._news_complaint = item.complaint_id
        self.banner_text.setText(cast("Notifier", self.notifier).describe(item)[1])  # news comes from it
        self.banner.show()

    def carry_forms(self, old: MainWindow) -> None:
        """On a language switch: the customer forms open in the old window stay open, as typed, here."""
        page = cast("CustomersPage | None", old._pages[CUSTOMERS])
        forms = [form for form in page.forms if form.isVisible()] if page is not None else []
        for form in forms:
            self.customers_page.adopt_form(form)

    def carry_complaints(self, old: MainWindow) -> None:
        """On a language switch: the complaints open in the old window open here, in the new language,
        with the comment that was being typed."""
        for window in list(old.complaint_windows):
            if not window.isVisible():
                continue
            opened = self.open_complaint(window.complaint_id)
            opened.comment.setPlainText(window.comment.toPlainText())
            opened.to_customer.setChecked(window.to_customer.isChecked())
            window.hide()

    def carry_news(self, old: MainWindow) -> None:
        """On a language switch: the news the old window still showed, shown here in the new language."""
        if not old.banner.isHidden() and getattr(old, "_news", None) is not None and self.notifier is not None:
            self._show_news(old._news)

    def _dismiss_news(self) -> None:
        self._news = None
        self.banner.hide()

    def _open_news(self) -> None:
        if self._news_complaint is not None:
            self.open_complaint(self._news_complaint)
        self._dismiss_news()

    def data_changed(self) -> None:
        """Something was saved here: the bus reads what (one statement) and tells the pages that show it
        at once, rather than at its next look."""
        if self.bus is not None:
            self.bus.catch_up()

    def _settings_changed(self) -> None:
        """A setting was saved (here or on another desk): it is read again when next needed."""
        from helpdesk import settings

        forget = getattr(settings, "forget", None)
        if forget is not None:
            forget()

    @property
    def calls_page(self):
        return self.page(CALLS)

    @property
    def dashboard_page(self):
        return self.page(DASHBOARD)

    # --- contacts ----------------------------------------------------------------
    @property
    def draft_store(self):
        if self._store is None:
            from helpdesk.drafts import DraftStore

            self._store = DraftStore(paths.draft_dir())
        return self._store

    @staticmethod
    def _keep(windows: list, window) -> None:
        """Hold ``window`` in ``windows`` while it lives: Qt deletes a closed window (WA_DeleteOnClose),
        and a Python reference kept past that raises "Internal C++ object already deleted"."""
        windows.append(window)
        window.destroyed.connect(lambda _obj=None, w=window: windows.remove(w) if w in windows else None)

    def _track(self, window) -> None:
        self._keep(self.call_windows, window)
        window.saved.connect(self._contact_saved)
        window.complaint_requested.connect(self._complaint_from_contact)
        window.addActions(actions.shared(self.main_actions))  # F9 there too: the one calm-down action
        window.closed.connect(lambda w=window: self.call_windows.remove(w) if w in self.call_windows else None)
        window.show()
        window.activateWindow()
        if window.windowHandle() is not None:
            window.windowHandle().requestActivate()  # typing goes to the new call at once

    def start_call(
        self,
        channel: str = "phone",
        direction: str = "inbound",
        customer_id: int | None = None,
        follow_up_id: int | None = None,
        restored: dict | None = None,
        phone_call: dict | None = None,
    ):
        """Open a new contact window; the timer starts now (or at the answer of ``phone_call``)."""
        if self.staff is None:
            return None
        from .dialogs.call_window import CallWindow

        window = CallWindow(
            self.staff,
            self.location,
            self.draft_store,
            channel=channel,
            direction=direction,
            customer_id=customer_id,
            follow_up_id=follow_up_id,
            restored=restored,
            phone_call=phone_call,
            parent=self,
        )
        self._track(window)
        return window

    def call_back(self, follow_up_id: int, customer_id: int | None):
        """Keep a promise: an outbound call to the customer that completes the follow-up when saved.
        With a phone system that can dial, the desk's phone calls their number."""
        if self.phone is not None and self.phone.can_dial:
            return self.dial_number_of(follow_up_id=follow_up_id)
        return self.start_call("phone", "outbound", customer_id, follow_up_id)

    # --- the phone system ---------------------------------------------------------------
    def start_phone(self) -> None:
        from .phone import PhoneCenter

        self.stop_phone()
        self.phone = PhoneCenter(self)
        self.phone.state_changed.connect(self.phone_indicator.show_state)
        self.phone.dial_failed.connect(self._dial_failed)

    def stop_phone(self) -> None:
        if self.phone is not None:
            self.phone.stop()
            self.phone.deleteLater()
            self.phone = None
        if self._finished:
            self.phone_indicator.hide()

    def dial_number_of(
        self, customer_id: int | None = None, contact_id: int | None = None, follow_up_id: int | None = None
    ):
        """Click to dial a customer, a contact of the log or a callback: the number they called from, else
        the customer's first."""
        from helpdesk import phonecalls

        number, customer_id = phonecalls.number_to_call(customer_id, contact_id, follow_up_id)
        if not number:
            self.statusBar().showMessage(self.tr("There is no phone number to dial."), 10_000)
            return None
        return self.dial(number, customer_id, follow_up_id)

    def dial(self, number: str, customer_id: int | None = None, follow_up_id: int | None = None):
        """Click to dial: this desk's phone rings and calls ``number``; the call window opens, outbound."""
        from helpdesk.errors import KnownError

        if self.phone is None or not self.phone.can_dial:
            self.statusBar().showMessage(
                self.tr("The phone system is not connected, so it cannot dial. Dial the number by hand."), 10_000
            )
            return self.start_call("phone", "outbound", customer_id, follow_up_id)
        try:
            return self.phone.dial(number, customer_id, follow_up_id)
        except KnownError as error:
            self._dial_failed(error)
            return None

    def _dial_failed(self, error) -> None:
        from .messages import message_for

        self.statusBar().showMessage(self.tr("The phone system could not dial: {0}").format(message_for(error)), 15_000)

    def simulate_call(self):
        """Help ▸ Simulate a phone call: the desk rings with a demo customer's number or a stranger's."""
        if self.phone is None:
            return None
        return self.phone.simulate()

    def start_calm(self, customer_id: int | None = None, restored: dict | None = None, review_id: int | None = None):
        """The guided calm-down procedure, in its own window; F9 from anywhere."""
        if self.staff is None:
            return None
        from .dialogs.calm_window import CalmWindow

        window = CalmWindow(
            self.staff,
            self.location,
            self.draft_store,
            customer_id=customer_id,
            restored=restored,
            review_id=review_id,
            parent=self,
        )
        window.finished.connect(lambda _id: self.data_changed())
        window.escalated.connect(lambda _id: self.data_changed())
        window.report_requested.connect(lambda session_id: self.show_report("incident", session_id=session_id))
        self._keep(self.calm_windows, window)
        window.closed.connect(lambda w=window: self.calm_windows.remove(w) if w in self.calm_windows else None)
        window.show()
        window.activateWindow()
        if window.windowHandle() is not None:
            window.windowHandle().requestActivate()
        return window

    def _contact_saved(self, contact_id: int) -> None:
        """A contact that ended in a complaint goes straight on to the complaint form."""
        from helpdesk import contacts

        self.contacts_changed()
        if contacts.get(contact_id).outcome == "complaint":
            self._complaint_from_contact(contact_id)

    def _complaint_from_contact(self, contact_id: int):
        from helpdesk import contacts

        contact = contacts.get(contact_id)
        return self.new_complaint(contact.customer_id, contact.id, contact.notes)

    def open_contact(self, contact_id: int):
        from .dialogs.call_window import CallWindow

        window = CallWindow(
            cast("Staff", self.staff), self.location, self.draft_store, contact_id=contact_id, parent=self
        )
        self._track(window)
        return window

    def offer_unfinished_calls(self) -> list:
        """After a crash or power cut, offer each call that was left unfinished."""
        from helpdesk.clock import to_local
        from helpdesk.localization import format_datetime

        from . import prompts
        from .dialogs.call_window import DRAFT_KIND

        if self.staff is None:
            return []
        opened = []
        for document in self.draft_store.unfinished(DRAFT_KIND, self.location, self.staff.id):
            if any(w.draft_id == document.get("id") for w in self.call_windows):
                continue
            from helpdesk import contacts

            if contacts.saved_from_draft(document.get("id")) is not None:
                # Saved just before the app stopped, the draft not yet deleted: nothing to restore or store twice.
                self.draft_store.discard(document["id"])
                self.statusBar().showMessage(
                    self.tr(
                        "A call left on this computer had already been saved before "
                        "the help desk closed; it was not stored again."
                    ),
                    120_000,
                )
                continue
            content = document.get("content", {}).get("contact", {})
            from datetime import datetime

            started = content.get("started_at")
            when = (
                format_datetime(to_local(datetime.fromisoformat(started)), i18n.current_language()) if started else ""
            )
            notes = (content.get("notes") or "").strip()
            preview = (notes[:120] + "…") if len(notes) > 120 else notes
            if content.get("channel") == contacts.CHANNEL_WALK_IN:
                title = self.tr("Restore the unfinished visit?")
                text = self.tr(
                    "A visit started at {0} was not saved when the help desk closed.\n\n{1}\n\n"
                    "Restore it now? If you answer No, it is thrown away."
                )
            else:
                title = self.tr("Restore the unfinished call?")
                text = self.tr(
                    "A call started at {0} was not saved when the help desk closed.\n\n{1}\n\n"
                    "Restore it now? If you answer No, it is thrown away."
                )
            if prompts.confirm(self, title, text.format(when, preview), default_yes=True):
                opened.append(self.start_call(restored=document))
            else:
                self.draft_store.discard(document["id"])
        from .dialogs.calm_window import DRAFT_KIND as CALM_KIND

        for document in self.draft_store.unfinished(CALM_KIND, self.location, self.staff.id):
            if any(w.draft_id == document.get("id") for w in self.calm_windows):
                continue
            if prompts.confirm(
                self,
                self.tr("Resume the calm-down session?"),
                self.tr("A calm-down session was interrupted. Resume it where you left it?"),
                default_yes=True,
            ):
                opened.append(self.start_calm(restored=document))
            else:
                self.draft_store.discard(document["id"])
        return opened

    def contacts_changed(self) -> None:
        """A contact was saved here (and maybe a follow-up with it): as any save, through the bus."""
        self.data_changed()

    def refresh_follow_ups(self) -> None:
        """Look now, as the notifier's timer would: follow-ups that came due, news of complaints, and what
        other desks saved meanwhile. The queues and the badge follow through the bus."""
        if self.notifier is not None:
            self.notifier.check()
        if self.bus is not None:
            self.bus.catch_up()

    def _follow_ups_came_due(self, rows: list) -> None:
        self.statusBar().showMessage(self.tr("A follow-up is due: see the Calls page."), 60_000)

    def update_follow_up_badge(self) -> None:
        """The Calls entry in the navigation says how many of the person's follow-ups are overdue."""
        from PySide6.QtGui import QBrush, QColor

        from helpdesk import followups

        if self.staff is None:
            return
        overdue = followups.counts(self.staff.id)[followups.OVERDUE]
        item = self.nav.item(CALLS)
        title = self._factories[CALLS][0]
        if overdue:
            item.setText(self.tr("{0} ({1} overdue)").format(title, digits(overdue, i18n.current_language())))
            item.setForeground(QBrush(QColor("#b3261e")))
        else:
            item.setText(title)
            item.setData(9, None)  # Qt.ForegroundRole: back to the palette's colour

    @property
    def customers_page(self):
        return self.page(CUSTOMERS)

    def customer_in_view(self) -> int | None:
        """The customer whose profile is on the screen: F2 and Shift+F2 there start the contact with them."""
        page = cast("CustomersPage | None", self._pages[CUSTOMERS])
        return page.profile.customer_in_view() if page is not None else None

    def _build_customers_page(self) -> QWidget:
        from .pages.customers import CustomersPage

        page = CustomersPage(cast("Staff", self.staff))
        page.call_requested.connect(lambda customer_id: self.start_call(customer_id=customer_id))
        page.dial_requested.connect(lambda customer_id: self.dial_number_of(customer_id=customer_id))
        page.contact_requested.connect(self.open_contact)
        page.complaint_requested.connect(lambda customer_id: self.new_complaint(customer_id))
        page.complaint_opened.connect(self.open_complaint)
        page.calm_requested.connect(lambda customer_id: self.start_calm(customer_id))
        page.session_opened.connect(lambda session_id: self.start_calm(review_id=session_id))
        page.report_requested.connect(lambda customer_id: self.show_report("customer", customer_id=customer_id))
        page.profile.history_requested.connect(lambda customer_id: self.show_history("customer", customer_id))
        return page

    def _show_row(self, index: int) -> None:
        if index >= 0 and self.staff is not None:
            self.stack.setCurrentWidget(self.page(index))

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        self._show_row(index)
        focus_page(cast(QWidget, self.stack.currentWidget()))  # the stack always holds its pages

    # --- actions and menus: everything important has a shortcut (ui/actions.py) --------------
    def _create_actions(self) -> None:
        self.main_actions, self.main_menus = actions.create(self)
        self.sign_out_action = self.main_actions[Act.SIGN_OUT]  # the lock puts "Lock the desk" next to it
        self.simulate_action = self.main_actions[Act.SIMULATE_CALL]

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "main_actions"):
            actions.retranslate(self.main_actions, self.main_menus)
        super().changeEvent(event)

    def request_sign_out(self) -> None:
        self.sign_out_requested.emit()

    def new_call(self) -> None:
        self.start_call("phone", "inbound", self.customer_in_view())

    def new_visit(self) -> None:
        self.start_call("walk_in", "inbound", self.customer_in_view())

    def calm_down(self) -> None:
        """F9: from a call window, about that call's customer; from anywhere else, a customer not named yet."""
        from PySide6.QtWidgets import QApplication

        active = QApplication.activeWindow()
        call = next((w for w in self.call_windows if w is active), None)
        self.start_calm(call.customer_id if call is not None else None)

    def finish_setting_up(self) -> None:
        """The parts of the window that can wait until it is on the screen: the keys of the
        actions (the first key sequence builds all of Qt's key enums) and the status bar
        (a QStatusBar takes several ms to build). Runs right after the first paint, or
        earlier when something needs them; only once."""
        if self._finished:
            return
        self._finished = True
        actions.apply_keys(self.main_actions)
        self._create_status_bar()

    def _create_status_bar(self) -> None:
        self.user_label = QLabel(self.tr("Opening the database…"))
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(self.tr("Database: {0}").format(left_to_right(self.location)))
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.user_label)
        from .connection import ConnectionIndicator

        self.connection = ConnectionIndicator()  # "Server unreachable since … — retrying", while it is
        self.statusBar().addPermanentWidget(self.connection)
        from .phone_indicator import PhoneIndicator

        self.phone_indicator = PhoneIndicator()  # "Phone system: connected", when this desk has one
        self.statusBar().addPermanentWidget(self.phone_indicator)
        self.statusBar().addPermanentWidget(self.database_label)

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

    def show_about(self) -> None:
        from .dialogs.about import show_about

        show_about(self)

    # --- remembered geometry -------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_geometry(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint reaches the screen, not during it: first the news that the window is
            # up, then the rest of the window.
            QTimer.singleShot(0, self.first_painted.emit)
            QTimer.singleShot(0, self.finish_setting_up)

    def closeEvent(self, event) -> None:
        self.stop_phone()
        if self.notifier is not None:
            self.notifier.stop()
        if self.bus is not None:
            self.bus.stop()
        self.save_geometry()
        super().closeEvent(event)
