"""Hostile text in an article, a fetched source, a rationale and a checker's name stays text in
every report format: no markup, no script, no link, no heading, no table cell, no formula, no
terminal escape. The Markdown is read back by a real CommonMark parser (markdown-it-py)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from tests.conftest import LocalServer, Reply
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article, latest_snapshot
from workbench.services.reports import export_article
from workbench.services.sources import add_source, article_sources
from workbench.services.verdicts import add_evidence, list_claims, record_verdict
from workbench.services.workspace import Workspace

SCRIPT = '<script>alert("x")</script>'
IMG = "<img src=x onerror=alert(1)>"
LINK = "[klik](javascript:alert(1))"
ESCAPES = ("\x1b", "\x07", "\x00", "\x9b")

SOURCE_TEXT = (
    f"The minister said {SCRIPT} and {IMG} in the statement on Monday. "
    f"Readers were told to {LINK} for details. "
    "# Breaking news | col | col | follows in the statement. "
    "The ministry approved 40 new schools \x1b[31min red\x1b[0m\x07 in March."
)
ARTICLE = (
    f"JAKARTA - Menteri mengatakan {SCRIPT} dan {IMG} pada Senin.\n"
    f"# Judul palsu | a | b |\n"
    f"Kementerian menyetujui 40 sekolah baru {LINK} pada Maret.\n"
    '=HYPERLINK("http://evil.example") kata dia \x1b[2J \x9b31m.\n'
)


def _hostile_page() -> bytes:
    escaped = SOURCE_TEXT.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    title = "Statement &lt;script&gt;alert(2)&lt;/script&gt; | Ministry"
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1><p>{escaped}</p><p>Another paragraph of the statement, "
        "long enough for the extractor to keep the article body as it is.</p></article></body></html>"
    ).encode()


@pytest.fixture
def hostile(workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("WORKBENCH_ORG", "Org <b>bold</b> & co")
    server.routes["/statement"] = Reply(200, _hostile_page())
    article = add_article(workspace, ARTICLE, title=f"Judul {SCRIPT} | # x", language="id")
    article_id = article.id or 0
    add_source(workspace, article_id, server.url("/statement"), title=f"Source {IMG} ](javascript:x)")
    [fetched] = fetch_article(workspace, article_id)
    assert fetched.outcome == "ok"
    views = list_claims(workspace, article_id)
    snapshot = latest_snapshot(workspace, article_sources(workspace, article_id)[0].id or 0)
    assert snapshot is not None and "<script>" in snapshot.text  # the page's text holds the markup as text
    start = snapshot.text.index("The minister")
    end = snapshot.text.index("in March.") + len("in March.")
    for view in views:
        evidence = add_evidence(workspace, view.claim.id or 0, snapshot.id or 0, start, end)
        record_verdict(
            workspace,
            view.claim.id or 0,
            "contradicted",
            rationale=f"{SCRIPT} {IMG} {LINK}\n# not a heading\n| a | b |\n=1+1 \x1b[31m\x07",
            evidence=evidence,
            checker=f"Eve {IMG}",
        )
    return article_id


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag == "a":
            self.hrefs.append(found.get("href") or "")
        if tag == "script":
            self._script = found
        for name in found:
            assert not name.startswith("on"), f"event handler attribute {name} on <{tag}>"

    def handle_endtag(self, tag: str) -> None:
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
        else:
            self.text.append(data)


def _no_escapes(document: str) -> None:
    for char in ESCAPES:
        assert char not in document, repr(char)


def test_html_keeps_hostile_text_as_text(workspace: Workspace, hostile: int) -> None:
    page = export_article(workspace, hostile, "html")
    _no_escapes(page)
    parser = _Elements()
    parser.feed(page)
    assert "img" not in parser.tags and "b" not in parser.tags and "i" not in parser.tags
    assert all(h.startswith(("http://", "https://")) for h in parser.hrefs), parser.hrefs
    [(attrs, data)] = parser.scripts  # the ClaimReview block is the page's only script
    assert attrs == {"type": "application/ld+json"}
    assert "<" not in data and ">" not in data and "&" not in data  # nothing can close the element
    items = json.loads(data)
    assert SCRIPT in items[0]["reviewBody"] and items[0]["author"]["name"] == "Org <b>bold</b> & co"
    text = "".join(parser.text)
    assert SCRIPT in text and IMG in text and LINK in text  # shown, as the reader should see them
    assert "Org <b>bold</b> & co" in text


def test_markdown_keeps_hostile_text_as_text(workspace: Workspace, hostile: int) -> None:
    markdown = export_article(workspace, hostile, "md")
    _no_escapes(markdown)
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds = [t.type for t in tokens]
    assert "html_block" not in kinds
    inline = [child for t in tokens if t.children for child in t.children]
    assert not [c for c in inline if c.type == "html_inline"], "raw HTML reached the Markdown"
    links = [c.attrGet("href") for c in inline if c.type == "link_open"]
    assert links and all(str(h).startswith(("http://", "https://")) for h in links), links
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not [h for h in headings if h.startswith(("not a heading", "Judul palsu", "Breaking"))]
    tables = kinds.count("table_open")
    assert tables == 1  # the summary; no pipe in the data makes another
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "&lt;script&gt;alert" in rendered and "<script" not in rendered and "<img" not in rendered
    assert "javascript:" not in " ".join(str(h) for h in links)
    # prose reads cleanly: parentheses and full stops are not escaped
    assert "\\(" not in markdown and "\\." not in re.sub(r"\d\\\.", "", markdown)


def test_csv_neutralises_formulas_and_escapes(workspace: Workspace, hostile: int) -> None:
    for excel in (False, True):
        document = export_article(workspace, hostile, "csv", excel=excel)
        _no_escapes(document)
        rows = list(csv.reader(io.StringIO(document.removeprefix("\ufeff")), delimiter=";" if excel else ","))
        cells = [cell for row in rows[1:] for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t")], "a cell would run as a formula"
        assert any(c.startswith("'=HYPERLINK") for c in cells)
        assert any(c.startswith("'=1+1") or "=1+1" in c for c in cells)


def test_json_and_claimreview_carry_no_control_characters(workspace: Workspace, hostile: int) -> None:
    claimreview = export_article(workspace, hostile, "claimreview")
    _no_escapes(claimreview)
    assert "\\u001b" not in claimreview and "\\u0007" not in claimreview
    assert SCRIPT in json.loads(claimreview)[0]["reviewBody"]  # JSON keeps markup as text: data for programs
    report = json.loads(export_article(workspace, hostile, "json"))
    _no_escapes(json.dumps(report["claims"][0]["verdict"]) + json.dumps(report["claims"][0]["evidence"]))
    for claim in report["claims"]:  # a claim's text stays exactly the article's span (escaped by JSON)
        assert claim["text"] == ARTICLE[claim["start"] : claim["end"]]
