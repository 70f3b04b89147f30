"""What the workbench's spawned processes (a TUI's match, embedding workers) share with their
parent."""

from __future__ import annotations

import ctypes
import multiprocessing.context


class SharedFlag:
    """A flag in memory shared with spawned processes: set by one, looked at by the others, with
    no lock on either side. A :class:`multiprocessing.Event` takes a lock to be looked at, and its
    ``set()`` waits until every process waiting on it has woken: a process killed while it held
    or waited on the lock made the ``set()`` (the TUI's Esc, a pool being stopped) wait forever.
    It crosses to a child only as an argument of its start (``Process`` args, a pool's
    ``initargs``)."""

    def __init__(self, context: multiprocessing.context.SpawnContext) -> None:
        self._value = context.RawValue(ctypes.c_bool, False)

    def set(self) -> None:
        self._value.value = True

    def is_set(self) -> bool:
        return bool(self._value.value)
