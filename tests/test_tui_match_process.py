"""The TUI's match runs in a process of its own (workbench/services/match_worker.py): it writes
evidence, Esc cancels it and keeps the claims it ranked, q leaves and the child goes too, its
errors and its death are shown, and a second job of the kind is refused while it runs.

Real parts: a SQLite file, a page fetched from a real HTTP server on 127.0.0.1, a spawned child.
Where a test must act while the child runs, it holds SQLite's write lock (every session of the
workbench begins IMMEDIATE, and the busy timeout is 10 s): the child waits at its next session,
so the lock, not a clock, decides where the child is when the test acts. No timing assertions."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from tests.conftest import REPO, WAIT_SECONDS, LocalServer, Reply, page, pause_until, settle
from tests.postgres import postgres_server, server_binaries
from tests.test_tui import shown
from workbench.fetching.http import FetchPolicy
from workbench.services import match_worker
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article
from workbench.services.lookups import article_claims
from workbench.services.match_worker import MatchFailed, MatchProcess
from workbench.services.matching import CLAIM_BATCH
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace
from workbench.storage.models import Evidence
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claim_jobs import ClaimJobs
from workbench.tui.screens.claims import ClaimsScreen

TEXT = (
    "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n"
    "Wali kota mengatakan 300 pekerja akan dipekerjakan tahun ini.\n"
    "Jembatan baru akan dibuka pada bulan Maret.\n"
)
SOURCE_PAGE = page(
    "City budget",
    "The city council approved a budget of 12 million dollars on Monday.",
    "The mayor said 300 workers would be hired this year.",
    "The new bridge will open in March.",
)


@pytest.fixture(autouse=True)
def lexical(monkeypatch: pytest.MonkeyPatch) -> None:
    """Match lexically: loading the model in each child would only make the tests slow."""
    monkeypatch.setattr(ClaimJobs, "match_semantic", False)


def _fetched_article(workspace: Workspace, server: LocalServer, text: str = TEXT) -> int:
    server.routes["/budget"] = Reply(200, SOURCE_PAGE)
    article = add_article(workspace, text, title="Budget", language="id")
    add_source(workspace, article.id or 0, server.url("/budget"))
    fetch_article(workspace, article.id or 0)
    return article.id or 0


def _evidence_claims(workspace: Workspace) -> set[int]:
    with workspace.db.session() as session:
        return set(session.exec(select(Evidence.claim_id)).all())


@contextmanager
def _write_lock(db_path: Path) -> Iterator[sqlite3.Connection]:
    """SQLite's write lock, held until the block ends (or ``rollback`` releases it sooner)."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield connection
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.close()


@asynccontextmanager
async def _match_waiting_on_the_lock(
    app: WorkbenchApp, pilot: Any, screen: ClaimsScreen, db_path: Path
) -> AsyncIterator[None]:
    """A match started from ``screen`` whose child has started and waits, for as long as the
    block lasts, for SQLite's write lock to read the claims."""
    with _write_lock(db_path):
        screen.action_match()
        await pause_until(pilot, lambda: _child_started(app), "the match process")
        yield


def _matching(app: WorkbenchApp, at_least: int = 0) -> bool:
    """A job's status says the child has ranked ``at_least`` claims (its first message has come)."""
    for job in app.jobs.running():
        words = job.progress.split()
        if words[:1] == ["matching"] and int(words[1].replace(",", "")) >= at_least:
            return True
    return False


def _child_started(app: WorkbenchApp) -> bool:
    """The match job has started its process (which may be waiting for the database)."""
    return any(job.progress == "starting the match process" for job in app.jobs.running()) and bool(
        multiprocessing.active_children()
    )


async def _claims_screen(app: WorkbenchApp, pilot: Any, article_id: int) -> ClaimsScreen:
    await settle(app, pilot)
    app.push_screen(ClaimsScreen(article_id))
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ClaimsScreen)
    return screen


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie waiting to be reaped is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


async def test_a_match_runs_in_a_child_and_writes_evidence(
    workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _fetched_article(workspace, server)

    def not_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("match_article ran in the TUI's process")

    monkeypatch.setattr("workbench.services.matching.match_article", not_here)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _claims_screen(app, pilot, article)
        assert screen.current is not None and not screen.current.evidence
        screen.action_match()
        await pause_until(pilot, lambda: not app.jobs.running(), "the match to end")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("claims have evidence" in m for m in messages), messages
        assert screen.current is not None and screen.current.evidence  # reloaded when the child ended
    assert _evidence_claims(workspace)
    assert not multiprocessing.active_children()


async def test_esc_cancels_the_child_and_keeps_the_claims_it_ranked(
    workspace: Workspace, server: LocalServer, db_path: Path
) -> None:
    # three batches of claims: once the test holds the write lock, the child can rank at most to
    # the end of its batch, then waits to write it; Esc comes before the lock is let go
    lines = [f"Wali kota mengatakan {n} pekerja akan dipekerjakan tahun ini." for n in range(3 * CLAIM_BATCH)]
    article = _fetched_article(workspace, server, "\n".join(lines) + "\n")
    with workspace.db.session() as session:
        order = [c.id for c in article_claims(session, article)]
    assert len(order) == 3 * CLAIM_BATCH
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _claims_screen(app, pilot, article)
        screen.action_match()
        await pause_until(pilot, lambda: _matching(app, at_least=1), "the first claims ranked")
        with _write_lock(db_path) as lock:
            await pilot.press("escape")  # sets the child's cancel flag before the key returns
            assert app.screen is screen
            lock.execute("ROLLBACK")  # the child writes what it ranked, then sees the cancel
            await pause_until(pilot, lambda: not app.jobs.running(), "the cancelled match to end")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("cancelled" in m for m in messages), messages
        assert "Match" not in shown(screen.query_one("#status-line"))
        assert screen.current is not None and screen.current.evidence  # reloaded: the first claim's
    kept = _evidence_claims(workspace)
    assert kept == set(order[: len(kept)])  # the claims ranked before Esc, in order, were written...
    assert 0 < len(kept) < len(order)  # ...and the claims after it were never ranked
    assert not multiprocessing.active_children()


async def test_a_second_match_while_the_child_runs_is_refused(
    workspace: Workspace, server: LocalServer, db_path: Path
) -> None:
    article = _fetched_article(workspace, server)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _claims_screen(app, pilot, article)
        async with _match_waiting_on_the_lock(app, pilot, screen, db_path):
            await pilot.press("f")
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("already running" in m for m in messages), messages
            assert len(app.jobs.running(article)) == 1
            assert len(multiprocessing.active_children()) == 1
        await pause_until(pilot, lambda: not app.jobs.running(), "the match to end")
        await settle(app, pilot)
    assert [path for path, _ in server.requests] == ["/budget"]  # fetched by the test only
    assert _evidence_claims(workspace)


async def test_an_error_in_the_child_is_shown_in_one_line(
    workspace: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _fetched_article(workspace, server)
    monkeypatch.setenv("WORKBENCH_TEXT_CAP", "lots")  # read by the child as it prepares passages
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _claims_screen(app, pilot, article)
        screen.action_match()
        await pause_until(pilot, lambda: not app.jobs.running(), "the failed match to end")
        await settle(app, pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert any("WORKBENCH_TEXT_CAP must be a positive int, not 'lots'" in m for m in errors), errors
        assert all("\n" not in m for m in errors)
        assert "WORKBENCH_TEXT_CAP" in shown(screen.query_one("#status-line"))
    assert _evidence_claims(workspace) == set()


async def test_a_killed_child_ends_the_job_with_a_message(
    workspace: Workspace, server: LocalServer, db_path: Path
) -> None:
    article = _fetched_article(workspace, server)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _claims_screen(app, pilot, article)
        async with _match_waiting_on_the_lock(app, pilot, screen, db_path):
            [child] = multiprocessing.active_children()
            assert child.pid is not None
            os.kill(child.pid, signal.SIGKILL)
            await pause_until(pilot, lambda: not app.jobs.running(), "the job to end")
        await settle(app, pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert any("stopped by signal 9" in m for m in errors), errors
    assert _evidence_claims(workspace) == set()


QUIT_DURING_A_MATCH = textwrap.dedent(
    """
    import multiprocessing
    import sys
    from pathlib import Path
    from workbench.services.workspace import Workspace
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.run import run_app
    from workbench.tui.screens.claim_jobs import ClaimJobs
    from workbench.tui.screens.claims import ClaimsScreen

    db, archive, article_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ClaimJobs.match_semantic = False
    app = WorkbenchApp(Workspace.open(db, archive=Path(archive)))

    async def drive(pilot):
        app.push_screen(ClaimsScreen(article_id))
        while not (isinstance(app.screen, ClaimsScreen) and app.screen.rows):
            await pilot.pause(0.05)
        app.screen.action_match()
        while not multiprocessing.active_children():
            await pilot.pause(0.05)
        print("child", *[p.pid for p in multiprocessing.active_children()], flush=True)
        await pilot.press("q")

    # the TUI's own reads wait for the test's lock too: run_app leaves without waiting for them
    run_app(app, headless=True, auto_pilot=drive)
    """
)


def test_q_while_a_match_runs_leaves_and_the_child_is_gone(
    workspace: Workspace, server: LocalServer, db_path: Path, tmp_path: Path
) -> None:
    article = _fetched_article(workspace, server)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with _write_lock(db_path):  # the child waits here to read the claims, then would match
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                QUIT_DURING_A_MATCH,
                str(db_path),
                str(tmp_path / "archive"),
                str(article),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=WAIT_SECONDS,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        [line] = [line for line in proc.stdout.splitlines() if line.startswith("child")]
        pids = [int(word) for word in line.split()[1:]]
        assert len(pids) == 1
        assert not _alive(pids[0])  # gone with the TUI, while it still waited for the database
    assert _evidence_claims(workspace) == set()  # and it never wrote after the lock was let go


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace on a fresh PostgreSQL server (skipped where there is none)."""
    if server_binaries() is None:
        pytest.skip("no PostgreSQL server binaries here")
    pytest.importorskip("psycopg")
    with postgres_server() as url:
        ws = Workspace.open(url, archive=tmp_path / "shared-archive")
        ws.policy = FetchPolicy(allow_private=True, retries=1, backoff=0.05)
        try:
            yield ws
        finally:
            ws.close()


def test_the_match_process_opens_the_same_postgres_database(team: Workspace, server: LocalServer) -> None:
    article = _fetched_article(team, server)
    ranked: list[tuple[int, int]] = []
    report = MatchProcess.start(team, article, semantic=False).result(progress=lambda *p: ranked.append(p))
    assert report.claims == 3 and not report.cancelled
    assert ranked[0] == (0, 3) and ranked[-1] == (3, 3)  # the first and the last always come
    assert len(_evidence_claims(team)) == report.with_evidence > 0


def test_a_child_that_does_not_stop_when_cancelled_is_ended(
    workspace: Workspace, server: LocalServer, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _fetched_article(workspace, server)
    monkeypatch.setattr(match_worker, "STOP_GRACE", 0.5)
    # the child waits for the write lock to read the claims (up to SQLite's busy timeout, 10 s),
    # where it does not look at its cancel flag
    with _write_lock(db_path):
        process = MatchProcess.start(workspace, article, semantic=False)
        process.cancel()
        with pytest.raises(MatchFailed, match="stopped by signal"):
            process.result()
    assert process.pid is not None and not _alive(process.pid)
    assert _evidence_claims(workspace) == set()


ABANDONED_MATCH = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from workbench.services.match_worker import MatchProcess
    from workbench.services.workspace import Workspace

    ws = Workspace.open(sys.argv[1], archive=Path(sys.argv[2]))
    process = MatchProcess.start(ws, int(sys.argv[3]), semantic=False)
    print(process.pid, flush=True)
    time.sleep(3600)  # killed by the test meanwhile
    """
)


def test_a_child_whose_parent_was_killed_leaves(
    workspace: Workspace, server: LocalServer, db_path: Path, tmp_path: Path
) -> None:
    article = _fetched_article(workspace, server)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with _write_lock(db_path) as lock:  # the child waits to read the claims: it has work to do
        parent = subprocess.Popen(
            [sys.executable, "-c", ABANDONED_MATCH, str(db_path), str(tmp_path / "archive"), str(article)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert parent.stdout is not None
            child = int(parent.stdout.readline())
            assert _alive(child)
        finally:
            parent.kill()  # no exit path runs: the child must notice on its own
            parent.wait(WAIT_SECONDS)
        lock.execute("ROLLBACK")  # an orphan that went on would now match and write (seconds)
        deadline = time.monotonic() + WAIT_SECONDS
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), "the match process outlived its parent"
    assert _evidence_claims(workspace) == set()  # it left at once: it wrote nothing


def test_the_child_embeds_with_the_semantic_extra_and_reports_it(
    workspace: Workspace, server: LocalServer
) -> None:
    from workbench.matching import semantic

    pytest.importorskip(semantic.PACKAGE)
    article = _fetched_article(workspace, server)
    embedded: list[tuple[int, int]] = []
    report = MatchProcess.start(workspace, article, semantic=True).result(
        embedding_progress=lambda *p: embedded.append(p)
    )
    assert embedded and embedded[-1][0] == embedded[-1][1] > 0  # texts embedded, all of them
    with workspace.db.session() as session:
        methods = set(session.exec(select(Evidence.method)).all())
    assert methods == {"lexical+semantic"}
    assert report.with_evidence == len(_evidence_claims(workspace)) > 0
