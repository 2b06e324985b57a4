"""The screen pop: who is calling, as it rings, without taking the keyboard."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from helpdesk.phonecalls import BROKEN, ELSEWHERE, KEPT, KNOWN, MAYBE, UNKNOWN, CallerFacts, Promise, Screen
from helpdesk.telephony.events import RINGING, PhoneEvent
from ui import phone_pop
from ui.phone_pop import PhonePop

LRI, PDI = "\u2066", "\u2069"


def overdue_customer(name="Maryam Rezaei", organisation="Pars Trading Co.", promise="call back about the refund"):
    return Screen(
        "+989121234567",
        "09121234567",
        KNOWN,
        [
            CallerFacts(
                7,
                name,
                organisation,
                open_complaints=2,
                overdue_complaints=1,
                last_satisfaction="dissatisfied",
                last_satisfaction_at=datetime(2026, 11, 23, 9, 0),
                last_anger=7,
                last_anger_at=datetime(2026, 11, 20, 10, 0),
                last_promise=Promise(promise, datetime(2026, 12, 2, 10, 0), BROKEN),
            )
        ],
    )


MAYBE_SCREEN = Screen(
    "+982188776655",
    "02188776655",
    MAYBE,
    [
        CallerFacts(11, "Ali Karimi", "Karimi & Sons", open_complaints=1, reason=ELSEWHERE),
        CallerFacts(
            12,
            "Sara Karimi",
            last_satisfaction="satisfied",
            last_satisfaction_at=datetime(2026, 11, 1, 8, 0),
            last_promise=Promise("send the invoice", datetime(2026, 11, 3, 8, 0), KEPT, datetime(2026, 11, 2, 8, 0)),
        ),
    ],
)
UNKNOWN_SCREEN = Screen("+989351112233", "+989351112233", UNKNOWN)
WITHHELD_SCREEN = Screen("", "anonymous", UNKNOWN)


def ring(screen: Screen, extension="201") -> PhoneEvent:
    return PhoneEvent(RINGING, "call-1", screen.raw, extension, source="command")


@pytest.fixture
def pop(app, qtbot):
    widget = PhonePop()
    qtbot.addWidget(widget)
    return widget


def shown(pop: PhonePop) -> list[str]:
    """Every text a person sees on the pop, top to bottom."""
    texts = []
    for widget in pop.findChildren(QWidget):
        if widget.isVisibleTo(pop) and hasattr(widget, "text") and widget.text():
            texts.append(widget.text())
    return texts


def seen(pop: PhonePop) -> str:
    from PySide6.QtGui import QTextDocument

    plain = []
    for text in shown(pop):
        document = QTextDocument()
        document.setHtml(text)
        plain.append(document.toPlainText())
    return "\n".join(plain)


def test_a_known_caller_with_an_overdue_complaint(pop, qtbot):
    with qtbot.waitSignal(pop.painted, timeout=5000):
        pop.show_call(ring(overdue_customer()), overdue_customer())
    text = seen(pop)
    assert f"{LRI}0912 123 4567{PDI} · rang extension {LRI}201{PDI}" in text
    assert pop.name.text() == "Maryam Rezaei"
    assert "Pars Trading Co." in text
    assert "2 open complaints, ⚠ 1 overdue" in text
    assert "color:#c62828" in pop.complaints.text()  # and in red
    assert "Last satisfaction: Dissatisfied · 23 November 2026" in text
    assert "Last anger rating: 7 of 10 · 20 November 2026" in text
    assert "Promised “call back about the refund” by 2 December 2026 — ⚠ not kept, overdue" in text
    assert "Unknown number" not in text and "Maybe one of these:" not in text
    assert pop.answer_button.isVisible() and pop.dismiss_button.isVisible()
    assert pop.customer_id == 7


def test_a_known_caller_in_persian(persian, pop, qtbot):
    screen = overdue_customer("مریم رضایی", "بازرگانی پارس", "تماس دربارهٔ بازپرداخت")
    pop.show_call(ring(screen), screen)
    text = seen(pop)
    assert f"{LRI}۰۹۱۲ ۱۲۳ ۴۵۶۷{PDI}" in text and f"{LRI}۲۰۱{PDI}" in text
    assert pop.name.text() == "مریم رضایی"
    assert "۲ شکایت باز، ⚠ ۱ سررسید گذشته" in text
    assert "ناراضی · ۲ آذر ۱۴۰۵" in text
    assert "۷ از ۱۰ · ۲۹ آبان ۱۴۰۵" in text
    assert "«تماس دربارهٔ بازپرداخت»" in text and "۱۱ آذر ۱۴۰۵" in text and "انجام نشد، سررسید گذشته" in text
    assert "0" not in text.replace("#c62828", "")  # no Latin digit anywhere
    assert pop.layoutDirection() == Qt.RightToLeft
    area = pop.screen().availableGeometry()
    assert pop.geometry().left() < area.center().x()  # bottom-left in Persian


def test_the_pop_stands_at_the_bottom_right_in_english(pop):
    pop.show_call(ring(UNKNOWN_SCREEN), UNKNOWN_SCREEN)
    area = pop.screen().availableGeometry()
    assert pop.geometry().right() > area.center().x()
    assert pop.geometry().bottom() > area.center().y()
    assert area.contains(pop.geometry())


def test_maybe_one_of_these_then_the_chosen_callers_facts(pop, qtbot):
    pop.show_call(ring(MAYBE_SCREEN), MAYBE_SCREEN)
    text = seen(pop)
    assert "Maybe one of these:" in text
    choices = [b for b in pop.maybe_buttons if b.isVisibleTo(pop)]
    assert [b.text() for b in choices] == [
        "Ali Karimi · Karimi && Sons\nnumber found in their details",
        "Sara Karimi\nhas this number",
    ]
    assert pop.customer_id is None
    with qtbot.waitSignal(pop.customer_chosen, timeout=2000) as chosen:
        qtbot.mouseClick(choices[1], Qt.LeftButton)
    assert chosen.args == [12]
    assert pop.customer_id == 12
    text = seen(pop)
    assert pop.name.text() == "Sara Karimi"
    assert "Maybe one of these:" not in text
    assert "No open complaints" in text
    assert "Last satisfaction: Satisfied · 1 November 2026" in text
    assert "Promised “send the invoice” by 3 November 2026 — kept" in text
    with qtbot.waitSignal(pop.open_customer, timeout=2000) as opened:
        qtbot.mouseClick(pop.name, Qt.LeftButton)
    assert opened.args == [12]


def test_maybe_in_persian(persian, pop):
    pop.show_call(ring(MAYBE_SCREEN), MAYBE_SCREEN)
    text = seen(pop)
    assert "شاید یکی از این‌ها:" in text
    assert "شماره در مشخصاتش پیدا شد" in text and "همین شماره را دارد" in text


def test_an_unknown_number_offers_a_new_customer(pop, qtbot):
    pop.show_call(ring(UNKNOWN_SCREEN), UNKNOWN_SCREEN)
    text = seen(pop)
    assert "Unknown number" in text and f"{LRI}0935 111 2233{PDI}" in text
    assert pop.new_customer.isVisible() and pop.new_customer.text() == "New customer…"
    with qtbot.waitSignal(pop.new_customer_requested, timeout=2000) as asked:
        qtbot.mouseClick(pop.new_customer, Qt.LeftButton)
    assert asked.args == ["+989351112233"]


def test_an_unknown_number_in_persian(persian, pop):
    pop.show_call(ring(UNKNOWN_SCREEN), UNKNOWN_SCREEN)
    text = seen(pop)
    assert "شمارهٔ ناشناس" in text and f"{LRI}۰۹۳۵ ۱۱۱ ۲۲۳۳{PDI}" in text
    assert pop.new_customer.text() == "مشتری جدید…"


def test_a_number_alone_stands_at_the_start_of_its_line_in_persian(persian, pop):
    pop.show_call(PhoneEvent(RINGING, "call-1", UNKNOWN_SCREEN.raw, ""), UNKNOWN_SCREEN)
    assert pop.number.text() == f"\u200f{LRI}۰۹۳۵ ۱۱۱ ۲۲۳۳{PDI}"  # right-to-left, so at the right


@pytest.mark.parametrize("language, words", [("en", "Number withheld"), ("fa", "شمارهٔ پنهان")])
def test_a_withheld_number(app, pop, language, words):
    from ui import i18n

    i18n.apply_language(app, language)
    pop.show_call(ring(WITHHELD_SCREEN), WITHHELD_SCREEN)
    text = seen(pop)
    assert words in text
    assert not pop.new_customer.isVisibleTo(pop)
    assert "anonymous" not in text


def test_answer_hands_the_ringing_call_over(pop, qtbot):
    event = ring(overdue_customer())
    pop.show_call(event, overdue_customer())
    with qtbot.waitSignal(pop.answer_requested, timeout=2000) as answered:
        qtbot.mouseClick(pop.answer_button, Qt.LeftButton)
    assert answered.args == [event]
    assert not pop.isVisible()


def test_dismiss_and_the_close_button(pop, qtbot):
    for button in (pop.dismiss_button, pop.close_button):
        pop.show_call(ring(UNKNOWN_SCREEN), UNKNOWN_SCREEN)
        with qtbot.waitSignal(pop.dismissed, timeout=2000):
            qtbot.mouseClick(button, Qt.LeftButton)
        assert not pop.isVisible()


def test_a_missed_call_says_a_callback_is_queued_then_goes(pop, qtbot, monkeypatch):
    monkeypatch.setattr(phone_pop, "MISSED_SHOWN_MS", 50)
    pop.show_call(ring(UNKNOWN_SCREEN), UNKNOWN_SCREEN)
    pop.missed(True)
    assert "Missed call — a callback is in the queue" in seen(pop)
    assert not pop.answer_button.isVisible()
    qtbot.waitUntil(lambda: not pop.isVisible(), timeout=5000)


def test_answered_elsewhere_says_where(persian, pop, qtbot, monkeypatch):
    monkeypatch.setattr(phone_pop, "ELSEWHERE_SHOWN_MS", 50)
    pop.show_call(ring(UNKNOWN_SCREEN), UNKNOWN_SCREEN)
    pop.answered_elsewhere("202")
    assert f"داخلی {LRI}۲۰۲{PDI}" in seen(pop)
    qtbot.waitUntil(lambda: not pop.isVisible(), timeout=5000)


def test_the_next_call_reuses_the_pop_and_its_widgets(pop):
    pop.show_call(ring(MAYBE_SCREEN), MAYBE_SCREEN)
    widgets = len(pop.findChildren(QWidget))
    for screen in (overdue_customer(), UNKNOWN_SCREEN, WITHHELD_SCREEN, MAYBE_SCREEN, overdue_customer()):
        pop.show_call(ring(screen), screen)
    assert len(pop.findChildren(QWidget)) == widgets
    assert pop.name.text() == "Maryam Rezaei"


ON_A_WINDOW_SYSTEM = "HELPDESK_POP_ON_X"  # set in the second run, under Xvfb and a window manager


def test_typing_goes_on_into_the_field_the_person_was_in_on_a_real_window_system(app):
    """The offscreen platform hands the focus to every window it shows, whatever its flags, so the
    typing test runs again on X (Xvfb) with a window manager (openbox) that would give a new window
    the focus: there a plain window takes it, the pop must not."""
    if QGuiApplication.platformName() != "offscreen":
        pytest.skip("this is the real window system run already")
    if not (shutil.which("xvfb-run") and shutil.which("openbox")):
        pytest.skip("needs xvfb-run and openbox")
    here = Path(__file__).resolve()
    script = (
        f"openbox >/dev/null 2>&1 & manager=$!; sleep 0.5; "
        f"{shlex.quote(sys.executable)} -m pytest -q -p no:cacheprovider "
        f"{shlex.quote(str(here))} -k test_typing_goes_on_into_the_field_the_person_was_in; "
        f"status=$?; kill $manager; exit $status"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", ON_A_WINDOW_SYSTEM: "1"}
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", script],
        cwd=here.parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout


def test_typing_goes_on_into_the_field_the_person_was_in(app, pop, qtbot):
    assert pop.testAttribute(Qt.WA_ShowWithoutActivating)
    assert pop.windowFlags() & Qt.WindowDoesNotAcceptFocus
    assert pop.windowFlags() & Qt.WindowStaysOnTopHint
    if QGuiApplication.platformName() == "offscreen" and not os.environ.get(ON_A_WINDOW_SYSTEM):
        pytest.skip("offscreen gives every shown window the focus; run on X by the test above")
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit()
    QVBoxLayout(window).addWidget(field)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=5000)

    qtbot.keyClicks(QApplication.focusWidget(), "a")
    with qtbot.waitSignal(pop.painted, timeout=5000):
        pop.show_call(ring(overdue_customer()), overdue_customer())
    qtbot.waitExposed(pop)
    qtbot.wait(200)  # the window system's turn to move the focus, if it were going to
    qtbot.keyClicks(QApplication.focusWidget(), "bc")

    assert field.text() == "abc"
    assert QApplication.focusWidget() is field
    assert QApplication.activeWindow() is window
    assert not pop.isActiveWindow()
    assert all(not w.hasFocus() for w in pop.findChildren(QPushButton))


def test_a_name_with_an_ampersand_is_shown_as_written(pop):
    screen = overdue_customer(name="Tom & Jerry Ltd")
    pop.show_call(ring(screen), screen)
    assert pop.name.text() == "Tom && Jerry Ltd"  # a button's "&&" is one "&" on screen


def test_the_language_changes_under_a_showing_pop(app, pop, qtbot):
    from ui import i18n

    pop.show_call(ring(UNKNOWN_SCREEN), UNKNOWN_SCREEN)
    i18n.apply_language(app, "fa")
    qtbot.waitUntil(lambda: "شمارهٔ ناشناس" in seen(pop), timeout=5000)
    assert QGuiApplication.layoutDirection() == Qt.RightToLeft


def test_the_pop_shows_what_the_database_says_about_the_caller(app, staff, pop):
    from datetime import timedelta

    from helpdesk import complaints, customers, phonecalls
    from helpdesk.clock import utcnow
    from helpdesk.complaints import ComplaintDraft
    from helpdesk.customers import Draft
    from helpdesk.models import Complaint, ComplaintCategory

    employer = customers.create(staff, Draft(kind="organisation", organisation="Pars Trading"))
    maryam = customers.create(
        staff,
        Draft(
            given_name="Maryam", family_name="Karimi", organisation_id=employer.id, phones=[("mobile", "0912 345 6789")]
        ),
        confirm_duplicates=True,
    )
    category = ComplaintCategory.select().order_by(ComplaintCategory.id).first()
    for _ in range(2):
        complaints.create(
            staff,
            ComplaintDraft(
                customer_id=maryam.id,
                category_id=category.id,
                description="Late",
                wanted="Refund",
                assignee_id=staff.id,
                priority="high",
            ),
        )
    old = Complaint.select().order_by(Complaint.id).first()
    Complaint.update(created_at=utcnow() - timedelta(days=10)).where(Complaint.id == old.id).execute()

    screen = phonecalls.screen("+98 912 345 6789")
    pop.show_call(PhoneEvent(RINGING, "call-9", "+98 912 345 6789", "201"), screen)
    text = seen(pop)
    assert pop.name.text() == "Maryam Karimi"
    assert "Pars Trading" in text
    assert "2 open complaints, ⚠ 1 overdue" in text
    assert f"{LRI}0912 345 6789{PDI}" in text
    assert "Satisfaction not asked yet" in text


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_pop_is_as_tall_as_what_it_shows_now(app, qtbot, language):
    from ui import i18n

    i18n.apply_language(app, language)
    heights = {}
    for name, screen in (("maybe", MAYBE_SCREEN), ("unknown", UNKNOWN_SCREEN)):
        fresh = PhonePop()
        qtbot.addWidget(fresh)
        fresh.show_call(ring(screen), screen)
        qtbot.wait(50)
        heights[name] = fresh.height()
    pop = PhonePop()
    qtbot.addWidget(pop)
    for name, screen in (("maybe", MAYBE_SCREEN), ("unknown", UNKNOWN_SCREEN)):
        pop.show_call(ring(overdue_customer()), overdue_customer())
        qtbot.wait(50)
        tall = pop.height()
        pop.show_call(ring(screen), screen)
        qtbot.wait(50)
        assert pop.height() == heights[name] < tall


def test_warming_up_shows_nothing_and_leaves_no_call_behind(pop, qtbot):
    pop.warm_up()
    assert not pop.isVisible()
    assert pop.call_event is None and pop.customer_id is None
    with qtbot.assertNotEmitted(pop.answer_requested):
        pop.show_call(ring(UNKNOWN_SCREEN), UNKNOWN_SCREEN)
    assert "Unknown number" in seen(pop) and "Warm up" not in seen(pop)
