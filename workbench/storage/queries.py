"""Queries several services share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple, TypeVar

from sqlmodel import Session, SQLModel, col, func, select

from workbench.provenance import SnapshotProvenance
from workbench.storage.models import Snapshot

Row = TypeVar("Row", bound=SQLModel)


def latest_rows(session: Session, model: type[Row], key: Any, keys: Sequence[int]) -> dict[int, Row]:
    """For each value of ``key`` in ``keys``, the row of ``model`` with the highest id (the newest
    of an append-only history), found without loading the history."""
    if not keys:
        return {}
    identity = col(model.id)  # type: ignore[attr-defined]
    newest = select(func.max(identity)).where(col(key).in_(list(keys))).group_by(col(key))
    rows = session.exec(select(model).where(identity.in_(newest))).all()
    name = col(key).key  # type: ignore[attr-defined]
    return {getattr(row, name): row for row in rows}


def snapshot_copies(session: Session, snapshot_ids: Iterable[int]) -> dict[int, SnapshotProvenance]:
    """Which copy each snapshot is (live or archived, with its archive, memento datetime and
    payload hash), read from its columns only: a page's text is never loaded for this."""
    ids = sorted(set(snapshot_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(Snapshot.id, Snapshot.fetched_at, Snapshot.archive_name, Snapshot.memento_datetime).where(
            col(Snapshot.id).in_(ids)
        )
    ).all()
    hashes = dict(
        session.exec(select(Snapshot.id, Snapshot.payload_sha256).where(col(Snapshot.id).in_(ids))).all()
    )
    return {
        snapshot_id: SnapshotProvenance.of(_Columns(fetched_at, archive, memento, hashes[snapshot_id]))
        for snapshot_id, fetched_at, archive, memento in rows
        if snapshot_id is not None
    }


class _Columns(NamedTuple):
    fetched_at: datetime
    archive_name: str | None
    memento_datetime: datetime | None
    payload_sha256: str


def latest_snapshot_ids(session: Session, source_ids: Sequence[int]) -> dict[int, int]:
    """Source id -> its newest snapshot's id (live or archived: the copy matching reads)."""
    if not source_ids:
        return {}
    rows = session.exec(
        select(Snapshot.source_id, func.max(Snapshot.id))
        .where(col(Snapshot.source_id).in_(list(source_ids)))
        .group_by(col(Snapshot.source_id))
    ).all()
    return {source_id: newest for source_id, newest in rows if newest is not None}
