"""The audit trail of claims: who changed a claim, when, and how (``claim_edit`` rows), and which
claims carry a history that re-extraction must keep.

A row's ``claim_id`` becomes NULL when its claim is deleted (a hand delete, a merge, a claim
re-extraction removed), so every row also keeps the id in ``detail["claim_id"]``
(:func:`record_edit`), and :func:`claim_history` looks there too: the history of a removed claim
stays readable, its before-state included.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import Claim, ClaimEdit, Evidence, EvidenceCheck, Verdict

# Actions written by re-extraction itself: they record what the machine did, and unlike a
# checker's edits they do not make a claim worth keeping.
REEXTRACT_ACTIONS = ("reextract-remove", "reextract-update")


@dataclass(frozen=True, slots=True)
class EditRecord:
    id: int
    claim_id: int | None
    article_id: int
    action: str
    detail: dict[str, Any]
    editor: str
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "action": self.action,
            "detail": self.detail,
            "editor": self.editor,
            "created_at": self.created_at.isoformat(),
        }


def claim_json(claim: Claim) -> dict[str, Any]:
    """A claim as the editing commands print it (README: ``claims edit --json``)."""
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "statement": claim.statement,
        "statement_is_draft": claim.statement_is_draft,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "numbers": claim.numbers,
        "dates": claim.dates,
        "origin": claim.origin,
        "edited": claim.edited,
        "position": claim.position,
    }


def claim_state(claim: Claim) -> dict[str, Any]:
    """Every field of a claim a person or the extractor set: the before-state kept in the history
    of a claim that is removed, so nothing of it is lost. (The article is the audit row's own.)"""
    state = {name: value for name, value in claim_json(claim).items() if name != "article_id"}
    return state | {"score": claim.score, "reasons": list(claim.reasons)}


def record_edit(
    session: Session, article_id: int, claim_id: int | None, action: str, detail: dict[str, Any], editor: str
) -> None:
    """Append an audit row. ``detail`` gains ``claim_id``, which outlives the row's foreign key."""
    session.add(
        ClaimEdit(
            article_id=article_id,
            claim_id=claim_id,
            action=action,
            detail={"claim_id": claim_id, **detail},
            editor=editor,
        )
    )


def claims_with_history(session: Session, claim_ids: Collection[int]) -> set[int]:
    """Those of ``claim_ids`` that carry a checker's work: a verdict, a hand edit (audit rows other
    than re-extraction's own), pinned evidence or a re-verification of it. Re-extraction keeps them.
    (The ``edited`` flag and ``origin="manual"`` are read from the claim row itself.)"""
    ids = list(claim_ids)
    if not ids:
        return set()
    found: set[int] = set()
    found.update(session.exec(select(Verdict.claim_id).where(col(Verdict.claim_id).in_(ids))).all())
    found.update(
        session.exec(
            select(Evidence.claim_id).where(col(Evidence.claim_id).in_(ids), col(Evidence.pinned).is_(True))
        ).all()
    )
    found.update(
        session.exec(select(EvidenceCheck.claim_id).where(col(EvidenceCheck.claim_id).in_(ids))).all()
    )
    hand_edits = select(ClaimEdit.claim_id).where(
        col(ClaimEdit.claim_id).in_(ids), col(ClaimEdit.action).not_in(REEXTRACT_ACTIONS)
    )
    found.update(i for i in session.exec(hand_edits).all() if i is not None)
    return found


def claim_history(ws: Workspace, claim_id: int) -> list[EditRecord]:
    """Every recorded change of a claim, oldest first, including those of a claim deleted, merged
    away or removed by re-extraction (whose rows keep the id in ``detail["claim_id"]``)."""
    with ws.db.session() as session:
        claim = session.get(Claim, claim_id)
        rows = list(session.exec(select(ClaimEdit).where(ClaimEdit.claim_id == claim_id)).all())
        orphans = session.exec(select(ClaimEdit).where(col(ClaimEdit.claim_id).is_(None))).all()
        rows += [r for r in orphans if r.detail.get("claim_id") == claim_id]
        if claim is None and not rows:
            raise NotFound(f"no claim with id {claim_id}")
        rows.sort(key=lambda r: r.id or 0)
        return [
            EditRecord(r.id or 0, r.claim_id, r.article_id, r.action, dict(r.detail), r.editor, r.created_at)
            for r in rows
        ]
