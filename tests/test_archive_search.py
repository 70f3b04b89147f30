"""Searching the whole archive for a claim's evidence: real SQLite FTS5, real pages on 127.0.0.1.

``check_archive_search`` is shared with tests/test_team_postgres.py, which runs it on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from tests.conftest import LocalServer, Reply, page
from workbench.cli import app
from workbench.services.archive_search import index_archive, search_archive
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article
from workbench.services.sources import add_source
from workbench.services.verdicts import list_claims
from workbench.services.workspace import Workspace

BRIDGE = "The new bridge over the Tamsel river cost 12 million dollars and opened on Monday."
PARK = "A park with 300 new trees will be built on the east bank next spring."
MUSEUM = "The city museum reopened after two years of repairs to its roof."


def check_archive_search(ws: Workspace, server: LocalServer) -> None:
    """Article A cites the council page; article B cites the museum page only. B's claim about the
    bridge finds its evidence in A's source; a later edit of that page is what is searched."""
    server.routes["/council"] = Reply(200, page("Council", BRIDGE, PARK))
    server.routes["/museum"] = Reply(200, page("Museum", MUSEUM))
    first = add_article(ws, "JAKARTA - Taman baru akan dibangun.\n", title="A", language="id")
    add_source(ws, first.id or 0, server.url("/council"))
    second = add_article(
        ws, "The bridge over the Tamsel river cost 12 million dollars.\n", title="B", language="en"
    )
    add_source(ws, second.id or 0, server.url("/museum"))
    fetch_article(ws, first.id or 0)
    fetch_article(ws, second.id or 0)
    claim = list_claims(ws, second.id or 0)[0].claim
    hits = search_archive(ws, claim.id or 0, top=3)
    assert hits, "the bridge sentence is in the archive"
    best = hits[0]
    assert best.source_url == server.url("/council") and best.quote == BRIDGE
    assert best.parts.get("agreements") == ["12 million"]
    assert all(h.quote != MUSEUM for h in hits[:1])
    # the page changes: the figure is revised; only the latest snapshot is searched
    server.routes["/council"] = Reply(200, page("Council", BRIDGE.replace("12", "14"), PARK))
    fetch_article(ws, first.id or 0)
    best = search_archive(ws, claim.id or 0, top=1)[0]
    assert "14 million" in best.quote and best.parts.get("conflicts") == [
        "claim: 12 million — source: 14 million"
    ]


def test_search_finds_evidence_in_another_articles_source(workspace: Workspace, server: LocalServer) -> None:
    check_archive_search(workspace, server)


def test_snapshots_written_before_the_index_are_indexed_on_first_search(
    workspace: Workspace, server: LocalServer
) -> None:
    server.routes["/council"] = Reply(200, page("Council", BRIDGE))
    article = add_article(workspace, "The bridge cost 12 million dollars.\n", title="B", language="en")
    add_source(workspace, article.id or 0, server.url("/council"))
    fetch_article(workspace, article.id or 0)
    with workspace.db.engine.begin() as conn:  # as an archive from before migration 0006 would be
        conn.execute(text("DELETE FROM archive_passage"))
    claim = list_claims(workspace, article.id or 0)[0].claim
    assert search_archive(workspace, claim.id or 0)[0].quote == BRIDGE
    assert index_archive(workspace) == 0  # nothing left to index


def test_cli_search_prints_json_and_adds_pinned_evidence(
    workspace: Workspace, server: LocalServer, cli_env: dict[str, str]
) -> None:
    server.routes["/council"] = Reply(200, page("Council", BRIDGE, PARK))
    article = add_article(
        workspace, "The bridge over the Tamsel river cost 12 million dollars.\n", language="en"
    )
    add_source(workspace, article.id or 0, server.url("/council"))
    fetch_article(workspace, article.id or 0)
    claim_id = list_claims(workspace, article.id or 0)[0].claim.id or 0
    runner = CliRunner()
    result = runner.invoke(app, ["archive", "search", str(claim_id), "--top", "1", "--json", "--add"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)
    assert set(row) == {
        "snapshot_id",
        "source_url",
        "start",
        "end",
        "quote",
        "score",
        "snapshot",
        "evidence_id",
    }
    assert row["snapshot"]["kind"] == "live" and len(row["snapshot"]["sha256"]) == 64
    assert row["quote"] == BRIDGE
    view = list_claims(workspace, article.id or 0)[0]
    pinned = [e for e in view.evidence if e.id == row["evidence_id"]]
    assert pinned and pinned[0].quote == BRIDGE
    again = runner.invoke(app, ["archive", "search", str(claim_id), "--top", "1", "--json", "--add"])
    assert json.loads(again.stdout)[0]["evidence_id"] == row["evidence_id"]  # pinned once, not twice
    result = runner.invoke(app, ["archive", "search", "99999"])
    assert result.exit_code == 2 and "no claim with id 99999" in result.stderr


async def test_tui_g_searches_the_archive_and_enter_pins_the_passage(
    workspace: Workspace, server: LocalServer
) -> None:
    from tests.conftest import settle
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.add_dialogs import ArchiveHitsDialog
    from workbench.tui.screens.claims import ClaimsScreen

    server.routes["/council"] = Reply(200, page("Council", BRIDGE, PARK))
    cited = add_article(workspace, "JAKARTA - Taman baru akan dibangun.\n", title="A", language="id")
    add_source(workspace, cited.id or 0, server.url("/council"))
    fetch_article(workspace, cited.id or 0)
    article = add_article(
        workspace, "The bridge over the Tamsel river cost 12 million dollars.\n", language="en"
    )
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        await pilot.press("g")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ArchiveHitsDialog) and dialog.hits[0].quote == BRIDGE
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
    [view] = list_claims(workspace, article.id or 0)
    assert [e.quote for e in view.evidence] == [BRIDGE]


def _judged_on_another_articles_source(workspace: Workspace, server: LocalServer) -> tuple[int, int]:
    """Article B (citing the museum page) has a verdict resting on the council page, which only
    article A cites, found by archive search. Returns B's id and its claim's id."""
    from workbench.services.verdicts import add_evidence, record_verdict

    server.routes["/council"] = Reply(200, page("Council", BRIDGE, PARK))
    server.routes["/museum"] = Reply(200, page("Museum", MUSEUM))
    cited = add_article(workspace, "JAKARTA - Taman baru akan dibangun.\n", title="A", language="id")
    add_source(workspace, cited.id or 0, server.url("/council"))
    article = add_article(
        workspace, "The bridge over the Tamsel river cost 12 million dollars.\n", language="en"
    )
    add_source(workspace, article.id or 0, server.url("/museum"))
    fetch_article(workspace, cited.id or 0)
    fetch_article(workspace, article.id or 0)
    claim_id = list_claims(workspace, article.id or 0)[0].claim.id or 0
    hit = search_archive(workspace, claim_id, top=1)[0]
    evidence_id = add_evidence(workspace, claim_id, hit.snapshot_id, hit.start, hit.end, score=hit.score)
    record_verdict(workspace, claim_id, "supported", rationale="the council page", evidence=evidence_id)
    return article.id or 0, claim_id


def test_reverifying_an_article_rechecks_evidence_pinned_from_another_articles_source(
    workspace: Workspace, server: LocalServer
) -> None:
    from workbench.services.reverify import reverify

    article_id, claim_id = _judged_on_another_articles_source(workspace, server)
    server.routes["/council"] = Reply(200, page("Council", BRIDGE.replace("12", "14"), PARK))
    report = reverify(workspace, article_id)
    assert {s.url for s in report.sources} == {server.url("/council"), server.url("/museum")}
    assert [(e.claim_id, e.status) for e in report.evidence] == [(claim_id, "edited")]
    assert str(list_claims(workspace, article_id)[0].state) == "stale"


def test_an_archived_copy_is_not_searched_over_the_live_page(
    workspace: Workspace, server: LocalServer
) -> None:
    """An "as of" copy fetched after the live page has the newer id; the live text is searched."""
    from datetime import UTC, datetime

    from workbench.domain import FetchOutcome
    from workbench.fetching.http import FetchResult
    from workbench.services.fetching import Memento, record_fetch
    from workbench.services.sources import article_sources

    server.routes["/council"] = Reply(200, page("Council", BRIDGE))
    article = add_article(
        workspace, "The bridge over the Tamsel river cost 12 million dollars.\n", language="en"
    )
    add_source(workspace, article.id or 0, server.url("/council"))
    fetch_article(workspace, article.id or 0)
    [source] = article_sources(workspace, article.id or 0)
    old = page("Council", BRIDGE.replace("12", "9"))
    archived = FetchResult(server.url("/council"), FetchOutcome.OK, final_url=server.url("/council"), status=200,
                           headers=[("Content-Type", "text/html")], raw=old, body=old)  # fmt: skip
    record_fetch(
        workspace, source, archived, memento=Memento("web.archive.test", datetime(2020, 1, 1, tzinfo=UTC))
    )
    claim_id = list_claims(workspace, article.id or 0)[0].claim.id or 0
    assert search_archive(workspace, claim_id, top=1)[0].quote == BRIDGE


def test_a_bundle_carries_evidence_pinned_from_another_articles_source(
    workspace: Workspace, server: LocalServer, tmp_path: Path
) -> None:
    from workbench.services.bundles import export_bundle, import_bundle
    from workbench.services.sources import article_sources

    article_id, _ = _judged_on_another_articles_source(workspace, server)
    bundle = tmp_path / "bridge.zip"
    export_bundle(workspace, article_id, bundle)
    elsewhere = Workspace.open(str(tmp_path / "other.db"), archive=tmp_path / "other-archive")
    try:
        imported_id = import_bundle(elsewhere, bundle)
        [view] = list_claims(elsewhere, imported_id)
        assert view.verdict is not None and view.verdict.label == "supported"
        assert [e.quote for e in view.evidence if e.id == view.verdict.evidence_id] == [BRIDGE]
        assert [s.url for s in article_sources(elsewhere, imported_id)] == [server.url("/museum")]
    finally:
        elsewhere.close()
