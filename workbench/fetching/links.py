"""The links an article's own text makes: the pages it cites, offered as candidate sources.

Only links inside the main text count (trafilatura's extraction with links kept): menus, footers
and share buttons are not what a reporter cites. Each link keeps its anchor text and the
paragraph around it, so a checker can see what it was cited for.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import trafilatura

CONTEXT_CHARS = 300  # of the paragraph around a link, kept to show why it was cited


@dataclass(frozen=True, slots=True)
class PageLink:
    """A link of the main text: absolute ``url``, anchor ``text``, the paragraph it stands in."""

    url: str
    text: str
    context: str


def page_links(html: str, url: str | None) -> list[PageLink]:
    """The http(s) links of the page's main text, in document order, each URL once."""
    extracted = trafilatura.bare_extraction(
        html, url=url, include_links=True, include_comments=False, output_format="python", fast=True
    )
    body = getattr(extracted, "body", None)
    if body is None:
        return []
    found: list[PageLink] = []
    seen: set[str] = set()
    for ref in body.iter("ref"):
        target = (ref.get("target") or "").strip()
        absolute = urljoin(url or "", target)
        if urlsplit(absolute).scheme not in ("http", "https") or absolute in seen:
            continue
        seen.add(absolute)
        block = ref.getparent()
        while block is not None and block.tag == "ref":
            block = block.getparent()
        context = " ".join("".join(block.itertext()).split()) if block is not None else ""
        text = " ".join("".join(ref.itertext()).split())
        found.append(PageLink(absolute, text, context[:CONTEXT_CHARS]))
    return found
