"""This period beside the previous one (``reports.previous_period``): the main figures of a
period report in a table of "this period", "previous period" and "change"."""

from __future__ import annotations

from ..localization import format_duration, format_number
from .layout import CONTENT_WIDTH, left_to_right, table, words

LABELS = {
    "figure": ("Figure", "شاخص"),
    "this": ("This period", "این بازه"),
    "previous": ("Previous period", "بازهٔ پیشین"),
    "change": ("Change", "تغییر"),
    "points": ("{0} points", "{0} واحد درصد"),
    "heading": ("Compared with {0}", "در مقایسه با {0}"),
}
COUNT, DURATION, RATE = "count", "duration", "rate"  # how a figure is shown and its change worked out


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


def value(kind: str, amount, lang: str) -> str:
    """A figure as the report prints it: a number, a length of time (seconds) or a rate (percent,
    None when there is nothing to rate)."""
    if amount is None:
        return "—"
    if kind == DURATION:
        return format_duration(round(amount), lang)
    if kind == RATE:
        return format_number(amount, lang, 1) + ("٪" if lang == "fa" else "%")
    return format_number(amount, lang)


def change(kind: str, now, before, lang: str) -> str:
    """How far the figure moved: "+12 (+8.5%)", "−0:14", "+3.2 points"; "—" when either is missing.
    The sign stands before the number in both languages (left to right inside Persian)."""
    if now is None or before is None:
        return "—"
    diff = now - before
    if kind == DURATION:
        diff = round(now) - round(before)
    sign = "+" if diff > 0 else ("−" if diff < 0 else "")
    if kind == DURATION:
        shown = sign + format_duration(abs(diff), lang)
    elif kind == RATE:
        number = sign + format_number(abs(diff), lang, 1)
        return label("points", lang).format(left_to_right(number) if lang == "fa" else number)
    else:
        shown = sign + format_number(abs(diff), lang)
        if before:
            shown += f" ({sign}{format_number(abs(100 * diff / before), lang, 1)}{'٪' if lang == 'fa' else '%'})"
    return left_to_right(shown) if lang == "fa" else shown


def comparison(rows: list[tuple[str, str, object, object]], lang: str):
    """A table of (word, kind, this period's figure, the previous period's figure) rows."""
    w = CONTENT_WIDTH
    body = [[label(k, lang) for k in ("figure", "this", "previous", "change")]]
    body += [
        [word, value(kind, now, lang), value(kind, before, lang), change(kind, now, before, lang)]
        for word, kind, now, before in rows
    ]
    return table(body, lang, [w * 0.4, w * 0.18, w * 0.18, w * 0.24])
