"""Serve a built-in case's pages (``.example`` hosts) through httpx's real client path.

The demo case's pages live in ``sources/<case>/site/<version>/<host>/<path>.html``. A later version
holds only what changed: its own files win, the earlier versions' files show through, and the pages
named in its ``REMOVED`` file (``<host>/<path>`` a line) answer 404. This transport is mounted on the
shared client for those hosts only, so the demo exercises exactly the code that fetches real
sources: redirects, headers, raw bytes, archive, extraction.
"""

from __future__ import annotations

import email.utils
import hashlib
from dataclasses import dataclass
from pathlib import Path

import httpx

REMOVED = "REMOVED"


@dataclass(frozen=True, slots=True)
class SiteLayer:
    """One version folder of a case's site and the pages that version removed."""

    root: Path
    removed: frozenset[str] = frozenset()

    @classmethod
    def of(cls, root: Path) -> SiteLayer:
        listed = root / REMOVED
        lines = listed.read_text(encoding="utf-8").splitlines() if listed.is_file() else []
        return cls(
            root,
            frozenset(line.strip().strip("/") for line in lines if line.strip() and not line.startswith("#")),
        )


class SiteTransport(httpx.AsyncBaseTransport):
    """Answer GETs from files under ``<layer>/<host>/``, the newest layer first.

    A host with no folder in any layer fails as a connection error (unreachable, like a dead
    server); a known host without the file, or with the page removed by a newer layer, answers
    404 (gone).

    ``/a/b`` maps to ``a/b.html`` (or ``a/b/index.html``); ``/`` to ``index.html``. Responses
    carry an ETag and Last-Modified so conditional re-fetches get a 304 when nothing changed.
    """

    def __init__(self, layers: list[SiteLayer]) -> None:
        self.layers = layers

    def _host_folders(self, host: str) -> list[tuple[SiteLayer, Path]]:
        if not host or host.startswith("."):
            return []
        return [
            (layer, (layer.root / host).resolve()) for layer in self.layers if (layer.root / host).is_dir()
        ]

    def _page(self, host: str, path: str) -> Path | None:
        key = f"{host}/{path.strip('/')}".rstrip("/")
        for layer in self.layers:
            if key in layer.removed:
                return None
            base = (layer.root / host).resolve()
            if base.is_dir() and (page := self._file_for(base, path)) is not None:
                return page
        return None

    def _file_for(self, base: Path, path: str) -> Path | None:
        relative = path.strip("/")
        candidates = (
            [base / "index.html"]
            if not relative
            else [
                base / relative,
                base / f"{relative}.html",
                base / relative / "index.html",
            ]
        )
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved.is_file() and resolved.is_relative_to(base):
                return resolved
        return None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method not in ("GET", "HEAD"):
            return httpx.Response(405, request=request)
        if not self._host_folders(request.url.host):
            raise httpx.ConnectError(f"no such host: {request.url.host}", request=request)
        page = self._page(request.url.host, request.url.path)
        if page is None:
            return httpx.Response(
                404,
                headers={"Content-Type": "text/plain; charset=utf-8"},
                stream=httpx.ByteStream(b"not found\n"),
                request=request,
            )
        body = page.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(page.stat().st_mtime, usegmt=True)
        if request.headers.get("if-none-match") == etag:
            return httpx.Response(304, headers={"ETag": etag}, request=request)
        headers = {
            "Content-Type": "text/html; charset=utf-8",
            "ETag": etag,
            "Last-Modified": modified,
        }
        headers["Content-Length"] = str(len(body))
        # stream=, not content=: a content= response counts as already read, and the client
        # must read the raw stream exactly as it does from a network connection
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(body), request=request)
