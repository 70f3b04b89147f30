"""Open the TUI on a database, and leave it at once when the checker quits."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.services.workspace import Workspace
    from workbench.tui.app import WorkbenchApp

WORKER_THREADS = "workbench-worker"
GC_YOUNG = 20_000  # new objects between two young garbage collections (Python's default: 700)
SWITCH_INTERVAL = 0.001  # seconds a thread holds the interpreter lock before others may run (0.005)
IDLE_GRACE = 0.2  # seconds the threads of finished workers get to end before the process leaves


def tune_interpreter() -> None:
    """The TUI's process settings for an interface that stays quick while jobs run beside it.

    Fewer garbage collections: Python's defaults run a young collection every 700 new objects and
    a full one every 100 young ones, and with a 10,000-claim article loaded a full one paused the
    UI for 0.1 to 0.6 s several times a minute (bench/tui_benchmark.py). What a load keeps is also
    frozen out of full collections (``WorkbenchApp.keep_heap``).

    A shorter switch interval: while a job's thread runs Python code (matching), the UI thread
    waits up to the interval for the interpreter lock at each step of handling a key; 5 ms by
    default, several steps a key."""
    gc.set_threshold(GC_YOUNG, 20, 50)
    sys.setswitchinterval(SWITCH_INTERVAL)


def open_workspace(db: str | None = None) -> Workspace:
    """The workspace the TUI runs on, opened once its modules are imported. The database file's
    check (``PRAGMA quick_check``: it reads every page, ~0.1 s for 100 MB) runs meanwhile on
    another thread, in SQLite's C code, beside the imports (SQLAlchemy, Textual: most of a cold
    start); opening waits for its answer and refuses a file as before."""
    from workbench import settings
    from workbench.storage.sqlite_file import check_ahead

    check_ahead(settings.database_url(db))
    from workbench.services.workspace import Workspace
    from workbench.tui import app  # noqa: F401 - imported while the check runs

    return Workspace.open(db)


def run_tui(db: str | None = None, *, workspace: Workspace | None = None, **run_options: Any) -> None:
    """Open ``db`` (or run on ``workspace``, opened by :func:`open_workspace`) and run the TUI
    (``run_options`` as for :func:`run_app`)."""
    from workbench.tui.app import WorkbenchApp

    run_app(WorkbenchApp(workspace or open_workspace(db)), **run_options)


def run_app(app: WorkbenchApp, **run_options: Any) -> None:
    """Run ``app`` (``run_options`` go to ``App.run``: ``headless``, ``auto_pilot``), close its
    workspace, and return; or, when a worker thread is still busy after the app has exited (a job
    waiting on a slow server until its deadline, a long query), end the process there and then.

    ``asyncio.run`` would wait for every thread of its executor before returning, which is how
    ``q`` once blanked the screen and left the process running for as long as the job took. What
    a job finished is already stored; its unfinished transaction is rolled back by SQLite.

    A job's process (a match) is terminated here, before the threads are waited for: it loses the
    batch of claims in hand, as a killed ``workbench match`` does (and if this process is killed
    instead, the child notices its parent is gone and leaves at once)."""
    tune_interpreter()
    loop = asyncio.new_event_loop()
    workers = ThreadPoolExecutor(thread_name_prefix=WORKER_THREADS)  # Textual's thread workers run here
    loop.set_default_executor(workers)
    try:
        app.run(loop=loop, **run_options)
    finally:
        app.jobs.end_all()  # cancel every job, terminate the processes doing their work
        workers.shutdown(wait=False, cancel_futures=True)  # idle threads end now, busy ones do not
        app.workspace.close()
    deadline = time.monotonic() + IDLE_GRACE
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    if any(
        t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.current_thread()
    ):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(app.return_code or 0)
    loop.close()
