"""Serve a built-in case's pages (``.example`` hosts) through httpx's real client path.

The demo case's pages live in ``sources/<case>/site/<version>/<host>/<path>.html``. This transport
is mounted on the shared client for those hosts only, so the demo exercises exactly the code that
fetches real sources: redirects, headers, raw bytes, archive, extraction.
"""

from __future__ import annotations

import email.utils
import hashlib
from pathlib import Path

import httpx


class SiteTransport(httpx.AsyncBaseTransport):
    """Answer GETs from files under ``<root>/<host>/`` (the first root that has the host).

    A host with no folder in any root fails as a connection error (unreachable, like a dead
    server); a known host without the file answers 404 (gone).

    ``/a/b`` maps to ``a/b.html`` (or ``a/b/index.html``); ``/`` to ``index.html``. Responses
    carry an ETag and Last-Modified so conditional re-fetches get a 304 when nothing changed.
    """

    def __init__(self, roots: list[Path]) -> None:
        self.roots = roots

    def _host_folder(self, host: str) -> Path | None:
        for root in self.roots:
            folder = root / host
            if host and not host.startswith(".") and folder.is_dir():
                return folder.resolve()
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
        base = self._host_folder(request.url.host)
        if base is None:
            raise httpx.ConnectError(f"no such host: {request.url.host}", request=request)
        page = self._file_for(base, request.url.path)
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
