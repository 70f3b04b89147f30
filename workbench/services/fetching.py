"""Fetch an article's sources: request (bounded concurrency), archive, extract, record.

Network work runs concurrently in asyncio; database writes happen afterwards, one short
transaction per source, so a failure on one source never loses another's snapshot.
"""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from sqlmodel import Session, col, select

from workbench.domain import FetchOutcome
from workbench.fetching.archive import ArchiveProblem, sha256_hex
from workbench.fetching.extract import PageText, page_from_body
from workbench.fetching.http import FetchResult, fetch_url, make_client
from workbench.provenance import SnapshotProvenance
from workbench.services import lookups
from workbench.services.archive_search import index_snapshot
from workbench.services.sources import article_sources
from workbench.services.workspace import Workspace
from workbench.storage.models import FetchAttempt, Snapshot, Source
from workbench.storage.queries import snapshot_copies


@dataclass(frozen=True, slots=True)
class SourceFetchReport:
    source_id: int
    url: str
    outcome: FetchOutcome
    status: int | None
    new_snapshot: bool
    snapshot_id: int | None
    error: str | None
    duration_ms: int
    snapshot: SnapshotProvenance | None = None  # the copy the attempt left current, when any
    note: str | None = None  # what that copy left out of the page (cut at the text cap), if anything

    @property
    def fetched(self) -> bool:
        """Whether the source answered with its content (new, the same, or not modified)."""
        return self.outcome in (FetchOutcome.OK, FetchOutcome.NOT_MODIFIED)

    @property
    def summary(self) -> str:
        if self.outcome == FetchOutcome.OK:
            done = "new snapshot" if self.new_snapshot else "unchanged"
            if self.snapshot is not None and self.snapshot.archived:
                done = f"{done}: {self.snapshot.describe()}"
            return f"{done}; {self.note}" if self.note else done
        if self.outcome == FetchOutcome.NOT_MODIFIED:
            return "not modified (304)"
        return f"{self.outcome}: {self.error or ''}".strip()


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Memento:
    """Where an archived copy came from: the web archive and the memento's own datetime."""

    archive: str
    datetime: datetime | None
    url: str | None = None


ProgressCallback = Callable[[SourceFetchReport], None]
CANCEL_POLL = 0.05  # seconds between two looks at a fetch's cancel event


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to completion from synchronous code, even when this thread already
    runs an event loop (a service called from an async test or app): then in a fresh thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def latest_snapshot(ws: Workspace, source_id: int, *, live_only: bool = False) -> Snapshot | None:
    """The newest snapshot of a source; ``live_only`` skips copies from web archives."""
    with ws.db.session() as session:
        return lookups.latest_snapshot(session, source_id, live_only=live_only)


# One source's request: what came back, and for a web archive's copy, where it came from.
Fetcher = Callable[[httpx.AsyncClient, Source], Awaitable[tuple[FetchResult, Memento | None]]]


async def _cancel_when_set(event: threading.Event, run: asyncio.Future[Any]) -> None:
    """Cancel ``run`` once ``event`` is set (from another thread: looked at every CANCEL_POLL s)."""
    while not event.is_set():
        await asyncio.sleep(CANCEL_POLL)
    run.cancel()


async def _fetch_and_record(
    ws: Workspace,
    sources: list[Source],
    fetch: Fetcher,
    progress: ProgressCallback | None,
    cancel: threading.Event | None = None,
) -> list[SourceFetchReport]:
    """Fetch ``sources`` concurrently (bounded per host and overall) and record each one as soon
    as its fetch ends, so a run killed half-way keeps every source that had finished. Extraction
    and the write run in one worker thread, off the event loop, one source at a time (memory is
    bounded by one page's extraction). Reports come back in the order of ``sources``.

    When ``cancel`` is set, the requests in flight are abandoned (their tasks cancelled, their
    connections closed with the client) and the reports of the sources recorded so far returned;
    a record being written at that moment is finished first (one short transaction)."""
    policy = ws.policy
    overall = asyncio.Semaphore(policy.overall)
    per_host: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(policy.per_host))
    reports: list[SourceFetchReport | None] = [None] * len(sources)
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="record-fetch") as writer:
        async with make_client(policy, ws.transports()) as client:

            async def one(index: int, source: Source) -> None:
                try:
                    host = urlsplit(source.url).netloc.lower()  # host and port: one server
                    # the host slot first: a task waiting for its host must not hold an overall slot
                    async with per_host[host], overall:
                        result, memento = await fetch(client, source)
                except Exception as exc:  # whatever one source does, the others are fetched and recorded
                    result, memento = failed_fetch(source.url, exc), None
                # database errors are not the source's fault: they propagate and end the run
                report = await loop.run_in_executor(
                    writer, partial(record_fetch, ws, source, result, memento=memento)
                )
                reports[index] = report
                if progress is not None:
                    progress(report)

            tasks = [asyncio.ensure_future(one(i, s)) for i, s in enumerate(sources)]
            everything = asyncio.gather(*tasks)
            watcher = None if cancel is None else asyncio.ensure_future(_cancel_when_set(cancel, everything))
            try:
                await everything
            except asyncio.CancelledError:
                if cancel is None or not cancel.is_set():
                    raise  # cancelled from outside (Ctrl-C), not by the caller's event
            finally:
                if watcher is not None:
                    watcher.cancel()
                for task in tasks:
                    task.cancel()
                # the abandoned requests unwind (their responses closed) before the client closes
                await asyncio.gather(*tasks, return_exceptions=True)
    return [r for r in reports if r is not None]


def failed_fetch(url: str, exc: Exception) -> FetchResult:
    """An unexpected exception while fetching ``url``, as that source's recorded error."""
    message = " ".join(str(exc).split())[:500]  # one line, whatever the exception says
    return FetchResult(
        requested_url=url, outcome=FetchOutcome.ERROR, error=f"{type(exc).__name__}: {message}"
    )


def fetch_sources(
    ws: Workspace,
    sources: list[Source],
    *,
    conditional: bool = True,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> list[SourceFetchReport]:
    """Fetch ``sources`` and record every attempt as it ends; a snapshot only when the payload is
    new. ``progress`` is called once per source, in the order they finish; the reports returned
    follow the order of ``sources``. Setting ``cancel`` (from another thread) makes it return at
    once with the sources recorded so far; the requests still in flight are abandoned."""

    async def live(client: httpx.AsyncClient, source: Source) -> tuple[FetchResult, Memento | None]:
        previous = latest_snapshot(ws, source.id or 0, live_only=True) if conditional else None
        result = await fetch_url(
            client,
            source.url,
            ws.policy,
            etag=previous.etag if previous else None,
            last_modified=previous.last_modified if previous else None,
        )
        return result, None

    if not sources:
        return []
    return run_async(_fetch_and_record(ws, sources, live, progress, cancel))


def fetch_article(
    ws: Workspace,
    ref: str | int,
    *,
    only_missing: bool = False,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> list[SourceFetchReport]:
    """Fetch every source of an article. ``only_missing`` skips sources that already have a
    snapshot (loading a case twice does not re-fetch); ``cancel`` as for :func:`fetch_sources`."""
    sources = article_sources(ws, ref)
    if only_missing:
        sources = [s for s in sources if latest_snapshot(ws, s.id or 0) is None]
    return fetch_sources(ws, sources, progress=progress, cancel=cancel)


def record_fetch(
    ws: Workspace, source: Source, result: FetchResult, *, memento: Memento | None = None
) -> SourceFetchReport:
    """Write the attempt (always) and a snapshot plus archive record (when the content is new),
    in one transaction: a snapshot is never left without the attempt that brought it.
    ``memento`` marks a copy served by a web archive ("as of" fetches).

    A copy cut at the text cap has its note in the ``error`` column of every ok or not-modified
    attempt that leaves it current (the attempt table has no other free-text column), and in the
    report's ``note``; the report's ``error`` stays None for those outcomes."""
    assert source.id is not None
    now = datetime.now(UTC)
    error = result.error
    outcome = result.outcome
    prepared: tuple[PageText, str] | None = None
    digest = sha256_hex(result.raw) if outcome == FetchOutcome.OK else ""
    if outcome == FetchOutcome.OK:
        with ws.db.session() as session:
            previous = lookups.latest_snapshot(session, source.id, live_only=memento is None)
        if previous is None or previous.payload_sha256 != digest:
            # extraction and the archive file come before the transaction: no write lock is held
            # while a large page is parsed (the archive is content-addressed, so a record whose
            # transaction then fails is only an unused file)
            try:
                prepared = _prepare_snapshot(ws, result, now)
            except SnapshotError as exc:  # database errors are not the page's fault: they propagate
                outcome, error = FetchOutcome.ERROR, str(exc)
    if outcome == FetchOutcome.OK and prepared is not None:
        error = prepared[0].note
    new_snapshot = False
    note: str | None = None
    snapshot_id: int | None = None
    with ws.db.session() as session:
        if outcome == FetchOutcome.OK:
            previous = lookups.latest_snapshot(session, source.id, live_only=memento is None)
            if previous is not None and previous.payload_sha256 == digest:
                snapshot_id = previous.id  # the same content (perhaps written meanwhile by another run)
                error = note = _cut_note(session, previous.id or 0)
            elif prepared is not None:
                snapshot_id = _write_snapshot(session, source, result, digest, now, memento, *prepared)
                new_snapshot = True
                note = error
        elif outcome == FetchOutcome.NOT_MODIFIED:
            previous = lookups.latest_snapshot(session, source.id, live_only=True)
            snapshot_id = previous.id if previous else None
            error = note = _cut_note(session, snapshot_id) if snapshot_id is not None else None
        session.add(
            FetchAttempt(
                source_id=source.id,
                url=result.requested_url,
                attempted_at=now,
                outcome=str(outcome),
                status=result.status,
                duration_ms=result.duration_ms,
                error=error,
                snapshot_id=snapshot_id,
            )
        )
        session.flush()
        copy = snapshot_copies(session, [snapshot_id]).get(snapshot_id) if snapshot_id is not None else None
    return SourceFetchReport(
        source_id=source.id,
        url=source.url,
        outcome=outcome,
        status=result.status,
        new_snapshot=new_snapshot,
        snapshot_id=snapshot_id,
        error=None if outcome in (FetchOutcome.OK, FetchOutcome.NOT_MODIFIED) else error,
        duration_ms=result.duration_ms,
        snapshot=copy,
        note=note,
    )


def _cut_note(session: Session, snapshot_id: int) -> str | None:
    """The note of the attempt that made ``snapshot_id`` (what the copy left out), if any; the
    first ok attempt naming a snapshot is the one that wrote it, in the same transaction."""
    return session.exec(
        select(FetchAttempt.error)
        .where(FetchAttempt.snapshot_id == snapshot_id, FetchAttempt.outcome == str(FetchOutcome.OK))
        .order_by(col(FetchAttempt.id))
    ).first()


class SnapshotError(Exception):
    """A fetched page that could not become a snapshot: no text could be extracted from it, or
    its archive record could not be written. The message says which."""


def _prepare_snapshot(ws: Workspace, result: FetchResult, now: datetime) -> tuple[PageText, str]:
    """The page's extracted text and its archive record's name (the record is written)."""
    try:
        page = page_from_body(result.body, result.final_url, result.header("content-type"))
    except Exception as exc:  # trafilatura and lxml raise many kinds on hostile markup
        raise SnapshotError(f"could not extract text: {type(exc).__name__}: {exc}") from exc
    if not page.text.strip():
        raise SnapshotError("could not extract text: no readable text in the page")
    try:
        record = ws.archive.store(result, now)
    except OSError as exc:
        raise SnapshotError(f"could not write the archive record: {exc}") from exc
    return page, record


def _write_snapshot(
    session: Session,
    source: Source,
    result: FetchResult,
    digest: str,
    now: datetime,
    memento: Memento | None,
    page: PageText,
    record: str,
) -> int:
    snapshot = Snapshot(
        source_id=source.id or 0,
        requested_url=result.requested_url,
        final_url=result.final_url or result.requested_url,
        fetched_at=now,
        status=result.status or 200,
        etag=result.header("etag"),
        last_modified=result.header("last-modified"),
        content_type=result.header("content-type"),
        payload_sha256=digest,
        text_sha256=sha256_hex(page.text.encode("utf-8")),
        text=page.text,
        title=page.title,
        author=page.author,
        published=page.published,
        archive_record=record,
        archive_name=memento.archive if memento else None,
        memento_datetime=memento.datetime if memento else None,
    )
    session.add(snapshot)
    stored = session.get(Source, source.id)
    if stored is not None:
        # metadata the case did not give is filled from the page, never overwritten
        stored.title = stored.title or page.title
        stored.author = stored.author or page.author
        session.add(stored)
    session.flush()
    index_snapshot(session, snapshot)  # searchable across the archive from the same commit
    return snapshot.id or 0


def fetch_article_as_of(
    ws: Workspace,
    ref: str | int,
    when: date | None = None,
    *,
    endpoint: str | None = None,
    source_urls: list[str] | None = None,
) -> list[SourceFetchReport]:
    """Fetch the archived copy of every source (or only ``source_urls``) nearest ``when``
    (default: the article's date) from a Memento TimeGate, and record it as a snapshot marked
    with the archive and datetime."""
    from workbench.fetching.memento import fetch_as_of
    from workbench.services.articles import get_article

    article = get_article(ws, ref)
    moment = when or article.date
    if moment is None:
        raise ValueError(f"article {article.id} has no date; give --as-of YYYY-MM-DD")
    sources = [s for s in article_sources(ws, ref) if source_urls is None or s.url in source_urls]

    async def archived(client: httpx.AsyncClient, source: Source) -> tuple[FetchResult, Memento | None]:
        found = await fetch_as_of(client, source.url, moment, ws.policy, endpoint)
        if found.memento_url is None:
            return found.fetch, None
        return found.fetch, Memento(found.archive, found.memento_datetime, found.memento_url)

    if not sources:
        return []
    return run_async(_fetch_and_record(ws, sources, archived, None))


def verify_archive(ws: Workspace) -> tuple[int, list[ArchiveProblem]]:
    """Recompute the payload hash of every record a snapshot points to; returns how many were
    checked and the missing, altered and unreadable ones."""
    with ws.db.session() as session:
        records = sorted({r for r in session.exec(select(Snapshot.archive_record)).all() if r})
    return len(records), ws.archive.verify(records)
