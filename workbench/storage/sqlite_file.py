"""The check of a SQLite file before it is opened: sound (``PRAGMA quick_check``) and ours.

Kept apart from the engine factory (``database.py``) so that it loads no SQLAlchemy: the TUI
starts the check on another thread before it imports SQLAlchemy and Textual (:func:`check_ahead`).
``quick_check`` reads every page of the file in SQLite's C code, which lets the interpreter
import meanwhile; opening the database then waits for the answer.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

__all__ = ["DatabaseRefused", "check_ahead", "check_sqlite_file"]


class DatabaseRefused(ValueError):
    """A database this workbench will not open; the message says why and what to do."""


# SQLite files this process found sound, as (path, inode, size, modification time): a file is
# checked again only when it changed since.
_CHECKED: set[tuple[Path, int, int, int]] = set()


def _check(path: Path) -> None:
    """The check :func:`check_sqlite_file` describes, for a resolved ``path``."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return  # a new database
    key = (path, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    if key in _CHECKED or stat.st_size == 0:
        return
    try:
        connection = sqlite3.connect(path)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(3)") if row[0] != "ok"]
            tables = [
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(
            f"{path} is damaged or is not a database ({exc}); restore it from a backup"
        ) from None
    if problems:
        # the first row starts "*** in database main ***" on a line of its own
        lines = [line for p in problems for line in p.splitlines() if line and not line.startswith("***")]
        found = lines[0] if lines else "failed"
        raise DatabaseRefused(f"{path} is damaged (integrity check: {found}); restore it from a backup")
    if tables and "alembic_version" not in tables:
        raise DatabaseRefused(
            f"{path} is not a workbench database: it holds other tables ({', '.join(sorted(tables)[:3])}) "
            "and no schema revision; give --db a new file or a workbench database"
        )
    _CHECKED.add(key)


class _Check(threading.Thread):
    """:func:`check_sqlite_file` on another thread; its refusal is kept for the opener."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="sqlite-file-check", daemon=True)
        self.path = path
        self.refused: DatabaseRefused | None = None

    def run(self) -> None:
        try:
            _check(self.path)
        except DatabaseRefused as exc:
            self.refused = exc


_AHEAD: dict[Path, _Check] = {}


def check_ahead(url: str) -> None:
    """Start checking the SQLite file of ``url`` on another thread (nothing for other databases);
    :func:`check_sqlite_file` on that file waits for this check and answers as it would have."""
    from workbench.settings import sqlite_path

    path = sqlite_path(url)
    if path is None:
        return
    path = path.resolve()
    if path not in _AHEAD:
        _AHEAD[path] = check = _Check(path)
        check.start()


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is damaged or is another application's database. Runs ``PRAGMA
    quick_check`` (a few milliseconds for the demo database; it reads every page, so about as long
    as reading the file) once per file per process, on a plain connection that changes nothing;
    a check started by :func:`check_ahead` is waited for instead."""
    path = path.resolve()
    ahead = _AHEAD.pop(path, None)
    if ahead is not None:
        ahead.join()
        if ahead.refused is not None:
            raise ahead.refused
    _check(path)  # a file found sound is not read again (unless it changed since)
