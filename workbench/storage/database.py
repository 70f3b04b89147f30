"""Engine factory and schema upgrades.

SQLite gets WAL, foreign keys and a busy timeout on every connection (a ``connect`` listener), so
the app, Alembic and tests all see the same behaviour. The schema is created only by Alembic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # the driver's own transaction handling starts a transaction only at the first write, which
    # leaves the reads before it unprotected; we begin every transaction ourselves (see _begin)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    """Every transaction takes the write lock up front (WAL readers are not blocked), so a
    check-then-write such as "delete the claims that have no verdict" cannot interleave with
    another checker recording a verdict. Waits up to the busy timeout for the lock."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """A new engine for ``url``; SQLite files get their parent folder created and the PRAGMAs."""
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    return create_engine(url, pool_pre_ping=True)


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    """Autogenerate's filter: full-text objects (SQLite's FTS5 tables and their shadow tables,
    PostgreSQL's GIN index) are managed by hand in the migrations; they are not models."""
    return not (type_ in ("table", "index") and name is not None and "_fts" in name)


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (run on every open; a no-op when current)."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


_REVISION = re.compile(r"^(down_revision|revision)\b[^=\n]*=\s*(.+?)\s*$", re.MULTILINE)


@cache
def head_revision() -> str | None:
    """The newest migration's id, read from the ``revision`` / ``down_revision`` lines of the
    migration files without importing Alembic (~0.4 s); None unless there is exactly one head."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            ids = set(re.findall(r"[\"']([^\"']+)[\"']", value))
            (revisions if name == "revision" else parents).update(ids)
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database's ``alembic_version`` table, read with one plain
    query outside any transaction (no write lock); None for a new database or several rows."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            cursor.execute("SELECT version_num FROM alembic_version")
            rows = cursor.fetchall()
        except engine.dialect.loaded_dbapi.Error:  # no such table yet
            return None
        finally:
            cursor.close()
        return str(rows[0][0]) if len(rows) == 1 else None
    finally:
        raw.close()  # back to the pool, which rolls back whatever the driver began


def schema_is_current(engine: Engine) -> bool:
    head = head_revision()
    return head is not None and stored_revision(engine) == head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


class Database:
    """One database: an engine plus short-lived sessions. Opening upgrades a schema that is behind
    (a database at the newest revision opens without loading Alembic)."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if migrate and not schema_is_current(self.engine):
            upgrade(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
