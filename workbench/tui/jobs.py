"""Long jobs of the TUI (fetch and match, match again, re-verify): one of a kind per article at a
time, progress on the status line, cancellable, and never a reason for ``q`` to wait.

A job runs in a thread worker. Textual cannot stop a thread, so cancelling asks the job to stop:
the services take the job's ``cancelled`` event (a fetch abandons its requests in flight at once;
embedding stops before its next text; matching before its next claim) and the job's progress
callback raises :class:`JobCancelled` at its next call. What the job finished before that is
already stored (each source is recorded as it ends; every vector computed is stored; matching
writes the claims it ranked). Until its thread has ended the job counts as running, so a second
one of its kind is refused, and ``workbench.tui.run`` leaves the process without waiting for it.

A job's work may run in a process of its own (a match: workbench/services/match_worker.py); the
job's thread then waits for it and relays its progress. The job holds that process
(:meth:`Job.attach`): cancelling the job cancels it at once, and leaving the app
(:meth:`Jobs.end_all`) terminates it, so no process goes on writing after the TUI is gone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from textual.message import Message

PROGRESS_EVERY = 0.1  # seconds between two progress messages of one job (the last one always goes)


class JobCancelled(Exception):
    """Raised in a job's thread at its next progress call after the checker cancelled it."""


class ChildProcess(Protocol):
    """A process doing a job's work (``match_worker.MatchProcess``)."""

    def cancel(self) -> None:
        """Ask it to stop after its current step, keeping what it finished; returns at once."""

    def terminate(self) -> None:
        """End it now (the app is leaving)."""


@dataclass(eq=False)
class Job:
    kind: str  # "fetch", "match", "reverify"
    article_id: int
    title: str  # "Fetching sources", as the status line says it
    done: threading.Event = field(default_factory=threading.Event)
    cancelled: threading.Event = field(default_factory=threading.Event)
    progress: str = ""
    _last_post: float = 0.0
    _children: list[ChildProcess] = field(default_factory=list)
    _ended: bool = False  # the app is leaving: a process attached now is terminated at once
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def running(self) -> bool:
        """Until its thread has ended (a cancelled job is running until then)."""
        return not self.done.is_set()

    @property
    def ended(self) -> bool:
        """The app is leaving (:meth:`end`): the job's thread must not wait for the UI any more."""
        return self._ended

    def cancel(self) -> None:
        with self._lock:
            self.cancelled.set()
            children = list(self._children)
        for child in children:
            child.cancel()

    def attach(self, child: ChildProcess) -> None:
        """From the job's thread: ``child`` does the job's work now; a job already cancelled
        cancels it at once, one already ended terminates it."""
        with self._lock:
            self._children.append(child)
            cancelled, ended = self.cancelled.is_set(), self._ended
        if ended:
            child.terminate()
        elif cancelled:
            child.cancel()

    def end(self) -> None:
        """Cancel the job and terminate its processes (the app is leaving)."""
        self.cancel()
        with self._lock:
            self._ended = True
            children = list(self._children)
        for child in children:
            child.terminate()

    def check(self) -> None:
        """Called from the job's thread: stop here if the checker cancelled."""
        if self.cancelled.is_set():
            raise JobCancelled(self.title)

    def due(self, last: bool = False) -> bool:
        """Whether a progress message should go now (at most one every PROGRESS_EVERY seconds)."""
        now = time.monotonic()
        if last or now - self._last_post >= PROGRESS_EVERY:
            self._last_post = now
            return True
        return False


class JobProgress(Message):
    """A job's progress line, posted from its thread to the screen that started it. A newer one
    replaces an older one still queued: a screen shows only the latest."""

    def __init__(self, job: Job, text: str) -> None:
        super().__init__()
        self.job = job
        self.text = text

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, JobProgress) and message.job is self.job


class Jobs:
    """The app's running jobs, by kind and article."""

    def __init__(self) -> None:
        self._jobs: dict[tuple[str, int], Job] = {}
        self._lock = threading.Lock()

    def start(self, kind: str, article_id: int, title: str) -> Job | None:
        """A new job, or None when one of this kind for this article is still running."""
        with self._lock:
            current = self._jobs.get((kind, article_id))
            if current is not None and current.running:
                return None
            job = Job(kind, article_id, title)
            self._jobs[(kind, article_id)] = job
            return job

    def get(self, kind: str, article_id: int) -> Job | None:
        with self._lock:
            job = self._jobs.get((kind, article_id))
        return job if job is not None and job.running else None

    def running(self, article_id: int | None = None) -> list[Job]:
        with self._lock:
            jobs = list(self._jobs.values())
        return [j for j in jobs if j.running and (article_id is None or j.article_id == article_id)]

    def cancel_all(self) -> None:
        for job in self.running():
            job.cancel()

    def end_all(self) -> None:
        """Cancel every running job and terminate the processes doing their work: what they
        finished is stored; a match process loses the batch of claims in hand."""
        for job in self.running():
            job.end()


def run_job(job: Job, body: Callable[[Job], None]) -> bool:
    """Run ``body(job)`` in the calling (worker) thread; the job ends whatever happens. Returns
    False when it was cancelled (``JobCancelled``); other exceptions propagate to the worker."""
    try:
        body(job)
    except JobCancelled:
        return False
    finally:
        job.done.set()
    return True
