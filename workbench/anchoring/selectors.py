"""What a pinned quote is (a W3C TextQuoteSelector with its old position) and what re-anchoring says.

Offsets are Python string indices (code points). ``start``/``end`` of a selector refer to the old
text the quote was pinned in; ``start``/``end`` of a result refer to the new text, and
``new_text[start:end]`` is the located passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

AnchorStatus = Literal["intact", "moved", "edited", "orphaned"]

CONTEXT_CHARS = 32  # W3C selectors carry ~32 characters of context each side


@dataclass(slots=True)
class TextQuoteSelector:
    """A pinned quote: the exact text, up to ~32 characters before and after it, and optionally
    its ``start``/``end`` offsets in the old text (a TextPositionSelector)."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None

    @classmethod
    def from_span(cls, text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> TextQuoteSelector:
        """The selector for ``text[start:end]`` with ``width`` characters of context each side."""
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}:{end} is not inside a text of {len(text)} characters")
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - width) : start],
            suffix=text[end : end + width],
            start=start,
            end=end,
        )


@dataclass(slots=True)
class AnchorResult:
    """Where a pinned quote is in a new text.

    ``status``: intact (the exact quote with its context), moved (the exact quote in a new context
    or far from where it was), edited (a close approximate match), orphaned (no confident match;
    ``start``/``end`` are None). ``score`` 0-100 is the confidence in the located passage (0 when
    orphaned). For edited results ``diff`` lists word-level changes from the old quote to the new
    passage (``{"op": "replace"|"insert"|"delete", "old": ..., "new": ...}``) and ``distance`` is
    the Levenshtein distance in characters. ``reason`` says briefly why, for people, not programs.
    """

    status: AnchorStatus
    start: int | None = None
    end: int | None = None
    score: int = 0
    diff: list[dict[str, str]] = field(default_factory=list)
    distance: int | None = None
    reason: str = ""

    def as_json(self) -> dict[str, Any]:
        """The batch contract's fields; ``diff`` and ``distance`` only for edited results."""
        out: dict[str, Any] = {
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "score": self.score,
        }
        if self.status == "edited":
            out["distance"] = self.distance
            out["diff"] = self.diff
        return out
