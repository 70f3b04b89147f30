"""The identity of a URL: what makes two spellings of one address the same source.

``url_key`` is courlan's normalisation (lower-case scheme and host, default port dropped, query
parameters sorted, tracking parameters such as ``utm_*`` and ``fbclid`` dropped), without the
fragment and without a trailing slash. It decides whether a URL is a source already; the URL as
first given is kept for fetching, since a server may answer only one of the spellings.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url


def url_key(url: str) -> str:
    """The normalised form of ``url`` two spellings of one page share:
    "https://Example.com/a/?utm_source=x#top" and "https://example.com/a" give the same key.
    A URL courlan cannot read is only stripped of its fragment."""
    try:
        normal = normalize_url(url.strip(), strict=False, trailing_slash=False)
    except (ValueError, AttributeError):
        normal = url.strip()
    parts = urlsplit(normal)
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def same_site(first: str, second: str) -> bool:
    """Whether two URLs are on the same host, "www." aside."""

    def host(url: str) -> str:
        name = (urlsplit(url).hostname or "").lower()
        return name.removeprefix("www.")

    return host(first) == host(second)
