"""The checking workflow: demo, fetch, match, verdict, export, db, tui."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import ArticleArg, JsonFlag, echo, fail, print_json, workspace

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
archive_app = typer.Typer(help="The WARC evidence archive.", no_args_is_help=True)


NoSemanticFlag = Annotated[
    bool, typer.Option("--no-semantic", help="Lexical scores only, even with the semantic extra installed.")
]


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
    app.command("fetch")(fetch)
    app.command("match")(match)
    app.command("verdict")(verdict)
    app.command("export")(export)
    app.command("tui")(tui)
    app.command("reverify")(reverify)
    archive_app.command("search")(archive_search)
    app.add_typer(archive_app, name="archive")
    app.add_typer(db_app, name="db")


def demo(
    ctx: typer.Context,
    offline: Annotated[bool, typer.Option("--offline", help="Skip live fetches of real sources.")] = False,
    no_tui: Annotated[bool, typer.Option("--no-tui", help="Load, fetch and match, then exit.")] = False,
    no_semantic: NoSemanticFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Load the built-in cases (idempotent), fetch their sources, match, then open the TUI."""
    from workbench.services.demo import load_builtin_cases

    with workspace(ctx) as ws:
        reports = load_builtin_cases(
            ws,
            offline=offline,
            progress=None if as_json else lambda m: echo(m, err=True),
            semantic=not no_semantic,
        )
        db_url = ws.db.url
    if as_json:
        print_json([r.as_json() for r in reports])
    else:
        for r in reports:
            fetched = ", ".join(f"{f.summary}" for f in r.fetches) or (
                "live fetch skipped (--offline)" if r.skipped_live_fetch else "already fetched"
            )
            evidence = f", {r.match.with_evidence} with evidence" if r.match else ""
            echo(
                f"{r.slug}: article {r.article_id}, {r.claims} claims{evidence}; sources: {fetched}", err=True
            )
    if not no_tui and not as_json:
        from workbench.cli.common import open_tui

        open_tui(db_url)


def fetch(
    ctx: typer.Context,
    article: ArticleArg,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="YYYY-MM-DD|article", help="Archived copies nearest this date (Memento)."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Fetch every source of an article (conditional requests; a snapshot only for new content).

    With --as-of, ask a Memento TimeGate (WORKBENCH_TIMEGATE, default the Wayback Machine) for the
    copy nearest the date; "article" means the article's own date.

    Progress shows on stderr when it is a terminal (not with --json). Each source is recorded as
    its fetch ends, so Ctrl-C keeps the sources already fetched (exit code 130).

    Exit code 0: at least one source was fetched (or the article has none); 3: every source
    failed (each failure is recorded); 2: the command could not run."""
    from workbench.cli.common import parse_date
    from workbench.cli.progress import ProgressLine
    from workbench.services.fetching import fetch_article, fetch_article_as_of
    from workbench.services.sources import article_sources

    try:
        with ProgressLine(quiet=as_json) as bar, workspace(ctx) as ws:
            if as_of is None:
                done = [0]
                total = len(article_sources(ws, article))
                bar.update("fetching", 0, total, "sources")

                def fetched(_report: object) -> None:
                    done[0] += 1
                    bar.update("fetching", done[0], total, "sources")

                reports = fetch_article(ws, article, progress=fetched)
            else:
                when = None if as_of == "article" else parse_date(as_of)
                reports = fetch_article_as_of(ws, article, when)
    except KeyboardInterrupt:
        echo("interrupted: the sources fetched so far are recorded", err=True)
        raise typer.Exit(INTERRUPTED) from None
    if as_json:
        print_json(
            [
                {
                    "source_id": r.source_id,
                    "url": r.url,
                    "outcome": str(r.outcome),
                    "status": r.status,
                    "new_snapshot": r.new_snapshot,
                    "snapshot_id": r.snapshot_id,
                    "error": r.error,
                    "duration_ms": r.duration_ms,
                    "snapshot": r.snapshot.as_json() if r.snapshot else None,
                    "note": r.note,
                }
                for r in reports
            ]
        )
    else:
        for r in reports:
            echo(f"{r.summary:<40} {r.url}")
    if reports and not any(r.fetched for r in reports):
        echo(f"error: none of the {len(reports)} source(s) could be fetched", err=True)
        raise typer.Exit(3)


INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C (128 + SIGINT)


def match(
    ctx: typer.Context, article: ArticleArg, no_semantic: NoSemanticFlag = False, as_json: JsonFlag = False
) -> None:
    """Rank every claim's evidence passages in the latest snapshots.

    Progress shows on stderr when it is a terminal (not with --json). Ctrl-C keeps what is done:
    the evidence of the claims already ranked (written every 200 claims) and every embedding
    computed; run match again to finish. Exit code 130 when interrupted."""
    from workbench.cli.progress import ProgressLine
    from workbench.services.matching import match_article

    state = {"done": 0, "total": 0}

    def ranked(done: int, total: int) -> None:
        state.update(done=done, total=total)
        bar.update("matching", done, total, "claims")

    def embedded(done: int, total: int) -> None:
        bar.update("embedding", done, total, "texts")

    try:
        with ProgressLine(quiet=as_json) as bar, workspace(ctx) as ws:
            report = match_article(
                ws, article, semantic=not no_semantic, progress=ranked, embedding_progress=embedded
            )
    except KeyboardInterrupt:
        echo(
            f"interrupted: evidence kept for {state['done']} of {state['total']} claims, and every "
            "embedding computed; run match again to finish",
            err=True,
        )
        raise typer.Exit(INTERRUPTED) from None
    if as_json:
        print_json(
            {"claims": report.claims, "with_evidence": report.with_evidence, "snapshots": report.snapshots}
        )
        return
    echo(f"{report.with_evidence} of {report.claims} claims have evidence ({report.snapshots} snapshots)")


def verdict(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID")],
    label: Annotated[str, typer.Argument(metavar="LABEL")],
    rationale: Annotated[str, typer.Option("--rationale", help="Why.")] = "",
    evidence: Annotated[str | None, typer.Option("--evidence", metavar="EVIDENCE_ID|best")] = None,
    checker: Annotated[str | None, typer.Option("--checker", envvar="WORKBENCH_CHECKER")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Record a verdict (appended to the claim's history; the latest is current)."""
    from workbench.services.verdicts import record_verdict

    if evidence is not None and evidence != "best" and not evidence.isdigit():
        fail(f"--evidence takes an evidence id or 'best', not {evidence!r}")
    with workspace(ctx) as ws:
        view = record_verdict(ws, claim_id, label, rationale=rationale, evidence=evidence, checker=checker)
    if as_json:
        print_json(
            {
                "id": view.id,
                "claim_id": claim_id,
                "label": view.label,
                "rationale": view.rationale,
                "evidence_id": view.evidence_id,
                "checker": view.checker,
                "created_at": view.created_at.isoformat(),
            }
        )
    else:
        echo(f"claim {claim_id}: {view.label} (verdict {view.id})")


def export(
    ctx: typer.Context,
    article: ArticleArg,
    fmt: Annotated[str, typer.Option("--format", help="md, html, json, csv or claimreview")] = "md",
    lang: Annotated[
        str, typer.Option("--lang", metavar="en|id", help="Language of headings and verdict names.")
    ] = "en",
    include_suggestions: Annotated[
        bool,
        typer.Option(
            "--include-suggestions", help="List the workbench's suggestions beside unchecked claims."
        ),
    ] = False,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for spreadsheets: UTF-8 byte order mark, ';' separators.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Export an article's verdict report (judged claims first, in article order).

    ClaimReview (and the HTML page, which embeds it) name the reviewing organisation from
    WORKBENCH_ORG and each review's address from WORKBENCH_REVIEW_URL; a warning on stderr says
    when either is missing."""
    from workbench.services.reports import ReportOptions, UnknownFormat, render_report

    if excel and fmt != "csv":
        fail("--excel applies to --format csv only")
    if lang not in ("en", "id"):
        fail(f"unknown report language {lang!r} (known: en, id)")
    options = ReportOptions(fmt=fmt, lang=lang, include_suggestions=include_suggestions, excel=excel)
    with workspace(ctx) as ws:
        try:
            rendered = render_report(ws, article, options)
        except UnknownFormat as exc:
            fail(str(exc))
        if output is not None:  # inside the workspace block: a bad path is a one-line error
            tmp = output.with_name(output.name + ".tmp")
            tmp.write_text(rendered.document, encoding="utf-8", newline="")
            tmp.replace(output)
    for warning in rendered.warnings:
        echo(f"warning: {warning}", err=True)
    if output is None:
        typer.echo(rendered.document, nl=False)  # a report: each format cleans its own text
    else:
        echo(f"wrote {output}", err=True)


def tui(ctx: typer.Context) -> None:
    """Open the TUI."""
    from workbench.cli.common import open_tui

    root = ctx.find_root()
    open_tui(root.params.get("db"))


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Bring the schema to the newest migration (any command that opens an older database
    does it too; an up-to-date one is checked with one query, without loading Alembic)."""
    from workbench.storage.database import current_revision, upgrade

    with workspace(ctx) as ws:
        upgrade(ws.db.engine)  # explicit: runs Alembic even when the quick check says current
        echo(f"schema at revision {current_revision(ws.db.engine)}")


def reverify(
    ctx: typer.Context,
    article: Annotated[
        str | None, typer.Argument(metavar="[ARTICLE]", help="Default: every article.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Re-fetch sources and re-locate every pinned evidence quote.

    Progress (sources re-fetched) shows on stderr when it is a terminal (not with --json).

    Exit code 0: nothing needs review; 1: something needs review; 3: nothing to review, but a
    source could not be re-checked; 2: the command could not run (bad input, database error);
    130: interrupted (the fetches recorded so far are kept; no evidence was re-checked)."""
    from workbench.cli.progress import ProgressLine
    from workbench.services.reverify import reverify as run_reverify
    from workbench.services.sources import article_sources

    try:
        with ProgressLine(quiet=as_json) as bar, workspace(ctx) as ws:
            done = [0]
            total = len(article_sources(ws, article)) if article is not None else None

            def refetched(_report: object) -> None:
                done[0] += 1
                bar.update("re-fetching", done[0], total, "sources")

            report = run_reverify(ws, article, progress=refetched)
    except KeyboardInterrupt:
        echo("interrupted: the fetches recorded so far are kept; run reverify again", err=True)
        raise typer.Exit(INTERRUPTED) from None
    if as_json:
        print_json(report.as_json())
    else:
        for source in report.sources:
            echo(f"{source.outcome:<12} {source.url}" + (f"  ({source.error})" if source.error else ""))
        counts: dict[str, int] = {}
        for item in report.evidence:
            counts[item.status] = counts.get(item.status, 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no pinned evidence"
        echo(f"evidence: {summary}; {report.stale} claim(s) stale")
        if any(s.outcome == "gone" for s in report.sources):
            echo("a source is gone: `workbench fetch ARTICLE --as-of article` fetches an archived copy")
    raise typer.Exit(report.exit_code)


@archive_app.command("verify")
def archive_verify(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Recompute every archive record's payload hash; exit 1 if any is missing or altered."""
    from workbench.services.fetching import verify_archive

    with workspace(ctx) as ws:
        checked, problems = verify_archive(ws)
    if as_json:
        print_json(
            {"checked": checked, "problems": [{"record": p.record, "problem": p.problem} for p in problems]}
        )
    else:
        for p in problems:
            echo(f"{p.problem:<10} {p.record}")
        echo(f"{checked} records checked, {len(problems)} problem(s)")
    if problems:
        raise typer.Exit(1)


def archive_search(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID")],
    top: Annotated[int, typer.Option("--top", min=1, help="How many passages.")] = 5,
    add: Annotated[
        bool, typer.Option("--add", help="Keep the passages found as the claim's (pinned) evidence.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Search every source of every article for a claim's evidence (full-text pre-selection, then
    the matching score)."""
    from workbench.services.archive_search import search_archive
    from workbench.services.verdicts import pin_passages

    with workspace(ctx) as ws:
        hits = search_archive(ws, claim_id, top=top)
        spans = [(hit.snapshot_id, hit.start, hit.end, hit.score) for hit in hits]
        added = pin_passages(ws, claim_id, spans) if add else []  # all pinned, or none
    if as_json:
        rows = [hit.as_json() | ({"evidence_id": added[i]} if add else {}) for i, hit in enumerate(hits)]
        print_json(rows)
        return
    for i, hit in enumerate(hits):
        kept = f"  evidence {added[i]}" if add else ""
        copy = f"  ({hit.snapshot.describe()})" if hit.snapshot and hit.snapshot.archived else ""
        echo(f"{hit.score:5.1f}  {hit.source_url}  [{hit.start}:{hit.end}]{copy}{kept}")
        echo(f"       {' '.join(hit.quote.split())[:200]}")
    if not hits:
        echo("no passage in the archive shares a content word with this claim")
