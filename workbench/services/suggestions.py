"""A suggested verdict per claim, with its reason, from the stored evidence. The checker decides.

Besides the evidence rules of :func:`workbench.matching.suggest_verdict`, a claim whose own
sentence names a source that could not be fetched (by its author or title, as in "according to
the Contoso Research report") is unverifiable: no reachable text can settle it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.domain import FetchOutcome
from workbench.matching import suggest_verdict
from workbench.matching.evidence import LocatedEvidence
from workbench.services.articles import article_sources, get_article
from workbench.services.fetching import last_attempts, latest_snapshot
from workbench.services.verdicts import ClaimView, list_claims
from workbench.services.workspace import Workspace
from workbench.storage.models import Source

_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    reason: str


def claim_sentence(text: str, start: int, end: int) -> str:
    """The sentence (within its line) that holds ``text[start:end]``."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    first = before[-1] if before else 0
    after = _SENTENCE_END.search(text, end)
    return text[first : after.start() + 1 if after else len(text)]


def _names(source: Source) -> list[str]:
    return [name for name in (source.author, source.title) if name and len(name) > 3]


def suggest_for_article(
    ws: Workspace, ref: str | int, views: list[ClaimView] | None = None
) -> dict[int, Suggestion]:
    """Claim id → suggestion, for every claim of the article (``views``: the article's claims when
    the caller already has them)."""
    article = get_article(ws, ref)
    sources = article_sources(ws, ref)
    attempts = last_attempts(ws, [s.id or 0 for s in sources])
    fetched = {s.id for s in sources if latest_snapshot(ws, s.id or 0) is not None}
    unreachable = [
        s
        for s in sources
        if s.id not in fetched
        and s.id in attempts
        and attempts[s.id or 0].outcome in (FetchOutcome.UNREACHABLE, FetchOutcome.GONE, FetchOutcome.ERROR)
    ]
    return {
        view.claim.id or 0: suggest_for_claim(view, article.text, unreachable, any_text=bool(fetched))
        for view in (list_claims(ws, ref) if views is None else views)
    }


def suggest_for_claim(
    view: ClaimView, article_text: str, unreachable: list[Source], *, any_text: bool
) -> Suggestion:
    claim = view.claim
    sentence = claim_sentence(article_text, claim.start, claim.end).casefold()
    for source in unreachable:
        named = next((n for n in _names(source) if n.casefold() in sentence), None)
        if named:
            return Suggestion("unverifiable", f"rests on {named} ({source.url}), which could not be fetched")
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
