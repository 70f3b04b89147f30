"""Bring others' work in: ``workbench import ARTICLE PATH --format claimreview``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import ArticleArg, JsonFlag, echo, fail, print_json, workspace


def register(app: typer.Typer) -> None:
    app.command("import")(import_reviews)


def import_reviews(
    ctx: typer.Context,
    article: ArticleArg,
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="A ClaimReview JSON-LD file, or an HTML page embedding it.")
    ],
    fmt: Annotated[str, typer.Option("--format", help="What PATH holds: claimreview.")] = "claimreview",
    checker: Annotated[str | None, typer.Option("--checker", envvar="WORKBENCH_CHECKER")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Record ClaimReview reviews as verdicts on the article's claims with the same words.

    A review is matched by its claimReviewed text (exactly, else ignoring whitespace and case)
    and its rating's name; one that matches no claim, several, or no label is listed and nothing
    is recorded for it. Exit code 0: every review recorded (or already recorded); 1: some were
    unmatched (the others are recorded); 2: the command could not run."""
    from workbench.export.claimreview import NotClaimReview
    from workbench.services.review_import import import_claimreviews

    if fmt != "claimreview":
        fail(f"unknown import format {fmt!r} (known: claimreview)")
    if not path.is_file():
        fail(f"no such file: {path}")
    with workspace(ctx) as ws:
        try:
            report = import_claimreviews(ws, article, path, checker=checker)
        except NotClaimReview as exc:
            fail(f"{path}: {exc}")
    if as_json:
        print_json(report.as_json())
    else:
        for r in report.recorded:
            echo(f"claim {r.claim_id}: {r.label} (verdict {r.verdict_id}) from {r.origin}")
        for r in report.unchanged:
            echo(f"claim {r.claim_id}: {r.label} already recorded from {r.origin}")
        for u in report.unmatched:
            words = " ".join(u.claim_reviewed.split())
            shown = words if len(words) <= 80 else words[:79] + "…"
            echo(f"unmatched review {u.index + 1}: {u.reason}: “{shown}”", err=True)
        echo(
            f"{len(report.recorded)} recorded, {len(report.unchanged)} already recorded, "
            f"{len(report.unmatched)} unmatched",
            err=True,
        )
    if report.unmatched:
        raise typer.Exit(1)
