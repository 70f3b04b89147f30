"""An article read from its web page: its date, its links as candidate sources, and source URLs
that name one page in several spellings (issue 10)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import LocalServer, Reply
from workbench.cli import app
from workbench.fetching.urls import url_key
from workbench.services.articles import add_article
from workbench.services.ingest import page_article_date, read_article_page
from workbench.services.sources import add_source, article_sources, suggest_sources
from workbench.services.workspace import Workspace

ARTICLE = """<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Contoso resmikan pusat data di Cikarang</title>{meta}</head><body>
<nav><a href="/">Beranda</a> <a href="/ekonomi/">Ekonomi</a> <a href="https://social.example/kanal">Ikuti kami</a></nav>
<article><h1>Contoso resmikan pusat data di Cikarang</h1>
<p>{dateline}Perusahaan teknologi Contoso Ltd. meresmikan pusat data pertamanya di Indonesia, menurut
<a href="https://www.contoso.example/news/opening.html?utm_source=berita&amp;utm_medium=web">siaran pers</a>
perusahaan yang diunggah pada Selasa.</p>
<p>Dalam <a href="https://blog.contoso.example/2024/05/15/why/">blog resminya</a>, pemimpin perusahaan itu
menulis bahwa investasi tersebut mencakup tiga hal. Data pasar berasal dari
<a href="/data/pasar-awan.html">laporan kami sebelumnya</a>.</p>
<p>BACA JUGA: <a href="/2024/05/01/lain.html">Harga sewa gedung perkantoran naik lagi</a></p>
</article><footer><a href="https://social.example/berita">Twitter</a></footer></body></html>"""

META = '<meta property="article:published_time" content="2024-05-16T08:00:00+07:00">'


def _serve(server: LocalServer, path: str, meta: str = META, dateline: str = "JAKARTA - ") -> str:
    body = ARTICLE.format(meta=meta, dateline=dateline).encode()
    server.routes[path] = Reply(200, body, {"Content-Type": "text/html; charset=utf-8"})
    return server.url(path)


def test_url_keys_merge_spellings_of_one_page() -> None:
    assert url_key("https://Example.com/a/b/?utm_source=x&fbclid=1#top") == url_key("https://example.com/a/b")
    assert url_key("https://example.com:443/a?b=2&a=1") == url_key("https://example.com/a?a=1&b=2")
    assert url_key("https://example.com/a?id=3") != url_key("https://example.com/a?id=4")
    assert url_key("https://example.com/a") != url_key("http://other.example/a")


def test_a_trailing_slash_or_tracking_parameters_make_no_second_source(workspace: Workspace) -> None:
    article = add_article(workspace, "Pemerintah membangun 1.500 rumah baru di Bekasi.", language="id")
    first = add_source(workspace, article.id or 0, "https://www.contoso.example/news/opening.html")
    again = add_source(workspace, article.id or 0, "https://www.contoso.example/news/opening.html/")
    tracked = add_source(
        workspace, article.id or 0, "https://WWW.contoso.example/news/opening.html?utm_source=x#top"
    )
    assert first.id == again.id == tracked.id
    assert [s.url for s in article_sources(workspace, article.id or 0)] == [
        "https://www.contoso.example/news/opening.html"  # kept as first given: that is fetched
    ]


def test_page_date_prefers_the_pages_own_metadata_to_the_url() -> None:
    html = ARTICLE.format(meta=META, dateline="")
    date, origin = page_article_date(html, "https://berita.example/2022/02/28/contoso.html", "teks")
    assert (date, origin) == (dt.date(2024, 5, 16), "page metadata")
    date, origin = page_article_date(
        ARTICLE.format(meta="", dateline=""), "https://berita.example/2022/02/28/contoso.html", "teks"
    )
    assert (date, origin) == (dt.date(2022, 2, 28), "page markup or URL")


def test_page_date_from_the_dateline_when_the_page_says_nothing() -> None:
    text = "JAKARTA, Senin (13/5/2024) - Perusahaan teknologi Contoso Ltd. meresmikan pusat data."
    date, origin = page_article_date(ARTICLE.format(meta="", dateline=""), "https://berita.example/c", text)
    assert (date, origin) == (dt.date(2024, 5, 13), "dateline")
    assert page_article_date(
        "<html><body><p>x</p></body></html>", "https://b.example/c", "Tanpa tanggal."
    ) == (
        None,
        None,
    )


def test_article_from_a_url_keeps_its_date_and_links(server: LocalServer, workspace: Workspace) -> None:
    url = _serve(server, "/2024/05/16/contoso.html")
    page = read_article_page(workspace, url)
    assert page.date == dt.date(2024, 5, 16) and page.date_origin == "page metadata"
    urls = [link.url for link in page.links]
    assert urls[0].startswith("https://www.contoso.example/news/opening.html")
    assert "https://blog.contoso.example/2024/05/15/why/" in urls
    assert not any("social.example" in u for u in urls)  # menus and footers are not cited
    article = add_article(workspace, page.text, language="id", url=page.url, links=page.links)
    add_source(workspace, article.id or 0, "https://blog.contoso.example/2024/05/15/why")
    suggested = suggest_sources(workspace, article.id or 0)
    assert [s.url for s in suggested] == [
        "https://www.contoso.example/news/opening.html?utm_source=berita&utm_medium=web",
        server.url("/data/pasar-awan.html"),  # the same site, after the other sites
    ]
    assert [s.same_site for s in suggested] == [False, True]
    assert suggested[0].text == "siaran pers" and "pusat data pertamanya" in suggested[0].context


def test_cli_add_from_url_then_suggest_offline(server: LocalServer, cli_env: dict[str, str]) -> None:
    runner = CliRunner()
    url = _serve(server, "/berita/contoso.html")
    added = runner.invoke(app, ["articles", "add", url, "--json"], catch_exceptions=False)
    assert added.exit_code == 0, added.stderr
    info = json.loads(added.stdout)
    assert info["date"] == "2024-05-16"
    assert "from the page metadata" in added.stderr
    server.stop()  # suggestions come from what was kept, not from the page
    shown = runner.invoke(app, ["sources", "suggest", str(info["id"]), "--json"], catch_exceptions=False)
    assert shown.exit_code == 0, shown.stderr
    rows = json.loads(shown.stdout)
    assert [r["url"] for r in rows][:2] == [
        "https://www.contoso.example/news/opening.html?utm_source=berita&utm_medium=web",
        "https://blog.contoso.example/2024/05/15/why/",
    ]
    assert set(rows[0]) == {"url", "text", "context", "same_site", "known_source"}
    text = runner.invoke(app, ["sources", "suggest", str(info["id"])], catch_exceptions=False)
    assert "siaran pers" in text.stdout and "elsewhere" in text.stdout


def test_given_date_wins_over_the_page(server: LocalServer, cli_env: dict[str, str]) -> None:
    url = _serve(server, "/berita/lain.html")
    added = CliRunner().invoke(
        app, ["articles", "add", url, "--date", "2024-05-20", "--json"], catch_exceptions=False
    )
    assert added.exit_code == 0 and json.loads(added.stdout)["date"] == "2024-05-20"


@pytest.mark.parametrize("spelling", ["/", "?utm_campaign=spring", "#top"])
def test_cli_sources_add_twice_is_one_source(cli_env: dict[str, str], tmp_path: Path, spelling: str) -> None:
    runner = CliRunner()
    article = tmp_path / "a.txt"
    article.write_text("Pemerintah membangun 1.500 rumah baru di Bekasi.\n", encoding="utf-8")
    added = json.loads(runner.invoke(app, ["articles", "add", str(article), "--json"]).stdout)
    first = json.loads(
        runner.invoke(
            app, ["sources", "add", str(added["id"]), "https://news.example/story", "--json"]
        ).stdout
    )
    second = json.loads(
        runner.invoke(
            app, ["sources", "add", str(added["id"]), "https://news.example/story" + spelling, "--json"]
        ).stdout
    )
    assert first["id"] == second["id"]
    listed = json.loads(runner.invoke(app, ["sources", "list", str(added["id"]), "--json"]).stdout)
    assert len(listed) == 1


def test_sources_remove_takes_another_spelling_of_the_url(workspace: Workspace) -> None:
    from workbench.services.sources import remove_source

    article = add_article(workspace, "Pemerintah membangun 1.500 rumah baru di Bekasi.", language="id")
    add_source(workspace, article.id or 0, "https://news.example/story")
    removed = remove_source(workspace, article.id or 0, "https://news.example/story/?utm_source=feed")
    assert removed.url == "https://news.example/story"
    assert article_sources(workspace, article.id or 0) == []
