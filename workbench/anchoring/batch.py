"""JSONL batch re-anchoring: the contract of ``workbench anchor --batch IN.jsonl``.

Input line: ``{"id": ..., "selector": {"exact": "...", "prefix": "...", "suffix": "...", "start": n,
"end": n}, "text": "..."}`` with ``exact`` required and the rest of the selector optional; the
selector may also carry ``sentence_before`` and ``sentence_after``, the rest of the quote's own
sentence in the old text (both or neither; see ``TextQuoteSelector``), which tell a corrected
figure from another figure of the same frame beyond the ~32 characters of context. Output
line, in input order: ``{"id": ..., "status": "intact"|"moved"|"edited"|"orphaned", "start": n,
"end": n, "score": s}`` (``start``/``end`` null when orphaned; edited lines also carry
``distance`` and ``diff``). A malformed line gives ``{"id": ..., "error": "..."}`` and the run goes
on, and so does a ``text`` longer than ``WORKBENCH_TEXT_CAP`` characters (what a snapshot may hold).
Blank lines are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from workbench import settings
from workbench.anchoring.reanchor import reanchor_quote
from workbench.anchoring.selectors import TextQuoteSelector
from workbench.jsonl import answer_lines


def anchor_batch(lines: Iterable[str]) -> Iterator[str]:
    """Re-anchor every JSONL request line; yields one JSON line (no newline) per non-blank line."""
    return answer_lines(lines, _answer)


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    ident = request.get("id")
    selector = request.get("selector")
    text = request.get("text")
    if not isinstance(selector, dict):
        return {"id": ident, "error": '"selector" must be an object'}
    if not isinstance(text, str):
        return {"id": ident, "error": '"text" must be a string'}
    cap = settings.text_cap()
    if len(text) > cap:  # what a snapshot may hold: re-anchoring time grows with the text
        return {
            "id": ident,
            "error": f'"text" has {len(text):,} characters; at most {cap:,} (WORKBENCH_TEXT_CAP)',
        }
    problem = _selector_problem(selector)
    if problem:
        return {"id": ident, "error": problem}
    result = reanchor_quote(
        TextQuoteSelector(
            exact=selector["exact"],
            prefix=selector.get("prefix") or "",
            suffix=selector.get("suffix") or "",
            start=selector.get("start"),
            end=selector.get("end"),
            sentence_before=selector.get("sentence_before"),
            sentence_after=selector.get("sentence_after"),
        ),
        text,
    )
    return {"id": ident, **result.as_json()}


def _selector_problem(selector: dict[str, Any]) -> str | None:
    exact = selector.get("exact")
    if not isinstance(exact, str) or not exact.strip():
        return '"selector.exact" must be a non-empty string'
    for key in ("prefix", "suffix", "sentence_before", "sentence_after"):
        if selector.get(key) is not None and not isinstance(selector[key], str):
            return f'"selector.{key}" must be a string'
    if (selector.get("sentence_before") is None) != (selector.get("sentence_after") is None):
        return '"selector.sentence_before" and "selector.sentence_after" come together'
    for key in ("start", "end"):
        value = selector.get(key)
        # bool is an int in Python; true/false are not offsets.
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            return f'"selector.{key}" must be a non-negative integer'
    start, end = selector.get("start"), selector.get("end")
    if start is not None and end is not None and end < start:
        return '"selector.end" must not be before "selector.start"'
    return None
