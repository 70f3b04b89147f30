"""Queries several services share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, func, select
from sqlmodel.sql.expression import SelectOfScalar

from workbench.provenance import SnapshotProvenance
from workbench.storage.models import Snapshot

Row = TypeVar("Row", bound=SQLModel)


def newest_ids(identity: Any, key: Any, *conditions: Any) -> SelectOfScalar[Any]:
    """The id of the newest row (the highest ``identity``: histories here are append-only) for
    each value of ``key`` among the rows ``conditions`` select, as a subquery. The one rule for
    "current verdict" and "latest check" through the ORM; ``claim_rows.CURRENT_VERDICT_JOINS``
    says the same in plain SQL."""
    return select(func.max(identity)).where(*conditions).group_by(col(key))


def latest_rows(session: Session, model: type[Row], key: Any, keys: Sequence[int]) -> dict[int, Row]:
    """For each value of ``key`` in ``keys``, the row of ``model`` with the highest id (the newest
    of an append-only history), found without loading the history."""
    if not keys:
        return {}
    identity = col(model.id)  # type: ignore[attr-defined]
    newest = newest_ids(identity, key, col(key).in_(list(keys)))
    rows = session.exec(select(model).where(identity.in_(newest))).all()
    name = col(key).key  # type: ignore[attr-defined]
    return {getattr(row, name): row for row in rows}


def snapshot_copies(session: Session, snapshot_ids: Iterable[int]) -> dict[int, SnapshotProvenance]:
    """Which copy each snapshot is (live or archived, with its archive, memento datetime and
    payload hash), read from its columns only: a page's text is never loaded for this."""
    ids = sorted(set(snapshot_ids))
    if not ids:
        return {}
    # one query, five columns: a Row answers by column name, as SnapshotProvenance.of reads it
    columns = (
        Snapshot.id,
        Snapshot.fetched_at,
        Snapshot.archive_name,
        Snapshot.memento_datetime,
        Snapshot.payload_sha256,
    )
    rows = session.execute(sa_select(*(col(c) for c in columns)).where(col(Snapshot.id).in_(ids))).all()
    return {row.id: SnapshotProvenance.of(row) for row in rows}


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
