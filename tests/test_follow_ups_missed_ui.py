"""Missed calls in the follow-up queue: how many times they called, and the number of a stranger."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpdesk import customers, followups, phonecalls
from helpdesk.clock import utcnow
from helpdesk.customers import Draft
from helpdesk.models import FollowUp
from ui import prompts
from ui.pages.follow_ups import FollowUpModel, FollowUpQueue


def _plain(text: str) -> str:
    return "".join(ch for ch in text if ch not in "\u2066\u2067\u2068\u2069\u200e\u200f")


def _queue(staff, qtbot) -> FollowUpQueue:
    queue = FollowUpQueue(staff)
    qtbot.addWidget(queue)
    queue.show()
    return queue


def _missed(staff):
    at = utcnow() - timedelta(hours=1)
    customers.create(staff, Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")]))
    for n in range(3):
        known = phonecalls.record_missed(staff, f"k{n}", "09123456789", at + timedelta(minutes=n))
    stranger = phonecalls.record_missed(staff, "s1", "+98 935 111 2233", at + timedelta(minutes=5))
    return known, stranger


def _cells(queue, row: int) -> list[str]:
    model = queue.model
    return [_plain(model.index(row, column).data() or "") for column in range(model.columnCount())]


def test_the_queue_shows_how_often_they_called_and_a_strangers_number(app, staff, qtbot):
    known, stranger = _missed(staff)
    queue = _queue(staff, qtbot)
    model = queue.model
    assert [r.id for r in model.rows] == [known.id, stranger.id]
    first, second = _cells(queue, 0), _cells(queue, 1)
    assert (first[FollowUpModel.CUSTOMER], first[FollowUpModel.PHONE], first[FollowUpModel.PROMISE]) == (
        "Maryam Karimi",
        "0912 345 6789",
        "Missed call: Called 3 times",
    )
    assert (second[FollowUpModel.CUSTOMER], second[FollowUpModel.PHONE], second[FollowUpModel.PROMISE]) == (
        "0935 111 2233",
        "0935 111 2233",
        "Missed call: Called once",
    )
    assert model.index(1, FollowUpModel.CUSTOMER).data().startswith("\u2066")  # left to right in either language
    assert queue.title.text() == "2 overdue, 0 due today"

    # Calling a stranger back: the queue asks for the call with no customer.
    asked = []
    queue.callback_requested.connect(lambda follow_up_id, customer_id: asked.append((follow_up_id, customer_id)))
    queue.table.setFocus()
    QTest.keyClick(queue.table, Qt.Key.Key_Down)
    QTest.keyClick(queue.table, Qt.Key.Key_Return)
    assert asked == [(stranger.id, None)]


def test_a_strangers_callback_can_be_cancelled(app, staff, qtbot, monkeypatch):
    _known, stranger = _missed(staff)
    queue = _queue(staff, qtbot)
    told = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, default_yes=False: told.append(text) or True)
    queue.table.selectRow(1)
    queue.cancel_button.click()
    assert _plain(told[0]) == "“Missed call” for 0935 111 2233 will no longer be expected."
    assert FollowUp.get_by_id(stranger.id).status == followups.CANCELLED
    assert [r.id for r in queue.model.rows] == [_known.id]


def test_in_persian_too(persian, staff, qtbot):
    known, _stranger = _missed(staff)
    queue = _queue(staff, qtbot)
    first, second = _cells(queue, 0), _cells(queue, 1)
    assert first[FollowUpModel.PROMISE] == "تماس بی‌پاسخ: ۳ بار تماس گرفت"
    assert first[FollowUpModel.PHONE] == "۰۹۱۲ ۳۴۵ ۶۷۸۹"
    assert (second[FollowUpModel.CUSTOMER], second[FollowUpModel.PROMISE]) == (
        "۰۹۳۵ ۱۱۱ ۲۲۳۳",
        "تماس بی‌پاسخ: یک بار تماس گرفت",
    )
    assert FollowUp.get_by_id(known.id).promise == phonecalls.MISSED_PROMISE["fa"]


def test_a_queue_longer_than_a_page_counts_every_promise_and_scrolls_to_the_last(app, staff, qtbot, monkeypatch):
    """The summary counts every promise due, not those read so far; the table reads on as the person
    scrolls down, oldest promise first, to the last one."""
    monkeypatch.setattr(FollowUpModel, "PAGE", 3)
    customer = customers.create(
        staff, Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")])
    )
    now = utcnow()
    made = [
        followups.create(staff, customer.id, now - timedelta(hours=8 - n), staff.id, f"Promise {n}") for n in range(8)
    ]
    queue = _queue(staff, qtbot)
    assert queue.title.text() == "8 overdue, 0 due today"
    assert queue.model.rowCount() == 3
    queue.table.setFocus()
    for _ in range(10):
        QTest.keyClick(queue.table, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 8)
    assert [r.id for r in queue.model.rows] == [p.id for p in made]
    assert queue.selected().id == made[-1].id  # the keys went down the whole list
