"""Claims as a checker sees them (verdict, state, best evidence) and recording verdicts."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from workbench import settings
from workbench.labels import get_label
from workbench.services.claim_details import OF_ARTICLE, claim_views_read, claim_views_where, session_read
from workbench.services.claim_details import ClaimFacts as ClaimFacts
from workbench.services.claim_details import ClaimView as ClaimView
from workbench.services.claim_details import EvidenceView as EvidenceView
from workbench.services.claim_details import VerdictView as VerdictView
from workbench.services.claim_rows import ClaimRow as ClaimRow
from workbench.services.claim_rows import claim_rows as claim_rows
from workbench.services.claim_rows import list_claim_rows as list_claim_rows
from workbench.services.lookups import resolve_article
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import Claim, Evidence, Snapshot, Verdict
from workbench.storage.queries import newest_ids


def _verdict_view(v: Verdict) -> VerdictView:
    return VerdictView(v.id or 0, v.label, v.rationale, v.checker, v.created_at, v.evidence_id)


VERDICT_COLUMNS = (  # what a VerdictView is read from, with the claim it judges
    col(Verdict.id),
    col(Verdict.claim_id),
    col(Verdict.label),
    col(Verdict.rationale),
    col(Verdict.checker),
    col(Verdict.created_at),
    col(Verdict.evidence_id),
)


def current_verdicts(
    session: Session, claim_ids: Collection[int] | SelectOfScalar[Any]
) -> dict[int, VerdictView]:
    """Each claim's current verdict: its newest (verdicts are append-only). ``claim_ids``: ids, or
    a subquery of them (thousands of ids are better asked for as the query that finds them)."""
    ids = claim_ids if isinstance(claim_ids, SelectOfScalar) else list(claim_ids)
    if not isinstance(ids, SelectOfScalar) and not ids:
        return {}
    newest = newest_ids(Verdict.id, Verdict.claim_id, col(Verdict.claim_id).in_(ids))
    rows = session.connection().execute(sa_select(*VERDICT_COLUMNS).where(col(Verdict.id).in_(newest))).all()
    return {row.claim_id: verdict_view(row) for row in rows}


def verdict_view(row: Any) -> VerdictView:
    """A row of :data:`VERDICT_COLUMNS` as a :class:`VerdictView`."""
    return VerdictView(row.id or 0, row.label, row.rationale, row.checker, row.created_at, row.evidence_id)


def claim_views(session: Session, claims: list[Claim]) -> list[ClaimView]:
    """Claims (as ``session`` holds them) with their current verdict, evidence and review state,
    in the order given: the statements of ``claim_details`` in the session's transaction.

    A judged claim is stale when the latest re-verification of its verdict's pinned evidence,
    made after the verdict, found the quote edited, orphaned or its source gone."""
    facts = [ClaimFacts.of(claim) for claim in claims]
    return claim_views_read(session_read(session), [f.id for f in facts], facts)


def list_claims(ws: Workspace, ref: str | int) -> list[ClaimView]:
    """Every claim of the article with its current verdict, evidence and review state."""
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        return claim_views_where(session_read(session), OF_ARTICLE, {"article_id": article.id})


def get_claim(ws: Workspace, claim_id: int) -> ClaimView:
    with ws.db.session() as session:
        return claim_view(session, claim_id)


def claim_view(session: Session, claim_id: int) -> ClaimView:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    return claim_views(session, [claim])[0]


def verdict_history(ws: Workspace, claim_id: int) -> list[VerdictView]:
    with ws.db.session() as session:
        rows = session.exec(
            select(Verdict).where(Verdict.claim_id == claim_id).order_by(col(Verdict.id))
        ).all()
        return [_verdict_view(v) for v in rows]


def record_verdict(
    ws: Workspace,
    claim_id: int,
    label: str,
    *,
    rationale: str = "",
    evidence: int | str | None = None,
    checker: str | None = None,
) -> VerdictView:
    """Append a verdict (one transaction). See :func:`append_verdict`."""
    with ws.db.session() as session:
        return append_verdict(
            session, claim_id, label, rationale=rationale, evidence=evidence, checker=checker
        )


def append_verdict(
    session: Session,
    claim_id: int,
    label: str,
    *,
    rationale: str = "",
    evidence: int | str | None = None,
    checker: str | None = None,
) -> VerdictView:
    """Append a verdict inside the caller's transaction. ``evidence`` is an evidence id,
    ``"best"`` (the top-ranked evidence) or None (nothing pinned). Pinned evidence survives
    re-matching."""
    get_label(label)  # raises UnknownLabel with the list of known labels
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    pinned: Evidence | None = None
    if evidence == "best":
        pinned = session.exec(
            select(Evidence)
            .where(Evidence.claim_id == claim_id)
            .order_by(col(Evidence.score).desc(), col(Evidence.id))
        ).first()
        if pinned is None:
            raise NotFound(f"claim {claim_id} has no evidence to pin")
    elif evidence is not None:
        pinned = session.get(Evidence, int(evidence))
        if pinned is None or pinned.claim_id != claim_id:
            raise NotFound(f"no evidence with id {evidence} for claim {claim_id}")
    if pinned is not None and not pinned.pinned:
        pinned.pinned = True
        session.add(pinned)
    verdict = Verdict(
        claim_id=claim_id,
        label=label,
        rationale=rationale,
        evidence_id=pinned.id if pinned else None,
        checker=settings.checker_name(checker),
    )
    session.add(verdict)
    session.flush()
    return _verdict_view(verdict)


def add_evidence(
    ws: Workspace, claim_id: int, snapshot_id: int, start: int, end: int, *, score: float = 0.0
) -> int:
    """Pin one passage (one transaction). See :func:`pin_passage`."""
    with ws.db.session() as session:
        return pin_passage(session, claim_id, snapshot_id, start, end, score=score)


def pin_passages(ws: Workspace, claim_id: int, spans: list[tuple[int, int, int, float]]) -> list[int]:
    """Pin several passages ``(snapshot_id, start, end, score)`` in one transaction: all or none."""
    with ws.db.session() as session:
        return [pin_passage(session, claim_id, *span[:3], score=span[3]) for span in spans]


def pin_passage(
    session: Session, claim_id: int, snapshot_id: int, start: int, end: int, *, score: float = 0.0
) -> int:
    """Pin a passage chosen by hand or re-located by re-verification (``snapshot.text[start:end]``)
    inside the caller's transaction; ``score`` is the re-anchoring score where there is one (a
    hand-picked passage has no match score: 0). Returns its id."""
    from workbench.services.matching import selector_for

    if session.get(Claim, claim_id) is None:
        raise NotFound(f"no claim with id {claim_id}")
    snapshot = session.get(Snapshot, snapshot_id)
    if snapshot is None:
        raise NotFound(f"no snapshot with id {snapshot_id}")
    if not 0 <= start < end <= len(snapshot.text):
        raise ValueError(f"span {start}:{end} is outside snapshot {snapshot_id}")
    same = session.exec(
        select(Evidence.id).where(
            Evidence.claim_id == claim_id,
            Evidence.snapshot_id == snapshot_id,
            Evidence.start == start,
            Evidence.end == end,
            col(Evidence.pinned).is_(True),
        )
    ).first()
    if same is not None:  # pinning the same passage twice keeps one row
        return same
    quote, prefix, suffix = selector_for(snapshot.text, start, end)
    evidence = Evidence(
        claim_id=claim_id,
        snapshot_id=snapshot_id,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        score=score,
        method="manual",
        pinned=True,
    )
    session.add(evidence)
    session.flush()
    return evidence.id or 0
