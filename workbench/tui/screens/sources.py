"""The article's sources: last fetch, and which copy matching reads (live or archived)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from workbench.services.sources import SourceView
from workbench.tui.text import plain


def copy_cell(view: SourceView) -> Text:
    """ "live copy, fetched …" dim; an archive's copy stands out, with its archive and memento date."""
    if view.snapshot is None:
        return Text("no copy yet", style="dim")
    return plain(view.snapshot.describe(), "bold magenta" if view.snapshot.archived else "dim")


class SourcesDialog(ModalScreen[None]):
    """Shows the sources it is given (loaded by the caller's worker); Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l", "close", "Close", id="close-sources"),
    ]

    def __init__(self, title: str, views: list[SourceView]) -> None:
        super().__init__()
        self.title_text = title
        self.views = views

    def compose(self) -> ComposeResult:
        with Vertical(classes="edit-box"):
            yield Label(plain(f"Sources of: {' '.join(self.title_text.split())[:120]}"))
            yield DataTable(id="sources-table", cursor_type="row", zebra_stripes=True)
            yield Label(
                "An archived copy comes from a web archive (fetch --as-of), not the live page. Esc closes."
            )

    def on_mount(self) -> None:
        table = self.query_one("#sources-table", DataTable)
        table.add_column("id", width=4)
        table.add_column("last fetch", width=12)
        table.add_column("copy matching reads", width=56)
        table.add_column("url")
        for view in self.views:
            table.add_row(
                str(view.id),
                plain(view.last_outcome or "never"),
                copy_cell(view),
                plain(view.url),
                key=str(view.id),
            )
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
