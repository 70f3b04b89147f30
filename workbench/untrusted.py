"""Untrusted text (articles, fetched pages, bundles, user input): which characters never reach a
reader as they are, and what each surface shows instead. The one place that says so; the CLI, the
TUI and the reports each call one function of it.

A fetched page or an article can hold terminal escape sequences (ESC, CSI, OSC: move the cursor,
rewrite the screen, retitle the window, plant a link), a bell, C1 controls, Unicode direction
overrides and isolates that make a line read differently from its bytes, and line breaks that forge
extra rows of a listing. JSON output needs nothing of this (``json.dumps`` escapes every control
character, and JSON keeps the text as it is).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# Line breaks and separators other than the newline itself (C0 and Unicode ones).
_OTHER_BREAKS = "\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029"
# Every other C0 control, DEL, the C1 controls, and the bidirectional marks (ALM, LRM, RLM),
# embeddings, overrides and isolates.
_CONTROLS = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

_LINE_BREAKS = re.compile(f"[\t\n{_OTHER_BREAKS}]")
_HIDDEN = re.compile(f"[{_CONTROLS}]")
_CRLF = re.compile("\r\n?")
_OTHER_BREAKS_RE = re.compile(f"[{_OTHER_BREAKS}]")


def one_line(value: object) -> str:
    """``str(value)`` as one line of plain text: line breaks and tabs become spaces, every other
    control or direction character becomes U+FFFD (so the reader sees something was there).
    Printable text is unchanged."""
    text = str(value)
    if text.isprintable():  # no control, separator or format character: checked in C
        return text
    return _HIDDEN.sub(REPLACEMENT, _LINE_BREAKS.sub(" ", text))


def shown(text: str) -> str:
    """``text`` for the screen, one character for one (offsets into it stay valid): tab and newline
    stay, every other control, line separator or direction character becomes U+FFFD."""
    if text.isprintable():
        return text
    return _HIDDEN.sub(REPLACEMENT, _OTHER_BREAKS_RE.sub(REPLACEMENT, text))


def published(text: str) -> str:
    """``text`` for a report file: tab and newline stay, a carriage return (CR or CRLF) and the other
    line and paragraph separators become one newline, every other control or direction character
    is dropped."""
    if text.isprintable():
        return text
    return _HIDDEN.sub("", _OTHER_BREAKS_RE.sub("\n", _CRLF.sub("\n", text)))
