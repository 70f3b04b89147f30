"""An article's claims: table on top, the highlighted claim's detail below, verdict keys."""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from workbench.domain import ReviewState
from workbench.labels import display_name
from workbench.services.articles import get_article
from workbench.services.reports import FORMATS
from workbench.services.suggestions import Suggestion, suggest_for_article
from workbench.services.verdicts import ClaimRow, ClaimView, get_claims, list_claim_rows, record_verdict
from workbench.tui.commands import PaletteCommand
from workbench.tui.label_keys import label_key_bindings, name_label_bindings
from workbench.tui.screens.claim_edit import EDIT_BINDINGS
from workbench.tui.screens.claim_jobs import ClaimJobs
from workbench.tui.screens.export_dialog import ExportRequest, default_report_path, format_name
from workbench.tui.screens.verdict_dialog import VerdictChoice, VerdictDialog
from workbench.tui.text import plain
from workbench.tui.widgets.claim_detail import ClaimDetail
from workbench.tui.widgets.footer import StableFooter
from workbench.tui.widgets.list_table import Cell, ListTable, PlainCell

if TYPE_CHECKING:
    from textual.worker import Worker

    from workbench.services.archive_search import ArchiveHit
    from workbench.storage.models import Article
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.jobs import Job

DETAIL_AHEAD = 100  # full views loaded on each side of the cursor
DETAIL_NEAR = 50  # load more once the cursor is this close to one not loaded (PageDown moves ~35)
DETAIL_KEEP = 6 * DETAIL_AHEAD  # views kept (memory, and what a garbage collection must scan)
_COLUMNS = ("id", "kind", "verdict", "best", "claim")
CLAIM_WIDTH = 160  # characters of a claim's words shown in the table


def _one_line(text: str, limit: int = CLAIM_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _cells(row: ClaimRow, names: dict[str, str]) -> tuple[Cell, ...]:
    """The table's cells of a claim; ``names``: display names by label (filled as it goes)."""
    verdict = "·"
    if row.label is not None:
        verdict = names.get(row.label) or names.setdefault(row.label, display_name(row.label))
    if row.state == ReviewState.STALE:
        verdict = f"⚠ {verdict}"
    best = f"{row.best:.0f}" if row.best is not None else "-"
    words = PlainCell(_one_line(row.text))  # the claim's face: the article's own words
    return str(row.id), row.kind, verdict, best, words


def _verdict_id(view: ClaimView) -> int:
    return view.verdict.id if view.verdict else 0


class ClaimsScreen(ClaimJobs):  # ClaimJobs (claim_jobs.py): fetch and match; ClaimEditing below it
    """The table lists every claim from light rows (services/verdicts.py: claim_rows); a claim's
    full view (evidence, verdict, suggestion) is loaded for the claims around the cursor, ahead of
    it, and kept. A saved verdict updates its own row; only edits that change the list and jobs
    that change the evidence reload the table."""

    BINDING_GROUP_TITLE = "Claims"  # heads its keys in the keys panel ("?")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,backspace", "back", "Articles", id="back", tooltip="Cancel the running job, else back"
        ),
        Binding("v", "verdict", "Verdict", id="verdict", tooltip="Record a verdict with a rationale"),
        Binding("f", "fetch", "Fetch+match", id="fetch", tooltip="Fetch the sources again and re-match"),
        Binding(
            "e",
            "export_as",
            "Export",
            id="export",
            tooltip="Write the report: choose its format, language and path (beside the database by default)",
        ),
        Binding(
            "N", "add_source", "New source", id="add-source", tooltip="Add a source URL; fetch and match"
        ),
        Binding(
            "r", "review", "Re-verify", id="review", tooltip="Old and new evidence after re-verification"
        ),
        Binding(
            "l",
            "sources",
            "Sources",
            id="sources",
            tooltip="The article's sources: last fetch, and whether the copy read is live or archived",
        ),
        Binding(
            "g",
            "search_archive",
            "Search archive",
            id="search-archive",
            tooltip="Look for this claim's evidence in every source of every article",
            show=False,
        ),
        *label_key_bindings("verdict", "verdict"),  # s p m c n u: a label at once (label_keys.py)
        *EDIT_BINDINGS,  # E t S M A D: hand editing of claims (claim_edit.py)
    ]

    def __init__(self, article_id: int) -> None:
        super().__init__()
        name_label_bindings(self, "verdict", "Record '{name}' with a rationale")
        self.article_id = article_id
        self.article: Article | None = None
        self.rows: list[ClaimRow] = []  # every claim, in the table's order
        self._row_of: dict[int, int] = {}  # claim id -> its row
        self.details: OrderedDict[int, ClaimView] = OrderedDict()  # full views kept, oldest first
        self.suggestions: dict[int, Suggestion] = {}
        self._pending: tuple[int, Callable[[ClaimView], None]] | None = None  # waits for a detail
        self._asked: frozenset[int] = frozenset()  # the claims the last detail load asked for
        self._loaded_once = False
        self._counts: Counter[tuple[bool, bool]] = Counter()  # (judged, stale) -> claims
        self._reload_on_resume = False

    @property
    def workbench(self) -> WorkbenchApp:
        return cast("WorkbenchApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="title-bar")
        yield ListTable(id="claims-table", cursor_type="row", zebra_stripes=True)
        yield ClaimDetail(id="claim-detail")
        yield Static("", id="status-line")
        yield StableFooter()

    def on_mount(self) -> None:
        table = self.query_one("#claims-table", ListTable)
        table.add_column("#", width=6, key="id")
        table.add_column("kind", width=11, key="kind")
        table.add_column("verdict", width=16, key="verdict")
        table.add_column("best", width=4, key="best")
        table.add_column("claim (the article's words)", width=CLAIM_WIDTH, key="claim")
        from workbench.matching.semantic import ABSENT_MESSAGE, semantic_available

        if not semantic_available():  # a package lookup only; the model is never loaded here
            self.notify(ABSENT_MESSAGE, timeout=8)

    def on_screen_resume(self) -> None:
        # runs when the screen is first shown, and after every dialog: load the first time, and
        # after the re-verification screen (which records verdicts), not after a verdict dialog
        if not self._loaded_once or self._reload_on_resume:
            self._loaded_once, self._reload_on_resume = True, False
            self.load_claims()

    # Loading: rows for the whole table, full views for a window of claims around the cursor.

    def load_claims(self, select_id: int | None = None, origin: int | None = None) -> Worker[None]:
        """Reload the table; ``select_id`` is the claim an action produced, ``origin`` the claim
        under the cursor when that action started."""
        if not self.rows:  # a status line, not Textual's loading animation: it would take CPU from the load
            self.set_status("Loading claims…", busy=True)
        return self._load(select_id, origin, self.current_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="claims")
    def _load(self, select_id: int | None, origin: int | None, under_cursor: int | None) -> None:
        ws = self.workbench.workspace
        article = get_article(ws, self.article_id)
        rows = list_claim_rows(ws, self.article_id)
        target = select_id if select_id is not None else under_cursor
        at = next((i for i, row in enumerate(rows) if row.id == target), 0)
        views = get_claims(ws, [row.id for row in rows[max(0, at - DETAIL_NEAR) : at + DETAIL_NEAR]])
        suggestions = suggest_for_article(ws, self.article_id, views)
        self.deliver(self._show, article, rows, views, suggestions, select_id, origin)

    def _show(
        self,
        article: Article,
        rows: list[ClaimRow],
        views: list[ClaimView],
        suggestions: dict[int, Suggestion],
        select_id: int | None,
        origin: int | None = None,
    ) -> None:
        table = self.query_one("#claims-table", ListTable)
        keep = table.cursor_row
        under_cursor = self.current_id
        self.article, self.rows = article, rows
        self._row_of = {row.id: i for i, row in enumerate(rows)}
        self.details = OrderedDict((view.claim.id or 0, view) for view in views)
        self.suggestions = dict(suggestions)
        self._asked = frozenset()
        self.query_one("#title-bar", Static).update(
            plain(f"{article.title}  ·  {article.language}  ·  {len(rows)} claims")
        )
        table.clear()
        names: dict[str, str] = {}
        cells = [_cells(row, names) for row in rows]
        table.add_keyed_rows((str(row.id), row_cells) for row, row_cells in zip(rows, cells, strict=True))
        table.fit_column("claim", (c[-1] for c in cells), most=CLAIM_WIDTH)
        self.workbench.keep_heap()  # the rows stay as long as the screen: out of full collections
        self._show_counts()
        if rows:
            # Go to the claim an action produced only if the checker is still where the action
            # started: one who typed on meanwhile ("s", Enter, Down...) stays on the claim they
            # moved to, so their next key does not land on the one just saved.
            # (When the action removed that claim, a split or a merge, the produced claim wins.)
            still_there = origin in self._row_of
            if select_id is not None and origin is not None and still_there and under_cursor != origin:
                select_id = under_cursor
            index = self._row_of.get(select_id) if select_id is not None else None
            if index is None:
                index = self._row_of.get(under_cursor, min(keep, len(rows) - 1)) if under_cursor else 0
            table.move_cursor(row=index)
            self._show_detail(index)
        table.focus()

    def _show_counts(self, changed: tuple[ClaimRow, ClaimRow] | None = None) -> None:
        """The status line's counts: counted over the rows after a load, then kept up to date
        from each ``(old, new)`` row a save changed."""
        if changed is None:
            self._counts = Counter(
                (row.label is not None, row.state == ReviewState.STALE) for row in self.rows
            )
        else:
            for row, step in zip(changed, (-1, 1), strict=True):
                self._counts[(row.label is not None, row.state == ReviewState.STALE)] += step
        checked = sum(n for (judged, _), n in self._counts.items() if judged)
        stale = sum(n for (_, is_stale), n in self._counts.items() if is_stale)
        self.set_status(
            f"{checked} of {len(self.rows)} checked" + (f", {stale} stale (r: review)" if stale else "")
        )

    def _show_detail(self, index: int) -> None:
        if self.article is None or not 0 <= index < len(self.rows):
            return
        claim_id = self.rows[index].id
        view = self.details.get(claim_id)
        detail = self.query_one(ClaimDetail)
        if view is None:
            detail.show_loading(claim_id)
        else:
            self.details.move_to_end(claim_id)  # the last to be forgotten
            detail.show(view, self.article.text, self.suggestions.get(claim_id))
        self._load_details_around(index)

    def _load_details_around(self, index: int) -> None:
        """Ask for the full views of the claims around ``index`` that are not loaded yet, once the
        cursor comes near the edge of what is loaded (moving on loads ahead, not at every key)."""
        near = self.rows[max(0, index - DETAIL_NEAR) : index + DETAIL_NEAR + 1]
        if all(row.id in self.details for row in near):
            return
        if self.rows[index].id in self.details:  # load ahead while the checker reads
            window = self.rows[max(0, index - DETAIL_AHEAD) : index + DETAIL_AHEAD + 1]
        else:  # a jump (End, a search...): a small window first, the checker waits for it
            window = self.rows[max(0, index - DETAIL_NEAR // 2) : index + DETAIL_NEAR + 1]
        wanted = frozenset(row.id for row in window if row.id not in self.details)
        if self.rows[index].id in self._asked and wanted <= self._asked:
            return  # already on its way
        self._asked = wanted
        self._load_details(sorted(wanted))

    @work(thread=True, exclusive=True, exit_on_error=False, group="claim-details")
    def _load_details(self, claim_ids: list[int]) -> None:
        ws = self.workbench.workspace
        views = get_claims(ws, claim_ids)
        suggestions = suggest_for_article(ws, self.article_id, views)
        self.deliver(self._details_arrived, views, suggestions)

    def _details_arrived(self, views: list[ClaimView], suggestions: dict[int, Suggestion]) -> None:
        for view in views:
            claim_id = view.claim.id or 0
            if claim_id in self._row_of and claim_id not in self.details:  # a newer view wins
                self.details[claim_id] = view
                if claim_id in suggestions:
                    self.suggestions[claim_id] = suggestions[claim_id]
        while len(self.details) > DETAIL_KEEP:  # the views loaded longest ago go; they load again
            gone, _ = self.details.popitem(last=False)
            self.suggestions.pop(gone, None)
        index = self.query_one("#claims-table", DataTable).cursor_row
        if 0 <= index < len(self.rows) and self.rows[index].id in {v.claim.id for v in views}:
            self._show_detail(index)
        current = self.current
        if self._pending is not None and current is not None and current.claim.id == self._pending[0]:
            _, act = self._pending
            self._pending = None
            act(current)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail(event.cursor_row)

    @property
    def current_id(self) -> int | None:
        """The claim under the cursor."""
        row = self.query_one("#claims-table", DataTable).cursor_row
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    @property
    def current(self) -> ClaimView | None:
        """The full view of the claim under the cursor, once loaded (see ``with_current``)."""
        claim_id = self.current_id
        return self.details.get(claim_id) if claim_id is not None else None

    def with_current(self, act: Callable[[ClaimView], None]) -> None:
        """``act(view)`` on the claim under the cursor: now if its view is loaded, else as soon
        as it arrives (if the cursor is still there). A key pressed right after End is not lost."""
        claim_id = self.current_id
        if claim_id is None:
            return
        view = self.details.get(claim_id)
        if view is not None:
            act(view)
            return
        self._pending = (claim_id, act)
        self._load_details_around(self._row_of[claim_id])

    def claim_after(self, claim_id: int) -> int | None:
        """The id of the claim after ``claim_id`` in reading order."""
        index = self._row_of.get(claim_id)
        return self.rows[index + 1].id if index is not None and index + 1 < len(self.rows) else None

    # One claim changed (a verdict, a pinned passage): its row, its view, the counts.

    def _refresh_claim(self, claim_id: int, *, evidence_changed: bool = False) -> None:
        """From a worker thread, after a write about ``claim_id``: read that claim again and
        update its row in place. The rest of the table is not read again. The suggestion rests on
        the evidence, not the verdict: it is asked again only when the evidence changed."""
        ws = self.workbench.workspace
        rows = list_claim_rows(ws, self.article_id, [claim_id])
        views = get_claims(ws, [claim_id])
        suggestions = suggest_for_article(ws, self.article_id, views) if evidence_changed else {}
        self.deliver(self._claim_changed, rows, views, suggestions)

    def _claim_changed(
        self, rows: list[ClaimRow], views: list[ClaimView], suggestions: dict[int, Suggestion]
    ) -> None:
        table = self.query_one("#claims-table", ListTable)
        for row, view in zip(rows, views, strict=True):
            index = self._row_of.get(row.id)
            if index is None:
                continue
            known = self.details.get(row.id)
            if known is not None and _verdict_id(known) > _verdict_id(view):
                continue  # a save of this claim that finished later already showed a newer verdict
            old, self.rows[index] = self.rows[index], row
            self.details[row.id] = view
            if row.id in suggestions:
                self.suggestions[row.id] = suggestions[row.id]
            for column, value in zip(_COLUMNS, _cells(row, {}), strict=True):
                if str(table.get_cell(str(row.id), column)) != str(value):  # each update redraws
                    table.update_cell(str(row.id), column, value)
            if index == table.cursor_row:
                self._show_detail(index)
            self._show_counts((old, row))

    def action_back(self) -> None:
        if self.cancel_jobs():  # Esc stops the running job first; what it finished is kept
            return
        self.app.pop_screen()

    def action_review(self) -> None:
        from workbench.tui.screens.reverify import ReverifyScreen

        self._reload_on_resume = True  # verdicts may be confirmed or re-opened there
        self.app.push_screen(ReverifyScreen(self.article_id))

    def action_verdict(self, label: str | None = None) -> None:
        self.with_current(partial(self._open_verdict_dialog, label))

    def _open_verdict_dialog(self, label: str | None, view: ClaimView) -> None:
        dialog = VerdictDialog(
            view.claim.text,  # the article's own words; the English statement beside them
            english=view.claim.statement,
            english_is_draft=view.claim.statement_is_draft,
            chosen=label,  # a label key on the table is the checker's choice; `v` chooses nothing
            current=view.verdict.label if view.verdict else None,
            suggestion=self.suggestions.get(view.claim.id or 0),
            has_evidence=bool(view.evidence),
            rationale=view.verdict.rationale if view.verdict else "",
        )
        # the passage the checker is shown now, not whatever ranks best once the dialog closes
        shown_best = view.best.id if view.best else None
        self.app.push_screen(dialog, partial(self._verdict_chosen, view.claim.id or 0, shown_best))

    def _verdict_chosen(self, claim_id: int, shown_best: int | None, choice: VerdictChoice | None) -> None:
        if choice is not None:
            self.save_verdict(claim_id, choice, shown_best if choice.pin_best else None)

    def save_verdict(self, claim_id: int, choice: VerdictChoice, evidence_id: int | None = None) -> None:
        """Record the verdict in a thread worker named after the claim: a failure stays on the
        status line until a save of that same claim succeeds, not any save."""
        self.run_worker(
            partial(self._save_verdict, claim_id, choice, evidence_id),
            name=f"verdict for claim {claim_id}",
            group="verdict",
            thread=True,
            exit_on_error=False,
        )

    def _save_verdict(self, claim_id: int, choice: VerdictChoice, evidence_id: int | None) -> None:
        ws = self.workbench.workspace
        record_verdict(ws, claim_id, choice.label, rationale=choice.rationale, evidence=evidence_id)
        self.app.call_from_thread(self.notify, f"Claim {claim_id}: {display_name(choice.label)}")
        self._refresh_claim(claim_id)

    def action_search_archive(self) -> None:
        if (claim_id := self.current_id) is not None:
            row = self.rows[self._row_of[claim_id]]
            self._search_archive(claim_id, row.statement or row.text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="archive-search")
    def _search_archive(self, claim_id: int, claim_text: str) -> None:
        from workbench.services.archive_search import search_archive
        from workbench.tui.screens.add_dialogs import ArchiveHitsDialog

        hits = search_archive(self.workbench.workspace, claim_id, top=8)
        if not hits:
            self.app.call_from_thread(self.notify, "No passage in the archive shares a word with this claim")
            return
        dialog = ArchiveHitsDialog(claim_text, hits)
        # not from a search a newer "g" superseded: one dialog, with the newest results
        self.deliver(self.app.push_screen, dialog, partial(self._archive_hit_chosen, claim_id))

    def _archive_hit_chosen(self, claim_id: int, hit: ArchiveHit | None) -> None:
        if hit is not None:
            self._pin_archive_hit(claim_id, hit)

    @work(thread=True, exit_on_error=False, group="archive-pin")  # a new search must not cancel it
    def _pin_archive_hit(self, claim_id: int, hit: ArchiveHit) -> None:
        from workbench.services.verdicts import add_evidence

        evidence_id = add_evidence(
            self.workbench.workspace, claim_id, hit.snapshot_id, hit.start, hit.end, score=hit.score
        )
        self.app.call_from_thread(self.notify, f"Claim {claim_id}: passage pinned as evidence {evidence_id}")
        self._refresh_claim(claim_id, evidence_changed=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sources")
    def action_sources(self) -> None:
        from workbench.services.fetching import source_views
        from workbench.tui.screens.sources import SourcesDialog

        views = source_views(self.workbench.workspace, self.article_id)
        title = self.article.title if self.article else f"article {self.article_id}"
        self.deliver(self.app.push_screen, SourcesDialog(title, views))

    def job_ended(self, job: Job, *, finished: bool) -> None:
        del finished  # a cancelled match wrote the claims it ranked: reload either way
        if job.article_id == self.article_id:
            self.load_claims()

    @property
    def _report_name(self) -> str:
        return self.article.slug if self.article and self.article.slug else f"article-{self.article_id}"

    def _report_path(self, fmt: str) -> Path:
        return default_report_path(self.workbench.workspace.db.url, self._report_name, fmt)

    def action_export(self, fmt: str = "md") -> None:
        """Write the report in ``fmt`` to its default path, beside the database."""
        self.export_report(ExportRequest(fmt, self._report_path(fmt)))

    def action_export_as(self) -> None:
        from workbench.tui.screens.export_dialog import ExportDialog

        dialog = ExportDialog(self.workbench.workspace.db.url, self._report_name)
        self.app.push_screen(dialog, self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.export_report(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def export_report(self, request: ExportRequest) -> None:
        from workbench.services.reports import export_article

        document = export_article(self.workbench.workspace, self.article_id, request.fmt, lang=request.lang)
        tmp = request.path.with_name(request.path.name + ".tmp")  # a reader never sees half a report
        tmp.write_text(document, encoding="utf-8")
        tmp.replace(request.path)
        self.app.call_from_thread(self.notify, f"Wrote {request.path}")

    def action_reverify_now(self) -> None:
        from workbench.tui.screens.reverify import ReverifyScreen

        self.app.push_screen(ReverifyScreen(self.article_id, run_now=True))

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """What ctrl+p offers here (workbench/tui/commands.py); claim commands need a claim."""
        if self._jobs_line():
            yield PaletteCommand("Cancel the running job (finished work is kept)", "cancel_jobs")
        if self.current_id is not None:
            yield PaletteCommand("Record a verdict for this claim", "verdict")
            yield PaletteCommand("Search the archive for this claim's evidence", "search_archive")
            yield PaletteCommand("Edit claim: statement, kind or speaker", "edit_claim")
            yield PaletteCommand("Edit claim: confirm the draft statement", "confirm_statement")
            yield PaletteCommand("Edit claim: split it", "split_claim")
            yield PaletteCommand("Edit claim: merge with the next one", "merge_claim")
            yield PaletteCommand("Edit claim: delete it", "delete_claim")
        yield PaletteCommand("Add a claim by selecting its span", "add_claim")
        yield PaletteCommand("Fetch sources and match", "fetch")
        yield PaletteCommand("Match again (no fetching)", "match", "Re-rank evidence in the pages fetched")
        yield PaletteCommand("Add a source URL", "add_source")
        yield PaletteCommand("Sources: last fetch and which copy (live or archived)", "sources")
        yield PaletteCommand("Re-verify: review the evidence", "review")
        yield PaletteCommand(
            "Re-verify now", "reverify_now", "Re-fetch the sources and re-anchor pinned quotes"
        )
        yield PaletteCommand(
            "Export report as… (format, language and path)",
            "export_as",
            "Choose the format, the report language and the file",
        )
        for fmt in FORMATS:
            yield PaletteCommand(
                f"Export report: {format_name(fmt)}", f"export('{fmt}')", f"Writes {self._report_path(fmt)}"
            )
        yield PaletteCommand("Back to the article list", "back")
