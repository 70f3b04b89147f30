"""Re-verification: per judged claim, the old and the new evidence passage side by side."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from workbench.labels import display_name
from workbench.services.reverify import reverify
from workbench.services.review import ReviewItem, confirm_verdict, review_items
from workbench.tui.commands import PaletteCommand
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.text import plain
from workbench.tui.widgets.footer import StableFooter
from workbench.tui.widgets.list_table import ListTable, PlainCell
from workbench.tui.widgets.passage_diff import side_by_side

if TYPE_CHECKING:
    from workbench.services.fetching import SourceFetchReport
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.jobs import Job

CLAIM_WIDTH = 150  # characters of a claim's words shown in the table
STATUS_STYLE = {
    "intact": "green",
    "moved": "cyan",
    "edited": "yellow",
    "orphaned": "bold red",
    "gone": "bold red",
}


class ReverifyScreen(WorkbenchScreen):
    """Lists judged claims whose pinned evidence was re-checked (stale first). ``y`` confirms the
    verdict against the new passage; ``o`` re-opens it (record a new verdict)."""

    BINDING_GROUP_TITLE = "Re-verification"  # heads its keys in the keys panel ("?")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,backspace",
            "back",
            "Claims",
            id="reverify-back",
            tooltip="Cancel the running job, else back",
        ),
        Binding("R", "run", "Re-verify now", id="reverify-run", tooltip="Re-fetch the sources and re-anchor"),
        Binding("y", "confirm", "Confirm verdict", id="reverify-confirm", tooltip="Keep the verdict"),
        Binding("o", "reopen", "Re-open", id="reverify-reopen", tooltip="Record a new verdict"),
        Binding(
            "a",
            "archived",
            "Archived copy",
            id="reverify-archived",
            tooltip="Fetch a web archive's copy of a gone page",
        ),
    ]

    def __init__(self, article_id: int, *, run_now: bool = False) -> None:
        super().__init__()
        self.article_id = article_id
        self.run_now = run_now
        self.items: list[ReviewItem] = []
        self.shown_item: int | None = None  # the row whose passages the pane shows

    @property
    def workbench(self) -> WorkbenchApp:
        return cast("WorkbenchApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Re-verification", id="title-bar")
        yield ListTable(id="review-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="review-detail"):
            yield Static("", id="review-body")
        yield Static("", id="status-line")
        yield StableFooter()

    def on_mount(self) -> None:
        table = self.query_one("#review-table", DataTable)
        table.add_column("#", width=5)
        table.add_column("evidence", width=9)
        table.add_column("state", width=8)
        table.add_column("verdict", width=16)
        table.add_column("claim", width=CLAIM_WIDTH, key="claim")
        self.set_status("Loading the re-verified claims…", busy=True)
        self.load_items()
        if self.run_now:  # "Re-verify now" from the claims screen's palette
            self.action_run()

    @work(thread=True, exclusive=True, exit_on_error=False, group="review")
    def load_items(self, select_id: int | None = None) -> None:
        items = review_items(self.workbench.workspace, self.article_id)
        self.deliver(self._show, items, select_id)

    def _show(self, items: list[ReviewItem], select_id: int | None = None) -> None:
        self.items = items
        table = self.query_one("#review-table", ListTable)
        keep = table.cursor_row
        table.clear()
        names = {lab: display_name(lab) for lab in {item.label for item in items}}
        rows = [
            (
                str(item.claim_id),
                (
                    str(item.claim_id),
                    PlainCell(item.status, STATUS_STYLE.get(item.status, "")),
                    PlainCell(item.state, "bold red" if item.state == "stale" else ""),
                    names[item.label],
                    PlainCell(" ".join(item.claim_text.split())[:CLAIM_WIDTH]),
                ),
            )
            for item in items
        ]
        table.add_keyed_rows(rows)
        table.fit_column("claim", (cells[-1] for _, cells in rows), most=CLAIM_WIDTH)
        self.workbench.keep_heap()  # the items stay as long as the screen: out of full collections
        stale = sum(1 for item in items if item.state == "stale")
        self.set_status(
            f"{len(items)} re-checked claims, {stale} stale"
            if items
            else "No re-checked evidence yet: press R to re-verify (pinned evidence is re-located in new versions)."
        )
        if items:
            row = next(
                (i for i, it in enumerate(items) if it.claim_id == select_id), min(keep, len(items) - 1)
            )
            table.move_cursor(row=row)
            self._show_detail(row)
        else:
            self.query_one("#review-body", Static).update("")
        table.focus()

    def _show_detail(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self.shown_item = row
        head = Text(f"Claim {item.claim_id} · ", style="bold")
        head.append(item.status, style=STATUS_STYLE.get(item.status, ""))
        head.append(f" (score {item.score:.0f}) · verdict {display_name(item.label)} · {item.state}")
        parts: list[object] = [head, plain(" ".join(item.claim_text.split()), "italic")]
        if item.rationale:
            parts.append(plain(f"Rationale: {item.rationale}", "dim"))
        parts.append(plain(item.source_url, "underline"))
        reason = item.detail.get("reason")
        distance = item.detail.get("distance")
        note = ", ".join(str(x) for x in (reason, f"edit distance {distance}" if distance else None) if x)
        if note:
            parts.append(plain(note, "dim"))
        if item.status == "gone":
            parts.append(
                Text(
                    "The page is gone. `workbench fetch ARTICLE --as-of article` fetches an archived copy.",
                    "yellow",
                )
            )
        parts.append(Text(""))
        new = (item.new_prefix, item.new_quote, item.new_suffix) if item.new_quote is not None else None
        new_title = f"now ({item.new_fetched_at:%Y-%m-%d})" if item.new_fetched_at else "now"
        parts.append(
            side_by_side(
                (item.old_prefix, item.old_quote, item.old_suffix),
                new,
                f"pinned ({item.old_fetched_at:%Y-%m-%d})",
                new_title,
            )
        )
        self.query_one("#review-body", Static).update(Group(*parts))  # type: ignore[arg-type]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail(event.cursor_row)

    @property
    def current(self) -> ReviewItem | None:
        row = self.query_one("#review-table", DataTable).cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def action_back(self) -> None:
        if self.cancel_jobs():  # Esc stops a running re-verification first
            return
        self.app.pop_screen()

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """What ctrl+p offers here (workbench/tui/commands.py)."""
        if self._jobs_line():
            yield PaletteCommand("Cancel the running job (finished work is kept)", "cancel_jobs")
        yield PaletteCommand("Re-verify now", "run")
        item = self.current
        if item is not None:
            yield PaletteCommand("Confirm the verdict against the new passage", "confirm")
            yield PaletteCommand("Re-open the verdict (record a new one)", "reopen")
            if item.status == "gone":
                yield PaletteCommand("Fetch an archived copy of the gone page", "archived")
        yield PaletteCommand("Back to the claims", "back")

    def action_run(self) -> None:
        """Re-verify as the article's one re-verification job: progress per source, Esc cancels
        (the sources re-fetched so far are kept), the list reloads when it ends."""
        self.start_job("reverify", self.article_id, "Re-verify", self._reverify)

    def _reverify(self, job: Job) -> None:
        done: list[SourceFetchReport] = []

        def fetched(report: SourceFetchReport) -> None:
            done.append(report)
            self.report_progress(job, f"{len(done)} sources re-fetched · {report.url} {report.summary}")

        self.report_progress(job, "re-fetching the sources")
        report = reverify(self.workbench.workspace, self.article_id, progress=fetched)
        counts: dict[str, int] = {}
        for source in report.sources:
            counts[source.outcome] = counts.get(source.outcome, 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        self.app.call_from_thread(self.notify, f"Sources: {summary}. {report.stale} claim(s) stale.")

    def job_ended(self, job: Job, *, finished: bool) -> None:
        del job, finished
        self.load_items()

    def action_confirm(self) -> None:
        item = self.current
        if item is not None:
            self._confirm(item.claim_id, item.verdict_id)

    @work(thread=True, exit_on_error=False, group="confirm")
    def _confirm(self, claim_id: int, verdict_id: int) -> None:
        try:
            confirm_verdict(self.workbench.workspace, claim_id, expected_verdict_id=verdict_id)
        except (ValueError, LookupError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="warning")
            return
        self.app.call_from_thread(self.notify, f"Claim {claim_id}: verdict confirmed")
        self.app.call_from_thread(self.load_items, claim_id)

    def action_archived(self) -> None:
        item = self.current
        if item is not None and item.status == "gone":
            self._fetch_archived(item.source_url)
        elif item is not None:
            self.notify("The page is still there; an archived copy is for pages that are gone.")

    @work(thread=True, exclusive=True, exit_on_error=False, group="archived")
    def _fetch_archived(self, url: str) -> None:
        from workbench.services.fetching import fetch_article_as_of

        self.app.call_from_thread(partial(self.set_status, f"Asking a web archive for {url}…", busy=True))
        try:
            reports = fetch_article_as_of(self.workbench.workspace, self.article_id, source_urls=[url])
        except ValueError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            self.app.call_from_thread(self.set_status, self._status)
            return
        for report in reports:
            if report.new_snapshot:
                message = f"Archived copy stored (snapshot {report.snapshot_id})"
            elif report.snapshot_id:
                message = f"The archive's copy is the one already kept (snapshot {report.snapshot_id})"
            else:
                message = f"No archived copy: {report.error or report.outcome}"
            self.app.call_from_thread(self.notify, message)
        self.app.call_from_thread(self.load_items)

    def action_reopen(self) -> None:
        item = self.current
        if item is None:
            return
        from workbench.tui.screens.verdict_dialog import VerdictDialog

        # the old label is highlighted, not chosen: re-judging needs the checker's own choice
        dialog = VerdictDialog(item.claim_text, current=item.label, rationale=item.rationale)
        self.app.push_screen(dialog, partial(self._reopened, item.claim_id))

    def _reopened(self, claim_id: int, choice: object) -> None:
        from workbench.tui.screens.verdict_dialog import VerdictChoice

        if isinstance(choice, VerdictChoice):
            self._record(claim_id, choice)

    @work(thread=True, exit_on_error=False, group="confirm")
    def _record(self, claim_id: int, choice: object) -> None:
        from workbench.services.verdicts import record_verdict
        from workbench.tui.screens.verdict_dialog import VerdictChoice

        assert isinstance(choice, VerdictChoice)
        record_verdict(self.workbench.workspace, claim_id, choice.label, rationale=choice.rationale)
        self.app.call_from_thread(self.notify, f"Claim {claim_id}: new verdict {display_name(choice.label)}")
        self.app.call_from_thread(self.load_items, claim_id)
