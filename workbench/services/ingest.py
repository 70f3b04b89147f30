"""Read an article from a file or the web: the same httpx path and trafilatura extraction as sources.

An article read from a URL also brings what its page says about itself: its publication date (the
page's own date metadata first, then htmldate on the markup and the URL, then a dated dateline at
the top of the text) and the links of its main text (candidate sources, kept with the article).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from workbench.domain import FetchOutcome
from workbench.fetching.http import FetchPolicy, fetch_url, make_client
from workbench.fetching.links import PageLink
from workbench.services.fetching import run_async
from workbench.services.workspace import Workspace

DATELINE_CHARS = 300  # how far into the text a dateline's date is looked for


class DownloadFailed(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """An article as read: its text, and from a web page its URL, title, date and links.
    ``date_origin`` says where the date came from ("page metadata", "page markup or URL",
    "dateline")."""

    text: str
    url: str | None = None
    title: str | None = None
    date: dt.date | None = None
    date_origin: str | None = None
    links: list[PageLink] = field(default_factory=list)


def download_article(
    url: str, policy: FetchPolicy | None = None, mounts: dict[str, httpx.AsyncBaseTransport] | None = None
) -> ArticlePage:
    """The page at ``url`` read as an article (see :class:`ArticlePage`); DownloadFailed says why not."""
    from workbench.fetching.extract import decode_html, extract_page

    policy = policy or FetchPolicy()

    async def run() -> tuple[str, str, str | None]:
        async with make_client(policy, mounts) as client:
            result = await fetch_url(client, url, policy)
        if result.outcome != FetchOutcome.OK:
            raise DownloadFailed(f"could not fetch {url}: {result.error or result.outcome}")
        content_type = result.header("content-type")
        return decode_html(result.body, content_type), result.final_url or url, content_type

    document, final_url, content_type = run_async(run())
    page = extract_page(document, final_url, content_type)
    if not page.text.strip():
        raise DownloadFailed(f"no article text found at {url}")
    if page.note:  # an article cut short would be checked against half its claims
        raise DownloadFailed(f"the article at {url} is too long: {page.note}")
    is_html = not (content_type or "").lower().startswith("text/plain")
    date, origin = page_article_date(document, final_url, page.text) if is_html else (None, None)
    links = _links(document, final_url) if is_html else []
    return ArticlePage(page.text, url, page.title, date, origin, links)


def page_article_date(document: str, url: str, text: str) -> tuple[dt.date | None, str | None]:
    """The article's date and where it came from: the page's own date metadata (meta tags, JSON-LD)
    first, since htmldate prefers a date in the URL to it; then htmldate on the markup, then the
    URL; last the first fully dated date near the top of the text (a dateline)."""
    from workbench.fetching.extract import page_date

    declared = page_date(document)
    if declared:
        return dt.date.fromisoformat(declared), "page metadata"
    found = _htmldate(document, url)
    if found is not None:
        return found, "page markup or URL"
    from workbench.language.dates import find_dates
    from workbench.language.identify import detect_language

    head = text[:DATELINE_CHARS]
    for mention in find_dates(head, detect_language(head)):
        if mention.year is not None and mention.mention is not None:
            return dt.date.fromisoformat(mention.mention.date), "dateline"
    return None, None


def _htmldate(document: str, url: str) -> dt.date | None:
    from htmldate import find_date

    try:
        # no search of the whole text (a date quoted in the story is not the story's date); the
        # URL is read after the markup
        found = find_date(
            document, url=url, extensive_search=False, original_date=True, deferred_url_extractor=True
        )
    except (ValueError, TypeError):
        return None
    try:
        return dt.date.fromisoformat(found) if found else None
    except ValueError:
        return None


def _links(document: str, url: str) -> list[PageLink]:
    from workbench.fetching.links import page_links

    try:
        return page_links(document, url)
    except (ValueError, TypeError):  # links are an offer: a page trafilatura chokes on has none
        return []


def read_article_page(ws: Workspace, target: str) -> ArticlePage:
    """An article given as a file path or an http(s) URL (fetched with the workspace's policy and
    transports). A file is read as UTF-8 exactly (line endings kept: offsets depend on them)."""
    if target.startswith(("http://", "https://")):
        return download_article(target, ws.policy, ws.transports())
    path = Path(target).expanduser()
    if not path.is_file():
        raise DownloadFailed(f"no such file: {target}")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        raise DownloadFailed(f"{target} is not UTF-8 text") from exc
    if not text.strip():
        raise DownloadFailed(f"{target} has no text")
    return ArticlePage(text)


def read_article(ws: Workspace, target: str) -> tuple[str, str | None, str | None]:
    """Text, URL and page title of an article (see :func:`read_article_page`, which also gives
    the page's date and links)."""
    page = read_article_page(ws, target)
    return page.text, page.url, page.title
