"""JSONL batch ranking: one claim per input line, one ranking per output line, in input order.

Input line: ``{"id": ..., "claim": "...", "passages": ["...", ...], "claim_lang": "id"|"en",
"statement": "..."}`` (the last two optional). Output line: ``{"id": ..., "ranking": [{"index": i,
"score": s, "parts": {...}, "start": a, "end": b}, ...]}`` best first, ``index`` 0-based into that
line's passages, ``start``/``end`` the matched span inside the passage. A malformed line gives
``{"id": ..., "error": "..."}`` and the run goes on. With an embedder (the ``semantic`` extra) each
ranking's parts carry ``semantic`` too; every distinct text is embedded once per process.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from workbench.jsonl import answer_lines
from workbench.matching.rank import PassageIndex

if TYPE_CHECKING:
    from workbench.matching.semantic import SemanticSimilarity

_CACHE_SIZE = 64  # distinct passage lists kept prepared at once


class _IndexCache:
    """Prepared passage lists by their exact content, least recently used dropped first."""

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[str, ...], PassageIndex] = OrderedDict()

    def get(self, passages: tuple[str, ...]) -> PassageIndex:
        index = self.entries.get(passages)
        if index is None:
            index = self.entries[passages] = PassageIndex(passages)
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)
        else:
            self.entries.move_to_end(passages)
        return index


def rank_batch(
    lines: Iterable[str], top: int = 5, semantic: SemanticSimilarity | None = None
) -> Iterator[str]:
    """Rank every JSONL request line; yields one JSON line (no newline) per non-blank input line.
    ``semantic`` (e.g. :func:`workbench.matching.semantic.load_embedder`) adds embedding similarity."""
    cache = _IndexCache()
    return answer_lines(lines, lambda request: _answer(request, cache, top, semantic))


def _answer(
    request: dict[str, Any], cache: _IndexCache, top: int, semantic: SemanticSimilarity | None
) -> dict[str, Any]:
    ident = request.get("id")
    problem = _validate(request)
    if problem:
        return {"id": ident, "error": problem}
    index = cache.get(tuple(request["passages"]))
    ranking = index.rank(
        request["claim"],
        claim_lang=request.get("claim_lang"),
        statement=request.get("statement"),
        top=top,
        semantic=semantic,
    )
    return {
        "id": ident,
        "ranking": [
            {"index": r.index, "score": r.score, "parts": r.parts, "start": r.start, "end": r.end}
            for r in ranking
        ],
    }


def _validate(request: dict[str, Any]) -> str | None:
    claim = request.get("claim")
    if not isinstance(claim, str) or not claim.strip():
        return '"claim" must be a non-empty string'
    passages = request.get("passages")
    if not isinstance(passages, list) or not all(isinstance(p, str) for p in passages):
        return '"passages" must be a list of strings'
    if request.get("claim_lang") not in (None, "id", "en"):
        return '"claim_lang" must be "id" or "en"'
    statement = request.get("statement")
    if statement is not None and not isinstance(statement, str):
        return '"statement" must be a string'
    return None
