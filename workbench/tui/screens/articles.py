"""The first screen: every article with its claim and source counts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from workbench.services.article_list import ArticleSummary, list_articles
from workbench.tui.commands import PaletteCommand
from workbench.tui.screens.add_dialogs import NewArticle
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.text import plain
from workbench.tui.widgets.footer import StableFooter

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp


# seconds the article list shows before the suggestions module is imported in the background
IMPORT_SUGGESTIONS_AFTER = 1.0


class ArticlesScreen(WorkbenchScreen):
    BINDING_GROUP_TITLE = "Articles"  # heads its keys in the keys panel ("?")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open_article",
            "Open",
            id="open-article",
            tooltip="Show the article's claims",
            priority=True,
        ),
        Binding("r", "refresh", "Refresh", id="refresh-articles"),
        Binding(
            "a", "add_article", "Add article", id="add-article", tooltip="From a text file or a web page"
        ),
    ]

    _import_timer_set = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Articles", id="title-bar")
        yield DataTable(id="articles-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="empty-hint")
        yield StableFooter()

    def on_mount(self) -> None:
        table = self.query_one("#articles-table", DataTable)
        table.add_columns("id", "case", "lang", "date", "claims", "sources", "title")

    def on_screen_resume(self) -> None:
        # also runs when the screen is first shown, so this is the one place that loads
        self.load_articles()

    @property
    def workbench(self) -> WorkbenchApp:
        return cast("WorkbenchApp", self.app)

    @work(thread=True, exclusive=True, exit_on_error=False, group="articles")
    def load_articles(self) -> None:
        rows = list_articles(self.workbench.workspace)
        self.deliver(self._show, rows)

    def _show(self, rows: list[ArticleSummary]) -> None:
        table = self.query_one("#articles-table", DataTable)
        keep = table.cursor_row
        table.clear()
        for r in rows:
            table.add_row(
                str(r.id),
                plain(r.slug or "-"),
                r.language,
                r.date.isoformat() if r.date else "-",
                str(r.claims),
                str(r.sources),
                plain(r.title),
                key=str(r.id),
            )
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))
        hint = self.query_one("#empty-hint", Static)
        hint.update(
            ""
            if rows
            else "No articles yet. Load the built-in cases with `workbench demo`, "
            "or add one with `workbench articles add PATH`."
        )
        hint.display = not rows
        table.focus()
        if not self._import_timer_set:
            self._import_timer_set = True
            self.set_timer(IMPORT_SUGGESTIONS_AFTER, self._import_suggestions)

    def _import_suggestions(self) -> None:
        if self.app.screen is self:  # the checker is reading the list: nothing else is running
            self.workbench.import_suggestions_ahead()

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """What ctrl+p offers here (workbench/tui/commands.py)."""
        if self.query_one("#articles-table", DataTable).row_count:
            yield PaletteCommand("Open the article", "open_article")
        yield PaletteCommand("Add an article", "add_article")
        yield PaletteCommand("Refresh the article list", "refresh")

    def action_refresh(self) -> None:
        self.load_articles()

    def action_open_article(self) -> None:
        table = self.query_one("#articles-table", DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            from workbench.tui.screens.claims import ClaimsScreen

            self.app.push_screen(ClaimsScreen(int(key)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_article()

    def action_add_article(self) -> None:
        from workbench.tui.screens.add_dialogs import AddArticleDialog

        self.app.push_screen(AddArticleDialog(), self._article_chosen)

    def _article_chosen(self, choice: NewArticle | None) -> None:
        if choice is not None:
            self.add_article(choice)

    @work(thread=True, exclusive=True, exit_on_error=False, group="add-article")
    def add_article(self, choice: NewArticle) -> None:
        from workbench.services.articles import add_article
        from workbench.services.ingest import read_article

        try:
            text, url, page_title = read_article(self.workbench.workspace, choice.target)
            when = date.fromisoformat(choice.date) if choice.date else None
            article = add_article(
                self.workbench.workspace,
                text,
                title=choice.title or page_title or "",
                language=choice.language,
                article_date=when,
                url=url,
            )
        except (ValueError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Not added: {exc}", severity="error")
            return
        self.app.call_from_thread(self.notify, f"Added article {article.id}: {article.title}")
        self.app.call_from_thread(self.load_articles)
