"""Storage: SQLModel tables, the engine factory and Alembic migrations."""

from workbench.storage.database import Database, make_engine, upgrade

__all__ = ["Database", "make_engine", "upgrade"]
