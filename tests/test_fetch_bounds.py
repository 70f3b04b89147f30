"""Pages whose size or encoding is hostile: the text kept is capped (and says so), a contradicted
charset is detected. Against the real HTTP server on 127.0.0.1 (tests/conftest.py)."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from tests.conftest import LocalServer, Reply, page
from workbench.cli import app
from workbench.domain import FetchOutcome
from workbench.fetching.extract import cut_text, decode_html, extract_page
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace
from workbench.storage.models import ArticleSource, FetchAttempt, Snapshot

ARTICLE = "JAKARTA - Museum kota dibuka kembali pada Senin setelah dua tahun perbaikan, kata direkturnya.\n"
# outside Latin-1 too (’ and —): a UTF-16 page read as Latin-1 loses them even where NULs are dropped
SENTENCE = "Café owners in Zürich said the council’s price — 4,50 francs a coffee — rose this spring."

runner = CliRunner()


def _article_with(ws: Workspace, *urls: str) -> int:
    article = add_article(ws, ARTICLE, title="Museum", language="id")
    for url in urls:
        add_source(ws, article.id or 0, url)
    return article.id or 0


def _snapshots(ws: Workspace) -> list[Snapshot]:
    with ws.db.session() as session:
        return list(session.exec(select(Snapshot)).all())


def _lines(n: int) -> str:
    return "\n".join(f"Line {i} of a very long plain text report about the harbour budget." for i in range(n))


def test_a_page_longer_than_the_text_cap_is_cut_and_says_so(
    workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_TEXT_CAP", "5000")
    text = _lines(2000)  # ~140,000 characters
    server.routes["/long.txt"] = Reply(200, text.encode(), {"Content-Type": "text/plain; charset=utf-8"})
    article_id = _article_with(workspace, server.url("/long.txt"))
    [report] = fetch_article(workspace, article_id)
    assert report.outcome == FetchOutcome.OK and report.error is None
    [snapshot] = _snapshots(workspace)
    assert 4500 <= len(snapshot.text) <= 5000
    assert text.startswith(snapshot.text) and snapshot.text.endswith("budget.")  # cut between lines
    assert report.note == (
        f"page cut at WORKBENCH_TEXT_CAP (5,000 characters): text cut at {len(snapshot.text):,} "
        f"of {len(text):,} characters"
    )
    with workspace.db.session() as session:
        [attempt] = session.exec(select(FetchAttempt)).all()
    assert attempt.outcome == "ok" and attempt.error == report.note  # kept with the attempt
    [again] = fetch_article(workspace, article_id)  # the same copy again: still says it was cut
    assert not again.new_snapshot and again.note == report.note
    assert again.summary == f"unchanged; {report.note}"


def test_fetch_prints_the_note_of_a_cut_page(
    workspace: Workspace, server: LocalServer, cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_TEXT_CAP", "3000")
    server.routes["/long.txt"] = Reply(200, _lines(500).encode(), {"Content-Type": "text/plain"})
    article_id = _article_with(workspace, server.url("/long.txt"))
    result = runner.invoke(app, ["fetch", str(article_id), "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    [row] = json.loads(result.stdout)
    assert row["outcome"] == "ok" and row["error"] is None
    assert row["note"].startswith("page cut at WORKBENCH_TEXT_CAP (3,000 characters): text cut at ")
    result = runner.invoke(app, ["fetch", str(article_id)], catch_exceptions=False)
    assert "unchanged; page cut at WORKBENCH_TEXT_CAP" in result.stdout


def test_megabytes_of_script_before_the_article_do_not_push_it_past_the_cap() -> None:
    script = "<script>var state = " + "[1, 2, 3]," * 100_000 + "0;</script>"  # ~1 MB
    document = page("Story", SENTENCE).decode().replace("<body>", "<body>" + script)
    found = extract_page(document, "http://news.test/story", "text/html", text_cap=10_000)
    assert SENTENCE in found.text
    assert found.note is not None and "characters of HTML were read" in found.note


def test_html_with_more_text_than_the_cap_reads_a_bounded_prefix() -> None:
    paragraphs = [
        f"Paragraph {i} says the museum reopened after repairs that took two years." for i in range(3000)
    ]
    document = page("Long", *paragraphs).decode()  # ~230,000 characters of HTML
    found = extract_page(document, "http://news.test/long", "text/html", text_cap=10_000)
    assert found.text.startswith("Long\nParagraph 0 says") and len(found.text) <= 10_000
    assert found.note is not None
    assert found.note.startswith("page cut at WORKBENCH_TEXT_CAP (10,000 characters): only the first ")
    assert "; text cut at " in found.note


def test_cut_text_breaks_at_a_line_or_space_never_inside_a_word() -> None:
    assert cut_text("short", 10) == "short"
    assert cut_text("alpha beta gamma delta", 13) == "alpha beta"
    assert cut_text("one two\nthree four five", 19) == "one two"  # a line break first
    assert cut_text("x" * 50, 20) == "x" * 20  # no break anywhere: a hard cut


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-16", "iso-8859-1"),  # with its byte-order mark
        ("utf-16-le", "iso-8859-1"),  # without one
        ("utf-16-be", "windows-1252"),
        ("utf-8", "utf-16"),  # a label no byte of the page agrees with
        ("cp1252", "utf-8"),
    ],
)
def test_a_charset_the_bytes_contradict_is_overruled_by_detection(
    workspace: Workspace, server: LocalServer, encoding: str, label: str
) -> None:
    body = page("Harga kopi", SENTENCE, "The city council did not comment on the new prices.").decode()
    body = body.replace("<meta charset='utf-8'>", "")
    server.routes["/page"] = Reply(
        200, body.encode(encoding), {"Content-Type": f"text/html; charset={label}"}
    )
    [report] = fetch_article(workspace, _article_with(workspace, server.url("/page")))
    assert report.outcome == FetchOutcome.OK, report.error
    [snapshot] = _snapshots(workspace)
    assert SENTENCE in snapshot.text


def test_decoding_prefers_a_byte_order_mark_then_a_plausible_declared_charset() -> None:
    text = "<p>" + SENTENCE + "</p>"
    assert decode_html(text.encode("utf-16"), "text/html; charset=iso-8859-1") == text
    assert decode_html(b"\xef\xbb\xbf" + text.encode(), "text/html; charset=iso-8859-1") == text
    assert decode_html(text.encode("cp1252"), "text/html; charset=windows-1252") == text
    assert decode_html(text.encode(), None) == text
    assert decode_html(b"\x00\x01\x02" * 10, "text/html; charset=no-such-codec")  # never raises


def test_an_article_from_a_url_longer_than_the_cap_is_refused_not_cut(
    server: LocalServer, cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_TEXT_CAP", "3000")
    server.routes["/long.txt"] = Reply(200, _lines(500).encode(), {"Content-Type": "text/plain"})
    result = runner.invoke(app, ["articles", "add", server.url("/long.txt")], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: the article at {server.url('/long.txt')} is too long: page cut")
    result = runner.invoke(app, ["articles", "list", "--json"], catch_exceptions=False)
    assert json.loads(result.stdout) == []


def test_matching_reads_an_older_uncut_snapshot_only_up_to_the_cap(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot stored before pages were cut (or by a larger cap) costs no more to match."""
    from workbench.services.matching import match_article
    from workbench.services.verdicts import list_claims
    from workbench.storage.models import Source

    article = add_article(
        workspace, "The museum reopened on Monday after two years of repairs.\n", title="M", language="en"
    )
    filler = _lines(200)  # ~14,000 characters with nothing about the museum
    text = filler + "\nThe museum reopened on Monday after two years of repairs.\n"
    with workspace.db.session() as session:
        source = Source(url="https://news.example/long")
        session.add(source)
        session.flush()
        session.add(ArticleSource(article_id=article.id or 0, source_id=source.id or 0))
        session.add(
            Snapshot(
                source_id=source.id or 0,
                requested_url=source.url,
                final_url=source.url,
                status=200,
                payload_sha256="0" * 64,
                text_sha256="1" * 64,
                text=text,
            )
        )
    match_article(workspace, article.id or 0, semantic=False)
    [view] = list_claims(workspace, article.id or 0)
    assert view.best is not None and view.best.score > 90  # found past the filler
    monkeypatch.setenv("WORKBENCH_TEXT_CAP", "5000")
    match_article(workspace, article.id or 0, semantic=False)
    [view] = list_claims(workspace, article.id or 0)
    assert view.best is None or view.best.start < 5000
