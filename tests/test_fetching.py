"""Fetching against a real HTTP server on 127.0.0.1: archive, snapshots, outcomes."""

from __future__ import annotations

import gzip
import socket
from pathlib import Path

from sqlmodel import select

from tests.conftest import LocalServer, Reply, page
from workbench.domain import FetchOutcome
from workbench.fetching.archive import SnapshotArchive, sha256_hex
from workbench.fetching.http import FetchPolicy, PublicOnlyBackend, fetch_url, make_client
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace
from workbench.storage.models import FetchAttempt, Snapshot

ARTICLE = "JAKARTA - Perusahaan itu membuka kantor baru di Bandung pada Senin, kata juru bicaranya.\n"


def _article_with(ws: Workspace, *urls: str) -> int:
    article = add_article(ws, ARTICLE, title="Test", language="id")
    for url in urls:
        add_source(ws, article.id or 0, url)
    return article.id or 0


def _snapshots(ws: Workspace) -> list[Snapshot]:
    with ws.db.session() as session:
        return list(session.exec(select(Snapshot)).all())


def _attempts(ws: Workspace) -> list[FetchAttempt]:
    with ws.db.session() as session:
        return list(session.exec(select(FetchAttempt)).all())


def test_gzip_page_is_archived_raw_and_extracted(workspace: Workspace, server: LocalServer) -> None:
    html = page("Bridge opens", "The city opened the new bridge on Monday after three years of work.")
    raw = gzip.compress(html)
    server.routes["/news"] = Reply(
        200, raw, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "ETag": '"v1"'}
    )
    article_id = _article_with(workspace, server.url("/news"))
    [report] = fetch_article(workspace, article_id)
    assert report.outcome == FetchOutcome.OK and report.new_snapshot
    [snapshot] = _snapshots(workspace)
    assert "opened the new bridge" in snapshot.text
    assert snapshot.payload_sha256 == sha256_hex(raw)  # hash of the bytes as received
    assert snapshot.etag == '"v1"'
    record = workspace.archive.load(snapshot.archive_record or "")
    assert record.payload == raw
    assert ("Content-Encoding", "gzip") in record.headers
    assert workspace.archive.verify([snapshot.archive_record or ""]) == []


def test_same_content_makes_no_new_snapshot_and_304_is_an_attempt(
    workspace: Workspace, server: LocalServer
) -> None:
    html = page("Same", "Nothing changes on this page between the two fetches of the test.")

    def conditional(handler: object) -> Reply:
        if getattr(handler, "headers", {}).get("If-None-Match") == '"same"':
            return Reply(304, b"", {"ETag": '"same"'})
        return Reply(200, html, {"Content-Type": "text/html", "ETag": '"same"'})

    server.routes["/same"] = conditional
    article_id = _article_with(workspace, server.url("/same"))
    first = fetch_article(workspace, article_id)
    second = fetch_article(workspace, article_id)
    assert first[0].new_snapshot
    assert second[0].outcome == FetchOutcome.NOT_MODIFIED and not second[0].new_snapshot
    assert server.requests[-1][1].get("If-None-Match") == '"same"'
    assert len(_snapshots(workspace)) == 1
    assert [a.outcome for a in _attempts(workspace)] == ["ok", "not-modified"]


def test_changed_content_appends_a_snapshot(workspace: Workspace, server: LocalServer) -> None:
    server.routes["/p"] = Reply(
        200, page("V", "The first version of the page says the plant has 30 workers.")
    )
    article_id = _article_with(workspace, server.url("/p"))
    fetch_article(workspace, article_id)
    server.routes["/p"] = Reply(
        200, page("V", "The second version of the page says the plant has 31 workers.")
    )
    [report] = fetch_article(workspace, article_id)
    assert report.new_snapshot
    texts = [s.text for s in _snapshots(workspace)]
    assert len(texts) == 2 and "30 workers" in texts[0] and "31 workers" in texts[1]


def test_404_and_410_are_gone(workspace: Workspace, server: LocalServer) -> None:
    server.routes["/gone"] = Reply(410, b"gone", {"Content-Type": "text/plain"})
    article_id = _article_with(workspace, server.url("/missing"), server.url("/gone"))
    reports = fetch_article(workspace, article_id)
    assert [(r.outcome, r.status) for r in reports] == [(FetchOutcome.GONE, 404), (FetchOutcome.GONE, 410)]
    assert _snapshots(workspace) == []


def test_redirect_is_followed_and_final_url_kept(workspace: Workspace, server: LocalServer) -> None:
    server.routes["/old"] = Reply(301, b"", {"Location": "/new"})
    server.routes["/new"] = Reply(200, page("New", "The page moved to a new address during the redesign."))
    article_id = _article_with(workspace, server.url("/old"))
    [report] = fetch_article(workspace, article_id)
    assert report.outcome == FetchOutcome.OK
    [snapshot] = _snapshots(workspace)
    assert snapshot.final_url.endswith("/new") and snapshot.requested_url.endswith("/old")


def test_refused_connection_is_unreachable(workspace: Workspace) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    article_id = _article_with(workspace, f"http://127.0.0.1:{port}/nothing-listens")
    [report] = fetch_article(workspace, article_id)
    assert report.outcome == FetchOutcome.UNREACHABLE
    assert "connect" in (report.error or "")


class ScriptedResolver:
    """Answers each lookup with the next list of addresses, like a DNS server an attacker
    controls: the first answer passes the check, the next points inside."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int, timeout: float | None) -> list[str]:
        self.asked.append(host)
        return self.answers.pop(0)


async def test_the_address_checked_is_the_address_connected_to(server: LocalServer) -> None:
    """DNS rebinding: 127.0.0.3 stands for a public address (nothing listens there); the local
    server on 127.0.0.1 stands for the inside. A client that checked one answer and then let the
    connection resolve again would reach the server."""
    server.routes["/inside"] = Reply(200, page("Inside", "An internal page that must never be fetched."))
    resolver = ScriptedResolver(["127.0.0.3"], ["127.0.0.1"])
    backend = PublicOnlyBackend(resolver, allowed=lambda address: str(address) == "127.0.0.3")
    policy = FetchPolicy(retries=0, connect_timeout=2)
    port = server.url("/").rsplit(":", 1)[1].rstrip("/")
    async with make_client(policy, backend=backend) as client:
        result = await fetch_url(client, f"http://news.test:{port}/inside", policy)
    assert result.outcome == FetchOutcome.UNREACHABLE, result
    assert resolver.asked == ["news.test"]  # resolved once, for the check and the connection alike
    assert server.requests == []


async def test_a_name_that_resolves_inside_is_refused_before_connecting(server: LocalServer) -> None:
    server.routes["/inside"] = Reply(200, page("Inside", "An internal page that must never be fetched."))
    resolver = ScriptedResolver(["203.0.113.7", "127.0.0.1"])  # one bad answer among several
    backend = PublicOnlyBackend(resolver, allowed=lambda address: str(address) == "203.0.113.7")
    policy = FetchPolicy(retries=0, connect_timeout=2)
    port = server.url("/").rsplit(":", 1)[1].rstrip("/")
    async with make_client(policy, backend=backend) as client:
        result = await fetch_url(client, f"http://news.test:{port}/inside", policy)
    assert result.outcome == FetchOutcome.ERROR
    assert "news.test resolves to a non-public address (127.0.0.1)" in (result.error or "")
    assert server.requests == []


async def test_the_pinned_connection_keeps_the_host_name(server: LocalServer) -> None:
    """Connecting to the checked address changes nothing the server sees: Host is the URL's."""
    server.routes["/story"] = Reply(
        200, page("Story", "The museum reopened on Monday after two years of repairs.")
    )
    resolver = ScriptedResolver(["127.0.0.1"])
    backend = PublicOnlyBackend(resolver, allowed=lambda address: address.is_loopback)
    policy = FetchPolicy(retries=0, connect_timeout=2)
    port = server.url("/").rsplit(":", 1)[1].rstrip("/")
    async with make_client(policy, backend=backend) as client:
        result = await fetch_url(client, f"http://news.test:{port}/story", policy)
    assert result.outcome == FetchOutcome.OK and b"museum reopened" in result.body
    [(path, headers)] = server.requests
    assert path == "/story" and headers["Host"] == f"news.test:{port}"


def test_private_addresses_are_refused_unless_allowed(workspace: Workspace, server: LocalServer) -> None:
    server.routes["/x"] = Reply(200, page("X", "A page that should never be fetched in this test."))
    article_id = _article_with(workspace, server.url("/x"))  # stored by a checker allowed to
    workspace.policy.allow_private = False
    [report] = fetch_article(workspace, article_id)
    assert report.outcome == FetchOutcome.ERROR and "non-public" in (report.error or "")
    assert server.requests == []


def test_server_errors_are_retried_then_recorded(workspace: Workspace, server: LocalServer) -> None:
    calls = {"n": 0}

    def flaky(_handler: object) -> Reply:
        calls["n"] += 1
        if calls["n"] == 1:
            return Reply(503, b"busy", {"Content-Type": "text/plain"})
        return Reply(200, page("Flaky", "The second answer of the flaky server is a real page."))

    server.routes["/flaky"] = flaky
    article_id = _article_with(workspace, server.url("/flaky"))
    [report] = fetch_article(workspace, article_id)
    assert report.outcome == FetchOutcome.OK and calls["n"] == 2


def test_bad_pages_give_clear_errors_and_keep_the_database(workspace: Workspace, server: LocalServer) -> None:
    workspace.policy.max_bytes = 50_000
    server.routes["/huge"] = Reply(200, b"<p>" + b"x" * 200_000 + b"</p>")
    server.routes["/bomb"] = Reply(
        200,
        gzip.compress(b"<p>" + b"y" * 500_000 + b"</p>"),
        {"Content-Type": "text/html", "Content-Encoding": "gzip"},
    )
    server.routes["/pdf"] = Reply(200, b"%PDF-1.4", {"Content-Type": "application/pdf"})
    server.routes["/empty"] = Reply(200, b"<html><body><div></div></body></html>")
    server.routes["/broken"] = Reply(
        200,
        b"<html><body><p>Unclosed <b>tags and \xff\xfe bad bytes "
        b"in a paragraph that still says the museum reopened.</div>",
    )
    urls = [server.url(p) for p in ("/huge", "/bomb", "/pdf", "/empty", "/broken")]
    article_id = _article_with(workspace, *urls)
    reports = {r.url.rsplit("/", 1)[1]: r for r in fetch_article(workspace, article_id)}
    assert "larger than" in (reports["huge"].error or "")
    assert "exceeds" in (reports["bomb"].error or "")
    assert "content type" in (reports["pdf"].error or "")
    assert "no readable text" in (reports["empty"].error or "")
    assert reports["broken"].outcome == FetchOutcome.OK
    assert "museum reopened" in _snapshots(workspace)[0].text
    assert len(_attempts(workspace)) == 5


def test_an_archive_that_cannot_be_written_is_named_as_such(
    workspace: Workspace, server: LocalServer, tmp_path: Path
) -> None:
    server.routes["/story"] = Reply(
        200, page("Story", "The museum reopened on Monday after two years of repairs.")
    )
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the archive folder should be")
    workspace.archive = SnapshotArchive(blocker / "archive")
    [report] = fetch_article(workspace, _article_with(workspace, server.url("/story")))
    assert report.outcome == FetchOutcome.ERROR
    assert (report.error or "").startswith("could not write the archive record"), report.error
    assert _snapshots(workspace) == []  # no snapshot without its archive record
    assert len(_attempts(workspace)) == 1  # the attempt is recorded all the same


def test_wrong_declared_encoding_does_not_crash(workspace: Workspace, server: LocalServer) -> None:
    body = page("Enc", "Café owners in Zürich said the price rose to 4,50 francs this spring.")
    server.routes["/latin"] = Reply(
        200, body.decode().encode("latin-1"), {"Content-Type": "text/html; charset=utf-8"}
    )
    article_id = _article_with(workspace, server.url("/latin"))
    [report] = fetch_article(workspace, article_id)
    assert report.outcome == FetchOutcome.OK
    assert "owners in Z" in _snapshots(workspace)[0].text


def test_archive_verify_reports_altered_and_missing(workspace: Workspace, server: LocalServer) -> None:
    server.routes["/a"] = Reply(200, page("A", "This page will be archived and then tampered with on disk."))
    article_id = _article_with(workspace, server.url("/a"))
    fetch_article(workspace, article_id)
    [snapshot] = _snapshots(workspace)
    digest = snapshot.archive_record or ""
    path: Path = workspace.archive.path_for(digest)
    record = workspace.archive.load(digest)
    # rewrite the record with another payload under the same name
    from workbench.fetching.http import FetchResult

    fake = FetchResult("http://x/", FetchOutcome.OK, "http://x/", 200, record.headers, b"other bytes")
    other = workspace.archive.store(fake)
    workspace.archive.path_for(other).replace(path)
    problems = workspace.archive.verify([digest, "0" * 64])
    assert [(p.record, p.problem) for p in problems] == [(digest, "altered"), ("0" * 64, "missing")]


def test_a_redirect_to_a_private_address_is_refused(workspace: Workspace, server: LocalServer) -> None:
    """The guard runs on every hop: a public page cannot bounce the fetcher to the loopback."""
    import httpx

    server.routes["/secret"] = Reply(200, page("Secret", "Internal admin page that must never be fetched."))

    class Bouncer(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(302, headers={"Location": server.url("/secret")}, request=request)

    workspace.policy.allow_private = False
    workspace.transports = lambda: {"all://public.example": Bouncer()}  # type: ignore[method-assign]
    article_id = _article_with(workspace, "https://public.example/start")
    [report] = fetch_article(workspace, article_id)
    assert report.outcome == FetchOutcome.ERROR and "non-public" in (report.error or "")
    assert server.requests == []


def test_addresses_that_carry_an_inside_ipv4_address_are_not_public() -> None:
    import ipaddress

    from workbench.fetching.http import is_public

    inside = ["::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "10.0.0.1", "::1", "fe80::1"]
    outside = ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822"]
    assert [is_public(ipaddress.ip_address(a)) for a in inside] == [False] * len(inside)
    assert [is_public(ipaddress.ip_address(a)) for a in outside] == [True] * len(outside)
