"""Untrusted text (articles, fetched pages, bundles, user input) made safe for one line of a terminal.

A fetched page or an article can hold terminal escape sequences (ESC, CSI, OSC: move the cursor,
rewrite the screen, retitle the window, plant a link), a bell, C1 controls, Unicode direction
overrides that make a line read differently from its bytes, and line breaks that forge extra rows
of a listing. Every plain-text line the CLI prints goes through :func:`one_line`; JSON output
needs nothing more (``json.dumps`` escapes every control character).
"""

from __future__ import annotations

import re

# line breaks and tabs (C0 and Unicode ones): shown as a space, so a listing keeps one row per item
_BREAKS = re.compile("[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]")
# every other C0 control, DEL, the C1 controls, and the bidirectional embedding, override and
# isolate marks: shown as U+FFFD, so the reader sees that something was there
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def one_line(value: object) -> str:
    """``str(value)`` as one line of plain terminal text: line breaks and tabs become spaces,
    other control characters become U+FFFD. Printable text is unchanged."""
    text = _BREAKS.sub(" ", str(value))
    return _CONTROLS.sub(REPLACEMENT, text)
