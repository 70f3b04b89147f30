"""JSONL batch drafting: the contract of ``workbench statements --batch IN.jsonl``.

Input line: ``{"id": ..., "text": "..."}`` (Indonesian text, typically one sentence). Output line,
in input order: ``{"id": ..., "statement": "..."}``, the English draft claim extraction would store
for that text. A malformed line gives ``{"id": ..., "error": "..."}`` and the run goes on, as for
``rank --batch`` (the shared protocol of :mod:`workbench.jsonl`); so does a ``text`` longer than
``WORKBENCH_TEXT_CAP`` characters. Blank lines are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from workbench import settings
from workbench.jsonl import answer_lines


def statements_batch(lines: Iterable[str]) -> Iterator[str]:
    """Draft an English statement for every JSONL request line; yields one JSON line (no newline)
    per non-blank input line."""
    return answer_lines(lines, _answer)


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    from workbench.language.draft import draft_english

    ident = request.get("id")
    text = request.get("text")
    if not isinstance(text, str) or not text.strip():
        return {"id": ident, "error": '"text" must be a non-empty string'}
    cap = settings.text_cap()
    if len(text) > cap:
        return {
            "id": ident,
            "error": f'"text" has {len(text):,} characters; at most {cap:,} (WORKBENCH_TEXT_CAP)',
        }
    return {"id": ident, "statement": draft_english(text) or text}
