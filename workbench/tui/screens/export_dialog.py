"""Export an article's report: the formats of ``workbench.services.reports``, in the report
language the checker chooses, written where the checker says (by default beside the database,
named after the article)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from workbench import settings
from workbench.labels import display_language
from workbench.services.reports import FORMATS

# the name a checker knows a format by, and the file name ending it gets
FORMAT_NAMES = {
    "md": ("Markdown", "md"),
    "html": ("HTML", "html"),
    "json": ("JSON", "json"),
    "csv": ("CSV", "csv"),
    "claimreview": ("ClaimReview JSON-LD", "jsonld"),
}


# report languages: headings and verdict names (workbench/export/wording.py)
LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}


def format_name(fmt: str) -> str:
    return FORMAT_NAMES.get(fmt, (fmt, fmt))[0]


def default_report_path(db_url: str, article_name: str, fmt: str) -> Path:
    """``report-<article>.<ending>`` beside the SQLite database (the current folder for a server one)."""
    ending = FORMAT_NAMES.get(fmt, (fmt, fmt))[1]
    return settings.reports_dir(db_url) / f"report-{article_name}.{ending}"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    fmt: str
    path: Path
    lang: str = "en"


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Choose a format (the path follows it until the checker edits the path), the report's
    language (the checker's label language first) and where to write."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-export"),
        Binding("ctrl+s", "export", "Export", id="export-report", priority=True),
    ]

    def __init__(self, db_url: str, article_name: str) -> None:
        super().__init__()
        self.db_url = db_url
        self.article_name = article_name

    def _default(self, fmt: str) -> str:
        return str(default_report_path(self.db_url, self.article_name, fmt))

    def compose(self) -> ComposeResult:
        with Vertical(classes="edit-box"):
            yield Label("Export the report: a format, its language, then Enter in the path writes it")
            yield OptionList(*[Option(format_name(fmt), id=fmt) for fmt in FORMATS], id="export-formats")
            first = display_language()
            langs = [first, *(lang for lang in LANGUAGE_NAMES if lang != first)]
            yield OptionList(*[Option(LANGUAGE_NAMES[lang], id=lang) for lang in langs], id="export-langs")
            yield Input(value=self._default(next(iter(FORMATS))), id="export-path")
            with Horizontal(classes="edit-buttons"):
                yield Button("Export", variant="primary", id="export-write")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-langs", OptionList).highlighted = 0
        options = self.query_one("#export-formats", OptionList)
        options.highlighted = 0
        options.focus()

    @property
    def fmt(self) -> str:
        options = self.query_one("#export-formats", OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        return options.get_option_at_index(index).id or "md"

    @property
    def lang(self) -> str:
        options = self.query_one("#export-langs", OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        return options.get_option_at_index(index).id or "en"

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_list.id != "export-formats":
            return
        path = self.query_one("#export-path", Input)
        if path.value in {self._default(fmt) for fmt in FORMATS}:  # not edited: follow the format
            path.value = self._default(event.option.id or "md")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter on a format goes on to the language, on the language to the path
        following = "#export-langs" if event.option_list.id == "export-formats" else "#export-path"
        self.query_one(following).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-write":
            self.action_export()
        else:
            self.action_cancel()

    def action_export(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.notify("Give a file path", severity="warning")
            return
        self.dismiss(ExportRequest(self.fmt, Path(value).expanduser(), self.lang))

    def action_cancel(self) -> None:
        self.dismiss(None)
