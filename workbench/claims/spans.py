"""Spans found once over the whole article (dates, numbers, vague times), looked up per claim.

A claim or clause asks "which dates lie inside me?" or "which dates cross this point?". Scanning
every span of the article for each of the thousands of claims of a long article made extraction
grow with the square of the text; sorted starts and a binary search keep each question
proportional to the answer.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from workbench.language.spans import TakenSpans

__all__ = ["SpanIndex", "TakenSpans", "span_index"]

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with a ``[start, end)`` span, sorted by start, for range questions.

    ``span`` gives an item's (start, end). The longest span bounds how far before ``start`` an
    item overlapping a range can begin, so a lookup reads only the items near the range."""

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items = sorted(items, key=lambda item: span(item)[0])
        self.spans = [span(item) for item in self.items]
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def within(self, start: int, end: int) -> list[T]:
        """The items whose span lies inside ``[start, end]``, in order of start."""
        low = bisect_left(self.starts, start)
        high = bisect_left(self.starts, end + 1, low)
        return [self.items[i] for i in range(low, high) if self.spans[i][1] <= end]

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items whose span shares a position with ``[start, end)`` or touches it (an item
        ending at ``start`` or beginning at ``end`` is kept: callers test the edges themselves)."""
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end + 1, low)
        return [self.items[i] for i in range(low, high) if self.spans[i][1] >= start]


def span_index(spans: Sequence[tuple[int, int]]) -> SpanIndex[tuple[int, int]]:
    """A :class:`SpanIndex` of plain ``(start, end)`` pairs."""
    return SpanIndex(spans, lambda pair: pair)
