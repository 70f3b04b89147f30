"""The claims screen's list: the table of every claim from light rows, and the full view of the
claims around the cursor, loaded ahead of it and kept (a few hundred at most).

``ClaimList`` sits between the claims screen and its jobs (claim_jobs.py). A saved verdict or a
pinned passage updates its own row (``_refresh_claim``); only edits that change the list, and
jobs that change the evidence, load the table again (``load_claims``).
"""

from __future__ import annotations

import sys
from collections import Counter, OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual import work
from textual.widgets import DataTable, Static

from workbench.domain import ReviewState
from workbench.labels import display_name
from workbench.services.article_list import ArticleText, read_article_text
from workbench.services.claim_details import ClaimView, read_claim_views
from workbench.services.claim_rows import ClaimRow, list_claim_rows
from workbench.tui.screens.claim_jobs import ClaimJobs
from workbench.tui.text import plain
from workbench.tui.widgets.claim_detail import ClaimDetail
from workbench.tui.widgets.list_table import Cell, ListTable, PlainCell

if TYPE_CHECKING:
    from textual.worker import Worker

    from workbench.services.suggestions import Suggestion
    from workbench.services.workspace import Workspace
    from workbench.tui.app import WorkbenchApp

DETAIL_NEAR = 50  # full views kept loaded on each side of the cursor (a PageDown moves ~20 rows)
DETAIL_CHUNK = 40  # views one load asks for (~15 ms of work)
DETAIL_KEEP = 600  # views kept at most (memory, and what a garbage collection must scan)
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


SUGGESTIONS = "workbench.services.suggestions"


def suggestions_loaded() -> bool:
    """Whether the suggestions module is imported: in ``sys.modules`` and done (a module another
    thread is still importing is listed already, marked by the import system as initializing,
    and asking it would wait for the rest of its import: ~0.5 s with the ORM and matching)."""
    module = sys.modules.get(SUGGESTIONS)
    return module is not None and not getattr(module.__spec__, "_initializing", False)


def suggest(ws: Workspace, article_id: int, views: list[ClaimView]) -> dict[int, Suggestion]:
    """``suggest_for_article``, imported in the worker that needs it: the suggestions module
    imports fetching (trafilatura, httpx) and matching, half a second the claims screen would
    otherwise spend before it opens (``WorkbenchApp`` imports it in the background at start)."""
    from workbench.services.suggestions import suggest_for_article

    return suggest_for_article(ws, article_id, views)


def _verdict_id(view: ClaimView) -> int:
    return view.verdict.id if view.verdict else 0


class ClaimList(ClaimJobs):
    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.article: ArticleText | None = None
        self.rows: list[ClaimRow] = []  # every claim, in the table's order
        self._row_of: dict[int, int] = {}  # claim id -> its row
        self.details: OrderedDict[int, ClaimView] = OrderedDict()  # full views kept, oldest first
        self.suggestions: dict[int, Suggestion] = {}
        self._pending: tuple[int, Callable[[ClaimView], None]] | None = None  # waits for a detail
        self._asked: frozenset[int] = frozenset()  # the claims the detail load in flight asked for
        self._detail_load: Worker[None] | None = None
        self._generation = 0  # counts the table's loads
        self._counts: Counter[tuple[bool, bool]] = Counter()  # (judged, stale) -> claims
        self._fresh: dict[int, tuple[ClaimRow, ClaimView]] = {}  # claims saved since the last load

    @property
    def workbench(self) -> WorkbenchApp:
        return cast("WorkbenchApp", self.app)

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
        article = read_article_text(ws, self.article_id)
        rows = list_claim_rows(ws, self.article_id)
        # the views around the cursor (plain SQL, as the rows: no ORM) come with the table; the
        # suggestions too once their module is loaded (after a cold start they follow the detail)
        target = select_id if select_id is not None else under_cursor
        at = next((i for i, row in enumerate(rows) if row.id == target), 0)
        # the window _load_details_around keeps loaded: nothing more to ask for at once
        views = read_claim_views(
            ws, [row.id for row in rows[max(0, at - DETAIL_NEAR) : at + DETAIL_NEAR + 1]]
        )
        suggestions = suggest(ws, self.article_id, views) if suggestions_loaded() else None
        self.deliver(self._show, article, rows, views, suggestions, select_id, origin)

    def _show(
        self,
        article: ArticleText,
        rows: list[ClaimRow],
        views: list[ClaimView],
        suggestions: dict[int, Suggestion] | None,
        select_id: int | None,
        origin: int | None = None,
    ) -> None:
        table = self.query_one("#claims-table", ListTable)
        keep = table.cursor_row
        under_cursor = self.current_id
        self.article, self.rows = article, rows
        self._row_of = {row.id: i for i, row in enumerate(rows)}
        self.details = OrderedDict((view.claim.id, view) for view in views)
        self.suggestions = dict(suggestions or {})
        for claim_id, (row, view) in self._fresh.items():  # saved while this load was reading
            index = self._row_of.get(claim_id)
            if index is not None and (rows[index].verdict_id or 0) < (row.verdict_id or 0):
                rows[index] = row
                self.details[claim_id] = view
        self._fresh.clear()
        self._asked, self._detail_load = frozenset(), None
        self._generation += 1  # a detail load asked for before this one is dropped when it arrives
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
        if views and suggestions is None:  # after the table is drawn: the import would slow its first paint
            self.call_after_refresh(self._suggest_later, views, self._generation)
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
        """Keep the full views of the claims within DETAIL_NEAR rows of ``index`` loaded: ask for
        the missing ones nearest the cursor, DETAIL_CHUNK at a time, one load at a time (each
        arrival asks for the next). Small loads: a load's Python work holds the interpreter's
        lock, and a big one would make the key the checker presses meanwhile wait for it."""
        cursor = self.rows[index].id
        in_flight = self._detail_load is not None and not self._detail_load.is_finished
        if in_flight and (cursor in self.details or cursor in self._asked):
            return  # the next chunk is asked for when this one arrives
        near = self.rows[max(0, index - DETAIL_NEAR) : index + DETAIL_NEAR + 1]
        missing = [row.id for row in near if row.id not in self.details]
        if not missing:
            return
        missing.sort(key=lambda claim_id: abs(self._row_of[claim_id] - index))
        self._asked = frozenset(missing[:DETAIL_CHUNK])
        self._detail_load = self._load_details(sorted(self._asked), self._generation)

    @work(thread=True, exit_on_error=False, group="claim-suggestions")
    def _suggest_later(self, views: list[ClaimView], generation: int) -> None:
        self.deliver(
            self._suggestions_arrived, suggest(self.workbench.workspace, self.article_id, views), generation
        )

    def _suggestions_arrived(self, suggestions: dict[int, Suggestion], generation: int) -> None:
        if generation != self._generation:
            return
        for claim_id, suggestion in suggestions.items():
            self.suggestions.setdefault(claim_id, suggestion)
        index = self.query_one("#claims-table", DataTable).cursor_row
        if 0 <= index < len(self.rows) and self.rows[index].id in suggestions:
            self._show_detail(index)

    @work(thread=True, exclusive=True, exit_on_error=False, group="claim-details")
    def _load_details(self, claim_ids: list[int], generation: int) -> None:
        ws = self.workbench.workspace
        views = read_claim_views(ws, claim_ids)
        # the first views after a cold start do not wait for the suggestions module's import
        suggestions = suggest(ws, self.article_id, views) if suggestions_loaded() else None
        self.deliver(self._details_arrived, views, suggestions, generation)

    def _details_arrived(
        self, views: list[ClaimView], suggestions: dict[int, Suggestion] | None, generation: int
    ) -> None:
        self._detail_load, self._asked = None, frozenset()
        if generation != self._generation:  # read before the table was loaded again
            views, suggestions = [], {}
        elif suggestions is None:  # they follow, once the detail is drawn
            self.call_after_refresh(self._suggest_later, views, generation)
            suggestions = {}
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
            self._show_detail(index)  # which asks for the next chunk
        elif 0 <= index < len(self.rows):
            self._load_details_around(index)
        if self._pending is not None:
            claim_id, act = self._pending
            current = self.current
            if current is not None and current.claim.id == claim_id:
                self._pending = None
                act(current)
            elif self.current_id != claim_id:  # the checker moved on: the key was for that claim
                self._pending = None

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
        views = read_claim_views(ws, [claim_id])
        suggestions = suggest(ws, self.article_id, views) if evidence_changed else {}
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
            self._fresh[row.id] = (row, view)  # a full load already reading must not undo it
            if row.id in suggestions:
                self.suggestions[row.id] = suggestions[row.id]
            for column, value in zip(_COLUMNS, _cells(row, {}), strict=True):
                if str(table.get_cell(str(row.id), column)) != str(value):  # each update redraws
                    table.update_cell(str(row.id), column, value)
            if index == table.cursor_row:
                self._show_detail(index)
            self._show_counts((old, row))
