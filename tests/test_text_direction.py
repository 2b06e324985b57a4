"""Dates and people's own words on the Dashboard and in the directory: one date style, and a
sentence in the other script keeps its full stop at its own end (isolated in its own direction)."""

from __future__ import annotations

from datetime import datetime

import pytest

from helpdesk import complaints, config, customers
from helpdesk.clock import to_local
from helpdesk.complaints import ComplaintDraft
from helpdesk.localization import format_short_datetime, isolate
from helpdesk.models import Complaint, ComplaintCategory
from ui.mainwindow import MainWindow
from ui.pages.directory_model import DirectoryModel

FSI, PDI = "\u2068", "\u2069"


def test_isolate_wraps_only_text_of_the_other_direction():
    assert isolate("Call back tomorrow.", "fa") == f"{FSI}Call back tomorrow.{PDI}"
    assert isolate("فردا تماس بگیرید.", "en") == f"{FSI}فردا تماس بگیرید.{PDI}"
    assert isolate("فردا تماس بگیرید.", "fa") == "فردا تماس بگیرید."
    assert isolate("Call back tomorrow.", "en") == "Call back tomorrow."
    assert isolate("", "fa") == "" and isolate("0912", "fa") == "0912"


def test_one_short_date_and_time_style():
    moment = datetime(2026, 11, 26, 10, 45)
    assert format_short_datetime(moment, "en") == "2026-11-26 10:45"
    assert format_short_datetime(moment, "fa") == "۱۴۰۵/۰۹/۰۵ ۱۰:۴۵"


@pytest.mark.dates
@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_dashboard_shows_one_date_style_and_user_text_in_its_own_direction(
    language, app, staff, supervisor, db_target, qtbot
):
    from ui import i18n

    i18n.apply_language(app, language)
    other = {"en": ("مریم", "کریمی", "مشتری از قیمت ناراضی است."), "fa": ("Hannah", "Brown", "Angry about the bill.")}[
        language
    ]
    customer = customers.create(staff, customers.Draft(given_name=other[0], family_name=other[1]))
    category = ComplaintCategory.get(ComplaintCategory.name_en == "Price").id
    complaint = complaints.create(
        staff, ComplaintDraft(customer_id=customer.id, category_id=category, description="x", assignee_id=staff.id)
    )
    complaints.escalate(staff, complaint.id, other[2], supervisor.id)
    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    window.sign_in(supervisor)
    text = window.dashboard_page.escalations.item(0).text()
    when = format_short_datetime(to_local(Complaint.get_by_id(complaint.id).escalated_at), language)
    assert text.startswith(when)  # the style of the follow-up queue beside it
    assert f"{FSI}{other[2]}{PDI}" in text
    assert f"{FSI}{other[0]} {other[1]}{PDI}" in text


def test_the_directory_shows_names_of_the_other_script_isolated(persian, staff, db_target):
    customers.create(staff, customers.Draft(given_name="Hannah", family_name="Brown", emails=["h@example.com"]))
    model = DirectoryModel()
    model.set_query(customers.DirectoryQuery())
    assert model.index(0, DirectoryModel.NAME).data() == f"{FSI}Hannah Brown{PDI}"
    assert model.index(0, DirectoryModel.EMAIL).data() == "\u2066h@example.com\u2069"


def test_names_in_the_other_script_are_isolated_in_dialogs_and_the_status_bar(persian, supervisor, db_target, qtbot):
    from PySide6.QtWidgets import QLabel

    from ui.dialogs.customer_actions import MarkLostDialog, MergeDialog

    hannah = customers.create(
        supervisor, customers.Draft(given_name="Hannah", family_name="Brown", phones=[("mobile", "09120001122")])
    )
    customers.create(supervisor, customers.Draft(given_name="Hanna", family_name="Browne"), confirm_duplicates=True)
    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    window.sign_in(supervisor)
    assert f"{FSI}Sara Supervisor{PDI}" in window.user_label.text()
    lost = MarkLostDialog(supervisor, hannah.id)
    qtbot.addWidget(lost)
    assert any(f"{FSI}Hannah Brown{PDI}" in label.text() for label in lost.findChildren(QLabel))
    merge = MergeDialog(supervisor, hannah.id)
    qtbot.addWidget(merge)
    merge.search.setText("hanna")
    merge.refresh()
    assert merge.results.item(0).text() == f"{FSI}Hanna Browne{PDI}"


def test_import_problems_keep_the_files_words_in_their_own_direction(persian, supervisor, tmp_path):
    from helpdesk import csv_io
    from ui.dialogs.import_customers import problem_text

    problem = csv_io.Problem("phone", "phone_invalid", value="0912")
    assert problem_text(problem) == f'{FSI}phone "0912"{PDI}: شمارهٔ تلفن معتبر نیست.'


def test_merge_lists_numbers_as_the_directory_shows_them(persian, supervisor, db_target, qtbot):
    from ui.dialogs.customer_actions import MergeDialog

    keep = customers.create(supervisor, customers.Draft(given_name="مریم", family_name="کریمی"))
    customers.create(
        supervisor,
        customers.Draft(given_name="مریم", family_name="کریمی‌نژاد", phones=[("mobile", "09120001122")]),
        confirm_duplicates=True,
    )
    merge = MergeDialog(supervisor, keep.id)
    qtbot.addWidget(merge)
    merge.search.setText("مریم")
    merge.refresh()
    assert merge.results.item(0).text() == "مریم کریمی‌نژاد  \u2066۰۹۱۲ ۰۰۰ ۱۱۲۲\u2069"
