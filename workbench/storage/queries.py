"""Queries several services share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, func, select

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
