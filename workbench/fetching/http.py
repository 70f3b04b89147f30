"""The one HTTP path every fetch takes: httpx, raw bytes kept for the archive.

A fetch reads the raw (still encoded) stream so the archive holds exactly what the server sent;
the body is decoded here for extraction. Failures become a classified ``FetchResult``, never an
exception, so one bad source never stops a batch.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
import time
import zlib
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpcore
import httpx

from workbench import __version__
from workbench.domain import FetchOutcome

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

USER_AGENT = f"workbench/{__version__} (claim fact-check workbench)"
MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
KEPT_HEADERS = ("etag", "last-modified", "content-type", "memento-datetime", "link")


class FetchRefused(Exception):
    """The URL is not one we fetch (scheme, or a private address without permission)."""


@dataclass(slots=True)
class FetchPolicy:
    """Limits of one fetch run. ``allow_private`` lets tests reach servers on 127.0.0.1."""

    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 2
    backoff: float = 0.5
    max_bytes: int = MAX_BODY_BYTES
    per_host: int = 4
    overall: int = 32
    allow_private: bool = field(default_factory=lambda: os.environ.get("WORKBENCH_ALLOW_PRIVATE") == "1")


@dataclass(slots=True)
class FetchResult:
    """What one request produced. ``raw`` is the payload as received (possibly gzip-encoded);
    ``body`` is the decoded payload; ``headers`` the final response's headers in order."""

    requested_url: str
    outcome: FetchOutcome
    final_url: str | None = None
    status: int | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    raw: bytes = b""
    body: bytes = b""
    error: str | None = None
    duration_ms: int = 0

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.headers:
            if key.lower() == lowered:
                return value
        return None


Resolver = Callable[[str, int, float | None], Awaitable[list[str]]]
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def is_public(address: IPAddress) -> bool:
    """Whether ``address`` is a public one, judging an IPv6 address that carries an IPv4 one
    (IPv4-mapped, 6to4, NAT64) by the IPv4 address it leads to: ``64:ff9b::a9fe:a9fe`` is
    169.254.169.254 on a network with NAT64."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped.is_global
        if address.sixtofour is not None:
            return address.sixtofour.is_global
        if any(address in network for network in _NAT64):
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF).is_global
    return address.is_global


async def system_resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """The machine's resolver, bounded by the connect timeout; fails closed as a connect error."""
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout)
    except (OSError, TimeoutError, UnicodeError) as exc:  # UnicodeError: a label IDNA refuses
        raise httpcore.ConnectError(f"could not resolve {host}: {exc or 'timed out'}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class PublicOnlyBackend(httpcore.AsyncNetworkBackend):
    """Resolves each host once, refuses the connection unless every answer is a public address,
    and connects to the very address it checked. Checking a name and then letting the client
    resolve it again would let a DNS answer change in between (rebinding) and reach the inside.

    TLS still verifies, and SNI still names, the host of the URL: the connection layer passes it
    to ``start_tls`` itself; only the TCP connect sees the address."""

    def __init__(
        self,
        resolve: Resolver = system_resolve,
        allowed: Callable[[IPAddress], bool] | None = None,
    ) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._resolve = resolve
        self._allowed = allowed or is_public

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = [ipaddress.ip_address(host.strip("[]"))]
            how = "is"
        except ValueError:
            addresses = [ipaddress.ip_address(a) for a in await self._resolve(host, port, timeout)]
            how = "resolves to"
        if not addresses:
            raise httpcore.ConnectError(f"could not resolve {host}: no addresses")
        for address in addresses:
            if not self._allowed(address):  # private, loopback, link-local, shared (100.64/10), reserved
                raise FetchRefused(f"{host} {how} a non-public address ({address}); not fetched")
        failure: Exception | None = None
        deadline = None if timeout is None else time.monotonic() + timeout
        for address in addresses:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise httpcore.ConnectTimeout(f"could not connect to {host} within {timeout} s")
            try:
                # one connect timeout for the whole attempt, however many addresses the name has
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=left,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc  # try the next address, as a resolver-driven connect would
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise FetchRefused("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(
    limits: httpx.Limits, backend: httpcore.AsyncNetworkBackend
) -> httpx.AsyncHTTPTransport:
    """httpx's own transport over ``backend``. httpx 0.28 takes no network backend argument
    (encode/httpx#3749 proposes one), so the connection pool it built is swapped for an
    identical one that uses ``backend``; tests/test_fetching.py fails if that stops working."""
    transport = httpx.AsyncHTTPTransport(limits=limits)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=backend,
    )
    return transport


def make_client(
    policy: FetchPolicy | None = None,
    mounts: Mapping[str, httpx.AsyncBaseTransport] | None = None,
    *,
    backend: httpcore.AsyncNetworkBackend | None = None,
) -> httpx.AsyncClient:
    """The shared async client. ``mounts`` routes URL patterns (e.g. the demo's ``.example`` hosts)
    to other transports; everything else goes over the network, where (unless the policy allows
    private addresses) only public addresses are connected to, checked at connect time."""
    policy = policy or FetchPolicy()
    timeout = httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout)
    limits = httpx.Limits(max_connections=policy.overall, max_keepalive_connections=policy.overall)
    if backend is None and not policy.allow_private:
        backend = PublicOnlyBackend()

    async def guard(request: httpx.Request) -> None:
        # runs before every request, redirects included; the address check is the backend's
        check_scheme(str(request.url))

    return httpx.AsyncClient(
        timeout=timeout,
        limits=limits,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        mounts=dict(mounts or {}),
        transport=guarded_transport(limits, backend) if backend is not None else None,
        event_hooks={"request": [guard]},
    )


def check_scheme(url: str) -> None:
    """Refuse anything but http(s) URLs with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"only http and https URLs are fetched: {url!r}")


def decode_body(raw: bytes, encoding: str | None, limit: int) -> bytes:
    """Undo Content-Encoding (gzip/deflate), refusing to inflate past ``limit`` bytes."""
    coding = (encoding or "identity").strip().lower()
    if coding in ("", "identity"):
        return raw
    if coding in ("gzip", "x-gzip", "deflate"):
        wbits = 47 if coding != "deflate" else zlib.MAX_WBITS  # 47: gzip or zlib header
        decoder = zlib.decompressobj(wbits)
        try:
            body = decoder.decompress(raw, limit + 1)
        except zlib.error:
            if coding == "deflate":  # some servers send raw deflate without a zlib header
                decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                body = decoder.decompress(raw, limit + 1)
            else:
                raise
        if len(body) > limit:
            raise ValueError(f"decompressed body exceeds {limit} bytes")
        return body
    raise ValueError(f"unsupported Content-Encoding {encoding!r}")


async def fetch_url(
    client: httpx.AsyncClient,
    url: str,
    policy: FetchPolicy,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """GET ``url`` with retries on 429/5xx (not on DNS or connection failures, which are
    reported as unreachable at once). Sends If-None-Match / If-Modified-Since when given."""
    started = time.monotonic()
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    result = FetchResult(requested_url=url, outcome=FetchOutcome.ERROR)
    for attempt in range(policy.retries + 1):
        result = await _fetch_once(client, url, headers, policy)
        if result.status not in RETRY_STATUSES or attempt == policy.retries:
            break
        await asyncio.sleep(_retry_delay(result, policy, attempt))
    result.duration_ms = int((time.monotonic() - started) * 1000)
    return result


def _retry_delay(result: FetchResult, policy: FetchPolicy, attempt: int) -> float:
    retry_after = result.header("retry-after")
    if retry_after and retry_after.isdigit():
        return min(float(retry_after), 10.0)
    return policy.backoff * (2**attempt)


async def _fetch_once(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], policy: FetchPolicy
) -> FetchResult:
    result = FetchResult(requested_url=url, outcome=FetchOutcome.ERROR)
    try:
        async with client.stream("GET", url, headers=headers) as response:
            result.status = response.status_code
            result.final_url = str(response.url)
            result.headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw]
            if response.status_code == 304:
                result.outcome = FetchOutcome.NOT_MODIFIED
                return result
            if response.status_code in (404, 410):
                result.outcome = FetchOutcome.GONE
                result.error = f"HTTP {response.status_code}"
                return result
            if response.status_code >= 400:
                result.error = f"HTTP {response.status_code}"
                return result
            content_type = (response.headers.get("content-type") or "text/html").lower()
            if not content_type.startswith(ACCEPTED_TYPES):
                result.error = f"unsupported content type {content_type!r}"
                return result
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_raw():
                size += len(chunk)
                if size > policy.max_bytes:
                    result.error = f"response larger than {policy.max_bytes} bytes"
                    return result
                chunks.append(chunk)
            result.raw = b"".join(chunks)
        result.body = decode_body(result.raw, result.header("content-encoding"), policy.max_bytes)
        result.outcome = FetchOutcome.OK
    except FetchRefused as refused:  # from the client's guard, on the first hop or a redirect
        result.error = str(refused)
    except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
        result.outcome = FetchOutcome.UNREACHABLE
        reason = str(exc) or type(exc).__name__
        result.error = reason if reason.startswith("could not") else f"could not connect: {reason}"
    except httpx.TimeoutException as exc:
        result.outcome = FetchOutcome.UNREACHABLE
        result.error = f"timed out: {type(exc).__name__}"
    except httpx.TooManyRedirects:
        result.error = f"more than {MAX_REDIRECTS} redirects"
    except (httpx.HTTPError, ValueError, zlib.error) as exc:
        result.error = f"{type(exc).__name__}: {exc}"
    return result
