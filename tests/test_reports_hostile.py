"""Reports on a fresh database of their own: hostile text through every report, the
business name and logo, the period presets. (Apart from ``test_reports.py``, whose demo
database is shared by its tests: on PostgreSQL a fresh database here would wipe it.)"""

from __future__ import annotations

import json
from datetime import date

import pytest
from pypdf import PdfReader

from helpdesk import reports
from helpdesk.reports import Request


def test_presets_follow_the_calendar_of_the_language():
    today = date(2026, 11, 23)  # a Monday; 2 Azar 1405
    assert reports.preset_period("today", "en", today) == (today, today)
    assert reports.preset_period("this_week", "en", today) == (date(2026, 11, 23), today)
    assert reports.preset_period("this_week", "fa", today) == (date(2026, 11, 21), today)  # from Saturday
    assert reports.preset_period("this_month", "en", today) == (date(2026, 11, 1), today)
    assert reports.preset_period("this_month", "fa", today) == (date(2026, 11, 22), today)  # 1 Azar
    assert reports.preset_period("last_month", "en", today) == (date(2026, 10, 1), date(2026, 10, 31))
    assert reports.preset_period("last_month", "fa", today) == (date(2026, 10, 23), date(2026, 11, 21))  # Aban


def test_business_name_and_logo_head_every_page(db, supervisor, tmp_path):
    from io import BytesIO

    from PIL import Image

    from helpdesk import settings
    from helpdesk.errors import ValidationError

    picture = BytesIO()
    Image.new("RGB", (120, 40), (30, 90, 160)).save(picture, "PNG")
    with pytest.raises(ValidationError) as refused:
        settings.set_business(supervisor, "Shop", b"not a picture")
    assert refused.value.field == "business_logo"
    settings.set_business(supervisor, "Tehran <Book> & Co", picture.getvalue())
    out = tmp_path / "head.pdf"
    reports.generate(supervisor, Request("activity", "en", date(2026, 1, 1), date(2026, 1, 31)), out)
    reader = PdfReader(str(out))
    assert "Tehran <Book> & Co" in reader.pages[0].extract_text()
    assert any(
        str(x.get_object().get("/Subtype")) == "/Image"
        for x in (reader.pages[0]["/Resources"].get("/XObject") or {}).values()
    )


def test_hostile_text_prints_as_text_in_a_paragraph(db, tmp_path):
    from reportlab.platypus import SimpleDocTemplate

    from helpdesk.reports.layout import register_fonts, text

    register_fonts()
    hostile = "<b>bold?</b> & <font size=40>x</font> \u202eevil\u202c \x07bell </para>"
    out = tmp_path / "hostile.pdf"
    SimpleDocTemplate(str(out), initialFontName="Vazirmatn").build(
        [text(hostile, "en"), text("مشتری گفت: " + hostile, "fa")]
    )
    words = PdfReader(str(out)).pages[0].extract_text()
    assert "<b>bold?</b> & <font size=40>x</font>" in words and "\u202e" not in words and "\x07" not in words


HOSTILE = "<b>bold?</b> & <font size=40>x</font> \u202eevil\u202c \x07bell </para> ]]> \u200f"


def test_hostile_text_goes_through_every_report_as_text(supervisor, staff, tmp_path):
    """Notes with markup, ampersands, control characters and direction overrides, written
    straight into the database (as an older version or another tool might have), print as text."""
    from datetime import datetime

    from helpdesk import calm, complaints, contacts, customers, settings
    from helpdesk.complaints import ComplaintDraft
    from helpdesk.models import (
        CalmStep,
        Complaint,
        ComplaintCategory,
        ComplaintComment,
        Contact,
        Customer,
        Setting,
        Staff,
    )

    settings.set_business(supervisor, "Shop", None)
    customer = customers.create(
        staff, customers.Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")])
    )
    when = datetime(2026, 11, 2, 9, 0)
    contact = contacts.create(
        staff,
        contacts.ContactDraft(
            customer_id=customer.id,
            started_at=when,
            reason="x",
            notes="x",
            outcome="complaint",
            satisfaction="dissatisfied",
        ),
    )
    category = ComplaintCategory.select().first().id
    complaint = complaints.create(
        staff,
        ComplaintDraft(
            customer_id=customer.id,
            contact_id=contact.id,
            category_id=category,
            priority="high",
            description="x",
            wanted="x",
            assignee_id=staff.id,
        ),
    )
    complaints.comment(staff, complaint.id, "x", "customer")
    complaints.escalate(staff, complaint.id, "x", supervisor.id)
    session = calm.start(staff, customer.id)
    state = calm.state_of(session)
    state.anger_start, state.steps[0].ticked, state.steps[0].ticked_at = 5, True, when
    calm.finish(staff, session.id, state, 2, "calmed")
    fa = "مشتری گفت: " + HOSTILE
    Staff.update(full_name=HOSTILE).where(Staff.id == staff.id).execute()
    Customer.update(given_name=HOSTILE, notes=fa, address=HOSTILE).where(Customer.id == customer.id).execute()
    Contact.update(reason=HOSTILE, notes=fa, started_at=when).where(Contact.id == contact.id).execute()
    Complaint.update(description=HOSTILE, wanted=fa, escalation_reason=HOSTILE, created_at=when).where(
        Complaint.id == complaint.id
    ).execute()
    ComplaintComment.update(body=HOSTILE).execute()
    CalmStep.update(note=HOSTILE).execute()
    Setting.update(value=json.dumps(HOSTILE)).where(Setting.key == "business_name").execute()
    settings.forget()  # as when another desk saves it: this desk is told, and reads them again
    assert settings.business_name() == HOSTILE
    requests = [
        Request(kind, lang, date(2026, 11, 1), date(2026, 11, 30))
        for kind in reports.PERIOD_KINDS
        for lang in ("en", "fa")
    ]
    requests += [Request("customer", lang, customer_id=customer.id) for lang in ("en", "fa")]
    requests += [Request("incident", lang, session_id=session.id) for lang in ("en", "fa")]
    requests += [Request("incident", lang, complaint_id=complaint.id) for lang in ("en", "fa")]
    for request in requests:
        out = tmp_path / f"{request.kind}-{request.lang}-{request.session_id}.pdf"
        reports.generate(supervisor, request, out)
        words = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
        assert "\u202e" not in words and "\x07" not in words, request
        if request.lang == "en":  # the business name heads every page, so every report has it
            assert "<b>bold?</b> & <font size=40>x</font>" in words, request
            assert words.count("<font size=40>") >= (2 if request.kind in ("customer", "incident") else 1), request
