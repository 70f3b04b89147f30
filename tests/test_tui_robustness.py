"""The TUI under bad input: markup in fetched text, failures in workers, unknown labels."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError
from textual.widgets import Input

from tests.conftest import LocalServer, Reply, page, settle
from tests.test_tui import shown
from workbench.services.articles import add_article, list_articles
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claims import ClaimsScreen


async def test_markup_in_a_page_title_does_not_break_the_app(
    workspace: Workspace, server: LocalServer
) -> None:
    server.routes["/story"] = Reply(200, page("Berita [/b] terkini [link=http://evil.example]x[/link]",
                                              "The museum reopened on Monday after two years of repairs."))  # fmt: skip
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#article-target", Input).value = server.url("/story")
        await pilot.press("enter")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("[/b]" in m for m in messages), messages
    assert "[/b]" in list_articles(workspace)[0].title


async def test_a_failed_verdict_save_is_reported(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = add_article(workspace, "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n",
                          language="id")  # fmt: skip

    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT INTO verdict", {}, Exception("database is locked"))

    monkeypatch.setattr("workbench.tui.screens.claims.record_verdict", locked)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("failed" in m and "locked" in m for m in messages), messages
        assert "failed" in shown(app.screen.query_one("#status-line"))
        # a reload finishing after the failure (the screen reloads when the dialog closes) keeps it
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        screen.load_claims()
        await settle(app, pilot)
        status = shown(screen.query_one("#status-line"))
        assert "0 of 1 checked" in status and "failed" in status and "locked" in status, status


async def test_a_failed_save_stays_shown_until_that_claim_is_saved(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import settle
    from workbench.services import verdicts

    text = (
        "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n"
        "Wali kota mengatakan 300 pekerja akan dipekerjakan tahun ini.\n"
    )
    article = add_article(workspace, text, language="id")
    first = verdicts.list_claims(workspace, article.id or 0)[0].claim.id
    calls: list[int] = []

    def locked_once(ws: Workspace, claim_id: int, *args: object, **kwargs: object) -> object:
        calls.append(claim_id)
        if len(calls) == 1:
            raise OperationalError("INSERT INTO verdict", {}, Exception("database is locked"))
        return verdicts.record_verdict(ws, claim_id, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("workbench.tui.screens.claims.record_verdict", locked_once)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        for keys in (["s", "enter"], ["down", "s", "enter"]):  # claim 1 fails, then claim 2 is saved
            for key in keys:
                await pilot.press(key)
                await settle(app, pilot)
        status = shown(app.screen.query_one("#status-line"))
        assert "1 of 2 checked" in status and f"verdict for claim {first} failed" in status, status
        for key in ("up", "s", "enter"):  # claim 1 again, now saved
            await pilot.press(key)
            await settle(app, pilot)
        status = shown(app.screen.query_one("#status-line"))
        assert "2 of 2 checked" in status and "failed" not in status, status
