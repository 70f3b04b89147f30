"""What an article's report reads from the database, as plain columns.

A report of 10,000 claims reads every claim, every verdict and the passage each current verdict
pinned. Building an ORM object per row and decoding JSON columns the report never shows cost
most of such an export (bench/growth_benchmark.py), so these queries select the columns a report
shows, each once for the whole article (subqueries, not lists of thousands of ids).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from workbench.services.lookups import CheckRow, latest_check_outcomes
from workbench.services.verdicts import VERDICT_COLUMNS, VerdictView, verdict_view
from workbench.storage.models import Claim, Evidence, Snapshot, Source, Verdict
from workbench.storage.queries import newest_ids


@dataclass(frozen=True, slots=True)
class ClaimColumns:
    id: int
    kind: str
    text: str
    start: int
    end: int
    statement: str
    statement_is_draft: bool
    speaker: str | None


@dataclass(frozen=True, slots=True)
class PinnedColumns:
    """The passage a claim's current verdict pinned, with the copy it is a passage of."""

    id: int
    claim_id: int
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    score: float
    pinned: bool
    snapshot_id: int
    source_url: str
    copy_url: str  # where that copy was fetched (the snapshot's final URL)
    archive_record: str | None


def report_claims(session: Session, article_id: int) -> list[ClaimColumns]:
    """The article's claims in reading order (as ``lookups.article_claims`` orders them)."""
    rows = (
        session.connection()
        .execute(
            sa_select(
                col(Claim.id),
                col(Claim.kind),
                col(Claim.text),
                col(Claim.start),
                col(Claim.end),
                col(Claim.statement),
                col(Claim.statement_is_draft),
                col(Claim.speaker),
            )
            .where(col(Claim.article_id) == article_id)
            .order_by(col(Claim.position))
        )
        .all()
    )
    return [
        ClaimColumns(
            row.id or 0,
            row.kind,
            row.text,
            row.start,
            row.end,
            row.statement,
            row.statement_is_draft,
            row.speaker,
        )
        for row in rows
    ]


def verdict_histories(session: Session, article_id: int) -> dict[int, list[VerdictView]]:
    """Claim id -> its verdicts, oldest first (append-only: the last is current)."""
    rows = (
        session.connection()
        .execute(
            sa_select(*VERDICT_COLUMNS)
            .join(Claim, col(Claim.id) == col(Verdict.claim_id))
            .where(col(Claim.article_id) == article_id)
            .order_by(col(Verdict.id))
        )
        .all()
    )
    found: dict[int, list[VerdictView]] = {}
    for row in rows:
        found.setdefault(row.claim_id, []).append(verdict_view(row))
    return found


def _current_verdict_ids(article_id: int) -> SelectOfScalar[Any]:
    """The ids of the article's current verdicts (each claim's newest), as a subquery."""
    return newest_ids(Verdict.id, Verdict.claim_id, col(Claim.article_id) == article_id).join(
        Claim, col(Claim.id) == col(Verdict.claim_id)
    )


def pinned_passages(session: Session, article_id: int) -> dict[int, PinnedColumns]:
    """Claim id -> the passage of its own evidence that its current verdict pinned."""
    current = _current_verdict_ids(article_id)
    rows = (
        session.connection()
        .execute(
            sa_select(
                col(Evidence.id),
                col(Evidence.claim_id),
                col(Evidence.quote),
                col(Evidence.prefix),
                col(Evidence.suffix),
                col(Evidence.start),
                col(Evidence.end),
                col(Evidence.score),
                col(Evidence.pinned),
                col(Evidence.snapshot_id),
                col(Source.url),
                col(Snapshot.final_url),
                col(Snapshot.archive_record),
            )
            .join(Snapshot, col(Snapshot.id) == col(Evidence.snapshot_id))
            .join(Source, col(Source.id) == col(Snapshot.source_id))
            .join(
                Verdict,
                and_(
                    col(Verdict.evidence_id) == col(Evidence.id),
                    col(Verdict.claim_id) == col(Evidence.claim_id),
                ),
            )
            .where(col(Verdict.id).in_(current))
        )
        .all()
    )
    return {
        row.claim_id: PinnedColumns(
            id=row.id or 0,
            claim_id=row.claim_id,
            quote=row.quote,
            prefix=row.prefix,
            suffix=row.suffix,
            start=row.start,
            end=row.end,
            score=row.score,
            pinned=row.pinned,
            snapshot_id=row.snapshot_id,
            source_url=row.url,
            copy_url=row.final_url,
            archive_record=row.archive_record,
        )
        for row in rows
    }


def pinned_checks(session: Session, article_id: int) -> dict[int, CheckRow]:
    """Evidence id -> the latest re-verification of each passage a current verdict pinned."""
    pinned = select(Verdict.evidence_id).where(
        col(Verdict.id).in_(_current_verdict_ids(article_id)), col(Verdict.evidence_id).is_not(None)
    )
    return latest_check_outcomes(session, pinned)
