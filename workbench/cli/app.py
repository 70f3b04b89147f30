"""Entry point: ``workbench [--db DB] COMMAND``; bare ``workbench`` opens the TUI."""

from __future__ import annotations

from typing import Annotated

import typer

from workbench.cli import articles, checking, editing, imports, offline

app = typer.Typer(
    help="Check a news article's claims against its original sources.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help and error text: Rich's formatting costs ~0.2 s of imports on every --help.
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from workbench import __version__

        typer.echo(f"workbench {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="WORKBENCH_DB", help="SQLite path or SQLAlchemy URL [default: ./claims.db]"
        ),
    ] = None,
    _version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Bare ``workbench`` opens the TUI on the database."""
    if ctx.invoked_subcommand is None:
        from workbench.tui.run import run_tui

        run_tui(db)


articles.register(app)
checking.register(app)
offline.register(app)
editing.register(app)
imports.register(app)


def main() -> None:
    app()
