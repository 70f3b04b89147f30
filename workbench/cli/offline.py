"""Commands that work without a database: batch ranking for scripts and evaluations."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import fail


def register(app: typer.Typer) -> None:
    app.command("rank")(rank)


def rank(
    batch: Annotated[
        Path, typer.Option("--batch", metavar="IN.jsonl", help="JSONL requests ('-' reads stdin).")
    ],
    top: Annotated[int, typer.Option("--top", min=1, help="Passages kept per claim.")] = 5,
    no_semantic: Annotated[
        bool, typer.Option("--no-semantic", help="Lexical scores only (the semantic extra is optional).")
    ] = False,
) -> None:
    """Rank passages for claims, one JSON line out per line in, in input order.

    Exit code 1 when some line was malformed (its output line carries "error")."""
    import json

    from workbench.matching import rank_batch

    del no_semantic  # the lexical path is the only one until the semantic extra lands
    if str(batch) != "-" and not batch.is_file():
        fail(f"no such file: {batch}")
    handle = sys.stdin if str(batch) == "-" else batch.open(encoding="utf-8")
    errors = 0
    try:
        for line in rank_batch(handle, top=top):
            if '"error"' in line and "error" in json.loads(line):
                errors += 1
            sys.stdout.write(line + "\n")
    finally:
        if handle is not sys.stdin:
            handle.close()
    if errors:
        typer.echo(f"{errors} malformed line(s)", err=True)
        raise typer.Exit(1)
