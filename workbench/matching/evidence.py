"""Locate a claim's best evidence in a snapshot text, as W3C Web Annotation selectors.

Every result satisfies ``snapshot_text[start:end] == quote``, with up to ``CONTEXT`` characters of
prefix and suffix, so the pipeline can store it as an evidence row and re-anchor it later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.domain import Passage
from workbench.matching.passages import sentence_passages
from workbench.matching.rank import rank_passages

CONTEXT = 32


@dataclass(slots=True)
class LocatedEvidence:
    """One evidence passage: offsets into the snapshot text, its quote and context, its score.

    ``highlight_start``/``highlight_end`` are snapshot offsets of the best-matching span inside the
    quote; ``parts`` explains the score (see :func:`workbench.matching.rank.rank_passages`).
    """

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    score: float
    parts: dict[str, Any] = field(default_factory=dict)
    highlight_start: int = 0
    highlight_end: int = 0
    method: str = "lexical"

    def selectors(self) -> list[dict[str, Any]]:
        """W3C TextQuoteSelector and TextPositionSelector for this evidence."""
        return [
            {"type": "TextQuoteSelector", "exact": self.quote, "prefix": self.prefix, "suffix": self.suffix},
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "score": self.score,
            "parts": self.parts,
            "highlight": [self.highlight_start, self.highlight_end],
            "method": self.method,
        }


def quote_context(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str]:
    """Up to ``width`` characters before ``start`` and after ``end``."""
    return text[max(0, start - width) : start], text[end : end + width]


def locate_evidence(
    claim: str,
    snapshot_text: str,
    *,
    claim_lang: str | None = None,
    statement: str | None = None,
    top: int = 5,
    passages: list[Passage] | None = None,
) -> list[LocatedEvidence]:
    """The ``top`` best passages of ``snapshot_text`` for ``claim``, best first, with exact offsets.

    ``passages`` defaults to the sentences of :func:`workbench.matching.passages.split_passages`.
    """
    chosen = sentence_passages(snapshot_text) if passages is None else passages
    texts = [snapshot_text[p.start : p.end] for p in chosen]
    located = []
    for ranked in rank_passages(claim, texts, claim_lang=claim_lang, statement=statement, top=top):
        passage = chosen[ranked.index]
        prefix, suffix = quote_context(snapshot_text, passage.start, passage.end)
        located.append(
            LocatedEvidence(
                start=passage.start,
                end=passage.end,
                quote=texts[ranked.index],
                prefix=prefix,
                suffix=suffix,
                score=ranked.score,
                parts=ranked.parts,
                highlight_start=passage.start + ranked.start,
                highlight_end=passage.start + ranked.end,
            )
        )
    return located
