"""Checklists that are data: each is a versioned, bilingual JSON file in ``resources/checklists``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import resources

FOLDER = Path(resources.__file__).resolve().parent / "checklists"


@dataclass(frozen=True)
class Item:
    id: str
    en: str
    fa: str

    def text(self, language: str) -> str:
        return self.fa if language == "fa" else self.en


@dataclass(frozen=True)
class Checklist:
    id: str
    version: int
    items: tuple[Item, ...]


@cache
def load(name: str) -> Checklist:
    data = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    return Checklist(data["id"], int(data["version"]), tuple(Item(i["id"], i["en"], i["fa"]) for i in data["items"]))


def phone_etiquette() -> Checklist:
    return load("phone_etiquette")
