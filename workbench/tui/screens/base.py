"""What every workbench screen shares."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState


class WorkbenchScreen(Screen[None]):
    """A screen whose failed workers say so in one line: nothing fails silently, least of all a
    verdict that could not be saved (a locked database, a page that would not parse...)."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        error = event.worker.error
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        name = event.worker.name or "task"
        self.notify(f"{name} failed: {first}", severity="error", timeout=10)
        for status in self.query("#status-line").results(Static):
            status.update(f"{name} failed: {first}")  # not a stale "Fetching sources…"
