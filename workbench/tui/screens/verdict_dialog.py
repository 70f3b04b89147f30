"""A modal that asks for a verdict label, a rationale and whether to pin the best evidence.

The checker decides, never the machine: the workbench's suggestion and the claim's current verdict
are shown and may be highlighted in the list, but nothing is saved until the checker has chosen a
label themselves: by its key, or in the list by moving to it and pressing Enter, or by clicking it.
Enter on the highlight the dialog opened with chooses nothing. The highlight is where the cursor
is; the choice is shown on its own line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from workbench.labels import Label as VerdictLabel
from workbench.labels import display_name, labels
from workbench.tui.label_keys import label_key_bindings, name_label_bindings
from workbench.tui.text import plain

if TYPE_CHECKING:  # the suggestions module imports fetching and matching: loaded by the workers
    from workbench.services.suggestions import Suggestion


@dataclass(frozen=True, slots=True)
class VerdictChoice:
    label: str
    rationale: str
    pin_best: bool


def label_keys() -> str:
    """The label keys as the checker types them ("s p m c n u"), from the labels file."""
    return " ".join(lab.key for lab in labels() if lab.key)


class LabelList(OptionList):
    """The labels. The dialog opens with a highlight the workbench placed (its suggestion, the
    current verdict, or the first label); Enter on it is not the checker's choice. ``placed`` is
    that option's index until the checker moves the highlight or puts the mouse on the list."""

    placed: int | None = None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.placed:  # not stopped: the dialog may listen too
            self.placed = None

    def on_mouse_down(self) -> None:
        self.placed = None  # a click on an option is a choice, the placed one too


class VerdictDialog(ModalScreen[VerdictChoice | None]):
    """Returns the checker's choice through ``dismiss``, or None when cancelled.

    ``chosen`` is a label the checker already chose (a label key pressed on the claims table);
    ``current`` the claim's current verdict label (highlighted when re-judging, not chosen);
    ``suggestion`` the workbench's suggestion (shown and highlighted, never chosen)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-verdict"),
        Binding("ctrl+s", "save", "Save", id="save-verdict", priority=True),
        # not priority bindings: in the rationale Input a letter is text, not a label
        *label_key_bindings("choose", "choose"),
    ]

    chosen: reactive[str | None] = reactive(None, init=False)
    """The label id the checker chose in this dialog (or on the table); None until they do."""

    def __init__(
        self,
        claim_text: str,
        *,
        chosen: str | None = None,
        current: str | None = None,
        suggestion: Suggestion | None = None,
        has_evidence: bool = False,
        rationale: str = "",
        english: str | None = None,
        english_is_draft: bool = True,
    ) -> None:
        """``claim_text`` is the article's own words; ``english`` the claim's English statement,
        shown beside them and marked when it is a machine draft nobody confirmed."""
        super().__init__()
        self.english = english if english and english != claim_text else None
        self.english_is_draft = english_is_draft
        name_label_bindings(self, "choose", "Choose '{name}'")
        self.claim_text = claim_text
        self.initial_choice = chosen
        self.current = current
        self.suggestion = suggestion
        self.has_evidence = has_evidence
        self.initial_rationale = rationale

    def _prompt(self, lab: VerdictLabel) -> Text:
        mark = "✔ " if lab.id == self.chosen else "  "
        prompt = Text(
            f"{mark}[{lab.key}] {display_name(lab.id)}", style="bold" if lab.id == self.chosen else ""
        )
        notes = []
        if self.current == lab.id:
            notes.append("current verdict")
        if self.suggestion is not None and self.suggestion.label == lab.id:
            notes.append("suggested")
        if notes:
            prompt.append(f" ({', '.join(notes)})", style="italic")
        prompt.append(f" — {lab.meaning}", style="dim")
        return prompt

    def compose(self) -> ComposeResult:
        with Vertical(id="verdict-box"):
            yield Label("Verdict for:")
            yield Static(plain(self.claim_text[:300]), id="verdict-claim")
            if self.english is not None:
                note = "English (machine draft): " if self.english_is_draft else "English: "
                yield Static(plain(note + self.english[:300], "dim"), id="verdict-english")
            if self.current is not None:
                yield Label(plain(f"current verdict: {display_name(self.current)}"), id="verdict-current")
            if self.suggestion is not None:
                yield Static(
                    plain(f"suggested: {display_name(self.suggestion.label)} — {self.suggestion.reason}"),
                    id="verdict-suggested",
                )
            yield LabelList(*[Option(self._prompt(lab), id=lab.id) for lab in labels()], id="verdict-labels")
            yield Static("", id="verdict-chosen")
            yield Input(
                value=self.initial_rationale,
                placeholder="Rationale (Tab here; Enter saves once a label is chosen)",
                id="verdict-rationale",
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
        options = self.query_one("#verdict-labels", LabelList)
        ids = [lab.id for lab in labels()]
        suggested = self.suggestion.label if self.suggestion is not None else None
        first = next((i for i in (self.initial_choice, self.current, suggested) if i in ids), None)
        options.highlighted = options.placed = ids.index(first) if first is not None else 0
        if self.initial_choice in ids:
            self.chosen = self.initial_choice  # chosen on the claims table by its key
            self.query_one("#verdict-rationale", Input).focus()
        else:
            self._show_chosen()
            options.focus()  # label keys choose from here; Tab reaches the rationale

    def watch_chosen(self) -> None:
        self._show_chosen()

    def _show_chosen(self) -> None:
        line = Text("Chosen: ", style="bold")
        if self.chosen is None:
            line.append(f"none yet — press {label_keys()}, or go to a label and Enter", style="italic")
        else:
            line.append(display_name(self.chosen), style="bold green")
        self.query_one("#verdict-chosen", Static).update(line)
        options = self.query_one("#verdict-labels", LabelList)
        for lab in labels():
            options.replace_option_prompt(lab.id, self._prompt(lab))

    def action_choose(self, label_id: str) -> None:
        """A label key: choose that label, whatever is highlighted, and go on to the rationale."""
        ids = [lab.id for lab in labels()]
        if label_id not in ids:
            return
        options = self.query_one("#verdict-labels", LabelList)
        options.highlighted, options.placed = ids.index(label_id), None
        self.chosen = label_id
        self.query_one("#verdict-rationale", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter or a click on a label the checker went to; Enter on the workbench's own
        # highlight (v, Enter out of habit) chooses nothing
        event.stop()
        if event.option_index == self.query_one("#verdict-labels", LabelList).placed:
            self._ask_for_a_choice()
        elif event.option.id is not None:
            self.action_choose(event.option.id)

    def _ask_for_a_choice(self) -> None:
        self.notify(f"Choose a label: {label_keys()}", severity="warning")

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
        if self.chosen is None:
            self._ask_for_a_choice()
            return
        self.dismiss(
            VerdictChoice(
                label=self.chosen,
                rationale=self.query_one("#verdict-rationale", Input).value.strip(),
                pin_best=self.query_one("#verdict-pin", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
