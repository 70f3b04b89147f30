"""Domain types shared by every layer. Plain dataclasses and enums: no storage, no UI.

Offsets are Python string indices (code points) into the text as stored; ``text[start:end]``
is always the quoted span. Scores run 0-100, higher is better.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ClaimKind(StrEnum):
    """Kinds of claim, in the order of the rules that assign them: the first that applies wins."""

    QUOTE = "quote"
    LIST_ITEM = "list-item"
    DATE = "date"
    NUMBER = "number"
    ATTRIBUTION = "attribution"
    EVENT = "event"


class ReviewState(StrEnum):
    UNCHECKED = "unchecked"
    CHECKED = "checked"
    STALE = "stale"


class FetchOutcome(StrEnum):
    OK = "ok"
    NOT_MODIFIED = "not-modified"
    GONE = "gone"
    UNREACHABLE = "unreachable"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity in a text: ``{"text", "value", "qualifier"}``; qualifier is exact, more-than,
    less-than or about."""

    text: str
    value: float
    qualifier: str = "exact"

    def as_json(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"text": self.text, "value": value, "qualifier": self.qualifier}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date in a text: ``{"text", "date"}`` with ``date`` in ISO form (YYYY-MM-DD)."""

    text: str
    date: str

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date}


@dataclass(slots=True)
class ExtractedClaim:
    """One atomic claim found in an article, before it is stored."""

    start: int
    end: int
    text: str
    kind: ClaimKind
    statement: str
    statement_is_draft: bool = True
    speaker: str | None = None
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": str(self.kind),
            "statement": self.statement,
            "statement_is_draft": self.statement_is_draft,
            "speaker": self.speaker,
            "numbers": [n.as_json() for n in self.numbers],
            "dates": [d.as_json() for d in self.dates],
            "score": self.score,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence or paragraph of a source text, by offsets into that text."""

    start: int
    end: int
    kind: str = "sentence"  # "sentence" or "paragraph"


@dataclass(slots=True)
class RankedPassage:
    """One passage's place in a claim's ranking. ``index`` is 0-based into the passages given;
    ``score`` 0-100; ``parts`` explains the score (each part 0-100 or a list of notes);
    ``start``/``end`` are offsets of the best-matching span inside the passage's own text."""

    index: int
    score: float
    parts: dict[str, Any] = field(default_factory=dict)
    start: int = 0
    end: int = 0
