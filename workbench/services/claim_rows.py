"""An article's claim list as light rows (words, kind, current verdict label, review state, best
score): one plain SQL statement, read without the ORM on a SQLite file (``Database.read``), so
the TUI draws a 10,000-claim table before SQLAlchemy and the models are loaded. A claim's full
view (evidence, verdict) is read the same way by ``services/claim_details.py``."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.domain import ReviewState
from workbench.services.staleness import CheckRow, review_state
from workbench.storage.database import as_utc

if TYPE_CHECKING:
    from sqlmodel import Session

    from workbench.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One line of an article's claim list: the claim's words, kind, current verdict label, review
    state and best evidence score, without the evidence itself (``claim_details.read_claim_views`` has it all)."""

    id: int
    kind: str
    text: str
    statement: str
    label: str | None  # the current verdict's, None when unchecked
    state: ReviewState
    best: float | None  # the top evidence score, None when there is no evidence
    verdict_id: int | None = None  # the current verdict's (verdicts are append-only: newer is higher)


# Each claim's current verdict (the newest: verdicts are append-only) and the latest check of the
# evidence that verdict pinned: the joins of every statement that needs a claim's review state
# (this list, and the full views of services/claim_details.py), written once.
CURRENT_VERDICT_JOINS = """
LEFT JOIN verdict AS v ON v.id = (SELECT max(n.id) FROM verdict AS n WHERE n.claim_id = c.id)
LEFT JOIN evidence_check AS k ON k.id = (
    SELECT max(m.id) FROM evidence_check AS m WHERE m.evidence_id = v.evidence_id)
"""

# An article's claims as rows: each claim's words, its best evidence score, its current verdict
# and review state (``CURRENT_VERDICT_JOINS``). One plain statement over the tables of
# storage/models.py, run on a session's connection or by ``Database.read`` (no ORM: on a SQLite
# file, the standard library's sqlite3), so the two give the same rows
# (tests/test_read_path.py). ``{joins}``: ``CURRENT_VERDICT_JOINS``; ``{only}``: an optional
# ``AND c.id IN (...)``.
CLAIM_ROWS_SQL = """
SELECT c.id, c.kind, c.text, c.statement,
       (SELECT max(e.score) FROM evidence AS e WHERE e.claim_id = c.id),
       v.id, v.label, v.created_at, k.status, k.verdict_id, k.checked_at
FROM claim AS c{joins}WHERE c.article_id = :article_id{only}
ORDER BY c.position, c.id
"""


def id_list(name: str, ids: Collection[int]) -> tuple[str, dict[str, Any]]:
    """``ids`` as the parameters of an ``IN (...)`` list: its text (``:name0, :name1, ...``, or
    ``NULL`` for none: no row matches) and the parameters."""
    names = [f"{name}{i}" for i in range(len(ids))]
    return ", ".join(f":{n}" for n in names) or "NULL", dict(zip(names, ids, strict=True))


def _claim_rows_query(article_id: int, only: Collection[int] | None) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {"article_id": article_id}
    if only is None:
        return CLAIM_ROWS_SQL.format(joins=CURRENT_VERDICT_JOINS, only=""), params
    listed, listed_params = id_list("only", only)
    only_these = f" AND c.id IN ({listed})"
    return CLAIM_ROWS_SQL.format(joins=CURRENT_VERDICT_JOINS, only=only_these), params | listed_params


def row_review_state(
    verdict_id: int | None, created_at: Any, status: str | None, checked_for: int | None, checked_at: Any
) -> ReviewState:
    """The review state from the columns ``CURRENT_VERDICT_JOINS`` gives (the verdict's id and
    time, the latest check's status, verdict and time); timestamps are read only when the rule
    may need them (a check of the verdict's evidence)."""
    check = CheckRow(status, checked_for, as_utc(checked_at)) if status is not None else None
    created = as_utc(created_at) if check is not None else None
    return review_state(verdict_id, created, check)


def _claim_row(values: Sequence[Any]) -> ClaimRow:
    """A row of :data:`CLAIM_ROWS_SQL` as a :class:`ClaimRow`."""
    claim_id, kind, text, statement, best, verdict_id, label, created_at, status, checked_for, checked_at = (
        values
    )
    state = row_review_state(verdict_id, created_at, status, checked_for, checked_at)
    return ClaimRow(claim_id, kind, text, statement, label, state, best, verdict_id)


def claim_rows(session: Session, article_id: int, only: Collection[int] | None = None) -> list[ClaimRow]:
    """The article's claims as rows, in reading order (``only``: just these claim ids), read in
    ``session``: one query of plain columns whatever the article's size."""
    from sqlalchemy import text

    statement, params = _claim_rows_query(article_id, only)
    return [_claim_row(values) for values in session.connection().execute(text(statement), params).all()]


def list_claim_rows(ws: Workspace, article_id: int, only: Collection[int] | None = None) -> list[ClaimRow]:
    """:func:`claim_rows` without a session: the same statement through ``Database.read`` (on a
    SQLite file, no SQLAlchemy and no ORM: a 10,000-claim article's list in ~0.1 s)."""
    statement, params = _claim_rows_query(article_id, only)
    return [_claim_row(values) for values in ws.db.read(statement, params)]
