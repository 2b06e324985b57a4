"""Rules of the codebase that a test can hold: every string is in Persian. (That the core has no Qt is
an import-linter contract in pyproject.toml, checked by `lint-imports` in .ci/run.)"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "helpdesk_fa.ts"


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().findall("context"):
        for message in context.findall("message"):
            yield context.find("name").text, message


def test_every_interface_string_has_a_persian_translation():
    missing = [
        f"{ctx}: {m.find('source').text}"
        for ctx, m in _messages(TS)
        if m.find("translation").get("type") in {"unfinished", "obsolete", "vanished"}
        or not (m.find("translation").text or "").strip()
    ]
    assert missing == []


def test_persian_text_uses_persian_letters_and_keeps_placeholders():
    for ctx, message in _messages(TS):
        source, translation = message.find("source").text, message.find("translation").text or ""
        assert "ي" not in translation and "ك" not in translation, translation
        for placeholder in ("{0}", "{1}", "{detail}", "{found}", "{supported}", "{until}", "{minimum}", "{limit}"):
            assert (placeholder in source) == (placeholder in translation), (ctx, source)


def test_translation_source_is_up_to_date(tmp_path):
    """Running lupdate over the code finds no string that the committed .ts lacks."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    from shutil import which

    tool = which("pyside6-lupdate") or (str(lupdate) if lupdate.exists() else None)
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([tool, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = {(ctx, m.find("source").text) for ctx, m in _messages(TS)}
    found = {(ctx, m.find("source").text) for ctx, m in _messages(fresh)}
    assert found - committed == set(), "run pyside6-lupdate and translate the new strings"
