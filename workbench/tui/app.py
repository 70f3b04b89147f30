"""The workbench application: article list → claims → verdicts."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.notifications import SeverityLevel

from workbench.labels import language_warning
from workbench.services.workspace import Workspace
from workbench.tui.commands import ScreenCommands
from workbench.tui.jobs import Jobs
from workbench.tui.screens.articles import ArticlesScreen
from workbench.untrusted import one_line, shown


def _import_claims_screen() -> None:
    """What opening an article needs beyond the article list, imported while the list loads."""
    import workbench.tui.screens.claims  # noqa: F401


def _import_suggestions() -> None:
    """Suggestions import matching and rapidfuzz: not before the first screen is up (a checker
    who opens an article at once gets them a moment after its table)."""
    import workbench.services.suggestions  # noqa: F401


class WorkbenchApp(App[None]):
    """Keyboard-first claim checking. The workspace is opened by the caller and outlives the app."""

    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {*App.COMMANDS, ScreenCommands}
    TITLE = "workbench"
    BINDING_GROUP_TITLE = "Everywhere"  # the app's keys, last in the keys panel ("?")
    SUB_TITLE = "claim fact-check"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave the workbench"),
        Binding("question_mark", "toggle_keys", "Keys", id="keys", tooltip="Show or hide every key"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.jobs = Jobs()  # long jobs (fetch, match, re-verify): one of a kind per article

    def on_mount(self) -> None:
        self.keep_heap()  # what the imports made
        self.push_screen(ArticlesScreen())
        self.run_worker(
            _import_claims_screen, name="import ahead", group="import-ahead", thread=True, exit_on_error=False
        )
        if warning := language_warning():
            self.notify(warning, severity="warning", timeout=10)

    def import_suggestions_ahead(self) -> None:
        """Import the suggestions module in the background (the articles screen asks once the
        checker has had the list for a moment; the claims screen imports it on its own too)."""
        from workbench.tui.screens.claim_list import SUGGESTIONS

        if SUGGESTIONS not in sys.modules:
            self.run_worker(
                _import_suggestions,
                name="import suggestions",
                group="import-ahead",
                thread=True,
                exit_on_error=False,
            )

    def keep_heap(self) -> None:
        """Take every object alive now out of the garbage collector's full scans (``gc.freeze``).

        A full collection scans every tracked object: with a 10,000-claim article loaded (rows,
        cells, loaded views) one paused the UI for up to 0.6 s, at any key (bench/tui_benchmark.py).
        Screens call this after a big load. Objects freed by reference counting, as nearly all
        are, are freed as before; only reference cycles already unreachable now would be kept, and
        a young collection just before clears the recent ones."""
        gc.collect(1)
        gc.freeze()

    async def action_quit(self) -> None:
        """Leave at once: running jobs are told to stop, and nothing waits for them
        (``workbench.tui.run`` ends the process if one is still in a request)."""
        self.jobs.cancel_all()
        self.exit()

    def action_toggle_keys(self) -> None:
        """The keys panel lists every binding of the screen, those the footer has no room for too
        (the verdict keys s p m c n u, the claim edits t S M A D)."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notifications carry page titles, URLs and server errors: never parse them as markup,
        and never send their control or direction characters to the terminal."""
        del markup
        super().notify(
            shown(message), title=one_line(title), severity=severity, timeout=timeout, markup=False
        )
