"""Upper bounds of a passage's score, and ranking above an evidence floor without scoring every passage.

A passage's bound comes from the cheap parts of its score (word overlaps, names found, the semantic
part) with the costly ones (character alignment, quote exactness, numbers and dates) taken at their
most; passages whose bound cannot reach the floor, or the ``top`` scores already found, are never
scored. The result is exactly the full ranking cut at the floor (docs/semantic.md, "Ranking above
the evidence floor").
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from workbench.matching.agreement import FIGURE_WEIGHT, blend
from workbench.matching.scoring import ALIGNMENT_GATE, ALIGNMENT_WEIGHT, RECALL_WEIGHT, SEMANTIC_WEIGHT

if TYPE_CHECKING:
    from workbench.matching.prepared import PreparedPassage
    from workbench.matching.scoring import ClaimQuery, ScoredPassage
    from workbench.matching.terms import ClaimTerm

# What a score's rounding to one decimal can add to it, with room for the float error of adding up
# a bound in another order: a passage whose upper bound is this far under a floor cannot reach it.
BOUND_SLACK = 0.1


def upper_bound(query: ClaimQuery, position: int, semantic: float | None = None) -> float:
    """A score :meth:`ClaimQuery.score_only` cannot exceed for passage ``position``, from the cheap parts only:
    the word overlaps, the names found and ``semantic`` are exact; character alignment and
    quote exactness are taken at 100, and so are the numbers and dates parts when the passage
    states any; no opposite-sense penalty. Each step of the score grows with each of its
    parts, so the bound holds (up to the rounding :data:`BOUND_SLACK` allows for)."""
    passage = query.index.passage(position)
    overlap = _overlap_only(query, query.terms, query.term_weights, passage, query.hits, position)
    english_overlap = overlap
    if query.statement_terms:
        english_overlap = _overlap_only(
            query, query.statement_terms, query.statement_weights, passage, query.statement_hits, position
        )
    names = sum(1 for term in query.names if not term.keys.isdisjoint(passage.key_set))
    # a passage's numbers and dates are read only when the claim has some (then once a passage)
    entity = _entity_bound(
        query, names, bool(query.quantities and passage.quantities), bool(query.dates and passage.dates)
    )
    return _bound(_lexical_bound(query, overlap, english_overlap), semantic, entity)


def _overlap_only(
    query: ClaimQuery,
    terms: list[ClaimTerm],
    weights: list[float],
    passage: PreparedPassage,
    hits: dict[int, tuple[float, set[str]]] | None,
    position: int,
) -> float:
    """:meth:`ClaimQuery.overlap`'s value alone; from ``hits`` without copying the matched words."""
    if hits is None or not terms:
        return query.overlap(terms, weights, passage, hits, position)[0]
    found_keys = hits.get(position)
    if found_keys is None:
        return 0.0
    found, keys = found_keys
    total = 0.0
    for weight in weights:
        total += weight
    explained = sum(weight for key, weight in passage.content_weights if key in keys) if keys else 0
    return 100 * (RECALL_WEIGHT * (found / total) + (1 - RECALL_WEIGHT) * (explained / passage.content_total))


def _quick_overlaps(query: ClaimQuery) -> tuple[dict[int, float], dict[int, float]]:
    """Per passage holding a claim word (a statement word): at least :func:`_overlap_only`, from
    the weight found alone, the share of the passage's words explained taken as 1."""
    found: list[dict[int, float]] = []
    for weights, hits in (
        (query.term_weights, query.hits),
        (query.statement_weights, query.statement_hits),
    ):
        total = 0.0
        for weight in weights:
            total += weight
        found.append(
            {
                position: 100 * (RECALL_WEIGHT * (weight / total) + (1 - RECALL_WEIGHT))
                for position, (weight, _) in (hits or {}).items()
            }
            if total
            else {}
        )
    return found[0], found[1]


def _lexical_bound(query: ClaimQuery, overlap: float, english_overlap: float) -> float:
    """The lexical part :meth:`ClaimQuery.score_only` would compute from these overlaps, with character
    alignment and quote exactness at 100."""
    lexical = overlap
    if query.english_lowered:
        aligned = 100.0 * min(1.0, english_overlap / ALIGNMENT_GATE)
        english = (1 - ALIGNMENT_WEIGHT) * english_overlap + ALIGNMENT_WEIGHT * aligned
        lexical = english if query.lang == "en" else (overlap + english) / 2
    if query.quotes:
        lexical = (lexical + 100.0) / 2
    return lexical


def _entity_bound(query: ClaimQuery, names: int, numbers: bool, dates: bool) -> float | None:
    """The most :func:`entity_agreement` can give a passage holding ``names`` of the claim's
    names: its names part as it is, its numbers and dates parts at 100 when the passage states
    any number or date (``numbers``, ``dates``), else 0: nothing there can agree or conflict."""
    if not query.has_entities:
        return None
    scores: list[tuple[float, float]] = []
    if query.names:
        scores.append((round(100 * names / len(query.names), 1), 1.0))
    if query.quantities:
        scores.append((100.0 if numbers else 0.0, FIGURE_WEIGHT))
    if query.dates:
        scores.append((100.0 if dates else 0.0, FIGURE_WEIGHT))
    return sum(score * weight for score, weight in scores) / sum(weight for _, weight in scores)


def _bound(lexical: float, semantic: float | None, entity: float | None) -> float:
    wording = lexical if semantic is None else (1 - SEMANTIC_WEIGHT) * lexical + SEMANTIC_WEIGHT * semantic
    return blend(wording, entity)


def score_bounded(
    query: ClaimQuery, positions: list[int], similar: list[float] | list[None], floor: float, top: int
) -> list[ScoredPassage]:
    """The passages of ``positions`` scoring at least ``floor``, as many as the best ``top`` of
    them need (all when ``top`` <= 0). Passages are scored in the order of their
    :func:`upper_bound`, highest first; one whose bound is under the floor, or under the
    ``top``-th score found so far, cannot be among them and is not scored (``similar`` holds
    each passage's semantic part, or None)."""
    # With the postings, a passage holding none of the claim's words has overlaps of 0 and no
    # name of it: its bound depends only on its semantic part and on whether it states a
    # number or a date. Most such passages fail even with both (the first test below).
    found: set[int] | None = None
    if query.hits is not None and query.statement_hits is not None:
        found = set(query.hits) | set(query.statement_hits)
    wordless = _lexical_bound(query, 0.0, 0.0)
    most = _entity_bound(query, 0, True, True)
    by_parts: dict[tuple[float | None, bool, bool], float] = {}
    hopeless: dict[float | None, bool] = {}  # semantic part -> no wordless passage can reach the floor
    quick = _quick_overlaps(query) if found is not None else None
    every_name = _entity_bound(query, len(query.names), True, True)
    bounds: list[tuple[float, int, float | None]] = []
    for position, sim in zip(positions, similar, strict=True):
        if found is None or position in found:
            if quick is not None:
                # first with the precision halves of the overlaps at their most (1) and every
                # name found: most passages sharing a word or two fail already
                overlap = quick[0].get(position, 0.0)
                english = quick[1].get(position, 0.0) if query.statement_terms else overlap
                at_most = _lexical_bound(query, overlap, english)
                if _bound(at_most, sim, every_name) + BOUND_SLACK < floor:
                    continue
            bound = upper_bound(query, position, sim)
        else:
            skip = hopeless.get(sim)
            if skip is None:
                skip = hopeless[sim] = _bound(wordless, sim, most) + BOUND_SLACK < floor
            if skip:
                continue
            passage = query.index.passage(position)
            key = (sim, bool(query.quantities and passage.quantities), bool(query.dates and passage.dates))
            if (bound := by_parts.get(key, -1.0)) < 0:
                bound = by_parts[key] = _bound(wordless, sim, _entity_bound(query, 0, key[1], key[2]))
        if bound + BOUND_SLACK >= floor:
            bounds.append((bound, position, sim))
    bounds.sort(key=lambda item: (-item[0], item[1]))
    kept: list[ScoredPassage] = []
    best: list[float] = []  # the ``top`` highest scores so far, as a min-heap
    for bound, position, sim in bounds:
        if top > 0 and len(best) == top and best[0] >= bound + BOUND_SLACK:
            break  # this passage and every one after it score below the top ones found
        item = query.score_only(position, sim)
        if item.score < floor:
            continue
        kept.append(item)
        if top > 0:
            if len(best) < top:
                heapq.heappush(best, item.score)
            elif item.score > best[0]:
                heapq.heapreplace(best, item.score)
    return kept
