"""The business name and logo at the head of every report, set by a supervisor in Settings."""

from __future__ import annotations

from io import BytesIO

from PIL import Image

from helpdesk import config, settings
from ui.mainwindow import SETTINGS, MainWindow


def _picture(tmp_path, name="logo.png", size=(160, 60)):
    path = tmp_path / name
    Image.new("RGB", size, (20, 110, 70)).save(path)
    return path


def test_a_supervisor_sets_the_name_and_logo_and_bad_files_are_explained(
    app, supervisor, db_target, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    window.show()
    window.sign_in(supervisor)
    window.show_page(SETTINGS)
    box = window.settings_page.office_box
    assert box.logo_preview.text() == "No logo" and not box.remove_logo_button.isEnabled()
    box.business_name.setText("Kourosh Books")
    box.business_name.editingFinished.emit()
    assert settings.business_name() == "Kourosh Books"

    chosen = {"path": str(tmp_path / "notes.png")}
    (tmp_path / "notes.png").write_text("not a picture")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen["path"], ""))
    box.choose_logo()
    assert box.business_error.text() == "This is not a PNG or JPEG picture. Choose the logo as a .png or .jpg file."
    assert settings.business_logo() is None and box.business_name.text() == "Kourosh Books"

    chosen["path"] = str(_picture(tmp_path))
    box.choose_logo()
    assert box.business_error.text() == ""
    assert Image.open(BytesIO(settings.business_logo())).size == (160, 60)
    assert box.logo_preview.pixmap().height() == 44 and box.remove_logo_button.isEnabled()
    box.remove_logo_button.click()
    assert settings.business_logo() is None and settings.business_name() == "Kourosh Books"


def test_only_a_supervisor_may_set_the_business(staff, tmp_path):
    import pytest

    from helpdesk.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        settings.set_business(staff, "Mine now", None)
    assert settings.business_name() == ""
