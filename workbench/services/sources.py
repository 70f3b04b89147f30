"""An article's sources as a checker sees them: each one's last fetch and the copy matching reads
(live, or a web archive's, with its memento date). Reading only: fetching is
``services/fetching.py``, and nothing here loads the HTTP client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.provenance import SnapshotProvenance
from workbench.services.articles import article_sources
from workbench.services.workspace import Workspace
from workbench.storage.models import FetchAttempt
from workbench.storage.queries import latest_rows, latest_snapshot_ids, snapshot_copies


def current_copies(ws: Workspace, source_ids: list[int]) -> dict[int, SnapshotProvenance]:
    """Source id -> which copy its newest snapshot is (the one matching reads); sources never
    fetched are absent."""
    with ws.db.session() as session:
        latest = latest_snapshot_ids(session, source_ids)
        copies = snapshot_copies(session, latest.values())
    return {source_id: copies[snapshot_id] for source_id, snapshot_id in latest.items()}


@dataclass(frozen=True, slots=True)
class SourceView:
    """A source as a checker sees it: its last fetch and the copy matching reads."""

    id: int
    url: str
    title: str | None
    last_outcome: str | None
    last_error: str | None
    snapshot: SnapshotProvenance | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "last_outcome": self.last_outcome,
            "last_error": self.last_error,
            "snapshot": self.snapshot.as_json() if self.snapshot else None,
        }


def source_views(ws: Workspace, ref: str | int) -> list[SourceView]:
    """An article's sources with their last fetch outcome and current copy (live or archived)."""
    sources = article_sources(ws, ref)
    ids = [s.id or 0 for s in sources]
    attempts = last_attempts(ws, ids)
    copies = current_copies(ws, ids)
    return [
        SourceView(
            id=s.id or 0,
            url=s.url,
            title=s.title,
            last_outcome=attempts[s.id or 0].outcome if (s.id or 0) in attempts else None,
            last_error=attempts[s.id or 0].error if (s.id or 0) in attempts else None,
            snapshot=copies.get(s.id or 0),
        )
        for s in sources
    ]


def last_attempts(ws: Workspace, source_ids: list[int]) -> dict[int, FetchAttempt]:
    """The most recent fetch attempt of each source."""
    with ws.db.session() as session:
        return latest_rows(session, FetchAttempt, FetchAttempt.source_id, source_ids)
