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
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A migration that rebuilds a table (batch mode) drops the old one; with foreign keys
            # on, that drop would cascade into every row that references it. They can only be
            # switched outside a transaction, so on the driver's connection, before ours begins;
            # they are checked and switched back on after the commit.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=sqlite,
                include_name=include_name,
            )
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(
                            f"a migration left {len(broken)} dangling reference(s): {broken[:3]}"
                        )
            connection.commit()
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


run_migrations()
