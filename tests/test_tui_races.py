"""Races between thread workers of the TUI, made to happen on purpose."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.conftest import pause_until, settle, within
from tests.test_tui import shown
from workbench.services import verdicts as verdict_service
from workbench.services.articles import add_article
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claims import ClaimsScreen


async def test_a_superseded_load_does_not_paint_over_a_newer_one(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A load that read the database before a verdict was saved, and is slow to deliver, must not
    show its older rows after the newer load has shown the verdict. Cancelling a thread worker
    does not stop its thread, so the older load does arrive."""
    article = add_article(workspace, "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n",
                          language="id")  # fmt: skip
    claim_id = list_claims(workspace, article.id or 0)[0].claim.id or 0
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        read, release, delivered = threading.Event(), threading.Event(), threading.Event()
        older_thread: list[int] = []

        def slow_first(ws: Workspace, ref: int) -> Any:
            views = verdict_service.list_claim_rows(ws, ref)
            if not older_thread:  # the older load has read the claims; now it is slow
                older_thread.append(threading.get_ident())
                read.set()
                release.wait(30)
            return views

        original_call = app.call_from_thread

        def call_from_thread(callback: Any, *args: Any, **kwargs: Any) -> Any:
            result = original_call(callback, *args, **kwargs)  # returns once the UI thread ran it
            if older_thread and threading.get_ident() == older_thread[0]:
                delivered.set()
            return result

        monkeypatch.setattr("workbench.tui.screens.claim_list.list_claim_rows", slow_first)
        monkeypatch.setattr(app, "call_from_thread", call_from_thread)
        older = screen.load_claims()
        await pause_until(pilot, read.is_set, "the older load to read the claims")
        record_verdict(workspace, claim_id, "supported")
        newer = screen.load_claims()  # same exclusive group: `older` is cancelled, its thread runs on
        await within(newer.wait(), "the newer load")
        await pilot.pause()
        assert older.is_cancelled
        assert "1 of 1 checked" in shown(screen.query_one("#status-line"))
        release.set()
        # the older thread hands its rows to the UI thread
        await pause_until(pilot, delivered.is_set, "the older load to deliver its rows")
        await pilot.pause()
        status = shown(screen.query_one("#status-line"))
        assert "1 of 1 checked" in status, status


async def test_typing_on_while_a_verdict_saves_keeps_the_cursor_where_it_went(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s, Enter, Down, s, Enter typed fast: the reload after the first save must not pull the
    cursor back to the first claim, or the second verdict would land on it."""
    text = (
        "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n"
        "Wali kota mengatakan 300 pekerja akan dipekerjakan tahun ini.\n"
    )
    article = add_article(workspace, text, language="id")
    first, second = (v.claim.id or 0 for v in list_claims(workspace, article.id or 0)[:2])
    saving, release = threading.Event(), threading.Event()

    def slow_record(*args: Any, **kwargs: Any) -> Any:
        saving.set()
        release.wait(30)
        return verdict_service.record_verdict(*args, **kwargs)

    monkeypatch.setattr("workbench.tui.screens.claims.record_verdict", slow_record)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen) and screen.current is not None
        assert screen.current.claim.id == first
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # the save starts and waits in its thread
        await pause_until(pilot, saving.is_set, "the verdict save to start")
        await settle(app, pilot, except_group="verdict")  # the reload after the dialog closed
        await pilot.press("down")  # the checker moves on before the save is done
        await pilot.pause()
        assert screen.current is not None and screen.current.claim.id == second
        release.set()
        await settle(app, pilot)  # the save finishes and reloads, asking for the first claim
        assert screen.current is not None and screen.current.claim.id == second
    verdicts = {v.claim.id: v.verdict for v in list_claims(workspace, article.id or 0)}
    assert verdicts[first] is not None and verdicts[second] is None
