"""Match an article's claims against the latest snapshot of each of its sources."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, delete

from workbench.matching.evidence import quote_context
from workbench.matching.passages import split_passages
from workbench.matching.rank import rank_passages
from workbench.matching.semantic import SemanticSimilarity
from workbench.services.articles import article_claims, article_sources, resolve_article
from workbench.services.embeddings import semantic_for
from workbench.services.fetching import latest_snapshot
from workbench.services.workspace import Workspace
from workbench.storage.models import Claim, Evidence, Snapshot

EVIDENCE_PER_CLAIM = 3
EVIDENCE_FLOOR = 30.0  # below this a passage is noise, not evidence
CONTEXT_CHARS = 32


@dataclass(frozen=True, slots=True)
class MatchReport:
    claims: int
    with_evidence: int
    snapshots: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    snapshot: Snapshot
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.snapshot.text[self.start : self.end]


def _candidates(snapshots: list[Snapshot]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for snapshot in snapshots:
        for passage in split_passages(snapshot.text):
            found.append(_Candidate(snapshot, passage.start, passage.end))
    return found


def match_article(ws: Workspace, ref: str | int, *, semantic: bool = True) -> MatchReport:
    """Rank passages for every claim; replace each claim's unpinned evidence with the top ones
    above the floor. Pinned evidence is never touched. Embedding similarity joins the score when
    the ``semantic`` extra is installed (and ``semantic`` is true); embeddings are kept in the database."""
    sources = article_sources(ws, ref)
    snapshots = [s for s in (latest_snapshot(ws, src.id or 0) for src in sources) if s is not None]
    candidates = _candidates(snapshots)
    texts = [c.text for c in candidates]
    similarity = semantic_for(ws) if semantic and texts else None
    method = "lexical" if similarity is None else "lexical+semantic"
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        claims = article_claims(session, article.id)
    if similarity is not None:
        # embed (or load) every text before the write below: the store writes in sessions of its own
        similarity.warm([c.text for c in claims], texts)
    # rank first, write after: the write transaction (which holds SQLite's write lock) stays short
    found = {claim.id or 0: _evidence_for(claim, article.language, candidates, texts, similarity, method)
             for claim in claims} if texts else {}  # fmt: skip
    with ws.db.session() as session:
        session.exec(
            delete(Evidence).where(col(Evidence.claim_id).in_(list(found)), col(Evidence.pinned).is_(False))
        )
        for rows in found.values():
            session.add_all(rows)
    with_evidence = sum(1 for rows in found.values() if rows)
    return MatchReport(claims=len(claims), with_evidence=with_evidence, snapshots=len(snapshots))


def _evidence_for(
    claim: Claim,
    language: str,
    candidates: list[_Candidate],
    texts: list[str],
    similarity: SemanticSimilarity | None,
    method: str,
) -> list[Evidence]:
    """The claim's best distinct passages above the floor (a sentence and the paragraph holding
    it can both rank high; the same stretch of text is kept once)."""
    ranking = rank_passages(
        claim.text,
        texts,
        claim_lang=language,
        statement=None if claim.statement_is_draft else claim.statement,
        top=EVIDENCE_PER_CLAIM * 3,
        semantic=similarity,
    )
    kept: list[Evidence] = []
    for ranked in ranking:
        if ranked.score < EVIDENCE_FLOOR or len(kept) == EVIDENCE_PER_CLAIM:
            break
        candidate = candidates[ranked.index]
        start, end = candidate.start + ranked.start, candidate.start + ranked.end
        if end <= start:
            start, end = candidate.start, candidate.end
        if any(e.snapshot_id == candidate.snapshot.id and e.start < end and start < e.end for e in kept):
            continue
        quote, prefix, suffix = selector_for(candidate.snapshot.text, start, end)
        kept.append(
            Evidence(
                claim_id=claim.id or 0,
                snapshot_id=candidate.snapshot.id or 0,
                start=start,
                end=end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                score=round(float(ranked.score), 1),
                parts=dict(ranked.parts),
                rank=len(kept),
                method=method,
            )
        )
    return kept


def selector_for(text: str, start: int, end: int) -> tuple[str, str, str]:
    """A TextQuoteSelector's exact, prefix and suffix for ``text[start:end]``."""
    prefix, suffix = quote_context(text, start, end, CONTEXT_CHARS)
    return text[start:end], prefix, suffix
