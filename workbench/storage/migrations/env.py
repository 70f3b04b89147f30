"""Alembic environment: the engine comes from the app's own factory (so the SQLite PRAGMAs apply)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import workbench.storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from workbench.settings import database_url
from workbench.storage.database import include_name, make_engine

config = context.config
target_metadata = SQLModel.metadata


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
