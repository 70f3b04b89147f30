"""Hostile sources: odd URLs, a source that fails in an unexpected way, unlinking a source.

Against the real HTTP server on 127.0.0.1 (tests/conftest.py) and the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from tests.conftest import WAIT_SECONDS, LocalServer, Reply, page
from workbench.cli import app
from workbench.domain import FetchOutcome
from workbench.fetching.http import FetchRefused, check_url
from workbench.services.articles import add_article
from workbench.services.fetching import SourceFetchReport, fetch_article, fetch_sources
from workbench.services.matching import match_article
from workbench.services.reverify import reverify
from workbench.services.sources import add_source, article_sources, remove_source
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import ArticleSource, Evidence, FetchAttempt, Snapshot, Source

ARTICLE = "JAKARTA - Museum kota dibuka kembali pada Senin setelah dua tahun perbaikan, kata direkturnya.\n"
STORY = page("Museum", "The city museum reopened on Monday after two years of repairs, its director said.")

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


REFUSED = [
    "http://0177.0.0.1/x",  # octal 127.0.0.1
    "http://0x7f.0.0.1/x",  # hex
    "http://2130706433/x",  # one decimal number
    "http://127.1/x",  # too few parts
    "http://0x7f000001/",
    "http://1.2.3.4.5/",
    "http://user:pass@example.com/page",  # credentials would reach storage and reports
    "https://token@example.com/page",
    "javascript:alert(1)",
    "ftp://example.com/file",
    "file:///etc/passwd",
    "data:text/html,hi",
    "http:///no-host",
    "http://xn--a.com/",  # an IDNA label that does not decode
    "http://\u2488.com/",  # a character IDNA refuses
    "http://exa mple.com/",
    "http://example.com/\x1b[31m",
    "http://example.com\\@evil.test/",
    "http://example.com:99999/",
    "http://example.com:0/",
    "http://%31%32%37.0.0.1/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:127.0.0.1]/",
    "http://example.com/" + "a" * 9000,
]
ACCEPTED = [
    "https://example.com/news/2022/03/04/story.html?id=7#top",
    "http://example.com:8080/",
    "https://b\u00fccher.example/seite",
    "http://93.184.216.34/page",
    "http://[2606:2800:220:1:248:1893:25c8:1946]/",
    "HTTPS://EXAMPLE.COM/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_the_url_rules_refuse_what_the_fetcher_would_not_fetch(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url)


@pytest.mark.parametrize("url", ACCEPTED)
def test_the_url_rules_accept_ordinary_addresses(url: str) -> None:
    assert check_url(url) == url


def test_loopback_is_accepted_only_when_private_addresses_are_allowed() -> None:
    assert check_url("http://127.0.0.1:8000/x", allow_private=True)
    with pytest.raises(FetchRefused, match="non-public"):
        check_url("http://127.0.0.1:8000/x")
    with pytest.raises(FetchRefused, match="unusual form"):  # odd forms stay refused
        check_url("http://0177.0.0.1/x", allow_private=True)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://0177.0.0.1/x", "unusual form"),
        ("https://user:secret@example.com/a", "user name or password"),
        ("javascript:alert(1)", "only http and https"),
    ],
)
def test_sources_add_refuses_in_one_line_and_stores_nothing(
    cli_env: dict[str, str], workspace: Workspace, url: str, says: str
) -> None:
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    code, out, err = run("sources", "add", str(article.id), url)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and says in err and len(err.strip().splitlines()) == 1, err
    assert "secret" not in err  # the password is not repeated back either
    with workspace.db.session() as session:
        assert session.exec(select(Source)).all() == []


def _store_unchecked(ws: Workspace, article_id: int, url: str) -> None:
    """A source stored before the rules existed (or by an older version on a shared database)."""
    with ws.db.session() as session:
        source = Source(url=url)
        session.add(source)
        session.flush()
        session.add(ArticleSource(article_id=article_id, source_id=source.id or 0))


def _attempts(ws: Workspace) -> dict[str, FetchAttempt]:
    with ws.db.session() as session:
        return {a.url: a for a in session.exec(select(FetchAttempt)).all()}


def test_a_stored_bad_url_becomes_its_own_error_and_the_batch_goes_on(
    workspace: Workspace, server: LocalServer
) -> None:
    server.routes["/story"] = Reply(200, STORY)
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    bad = ["http://0177.0.0.1/x", "http://user:pass@127.0.0.1/y", "http://xn--a.com/"]
    for url in bad:
        _store_unchecked(workspace, article.id or 0, url)
    add_source(workspace, article.id or 0, server.url("/story"))
    reports = fetch_article(workspace, article.id or 0)
    assert [r.url for r in reports][-1] == server.url("/story")  # the sources' own order
    by_url = {r.url: r for r in reports}
    assert by_url[server.url("/story")].outcome == FetchOutcome.OK
    for url in bad:
        assert by_url[url].outcome == FetchOutcome.ERROR and by_url[url].error
    attempts = _attempts(workspace)
    assert set(attempts) == {*bad, server.url("/story")}  # every source's attempt recorded
    assert all(attempts[url].outcome == "error" for url in bad)
    report = reverify(workspace, article.id or 0)  # the same batch path, without a traceback
    assert {s.url: s.outcome for s in report.sources}[server.url("/story")] == "unchanged"


def test_any_exception_while_fetching_one_source_is_that_sources_error(
    workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbench.services.fetching as fetching

    server.routes["/story"] = Reply(200, STORY)
    server.routes["/cursed"] = Reply(200, STORY)
    real = fetching.fetch_url

    async def cursed(client, url, policy, **kwargs):  # type: ignore[no-untyped-def]
        if url.endswith("/cursed"):
            raise RuntimeError("something nobody\nexpected")
        return await real(client, url, policy, **kwargs)

    monkeypatch.setattr(fetching, "fetch_url", cursed)
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    add_source(workspace, article.id or 0, server.url("/cursed"))
    add_source(workspace, article.id or 0, server.url("/story"))
    first, second = fetch_article(workspace, article.id or 0)
    assert first.outcome == FetchOutcome.ERROR
    assert first.error == "RuntimeError: something nobody expected"
    assert second.outcome == FetchOutcome.OK
    assert _attempts(workspace)[server.url("/cursed")].error == "RuntimeError: something nobody expected"


def test_the_guard_refuses_a_redirect_to_a_url_with_credentials(
    workspace: Workspace, server: LocalServer
) -> None:
    target = server.url("/story").replace("http://", "http://user:secret@")
    server.routes["/hop"] = Reply(302, b"", {"Location": target})
    server.routes["/story"] = Reply(200, STORY)
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    add_source(workspace, article.id or 0, server.url("/hop"))
    [report] = fetch_article(workspace, article.id or 0)
    assert report.outcome == FetchOutcome.ERROR and "user name or password" in (report.error or "")
    assert [path for path, _ in server.requests] == ["/hop"]


def _judged_article(ws: Workspace, server: LocalServer) -> tuple[int, int, int]:
    """An article with two sources; a verdict pins a passage of the first. Returns the article id,
    the judged claim's id and the first source's id."""
    server.routes["/story"] = Reply(200, STORY)
    server.routes["/other"] = Reply(
        200, page("Other", "The city zoo opened a new enclosure for its two tigers.")
    )
    article = add_article(ws, ARTICLE, title="Museum", language="id")
    story = add_source(ws, article.id or 0, server.url("/story"))
    add_source(ws, article.id or 0, server.url("/other"))
    fetch_article(ws, article.id or 0)
    match_article(ws, article.id or 0, semantic=False)
    claim = next(v for v in list_claims(ws, article.id or 0) if v.best is not None)
    record_verdict(ws, claim.claim.id or 0, "supported", rationale="the page says so", evidence="best")
    return article.id or 0, claim.claim.id or 0, story.id or 0


def test_sources_remove_unlinks_keeps_history_and_names_the_verdicts_resting_on_it(
    workspace: Workspace, server: LocalServer, cli_env: dict[str, str]
) -> None:
    article_id, claim_id, story_id = _judged_article(workspace, server)
    code, out, err = run("sources", "remove", str(article_id), server.url("/story"), "--json")
    assert code == 0, err
    removed = json.loads(out)
    assert removed == {
        "source_id": story_id,
        "url": server.url("/story"),
        "article_id": article_id,
        "snapshots": 1,
        "verdict_claims": [claim_id],
        "unpinned_dropped": removed["unpinned_dropped"],
    }
    code, out, _ = run("sources", "list", str(article_id), "--json")
    assert [s["url"] for s in json.loads(out)] == [server.url("/other")]
    with workspace.db.session() as session:
        assert session.get(Source, story_id) is not None  # the source row stays
        assert session.exec(select(Snapshot).where(Snapshot.source_id == story_id)).all()
        assert session.exec(select(FetchAttempt).where(FetchAttempt.source_id == story_id)).all()
        pinned = session.exec(select(Evidence).where(Evidence.pinned == True)).all()  # noqa: E712
        assert [e.claim_id for e in pinned] == [claim_id]  # the verdict's evidence stays
    assert [v.verdict.label for v in list_claims(workspace, article_id) if v.verdict] == ["supported"]
    # reverify still re-checks the pinned passage of the unlinked source
    report = reverify(workspace, article_id)
    assert server.url("/story") in {s.url for s in report.sources}
    assert [e.status for e in report.evidence] == ["intact"]


def test_sources_remove_by_id_in_plain_text_warns_about_resting_verdicts(
    workspace: Workspace, server: LocalServer, cli_env: dict[str, str]
) -> None:
    article_id, claim_id, story_id = _judged_article(workspace, server)
    code, out, err = run("sources", "remove", str(article_id), str(story_id))
    assert code == 0
    assert f"source {story_id} unlinked from article {article_id}" in out
    assert f"1 current verdict(s) rest on its evidence (claims {claim_id})" in err
    code, out, err = run("sources", "remove", str(article_id), str(story_id))
    assert code == 2 and err.startswith("error: ") and "has no source" in err


def test_removing_a_source_no_one_judged_drops_its_unpinned_evidence(
    workspace: Workspace, server: LocalServer
) -> None:
    article_id, _claim_id, _story_id = _judged_article(workspace, server)
    with workspace.db.session() as session:
        other_id = session.exec(select(Source.id).where(Source.url == server.url("/other"))).one()
    removed = remove_source(workspace, article_id, server.url("/other"))
    assert removed.source_id == other_id and removed.verdict_claims == []
    with workspace.db.session() as session:
        snapshot_ids = session.exec(select(Snapshot.id).where(Snapshot.source_id == other_id)).all()
        left = session.exec(select(Evidence).where(Evidence.snapshot_id.in_(snapshot_ids))).all()  # type: ignore[union-attr]
    assert left == []
    with pytest.raises(NotFound):
        remove_source(workspace, article_id, "https://never-linked.example/")


SLOW_BODY = page("Slow", *["A page that arrives one byte at a time and never in full."] * 40)


def test_a_source_is_recorded_as_soon_as_it_is_fetched_not_after_the_slowest(
    workspace: Workspace, server: LocalServer, cli_env: dict[str, str]
) -> None:
    """``fetch`` killed (SIGKILL) while one source still trickles keeps the source that finished."""
    server.routes["/fast"] = Reply(200, STORY)
    server.routes["/slow"] = Reply(200, SLOW_BODY, trickle=0.2)  # ~2 hours for the whole body
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    add_source(workspace, article.id or 0, server.url("/slow"))
    add_source(workspace, article.id or 0, server.url("/fast"))
    env = {**os.environ, **cli_env, "WORKBENCH_FETCH_DEADLINE": "3600"}
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "fetch", str(article.id)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while server.url("/fast") not in _attempts(workspace):
            assert process.poll() is None, f"fetch exited early with code {process.returncode}"
            if time.monotonic() > deadline:
                pytest.fail(f"the fast source was not recorded within {WAIT_SECONDS:.0f} s")
            time.sleep(0.1)
        assert any(path == "/slow" for path, _ in server.requests)  # the slow one was under way
    finally:
        process.kill()  # SIGKILL: no chance to write anything more
        process.wait()
    attempts = _attempts(workspace)
    assert set(attempts) == {server.url("/fast")}  # killed before the slow one ended
    assert attempts[server.url("/fast")].outcome == "ok"
    with workspace.db.session() as session:
        [snapshot] = session.exec(select(Snapshot)).all()
    assert snapshot.id == attempts[server.url("/fast")].snapshot_id
    assert "museum reopened" in snapshot.text


def test_progress_reports_each_source_as_it_ends_and_the_result_keeps_source_order(
    workspace: Workspace, server: LocalServer
) -> None:
    server.routes["/slower"] = Reply(
        200, page("Slower", "Every byte of this page takes a while."), trickle=0.005
    )
    server.routes["/fast"] = Reply(200, STORY)
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    add_source(workspace, article.id or 0, server.url("/slower"))
    add_source(workspace, article.id or 0, server.url("/fast"))
    seen: list[str] = []
    reports = fetch_sources(
        workspace, article_sources(workspace, article.id or 0), progress=lambda r: seen.append(r.url)
    )
    assert seen == [server.url("/fast"), server.url("/slower")]  # as they ended
    assert [r.url for r in reports] == [server.url("/slower"), server.url("/fast")]  # as asked
    assert all(r.outcome == FetchOutcome.OK for r in reports)


def test_a_trickling_server_is_cut_off_at_the_per_source_deadline(
    workspace: Workspace, server: LocalServer
) -> None:
    """A byte every 50 ms never trips the read timeout; the deadline bounds the whole fetch."""
    server.routes["/trickle"] = Reply(200, SLOW_BODY, trickle=0.05)  # ~2 minutes in all
    server.routes["/story"] = Reply(200, STORY)
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    add_source(workspace, article.id or 0, server.url("/trickle"))
    add_source(workspace, article.id or 0, server.url("/story"))
    workspace.policy.total_timeout = 1.0
    done: list[list[SourceFetchReport]] = []
    worker = threading.Thread(
        target=lambda: done.append(fetch_article(workspace, article.id or 0)), daemon=True
    )
    worker.start()
    worker.join(WAIT_SECONDS)
    assert done, f"fetch still running after {WAIT_SECONDS:.0f} s: the deadline did not stop the trickle"
    trickled, story = done[0]
    assert trickled.outcome == FetchOutcome.UNREACHABLE
    assert trickled.error == "timed out: no complete answer within 1 s (the per-source deadline)"
    assert story.outcome == FetchOutcome.OK
    assert _attempts(workspace)[server.url("/trickle")].outcome == "unreachable"


def test_fetch_deadline_setting_must_be_a_positive_number(
    workspace: Workspace, cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    add_source(workspace, article.id or 0, "https://museum.example/reopened")
    monkeypatch.setenv("WORKBENCH_FETCH_DEADLINE", "soon")
    code, _out, err = run("fetch", str(article.id))
    assert code == 2 and err.strip() == "error: WORKBENCH_FETCH_DEADLINE must be a positive float, not 'soon'"


def test_fetch_exits_3_when_every_source_failed_and_0_when_one_was_fetched(
    workspace: Workspace, server: LocalServer, cli_env: dict[str, str]
) -> None:
    server.routes["/story"] = Reply(200, STORY)
    server.routes["/broken"] = Reply(500, b"down", {"Content-Type": "text/plain"})
    article = add_article(workspace, ARTICLE, title="Museum", language="id")
    _store_unchecked(workspace, article.id or 0, "http://0177.0.0.1/x")
    add_source(workspace, article.id or 0, server.url("/broken"))
    code, out, err = run("--db", cli_env["WORKBENCH_DB"], "fetch", str(article.id), "--json")
    assert code == 3
    assert [r["outcome"] for r in json.loads(out)] == ["error", "error"]  # still the whole report
    # the test server's own threads may log to the same stderr under load: look for our line
    assert "error: none of the 2 source(s) could be fetched" in err.splitlines()
    add_source(workspace, article.id or 0, server.url("/story"))
    code, out, err = run("fetch", str(article.id))
    assert code == 0, err
    assert "new snapshot" in out
