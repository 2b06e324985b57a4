"""The dialogs' section widgets: what a section does that its window's own tests do not show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from ui.dialogs.customer_form import CustomerForm


def _edges(form, editors, right: bool) -> set[int]:
    """Where each editor's row starts on the screen, on the side the labels are."""
    edges = set()
    for editor in editors:
        holder = editor.parentWidget()  # the row's field: the editor with its error line under it
        corner = holder.mapTo(form, QPoint(holder.width() if right else 0, 0))
        edges.add(corner.x())
    return edges


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_customer_forms_sections_line_their_fields_up_in_one_column(app, staff, qtbot, language):
    from ui import i18n

    i18n.apply_language(app, language)
    form = CustomerForm(staff)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    rtl = form.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert rtl == (language == "fa")
    # One editor from each section: the names, the phones, the language (whose label is the longest), the notes.
    editors = [form.given_name, form.job_title, form.phones, form.language, form.referral, form.notes]
    assert len(_edges(form, editors, right=rtl)) == 1
