"""What every command shares: the workspace from ``--db``, JSON output, one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from workbench.services.workspace import Workspace

# Nothing here imports the database, HTTP or extraction libraries at module level: ``--help`` of
# every command runs without them (tests/test_cli_startup.py); a command imports what it uses.

# Options several commands share.
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]
ArticleArg = Annotated[str, typer.Argument(metavar="ARTICLE", help="Article id or built-in case slug.")]


def user_errors() -> tuple[type[Exception], ...]:
    """Errors a user can cause or meet (a wrong id, a file that is not a database, a database locked
    by another checker past the busy timeout, a folder that does not exist): one line, exit 2."""
    from sqlalchemy.exc import SQLAlchemyError

    from workbench.labels import UnknownLabel
    from workbench.services.workspace import NotFound

    # OverflowError: an id or offset past what SQLite's integers hold ("verdict 99999999999999999999999")
    return (NotFound, UnknownLabel, ValueError, OSError, SQLAlchemyError, ImportError, OverflowError)


def echo(message: str = "", *, err: bool = False) -> None:
    """Print one line of plain text. Every plain-text line of the CLI goes through here: titles,
    quotes, URLs and messages come from articles, pages and bundles, and their control characters
    (escape sequences, line breaks, direction overrides) are shown, never obeyed (``one_line``)."""
    from workbench.untrusted import one_line

    typer.echo(one_line(message), err=err)


def fail(message: str, code: int = 2) -> NoReturn:
    echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def workspace(ctx: typer.Context) -> Iterator[Workspace]:
    """Open the database named by ``--db`` (or WORKBENCH_DB); user errors become one line."""
    from workbench import settings
    from workbench.services.workspace import Workspace

    root = ctx.find_root()
    db = root.params.get("db") if root.params else None
    ws = None
    try:
        ws = Workspace.open(db)
        warning = settings.unshared_archive_warning(ws.db.url)
        if warning:
            echo(f"warning: {warning}", err=True)
        yield ws
    except user_errors() as exc:
        fail(_one_line(exc))
    finally:
        if ws is not None:
            ws.close()


def open_tui(db: str | None) -> None:
    """Open the TUI on ``db``. The database is opened (and checked) before the app starts, so one
    the workbench refuses is a one-line error here too, not a traceback."""
    from workbench.tui.run import open_workspace, run_tui

    try:
        ws = open_workspace(db)
    except user_errors() as exc:
        fail(_one_line(exc))
    run_tui(workspace=ws)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"not a date in YYYY-MM-DD form: {value!r}")


def parse_lang(value: str | None) -> str | None:
    if value is not None and value not in ("id", "en"):
        fail(f"unknown language {value!r} (known: id, en)")
    return value


def _one_line(exc: BaseException) -> str:
    from sqlalchemy.exc import SQLAlchemyError

    original = getattr(exc, "orig", None)
    if isinstance(exc, SQLAlchemyError) and isinstance(original, BaseException):
        exc = original  # the driver's own message, without the SQL
    if isinstance(exc, OverflowError):
        return f"a number is too large for the database (at most {2**63 - 1:,}): no such row"
    if isinstance(exc, ImportError) and exc.name:
        return f"missing package {exc.name!r} (a PostgreSQL URL needs psycopg: pip install 'psycopg[binary]')"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text
