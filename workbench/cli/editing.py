"""Hand editing of claims: ``claims edit|split|merge|add|delete|history|reextract``.

The commands join the ``claims`` group of ``workbench.cli.articles``; the services do the work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.articles import claims_app
from workbench.cli.common import ArticleArg, JsonFlag, echo, fail, print_json, workspace

if TYPE_CHECKING:
    from workbench.services.editing import EditResult

EditorOption = Annotated[
    str | None,
    typer.Option("--editor", help="Name recorded with the edit [default: WORKBENCH_CHECKER or login]"),
]
ClaimId = Annotated[int, typer.Argument(metavar="CLAIM_ID")]
KindOption = Annotated[
    str | None,
    typer.Option("--kind", help="quote, list-item, date, number, attribution or event (guessed if absent)"),
]


def register(app: typer.Typer) -> None:
    """Nothing to add to ``app``: these commands live in the ``claims`` group, which
    ``articles.register`` mounts. Importing this module is what adds them."""


def _report(result: EditResult, as_json: bool) -> None:
    if as_json:
        print_json(result.as_json())
        return
    for claim in result.claims:
        echo(f"claim {claim.id} {claim.start}-{claim.end} {claim.kind}: {claim.text[:70]}")
    for removed in result.removed:
        echo(f"claim {removed} removed")
    for note in result.notes:
        echo(f"note: {note}", err=True)


@claims_app.command("edit")
def claims_edit(
    ctx: typer.Context,
    claim_id: ClaimId,
    statement: Annotated[str | None, typer.Option("--statement", help="New English statement")] = None,
    start: Annotated[int | None, typer.Option("--start", help="New span start (article offset)")] = None,
    end: Annotated[int | None, typer.Option("--end", help="New span end (article offset, exclusive)")] = None,
    kind: KindOption = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker of a quote ('' clears)")] = None,
    confirm: Annotated[
        bool, typer.Option("--confirm", help="Accept the statement: no longer a draft")
    ] = False,
    editor: EditorOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Change a claim's statement, span, kind or speaker, or confirm its statement."""
    from workbench.services.editing import confirm_statement, edit_claim

    changes = (statement, start, end, kind, speaker)
    if not confirm and all(value is None for value in changes):
        fail("nothing to change: give --statement, --start/--end, --kind, --speaker or --confirm")
    with workspace(ctx) as ws:
        result = None
        if any(value is not None for value in changes):
            result = edit_claim(
                ws,
                claim_id,
                statement=statement,
                start=start,
                end=end,
                kind=kind,
                speaker=speaker,
                editor=editor,
            )
        if confirm:
            confirmed = confirm_statement(ws, claim_id, editor)
            if result is None or not confirmed.notes:
                result = confirmed
        assert result is not None
    _report(result, as_json)


@claims_app.command("split")
def claims_split(
    ctx: typer.Context,
    claim_id: ClaimId,
    at: Annotated[int, typer.Option("--at", help="Article offset where the first part ends")],
    editor: EditorOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Split a claim in two at an article offset; the first part keeps the id and any verdict."""
    from workbench.services.editing import split_claim

    with workspace(ctx) as ws:
        result = split_claim(ws, claim_id, at, editor)
    _report(result, as_json)


@claims_app.command("merge")
def claims_merge(
    ctx: typer.Context,
    first: Annotated[int, typer.Argument(metavar="ID1")],
    second: Annotated[int, typer.Argument(metavar="ID2")],
    editor: EditorOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Merge two claims of one article into one covering both spans."""
    from workbench.services.editing import merge_claims

    with workspace(ctx) as ws:
        result = merge_claims(ws, first, second, editor)
    _report(result, as_json)


@claims_app.command("add")
def claims_add(
    ctx: typer.Context,
    article: ArticleArg,
    start: Annotated[int | None, typer.Option("--start", help="Span start (article offset)")] = None,
    end: Annotated[int | None, typer.Option("--end", help="Span end (article offset, exclusive)")] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="An exact substring of the article, instead of offsets")
    ] = None,
    kind: KindOption = None,
    statement: Annotated[str | None, typer.Option("--statement", help="English statement")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker of a quote")] = None,
    editor: EditorOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Add a claim for a span of an article (by offsets or by its exact text)."""
    from workbench.services.articles import get_article
    from workbench.services.claim_spans import find_text
    from workbench.services.editing import add_claim

    if text is not None and (start is not None or end is not None):
        fail("give either --text or --start and --end, not both")
    if text is None and (start is None or end is None):
        fail("give --start and --end, or --text")
    with workspace(ctx) as ws:
        if text is not None:
            start, end = find_text(get_article(ws, article).text, text)
        assert start is not None and end is not None
        result = add_claim(
            ws, article, start, end, kind=kind, statement=statement, speaker=speaker, editor=editor
        )
    _report(result, as_json)


@claims_app.command("delete")
def claims_delete(
    ctx: typer.Context, claim_id: ClaimId, editor: EditorOption = None, as_json: JsonFlag = False
) -> None:
    """Delete a claim (refused when it has a verdict); re-extraction will not bring it back."""
    from workbench.services.editing import delete_claim

    with workspace(ctx) as ws:
        result = delete_claim(ws, claim_id, editor)
    _report(result, as_json)


@claims_app.command("history")
def claims_history(ctx: typer.Context, claim_id: ClaimId, as_json: JsonFlag = False) -> None:
    """Show who edited a claim, when, and how."""
    from workbench.services.editing import claim_history

    with workspace(ctx) as ws:
        records = claim_history(ws, claim_id)
    if as_json:
        print_json([r.as_json() for r in records])
        return
    for record in records:
        when = record.created_at.strftime("%Y-%m-%d %H:%M")
        echo(f"{record.id:>5}  {when}  {record.editor:<12} {record.action}")


@claims_app.command("reextract")
def claims_reextract(
    ctx: typer.Context, article: ArticleArg, editor: EditorOption = None, as_json: JsonFlag = False
) -> None:
    """Run claim extraction again, keeping hand edits, verdicts, pinned evidence and deletions;
    every claim it removes is listed and kept in its history (``claims history ID``)."""
    from workbench.services.articles import reextract_claims

    with workspace(ctx) as ws:
        report = reextract_claims(ws, article, editor)
    if as_json:
        print_json(report.as_json())
        return
    echo(report.summary())
    for removed in report.removed:
        echo(f"removed claim {removed.id} {removed.start}-{removed.end}: {removed.text[:70]}")
