"""Re-verification: re-fetch sources, re-locate every pinned quote, flag what needs review.

Source outcomes: unchanged (304 or the same payload), changed, unreachable
(DNS, connection, timeout: nothing changes, the last snapshot stays), gone (404/410), error.
Pinned evidence in a changed text is re-anchored (intact, moved, edited, orphaned); in a gone
source it is "gone". Checks are appended; evidence and verdict rows are never edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from workbench import settings
from workbench.anchoring import TextQuoteSelector, reanchor_quote
from workbench.domain import FetchOutcome
from workbench.services.fetching import SourceFetchReport, fetch_sources
from workbench.services.lookups import (
    NEEDS_REVIEW,
    evidence_source_ids,
    own_source_ids,
    resolve_article,
)
from workbench.services.verdicts import (
    claim_rows,
)
from workbench.services.workspace import Workspace
from workbench.storage.models import (
    Claim,
    Evidence,
    EvidenceCheck,
    ReverifyRun,
    Snapshot,
    Source,
    SourceCheck,
    Verdict,
)
from workbench.storage.queries import newest_ids


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    source_id: int
    url: str
    outcome: str  # unchanged, changed, unreachable, gone, error
    error: str | None = None


@dataclass(frozen=True, slots=True)
class EvidenceOutcome:
    claim_id: int
    evidence_id: int
    status: str  # intact, moved, edited, orphaned, gone
    score: float = 0.0


@dataclass
class ReverifyReport:
    run_id: int
    sources: list[SourceOutcome] = field(default_factory=list)
    evidence: list[EvidenceOutcome] = field(default_factory=list)
    stale: int = 0

    @property
    def exit_code(self) -> int:
        """1 when something needs review (whatever else happened), else 3 when a source could
        not be re-checked (unreachable, or its page failed), else 0. 2 is left to the CLI's
        "could not run at all" (bad input, database error), so a case with an offline source
        can still say "something to review"."""
        if self.stale or any(e.status in NEEDS_REVIEW for e in self.evidence):
            return 1
        if any(s.outcome in ("unreachable", "error") for s in self.sources):
            return 3
        return 0

    def as_json(self) -> dict[str, Any]:
        return {
            "sources": [{"url": s.url, "outcome": s.outcome} for s in self.sources],
            "evidence": [
                {"claim_id": e.claim_id, "evidence_id": e.evidence_id, "status": e.status}
                for e in self.evidence
            ],
            "stale": self.stale,
        }


def source_outcome(report: SourceFetchReport) -> str:
    if report.outcome == FetchOutcome.NOT_MODIFIED:
        return "unchanged"
    if report.outcome == FetchOutcome.OK:
        return "changed" if report.new_snapshot else "unchanged"
    if report.outcome == FetchOutcome.GONE:
        return "gone"
    if report.outcome == FetchOutcome.UNREACHABLE:
        return "unreachable"
    return "error"


def _scope_sources(session: Session, ref: str | int | None) -> tuple[str, list[Source]]:
    query = select(Source).order_by(col(Source.id))
    scope = "all"
    if ref is not None:
        article = resolve_article(session, ref)
        scope = str(article.id)
        query = query.where(
            col(Source.id).in_(own_source_ids(article.id))
            | col(Source.id).in_(evidence_source_ids(article.id))
        )
    return scope, list(session.exec(query).all())


def reverify(
    ws: Workspace,
    ref: str | int | None = None,
    *,
    checker: str | None = None,
    progress: Callable[[SourceFetchReport], None] | None = None,
) -> ReverifyReport:
    """Re-fetch every source of ``ref`` (or of every article), record each outcome, and re-anchor
    the pinned evidence of changed and gone sources."""
    with ws.db.session() as session:
        scope, sources = _scope_sources(session, ref)
        run = ReverifyRun(scope=scope, checker=settings.checker_name(checker))
        session.add(run)
        session.flush()
        run_id = run.id or 0
    fetches = fetch_sources(ws, sources, progress=progress)
    report = ReverifyReport(run_id=run_id)
    with ws.db.session() as session:
        for source, fetched in zip(sources, fetches, strict=True):
            outcome = source_outcome(fetched)
            report.sources.append(SourceOutcome(source.id or 0, source.url, outcome, fetched.error))
            session.add(
                SourceCheck(
                    run_id=run_id,
                    source_id=source.id or 0,
                    outcome=outcome,
                    snapshot_id=fetched.snapshot_id,
                    error=fetched.error,
                )
            )
            if outcome in ("unreachable", "error"):
                continue  # could not re-check: keep every state as it was
            report.evidence += _check_pinned(session, run_id, source.id or 0, outcome, fetched.snapshot_id)
        finished = session.get(ReverifyRun, run_id)
        if finished is not None:
            finished.finished_at = datetime.now(UTC)
            session.add(finished)
    claim_ids = {e.claim_id for e in report.evidence}
    report.stale = count_stale(ws, ref) if ref is not None else count_stale(ws, None, claim_ids)
    return report


def _check_pinned(
    session: Session, run_id: int, source_id: int, outcome: str, latest_id: int | None
) -> list[EvidenceOutcome]:
    # only the evidence current verdicts rest on: a passage pinned by a verdict that a newer one
    # replaced is history, and checking it would flag the claim on every run
    current = newest_ids(Verdict.id, Verdict.claim_id)
    rows = session.exec(
        select(Evidence, Verdict.id)
        .join(Snapshot, col(Snapshot.id) == col(Evidence.snapshot_id))
        .join(Verdict, col(Verdict.evidence_id) == col(Evidence.id))
        .where(Snapshot.source_id == source_id, col(Verdict.id).in_(current))
        .order_by(col(Evidence.id))
    ).all()
    latest = session.get(Snapshot, latest_id) if latest_id else None
    results = []
    for evidence, verdict_id in rows:
        check = _locate(evidence, latest, outcome, session)
        check.run_id = run_id
        check.verdict_id = verdict_id  # the verdict this check can make stale
        session.add(check)
        results.append(EvidenceOutcome(evidence.claim_id, evidence.id or 0, check.status, check.score))
    return results


def _locate(evidence: Evidence, latest: Snapshot | None, outcome: str, session: Session) -> EvidenceCheck:
    base: dict[str, Any] = {"evidence_id": evidence.id or 0, "claim_id": evidence.claim_id, "run_id": 0}
    if outcome == "gone" or latest is None:
        return EvidenceCheck(**base, status="gone", detail={"reason": "the source answered 404/410"})
    if latest.id == evidence.snapshot_id:
        return EvidenceCheck(
            **base,
            status="intact",
            snapshot_id=latest.id,
            start=evidence.start,
            end=evidence.end,
            quote=evidence.quote,
            score=100.0,
            detail={"reason": "same snapshot"},
        )
    previous = _last_place(session, evidence)
    selector = pinned_selector(session, evidence)
    selector.start, selector.end = previous
    found = reanchor_quote(selector, latest.text)
    located = found.start is not None and found.end is not None
    return EvidenceCheck(
        **base,
        status=found.status,
        snapshot_id=latest.id,
        start=found.start,
        end=found.end,
        quote=latest.text[found.start : found.end] if located else None,
        score=float(found.score),
        detail={"diff": found.diff, "distance": found.distance, "reason": found.reason},
    )


def pinned_selector(session: Session, evidence: Evidence) -> TextQuoteSelector:
    """The evidence's stored selector, with the quote's whole own sentence from the snapshot it was
    pinned in (snapshots are kept): it tells a corrected figure from another figure in a sentence
    of the same shape, which the ~32 characters of context cannot."""
    selector = TextQuoteSelector(
        evidence.quote, evidence.prefix, evidence.suffix, evidence.start, evidence.end
    )
    pinned = session.get(Snapshot, evidence.snapshot_id)  # one load per snapshot in a session
    return selector if pinned is None else selector.with_sentence(pinned.text, evidence.start, evidence.end)


def _last_place(session: Session, evidence: Evidence) -> tuple[int, int]:
    """Where the quote was last seen: the latest located check, else where it was pinned."""
    check = session.exec(
        select(EvidenceCheck)
        .where(EvidenceCheck.evidence_id == evidence.id, col(EvidenceCheck.start).is_not(None))
        .order_by(col(EvidenceCheck.id).desc())
    ).first()
    if check is not None and check.start is not None and check.end is not None:
        return check.start, check.end
    return evidence.start, evidence.end


def count_stale(ws: Workspace, ref: str | int | None, claim_ids: set[int] | None = None) -> int:
    """How many claims of ``ref`` (or, without one, of ``claim_ids``, or of every article) are stale."""
    from workbench.domain import ReviewState

    with ws.db.session() as session:
        scopes: list[tuple[int, set[int] | None]]
        if ref is not None:
            scopes = [(resolve_article(session, ref).id or 0, None)]
        else:
            query = select(Claim.article_id).distinct()
            if claim_ids is not None:
                query = query.where(col(Claim.id).in_(list(claim_ids)))
            scopes = [(article_id, claim_ids) for article_id in session.exec(query).all()]
        return sum(
            1
            for article_id, only in scopes
            for row in claim_rows(session, article_id, only)
            if row.state == ReviewState.STALE
        )
