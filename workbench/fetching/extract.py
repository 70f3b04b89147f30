"""Main text and metadata of a fetched page, by trafilatura (comments excluded).

The page's own date metadata is read first: trafilatura prefers a date found in the URL
(``/2022/02/28/``) over ``article:published_time`` and JSON-LD ``datePublished``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publish-date",
)


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    language: str | None = None


def decode_html(body: bytes, content_type: str | None) -> str:
    """Bytes to text: the header's charset, else the page's meta charset, else UTF-8 with
    replacement (never an exception on a wrong encoding)."""
    charset = _charset(content_type)
    if charset is None:
        head = body[:4096].decode("ascii", errors="ignore")
        match = re.search(r"""<meta[^>]+charset=["']?([\w-]+)""", head, re.IGNORECASE)
        charset = match.group(1) if match else None
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return body.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def extract_page(document: str, url: str | None = None, content_type: str | None = None) -> PageText:
    """Extract the main text. Plain text passes through; HTML goes through trafilatura.
    Returns empty text (not an error) when nothing readable is found."""
    if content_type and content_type.lower().startswith("text/plain"):
        return PageText(text=document.strip())
    published = page_date(document)
    extracted = trafilatura.bare_extraction(
        document,
        url=url,
        include_comments=False,
        with_metadata=True,
        output_format="python",
    )
    if extracted is None:
        return PageText(text="", published=published)
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    return PageText(
        text=text,
        title=data.get("title"),
        author=data.get("author"),
        published=published or data.get("date"),
        language=data.get("language"),
    )


def page_date(document: str) -> str | None:
    """The publication date the page itself declares (meta tags, then JSON-LD), as YYYY-MM-DD."""
    try:
        tree = lxml_html.fromstring(document)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in DATE_META:
            found = _iso_date(meta.get("content") or "")
            if found:
                return found
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("datePublished"):
                found = _iso_date(str(item["datePublished"]))
                if found:
                    return found
    return None


def _iso_date(value: str) -> str | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return "-".join(match.groups()) if match else None


def page_from_body(body: bytes, url: str | None, content_type: str | None) -> PageText:
    """Decode a fetched body and extract its page text: the one way raw bytes become text."""
    return extract_page(decode_html(body, content_type), url, content_type)
