"""The JSONL batch protocol shared by ``rank --batch`` and ``anchor --batch`` (documented in the README):
one JSON object per input line, one answer line per non-blank input line, in input order; a line
that is not a JSON object gets ``{"id": null, "error": ...}`` and the run goes on."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Answer = Callable[[dict[str, Any]], dict[str, Any]]


def answer_lines(lines: Iterable[str], answer: Answer) -> Iterator[str]:
    """``answer`` each request line; yields one JSON line (no newline) per non-blank input line."""
    for line in lines:
        if line.strip():
            yield json.dumps(answer_line(line, answer), ensure_ascii=False)


def answer_line(line: str, answer: Answer) -> dict[str, Any]:
    try:
        request = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"not JSON: {error.msg} at column {error.colno}"}
    if not isinstance(request, dict):
        return {"id": None, "error": "a line must be a JSON object"}
    return answer(request)
