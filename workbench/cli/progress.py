"""Progress of the long commands (``match``, ``fetch``, ``reverify``) on stderr.

A bar redrawn in place when stderr is a terminal; nothing at all under ``--json`` or when stderr
is a pipe or a file, so scripts and logs see only the result. Plain text, no library.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 24  # characters of the bar itself
_INTERVAL = 0.1  # seconds between redraws (the last state is always drawn)


class ProgressLine:
    """One line of progress: ``label [#####.....] done/total unit``."""

    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = not quiet and _is_terminal(self.stream)
        self._drawn = 0  # length of the line on screen, 0 when none
        self._last = 0.0

    def update(self, label: str, done: int, total: int | None = None, unit: str = "") -> None:
        """Show ``done`` of ``total`` (a bare count when the total is unknown)."""
        if not self.enabled:
            return
        now = time.monotonic()
        finished = total is not None and done >= total
        if not finished and now - self._last < _INTERVAL:
            return
        self._last = now
        if total:
            filled = min(_WIDTH, _WIDTH * done // total)
            text = f"{label} [{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{total} {unit}".rstrip()
        else:
            text = f"{label} {done} {unit}".rstrip()
        self._draw(text)

    def note(self, message: str) -> None:
        """A line of its own above the bar (e.g. each source as its fetch ends)."""
        if not self.enabled:
            return
        self._clear()
        self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Remove the bar, leaving the terminal as it was."""
        if self.enabled:
            self._clear()

    def _draw(self, text: str) -> None:
        padding = max(0, self._drawn - len(text))
        self.stream.write("\r" + text + " " * padding)
        self.stream.flush()
        self._drawn = len(text)

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
