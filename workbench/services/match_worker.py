"""Match an article in a process of its own, so that the caller's threads keep the interpreter.

Ranking is Python that holds the interpreter lock: a match run in a thread of the TUI made every
key wait for it (docs/performance.md, "Matching in a process of its own"). :class:`MatchProcess`
runs :func:`~workbench.services.matching.match_article` in a child process instead:

- started with the "spawn" method (the caller has threads; a forked copy could inherit a lock one
  of them held), on the same database URL; it writes evidence as ``workbench match`` does (a batch
  of claims a transaction);
- its progress (claims ranked, texts embedded) comes back through a pipe, to the thread that
  waits for its result;
- cancelling sets a flag in memory shared with the child (:class:`~workbench.processes.SharedFlag`), which the child
  relays to the event ``match_article`` looks at (before each text embedded and each claim
  ranked); what it finished is kept;
- an exception in the child comes back as one line (:class:`MatchFailed`), and so does a child
  that ended without a result (killed);
- the child is not a daemon (it may start processes of its own: an embedding pool). It leaves at
  once when its parent is gone, and :meth:`MatchProcess.terminate` ends it at once. What either
  loses is the batch of claims in hand (up to ``matching.CLAIM_BATCH``, ranked but not written),
  as a killed ``workbench match`` does; SQLite rolls back a write it interrupts.

The child's standard output and error go to the null device: the parent's terminal belongs to its
user interface.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.context
import os
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.processes import SharedFlag

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnProcess

    from workbench.services.matching import MatchReport
    from workbench.services.workspace import Workspace

Progress = Callable[[int, int], None]

PROGRESS_EVERY = 0.1  # seconds between two progress messages from the child (first and last always go)
STOP_GRACE = 30.0  # seconds a cancelled child gets to write what it ranked and end before it is terminated
KILL_GRACE = 1.0  # seconds a terminated child gets before it is killed
WAIT_STEP = 0.5  # seconds between two looks, while waiting for the child, at whether it was cancelled
CANCEL_POLL = 0.02  # seconds between two looks at the cancel flag in the child
# The child's scheduling priority below its parent's: on a busy machine the UI's bursts (a key
# handled) are scheduled before the match's ranking, which only waits when the cores are all busy.
NICENESS = 5
ORPHANED = 3  # the child's exit code when it left because its parent was gone


class MatchFailed(RuntimeError):
    """The match process raised, or ended without a result; the message is one line."""


class MatchProcess:
    """One article's match running in a child process; see the module's docstring."""

    def __init__(self, process: SpawnProcess, results: Connection, cancel_flag: SharedFlag) -> None:
        self._process = process
        self._results = results
        self._cancel = cancel_flag
        self._cancelled_at: float | None = None

    @classmethod
    def start(cls, ws: Workspace, article_id: int, *, semantic: bool = True) -> MatchProcess:
        """Start matching ``article_id`` of ``ws``'s database in a new process (``semantic`` as for
        ``match_article``); returns at once, before the child has imported anything."""
        _start_resource_tracker()
        context = multiprocessing.get_context("spawn")
        results, sender = context.Pipe(duplex=False)
        cancel_flag = SharedFlag(context)
        process = context.Process(
            target=_child,
            args=(ws.db.url, str(ws.archive.root), article_id, semantic, sender, cancel_flag),
            name=f"workbench-match-{article_id}",
            daemon=False,  # it may start processes of its own
        )
        process.start()
        sender.close()  # the child holds the only sending end now: the pipe ends when the child does
        return cls(process, results, cancel_flag)

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def cancel(self) -> None:
        """Ask the child to stop before its next text or claim (any thread; returns at once). A
        child that has not stopped :data:`STOP_GRACE` seconds later (stuck before its next text
        or claim) is terminated by the thread waiting for its result."""
        if self._cancelled_at is None:
            self._cancelled_at = time.monotonic()
        self._cancel.set()

    def terminate(self) -> None:
        """End the child now (the caller is leaving): it loses the batch in hand. Waits only for
        the process to be gone (milliseconds; a kill after :data:`KILL_GRACE`)."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(KILL_GRACE)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(KILL_GRACE)

    def result(
        self, *, progress: Progress | None = None, embedding_progress: Progress | None = None
    ) -> MatchReport:
        """Wait for the child's report, calling ``progress(done, total)`` as claims are ranked and
        ``embedding_progress(done, total)`` as texts are embedded (in the calling thread, at most
        ten times a second each, the first and last always). Raises :class:`MatchFailed` when the
        child raised or ended without a report. When a callback raises (a cancelled job), the
        child is cancelled and waited for (it writes what it ranked), then the exception goes on."""
        try:
            while True:
                message = self._next()
                kind = message[0]
                if kind == "ranked":
                    if progress is not None:
                        progress(message[1], message[2])
                elif kind == "embedded":
                    if embedding_progress is not None:
                        embedding_progress(message[1], message[2])
                elif kind == "error":
                    raise MatchFailed(message[1])
                else:
                    report: MatchReport = message[1]
                    self._process.join(STOP_GRACE)
                    return report
        except BaseException:
            self.stop()
            raise
        finally:
            self._results.close()

    def stop(self) -> None:
        """Cancel the child and wait until it has ended (it writes the claims it ranked), reading
        and dropping what it still sends; terminate it after :data:`STOP_GRACE` seconds."""
        self.cancel()
        deadline = time.monotonic() + STOP_GRACE
        while self._process.is_alive() and time.monotonic() < deadline:
            ready = wait([self._results, self._process.sentinel], max(0.0, deadline - time.monotonic()))
            if self._results in ready:
                try:
                    self._results.recv()
                except (EOFError, OSError):
                    self._process.join(max(0.0, deadline - time.monotonic()))
        self.terminate()

    def _next(self) -> tuple[Any, ...]:
        """The child's next message; :class:`MatchFailed` once it has ended without one."""
        while not wait([self._results, self._process.sentinel], WAIT_STEP):
            cancelled_at = self._cancelled_at
            if cancelled_at is not None and time.monotonic() - cancelled_at > STOP_GRACE:
                self.terminate()  # asked to stop and did not: what it wrote is kept
        if self._results.poll():
            try:
                message: tuple[Any, ...] = self._results.recv()
                return message
            except EOFError:
                pass
        self._process.join(KILL_GRACE)
        raise MatchFailed(_ended(self._process.exitcode))


_STDERR_SWAP = threading.Lock()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (every spawn needs it) if it is not running.
    It is started with the caller's standard error, and Textual replaces ``sys.stderr`` with an
    object whose ``fileno()`` is -1, which makes the start fail ("bad value(s) in fds_to_keep"):
    under Textual it is started with the null device as its standard error instead (its only
    use: warnings about leaked semaphores, which a terminal UI must not show)."""
    from multiprocessing import resource_tracker

    try:
        if sys.stderr.fileno() >= 0:
            return  # the tracker can start with it, as usual
    except (AttributeError, OSError, ValueError):
        return  # no file descriptor at all: the tracker starts without one
    with _STDERR_SWAP, Path(os.devnull).open("w") as null:
        saved, sys.stderr = sys.stderr, null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _ended(code: int | None) -> str:
    if code is not None and code < 0:
        how = f"was stopped by signal {-code}"
    elif code == ORPHANED:
        how = "left because the workbench was gone"
    else:
        how = f"ended (exit code {code})"
    return f"the match process {how} before it finished; evidence it wrote before is kept"


def one_line(exc: BaseException) -> str:
    """An exception as one line: its type and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


# In the child process.


def _child(
    url: str, archive: str, article_id: int, semantic: bool, sender: Connection, cancel_flag: SharedFlag
) -> None:
    lock = threading.Lock()

    def send(message: tuple[Any, ...]) -> None:
        with lock:
            sender.send(message)

    try:
        os.nice(NICENESS)
        _quiet()
        _leave_with_parent()
        cancel = threading.Event()  # what match_article looks at, set from the parent's flag
        threading.Thread(target=_relay, args=(cancel_flag, cancel), daemon=True).start()
        from workbench.fetching.archive import SnapshotArchive
        from workbench.services.matching import match_article
        from workbench.services.workspace import Workspace
        from workbench.storage import Database

        ws = Workspace(db=Database(url, migrate=False), archive=SnapshotArchive(Path(archive)))
        try:
            report = match_article(
                ws,
                article_id,
                semantic=semantic,
                progress=_Throttled("ranked", send),
                embedding_progress=_Throttled("embedded", send),
                cancel=cancel,
            )
        finally:
            ws.close()
        send(("done", report))
    except Exception as exc:  # any failure, the report's own sending too, goes back as one line
        with contextlib.suppress(OSError, ValueError):  # the parent is gone: no one to tell
            send(("error", one_line(exc)))
    sender.close()
    # all is written and the database closed: skip the interpreter's teardown (tenths of a
    # second with an article's claims in memory), which the parent's job would wait for
    os._exit(0)


def _relay(cancel_flag: SharedFlag, cancel: threading.Event) -> None:
    while not cancel_flag.is_set():
        time.sleep(CANCEL_POLL)
    cancel.set()


class _Throttled:
    """A progress callback that sends at most one message every PROGRESS_EVERY seconds (the
    first and the last always go)."""

    def __init__(self, kind: str, send: Callable[[tuple[Any, ...]], None]) -> None:
        self.kind, self.send = kind, send
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done in (0, total) or now - self.last >= PROGRESS_EVERY:
            self.last = now
            self.send((self.kind, done, total))


def _quiet() -> None:
    """Standard output and error to the null device (file descriptors 1 and 2 as well)."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - lives as long as the process
    sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115


def _leave_with_parent() -> None:
    """Exit at once (without writing anything more) when the parent process is gone, however it
    went: killed, or ended without terminating this one. Without this watch an orphan would stop
    only at its next progress message (the pipe is closed), after writing the batch in hand."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch(sentinel: int) -> None:
        wait([sentinel])
        os._exit(ORPHANED)

    threading.Thread(target=watch, args=(parent.sentinel,), daemon=True).start()
