"""The screen pop: who is calling, shown as it rings, without taking the keyboard.

A small notice on top of every window, at the bottom corner of the screen (right, or left in a
right-to-left language), that never takes the focus: the person typing in a call window or a search
box goes on typing while it shows. It is built once and reused (``show_call`` only fills its
labels), so it paints quickly; ``painted`` says when it has been painted (for the benchmark).

What it shows comes from ``helpdesk.phonecalls.Screen``: one known customer with what matters
before saying hello (open and overdue complaints, the last satisfaction and anger rating, the last
promise and whether it was kept), or "maybe one of these" with a few customers to choose from, or an
unknown or withheld number.
"""

from __future__ import annotations

import html
from typing import cast

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk import phonecalls, phones
from helpdesk.clock import to_local, utcnow
from helpdesk.localization import digits, format_date, is_rtl, isolate, left_to_right
from helpdesk.telephony.events import PhoneEvent

from . import i18n
from .messages import choice

OVERDUE_COLOUR = "#c62828"
MAYBE_ROWS = 5  # the most "maybe" customers the pop lists (the buttons are made once)
MISSED_SHOWN_MS = 8000  # how long a missed call's notice stays
ELSEWHERE_SHOWN_MS = 4000  # how long "answered at extension 202" stays
PROMISE_CHARACTERS = 60  # a longer promise is cut with "…"
MARGIN = 16  # from the screen's edges


class PhonePop(QWidget):
    """The notice of a ringing call. One per main window, reused for every call."""

    answer_requested = Signal(object)  # the ringing PhoneEvent
    customer_chosen = Signal(int)  # a "maybe" customer picked as the caller
    open_customer = Signal(int)  # the caller's name clicked: open the profile
    new_customer_requested = Signal(str)  # the caller's number (E.164, or as sent when unreadable)
    dismissed = Signal()
    painted = Signal()  # after each paint (the benchmark's "on screen")

    def __init__(self, parent: QWidget | None = None, region: str = phones.DEFAULT_REGION):
        super().__init__(
            parent,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("phonePop")
        self.region = region
        self.call_event: PhoneEvent | None = None
        self.screen_: phonecalls.Screen | None = None
        self.customer_id: int | None = None  # the caller as known or chosen; None when unknown or not chosen
        self._hide_timer = QTimer(self, singleShot=True)
        self._hide_timer.timeout.connect(self.hide_call)
        self._build()
        self._retranslate()

    # -- building, once --------------------------------------------------------------------------

    def _label(self, layout, *, big: bool = False, rich: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if big:
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            label.setFont(font)
        layout.addWidget(label)
        return label

    def _button(self, text_layout=None) -> QPushButton:
        button = QPushButton()
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        if text_layout is not None:
            text_layout.addWidget(button)
        return button

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        card = self.card = QFrame(objectName="phonePopCard")  # type: ignore[call-arg]  # PySide6 takes Qt properties as keywords; its stubs do not list them
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setStyleSheet(
            "#phonePopCard { border: 1px solid palette(mid); border-radius: 6px; background: palette(window); }"
        )
        outer.addWidget(card)
        box = QVBoxLayout(card)
        box.setContentsMargins(14, 10, 14, 12)
        box.setSpacing(6)

        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.title, 1)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self._dismiss)
        top.addWidget(self.close_button)
        box.addLayout(top)

        self.number = self._label(box)
        self.number.setTextFormat(Qt.TextFormat.PlainText)

        self.pages: list[QWidget] = []  # known, maybe, unknown: one shown (hidden ones take no room)

        known = QWidget()
        known_box = QVBoxLayout(known)
        known_box.setContentsMargins(0, 4, 0, 0)
        known_box.setSpacing(3)
        self.name = QPushButton()
        self.name.setFlat(True)
        self.name.setCursor(Qt.CursorShape.PointingHandCursor)
        self.name.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.name.setAutoDefault(False)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setStyleSheet(
            "QPushButton { text-align: left; padding: 0; border: none; color: palette(link); }"
            " QPushButton:hover { text-decoration: underline; }"
        )
        self.name.clicked.connect(self._open_customer)
        known_box.addWidget(self.name)
        self.organisation = self._label(known_box)
        self.complaints = self._label(known_box, rich=True)
        self.satisfaction = self._label(known_box)
        self.anger = self._label(known_box)
        self.promise = self._label(known_box, rich=True)
        self.pages.append(known)
        box.addWidget(known)

        maybe = QWidget()
        maybe_box = QVBoxLayout(maybe)
        maybe_box.setContentsMargins(0, 4, 0, 0)
        maybe_box.setSpacing(3)
        self.maybe_heading = self._label(maybe_box)
        self.maybe_buttons: list[QPushButton] = []
        for row in range(MAYBE_ROWS):
            button = self._button(maybe_box)
            button.setStyleSheet("QPushButton { text-align: left; padding: 3px 6px; }")
            button.clicked.connect(lambda _checked=False, row=row: self._choose(row))
            self.maybe_buttons.append(button)
        self.pages.append(maybe)
        box.addWidget(maybe)

        unknown = QWidget()
        unknown_box = QVBoxLayout(unknown)
        unknown_box.setContentsMargins(0, 4, 0, 0)
        self.unknown = self._label(unknown_box, big=True)
        self.new_customer = self._button()
        self.new_customer.clicked.connect(self._new_customer)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_customer)
        new_row.addStretch(1)
        unknown_box.addLayout(new_row)
        self.pages.append(unknown)
        box.addWidget(unknown)

        self.status = self._label(box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.dismiss_button = self._button(buttons)
        self.dismiss_button.clicked.connect(self._dismiss)
        self.answer_button = self._button(buttons)
        self.answer_button.setDefault(False)
        self.answer_button.clicked.connect(self._answer)
        box.addLayout(buttons)

        self.setFixedWidth(380)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

    def _retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.answer_button.setText(self.tr("Answer"))
        self.new_customer.setText(self.tr("New customer…"))
        self.maybe_heading.setText(self.tr("Maybe one of these:"))
        self.setWindowTitle(self.tr("Incoming call"))
        if self.call_event is not None and self.screen_ is not None and self.isVisible():
            self._fill()
            self._fit()
            self._place()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.painted.emit()

    def warm_up(self) -> None:
        """Lay out and paint a sample call out of sight (the first call's fonts, style and native
        window cost about 0.4 s); for a moment after the main window shows, not at start."""
        sample = phonecalls.CallerFacts(
            0,
            "Warm up",
            "Warm up",
            2,
            1,
            "satisfied",
            None,
            5,
            None,
            phonecalls.Promise("Warm up", utcnow(), phonecalls.BROKEN),
        )
        screen = phonecalls.Screen("+989120000000", "09120000000", phonecalls.KNOWN, [sample])
        self.call_event, self.screen_ = PhoneEvent("ringing", "warm-up", "09120000000", "0"), screen
        for page in (phonecalls.KNOWN, phonecalls.MAYBE, phonecalls.UNKNOWN):
            screen.match = page
            self._fill()
            self._fit()
            self.grab()
        self.winId()  # the native window, made now
        self.call_event = self.screen_ = None
        self.customer_id = None

    # -- the calls -------------------------------------------------------------------------------

    def show_call(self, event: PhoneEvent, screen: phonecalls.Screen) -> None:
        """A call ringing here, with who it is (``phonecalls.screen`` of its number)."""
        self._hide_timer.stop()
        self.call_event, self.screen_ = event, screen
        self.customer_id = (
            screen.callers[0].customer_id if screen.match == phonecalls.KNOWN and screen.callers else None
        )
        self._fill()
        self.title.setText(self.tr("Incoming call"))
        self.status.hide()
        self.answer_button.show()
        self._fit()
        self._place()
        if self.isVisible():
            self.update()
        else:
            self.show()
        self.raise_()

    def answered_elsewhere(self, extension: str) -> None:
        """Another extension took the call: say so a moment, then go."""
        lang = i18n.current_language()
        self._show_status(
            self.tr("Answered at extension {0}").format(left_to_right(digits(extension, lang)))
            if extension
            else self.tr("Answered at another extension"),
            ELSEWHERE_SHOWN_MS,
        )

    def missed(self, follow_up_created: bool) -> None:
        """It rang here and nobody answered."""
        self.title.setText(self.tr("Missed call"))
        self._show_status(
            self.tr("Missed call — a callback is in the queue") if follow_up_created else self.tr("Missed call"),
            MISSED_SHOWN_MS,
        )

    def ended(self) -> None:
        """The call ended (after it was answered here): the call window has it now."""
        self.hide_call()

    def hide_call(self) -> None:
        self._hide_timer.stop()
        self.hide()

    def _show_status(self, text: str, shown_ms: int) -> None:
        if self.call_event is None:
            return
        self.status.setText(text)
        self.status.show()
        self.answer_button.hide()
        self._fit()
        self._place()
        self._hide_timer.start(shown_ms)

    # -- filling the labels ----------------------------------------------------------------------

    def _fill(self) -> None:
        lang = i18n.current_language()
        event, screen = cast(PhoneEvent, self.call_event), cast(phonecalls.Screen, self.screen_)  # set before filling
        if screen.number:
            shown = left_to_right(digits(phones.display(screen.number, self.region), lang))
        elif (screen.raw or "").strip().lower() in (
            "",
            "anonymous",
            "unknown",
            "restricted",
            "private",
            "unavailable",
            "<unknown>",
        ):
            shown = ""
        else:
            shown = left_to_right(digits(screen.raw.strip(), lang))  # not a number we can read: as sent
        if shown and event.extension:
            line = self.tr("{0} · rang extension {1}").format(shown, left_to_right(digits(event.extension, lang)))
        elif event.extension:
            line = self.tr("Rang extension {0}").format(left_to_right(digits(event.extension, lang)))
        else:
            line = shown
        self.number.setText(_leading(lang) + line if line else "")
        self.number.setVisible(bool(line))
        if screen.match == phonecalls.KNOWN and screen.callers:
            self._fill_known(screen.callers[0], lang)
        elif screen.match == phonecalls.MAYBE and screen.callers:
            if self.customer_id is not None:
                chosen = next((c for c in screen.callers if c.customer_id == self.customer_id), None)
                if chosen is not None:
                    self._fill_known(chosen, lang)
                    return
            self._fill_maybe(screen.callers, lang)
        else:
            self._page(2)
            withheld = not shown
            self.unknown.setText(self.tr("Number withheld") if withheld else self.tr("Unknown number"))
            self.new_customer.setVisible(not withheld)

    def _fill_known(self, facts: phonecalls.CallerFacts, lang: str) -> None:
        self._page(0)
        self.name.setText(isolate(facts.name, lang).replace("&", "&&"))
        self.name.setToolTip(self.tr("Open the customer's profile"))
        self.organisation.setText(_leading(lang) + isolate(facts.organisation, lang))
        self.organisation.setVisible(bool(facts.organisation))
        self.complaints.setText(self._complaints_text(facts, lang))
        if facts.last_satisfaction:
            self.satisfaction.setText(
                self.tr("Last satisfaction: {0} · {1}").format(
                    choice("satisfaction", facts.last_satisfaction), self._date(facts.last_satisfaction_at, lang)
                )
            )
        else:
            self.satisfaction.setText(self.tr("Satisfaction not asked yet"))
        if facts.last_anger is not None:
            self.anger.setText(
                self.tr("Last anger rating: {0} of 10 · {1}").format(
                    digits(facts.last_anger, lang), self._date(facts.last_anger_at, lang)
                )
            )
            self.anger.show()
        else:
            self.anger.hide()
        self.promise.setText(self._promise_text(facts.last_promise, lang))
        self.promise.setVisible(facts.last_promise is not None)

    def _complaints_text(self, facts: phonecalls.CallerFacts, lang: str) -> str:
        if not facts.open_complaints:
            return html.escape(self.tr("No open complaints"))
        count = facts.open_complaints
        text = html.escape(
            self.tr("1 open complaint") if count == 1 else self.tr("{0} open complaints").format(digits(count, lang))
        )
        if facts.overdue_complaints:
            overdue = html.escape(self.tr("{0} overdue").format(digits(facts.overdue_complaints, lang)))
            text = self.tr("{0}, {1}").format(text, f'<b style="color:{OVERDUE_COLOUR}">⚠ {overdue}</b>')
        return text

    def _promise_text(self, promise: phonecalls.Promise | None, lang: str) -> str:
        if promise is None:
            return ""
        words = promise.text.strip()
        if len(words) > PROMISE_CHARACTERS:
            words = words[: PROMISE_CHARACTERS - 1].rstrip() + "…"
        outcome = {
            phonecalls.KEPT: self.tr("kept"),
            phonecalls.KEPT_LATE: self.tr("kept late"),
            phonecalls.PENDING: self.tr("not due yet"),
            phonecalls.BROKEN: self.tr("not kept, overdue"),
            phonecalls.CANCELLED: self.tr("cancelled"),
        }.get(promise.outcome, promise.outcome)
        outcome = html.escape(outcome)
        if promise.outcome == phonecalls.BROKEN:
            outcome = f'<b style="color:{OVERDUE_COLOUR}">⚠ {outcome}</b>'
        sentence = html.escape(
            self.tr("Promised “{0}” by {1}").format(isolate(words, lang), self._date(promise.due_at, lang))
        )
        return self.tr("{0} — {1}").format(sentence, outcome)

    def _fill_maybe(self, callers: list[phonecalls.CallerFacts], lang: str) -> None:
        self._page(1)
        for row, button in enumerate(self.maybe_buttons):
            if row < len(callers):
                facts = callers[row]
                who = isolate(facts.name, lang)
                if facts.organisation:
                    who = f"{who} · {isolate(facts.organisation, lang)}"
                why = (
                    self.tr("number found in their details")
                    if facts.reason == phonecalls.ELSEWHERE
                    else self.tr("has this number")
                )
                room = self.width() - 2 * 14 - 16  # the card's margins, the button's padding
                lines = [
                    button.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, room) for line in (who, why)
                ]
                button.setText("\n".join(lines).replace("&", "&&"))
                button.setToolTip(self.tr("This is the caller"))
                button.show()
            else:
                button.hide()

    def _page(self, index: int) -> None:
        for number, page in enumerate(self.pages):
            page.setVisible(number == index)

    def _fit(self) -> None:
        """As tall as what shows now. Asked of the card itself: the window's layout keeps the card's
        height of the call before (a pop shrunk by resize() was grown again by it)."""
        for _attempt in range(3):  # a page just shown is measured right once it has been laid out
            for page in self.pages:
                cast(QLayout, page.layout()).invalidate()  # every page and the card have their layout
            cast(QLayout, self.card.layout()).invalidate()
            cast(QLayout, self.card.layout()).activate()
            height = max(
                self.card.heightForWidth(self.width())
                if self.card.hasHeightForWidth()
                else self.card.sizeHint().height(),
                self.card.minimumSizeHint().height(),
            )
            if height == self.height():
                break
            self.setFixedHeight(height)

    @staticmethod
    def _date(value, lang: str) -> str:
        return format_date(to_local(value), lang) if value is not None else ""

    def _place(self) -> None:
        """At the bottom corner of the screen the main window is on (left in right-to-left)."""
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        size = self.size()
        if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x = area.left() + MARGIN
        else:
            x = area.right() - size.width() - MARGIN
        self.move(x, area.bottom() - size.height() - MARGIN)

    # -- what the person does --------------------------------------------------------------------

    def _answer(self) -> None:
        event = self.call_event
        self.hide_call()
        if event is not None:
            self.answer_requested.emit(event)

    def _dismiss(self) -> None:
        self.hide_call()
        self.dismissed.emit()

    def _open_customer(self) -> None:
        if self.customer_id is not None:
            self.open_customer.emit(self.customer_id)

    def _choose(self, row: int) -> None:
        if self.screen_ is None or row >= len(self.screen_.callers):
            return
        self.customer_id = self.screen_.callers[row].customer_id
        self._fill()
        self._fit()
        self._place()
        self.customer_chosen.emit(self.customer_id)

    def _new_customer(self) -> None:
        if self.screen_ is not None:
            self.new_customer_requested.emit(self.screen_.number or self.screen_.raw.strip())


def _leading(lang: str) -> str:
    """The interface's direction mark, first in a label that may hold only an isolated name or
    number: without it a Latin name or a phone number alone stands at the left in Persian."""
    return "\u200f" if is_rtl(lang) else "\u200e"
