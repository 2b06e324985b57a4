"""What of resources/ goes into the installed app: shared by helpdesk.spec and its test."""

from __future__ import annotations

from pathlib import Path

# The Qt Linguist sources are compiled to .qm at build time; Python files are collected as modules.
LEFT_OUT = {".ts", ".py", ".pyc"}


def resource_files(root: Path) -> list[Path]:
    """Every file under ``root/resources`` that the app reads at run time."""
    return sorted(
        path
        for path in (root / "resources").rglob("*")
        if path.is_file() and path.suffix not in LEFT_OUT and "__pycache__" not in path.parts
    )
