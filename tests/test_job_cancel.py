"""Cancelling a long job stops it at once and keeps what it finished: a fetch abandons the
requests in flight, embedding stops before its next text and keeps the vectors computed, a match
stops before its next claim. Against a real HTTP server on 127.0.0.1 and, where the semantic extra
is installed, the real model. Bounds below only stop a hang; speed is measured in bench/."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlmodel import select

from tests.conftest import WAIT_SECONDS, LocalServer, Reply, page, pause_until, settle
from tests.test_tui import shown
from workbench.domain import FetchOutcome
from workbench.matching import semantic
from workbench.services.articles import add_article
from workbench.services.fetching import SourceFetchReport, fetch_article, latest_snapshot
from workbench.services.matching import match_article
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace
from workbench.storage.models import Embedding, Evidence, FetchAttempt
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claims import ClaimsScreen

ARTICLE = (
    "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n"
    "Wali kota mengatakan 300 pekerja akan dipekerjakan tahun ini.\n"
)
FAST_PAGE = page(
    "City budget",
    "The city council approved a budget of 12 million dollars on Monday.",
    "The mayor said 300 workers would be hired this year.",
)
# ~1,000 bytes at one byte every 0.2 s: the whole answer would take about an hour
SLOW = Reply(200, page("Slow", *["A page that arrives one byte at a time."] * 20), trickle=0.2)


def _article_with_fast_and_slow(workspace: Workspace, server: LocalServer) -> tuple[int, int, int]:
    server.routes["/fast"] = Reply(200, FAST_PAGE)
    server.routes["/slow"] = SLOW
    article = add_article(workspace, ARTICLE, title="Budget", language="id")
    slow = add_source(workspace, article.id or 0, server.url("/slow"))
    fast = add_source(workspace, article.id or 0, server.url("/fast"))
    workspace.policy.total_timeout = 3600  # only the cancel can end the slow request
    return article.id or 0, fast.id or 0, slow.id or 0


def test_a_cancelled_fetch_returns_without_waiting_for_the_slow_source(
    workspace: Workspace, server: LocalServer
) -> None:
    article, fast, slow = _article_with_fast_and_slow(workspace, server)
    cancel = threading.Event()
    finished: list[SourceFetchReport] = []
    result: list[list[SourceFetchReport]] = []

    def recorded(report: SourceFetchReport) -> None:
        finished.append(report)
        cancel.set()  # the checker presses Esc once the fast source is in

    worker = threading.Thread(
        target=lambda: result.append(fetch_article(workspace, article, progress=recorded, cancel=cancel)),
        daemon=True,
    )
    worker.start()
    worker.join(WAIT_SECONDS)
    assert result, f"the cancelled fetch had not returned after {WAIT_SECONDS:.0f} s"
    assert any(path == "/slow" for path, _ in server.requests)  # it was in flight
    [report] = result[0]  # the slow source has no report: it was abandoned
    assert report.source_id == fast and report.outcome == FetchOutcome.OK
    assert [r.source_id for r in finished] == [fast]
    assert latest_snapshot(workspace, fast) is not None  # the fast source is kept
    with workspace.db.session() as session:
        attempts = session.exec(select(FetchAttempt.source_id)).all()
    assert attempts == [fast]
    assert latest_snapshot(workspace, slow) is None


def test_without_a_cancel_every_source_is_fetched(workspace: Workspace, server: LocalServer) -> None:
    article, fast, slow = _article_with_fast_and_slow(workspace, server)
    server.routes["/slow"] = Reply(200, page("Slow", "Not so slow after all."), trickle=0.001)
    reports = fetch_article(workspace, article, cancel=threading.Event())
    assert [(r.source_id, r.outcome) for r in reports] == [(slow, FetchOutcome.OK), (fast, FetchOutcome.OK)]


async def test_esc_ends_a_fetch_job_while_its_request_is_still_in_flight(
    workspace: Workspace, server: LocalServer
) -> None:
    article, fast, slow = _article_with_fast_and_slow(workspace, server)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        app.push_screen(ClaimsScreen(article))
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("f")
        await pause_until(pilot, lambda: latest_snapshot(workspace, fast) is not None, "the fast source")
        await pause_until(pilot, lambda: len(server.requests) == 2, "the slow request")
        await pilot.press("escape")
        # the slow page would take an hour: the job ends because its request was abandoned
        await pause_until(pilot, lambda: not app.jobs.running(), "the cancelled job to end")
        await pilot.pause()
        assert any("cancelled" in n.message for n in app._notifications)
        assert "Fetch and match" not in shown(screen.query_one("#status-line"))
    assert latest_snapshot(workspace, slow) is None
    with workspace.db.session() as session:
        assert session.exec(select(Evidence)).all() == []  # matching never started


def test_a_match_cancelled_before_a_claim_keeps_the_claims_ranked(
    workspace: Workspace, server: LocalServer
) -> None:
    server.routes["/fast"] = Reply(200, FAST_PAGE)
    article = add_article(workspace, ARTICLE * 3, title="Budget", language="id")
    add_source(workspace, article.id or 0, server.url("/fast"))
    fetch_article(workspace, article.id or 0)
    cancel = threading.Event()

    def ranked(done: int, _total: int) -> None:
        if done == 2:
            cancel.set()

    report = match_article(workspace, article.id or 0, semantic=False, progress=ranked, cancel=cancel)
    assert report.cancelled
    assert report.claims > 2
    with workspace.db.session() as session:
        claims = {e.claim_id for e in session.exec(select(Evidence)).all()}
    assert report.with_evidence == len(claims) == 2  # the two claims ranked, none after them


# Embedding: the real model, told to stop part-way (skipped without the extra).


class StopAfter:
    """The real model, and a checker who cancels once it has embedded ``count`` texts."""

    def __init__(self, model: Any, count: int, cancel: threading.Event) -> None:
        self.model, self.count, self.cancel = model, count, cancel
        self.dim = model.dim
        self.texts = 0

    def _seen(self, texts: list[str]) -> None:
        self.texts += len(texts)
        if self.texts >= self.count:
            self.cancel.set()

    def query(self, texts: list[str]) -> Any:
        vectors = self.model.query(texts)
        self._seen(texts)
        return vectors

    def passage(self, texts: list[str]) -> Any:
        vectors = self.model.passage(texts)
        self._seen(texts)
        return vectors


def _real_model() -> Any:
    pytest.importorskip(semantic.PACKAGE)
    embedder = semantic.load_embedder()
    assert embedder is not None
    return embedder.backend


def test_cancelled_embedding_stops_before_its_next_text_and_keeps_the_vectors(workspace: Workspace) -> None:
    from workbench.services.embeddings import DatabaseEmbeddingStore

    model = _real_model()
    cancel = threading.Event()
    store = DatabaseEmbeddingStore(workspace.db)
    claims = [f"Klaim nomor {n} tentang anggaran kota." for n in range(5)]
    passages = [f"Passage number {n} about the city budget." for n in range(20)]
    first = semantic.Embedder(StopAfter(model, 3, cancel), model=semantic.MODEL_NAME)
    assert not first.prepare(claims, passages, store=store, cancel=cancel)
    assert first.computed == 3  # stopped inside its first chunk of 16, before the fourth text
    assert store.count() == 3  # and what it computed is stored
    later = semantic.Embedder(model, model=semantic.MODEL_NAME)
    assert later.prepare(claims, passages, store=store)
    assert later.computed == len(claims) + len(passages) - 3  # nothing computed twice
    with workspace.db.session() as session:
        assert len(session.exec(select(Embedding)).all()) == 25


def test_a_match_cancelled_while_embedding_writes_no_evidence(
    workspace: Workspace, server: LocalServer
) -> None:
    _real_model()
    server.routes["/fast"] = Reply(200, FAST_PAGE)
    article = add_article(workspace, ARTICLE, title="Budget", language="id")
    add_source(workspace, article.id or 0, server.url("/fast"))
    fetch_article(workspace, article.id or 0)
    cancel = threading.Event()
    cancel.set()  # Esc pressed before the first text went to the model
    report = match_article(workspace, article.id or 0, cancel=cancel)
    assert report.cancelled and report.with_evidence == 0
    with workspace.db.session() as session:
        assert session.exec(select(Evidence)).all() == []
        assert session.exec(select(Embedding)).all() == []
