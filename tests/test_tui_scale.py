"""The TUI's behaviour at scale: a saved verdict updates its own row, jobs are one of a kind per
article, Esc cancels a job and keeps what it finished, q leaves while a job waits on a server.
Speed is measured by bench/tui_benchmark.py, not here."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select
from textual.widgets import DataTable

from tests.conftest import REPO, WAIT_SECONDS, LocalServer, Reply, page, pause_until, settle
from tests.test_tui import shown
from workbench.services import verdicts as verdict_service
from workbench.services.articles import add_article
from workbench.services.fetching import latest_snapshot
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace
from workbench.storage.models import Evidence, FetchAttempt, Source
from workbench.tui.app import WorkbenchApp
from workbench.tui.jobs import JobCancelled
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.widgets.list_table import ListTable, PlainCell

TEXT = (
    "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n"
    "Wali kota mengatakan 300 pekerja akan dipekerjakan tahun ini.\n"
    "Jembatan baru akan dibuka pada bulan Maret.\n"
)
SOURCE_PAGE = page(
    "City budget",
    "The city council approved a budget of 12 million dollars on Monday.",
    "The mayor said 300 workers would be hired this year.",
)


def _held(release: threading.Event, reply: Reply, answered: threading.Event | None = None) -> Any:
    """A route that answers only once ``release`` is set (a server that takes its time)."""

    def route(_handler: object) -> Reply:
        release.wait(10 * WAIT_SECONDS)
        if answered is not None:
            answered.set()
        return reply

    return route


async def _claims_screen(app: WorkbenchApp, pilot: Any, article_id: int) -> ClaimsScreen:
    await settle(app, pilot)
    app.push_screen(ClaimsScreen(article_id))
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ClaimsScreen)
    return screen


async def test_saving_a_verdict_updates_its_row_and_reloads_nothing(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = add_article(workspace, TEXT, language="id")
    full_loads: list[int] = []

    def counted(ws: Workspace, article_id: int, only: Any = None) -> Any:
        if only is None:
            full_loads.append(article_id)
        return verdict_service.list_claim_rows(ws, article_id, only)

    monkeypatch.setattr("workbench.tui.screens.claim_list.list_claim_rows", counted)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _claims_screen(app, pilot, article.id or 0)
        assert full_loads == [article.id]
        table = screen.query_one("#claims-table", DataTable)
        keys = [str(row.id) for row in screen.rows]
        assert len(keys) >= 3
        before = {key: table.get_row(key) for key in keys}
        await pilot.press("down")
        await pilot.press("c")  # contradicted, chosen on the table; Enter saves
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        saved = keys[1]
        assert "Contradicted" in str(table.get_row(saved)[2])
        assert "1 of" in shown(screen.query_one("#status-line"))
        assert screen.current is not None and screen.current.verdict is not None
        assert screen.current.verdict.label == "contradicted"
        assert full_loads == [article.id]  # no reload: the dialog closing, nor the save
        for key in keys:
            if key != saved:  # the other rows are the very cells they were
                assert all(a is b for a, b in zip(table.get_row(key), before[key], strict=True))
    judged = [v for v in verdict_service.list_claims(workspace, article.id or 0) if v.verdict]
    assert [str(v.claim.id) for v in judged] == [saved]


async def test_a_load_that_read_before_a_save_does_not_undo_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full load (after an edit, after a job) that read the claims before a verdict was saved,
    and delivers after the save updated the row, must not show the row as it was."""
    article = add_article(workspace, TEXT, language="id")
    read, release = threading.Event(), threading.Event()
    slow = [False]

    def rows(ws: Workspace, article_id: int, only: Any = None) -> Any:
        found = verdict_service.list_claim_rows(ws, article_id, only)
        if only is None and slow[0]:
            read.set()
            release.wait(WAIT_SECONDS)
        return found

    monkeypatch.setattr("workbench.tui.screens.claim_list.list_claim_rows", rows)
    app = WorkbenchApp(workspace)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _claims_screen(app, pilot, article.id or 0)
            slow[0] = True
            screen.load_claims()
            await pause_until(pilot, read.is_set, "the load to read the claims")
            await pilot.press("s")
            await pilot.pause()
            await pilot.press("enter")
            await settle(app, pilot, except_group="claims")
            first = str(screen.rows[0].id)
            table = screen.query_one("#claims-table", DataTable)
            assert "Supported" in str(table.get_row(first)[2])
            release.set()
            await settle(app, pilot)
            assert "Supported" in str(table.get_row(first)[2])
            assert "1 of" in shown(screen.query_one("#status-line"))
            assert screen.current is not None and screen.current.verdict is not None
    finally:
        release.set()


async def test_f_while_a_fetch_runs_says_so_and_starts_nothing(
    workspace: Workspace, server: LocalServer
) -> None:
    release = threading.Event()
    server.routes["/slow"] = _held(release, Reply(200, SOURCE_PAGE))
    article = add_article(workspace, TEXT, language="id")
    add_source(workspace, article.id or 0, server.url("/slow"))
    app = WorkbenchApp(workspace)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            screen = await _claims_screen(app, pilot, article.id or 0)
            await pilot.press("f")
            await pause_until(pilot, lambda: len(server.requests) == 1, "the fetch to reach the server")
            await pilot.press("f")
            await pilot.pause()
            assert any("already running" in n.message for n in app._notifications)
            assert len(app.jobs.running(article.id)) == 1
            assert "Fetch and match" in shown(screen.query_one("#status-line"))
            release.set()
            await settle(app, pilot)
            assert not app.jobs.running()
    finally:
        release.set()
    assert [path for path, _ in server.requests] == ["/slow"]
    with workspace.db.session() as session:
        assert len(session.exec(select(FetchAttempt)).all()) == 1


async def test_esc_cancels_the_job_and_keeps_what_it_finished(
    workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    server.routes["/fast"] = Reply(200, SOURCE_PAGE)
    server.routes["/slow"] = _held(release, Reply(200, page("Later", "The bridge opens in March.")))
    article = add_article(workspace, TEXT, language="id")
    fast = add_source(workspace, article.id or 0, server.url("/fast"))
    slow = add_source(workspace, article.id or 0, server.url("/slow"))
    matched: list[object] = []
    monkeypatch.setattr(  # the match process the job would start after fetching
        "workbench.services.match_worker.MatchProcess.start", lambda *a, **k: matched.append(a)
    )
    app = WorkbenchApp(workspace)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            screen = await _claims_screen(app, pilot, article.id or 0)
            await pilot.press("f")
            await pause_until(
                pilot, lambda: latest_snapshot(workspace, fast.id or 0) is not None, "the fast source"
            )
            await pause_until(pilot, lambda: len(server.requests) == 2, "the slow request")
            await pilot.press("escape")  # the first Esc cancels the job; the screen stays
            await pilot.pause()
            assert app.screen is screen
            # the request in flight is abandoned: the job ends while the server still holds it
            await pause_until(pilot, lambda: not app.jobs.running(), "the cancelled job to end")
            release.set()
            await settle(app, pilot)
            assert not app.jobs.running()
            assert any("cancelled" in n.message for n in app._notifications)
            assert app.screen is screen
            await pilot.press("escape")  # no job left: Esc goes back
            await pilot.pause()
            assert app.screen is not screen
    finally:
        release.set()
    assert latest_snapshot(workspace, fast.id or 0) is not None  # what it finished is kept
    assert matched == []  # matching, the step after fetching, never started
    with workspace.db.session() as session:
        urls = {s.id: s.url for s in session.exec(select(Source)).all()}
        attempts = session.exec(select(FetchAttempt.source_id)).all()
    assert fast.id in attempts and urls[slow.id or 0].endswith("/slow")


def test_an_interrupted_match_writes_the_claims_it_ranked(workspace: Workspace) -> None:
    from workbench.services.demo import load_builtin_cases
    from workbench.services.matching import match_article

    load_builtin_cases(workspace, offline=True)
    claims = [v.claim.id for v in verdict_service.list_claims(workspace, "contoso-demo")]
    with workspace.db.session() as session:
        for row in session.exec(select(Evidence).where(col(Evidence.claim_id).in_(claims))).all():
            session.delete(row)
    done_at = 6

    def stop_after(done: int, _total: int) -> None:
        if done == done_at:
            raise JobCancelled("match")

    with pytest.raises(JobCancelled):
        match_article(workspace, "contoso-demo", semantic=False, progress=stop_after)
    with workspace.db.session() as session:
        with_evidence = set(session.exec(select(Evidence.claim_id)).all())
    assert with_evidence  # the ranked claims' evidence was written...
    assert with_evidence <= set(claims[:done_at])  # ...and none for the claims never ranked


def test_list_table_rows_match_add_row() -> None:
    """ListTable.add_keyed_rows leans on DataTable's internals: it must leave the table as
    add_row does (same rows, keys, cells, cursor)."""
    import asyncio

    from textual.app import App, ComposeResult

    class Tables(App[None]):
        def compose(self) -> ComposeResult:
            yield ListTable(id="batch", cursor_type="row")
            yield ListTable(id="each", cursor_type="row")

    async def fill() -> None:
        app = Tables()
        async with app.run_test() as pilot:
            batch, each = app.query_one("#batch", ListTable), app.query_one("#each", ListTable)
            rows = [(str(i), (str(i), PlainCell(f"[b]claim {i}[/b]"))) for i in range(50)]
            for table in (batch, each):
                table.add_column("#", width=4, key="id")
                table.add_column("claim", width=20, key="claim")
            batch.add_keyed_rows(rows)
            for key, cells in rows:
                each.add_row(*cells, key=key)
            await pilot.pause()
            assert batch.row_count == each.row_count == 50
            for key, _ in rows:
                assert [str(c) for c in batch.get_row(key)] == [str(c) for c in each.get_row(key)]
            assert batch.cursor_coordinate == each.cursor_coordinate
            batch.focus()
            await pilot.press("end")
            assert batch.cursor_row == 49
            assert "[b]claim 49[/b]" in str(batch.get_row_at(49)[1])  # shown as written, not markup

    asyncio.run(fill())


QUIT_DURING_A_FETCH = textwrap.dedent(
    """
    import os
    import sys
    from workbench.services.workspace import Workspace
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.run import run_app
    from workbench.tui.screens.claims import ClaimsScreen

    db, archive, article_id, arrived = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    ws = Workspace.open(db, archive=__import__("pathlib").Path(archive))
    app = WorkbenchApp(ws)

    async def drive(pilot):
        app.push_screen(ClaimsScreen(article_id))
        while not (isinstance(app.screen, ClaimsScreen) and app.screen.rows):
            await pilot.pause(0.05)
        await pilot.press("f")
        while not any("of 1 sources" in job.progress for job in app.jobs.running()):
            await pilot.pause(0.05)
        while not os.path.exists(arrived):  # the server has the request: it is waiting on it
            await pilot.pause(0.05)
        print("fetching", flush=True)
        await pilot.press("q")

    run_app(app, headless=True, auto_pilot=drive)
    print("left", flush=True)
    """
)


def test_q_leaves_at_once_while_a_job_waits_on_a_server(
    workspace: Workspace, server: LocalServer, db_path: Path, tmp_path: Path
) -> None:
    release, answered = threading.Event(), threading.Event()
    held, arrived = _held(release, Reply(200, SOURCE_PAGE), answered), tmp_path / "arrived"

    def slow(handler: object) -> Reply:
        arrived.touch()  # the driver presses q only once the request is here
        return held(handler)

    server.routes["/slow"] = slow
    article = add_article(workspace, TEXT, language="id")
    add_source(workspace, article.id or 0, server.url("/slow"))
    env = {
        **os.environ,
        "WORKBENCH_ALLOW_PRIVATE": "1",
        "WORKBENCH_FETCH_DEADLINE": str(10 * WAIT_SECONDS),  # the job would wait far past the test
        "PYTHONPATH": str(REPO),
    }
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                QUIT_DURING_A_FETCH,
                str(db_path),
                str(tmp_path / "archive"),
                str(article.id),
                str(arrived),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=WAIT_SECONDS,
            check=False,
        )
        answered_before_exit = answered.is_set()
    finally:
        release.set()
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "fetching" in proc.stdout, proc.stdout
    # the process ended while its only request still waited for an answer
    assert not answered_before_exit and [path for path, _ in server.requests] == ["/slow"]
