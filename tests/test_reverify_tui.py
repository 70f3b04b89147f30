"""The re-verification screen on the Contoso case's second site version."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from textual.widgets import DataTable, Input

from tests.conftest import REPO, LocalServer, Reply, settle
from tests.test_contoso_reverify import pin_expected_evidence
from tests.test_tui import shown
from workbench.services.articles import get_article
from workbench.services.demo import load_builtin_cases
from workbench.services.reverify import reverify
from workbench.services.verdicts import get_claim, verdict_history
from workbench.services.workspace import Workspace
from workbench.storage.models import Snapshot
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.reverify import ReverifyScreen
from workbench.tui.screens.verdict_dialog import VerdictDialog


async def test_screen_shows_every_status_and_confirms_or_reopens(workspace: Workspace) -> None:
    load_builtin_cases(workspace, offline=True)
    pin_expected_evidence(workspace)
    workspace.site_version = "v2"
    reverify(workspace, "contoso-demo")
    article_id = get_article(workspace, "contoso-demo").id or 0
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReverifyScreen(article_id))
        await pilot.pause()
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReverifyScreen)
        table = screen.query_one("#review-table", DataTable)
        statuses = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert statuses >= {"intact", "moved", "edited", "orphaned", "gone"}
        first = screen.items[0]
        assert first.state == "stale"  # stale claims come first
        body = shown(screen.query_one("#review-body"))
        assert "pinned" in body and "now" in body
        # an edited one shows both passages
        edited_row = next(i for i, item in enumerate(screen.items) if item.status == "edited")
        table.move_cursor(row=edited_row)
        await pilot.pause()
        edited = screen.items[edited_row]
        assert edited.new_quote and edited.new_quote != edited.old_quote
        assert edited.new_quote[:15] in shown(screen.query_one("#review-body"))
        await pilot.press("y")
        await settle(app, pilot)
        assert str(get_claim(workspace, edited.claim_id).state) == "checked"
        history = verdict_history(workspace, edited.claim_id)
        assert len(history) == 2 and "confirmed after re-verification (edited)" in history[-1].rationale
        orphan_row = next(i for i, item in enumerate(screen.items) if item.status == "orphaned")
        orphan = screen.items[orphan_row]
        table.move_cursor(row=orphan_row)
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, VerdictDialog)
        app.screen.query_one("#verdict-rationale", Input).value = "the sentence was removed from the page"
        await pilot.press("ctrl+s")  # the old label is only highlighted: not saved yet
        await pilot.pause()
        assert isinstance(app.screen, VerdictDialog)
        await pilot.press("shift+tab", "n", "ctrl+s")  # from the rationale back to the list; choose
        await settle(app, pilot)
    latest = verdict_history(workspace, orphan.claim_id)[-1]
    assert latest.rationale == "the sentence was removed from the page"
    assert latest.label == "not-in-source"
    assert str(get_claim(workspace, orphan.claim_id).state) == "checked"


async def test_gone_page_offers_the_archived_copy(
    workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_builtin_cases(workspace, offline=True)
    pin_expected_evidence(workspace)
    workspace.site_version = "v2"
    reverify(workspace, "contoso-demo")
    blog = "https://blog.contoso.example/2024/05/15/why-we-are-building-in-indonesia"
    page = (
        REPO
        / "sources/contoso-demo/site/v1/blog.contoso.example/2024/05/15/why-we-are-building-in-indonesia.html"
    )
    server.routes[f"/tg/{blog}"] = Reply(302, b"", {"Location": f"/web/20240516120000/{blog}"})
    server.routes[f"/web/20240516120000id_/{blog}"] = Reply(
        200, page.read_bytes() + b"\n<!-- capture -->\n", {"Content-Type": "text/html; charset=utf-8"}
    )
    monkeypatch.setenv("WORKBENCH_TIMEGATE", server.url("/tg/"))
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReverifyScreen(get_article(workspace, "contoso-demo").id or 0))
        await pilot.pause()
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReverifyScreen)
        gone_row = next(i for i, item in enumerate(screen.items) if item.status == "gone")
        screen.query_one("#review-table", DataTable).move_cursor(row=gone_row)
        await pilot.pause()
        await pilot.press("a")
        await settle(app, pilot)
    with workspace.db.session() as session:
        archived = session.exec(select(Snapshot).where(col(Snapshot.archive_name).is_not(None))).all()
    assert len(archived) == 1 and archived[0].memento_datetime is not None
    assert "rent a building" in archived[0].text
