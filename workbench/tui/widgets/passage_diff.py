"""Old and new evidence passages side by side, with the changed words marked."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rich.table import Table
from rich.text import Text

from workbench.tui.text import clean

_WORD = re.compile(r"\S+")


def word_changes(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the words removed from ``old`` and of the words added in ``new``."""
    old_words = [m.span() for m in _WORD.finditer(old)]
    new_words = [m.span() for m in _WORD.finditer(new)]
    matcher = SequenceMatcher(
        a=[old[a:b] for a, b in old_words], b=[new[a:b] for a, b in new_words], autojunk=False
    )
    removed: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if a2 > a1:
            removed.append((old_words[a1][0], old_words[a2 - 1][1]))
        if b2 > b1:
            added.append((new_words[b1][0], new_words[b2 - 1][1]))
    return removed, added


def _passage(prefix: str, quote: str, suffix: str, spans: list[tuple[int, int]], style: str) -> Text:
    text = Text("…")
    text.append(clean(prefix), style="dim")
    body = Text(clean(quote), style="bold")
    for start, end in spans:
        body.stylize(style, start, end)
    text.append_text(body)
    text.append(clean(suffix), style="dim")
    text.append("…")
    return text


def side_by_side(
    old: tuple[str, str, str], new: tuple[str, str, str] | None, old_title: str, new_title: str
) -> Table:
    """A two-column table: (prefix, quote, suffix) before and after; removed words struck red,
    added words green. ``new`` None means the quote was not found (orphaned or gone)."""
    table = Table(expand=True, show_lines=False, box=None, padding=(0, 1))
    table.add_column(old_title, ratio=1)
    table.add_column(new_title, ratio=1)
    if new is None:
        table.add_row(_passage(*old, [], ""), Text("(no passage found)", style="italic red"))
        return table
    removed, added = word_changes(old[1], new[1])
    table.add_row(
        _passage(*old, removed, "strike red"),
        _passage(*new, added, "bold green"),
    )
    return table
