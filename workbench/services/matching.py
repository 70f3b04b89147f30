"""Match an article's claims against the latest snapshot of each of its sources."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, delete, select

from workbench.matching.passages import split_passages
from workbench.matching.rank import rank_passages
from workbench.services.articles import article_sources, resolve_article
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
    if similarity is not None:
        # Embed (or load) everything before the writing session below: the store writes in a
        # session of its own, which SQLite would block behind that one's open write.
        with ws.db.session() as session:
            article_id = resolve_article(session, ref).id
            claim_texts = session.exec(select(Claim.text).where(Claim.article_id == article_id)).all()
        similarity.warm(list(claim_texts), texts)
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        claims = session.exec(
            select(Claim).where(Claim.article_id == article.id).order_by(col(Claim.position))
        ).all()
        with_evidence = 0
        claim_ids = [c.id for c in claims]
        session.exec(
            delete(Evidence).where(col(Evidence.claim_id).in_(claim_ids), col(Evidence.pinned).is_(False))
        )
        for claim in claims:
            if not texts:
                continue
            ranking = rank_passages(
                claim.text,
                texts,
                claim_lang=article.language,
                statement=None if claim.statement_is_draft else claim.statement,
                top=EVIDENCE_PER_CLAIM,
                semantic=similarity,
            )
            kept = 0
            for rank, ranked in enumerate(ranking):
                if ranked.score < EVIDENCE_FLOOR:
                    continue
                candidate = candidates[ranked.index]
                start = candidate.start + ranked.start
                end = candidate.start + ranked.end
                if end <= start:
                    start, end = candidate.start, candidate.end
                text = candidate.snapshot.text
                session.add(
                    Evidence(
                        claim_id=claim.id or 0,
                        snapshot_id=candidate.snapshot.id or 0,
                        start=start,
                        end=end,
                        quote=text[start:end],
                        prefix=text[max(0, start - CONTEXT_CHARS) : start],
                        suffix=text[end : end + CONTEXT_CHARS],
                        score=round(float(ranked.score), 1),
                        parts=dict(ranked.parts),
                        rank=rank,
                        method=method,
                    )
                )
                kept += 1
            with_evidence += kept > 0
        return MatchReport(claims=len(claims), with_evidence=with_evidence, snapshots=len(snapshots))
