"""An article's claims: table on top, the highlighted claim's detail below, verdict keys."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from workbench.labels import display_name
from workbench.tui.commands import PaletteCommand
from workbench.tui.label_keys import label_key_bindings, name_label_bindings
from workbench.tui.screens.claim_edit import EDIT_BINDINGS
from workbench.tui.screens.claim_list import CLAIM_WIDTH, ClaimList, suggestions_loaded
from workbench.tui.screens.verdict_dialog import VerdictChoice, VerdictDialog
from workbench.tui.widgets.claim_detail import ClaimDetail
from workbench.tui.widgets.footer import StableFooter
from workbench.tui.widgets.list_table import ListTable

if TYPE_CHECKING:
    from workbench.services.archive_search import ArchiveHit
    from workbench.services.claim_details import ClaimView
    from workbench.tui.jobs import Job
    from workbench.tui.screens.export_dialog import ExportRequest


def record_verdict(*args: Any, **kwargs: Any) -> Any:
    """``verdicts.record_verdict``, imported on first use: the claims screen opens (its table drawn
    from light rows) before SQLAlchemy and the models are loaded."""
    from workbench.services.verdicts import record_verdict as record

    return record(*args, **kwargs)


class ClaimsScreen(ClaimList):  # claim_list.py: the table; under it claim_jobs.py, claim_edit.py
    """The table lists every claim from light rows (services/claim_rows.py); a claim's
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
        super().__init__(article_id)
        name_label_bindings(self, "verdict", "Record '{name}' with a rationale")
        self._loaded_once = False
        self._semantic_asked = False
        self._reload_on_resume = False

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

    def _show(self, *args: Any, **kwargs: Any) -> None:
        super()._show(*args, **kwargs)
        self._ask_about_semantic_once()

    def _suggestions_arrived(self, *args: Any, **kwargs: Any) -> None:
        super()._suggestions_arrived(*args, **kwargs)
        self._ask_about_semantic_once()

    def _ask_about_semantic_once(self) -> None:
        """Once the first table and the claim under the cursor are drawn, and the suggestions
        module is loaded (after a cold start it follows the first detail): the check's import of
        matching would slow the first paint, and a second import beside the suggestions' would
        take the interpreter from the first keys."""
        if not self._semantic_asked and (
            not self.rows or (self.current is not None and suggestions_loaded())
        ):
            self._semantic_asked = True
            self.call_after_refresh(self._say_if_no_semantic)

    @work(thread=True, exit_on_error=False, group="semantic-check")
    def _say_if_no_semantic(self) -> None:
        """Whether the semantic extra is installed (a package lookup; the model is never loaded
        here), asked once the table shows: the matching package it sits in loads rapidfuzz."""
        from workbench.matching.semantic import ABSENT_MESSAGE, semantic_available

        if not semantic_available():
            self.app.call_from_thread(self.notify, ABSENT_MESSAGE, timeout=8)

    def on_screen_resume(self) -> None:
        # runs when the screen is first shown, and after every dialog: load the first time, and
        # after the re-verification screen (which records verdicts), not after a verdict dialog
        if not self._loaded_once or self._reload_on_resume:
            self._loaded_once, self._reload_on_resume = True, False
            self.load_claims()

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
        from workbench.services.sources import source_views
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
        # reports, and the fetching and matching they import, load when first asked for: opening
        # the claims screen does not wait for them
        from workbench.tui.screens.export_dialog import default_report_path

        return default_report_path(self.workbench.workspace.db.url, self._report_name, fmt)

    def action_export(self, fmt: str = "md") -> None:
        """Write the report in ``fmt`` to its default path, beside the database."""
        from workbench.tui.screens.export_dialog import ExportRequest

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
        from workbench.services.reports import FORMATS
        from workbench.tui.screens.export_dialog import format_name

        for fmt in FORMATS:
            yield PaletteCommand(
                f"Export report: {format_name(fmt)}", f"export('{fmt}')", f"Writes {self._report_path(fmt)}"
            )
        yield PaletteCommand("Back to the article list", "back")
