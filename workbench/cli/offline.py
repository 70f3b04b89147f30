"""Commands that work without a database: batch ranking, anchoring and drafting for scripts and
evaluations."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import echo, fail


def register(app: typer.Typer) -> None:
    app.command("rank")(rank)
    app.command("anchor")(anchor)
    app.command("statements")(statements)


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

    With the semantic extra installed, embedding similarity joins the score (parts["semantic"])
    unless --no-semantic. Exit code 1 when some line was malformed (its output line carries "error")."""
    from workbench.matching import rank_batch
    from workbench.matching.semantic import load_embedder

    embedder = None if no_semantic else load_embedder()
    _run_batch(batch, lambda lines: rank_batch(lines, top=top, semantic=embedder))


def anchor(
    batch: Annotated[
        Path, typer.Option("--batch", metavar="IN.jsonl", help="JSONL requests ('-' reads stdin).")
    ],
) -> None:
    """Re-locate quotes (W3C TextQuoteSelectors) in texts, one JSON line out per line in.

    Exit code 1 when some line was malformed (its output line carries "error")."""
    from workbench.anchoring import anchor_batch

    _run_batch(batch, anchor_batch)


def statements(
    batch: Annotated[
        Path, typer.Option("--batch", metavar="IN.jsonl", help="JSONL requests ('-' reads stdin).")
    ],
) -> None:
    """Draft English statements of Indonesian texts: {"id", "text"} in, {"id", "statement"} out.

    One JSON line out per line in, in input order; the drafts claim extraction stores. Exit code 1
    when some line was malformed (its output line carries "error")."""
    from workbench.language.draft_batch import statements_batch

    _run_batch(batch, statements_batch)


def _run_batch(batch: Path, process: Callable[[Iterable[str]], Iterator[str]]) -> None:
    """Stream JSONL through ``process``; count the error lines and exit 1 if there were any."""
    import json

    from workbench.jsonl import BadLine, read_lines

    if str(batch) != "-" and not batch.is_file():
        fail(f"no such file: {batch}")
    handle = sys.stdin.buffer if str(batch) == "-" else batch.open("rb")
    undecodable: list[str] = []  # error lines for input lines too long or not UTF-8, in order
    errors = 0

    def decoded() -> Iterator[str]:
        for line in read_lines(handle):
            if isinstance(line, BadLine):
                undecodable.append(line.answer())
            else:
                yield line

    def write(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    try:
        for line in process(decoded()):
            # the batch answers one line at a time, so every undecodable line queued so far
            # came before the line just answered: flushing them first keeps the input order
            for bad in undecodable:
                write(bad)
            errors += len(undecodable)
            undecodable.clear()
            if '"error"' in line and "error" in json.loads(line):
                errors += 1
            write(line)
        for bad in undecodable:
            write(bad)
        errors += len(undecodable)
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
    if errors:
        echo(f"{errors} malformed line(s)", err=True)
        raise typer.Exit(1)
