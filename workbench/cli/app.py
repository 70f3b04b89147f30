"""Entry point: ``workbench [--db DB] COMMAND``; bare ``workbench`` opens the TUI."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from workbench.cli import articles, checking, editing, imports, offline


class _RootGroup(TyperGroup):
    """The ``workbench`` group; its text and flag options, and its commands', skip pydantic.

    Typer validates each option through a pydantic adapter built on first use, and the root's
    options are read before any subcommand: ``workbench COMMAND --help`` would load pydantic
    (~0.1 s) to pass ``--db`` and ``--help`` through unchanged. Plain text and flags need no
    validation. If typer's internals change this does nothing and pydantic loads as before
    (tests/test_cli_startup.py would say so)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _pass_plain_options_through(self, ctx)
        return super().parse_args(ctx, args)


def _pass_plain_options_through(command: Any, ctx: Any) -> None:
    try:
        from typer._coercion import PassThroughRuntimeParam
    except ImportError:
        return
    for param in command.get_params(ctx):
        descriptor = getattr(param, "type_descriptor", None)
        info = getattr(descriptor, "parameter_info", None)
        kind = getattr(descriptor, "annotation", None)
        if (
            info is not None
            and kind in (str, bool)
            and getattr(info, "parser", None) is None  # a custom parser or click type is work to do
            and getattr(info, "click_type", None) is None
            and getattr(param, "_runtime_param", 0) is None
        ):
            param._runtime_param = PassThroughRuntimeParam(parameter_info=info, annotation=kind)
    for child in (getattr(command, "commands", None) or {}).values():
        _pass_plain_options_through(child, ctx)


app = typer.Typer(
    cls=_RootGroup,
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
            "--db",
            envvar="WORKBENCH_DB",
            metavar="PATH|URL",
            help="SQLite path or SQLAlchemy URL [default: ./claims.db]",
        ),
    ] = None,
    _version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Bare ``workbench`` opens the TUI on the database."""
    if ctx.invoked_subcommand is None:
        from workbench.cli.common import open_tui

        open_tui(db)


articles.register(app)
checking.register(app)
offline.register(app)
editing.register(app)
imports.register(app)


def main() -> None:
    app()
