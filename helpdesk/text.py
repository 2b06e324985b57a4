"""Cleaning what people type, and the one normal form that search matches on.

``clean_line`` and ``clean_text`` make typed text safe to store: control
characters and bidirectional overrides are removed (an override can make a name
display as something else), Arabic ي and ك become Persian ی and ک, and white space
is tidied. ``search_tokens`` turns any text into the words the search index
holds, so Arabic and Persian letters, every kind of digit, and a half-space, its
absence or a space all match each other.
"""

from __future__ import annotations

import re
import unicodedata

from .localization import latin_digits

ZWNJ = "\u200c"
# Overrides and embeddings change how text is displayed, not what it says.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"))
PERSIAN_LETTERS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ـ": None}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NON_WORD = re.compile(r"[^\w]+")
# Half of a character (a lone UTF-16 surrogate): no database can store it, and it means nothing.
_SURROGATES = re.compile("[\ud800-\udfff]")


def unusable(text: str | None) -> bool:
    """Whether ``text`` holds something no database can store (half of a character)."""
    return bool(text) and _SURROGATES.search(text or "") is not None


def persian_letters(text: str) -> str:
    """Arabic letter forms as the Persian ones people mean (ي → ی, ك → ک)."""
    return text.replace("ي", "ی").replace("ك", "ک")


def clean_line(text: str | None) -> str:
    """One line of typed text, safe to store: no controls, no overrides, single spaces."""
    text = unicodedata.normalize("NFC", text or "").translate(BIDI_CONTROLS)
    text = _CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " "))
    text = persian_letters(_SPACES.sub(" ", text)).strip()
    return text.strip(ZWNJ + " ")


_OVERRIDES_ONLY = {k: v for k, v in BIDI_CONTROLS.items() if k not in (0x200E, 0x200F)}


def clean_text(text: str | None, keep_marks: bool = False) -> str:
    """Several lines (notes, an address): line breaks and tabs are kept, other controls removed.
    ``keep_marks`` keeps the left-to-right and right-to-left marks (a report puts them in to
    keep a number after a Persian name in place); overrides and embeddings go all the same."""
    controls = _OVERRIDES_ONLY if keep_marks else BIDI_CONTROLS
    text = unicodedata.normalize("NFC", text or "").translate(controls).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in persian_letters(text).split("\n")]
    return "\n".join(lines).strip()


def fold(text: str) -> str:
    """The search form of text: Persian letters, Latin digits, no marks or case (nor half characters)."""
    text = unicodedata.normalize("NFKC", _SURROGATES.sub("", text)).translate(BIDI_CONTROLS).translate(PERSIAN_LETTERS)
    text = latin_digits(text).casefold()
    # Drop combining marks (Arabic harakat, Latin accents) so they never decide a match.
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_tokens(text: str | None) -> list[str]:
    """The words of ``text`` as the index holds them.

    A word written with a half-space is indexed whole and also as its parts, so
    ``نیک‌نام``, ``نیکنام`` and ``نیک نام`` all find it.
    """
    if not text:
        return []
    tokens: list[str] = []
    for chunk in _SPACES.sub(" ", fold(text)).split(" "):
        if ZWNJ in chunk:
            joined = _NON_WORD.sub(" ", chunk.replace(ZWNJ, "")).split()
            tokens.extend(joined)
            tokens.extend(_NON_WORD.sub(" ", chunk.replace(ZWNJ, " ")).split())
        else:
            tokens.extend(_NON_WORD.sub(" ", chunk).split())
    return [t.replace("_", "") for t in tokens if t.replace("_", "")]


def query_tokens(text: str | None) -> list[str]:
    """The words of what someone typed in a search box: a half-space joins its parts."""
    if not text:
        return []
    return [t for t in _NON_WORD.sub(" ", fold(text).replace(ZWNJ, "")).replace("_", " ").split() if t]
