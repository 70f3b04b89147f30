"""The detail pane: a claim in its paragraph, its verdict, and its best evidence passages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from workbench.labels import display_name
from workbench.tui.text import highlighted, plain, words_highlighted

if TYPE_CHECKING:  # the suggestions module imports fetching and matching: loaded by the workers
    from workbench.services.claim_details import ClaimView, EvidenceView
    from workbench.services.suggestions import Suggestion


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph (line) holding ``text[start:end]`` and the span's offsets inside it."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last == -1 else last
    if last > end and text[last - 1] == "\r":  # CRLF: the CR belongs to the line break
        last -= 1
    return text[first:last], start - first, end - first


def _matched_words(parts: dict[str, Any]) -> list[str]:
    for key in ("matched_words", "matched", "words"):
        value = parts.get(key)
        if isinstance(value, list):
            return [str(w) for w in value]
    return []


def _parts_line(parts: dict[str, Any]) -> str:
    shown = []
    for key, value in parts.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            shown.append(f"{key} {value:.0f}")
    notes = []
    for key in ("conflicts", "notes"):
        value = parts.get(key)
        if isinstance(value, list):
            notes += [str(v) for v in value]
    line = " · ".join(shown)
    return line + (("  ⚠ " + "; ".join(notes)) if notes else "")


def evidence_block(number: int, ev: EvidenceView) -> RenderableType:
    head = Text(f"#{number}  score {ev.score:.0f}  ", style="bold")
    head.append_text(plain(ev.source_url, "underline"))
    if ev.pinned:
        head.append("  [pinned]", style="bold yellow")
    # which copy the passage was read from: an archive's copy must never pass for a live fetch
    copy = Text("   ")
    copy.append_text(plain(ev.snapshot.describe(), "bold magenta" if ev.snapshot.archived else "dim"))
    body = Text("…")
    body.append_text(plain(ev.prefix, "dim"))
    body.append_text(words_highlighted(ev.quote, _matched_words(ev.parts)))
    body.append_text(plain(ev.suffix, "dim"))
    body.append("…")
    return Group(head, copy, plain(_parts_line(ev.parts), "italic"), body, Text(""))


class ClaimDetail(VerticalScroll):
    """Shows one claim. ``show`` takes the data; the widget does no IO."""

    shown_claim: int | None = None
    """The id of the claim the pane shows (None while one is loading)."""
    _shown: tuple[ClaimView, Suggestion | None] | None = None  # what the pane was last given

    def compose(self) -> Any:
        yield Static("Select a claim.", id="claim-detail-body")

    def show_loading(self, claim_id: int) -> None:
        """The pane while the claim's view is on its way (a jump far down the table)."""
        self.shown_claim, self._shown = None, None
        self.query_one("#claim-detail-body", Static).update(Text(f"Claim {claim_id} · loading…", style="dim"))

    def show(self, view: ClaimView, article_text: str, suggestion: Suggestion | None = None) -> None:
        if self._shown is not None and self._shown[0] is view and self._shown[1] is suggestion:
            return  # shown already (a table's load shows its cursor's claim, then the highlight)
        self._shown = (view, suggestion)
        claim = view.claim
        self.shown_claim = claim.id
        paragraph, start, end = paragraph_around(article_text, claim.start, claim.end)
        parts: list[RenderableType] = [
            Text(f"Claim {claim.id} · {claim.kind} · check-worthiness {claim.score}", style="bold"),
            highlighted(paragraph, [(start, end)], "bold reverse"),
            Text(""),
            Text("Statement" + (" (machine draft)" if claim.statement_is_draft else ""), style="bold cyan"),
            plain(claim.statement or "—"),
        ]
        facts = []
        if claim.speaker:
            facts.append(f"speaker: {claim.speaker}")
        facts += [f"number: {n.get('text')} → {n.get('qualifier')} {n.get('value')}" for n in claim.numbers]
        facts += [f"date: {d.get('text')} → {d.get('date')}" for d in claim.dates]
        if claim.reasons:
            facts.append("why check: " + ", ".join(claim.reasons))
        parts += [plain(f) for f in facts]
        parts.append(Text(""))
        if view.verdict:
            verdict = view.verdict
            line = Text("Verdict: ", style="bold cyan")
            line.append(display_name(verdict.label), style="bold")
            line.append_text(plain(f"  by {verdict.checker}, {verdict.created_at:%Y-%m-%d %H:%M} UTC"))
            parts.append(line)
            if verdict.rationale:
                parts.append(plain(verdict.rationale, "italic"))
        else:
            parts.append(Text("Verdict: not yet checked", style="bold cyan"))
        if suggestion is not None and view.verdict is None:  # never beside a checker's verdict
            line = Text("Suggested: ", style="bold magenta")
            line.append(display_name(suggestion.label), style="bold")
            line.append_text(plain(f" — {suggestion.reason} (v highlights it; you choose)"))
            parts.append(line)
        parts.append(Text(""))
        parts.append(Text("Evidence", style="bold cyan"))
        if view.evidence:
            parts += [evidence_block(i, ev) for i, ev in enumerate(view.evidence, start=1)]
        else:
            parts.append(
                Text("No passage above the floor. Fetch the sources (f) or check by hand.", style="dim")
            )
        self.query_one("#claim-detail-body", Static).update(Group(*parts))
        self.scroll_home(animate=False)
