"""Fetched and article text is data: build Rich ``Text`` objects, never parse markup from it.

Control and direction characters are shown as U+FFFD (``workbench.untrusted.shown``), so a page
cannot move the cursor, retitle the terminal or make a line read differently from its bytes.
"""

from __future__ import annotations

import re

from rich.text import Text

from workbench.untrusted import shown as clean


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
