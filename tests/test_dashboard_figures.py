"""The Dashboard's follow-ups tile (issue 15): a supervisor saw 0 while 4 follow-ups were overdue
across the office. A supervisor's tile counts the whole office's; a staff member's counts their
own and says "yours". The real widget is read as shown, in English and Persian, against a count
written here."""

from __future__ import annotations

from datetime import timedelta

import pytest

from helpdesk import accounts, customers, followups
from helpdesk.clock import utcnow
from helpdesk.customers import Draft
from helpdesk.localization import digits
from helpdesk.models import FollowUp

WORDS = {  # what the tile says under its number
    "en": {"office": "follow-ups due or overdue, whole office", "mine": "your follow-ups due or overdue"},
    "fa": {"office": "پیگیری سررسیده یا گذشته، کل مجموعه", "mine": "پیگیری سررسیده یا گذشتهٔ شما"},
}


@pytest.fixture
def promises(staff, supervisor):
    """Four overdue across the office (three the desk's, one another desk's), one due later today
    (the other desk's), one for tomorrow, one overdue but done; none of the supervisor's."""
    other = accounts.create_account(supervisor, "desk2", "Nima Other", "staff", "desk password")
    who = customers.create(staff, Draft(given_name="Maryam", family_name="Karimi")).id
    now = utcnow()
    for hours, assignee in ((-30, staff), (-5, staff), (-1, staff), (-2, other)):
        followups.create(staff, who, now + timedelta(hours=hours), assignee.id, "Call back about the refund")
    end_of_day = followups.end_of_local_day(now)
    followups.create(
        staff, who, min(now + timedelta(minutes=5), end_of_day - timedelta(minutes=1)), other.id, "Send the price"
    )
    followups.create(staff, who, end_of_day + timedelta(hours=10), staff.id, "Check the delivery")
    done = followups.create(staff, who, now - timedelta(hours=3), other.id, "Already kept")
    FollowUp.update(status="done").where(FollowUp.id == done.id).execute()
    return other


def _due_or_overdue(assignee_id=None) -> int:
    """Open promises whose time has come today or passed, counted row by row apart from the service."""
    now = utcnow()
    end = followups.end_of_local_day(now)
    rows = [f for f in FollowUp.select() if f.status == "open" and f.due_at < end]
    return len([f for f in rows if assignee_id is None or f.assignee_id == assignee_id])


def _tile(person, qtbot):
    from ui.pages.dashboard import DashboardPage

    page = DashboardPage(person)
    qtbot.addWidget(page)
    page.show()
    return page.follow_tile


def _shown(tile) -> tuple[str, str]:
    number, name = tile.text().split("\n")
    return number, name


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_supervisors_tile_counts_the_whole_offices_follow_ups(lang, app, promises, staff, supervisor, qtbot):
    from ui import i18n

    i18n.apply_language(app, lang)
    office = _due_or_overdue()
    assert office == 5 and _due_or_overdue(supervisor.id) == 0
    tile = _tile(supervisor, qtbot)
    assert _shown(tile) == (digits(office, lang), WORDS[lang]["office"])
    assert tile.accessibleName() == f"{WORDS[lang]['office']}: {digits(office, lang)}"
    assert "#b3261e" in tile.styleSheet()  # some are overdue: in the alarm colour
    listed = tile.window().queue  # below the tile, the same promises: the office's
    assert not listed.mine_only and listed.model.rowCount() == office

    mine = _due_or_overdue(staff.id)
    assert mine == 3
    tile = _tile(staff, qtbot)
    assert _shown(tile) == (digits(mine, lang), WORDS[lang]["mine"])
    assert tile.window().queue.mine_only and tile.window().queue.model.rowCount() == mine
    tile = _tile(promises, qtbot)  # the other desk: one overdue, one due later today
    assert (
        _shown(tile)
        == (digits(_due_or_overdue(promises.id), lang), WORDS[lang]["mine"])
        == (digits(2, lang), WORDS[lang]["mine"])
    )


def test_the_tile_follows_the_role_as_stored(app, promises, staff, supervisor, qtbot):
    """Promoted on another desk while the Dashboard is open: the next reading is the office's."""
    page_tile = _tile(staff, qtbot)
    assert _shown(page_tile) == ("3", WORDS["en"]["mine"])
    accounts.change_role(supervisor, staff.id, "supervisor")
    page_tile.window().refresh()
    assert _shown(page_tile) == ("5", WORDS["en"]["office"])


def test_counts_agree_with_the_queue(promises, staff, supervisor):
    """The counts come from the database now, not from walking the queue: they still agree with it."""
    for assignee in (None, staff.id, promises.id, supervisor.id):
        rows = followups.queue(assignee, limit=100000)
        expected = {followups.OVERDUE: 0, followups.DUE: 0}
        for row in rows:
            expected[row.state] += 1
        assert followups.counts(assignee) == expected
