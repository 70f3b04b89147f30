"""A modal that asks for a verdict label, a rationale and whether to pin the best evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList
from textual.widgets.option_list import Option

from workbench.labels import labels
from workbench.tui.text import plain


@dataclass(frozen=True, slots=True)
class VerdictChoice:
    label: str
    rationale: str
    pin_best: bool


class VerdictDialog(ModalScreen[VerdictChoice | None]):
    """Returns the checker's choice through ``dismiss``, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-verdict"),
        Binding("ctrl+s", "save", "Save", id="save-verdict", priority=True),
    ]

    def __init__(
        self, claim_text: str, preselect: str | None = None, has_evidence: bool = False, rationale: str = ""
    ) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.preselect = preselect
        self.has_evidence = has_evidence
        self.initial_rationale = rationale

    def compose(self) -> ComposeResult:
        with Vertical(id="verdict-box"):
            yield Label("Verdict for:")
            yield Label(plain(self.claim_text[:300]))
            yield OptionList(
                *[Option(Text(f"[{lab.key}] {lab.en} — {lab.meaning}"), id=lab.id) for lab in labels()],
                id="verdict-labels",
            )
            yield Input(
                value=self.initial_rationale, placeholder="Rationale (Enter saves)", id="verdict-rationale"
            )
            yield Checkbox(
                "Pin the best evidence passage",
                value=self.has_evidence,
                id="verdict-pin",
                disabled=not self.has_evidence,
            )
            with Horizontal(id="verdict-buttons"):
                yield Button("Save", variant="primary", id="verdict-save")
                yield Button("Cancel", id="verdict-cancel")

    def on_mount(self) -> None:
        options = self.query_one("#verdict-labels", OptionList)
        ids = [lab.id for lab in labels()]
        options.highlighted = ids.index(self.preselect) if self.preselect in ids else 0
        if self.preselect in ids:
            self.query_one("#verdict-rationale", Input).focus()
        else:
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#verdict-rationale", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "verdict-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        options = self.query_one("#verdict-labels", OptionList)
        if options.highlighted is None:
            self.notify("Choose a label first", severity="warning")
            return
        option = options.get_option_at_index(options.highlighted)
        self.dismiss(
            VerdictChoice(
                label=option.id or "",
                rationale=self.query_one("#verdict-rationale", Input).value.strip(),
                pin_best=self.query_one("#verdict-pin", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
