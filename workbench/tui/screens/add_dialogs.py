"""Dialogs that bring new material in: an article (file or URL), a source URL, a passage found
by searching the whole archive."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

if TYPE_CHECKING:
    from workbench.services.archive_search import ArchiveHit


@dataclass(frozen=True, slots=True)
class NewArticle:
    target: str  # a file path or an http(s) URL
    language: str | None
    date: str | None
    title: str | None


class AddArticleDialog(ModalScreen[NewArticle | None]):
    """Asks for a text file or a web page, and optionally its language, date and title."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel-add-article")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="edit-box"):
            yield Label("Add an article: a UTF-8 text file or a web page")
            yield Input(placeholder="path/to/article.txt or https://…", id="article-target")
            yield Input(placeholder="language: id or en (empty: detect)", id="article-lang")
            yield Input(placeholder="date YYYY-MM-DD (year for dates without one)", id="article-date")
            yield Input(placeholder="title (optional)", id="article-title")
            with Horizontal(classes="edit-buttons"):
                yield Button("Add", variant="primary", id="article-add")
                yield Button("Cancel", id="article-cancel")

    def _value(self, widget_id: str) -> str | None:
        return self.query_one(f"#{widget_id}", Input).value.strip() or None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "article-add":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        target = self._value("article-target")
        language = self._value("article-lang")
        if not target:
            self.notify("Give a file path or a URL", severity="warning")
            return
        if language not in (None, "id", "en"):
            self.notify("Language is id or en", severity="warning")
            return
        self.dismiss(NewArticle(target, language, self._value("article-date"), self._value("article-title")))

    def action_cancel(self) -> None:
        self.dismiss(None)


class AddSourceDialog(ModalScreen[str | None]):
    """Asks for a source URL; returns it, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel-add-source")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="edit-box"):
            yield Label("Add a source the article reports (it is fetched and matched at once)")
            yield Input(placeholder="https://…", id="source-url")
            with Horizontal(classes="edit-buttons"):
                yield Button("Add", variant="primary", id="source-add")
                yield Button("Cancel", id="source-cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "source-add":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        url = self.query_one("#source-url", Input).value.strip()
        if not url.startswith(("http://", "https://")):
            self.notify("A source is an http(s) URL", severity="warning")
            return
        self.dismiss(url)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ArchiveHitsDialog(ModalScreen["ArchiveHit | None"]):
    """Passages the archive search found for a claim, best first; Enter pins the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel-archive-hits")]

    def __init__(self, claim_text: str, hits: list[ArchiveHit]) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.hits = hits

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList
        from textual.widgets.option_list import Option

        from workbench.tui.text import plain

        with Vertical(classes="edit-box"):
            yield Label(plain(f"The whole archive, for: {' '.join(self.claim_text.split())[:150]}"))
            yield Label("Enter pins the passage as this claim's evidence; Esc closes.")
            options = []
            for i, hit in enumerate(self.hits):
                copy = f"  ({hit.snapshot.describe()})" if hit.snapshot and hit.snapshot.archived else ""
                line = plain(
                    f"{hit.score:5.1f}  {hit.source_url}{copy}\n       {' '.join(hit.quote.split())[:220]}"
                )
                options.append(Option(line, id=f"hit-{i}"))
            yield OptionList(*options, id="archive-hits")

    def on_option_list_option_selected(self, event: Any) -> None:
        event.stop()
        self.dismiss(self.hits[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
