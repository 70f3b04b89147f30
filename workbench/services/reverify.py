"""Re-verification: re-fetch sources, re-locate every pinned quote, flag what needs review.

Source outcomes: unchanged (304 or the same payload), changed, unreachable
(DNS, connection, timeout: nothing changes, the last snapshot stays), gone (404/410), error.
Pinned evidence in a changed text is re-anchored (intact, moved, edited, orphaned); in a gone
source it is "gone". Checks are appended; evidence and verdict rows are never edited.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Executable, Row
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from workbench import settings
from workbench.anchoring import TextQuoteSelector, reanchor_quote
from workbench.domain import FetchOutcome
from workbench.services.fetching import SourceFetchReport, fetch_sources
from workbench.services.lookups import (
    NEEDS_REVIEW,
    evidence_source_ids,
    latest_checks,
    own_source_ids,
    resolve_article,
    review_state,
)
from workbench.services.verdicts import (
    append_verdict,
    claim_rows,
    claim_view,
    current_verdicts,
    pin_passage,
)
from workbench.services.workspace import NotFound, Workspace
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
    current = select(func.max(Verdict.id)).group_by(col(Verdict.claim_id))
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
    selector = _pinned_selector(session, evidence)
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


def _pinned_selector(session: Session, evidence: Evidence) -> TextQuoteSelector:
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
    newest = (
        select(func.max(EvidenceCheck.id))
        .where(col(EvidenceCheck.evidence_id).in_(evidence_ids))
        .group_by(col(EvidenceCheck.evidence_id))
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
    found = reanchor_quote(_pinned_selector(session, evidence), copy.text)
    if found.start is None or found.end is None or found.status == "orphaned":
        return None
    return copy.id or 0, found.start, found.end, float(found.score)
