"""The claims screen's long jobs: fetch the sources and match, add a source, match again.

``ClaimJobs`` sits between the claims screen and its hand-editing base. Each job is the article's
one job of its kind (a second ``f`` says one is running), shows per-source and per-claim progress
on the status line, and stops at its next step when the checker presses Esc or leaves the screen;
what it finished is kept (workbench/tui/jobs.py). Fetching runs in the job's thread; matching in a
process of its own, which the job's thread waits for (workbench/services/match_worker.py).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from workbench.tui.jobs import Job
from workbench.tui.screens.claim_edit import ClaimEditing

if TYPE_CHECKING:
    from textual.worker import Worker

    from workbench.services.fetching import SourceFetchReport
    from workbench.tui.app import WorkbenchApp

SOURCES = "fetch"  # fetching and matching share one kind: both rewrite the article's evidence


class ClaimJobs(ClaimEditing):
    if TYPE_CHECKING:
        article_id: int

    match_semantic = True
    """Whether matches add embedding similarity when the semantic extra is installed (the
    benchmarks and some tests match lexically: the model's first load and embedding take long)."""

    def action_fetch(self) -> None:
        self.start_job(SOURCES, self.article_id, "Fetch and match", self._fetch_and_match)

    def action_match(self) -> None:
        """Match again against the snapshots already fetched (no request is sent)."""
        self.start_job(SOURCES, self.article_id, "Match", self._match)

    def action_add_source(self) -> None:
        from workbench.tui.screens.add_dialogs import AddSourceDialog

        self.app.push_screen(AddSourceDialog(), self._source_chosen)

    def _source_chosen(self, url: str | None) -> None:
        if url:
            self.add_source(url)

    def add_source(self, url: str) -> Worker[None] | None:
        return self.start_job(
            SOURCES, self.article_id, "Add source, fetch and match", partial(self._add_source, url)
        )

    def _add_source(self, url: str, job: Job) -> None:
        from workbench.services.sources import add_source

        try:
            add_source(cast("WorkbenchApp", self.app).workspace, self.article_id, url)
        except ValueError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self._fetch_and_match(job)

    def _fetch_and_match(self, job: Job) -> None:
        """In the job's thread: fetch every source (progress per source), then match."""
        from workbench.services.fetching import fetch_article
        from workbench.services.sources import article_sources

        ws = cast("WorkbenchApp", self.app).workspace
        total = len(article_sources(ws, self.article_id))
        done: list[SourceFetchReport] = []

        def fetched(report: SourceFetchReport) -> None:
            done.append(report)
            line = f"{len(done)} of {total} sources · {report.url} {report.summary}"
            self.report_progress(job, line, last=len(done) == total)

        self.report_progress(job, f"0 of {total} sources")
        # Esc abandons the requests in flight at once; the sources recorded before it are kept
        reports = fetch_article(ws, self.article_id, progress=fetched, cancel=job.cancelled)
        job.check()
        summary = "; ".join(r.summary for r in reports) or "no sources"
        self.app.call_from_thread(self.notify, f"Fetched: {summary}")
        self._match(job)

    def _match(self, job: Job) -> None:
        """In the job's thread: match in a process of its own (ranking holds the interpreter lock,
        which the UI thread needs for every key), relaying its progress; Esc cancels it, q
        terminates it (workbench/services/match_worker.py)."""
        from workbench.services.match_worker import MatchFailed, MatchProcess

        def ranked(done: int, total: int) -> None:
            self.report_progress(job, f"matching {done:,} of {total:,} claims", last=done == total)

        def embedded(done: int, total: int) -> None:
            self.report_progress(job, f"embedding {done:,} of {total:,} texts", last=done == total)

        self.report_progress(job, "starting the match process")
        process = MatchProcess.start(
            cast("WorkbenchApp", self.app).workspace, self.article_id, semantic=self.match_semantic
        )
        job.attach(process)  # Esc cancels it (before its next text or claim); q terminates it
        try:
            report = process.result(progress=ranked, embedding_progress=embedded)
        except MatchFailed:
            job.check()  # cancelled, and ended when it did not stop in time: a cancel, not a failure
            if not job.ended:  # after q the UI is gone: waiting for it would hold the exit
                # the batches it wrote before failing are shown; the worker's failure says why
                self.app.call_from_thread(self._show_what_failed_match_wrote, job)
            raise
        job.check()
        self.app.call_from_thread(self.notify, f"{report.with_evidence}/{report.claims} claims have evidence")

    def _show_what_failed_match_wrote(self, job: Job) -> None:
        if self.is_attached:
            self.job_ended(job, finished=False)
