"""Fetched and article text is data: build Rich ``Text`` objects, never parse markup from it.

Terminal control characters (ESC, BEL, C1 codes...) are replaced so a page cannot move the
cursor or retitle the terminal.
"""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: str) -> str:
    """``value`` with control characters shown as U+FFFD (tabs and newlines kept)."""
    return _CONTROL.sub("\ufffd", value)


def plain(value: str, style: str = "") -> Text:
    return Text(clean(value), style=style)


def highlighted(value: str, spans: list[tuple[int, int]], style: str = "bold reverse") -> Text:
    """``value`` as Text with ``spans`` (offsets into ``value``) styled. Cleaning keeps length,
    so offsets stay valid."""
    text = Text(clean(value))
    for start, end in spans:
        if 0 <= start < end <= len(value):
            text.stylize(style, start, end)
    return text


def words_highlighted(value: str, words: list[str], style: str = "bold green") -> Text:
    """Style every case-insensitive whole-word occurrence of ``words`` in ``value``."""
    spans: list[tuple[int, int]] = []
    for word in {w for w in words if len(w) > 1}:
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", value, flags=re.IGNORECASE):
            spans.append(match.span())
    return highlighted(value, spans, style)
