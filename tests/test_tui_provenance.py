"""The TUI says which copy a passage came from, and shows no suggestion beside a verdict."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import LocalServer, settle
from tests.test_archive_bundles import ORIGINAL, timegate
from tests.test_tui import shown
from workbench.services.articles import add_article, add_source
from workbench.services.fetching import fetch_article_as_of
from workbench.services.matching import match_article
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
