"""Bringing material in from the TUI: an article from a file, a source URL fetched and matched."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input

from tests.conftest import LocalServer, Reply, page, settle
from workbench.services.articles import list_articles
from workbench.services.verdicts import list_claims
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.add_dialogs import AddArticleDialog, AddSourceDialog
from workbench.tui.screens.claims import ClaimsScreen

ARTICLE = (
    "JAKARTA - Otoritas pelabuhan mengatakan lebih dari 20 kapal tertunda pada hari Selasa karena badai.\n"
    "Perbaikan dermaga utara akan menelan biaya 3,5 juta dolar, kata otoritas.\n"
)


async def test_add_an_article_then_a_source(
    workspace: Workspace, server: LocalServer, tmp_path: Path
) -> None:
    path = tmp_path / "pelabuhan.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    server.routes["/harbour"] = Reply(200, page(
        "Harbour", "The port authority said more than 20 ships were delayed on Tuesday by the storm.",
    ))  # fmt: skip
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddArticleDialog)
        app.screen.query_one("#article-target", Input).value = str(path)
        app.screen.query_one("#article-date", Input).value = "2024-03-05"
        await pilot.press("enter")
        await settle(app, pilot)
        table = app.screen.query_one("#articles-table", DataTable)
        assert table.row_count == 1
        [summary] = list_articles(workspace)
        assert summary.language == "id" and summary.claims >= 2
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, AddSourceDialog)
        app.screen.query_one("#source-url", Input).value = server.url("/harbour")
        await pilot.press("enter")
        await settle(app, pilot)
    ships = next(v for v in list_claims(workspace, summary.id) if "kapal" in v.claim.text)
    assert ships.best is not None and "ships" in ships.best.quote
