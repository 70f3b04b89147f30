"""Storage: SQLModel tables, the engine factory and Alembic migrations.

The names below load SQLAlchemy when first used, not when the package is imported: the check of
a SQLite file (``storage/sqlite_file.py``) runs before the TUI has imported SQLAlchemy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.storage.database import Database, make_engine, upgrade

__all__ = ["Database", "make_engine", "upgrade"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from workbench.storage import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
