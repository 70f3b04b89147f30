"""Match claims against the latest snapshot of each of their article's sources: a whole article
(:func:`match_article`), or the claims a hand edit just changed (:func:`rematch_claims`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, delete

from workbench import settings
from workbench.domain import RankedPassage
from workbench.fetching.extract import cut_text
from workbench.matching.evidence import quote_context
from workbench.matching.passages import split_passages
from workbench.matching.rank import rank_passages
from workbench.matching.semantic import SemanticSimilarity
from workbench.services.embeddings import semantic_for
from workbench.services.lookups import article_claims, latest_snapshot, own_source_ids, resolve_article
from workbench.services.workspace import Workspace
from workbench.storage.models import Article, Claim, Evidence, Snapshot, utcnow

EVIDENCE_PER_CLAIM = 3
EVIDENCE_FLOOR = 30.0  # below this a passage is noise, not evidence
CONTEXT_CHARS = 32
# Claims ranked between two commits: an interrupted or killed match keeps every batch written
# before it (a batch is a second or two of ranking, and one short write transaction).
CLAIM_BATCH = 200


@dataclass(frozen=True, slots=True)
class MatchReport:
    claims: int
    with_evidence: int  # of the claims ranked by this run
    snapshots: int
    cancelled: bool = False  # stopped by its cancel event: the claims not reached kept their evidence


@dataclass(frozen=True, slots=True)
class _Candidate:
    snapshot: Snapshot
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.snapshot.text[self.start : self.end]


def _candidates(snapshots: list[Snapshot]) -> list[_Candidate]:
    """Every passage of ``snapshots``, read only up to ``WORKBENCH_TEXT_CAP`` characters of each:
    a snapshot stored before fetching cut pages there is ranked as if it had been (its offsets
    are unchanged)."""
    cap = settings.text_cap()
    found: list[_Candidate] = []
    for snapshot in snapshots:
        for passage in split_passages(cut_text(snapshot.text, cap)):
            found.append(_Candidate(snapshot, passage.start, passage.end))
    return found


def _latest_snapshots(session: Session, article_id: int | None) -> list[Snapshot]:
    """The newest snapshot (live or archived) of each source the article cites, by source id."""
    found = (latest_snapshot(session, i) for i in sorted(session.exec(own_source_ids(article_id)).all()))
    return [snapshot for snapshot in found if snapshot is not None]


def _method(similarity: SemanticSimilarity | None) -> str:
    return "lexical" if similarity is None else "lexical+semantic"


def match_article(
    ws: Workspace,
    ref: str | int,
    *,
    semantic: bool = True,
    progress: Callable[[int, int], None] | None = None,
    embedding_progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> MatchReport:
    """Rank passages for every claim; replace each claim's unpinned evidence with the top ones
    above the floor. Pinned evidence is never touched. Embedding similarity joins the score when
    the ``semantic`` extra is installed (and ``semantic`` is true); embeddings are kept in the database.

    ``progress(done, total)`` is called after each claim is ranked (and once with ``done`` 0
    before the first); ``embedding_progress(done, total)`` as the texts to embed are computed or
    loaded. Evidence is written every :data:`CLAIM_BATCH` claims, each batch in its own short
    transaction, and vectors are stored as each chunk of them is computed. If ``progress`` raises
    (a cancelled job) or the run is interrupted, the evidence of the claims ranked so far is still
    written, then the exception propagates; the other claims keep the evidence they had.
    ``cancel`` stops it the same way, but returns: looked at before each text is embedded and
    each claim is ranked, so a run stops within one text or one claim (``report.cancelled``).

    Claims with the same text, language and reviewed statement are ranked once (an article can
    repeat a sentence; the ranking depends on nothing else)."""
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        claims = article_claims(session, article.id)
        snapshots = _latest_snapshots(session, article.id)
    candidates = _candidates(snapshots)
    texts = [c.text for c in candidates]
    if progress is not None:
        progress(0, len(claims))
    similarity = semantic_for(ws) if semantic and texts else None
    if similarity is not None:
        # every text of the run in one call (the stored vectors loaded, the rest embedded in chunks,
        # each stored as it is done), before ranking: ranking then touches no store
        ready = similarity.warm([c.text for c in claims], texts, progress=embedding_progress, cancel=cancel)
        if not ready:
            return MatchReport(claims=len(claims), with_evidence=0, snapshots=len(snapshots), cancelled=True)
    found: dict[int, list[dict[str, Any]]] = {}
    rankings: dict[tuple[str, str, str | None], list[RankedPassage]] = {}
    with_evidence = 0
    cancelled = False
    try:
        for done, claim in enumerate(claims if texts else [], start=1):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            found[claim.id or 0] = _evidence_for(
                claim, article.language, candidates, texts, similarity, rankings
            )
            if len(found) == CLAIM_BATCH:
                with_evidence += _write(ws, found)
                found = {}
            if progress is not None:
                progress(done, len(claims))
    finally:
        with_evidence += _write(ws, found)
    return MatchReport(len(claims), with_evidence, len(snapshots), cancelled=cancelled)


def _write(ws: Workspace, found: dict[int, list[dict[str, Any]]]) -> int:
    """Replace the unpinned evidence of ``found``'s claims with the rows ranked for them, in one
    transaction; returns how many of them have evidence. Rows go in by one Core insert: building
    ORM objects for them cost as much as ranking."""
    if not found:
        return 0
    with ws.db.session() as session:
        session.exec(
            delete(Evidence).where(col(Evidence.claim_id).in_(list(found)), col(Evidence.pinned).is_(False))
        )
        _insert_evidence(session, [row for rows in found.values() for row in rows])
    return sum(1 for rows in found.values() if rows)


def _insert_evidence(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.connection().execute(insert(Evidence), rows)


def rematch_claims(
    ws: Workspace, session: Session, claim_ids: Collection[int], *, semantic: bool = True
) -> int:
    """Rank evidence again for ``claim_ids`` (claims a hand edit created or changed) against the
    snapshots already stored, as :func:`match_article` does, and replace their unpinned evidence,
    inside ``session``'s transaction: the edit and its evidence are committed together. Nothing is
    fetched. Evidence ranked for a claim's old wording goes even when its article has no snapshot
    yet. Pinned evidence is never touched. Returns how many of the claims have evidence now.

    Embeddings go through ``session`` too. The passages' vectors are normally stored by the last
    match, so only an edited claim's new text is embedded here (~20 ms; the first text a process
    embeds also loads the model, ~1.5 s, which this transaction then waits for)."""
    claims = [c for c in (session.get(Claim, i) for i in sorted(set(claim_ids))) if c is not None]
    session.exec(
        delete(Evidence).where(
            col(Evidence.claim_id).in_([c.id for c in claims]), col(Evidence.pinned).is_(False)
        )
    )
    session.flush()  # the edit's own pending changes go first: the rows below bypass the session
    with_evidence = 0
    for article_id in sorted({c.article_id for c in claims}):
        article = session.get(Article, article_id)
        assert article is not None  # the claim's foreign key guarantees it
        mine = [c for c in claims if c.article_id == article_id]
        candidates = _candidates(_latest_snapshots(session, article_id))
        texts = [c.text for c in candidates]
        similarity = semantic_for(ws, session) if semantic and texts else None
        if similarity is not None:
            similarity.warm([c.text for c in mine], texts)  # one model call for whatever is new
        for claim in mine:
            rows = _evidence_for(claim, article.language, candidates, texts, similarity) if texts else []
            _insert_evidence(session, rows)
            with_evidence += bool(rows)
    return with_evidence


def _evidence_for(
    claim: Claim,
    language: str,
    candidates: list[_Candidate],
    texts: list[str],
    similarity: SemanticSimilarity | None,
    rankings: dict[tuple[str, str, str | None], list[RankedPassage]] | None = None,
) -> list[dict[str, Any]]:
    """The claim's best distinct passages above the floor (a sentence and the paragraph holding
    it can both rank high; the same stretch of text is kept once), as evidence rows to insert.
    ``rankings`` keeps the rankings of a run by what they depend on, for claims that repeat."""
    statement = None if claim.statement_is_draft else claim.statement
    key = (claim.text, language, statement)
    ranking = None if rankings is None else rankings.get(key)
    if ranking is None:
        ranking = rank_passages(
            claim.text,
            texts,
            claim_lang=language,
            statement=statement,
            top=EVIDENCE_PER_CLAIM * 3,
            semantic=similarity,
            floor=EVIDENCE_FLOOR,  # only passages that can reach it are scored
        )
        if rankings is not None:
            rankings[key] = ranking
    kept: list[dict[str, Any]] = []
    now = utcnow()
    for ranked in ranking:
        if ranked.score < EVIDENCE_FLOOR or len(kept) == EVIDENCE_PER_CLAIM:
            break
        candidate = candidates[ranked.index]
        start, end = candidate.start + ranked.start, candidate.start + ranked.end
        if end <= start:
            start, end = candidate.start, candidate.end
        if any(
            e["snapshot_id"] == candidate.snapshot.id and e["start"] < end and start < e["end"] for e in kept
        ):
            continue
        quote, prefix, suffix = selector_for(candidate.snapshot.text, start, end)
        kept.append(
            {
                "claim_id": claim.id or 0,
                "snapshot_id": candidate.snapshot.id or 0,
                "start": start,
                "end": end,
                "quote": quote,
                "prefix": prefix,
                "suffix": suffix,
                "score": round(float(ranked.score), 1),
                "parts": dict(ranked.parts),
                "rank": len(kept),
                "method": _method(similarity),
                "pinned": False,
                "created_at": now,
            }
        )
    return kept


def selector_for(text: str, start: int, end: int) -> tuple[str, str, str]:
    """A TextQuoteSelector's exact, prefix and suffix for ``text[start:end]``."""
    prefix, suffix = quote_context(text, start, end, CONTEXT_CHARS)
    return text[start:end], prefix, suffix
