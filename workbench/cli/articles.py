"""``articles``, ``sources`` and ``claims`` commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import (
    ArticleArg,
    JsonFlag,
    echo,
    fail,
    parse_date,
    parse_lang,
    print_json,
    workspace,
)

articles_app = typer.Typer(help="Add and list articles.", no_args_is_help=True)
sources_app = typer.Typer(
    help="Link source URLs to articles, list, suggest and unlink them.", no_args_is_help=True
)
claims_app = typer.Typer(help="List and extract claims.", no_args_is_help=True)

LangOption = Annotated[
    str | None, typer.Option("--lang", help="Article language: id or en (detected if absent).")
]
DateOption = Annotated[
    str | None, typer.Option("--date", help="Article date, YYYY-MM-DD (year for year-less dates).")
]


def language_of(text: str, given: str | None) -> str:
    """``given`` if set; else the identified language, with a warning on stderr when the
    identifier is unsure (the checker should say --lang)."""
    if given is not None:
        return given
    from workbench.language.identify import identify_language

    guess = identify_language(text)
    if not guess.sure:
        echo(
            f"warning: the language is unclear; read as {guess.describe()}. "
            "Give --lang id or --lang en if that is wrong.",
            err=True,
        )
    return guess.lang


def register(app: typer.Typer) -> None:
    app.add_typer(articles_app, name="articles")
    app.add_typer(sources_app, name="sources")
    app.add_typer(claims_app, name="claims")


@articles_app.command("list")
def articles_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the articles with their claim and source counts."""
    from workbench.services.article_list import list_articles

    with workspace(ctx) as ws:
        rows = list_articles(ws)
    if as_json:
        print_json([r.as_json() for r in rows])
        return
    for r in rows:
        echo(
            f"{r.id:>4}  {r.slug or '-':<24} {r.language}  {r.claims:>3} claims  {r.sources:>2} sources  {r.title}"
        )


@articles_app.command("add")
def articles_add(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="PATH|URL")],
    lang: LangOption = None,
    date: DateOption = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Add an article from a UTF-8 text file or a web page, and extract its claims. From a web
    page, the article's date comes from the page (its date metadata, markup, URL or dateline)
    unless --date is given, and the links of its text are kept for ``sources suggest``."""
    from workbench.services.articles import add_article, list_articles
    from workbench.services.ingest import read_article_page

    language = parse_lang(lang)
    article_date = parse_date(date)
    with workspace(ctx) as ws:
        page = read_article_page(ws, target)
        if article_date is None and page.date is not None:
            article_date = page.date
            echo(f"date {page.date.isoformat()} from the {page.date_origin} (--date to change)", err=True)
        elif article_date is None and page.url is not None:
            echo("warning: the page gives no date; give --date for year-less dates", err=True)
        article = add_article(
            ws,
            page.text,
            title=title or page.title or "",
            language=language_of(page.text, language),
            article_date=article_date,
            url=page.url,
            links=page.links,
        )
        [summary] = list_articles(ws, article.id)
    if as_json:
        print_json(summary.as_json())
    else:
        echo(f"article {summary.id}: {summary.claims} claims ({summary.language}) — {summary.title}")
        if page.links:
            echo(f"{len(page.links)} link(s) in its text: see `sources suggest {summary.id}`")


@sources_app.command("add")
def sources_add(
    ctx: typer.Context,
    article: ArticleArg,
    url: Annotated[str, typer.Argument(metavar="URL")],
    as_json: JsonFlag = False,
) -> None:
    """Link a source URL to an article (fetch it with ``workbench fetch``). A URL the fetcher would
    refuse (not http(s), a user name or password in it, an odd address form) is not stored."""
    from workbench.services.sources import add_source

    with workspace(ctx) as ws:
        source = add_source(ws, article, url)
    if as_json:
        print_json({"id": source.id, "url": source.url})
    else:
        echo(f"source {source.id}: {source.url}")


@sources_app.command("suggest")
def sources_suggest(ctx: typer.Context, article: ArticleArg, as_json: JsonFlag = False) -> None:
    """Offer the links of the article's page as candidate sources (those not linked yet; other
    sites first). Works offline: the links were kept when the article was added from its URL."""
    from workbench.services.articles import get_article
    from workbench.services.sources import suggest_sources

    with workspace(ctx) as ws:
        found = suggest_sources(ws, article)
        origin = get_article(ws, article).url
    if as_json:
        print_json([s.as_json() for s in found])
        return
    if not found:
        why = "" if origin else " (it was not added from a web page)"
        echo(f"no candidate sources{why}", err=True)
        return
    for s in found:
        where = "same site" if s.same_site else "elsewhere"
        known = f", source {s.known_source} of another article" if s.known_source else ""
        echo(f"{s.url}  [{where}{known}]")
        echo(f"    “{s.text}” in: {s.context[:160]}")


@sources_app.command("remove")
def sources_remove(
    ctx: typer.Context,
    article: ArticleArg,
    source: Annotated[
        str, typer.Argument(metavar="URL|ID", help="The source's URL or id (see sources list).")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Unlink a source from an article. Its snapshots, fetch attempts and evidence history are
    kept; verdicts that pin its passages stand, and the command says which claims they are."""
    from workbench.services.sources import remove_source

    with workspace(ctx) as ws:
        removed = remove_source(ws, article, source)
    if as_json:
        print_json(removed.as_json())
        return
    echo(
        f"source {removed.source_id} unlinked from article {removed.article_id}: {removed.url} "
        f"({removed.snapshots} snapshot(s) and its fetch history kept)"
    )
    if removed.verdict_claims:
        claims = ", ".join(str(c) for c in removed.verdict_claims)
        echo(
            f"warning: {len(removed.verdict_claims)} current verdict(s) rest on its evidence (claims {claims}); "
            "they stand, and reverify still re-checks that evidence",
            err=True,
        )


@sources_app.command("list")
def sources_list(ctx: typer.Context, article: ArticleArg, as_json: JsonFlag = False) -> None:
    """List an article's sources with their last fetch outcome."""
    from workbench.services.sources import source_views

    with workspace(ctx) as ws:
        views = source_views(ws, article)
    if as_json:
        print_json([v.as_json() for v in views])
        return
    for v in views:
        copy = v.snapshot.describe() if v.snapshot else "no copy"
        echo(f"{v.id:>4}  {v.last_outcome or 'never fetched':<12} {v.url}  ({copy})")


@claims_app.command("list")
def claims_list(ctx: typer.Context, article: ArticleArg, as_json: JsonFlag = False) -> None:
    """List an article's claims with verdict, review state and best evidence."""
    from workbench.services.verdicts import list_claims

    with workspace(ctx) as ws:
        views = list_claims(ws, article)
    if as_json:
        print_json([v.as_json() for v in views])
        return
    for v in views:
        best = v.best
        score = f"{best.score:5.1f}" if best else "    -"
        verdict = v.verdict.label if v.verdict else "-"
        echo(f"{v.claim.id:>5} {v.claim.kind:<11} {verdict:<16} {score}  {v.claim.text[:70]}")


@claims_app.command("extract")
def claims_extract(
    path: Annotated[Path, typer.Argument(metavar="PATH")],
    lang: LangOption = None,
    date: DateOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Extract claims from a text file without touching any database."""
    from workbench.claims import ArticleTooLong, extract_claims
    from workbench.settings import max_article_chars

    if not path.is_file():
        fail(f"no such file: {path}")
    try:
        cap = max_article_chars()
    except ValueError as exc:  # a setting that is not a positive number
        fail(str(exc))
    # a UTF-8 character takes at most 4 bytes: a larger file is refused before it is read
    if path.stat().st_size > 4 * cap:
        fail(
            f"{path} is larger than claim extraction takes ({cap:,} characters, WORKBENCH_MAX_ARTICLE_CHARS)"
        )
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        fail(f"{path} is not UTF-8 text (byte {exc.start} cannot be decoded)")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    try:
        found = extract_claims(text, language_of(text, parse_lang(lang)), parse_date(date))
    except ArticleTooLong as exc:
        fail(f"{path}: {exc}")
    if as_json:
        print_json([c.as_json() for c in found])
        return
    for c in found:
        echo(f"{c.start:>6}-{c.end:<6} {c.kind:<11} {c.score:>3}  {c.text[:80]}")


@articles_app.command("export-bundle")
def articles_export_bundle(
    ctx: typer.Context,
    article: ArticleArg,
    path: Annotated[Path, typer.Argument(metavar="PATH")],
) -> None:
    """Write one file with the article, claims, verdict history, snapshots and archive records."""
    from workbench.services.bundles import export_bundle

    with workspace(ctx) as ws:
        counts = export_bundle(ws, article, path)
    echo(f"wrote {path}: " + ", ".join(f"{n} {k}" for k, n in counts.items()), err=True)


@articles_app.command("import-bundle")
def articles_import_bundle(
    ctx: typer.Context, path: Annotated[Path, typer.Argument(metavar="PATH")], as_json: JsonFlag = False
) -> None:
    """Load a bundle written by export-bundle (ids are re-numbered; archive records are checked)."""
    from workbench.services.bundles import import_bundle

    with workspace(ctx) as ws:
        article_id = import_bundle(ws, path)
    if as_json:
        print_json({"article_id": article_id})
    else:
        echo(f"imported as article {article_id}")
