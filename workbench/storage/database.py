"""Engine factory and schema upgrades.

SQLite gets WAL, foreign keys and a busy timeout on every connection (a ``connect`` listener), so
the app, Alembic and tests all see the same behaviour. The schema is created only by Alembic.

Opening refuses (:class:`DatabaseRefused`, one line) what it must not touch: a SQLite file that is
damaged (``PRAGMA quick_check``, once per file per process) or belongs to another application
(tables but no schema revision), and a database at a schema revision this workbench does not know
(made by a newer one: SQLite files say which, in ``PRAGMA user_version``).

Nothing here loads SQLAlchemy until an engine is made: a SQLite file at the newest revision is
checked with the standard library's ``sqlite3``, and :meth:`Database.read` runs a listing's one
plain SQL statement through it (``articles list`` and the TUI's first screens need no ORM). The
engine is made on first use of :attr:`Database.engine` or a session.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.storage.sqlite_file import DatabaseRefused, check_sqlite_file

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

# A function running one plain SQL statement with its parameters: what :meth:`Database.reading` gives.
ReadFunction = Callable[[str, Mapping[str, Any] | None], list[Sequence[Any]]]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Stamped into every SQLite file this workbench migrates: ``application_id`` marks the file as
# ours, ``user_version`` holds the version of the workbench that last brought its schema up.
APPLICATION_ID = int.from_bytes(b"WkBn", "big")


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
    from sqlalchemy import event
    from sqlmodel import create_engine

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
def _revision_graph() -> tuple[frozenset[str], frozenset[str]]:
    """Every migration's id and every id some migration follows, read from the ``revision`` /
    ``down_revision`` lines of the migration files without importing Alembic (~0.4 s)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            ids = set(re.findall(r"[\"']([^\"']+)[\"']", value))
            (revisions if name == "revision" else parents).update(ids)
    return frozenset(revisions), frozenset(parents)


def head_revision() -> str | None:
    """The newest migration's id; None unless there is exactly one head."""
    revisions, parents = _revision_graph()
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def known_revisions() -> frozenset[str]:
    """The ids of the migrations this workbench ships."""
    return _revision_graph()[0]


# The one query for the schema revision a database records, and how its rows read.
REVISION_QUERY = "SELECT version_num FROM alembic_version"


def revision_of(rows: Sequence[Sequence[Any]]) -> str | None:
    """The revision ``REVISION_QUERY``'s rows record: None for none or several."""
    return str(rows[0][0]) if len(rows) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database's ``alembic_version`` table, read with one plain
    query outside any transaction (no write lock); None for a new database or several rows."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            cursor.execute(REVISION_QUERY)
            rows = cursor.fetchall()
        except engine.dialect.loaded_dbapi.Error:  # no such table yet
            return None
        finally:
            cursor.close()
        return revision_of(rows)
    finally:
        raw.close()  # back to the pool, which rolls back whatever the driver began


def schema_is_current(engine: Engine) -> bool:
    head = head_revision()
    return head is not None and stored_revision(engine) == head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _version_number(version: str) -> int:
    """``1.2.3`` as 1002003 (what ``PRAGMA user_version`` can hold); 0 when not in that form."""
    parts = version.split(".")[:3]
    if len(parts) != 3 or not all(p.isdigit() and int(p) < 1000 for p in parts):
        return 0
    return int(parts[0]) * 1_000_000 + int(parts[1]) * 1_000 + int(parts[2])


def _version_text(number: int) -> str:
    return f"{number // 1_000_000}.{number // 1_000 % 1_000}.{number % 1_000}"


def _maker(engine: Engine) -> str | None:
    """The workbench version stamped into a SQLite file by the last upgrade, if it is ours."""
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as connection:
        application = connection.exec_driver_sql("PRAGMA application_id").scalar()
        version = connection.exec_driver_sql("PRAGMA user_version").scalar()
    return _version_text(int(version)) if application == APPLICATION_ID and version else None


def _stamp(engine: Engine) -> None:
    """Mark a SQLite file as ours and record which workbench brought its schema up."""
    if engine.dialect.name != "sqlite":
        return
    from workbench import __version__

    with engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.exec_driver_sql(f"PRAGMA user_version = {_version_number(__version__)}")


def check_revision(engine: Engine) -> None:
    """Refuse a database whose schema revision no migration here knows: a newer workbench made it,
    and this one would misread it (or Alembic would fail half-way)."""
    stored = stored_revision(engine)
    if stored is None or stored in known_revisions():
        return
    maker = _maker(engine)
    made = f", made by workbench {maker}" if maker else ""
    raise DatabaseRefused(
        f"database schema revision {stored!r} is newer than this workbench knows "
        f"(head {head_revision()!r}{made}); upgrade the workbench"
    )


def as_date(value: Any) -> date | None:
    """A date column's value from :meth:`Database.read`: SQLite gives its ISO text."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def as_utc(value: Any) -> datetime:
    """A (required) timestamp column's value from :meth:`Database.read`, timezone-aware UTC as
    the models give it: SQLite gives the ISO text of the UTC time without an offset."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.utcoffset() is None else moment.astimezone(UTC)


class Database:
    """One database: an engine plus short-lived sessions. Opening checks the file (SQLite: sound,
    and ours) and the schema revision (one this workbench knows), then upgrades a schema that is
    behind (a database at the newest revision opens without loading Alembic; a SQLite file at
    the newest revision, without loading SQLAlchemy: the engine is made on first use)."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        from workbench.settings import sqlite_path

        self.url = url
        self.path = sqlite_path(url)  # the SQLite file; None for other databases
        if self.path is not None:
            check_sqlite_file(self.path)
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        if migrate and not self._sqlite_file_is_current():
            check_revision(self.engine)
            if not schema_is_current(self.engine):
                upgrade(self.engine)
                _stamp(self.engine)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy loaded) on first use."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._engine = make_engine(self.url)
        return self._engine

    def _sqlite_file_is_current(self) -> bool:
        """Whether the database is a SQLite file whose stored revision is the newest migration,
        read with the standard library (what ``stored_revision`` reads through an engine)."""
        if self.path is None or not self.path.is_file() or self.path.stat().st_size == 0:
            return False
        head = head_revision()
        with self._plain_connection() as connection:
            try:
                rows = connection.execute(REVISION_QUERY).fetchall()
            except sqlite3.Error:  # no such table: the engine's path says what to do
                return False
        return head is not None and revision_of(rows) == head

    @contextmanager
    def _plain_connection(self) -> Iterator[sqlite3.Connection]:
        """A standard-library connection to the SQLite file, for reads: autocommit (a statement
        is its own read transaction) and the engine's busy timeout. The file must exist: a read
        never creates an empty database where one was moved away."""
        assert self.path is not None
        uri = f"{self.path.resolve().as_uri()}?mode=rw"
        connection = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
        try:
            yield connection
        finally:
            connection.close()

    @contextmanager
    def reading(self) -> Iterator[ReadFunction]:
        """A function that runs plain SQL statements (``:name`` parameters), every one of them
        seeing the same state of the database (one read transaction), so rows read by two
        statements belong together. On a SQLite file through the standard library's ``sqlite3``
        (no SQLAlchemy, no ORM), elsewhere through the engine. Values come as the driver gives
        them: SQLite returns dates and timestamps as text (:func:`as_date` and :func:`as_utc`
        read either)."""
        if self.path is None:
            from sqlalchemy import text

            connection = self.engine.connect()
            if connection.dialect.name == "postgresql":  # one snapshot for the whole transaction
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection, connection.begin():

                def through_engine(
                    statement: str, params: Mapping[str, Any] | None = None
                ) -> list[Sequence[Any]]:
                    return list(connection.execute(text(statement), dict(params or {})).all())

                yield through_engine
            return
        with self._plain_connection() as plain:
            plain.execute("BEGIN")
            try:

                def through_sqlite3(
                    statement: str, params: Mapping[str, Any] | None = None
                ) -> list[Sequence[Any]]:
                    return plain.execute(statement, dict(params or {})).fetchall()

                yield through_sqlite3
            finally:
                plain.execute("ROLLBACK")  # nothing was written: end the read transaction

    def read(self, statement: str, params: Mapping[str, Any] | None = None) -> list[Sequence[Any]]:
        """The rows of one plain SQL ``statement``, as :meth:`reading` runs it."""
        with self.reading() as read:
            return read(statement, params)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        from sqlmodel import Session

        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
