"""Alembic environment: the engine comes from the app's own factory (so the SQLite PRAGMAs apply)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlmodel import SQLModel

import workbench.storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from workbench.settings import database_url
from workbench.storage.database import make_engine

config = context.config
target_metadata = SQLModel.metadata


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    # FTS5 virtual tables and their shadow tables are managed by hand, not by autogenerate.
    return not (type_ == "table" and name is not None and "_fts" in name)


def run_migrations() -> None:
    engine = config.attributes.get("engine") or make_engine(database_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
