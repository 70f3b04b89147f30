"""A suggested verdict per claim, with its reason, from the stored evidence. The checker decides.

Besides the evidence rules of :func:`workbench.matching.suggest_verdict`, a claim whose own
sentence names a source that could not be fetched (by its author or title, as in "according to
the Contoso Research report") is unverifiable: no reachable text can settle it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from workbench.domain import FetchOutcome
from workbench.matching import suggest_verdict
from workbench.matching.evidence import LocatedEvidence
from workbench.services.articles import get_article
from workbench.services.sources import article_sources
from workbench.services.verdicts import ClaimView, list_claims
from workbench.services.workspace import Workspace
from workbench.storage.models import FetchAttempt, Source
from workbench.storage.queries import latest_rows, latest_snapshot_ids

_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# Where a sentence end can begin: a search for _SENTENCE_END from any offset finds the first of
# these at or after it (each is one character, so none hides another).
_SENTENCE_END_START = re.compile(r"[.!?](?=\s)|\n")


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    reason: str


class SentenceBounds:
    """The sentence ends of one text, found in one pass, so that the sentence around each of an
    article's claims is a binary search, not a scan from the start (an article of 10,000 claims
    took ~100 s of scanning when each claim scanned from offset 0)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self._starts = [m.start() for m in _SENTENCE_END_START.finditer(text)]

    def sentence(self, start: int, end: int) -> str:
        """The sentence (within its line) that holds ``text[start:end]``: from the last sentence
        end at or before ``start`` to the first one that begins at or after ``end``."""
        before = bisect_right(self._ends, start)
        first = self._ends[before - 1] if before else 0
        after = bisect_left(self._starts, end)
        last = self._starts[after] + 1 if after < len(self._starts) else len(self.text)
        return self.text[first:last]


def claim_sentence(text: str, start: int, end: int) -> str:
    """The sentence (within its line) that holds ``text[start:end]`` (for many claims of one
    text, make one :class:`SentenceBounds` and ask it)."""
    return SentenceBounds(text).sentence(start, end)


def _names(source: Source) -> list[str]:
    return [name for name in (source.author, source.title) if name and len(name) > 3]


def suggest_for_article(
    ws: Workspace, ref: str | int, views: list[ClaimView] | None = None
) -> dict[int, Suggestion]:
    """Claim id → suggestion, for every claim of the article (``views``: the article's claims when
    the caller already has them)."""
    article = get_article(ws, ref)
    sources = article_sources(ws, ref)
    ids = [s.id or 0 for s in sources]
    with ws.db.session() as session:  # two queries for all sources, not one per source
        attempts = latest_rows(session, FetchAttempt, FetchAttempt.source_id, ids)
        fetched = set(latest_snapshot_ids(session, ids))
    unreachable = [
        s
        for s in sources
        if s.id not in fetched
        and s.id in attempts
        and attempts[s.id or 0].outcome in (FetchOutcome.UNREACHABLE, FetchOutcome.GONE, FetchOutcome.ERROR)
    ]
    bounds = SentenceBounds(article.text) if unreachable else None
    return {
        view.claim.id or 0: suggest_for_claim(
            view, article.text, unreachable, any_text=bool(fetched), bounds=bounds
        )
        for view in (list_claims(ws, ref) if views is None else views)
    }


def suggest_for_claim(
    view: ClaimView,
    article_text: str,
    unreachable: list[Source],
    *,
    any_text: bool,
    bounds: SentenceBounds | None = None,
) -> Suggestion:
    """``bounds``: the article text's :class:`SentenceBounds`, when suggesting for many claims."""
    claim = view.claim
    if unreachable:
        bounds = bounds or SentenceBounds(article_text)
        sentence = bounds.sentence(claim.start, claim.end).casefold()
        for source in unreachable:
            named = next((n for n in _names(source) if n.casefold() in sentence), None)
            if named:
                return Suggestion(
                    "unverifiable", f"rests on {named} ({source.url}), which could not be fetched"
                )
    evidence = [
        LocatedEvidence(
            start=e.start,
            end=e.end,
            quote=e.quote,
            prefix=e.prefix,
            suffix=e.suffix,
            score=e.score,
            parts=e.parts,
        )
        for e in view.evidence
    ]
    label, reason = suggest_verdict(claim.kind, claim.speaker, evidence, source_reachable=any_text)
    return Suggestion(label, reason)
