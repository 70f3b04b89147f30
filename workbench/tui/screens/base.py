"""What every workbench screen shares."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from workbench.tui.jobs import Job, JobProgress, Jobs, run_job
from workbench.tui.text import plain


class WorkbenchScreen(Screen[None]):
    """A screen whose failed workers say so in one line: nothing fails silently, least of all a
    verdict that could not be saved (a locked database, a page that would not parse...).

    The failure stays on the status line, after whatever the screen shows there, until the same
    task (same group and worker name) succeeds: a reload that finishes a moment after the failure
    must not wipe the only lasting sign of it, nor a save of another claim."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._status = ""
        self._failures: dict[str, str] = {}
        self._jobs: list[Job] = []  # the long jobs this screen started (workbench/tui/jobs.py)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings (the same keys, the same precedence), the screen's own first
        (what every Textual screen has, Tab and copy, at the end of them), then the focused
        widget's (the table's cursor keys), then the app's: the keys panel ("?") lists them in this
        order, so what the screen does comes before what every table does."""
        bindings = super().active_bindings
        generic = {binding.action for binding in Screen.BINDINGS if isinstance(binding, Binding)}

        def rank(item: tuple[str, ActiveBinding]) -> int:
            node, binding = item[1].node, item[1].binding
            if node is self:
                return 1 if binding.action in generic else 0
            return 3 if node is self.app else 2

        return dict(sorted(bindings.items(), key=rank))  # stable: each group keeps its order

    def set_status(self, text: str, *, busy: bool = False) -> None:
        """Show `text` on the status line; `busy` text ("Fetching sources…") is shown but not kept,
        so a failure that follows is shown beside the last resting status, not beside a stale
        progress message."""
        if not busy:
            self._status = text
        failures = " · ".join(self._failures.values())
        line = " · ".join(part for part in (text, self._jobs_line(), failures) if part)
        for status in self.query("#status-line").results(Static):
            status.update(plain(line))

    # Long jobs: one of a kind per article (the app's Jobs), progress here, Esc cancels.

    def start_job(
        self, kind: str, article_id: int, title: str, body: Callable[[Job], None]
    ) -> Worker[None] | None:
        """Run ``body(job)`` in a thread worker as the article's one job of ``kind``; when one is
        already running, say so and start nothing."""
        jobs: Jobs = self.app.jobs  # type: ignore[attr-defined]
        job = jobs.start(kind, article_id, title)
        if job is None:
            running = jobs.get(kind, article_id)
            what = running.title if running is not None else title
            note = " (cancelled: it is stopping)" if running and running.cancelled.is_set() else ""
            self.notify(f"{what} is already running for this article{note}", severity="warning")
            return None
        self._jobs = [j for j in self._jobs if j.running] + [job]
        job.progress = "starting"
        self.set_status(self._status)
        return self.run_worker(
            partial(self._job_thread, job, body),
            name=title,
            group=f"job-{kind}",
            thread=True,
            exit_on_error=False,
        )

    def _job_thread(self, job: Job, body: Callable[[Job], None]) -> None:
        finished = run_job(job, body)
        self.app.call_from_thread(self._job_ended, job, finished)

    def _job_ended(self, job: Job, finished: bool) -> None:
        if not finished:
            self.notify(f"{job.title} cancelled. Work finished before it is kept ({job.progress}).")
        if self.is_attached:  # not after the checker left the screen
            self.set_status(self._status)
            self.job_ended(job, finished=finished)

    def job_ended(self, job: Job, *, finished: bool) -> None:
        """After a job's thread has ended, on the UI thread (a screen reloads what it changed)."""

    def report_progress(self, job: Job, text: str, *, last: bool = False) -> None:
        """From a job's thread: stop if cancelled (raises JobCancelled), else show ``text`` (at most
        ten times a second; never waits for the UI)."""
        job.check()
        job.progress = text
        if job.due(last):
            self.post_message(JobProgress(job, text))

    def on_job_progress(self, message: JobProgress) -> None:
        self.set_status(self._status)

    def _jobs_line(self) -> str:
        parts = []
        for job in self._jobs:
            if not job.running:
                continue
            if job.cancelled.is_set():
                parts.append(f"{job.title}: cancelling after the current step ({job.progress})")
            else:
                parts.append(f"{job.title}: {job.progress} (Esc cancels)")
        return " · ".join(parts)

    def cancel_jobs(self) -> bool:
        """Ask this screen's running jobs to stop; whether any was running."""
        live = [job for job in self._jobs if job.running and not job.cancelled.is_set()]
        for job in live:
            job.cancel()
        if live:
            self.set_status(self._status)
        return bool(live)

    def action_cancel_jobs(self) -> None:
        if not self.cancel_jobs():
            self.notify("No job is running here")

    def on_unmount(self) -> None:
        # leaving the screen stops its jobs (what they finished is kept); q leaves at once anyway
        for job in self._jobs:
            job.cancel()

    def deliver(self, show: Callable[..., object], *args: Any) -> None:
        """From a thread worker: run ``show(*args)`` on the UI thread, unless the worker has been
        superseded by then. Cancelling a thread worker (an exclusive group starting a newer one,
        the screen going away) does not stop its thread, so without this check an older load that
        read the database before a save could paint its stale rows over the newer load's."""
        worker = get_current_worker()

        def show_if_current() -> None:
            if not worker.is_cancelled:  # checked on the UI thread, where cancelling happens
                show(*args)

        self.app.call_from_thread(show_if_current)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # failures are kept per task: a worker's name says what it did ("verdict for claim 12")
        key = f"{event.worker.group}/{event.worker.name}"
        if event.state == WorkerState.SUCCESS and key in self._failures:
            del self._failures[key]
            self.set_status(self._status)
            return
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        error = event.worker.error
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        name = event.worker.name or "task"
        self.notify(f"{name} failed: {first}", severity="error", timeout=10)
        self._failures[key] = f"{name} failed: {first}"
        self.set_status(self._status)
