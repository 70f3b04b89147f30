"""A growing set of disjoint text spans, for parsers that must not read one stretch of text twice
(a number inside a date, a second number inside the first)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class TakenSpans:
    """A growing set of spans that answers "does ``[start, end)`` overlap any of them?".

    Spans may overlap one another when given; they are merged, so the stored spans are disjoint
    and sorted, and their ends are sorted too: only the last span starting before ``end`` can
    reach past ``start``."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.starts and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span ``(s, e)`` has ``s < end`` and ``start < e``."""
        index = bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none already taken (check with :meth:`overlaps` first)."""
        index = bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)
