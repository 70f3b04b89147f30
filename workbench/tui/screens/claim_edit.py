"""Hand editing on the claims screen: dialogs, and the actions that run the edits in workers.

``ClaimEditing`` is the claims screen's base: it brings the ``E t S M A D`` actions
(``EDIT_BINDINGS``); the services in ``workbench.services.editing`` do the work in thread workers.
Spans are chosen in a read-only TextArea, whose (row, column) locations count code points per line
of ``str.splitlines``: ``location_to_offset`` turns them into offsets into the article exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, TextArea
from textual.widgets.text_area import Selection

from workbench.domain import ClaimKind
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.text import plain
from workbench.tui.widgets.claim_detail import paragraph_around

if TYPE_CHECKING:
    from textual.worker import Worker

    from workbench.services.article_list import ArticleText
    from workbench.services.claim_details import ClaimFacts, ClaimView
    from workbench.services.claim_rows import ClaimRow
    from workbench.services.editing import EditResult
    from workbench.tui.app import WorkbenchApp

Location = tuple[int, int]
_LINE_ENDS = ("\r\n", "\n", "\r")  # the endings after which Textual's Document adds an empty last line

# The footer shows "E Edit"; the rest are listed by "?" (the keys panel) and the command palette.
EDIT_BINDINGS: list[BindingType] = [
    Binding("E", "edit_claim", "Edit", id="edit-claim", tooltip="Edit the statement, kind or speaker"),
    Binding(
        "t",
        "confirm_statement",
        "Confirm",
        id="confirm-statement",
        tooltip="Accept the draft statement",
        show=False,
    ),
    Binding(
        "S", "split_claim", "Split", id="split-claim", tooltip="Split the claim at a chosen point", show=False
    ),
    Binding(
        "M", "merge_claim", "Merge", id="merge-claim", tooltip="Merge the claim with the next one", show=False
    ),
    Binding("A", "add_claim", "Add", id="add-claim", tooltip="Add a claim by selecting a span", show=False),
    Binding(
        "D", "delete_claim", "Delete", id="delete-claim", tooltip="Delete the claim (asks first)", show=False
    ),
]


def _line_starts(text: str) -> list[int]:
    starts, position = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(position)
        position += len(line)
    if not text or text.endswith(_LINE_ENDS):
        starts.append(len(text))
    return starts


def location_to_offset(text: str, location: Location) -> int:
    """The string offset of a TextArea (row, column) in ``text`` (the text the TextArea shows)."""
    row, column = location
    starts = _line_starts(text)
    row = max(0, min(row, len(starts) - 1))
    line = text[starts[row] :].splitlines()[0] if starts[row] < len(text) else ""
    return starts[row] + max(0, min(column, len(line)))


def offset_to_location(text: str, offset: int) -> Location:
    """The TextArea (row, column) of a string offset in ``text``."""
    starts = _line_starts(text)
    row = max(i for i, start in enumerate(starts) if start <= offset) if offset > 0 else 0
    return row, offset - starts[row]


@dataclass(frozen=True, slots=True)
class ClaimChanges:
    """What the edit dialog changed; None means unchanged."""

    statement: str | None = None
    kind: str | None = None
    speaker: str | None = None


class ClaimEditDialog(ModalScreen[ClaimChanges | None]):
    """Edit a claim's statement, kind and speaker; returns the changes, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-edit"),
        Binding("ctrl+s", "save", "Save", id="save-edit", priority=True),
    ]

    def __init__(self, claim: ClaimFacts) -> None:
        super().__init__()
        self.claim = claim

    def compose(self) -> ComposeResult:
        with Vertical(classes="edit-box"):
            yield Label(f"Claim {self.claim.id}:")
            yield Label(plain(self.claim.text[:300]))
            yield Label("Statement (English):")
            yield Input(value=self.claim.statement, id="edit-statement")
            yield Label("Kind:")
            yield Select(
                [(k.value, k.value) for k in ClaimKind],
                value=self.claim.kind,
                allow_blank=False,
                id="edit-kind",
            )
            yield Label("Speaker (quotes):")
            yield Input(value=self.claim.speaker or "", placeholder="nobody", id="edit-speaker")
            with Horizontal(classes="edit-buttons"):
                yield Button("Save", variant="primary", id="edit-save")
                yield Button("Cancel", id="edit-cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "edit-save" else self.action_cancel()

    def action_save(self) -> None:
        statement = self.query_one("#edit-statement", Input).value.strip()
        kind = str(self.query_one("#edit-kind", Select).value)
        speaker = self.query_one("#edit-speaker", Input).value.strip()
        if not statement:
            self.notify("The statement cannot be empty", severity="warning")
            return
        self.dismiss(
            ClaimChanges(
                statement=statement if statement != self.claim.statement else None,
                kind=kind if kind != self.claim.kind else None,
                speaker=speaker if speaker != (self.claim.speaker or "") else None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class SpanPicker(ModalScreen[tuple[int, int] | None]):
    """Shows ``text`` read-only; returns the selected span (``select``) or the cursor position
    twice (``cursor``), as offsets into ``text`` plus ``base``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-span"),
        Binding("enter,ctrl+s", "choose", "Choose", id="choose-span", priority=True),
    ]

    def __init__(self, title: str, text: str, *, base: int = 0, mode: str = "select", start: int = 0) -> None:
        super().__init__()
        self.title_text, self.text, self.base, self.mode, self.start = title, text, base, mode, start

    def compose(self) -> ComposeResult:
        with Vertical(classes="edit-box"):
            yield Label(self.title_text)
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="span-text")

    def on_mount(self) -> None:
        area = self.query_one("#span-text", TextArea)
        area.move_cursor(offset_to_location(self.text, self.start), center=True)
        area.focus()

    def action_choose(self) -> None:
        selection = self.query_one("#span-text", TextArea).selection
        first, second = sorted(location_to_offset(self.text, loc) for loc in (selection.start, selection.end))
        if self.mode == "cursor":
            at = location_to_offset(self.text, selection.end)
            self.dismiss((self.base + at, self.base + at))
        elif first == second:
            self.notify("Select a span first (shift+arrows or the mouse)", severity="warning")
        else:
            self.dismiss((self.base + first, self.base + second))

    def select(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (offsets into the shown text): for tests and scripts."""
        area = self.query_one("#span-text", TextArea)
        area.selection = Selection(offset_to_location(self.text, start), offset_to_location(self.text, end))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="edit-box"):
            yield Label(plain(self.question))
            yield Label("y: yes    n: no")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def _split_point(claim: ClaimFacts, text: str) -> int:
    """A first guess for the split: the first space after the claim's middle."""
    found = text.find(" ", (claim.start + claim.end) // 2, claim.end)
    return found if found > claim.start else (claim.start + claim.end) // 2


class ClaimEditing(WorkbenchScreen):
    """The claims screen's hand-editing actions; the screen supplies the attributes below."""

    if TYPE_CHECKING:
        article_id: int
        article: ArticleText | None
        rows: list[ClaimRow]

        @property
        def current_id(self) -> int | None: ...

        def with_current(self, act: Callable[[ClaimView], None]) -> None: ...

        def claim_after(self, claim_id: int) -> int | None: ...

        def load_claims(self, select_id: int | None = None, origin: int | None = None) -> Worker[None]: ...

    def action_edit_claim(self) -> None:
        self.with_current(self._open_edit_dialog)

    def _open_edit_dialog(self, view: ClaimView) -> None:
        self.app.push_screen(ClaimEditDialog(view.claim), partial(self._edited, view.claim.id or 0))

    def _edited(self, claim_id: int, changes: ClaimChanges | None) -> None:
        if changes is not None and any(
            v is not None for v in (changes.statement, changes.kind, changes.speaker)
        ):
            from workbench.services.editing import edit_claim

            self.run_edit(partial(edit_claim, claim_id=claim_id, **_fields(changes)))

    def action_confirm_statement(self) -> None:
        from workbench.services.editing import confirm_statement

        if (claim_id := self.current_id) is not None:
            self.run_edit(partial(confirm_statement, claim_id=claim_id))

    def action_split_claim(self) -> None:
        self.with_current(self._open_split_picker)

    def _open_split_picker(self, view: ClaimView) -> None:
        if self.article is None:
            return
        claim, text = view.claim, self.article.text
        paragraph, local_start, _ = paragraph_around(text, claim.start, claim.end)
        base = claim.start - local_start
        title = f"Split claim {claim.id}: move the cursor to where the first part ends, Enter splits"
        picker = SpanPicker(
            title, paragraph, base=base, mode="cursor", start=_split_point(claim, text) - base
        )
        self.app.push_screen(picker, partial(self._split_at, claim.id or 0))

    def _split_at(self, claim_id: int, span: tuple[int, int] | None) -> None:
        from workbench.services.editing import split_claim

        if span is not None:
            self.run_edit(partial(split_claim, claim_id=claim_id, at=span[0]))

    def action_merge_claim(self) -> None:
        from workbench.services.editing import merge_claims

        claim_id = self.current_id
        if claim_id is None:
            return
        following = self.claim_after(claim_id)
        if following is None:
            self.notify("This is the last claim: nothing to merge with", severity="warning")
            return
        self.run_edit(partial(merge_claims, first_id=claim_id, second_id=following))

    def action_add_claim(self) -> None:
        if self.article is None:
            return
        if self.current_id is None:
            self._open_span_picker(0)
        else:
            self.with_current(lambda view: self._open_span_picker(view.claim.end))

    def _open_span_picker(self, start: int) -> None:
        if self.article is None:
            return
        title = "Add a claim: select its span (shift+arrows or the mouse), Enter adds"
        self.app.push_screen(SpanPicker(title, self.article.text, start=start), self._add_span)

    def _add_span(self, span: tuple[int, int] | None) -> None:
        from workbench.services.editing import add_claim

        if span is not None:
            self.run_edit(partial(add_claim, article_ref=self.article_id, start=span[0], end=span[1]))

    def action_delete_claim(self) -> None:
        claim_id = self.current_id
        if claim_id is None:
            return
        row = next(row for row in self.rows if row.id == claim_id)
        if row.label is not None:
            self.notify(
                "This claim has a verdict, which is kept: record a new verdict instead", severity="error"
            )
            return
        question = f"Delete claim {claim_id}? “{row.text[:120]}”"
        self.app.push_screen(ConfirmDialog(question), partial(self._delete, claim_id))

    def _delete(self, claim_id: int, answer: bool | None) -> None:
        from workbench.services.editing import delete_claim

        if answer:
            self.run_edit(partial(delete_claim, claim_id=claim_id))

    def run_edit(self, edit: Callable[..., EditResult]) -> None:
        """Run an editing service in a thread; a refusal or bad input becomes a notification."""
        origin = self.current_id
        self.run_worker(
            partial(self._edit_worker, edit, origin),
            name=f"edit of claim {origin}",  # a failure stays shown until an edit of it succeeds
            group="edit",
            thread=True,
            exit_on_error=False,
        )

    def _edit_worker(self, edit: Callable[..., EditResult], origin: int | None) -> None:
        try:
            result = edit(cast("WorkbenchApp", self.app).workspace)
        except (ValueError, LookupError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        select_id = result.claims[0].id if result.claims else None
        done = [f"claim {c.id}" for c in result.claims] + [f"claim {i} removed" for i in result.removed]
        for note in [f"{result.action}: {', '.join(done)}", *result.notes]:
            self.app.call_from_thread(self.notify, note)
        self.app.call_from_thread(self.load_claims, select_id, origin)


def _fields(changes: ClaimChanges) -> dict[str, Any]:
    return {
        k: v
        for k, v in (("statement", changes.statement), ("kind", changes.kind), ("speaker", changes.speaker))
        if v is not None
    }
