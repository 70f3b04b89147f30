"""The review-state rule: when a judged claim needs review again. No database library here:
the claim list reads its rows without the ORM (``services/claim_rows.py``) and applies this rule
as every other reader does (``lookups`` re-exports it)."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple, Protocol

from workbench.domain import ReviewState

# Evidence statuses after which a verdict resting on that evidence needs review again.
NEEDS_REVIEW = frozenset({"edited", "orphaned", "gone"})


class CheckRow(NamedTuple):
    """The columns of an evidence check the review-state rule reads."""

    status: str
    verdict_id: int | None
    checked_at: datetime


class CheckOutcome(Protocol):
    """What the review-state rule reads of an evidence check (an ``EvidenceCheck``, or a row of
    these columns)."""

    @property
    def status(self) -> str: ...
    @property
    def verdict_id(self) -> int | None: ...
    @property
    def checked_at(self) -> datetime: ...


def review_state(
    verdict_id: int | None, verdict_created_at: datetime | None, check: CheckOutcome | None
) -> ReviewState:
    """The one rule for a claim's review state, from its current verdict (None: unchecked) and
    the latest check of the evidence that verdict pinned: stale when that check, made against
    this verdict or a later one, found the quote edited, orphaned or its source gone.

    Checks name the verdict they were made against (ids, not the clocks of two machines, decide
    "after"); only checks from before that column existed compare timestamps."""
    if verdict_id is None:
        return ReviewState.UNCHECKED
    if check is None or check.status not in NEEDS_REVIEW:
        return ReviewState.CHECKED
    if check.verdict_id is not None:
        after = check.verdict_id >= verdict_id
    else:
        after = verdict_created_at is not None and check.checked_at >= verdict_created_at
    return ReviewState.STALE if after else ReviewState.CHECKED
