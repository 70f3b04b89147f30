"""An article's claims: table on top, the highlighted claim's detail below, verdict keys."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from workbench.labels import display_name
from workbench.services.articles import get_article
from workbench.services.reports import FORMATS
from workbench.services.suggestions import Suggestion, suggest_for_article
from workbench.services.verdicts import ClaimView, list_claims, record_verdict
from workbench.tui.commands import PaletteCommand
from workbench.tui.label_keys import label_key_bindings, name_label_bindings
from workbench.tui.screens.claim_edit import EDIT_BINDINGS, ClaimEditing
from workbench.tui.screens.export_dialog import ExportRequest, default_report_path, format_name
from workbench.tui.screens.verdict_dialog import VerdictChoice, VerdictDialog
from workbench.tui.text import plain
from workbench.tui.widgets.claim_detail import ClaimDetail

if TYPE_CHECKING:
    from workbench.services.archive_search import ArchiveHit
    from workbench.storage.models import Article
    from workbench.tui.app import WorkbenchApp


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ClaimsScreen(ClaimEditing):  # ClaimEditing (claim_edit.py): hand-editing actions
    BINDING_GROUP_TITLE = "Claims"  # heads its keys in the keys panel ("?")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Articles", id="back"),
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
        self.views: list[ClaimView] = []
        self.suggestions: dict[int, Suggestion] = {}

    @property
    def workbench(self) -> WorkbenchApp:
        return cast("WorkbenchApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="title-bar")
        yield DataTable(id="claims-table", cursor_type="row", zebra_stripes=True)
        yield ClaimDetail(id="claim-detail")
        yield Static("", id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#claims-table", DataTable)
        table.add_column("#", width=4)
        table.add_column("kind", width=11)
        table.add_column("verdict", width=16)
        table.add_column("best", width=4)
        table.add_column("claim (the article's words)")
        from workbench.matching.semantic import ABSENT_MESSAGE, semantic_available

        if not semantic_available():  # a package lookup only; the model is never loaded here
            self.notify(ABSENT_MESSAGE, timeout=8)

    @work(thread=True, exclusive=True, exit_on_error=False, group="claims")
    def load_claims(self, select_id: int | None = None, origin: int | None = None) -> None:
        """Reload the table; ``select_id`` is the claim an action produced, ``origin`` the claim
        under the cursor when that action started."""
        ws = self.workbench.workspace
        article = get_article(ws, self.article_id)
        views = list_claims(ws, self.article_id)
        suggestions = suggest_for_article(ws, self.article_id, views)
        self.deliver(self._show, article, views, select_id, suggestions, origin)

    def _show(
        self,
        article: Article,
        views: list[ClaimView],
        select_id: int | None,
        suggestions: dict[int, Suggestion] | None = None,
        origin: int | None = None,
    ) -> None:
        table = self.query_one("#claims-table", DataTable)
        keep = table.cursor_row
        under_cursor = self.views[keep].claim.id if 0 <= keep < len(self.views) else None
        self.article, self.views = article, views
        self.suggestions = suggestions or {}
        self.query_one("#title-bar", Static).update(
            plain(f"{article.title}  ·  {article.language}  ·  {len(views)} claims")
        )
        table.clear()
        for view in views:
            best = view.best
            verdict = display_name(view.verdict.label) if view.verdict else "·"
            if str(view.state) == "stale":
                verdict = f"⚠ {verdict}"
            table.add_row(
                str(view.claim.id),
                view.claim.kind,
                verdict,
                f"{best.score:.0f}" if best else "-",
                plain(_one_line(view.claim.text)),  # the claim's face: the article's own words
                key=str(view.claim.id),
            )
        checked = sum(1 for v in views if v.verdict)
        stale = sum(1 for v in views if str(v.state) == "stale")
        self.set_status(
            f"{checked} of {len(views)} checked" + (f", {stale} stale (r: review)" if stale else "")
        )
        if views:
            # Go to the claim an action produced only if the checker is still where the action
            # started: one who typed on meanwhile ("s", Enter, Down...) stays on the claim they
            # moved to, so their next key does not land on the one just saved.
            # (When the action removed that claim, a split or a merge, the produced claim wins.)
            still_there = any(v.claim.id == origin for v in views)
            if select_id is not None and origin is not None and still_there and under_cursor != origin:
                select_id = under_cursor
            row = next((i for i, v in enumerate(views) if v.claim.id == select_id), None)
            if row is None:
                row = next(
                    (i for i, v in enumerate(views) if v.claim.id == under_cursor), min(keep, len(views) - 1)
                )
            table.move_cursor(row=row)
            self._show_detail(row)
        table.focus()

    def _show_detail(self, row: int) -> None:
        if self.article is not None and 0 <= row < len(self.views):
            view = self.views[row]
            self.query_one(ClaimDetail).show(
                view, self.article.text, self.suggestions.get(view.claim.id or 0)
            )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail(event.cursor_row)

    @property
    def current(self) -> ClaimView | None:
        row = self.query_one("#claims-table", DataTable).cursor_row
        return self.views[row] if 0 <= row < len(self.views) else None

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_review(self) -> None:
        from workbench.tui.screens.reverify import ReverifyScreen

        self.app.push_screen(ReverifyScreen(self.article_id))

    def on_screen_resume(self) -> None:
        # also runs when the screen is first shown, so this is the one place that loads
        self.load_claims()

    def action_verdict(self, label: str | None = None) -> None:
        view = self.current
        if view is None:
            return
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
        self.app.call_from_thread(self.load_claims, claim_id, claim_id)

    def action_search_archive(self) -> None:
        if (view := self.current) is not None:
            self._search_archive(view.claim.id or 0, view.claim.statement or view.claim.text)

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
        self.app.call_from_thread(self.load_claims, claim_id, claim_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sources")
    def action_sources(self) -> None:
        from workbench.services.fetching import source_views
        from workbench.tui.screens.sources import SourcesDialog

        views = source_views(self.workbench.workspace, self.article_id)
        title = self.article.title if self.article else f"article {self.article_id}"
        self.deliver(self.app.push_screen, SourcesDialog(title, views))

    def action_add_source(self) -> None:
        from workbench.tui.screens.add_dialogs import AddSourceDialog

        self.app.push_screen(AddSourceDialog(), self._source_chosen)

    def _source_chosen(self, url: str | None) -> None:
        if url:
            self.add_source(url)

    @work(thread=True, exclusive=True, exit_on_error=False, group="fetch")
    def add_source(self, url: str) -> None:
        from workbench.services.articles import add_source

        try:
            add_source(self.workbench.workspace, self.article_id, url)
        except ValueError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self._fetch_and_match()

    @work(thread=True, exclusive=True, exit_on_error=False, group="fetch")
    def action_fetch(self) -> None:
        self._fetch_and_match()

    def _fetch_and_match(self) -> None:
        """Runs in a worker thread: fetch every source, re-match, report, reload."""
        from workbench.services.fetching import fetch_article
        from workbench.services.matching import match_article

        ws = self.workbench.workspace
        self.app.call_from_thread(partial(self.set_status, "Fetching sources…", busy=True))
        reports = fetch_article(ws, self.article_id)
        report = match_article(ws, self.article_id)
        summary = "; ".join(f"{r.summary}" for r in reports) or "no sources"
        self.app.call_from_thread(
            self.notify, f"{summary}. {report.with_evidence}/{report.claims} claims have evidence"
        )
        self.app.call_from_thread(self.load_claims)

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

    @work(thread=True, exclusive=True, exit_on_error=False, group="fetch")
    def action_match(self) -> None:
        """Match again against the snapshots already fetched (no request is sent)."""
        from workbench.services.matching import match_article

        self.app.call_from_thread(partial(self.set_status, "Matching…", busy=True))
        report = match_article(self.workbench.workspace, self.article_id)
        self.app.call_from_thread(self.notify, f"{report.with_evidence}/{report.claims} claims have evidence")
        self.app.call_from_thread(self.load_claims)

    def action_reverify_now(self) -> None:
        from workbench.tui.screens.reverify import ReverifyScreen

        self.app.push_screen(ReverifyScreen(self.article_id, run_now=True))

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """What ctrl+p offers here (workbench/tui/commands.py); claim commands need a claim."""
        if self.current is not None:
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
