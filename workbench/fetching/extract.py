"""Main text and metadata of a fetched page, by trafilatura (comments excluded).

The page's own date metadata is read first: trafilatura prefers a date found in the URL
(``/2022/02/28/``) over ``article:published_time`` and JSON-LD ``datePublished``.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from typing import Any

import charset_normalizer
import trafilatura
from lxml import html as lxml_html
from trafilatura.settings import set_date_params

from workbench import settings

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
    note: str | None = None  # what was left out, when the page was cut at the text cap


# How much HTML is read for a given text cap: news pages carry tens of characters of markup per
# character of text, but scripts and styles are dropped first, and what is left is mostly text.
HTML_PER_TEXT = 4
# Above this many characters of HTML, extraction skips trafilatura's second opinion (readability
# and jusText) and htmldate's search of the whole text for dates (the page's own date metadata is
# read first anyway): on a 2 MB page they cost most of the ~3 s; the text came out the same.
LARGE_PAGE_CHARS = 500_000
_SAMPLE_BYTES = 64 * 1024  # what encoding detection looks at
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = re.compile(r"(utf-?(16|32)|ucs-?[24])", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TEXTLESS = ("script", "style", "template", "noscript")
_TEXTLESS_OPEN = re.compile(rf"<({'|'.join(_TEXTLESS)})\b|<!--", re.IGNORECASE)
_TEXTLESS_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _TEXTLESS}


def decode_html(body: bytes, content_type: str | None) -> str:
    """Bytes to text, never an exception on a wrong encoding: a byte-order mark wins (as in
    browsers); then the header's charset, then the page's meta charset, then UTF-8, each only if
    it decodes without error into plausible text (a UTF-16 page labelled ISO-8859-1 "decodes" into
    every other character a NUL); then the encoding detected from the first 64 KB; last, UTF-8
    with replacement characters."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    charset = _charset(content_type)
    head = body[:4096].decode("ascii", errors="ignore")
    match = re.search(r"""<meta[^>]+charset=["']?([\w-]+)""", head, re.IGNORECASE)
    declared = match.group(1) if match else None
    for candidate in dict.fromkeys(c for c in (charset, declared, "utf-8") if c):
        try:
            text = body.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
        if _plausible(text, candidate, body):
            return text
    detected = charset_normalizer.from_bytes(body[:_SAMPLE_BYTES]).best()
    if detected is not None:
        return body.decode(detected.encoding, errors="replace")
    return body.decode("utf-8", errors="replace")


def _plausible(text: str, encoding: str, body: bytes) -> bool:
    """Text, not bytes read in the wrong encoding: almost no control characters (tabs, line
    breaks and form feeds aside) in its first 64 K characters; and a page said to be UTF-16 or
    UTF-32 has zero bytes (its ASCII markup has one in every character), or it is not."""
    if _WIDE.match(encoding) and b"\x00" not in body[:_SAMPLE_BYTES]:
        return False
    sample = text[:_SAMPLE_BYTES]
    return len(_CONTROL.findall(sample)) <= len(sample) // 100


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def cut_text(text: str, cap: int) -> str:
    """``text`` if it has at most ``cap`` characters, else its start up to a line break (or else a
    space) in the last tenth before the cap (or the last 200 characters, if more): no word is cut
    in half where it can be helped."""
    if len(text) <= cap:
        return text
    floor = max(0, cap - max(cap // 10, 200))
    for mark in ("\n", " "):
        at = text.rfind(mark, floor, cap)
        if at > 0:
            return text[:at].rstrip()
    return text[:cap]


def _cut_html(document: str, cap: int) -> str:
    """At most ``cap`` characters of HTML: scripts, styles and comments go first (they hold no
    text, and some pages carry megabytes of them before the article); then the rest is cut
    before a tag."""
    if len(document) <= cap:
        return document
    document = _drop_textless(document)
    if len(document) <= cap:
        return document
    at = document.rfind("<", cap - cap // 10, cap)
    return document[: at if at > 0 else cap]


def _drop_textless(document: str) -> str:
    """``document`` without its script, style, template and noscript elements and comments, in
    one pass (each search starts where the last ended; an element left open runs to the end, as
    it does in a browser)."""
    kept: list[str] = []
    position = 0
    while (found := _TEXTLESS_OPEN.search(document, position)) is not None:
        kept.append(document[position : found.start()])
        if found.group(1) is None:
            closed = document.find("-->", found.end())
            position = len(document) if closed < 0 else closed + 3
        else:
            closing = _TEXTLESS_CLOSE[found.group(1).lower()].search(document, found.end())
            position = len(document) if closing is None else closing.end()
    kept.append(document[position:])
    return "".join(kept)


def extract_page(
    document: str, url: str | None = None, content_type: str | None = None, *, text_cap: int | None = None
) -> PageText:
    """Extract the main text. Plain text passes through; HTML goes through trafilatura.
    Returns empty text (not an error) when nothing readable is found.

    At most ``text_cap`` characters of text are kept (default ``WORKBENCH_TEXT_CAP``), and at
    most ``HTML_PER_TEXT`` times that of HTML is read, so the time and memory a page costs are
    bounded whatever its size; ``note`` then says what was left out."""
    cap = text_cap or settings.text_cap()
    notes: list[str] = []
    if content_type and content_type.lower().startswith("text/plain"):
        text = document.strip()
        published = None
        found: dict[str, Any] = {}
    else:
        html = _cut_html(document, cap * HTML_PER_TEXT)
        if len(html) < len(document):
            notes.append(f"only the first {len(html):,} of {len(document):,} characters of HTML were read")
        published = page_date(html)
        large = len(html) > LARGE_PAGE_CHARS
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            with_metadata=True,
            output_format="python",
            fast=large,
            date_extraction_params=set_date_params(extensive=not large),
        )
        found = (
            {}
            if extracted is None
            else (extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted))
        )
        text = found.get("text") or ""
    kept = cut_text(text, cap)
    if len(kept) < len(text):
        notes.append(f"text cut at {len(kept):,} of {len(text):,} characters")
    return PageText(
        text=kept,
        title=found.get("title"),
        author=found.get("author"),
        published=published or found.get("date"),
        language=found.get("language"),
        note=f"page cut at WORKBENCH_TEXT_CAP ({cap:,} characters): " + "; ".join(notes) if notes else None,
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


def page_from_body(
    body: bytes, url: str | None, content_type: str | None, *, text_cap: int | None = None
) -> PageText:
    """Decode a fetched body and extract its page text: the one way raw bytes become text."""
    return extract_page(decode_html(body, content_type), url, content_type, text_cap=text_cap)
