"""The JSONL batch protocol shared by ``rank --batch`` and ``anchor --batch`` (documented in the README):
one JSON object per input line, one answer line per non-blank input line, in input order; a line
that is not a JSON object (nor UTF-8, nor at most ``MAX_LINE_BYTES`` long) gets
``{"id": null, "error": ...}`` and the run goes on."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

Answer = Callable[[dict[str, Any]], dict[str, Any]]

# A longer line is answered with an error and skipped unread: a request's text is bounded by
# WORKBENCH_TEXT_CAP characters (settings.text_cap), which even escaped as JSON fits many times.
MAX_LINE_BYTES = 16 * 1024 * 1024


def read_lines(handle: BinaryIO, limit: int | None = None) -> Iterator[str | BadLine]:
    """The lines of ``handle`` decoded as UTF-8, holding at most ``limit`` (default
    ``MAX_LINE_BYTES``) bytes of one line in memory; a longer line, or one that is not UTF-8,
    comes as a :class:`BadLine`."""
    limit = MAX_LINE_BYTES if limit is None else limit
    while raw := handle.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := handle.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                pass  # the rest of the long line, read and dropped
            yield BadLine(f"line longer than {limit:,} bytes")
            continue
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield BadLine(f"not UTF-8 at byte {exc.start}")


@dataclass(frozen=True, slots=True)
class BadLine:
    """An input line answered with an error without being parsed."""

    error: str

    def answer(self) -> str:
        return json.dumps({"id": None, "error": self.error})


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
    except RecursionError:
        return {"id": None, "error": "not JSON this reader takes: nested too deeply"}
    except ValueError as error:  # a number with more digits than Python converts
        return {"id": None, "error": f"not JSON this reader takes: {str(error).split(';')[0]}"}
    if not isinstance(request, dict):
        return {"id": None, "error": "a line must be a JSON object"}
    return answer(request)
