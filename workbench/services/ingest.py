"""Read an article from the web: the same httpx path and trafilatura extraction as sources."""

from __future__ import annotations

from pathlib import Path

import httpx

from workbench.domain import FetchOutcome
from workbench.fetching.extract import page_from_body
from workbench.fetching.http import FetchPolicy, fetch_url, make_client
from workbench.services.fetching import run_async
from workbench.services.workspace import Workspace


class DownloadFailed(ValueError):
    pass


def download_article(
    url: str, policy: FetchPolicy | None = None, mounts: dict[str, httpx.AsyncBaseTransport] | None = None
) -> tuple[str, str | None]:
    """The main text and title of the page at ``url``; DownloadFailed says why not."""
    policy = policy or FetchPolicy()

    async def run() -> tuple[str, str | None]:
        async with make_client(policy, mounts) as client:
            result = await fetch_url(client, url, policy)
        if result.outcome != FetchOutcome.OK:
            raise DownloadFailed(f"could not fetch {url}: {result.error or result.outcome}")
        content_type = result.header("content-type")
        page = page_from_body(result.body, result.final_url, content_type)
        if not page.text.strip():
            raise DownloadFailed(f"no article text found at {url}")
        if page.note:  # an article cut short would be checked against half its claims
            raise DownloadFailed(f"the article at {url} is too long: {page.note}")
        return page.text, page.title

    return run_async(run())


def read_article(ws: Workspace, target: str) -> tuple[str, str | None, str | None]:
    """Text, URL and page title of an article given as a file path or an http(s) URL (fetched with
    the workspace's policy and transports). A file is read as UTF-8 exactly (line endings kept:
    offsets depend on them)."""
    if target.startswith(("http://", "https://")):
        text, title = download_article(target, ws.policy, ws.transports())
        return text, target, title
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
    return text, None, None
