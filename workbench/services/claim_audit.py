"""The audit trail of hand edits: who changed a claim, when, and how (``claim_edit`` rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, select

from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import Claim, ClaimEdit


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


def claim_history(ws: Workspace, claim_id: int) -> list[EditRecord]:
    """Every recorded edit of a claim, oldest first, including those of a deleted or merged claim
    (whose rows keep the id in ``detail["claim_id"]``)."""
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
