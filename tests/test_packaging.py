"""The installers carry what the app reads at run time (packaging/helpdesk.spec, packaging/build.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

from bundle import resource_files  # noqa: E402


def test_the_bundle_takes_every_resource_the_app_reads():
    bundled = {path.relative_to(ROOT / "resources").as_posix() for path in resource_files(ROOT)}
    on_disk = {
        path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    # Only the translation sources (compiled to .qm at build time) and Python files stay out.
    assert {name for name in on_disk - bundled if not name.endswith((".ts", ".py", ".pyc"))} == set()
    for needed in (
        "fonts/Vazirmatn-Regular.ttf",
        "fonts/OFL.txt",
        "fonts/NotoEmoji-OFL.txt",
        "checklists/calm_down.json",
        "icons/helpdesk-256.png",
        "licenses/LGPL-3.0.txt",
        "licenses/bundled.json",
    ):
        assert needed in bundled
    assert not any(name.endswith(".ts") for name in bundled)


def test_every_bundled_library_is_a_dependency_and_every_dependency_is_listed():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dependencies = {
        entry.split(">")[0].split("<")[0].split("=")[0].strip().lower() for entry in project["dependencies"]
    }
    components = json.loads((ROOT / "resources" / "licenses" / "bundled.json").read_text(encoding="utf-8"))
    listed = {c["dist"].lower() for c in components["components"] if c.get("dist")}
    assert dependencies - {"pyside6-addons"} <= listed  # Addons: the same Qt licence, listed as PySide6
    for component in components["components"]:
        if component.get("file"):
            assert (ROOT / "resources" / component["file"]).is_file(), component


@pytest.mark.parametrize("name", ["helpdesk-16.png", "helpdesk-256.png", "helpdesk.ico", "helpdesk.icns"])
def test_the_icon_comes_in_every_format_the_systems_want(name):
    from PIL import Image

    with Image.open(ROOT / "resources" / "icons" / name) as image:
        assert image.size[0] >= 16 and image.size[0] == image.size[1]


def test_every_window_has_the_app_icon(app):
    from PySide6.QtCore import QSize

    sizes = app.windowIcon().availableSizes()
    assert QSize(16, 16) in sizes and QSize(256, 256) in sizes


def test_a_translation_built_with_the_app_is_used_and_only_a_checkout_compiles_one(tmp_path, monkeypatch):
    import os
    import shutil

    from ui import i18n

    translations, cache = tmp_path / "translations", tmp_path / "cache"
    translations.mkdir()
    cache.mkdir()
    monkeypatch.setattr(i18n, "TRANSLATIONS", translations)
    monkeypatch.setattr(i18n, "cache_dir", lambda: cache)
    source = translations / "helpdesk_fa.ts"
    shutil.copyfile(ROOT / "resources" / "translations" / "helpdesk_fa.ts", source)

    # A developer's checkout: compiled once into the user cache.
    compiled = i18n.compiled_translation("fa")
    assert compiled is not None and compiled.parent == cache and compiled.stat().st_size > 1000

    # Built with the app (packaging/build.py): the .qm beside the .ts is loaded as it is.
    built = translations / "helpdesk_fa.qm"
    assert i18n.compile_translation(source, built)
    assert i18n.compiled_translation("fa") == built
    # ... unless the .ts was edited after it: then the cache again, not a stale translation.
    os.utime(built, (source.stat().st_mtime - 60, source.stat().st_mtime - 60))
    assert i18n.compiled_translation("fa").parent == cache

    # The installed app carries the .qm alone.
    source.unlink()
    assert i18n.compiled_translation("fa") == built
    shutil.rmtree(cache)
    assert i18n.compiled_translation("fa") == built  # nothing is compiled at start
