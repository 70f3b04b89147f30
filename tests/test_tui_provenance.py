"""The TUI says which copy a passage came from, and shows no suggestion beside a verdict."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import LocalServer, settle
from tests.test_archive_bundles import ORIGINAL, timegate
from tests.test_tui import shown
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article_as_of
from workbench.services.matching import match_article
from workbench.services.sources import add_source
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.widgets.claim_detail import ClaimDetail


async def test_an_archived_passage_is_marked_and_a_verdict_stands_alone(
    workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    timegate(server)
    monkeypatch.setenv("WORKBENCH_TIMEGATE_NAME", "Test Archive")
    article = add_article(
        workspace,
        "JAKARTA - Kementerian menyetujui 40 sekolah baru pada bulan Maret.\n"
        "Kementerian juga menyetujui 40 sekolah baru untuk bulan berikutnya.\n",
        language="id",
        article_date=date(2022, 3, 4),
    )
    article_id = article.id or 0
    add_source(workspace, article_id, ORIGINAL)
    fetch_article_as_of(workspace, article_id, endpoint=server.url("/tg/"))
    match_article(workspace, article_id, semantic=False)
    first, second = list_claims(workspace, article_id)[:2]
    assert first.evidence and second.evidence
    record_verdict(workspace, first.claim.id or 0, "supported", rationale="by hand")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(140, 50)) as pilot:
        await settle(app, pilot)
        app.push_screen(ClaimsScreen(article_id))
        await settle(app, pilot)
        detail = shown(app.screen.query_one(ClaimDetail).query_one("#claim-detail-body"))
        assert "archived copy (Test Archive, memento 2022-03-04 10:15 UTC)" in detail
        assert "Verdict: Supported" in detail and "Suggested" not in detail
        await pilot.press("down")
        await settle(app, pilot)
        detail = shown(app.screen.query_one(ClaimDetail).query_one("#claim-detail-body"))
        assert "not yet checked" in detail and "Suggested" in detail  # unchecked: the suggestion shows


async def test_the_sources_dialog_says_which_copy_is_read(
    workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import DataTable

    from workbench.tui.screens.sources import SourcesDialog

    timegate(server)
    monkeypatch.setenv("WORKBENCH_TIMEGATE_NAME", "Test Archive")
    article = add_article(
        workspace,
        "JAKARTA - Kementerian menyetujui 40 sekolah baru.\n",
        language="id",
        article_date=date(2022, 3, 4),
    )
    add_source(workspace, article.id or 0, ORIGINAL)
    add_source(workspace, article.id or 0, server.url("/never-fetched"))
    fetch_article_as_of(workspace, article.id or 0, endpoint=server.url("/tg/"), source_urls=[ORIGINAL])
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, SourcesDialog)
        table = app.screen.query_one("#sources-table", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        by_url = {row[3]: row[2] for row in rows}
        assert by_url[ORIGINAL].startswith("archived copy (Test Archive, memento 2022-03-04 10:15 UTC)")
        assert by_url[server.url("/never-fetched")] == "no copy yet"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
