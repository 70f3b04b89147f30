"""A claim as a checker sees it in full: its stored facts, current verdict, review state and
evidence (each passage with the copy it was read from). The view types, and their read in two
plain SQL statements (the claims with their verdicts, then their evidence) run by
``Database.read`` (on a SQLite file the standard library's sqlite3: no SQLAlchemy, no ORM) or on
a session's connection, so the TUI shows a claim's detail before the models are loaded and
``verdicts.claim_views`` gives the same views inside a transaction (tests/test_read_path.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from workbench.domain import ReviewState
from workbench.provenance import SnapshotProvenance
from workbench.services.claim_rows import CURRENT_VERDICT_JOINS, id_list, row_review_state
from workbench.storage.database import as_utc

if TYPE_CHECKING:
    from sqlmodel import Session

    from workbench.services.workspace import Workspace
    from workbench.storage.models import Claim

Read = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]
"""Runs one plain statement with its parameters: ``Database.read``, or :func:`session_read`."""


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """A claim's stored columns, as the ``Claim`` model has them (what a view shows of it)."""

    id: int
    article_id: int
    start: int
    end: int
    text: str
    statement: str
    statement_is_draft: bool
    kind: str
    speaker: str | None
    numbers: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    score: int
    reasons: list[str]
    origin: str
    edited: bool
    position: int
    created_at: datetime

    @classmethod
    def of(cls, claim: Claim) -> ClaimFacts:
        """The facts of a model object (as a session holds it, flushed or not)."""
        return cls(
            claim.id or 0,
            claim.article_id,
            claim.start,
            claim.end,
            claim.text,
            claim.statement,
            claim.statement_is_draft,
            claim.kind,
            claim.speaker,
            list(claim.numbers),
            list(claim.dates),
            claim.score,
            list(claim.reasons),
            claim.origin,
            claim.edited,
            claim.position,
            claim.created_at,
        )


@dataclass(frozen=True, slots=True)
class EvidenceView:
    id: int
    score: float
    quote: str
    prefix: str
    suffix: str
    source_url: str
    snapshot_id: int
    fetched_at: datetime
    start: int
    end: int
    pinned: bool
    parts: dict[str, Any]
    snapshot: SnapshotProvenance

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": self.score,
            "quote": self.quote,
            "source_url": self.source_url,
            "snapshot": self.snapshot.as_json(),
        }


@dataclass(frozen=True, slots=True)
class VerdictView:
    id: int
    label: str
    rationale: str
    checker: str
    created_at: datetime
    evidence_id: int | None


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: ClaimFacts
    verdict: VerdictView | None
    state: ReviewState
    evidence: list[EvidenceView] = field(default_factory=list)

    @property
    def best(self) -> EvidenceView | None:
        """The top-scoring evidence, pinned or not."""
        return max(self.evidence, key=lambda e: e.score) if self.evidence else None

    def as_json(self) -> dict[str, Any]:
        c = self.claim
        best = self.best
        return {
            "id": c.id,
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "statement": c.statement,
            "kind": c.kind,
            "verdict": self.verdict.label if self.verdict else None,
            "state": str(self.state),
            "best_evidence": best.as_json() if best else None,
        }


# The claims a condition on ``c`` selects (``{where}``) with their current verdict and the columns
# of its review state (``{joins}``: ``CURRENT_VERDICT_JOINS``, as the claim list reads them), in
# reading order.
CLAIM_VIEWS_SQL = """
SELECT c.id, c.article_id, c.start, c."end", c.text, c.statement, c.statement_is_draft, c.kind,
       c.speaker, c.numbers, c.dates, c.score, c.reasons, c.origin, c.edited, c.position, c.created_at,
       v.id, v.label, v.rationale, v.checker, v.created_at, v.evidence_id,
       k.status, k.verdict_id, k.checked_at
FROM claim AS c{joins}WHERE {where}
ORDER BY c.position, c.id
"""

# The evidence of the claims ``{where}`` selects, best first, with its source's URL and the columns that say which
# copy of the source it was read from (``SnapshotProvenance``; a page's text is never read).
EVIDENCE_VIEWS_SQL = """
SELECT e.id, e.claim_id, e.score, e.quote, e.prefix, e.suffix, e.snapshot_id, e.start, e."end",
       e.pinned, e.parts, r.url, s.fetched_at, s.archive_name, s.memento_datetime, s.payload_sha256
FROM evidence AS e
JOIN snapshot AS s ON s.id = e.snapshot_id
JOIN source AS r ON r.id = s.source_id
WHERE e.claim_id IN (SELECT c.id FROM claim AS c WHERE {where})
ORDER BY e.score DESC, e.id
"""

# Conditions for those statements (parameter ``:article_id``): every claim of an article, and
# those of its claims no verdict was ever recorded for (what suggestions are for).
OF_ARTICLE = "c.article_id = :article_id"
UNJUDGED_OF_ARTICLE = (
    "c.article_id = :article_id AND NOT EXISTS (SELECT 1 FROM verdict AS j WHERE j.claim_id = c.id)"
)


def _json(value: Any) -> Any:
    """A JSON column's value: SQLite gives its text, PostgreSQL's driver the value itself."""
    return json.loads(value) if isinstance(value, str) else value


class _Copy(NamedTuple):  # the snapshot columns SnapshotProvenance.of reads
    fetched_at: datetime
    archive_name: str | None
    memento_datetime: datetime | None
    payload_sha256: str


def _evidence(rows: Sequence[Sequence[Any]]) -> dict[int, list[EvidenceView]]:
    found: dict[int, list[EvidenceView]] = {}
    copies: dict[int, SnapshotProvenance] = {}
    for row in rows:
        evidence_id, claim_id, score, quote, prefix, suffix, snapshot_id, start, end, pinned, parts = row[:11]
        url, fetched_at, archive, memento, sha256 = row[11:]
        copy = copies.get(snapshot_id)
        if copy is None:
            fetched = as_utc(fetched_at)
            copy = SnapshotProvenance.of(
                _Copy(fetched, archive, as_utc(memento) if memento is not None else None, sha256)
            )
            copies[snapshot_id] = copy
        found.setdefault(claim_id, []).append(
            EvidenceView(
                evidence_id,
                score,
                quote,
                prefix,
                suffix,
                url,
                snapshot_id,
                copy.fetched_at,
                start,
                end,
                bool(pinned),
                dict(_json(parts)),
                copy,
            )
        )
    return found


def _facts(values: Sequence[Any]) -> ClaimFacts:
    claim_id, article_id, start, end, text, statement, draft, kind, speaker = values[:9]
    numbers, dates, score, reasons, origin, edited, position, created_at = values[9:17]
    return ClaimFacts(
        claim_id,
        article_id,
        start,
        end,
        text,
        statement,
        bool(draft),
        kind,
        speaker,
        _json(numbers),
        _json(dates),
        score,
        _json(reasons),
        origin,
        bool(edited),
        position,
        as_utc(created_at),
    )


def claim_views_where(
    read: Read, where: str, params: Mapping[str, Any], facts: Sequence[ClaimFacts] | None = None
) -> list[ClaimView]:
    """The views of the claims ``where`` (a condition on ``c``, such as :data:`OF_ARTICLE`)
    selects, in reading order, through ``read``: two statements whatever their number. With
    ``facts`` (the claims as the caller holds them), their views in that order, from those facts."""
    rows = read(CLAIM_VIEWS_SQL.format(joins=CURRENT_VERDICT_JOINS, where=where), params)
    evidence = _evidence(read(EVIDENCE_VIEWS_SQL.format(where=where), params)) if rows else {}
    given = {f.id: f for f in facts or ()}
    views: dict[int, ClaimView] = {}
    for values in rows:
        verdict_id, label, rationale, checker, created_at, pinned_id, status, checked_for, checked_at = (
            values[17:]
        )
        claim = given.get(values[0]) or _facts(values)
        verdict = None
        if verdict_id is not None:
            verdict = VerdictView(verdict_id, label, rationale, checker, as_utc(created_at), pinned_id)
        state = row_review_state(verdict_id, created_at, status, checked_for, checked_at)
        views[claim.id] = ClaimView(claim, verdict, state, evidence.get(claim.id, []))
    return list(views.values()) if facts is None else [views[f.id] for f in facts if f.id in views]


def claim_views_read(
    read: Read, claim_ids: Collection[int], facts: Sequence[ClaimFacts] | None = None
) -> list[ClaimView]:
    """The views of ``claim_ids`` (those that exist), in reading order, through ``read``; with
    ``facts`` (the claims as the caller holds them), their views in that order, from those facts."""
    ids = list(claim_ids)
    if not ids:
        return []
    listed, params = id_list("id", ids)
    return claim_views_where(read, f"c.id IN ({listed})", params, facts)


def session_read(session: Session) -> Read:
    """``read`` for :func:`claim_views_read` inside ``session``'s transaction."""
    from sqlalchemy import text

    def read(statement: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return session.connection().execute(text(statement), dict(params)).all()

    return read


def read_claim_views(ws: Workspace, claim_ids: Collection[int]) -> list[ClaimView]:
    """The views of ``claim_ids`` (those that exist), in reading order, without a session (on a
    SQLite file, without SQLAlchemy and the models); the claims and their evidence are read in
    one read transaction, so a match committing meanwhile cannot pair one with the other's rows."""
    with ws.db.reading() as read:
        return claim_views_read(read, claim_ids)
