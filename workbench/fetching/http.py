"""The one HTTP path every fetch takes: httpx, raw bytes kept for the archive.

A fetch reads the raw (still encoded) stream so the archive holds exactly what the server sent;
the body is decoded here for extraction. Failures become a classified ``FetchResult``, never an
exception, so one bad source never stops a batch.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import re
import socket
import time
import zlib
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpcore
import httpx

from workbench import __version__, settings
from workbench.domain import FetchOutcome

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

USER_AGENT = f"workbench/{__version__} (claim fact-check workbench)"
MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
KEPT_HEADERS = ("etag", "last-modified", "content-type", "memento-datetime", "link")


class FetchRefused(ValueError):
    """The URL is not one we fetch or store (see :func:`check_url`), or it leads to a private
    address without permission. A ValueError: bad input, told in one line."""


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
    total_timeout: float = field(default_factory=settings.fetch_deadline)  # a whole fetch, retries included


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
        # runs before every request, redirects included; a name's addresses are the backend's to check
        check_url(str(request.url), allow_private=True)

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


MAX_URL_CHARS = 8000  # what HTTP asks every server to accept (RFC 9110, section 4.1)
_NUMERIC_LABEL = re.compile(r"(?:[0-9]+|0[xX][0-9a-fA-F]*)")
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x20\x7f\\]")  # controls, space, backslash


def check_url(url: str, *, allow_private: bool = False) -> str:
    """The one set of rules a URL must meet to be stored as a source or fetched (every redirect hop
    included); returns it unchanged, or raises :class:`FetchRefused` naming the rule broken.

    Only http(s) with a host name; no user name or password (they would reach the database, the
    listings and the reports); no spaces, control characters or backslashes (parsers disagree on
    them); a host that IDNA can encode; a valid port. A host whose last label is a number is taken
    as an IPv4 address by browsers and by the system resolver (``0177.0.0.1``, ``0x7f.1``,
    ``2130706433`` are all 127.0.0.1): only the plain dotted-decimal form is accepted. Unless
    ``allow_private``, an address written in the URL must be public; a host name's addresses are
    checked when it is connected to (:class:`PublicOnlyBackend`)."""
    if len(url) > MAX_URL_CHARS:
        raise FetchRefused(f"URL longer than {MAX_URL_CHARS} characters")
    if _UNSAFE_CHARACTERS.search(url):
        raise FetchRefused(f"URL contains a space, control character or backslash: {url!r}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"only http and https URLs are fetched: {url!r}")
    if "@" in parts.netloc:
        raise FetchRefused("URL carries a user name or password (user:pass@host); remove them")
    try:
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(f"URL has an invalid port: {exc}") from exc
    if port == 0:
        raise FetchRefused("URL has an invalid port: 0")
    host = parts.hostname
    if "%" in host:
        raise FetchRefused(f"URL host is percent-encoded or has a zone: {host!r}")
    address = _host_address(host)
    if address is not None and not allow_private and not is_public(address):
        raise FetchRefused(f"{host} is a non-public address; not fetched")
    try:
        httpx.URL(url).host  # noqa: B018 - httpx's own parsing, IDNA both ways (listings show .host)
    except Exception as exc:  # httpx.InvalidURL, or idna's errors for a label it cannot encode
        raise FetchRefused(f"not a valid URL: {exc}") from exc
    return url


def _host_address(host: str) -> IPAddress | None:
    """The address a URL's host names literally, or None for a host name."""
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host)
        except ValueError as exc:
            raise FetchRefused(f"not a valid IPv6 address: {host!r}") from exc
    last = host.rstrip(".").rsplit(".", 1)[-1]
    if not _NUMERIC_LABEL.fullmatch(last):
        return None
    try:
        address = ipaddress.IPv4Address(host)  # refuses leading zeros, hex and short forms
    except ValueError:
        raise FetchRefused(
            f"host {host!r} is an IPv4 address in an unusual form (octal, hex, a bare number or "
            "too few parts); write it as four decimal numbers"
        ) from None
    return address


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
    reported as unreachable at once). Sends If-None-Match / If-Modified-Since when given.

    The whole of it (connecting, headers, body, retries and their pauses) must end within
    ``policy.total_timeout`` seconds, or it is unreachable: a server that trickles a byte a second
    never trips the read timeout, which only bounds the wait for the next byte."""
    started = time.monotonic()
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    result = FetchResult(requested_url=url, outcome=FetchOutcome.ERROR)
    try:
        check_url(url, allow_private=True)  # addresses are the connection's to check
        async with asyncio.timeout(policy.total_timeout):
            for attempt in range(policy.retries + 1):
                result = await _fetch_once(client, url, headers, policy)
                if result.status not in RETRY_STATUSES or attempt == policy.retries:
                    break
                await asyncio.sleep(_retry_delay(result, policy, attempt))
    except FetchRefused as refused:
        result = FetchResult(requested_url=url, outcome=FetchOutcome.ERROR, error=str(refused))
    except TimeoutError:
        result = FetchResult(
            requested_url=url,
            outcome=FetchOutcome.UNREACHABLE,
            error=f"timed out: no complete answer within {policy.total_timeout:g} s (the per-source deadline)",
        )
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
    except (httpx.HTTPError, httpx.InvalidURL, ValueError, zlib.error) as exc:
        result.error = f"{type(exc).__name__}: {exc}"
    return result
