"""What every workbench screen shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

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
        line = " · ".join(part for part in (text, failures) if part)
        for status in self.query("#status-line").results(Static):
            status.update(plain(line))

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
