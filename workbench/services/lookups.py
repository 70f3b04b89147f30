"""Queries every use case shares (and the review-state rule of ``staleness``): the lowest service module.

Everything here takes an open ``Session`` and writes nothing, so a use case can compose them
inside its own transaction. This module imports no other service but the workspace's error
type, so any service may import it (verdicts and re-verification both do, without a cycle).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from workbench.services.staleness import NEEDS_REVIEW as NEEDS_REVIEW
from workbench.services.staleness import CheckOutcome as CheckOutcome
from workbench.services.staleness import CheckRow as CheckRow
from workbench.services.staleness import review_state as review_state
from workbench.services.workspace import NotFound
from workbench.storage.models import Article, ArticleSource, Claim, Evidence, EvidenceCheck, Snapshot
from workbench.storage.queries import latest_rows, newest_ids


def latest_checks(session: Session, evidence_ids: list[int]) -> dict[int, EvidenceCheck]:
    """The most recent re-verification check of each evidence id."""
    return latest_rows(session, EvidenceCheck, EvidenceCheck.evidence_id, evidence_ids)


def latest_check_outcomes(
    session: Session, evidence_ids: Collection[int] | SelectOfScalar[Any]
) -> dict[int, CheckRow]:
    """:func:`latest_checks`, as the few columns the review-state rule reads (no ORM object per
    check: an article can have thousands). ``evidence_ids``: ids, or a subquery of them."""
    ids = evidence_ids if isinstance(evidence_ids, SelectOfScalar) else list(evidence_ids)
    newest = newest_ids(EvidenceCheck.id, EvidenceCheck.evidence_id, col(EvidenceCheck.evidence_id).in_(ids))
    rows = (
        session.connection()
        .execute(  # Core rows: no ORM handling per row
            sa_select(
                col(EvidenceCheck.evidence_id),
                col(EvidenceCheck.status),
                col(EvidenceCheck.verdict_id),
                col(EvidenceCheck.checked_at),
            ).where(col(EvidenceCheck.id).in_(newest))
        )
        .all()
    )
    return {evidence_id: CheckRow(status, verdict, at) for evidence_id, status, verdict, at in rows}


def latest_snapshot(session: Session, source_id: int, *, live_only: bool = False) -> Snapshot | None:
    """The newest snapshot of a source; ``live_only`` skips copies from web archives."""
    query = select(Snapshot).where(Snapshot.source_id == source_id)
    if live_only:
        query = query.where(col(Snapshot.archive_name).is_(None))
    return session.exec(query.order_by(col(Snapshot.id).desc())).first()


def resolve_article(session: Session, ref: str | int) -> Article:
    """An article by integer id or by slug; NotFound names what was asked for."""
    article: Article | None = None
    if isinstance(ref, int) or str(ref).isdigit():
        article = session.get(Article, int(ref))
    if article is None:
        article = session.exec(select(Article).where(Article.slug == str(ref))).first()
    if article is None:
        raise NotFound(f"no article with id or slug {ref!r}")
    return article


def article_claims(session: Session, article_id: int | None) -> list[Claim]:
    """An article's claims in reading order."""
    query = select(Claim).where(Claim.article_id == article_id).order_by(col(Claim.position))
    return list(session.exec(query).all())


def own_source_ids(article_id: int | None) -> SelectOfScalar[int]:
    """The ids of the sources an article cites, as a subquery."""
    return select(ArticleSource.source_id).where(ArticleSource.article_id == article_id)


def evidence_source_ids(article_id: int | None) -> SelectOfScalar[int]:
    """The ids of the sources its claims' evidence comes from, as a subquery: its own sources, and
    others' where a checker pinned a passage found by archive search."""
    return (
        select(Snapshot.source_id)
        .join(Evidence, col(Evidence.snapshot_id) == col(Snapshot.id))
        .join(Claim, col(Claim.id) == col(Evidence.claim_id))
        .where(Claim.article_id == article_id)
    )
