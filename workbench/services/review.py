"""Reviewing re-verified claims: each judged claim's pinned passage beside where it is now
(:func:`review_items`), and keeping a verdict against the new place (:func:`confirm_verdict`).
Re-verification itself (fetching again, re-anchoring, the checks) is ``services/reverify.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Executable, Row
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from workbench.anchoring import reanchor_quote
from workbench.services.lookups import latest_checks, resolve_article, review_state
from workbench.services.reverify import pinned_selector
from workbench.services.verdicts import append_verdict, claim_view, current_verdicts, pin_passage
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import Claim, Evidence, EvidenceCheck, Snapshot, Source
from workbench.storage.queries import newest_ids


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A judged claim whose pinned evidence was re-checked: the old passage and the new one."""

    claim_id: int
    claim_text: str
    verdict_id: int
    label: str
    rationale: str
    state: str
    status: str  # the latest check: intact, moved, edited, orphaned, gone
    source_url: str
    old_quote: str
    old_prefix: str
    old_suffix: str
    old_fetched_at: datetime
    new_quote: str | None
    new_prefix: str
    new_suffix: str
    new_fetched_at: datetime | None
    score: float
    detail: dict[str, Any]
    checked_at: datetime


def review_items(ws: Workspace, ref: str | int) -> list[ReviewItem]:
    """Every judged claim of the article whose pinned evidence has been re-checked, stale first.

    A fixed number of queries whatever the article's size (one per table, and one text per new
    snapshot that a located quote is in): a 10,000-claim article once cost 18,000 queries here."""
    from workbench.services.matching import selector_for

    with ws.db.session() as session:
        article = resolve_article(session, ref)
        claims = session.exec(  # the words of each claim, in reading order
            select(Claim.id, Claim.text)
            .where(Claim.article_id == article.id)
            .order_by(col(Claim.position), col(Claim.id))
        ).all()
        verdicts = current_verdicts(session, select(col(Claim.id)).where(Claim.article_id == article.id))
        pinned = sorted({v.evidence_id for v in verdicts.values() if v.evidence_id is not None})
        checks = _latest_check_rows(session, pinned)
        evidence = {
            row.id: row
            for row in _column_rows(
                session,
                sa_select(
                    col(Evidence.id),
                    col(Evidence.snapshot_id),
                    col(Evidence.quote),
                    col(Evidence.prefix),
                    col(Evidence.suffix),
                ).where(col(Evidence.id).in_(list(checks))),
            )
        }
        snapshot_ids = {e.snapshot_id for e in evidence.values()}
        snapshot_ids |= {c.snapshot_id for c in checks.values() if c.snapshot_id is not None}
        snapshots = {  # when each copy was fetched, and whose it is: never its text
            row.id: row
            for row in _column_rows(
                session,
                sa_select(col(Snapshot.id), col(Snapshot.source_id), col(Snapshot.fetched_at)).where(
                    col(Snapshot.id).in_(sorted(snapshot_ids))
                ),
            )
        }
        urls = dict(
            session.exec(
                select(Source.id, Source.url).where(
                    col(Source.id).in_(sorted({s.source_id for s in snapshots.values()}))
                )
            ).all()
        )
        located_in = {
            c.snapshot_id for c in checks.values() if c.snapshot_id is not None and c.start is not None
        }
        texts = dict(
            session.exec(
                select(Snapshot.id, Snapshot.text).where(col(Snapshot.id).in_(sorted(located_in)))
            ).all()
        )
    items: list[ReviewItem] = []
    for claim_id, claim_text in claims:
        verdict = verdicts.get(claim_id or 0)
        if verdict is None or verdict.evidence_id is None or verdict.evidence_id not in checks:
            continue
        check = checks[verdict.evidence_id]
        state = review_state(verdict.id, verdict.created_at, check)  # the one rule (lookups.py)
        pinned_row = evidence.get(verdict.evidence_id)
        old = snapshots.get(pinned_row.snapshot_id) if pinned_row is not None else None
        if pinned_row is None or old is None:
            continue
        new = snapshots.get(check.snapshot_id) if check.snapshot_id is not None else None
        new_text = texts.get(check.snapshot_id) if check.snapshot_id is not None else None
        located = new_text is not None and check.start is not None and check.end is not None
        new_quote, new_prefix, new_suffix = (
            selector_for(new_text, check.start or 0, check.end or 0)
            if new_text is not None and located
            else ("", "", "")
        )
        items.append(
            ReviewItem(
                claim_id=claim_id or 0,
                claim_text=claim_text,
                verdict_id=verdict.id,
                label=verdict.label,
                rationale=verdict.rationale,
                state=str(state),
                status=check.status,
                source_url=urls.get(old.source_id, ""),
                old_quote=pinned_row.quote,
                old_prefix=pinned_row.prefix,
                old_suffix=pinned_row.suffix,
                old_fetched_at=old.fetched_at,
                new_quote=new_quote if located else None,
                new_prefix=new_prefix,
                new_suffix=new_suffix,
                new_fetched_at=new.fetched_at if new is not None else None,
                score=check.score,
                detail=dict(check.detail),
                checked_at=check.checked_at,
            )
        )
    order = {"stale": 0, "checked": 1, "unchecked": 2}
    return sorted(items, key=lambda item: order.get(item.state, 3))


def _column_rows(session: Session, statement: Executable) -> Sequence[Row[Any]]:
    return session.connection().execute(statement).all()


def _latest_check_rows(session: Session, evidence_ids: list[int]) -> dict[int, Row[Any]]:
    """The latest check of each evidence id, as the columns a review item shows."""
    if not evidence_ids:
        return {}
    newest = newest_ids(
        EvidenceCheck.id, EvidenceCheck.evidence_id, col(EvidenceCheck.evidence_id).in_(evidence_ids)
    )
    statement = sa_select(
        *(col(c) for c in (EvidenceCheck.evidence_id, EvidenceCheck.status, EvidenceCheck.snapshot_id)),
        *(col(c) for c in (EvidenceCheck.start, EvidenceCheck.end, EvidenceCheck.score)),
        col(EvidenceCheck.verdict_id),
        col(EvidenceCheck.detail),
        col(EvidenceCheck.checked_at),
    ).where(col(EvidenceCheck.id).in_(newest))
    return {row.evidence_id: row for row in _column_rows(session, statement)}


def confirm_verdict(
    ws: Workspace, claim_id: int, *, expected_verdict_id: int | None = None, checker: str | None = None
) -> int:
    """Keep the current verdict after re-verification: record it again (verdicts are append-only),
    pinned to the quote's new place. ``expected_verdict_id`` is the verdict the checker saw: if
    another checker recorded a newer one meanwhile, nothing is recorded. A quote that is no longer
    in the source (orphaned, gone) cannot be confirmed: the checker re-opens the claim instead, or,
    for a gone page, first fetches a web archive's copy where the quote is found again.
    Returns the new verdict's id."""
    with ws.db.session() as session:  # one transaction: the new pin and the verdict, or neither
        view = claim_view(session, claim_id)
        verdict = view.verdict
        if verdict is None or verdict.evidence_id is None:
            raise NotFound(f"claim {claim_id} has no verdict with pinned evidence to confirm")
        if expected_verdict_id is not None and verdict.id != expected_verdict_id:
            raise ValueError(
                f"claim {claim_id} has a newer verdict ({verdict.id}) than the one shown; look again"
            )
        check = latest_checks(session, [verdict.evidence_id]).get(verdict.evidence_id)
        if check is None:
            raise NotFound(f"claim {claim_id}'s evidence has not been re-verified")
        evidence = session.get(Evidence, verdict.evidence_id)
        place = _archived_place(session, evidence) if check.status == "gone" and evidence else None
        if check.snapshot_id is not None and check.start is not None and check.end is not None:
            place = (check.snapshot_id, check.start, check.end, check.score)
        if place is None:
            hint = "fetch an archived copy first, or re-open it" if check.status == "gone" else "re-open it"
            raise ValueError(
                f"claim {claim_id}: the quote is {check.status}; nothing to confirm against ({hint})"
            )
        snapshot_id, start, end, score = place
        evidence_id = pin_passage(session, claim_id, snapshot_id, start, end, score=score)
        note = f"confirmed after re-verification ({check.status})"
        rationale = f"{verdict.rationale} — {note}" if verdict.rationale else note
        return append_verdict(
            session, claim_id, verdict.label, rationale=rationale, evidence=evidence_id, checker=checker
        ).id


def _archived_place(session: Session, evidence: Evidence) -> tuple[int, int, int, float] | None:
    """Where the quote is in the newest web-archive copy of its source, if it is found there."""
    old = session.get(Snapshot, evidence.snapshot_id)
    if old is None:
        return None
    copy = session.exec(
        select(Snapshot)
        .where(Snapshot.source_id == old.source_id, col(Snapshot.archive_name).is_not(None))
        .order_by(col(Snapshot.id).desc())
    ).first()
    if copy is None:
        return None
    found = reanchor_quote(pinned_selector(session, evidence), copy.text)
    if found.start is None or found.end is None or found.status == "orphaned":
        return None
    return copy.id or 0, found.start, found.end, float(found.score)
