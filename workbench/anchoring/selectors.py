"""What a pinned quote is (a W3C TextQuoteSelector with its old position) and what re-anchoring says.

Offsets are Python string indices (code points). ``start``/``end`` of a selector refer to the old
text the quote was pinned in; ``start``/``end`` of a result refer to the new text, and
``new_text[start:end]`` is the located passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

AnchorStatus = Literal["intact", "moved", "edited", "orphaned"]

CONTEXT_CHARS = 32  # W3C selectors carry ~32 characters of context each side


@dataclass(slots=True)
class TextQuoteSelector:
    """A pinned quote: the exact text, up to ~32 characters before and after it, and optionally
    its ``start``/``end`` offsets in the old text (a TextPositionSelector).

    ``sentence_before``/``sentence_after``, when known, are the rest of the quote's own sentence
    in the old text, whole (see :func:`workbench.anchoring.sentences.sentence_around`): they tell
    a corrected figure ("[21 per cent] of small firms expect to hire this year" -> "[25 per
    cent] ...") from a sentence of the same shape about another figure that differs only beyond the
    ~32 characters ("... expect to cut jobs next year"). Not part of the W3C selector and not
    stored with evidence: whoever has the old text derives them (``from_span`` does). Without
    them the quote is re-anchored from the W3C fields alone, as before."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    sentence_before: str | None = None
    sentence_after: str | None = None

    @classmethod
    def from_span(cls, text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> TextQuoteSelector:
        """The selector for ``text[start:end]`` with ``width`` characters of context each side and
        the quote's own sentence around it."""
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}:{end} is not inside a text of {len(text)} characters")
        selector = cls(
            exact=text[start:end],
            prefix=text[max(0, start - width) : start],
            suffix=text[end : end + width],
            start=start,
            end=end,
        )
        return selector.with_sentence(text, start, end)

    def with_sentence(self, old_text: str, start: int, end: int) -> TextQuoteSelector:
        """This selector with its quote's own sentence taken from ``old_text``, the text it was
        pinned in, where ``old_text[start:end]`` is the quote; unchanged when it is not there."""
        # sentences imports this module's CONTEXT_CHARS: imported here, not at the top.
        from workbench.anchoring.sentences import sentence_around

        if not 0 <= start < end <= len(old_text) or old_text[start:end] != self.exact:
            return self
        before, after = sentence_around(old_text, start, end)
        return replace(self, sentence_before=before, sentence_after=after)


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
