"""Agreement of a claim's names, numbers and dates with a passage, and how it joins the score.

The entity part (0-100) weighs names 1 and figures ``FIGURE_WEIGHT``; it takes ``ENTITY_WEIGHT`` of
a passage's score, in proportion to the wording the passage shares with the claim
(``ENTITY_GATE``), so a passage that only repeats a figure or a name cannot outrank the one that
says what the claim says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workbench.matching.quantities import CalendarDate, Quantity, compare_dates, compare_quantities
from workbench.matching.terms import ClaimTerm

if TYPE_CHECKING:
    from workbench.matching.prepared import PreparedPassage

ENTITY_WEIGHT = 0.35  # share of the score given to names/numbers/dates agreement
# Wording (0-100) from which that share counts in full; below, in proportion. A translation often
# says a figure its own way ("turun separuh": "halved"; "kelas lima": "fifth-graders"), which the
# numbers part cannot see: ungated, "Five candidates stood" (wording 11, numbers agree) outranked
# the right translation (wording 46) for an Indonesian sentence about fifth-graders. Parallel set,
# tuning half, against ~940 English sentences: recall@1 0.989 ungated, 0.995 at 20 and 30, 0.989
# at 40; English dev sets unchanged (docs/semantic.md).
ENTITY_GATE = 30.0
# Weight of numbers and of dates within that share, names counting 1. A source's sentences share its
# names (the subject), while a figure singles one sentence out: a reporter's "Halvorsen will hire 240
# people at its Kelbridge factory" rests on "The plant will create about 240 jobs", not on the lead
# naming Halvorsen and Kelbridge. Reports set, evidence first: 0.600 at 1, 0.667 at 1.5, 0.711 at 2,
# 0.756 at 3, the other sets unchanged; from 2 up a figure that merely agrees ("protected more than
# 20 organizations") outranks the passage that contradicts the claim ("19 destructive attacks"),
# which would turn a contradiction into a suggested "supported" (tests/matching/test_match_rank.py).
FIGURE_WEIGHT = 1.5
# Credit of a number or date that conflicts with the claim's, as a share of an agreeing one. For an
# English claim none, so a near miss giving another figure ranks no higher than a passage giving none
# (it is still found, and shown); an Indonesian claim's wording, read through the lexicon, scores low,
# and there the figure is what finds the contradicting passage (at 0 the Contoso case loses one of its two).
CONFLICT_CREDIT = {"en": 0.0, "id": 0.3}


def entity_agreement(
    names: Sequence[ClaimTerm],
    quantities: Sequence[Quantity],
    dates: Sequence[CalendarDate],
    lang: str,
    passage: PreparedPassage,
    parts: dict[str, Any],
) -> float | None:
    """Agreement of the claim's ``names`` (terms), ``quantities`` and ``dates`` with ``passage``,
    0-100 (None when the claim has none); notes in ``parts``: names, numbers, dates (0-100),
    agreements, conflicts, qualifiers. ``lang`` is the claim's, "id" or "en"."""
    scores: list[tuple[float, float]] = []  # (score, weight)
    if names:
        found = [term.surface for term in names if not term.keys.isdisjoint(passage.key_set)]
        parts["names"] = round(100 * len(found) / len(names), 1)
        scores.append((parts["names"], 1.0))
    agreements: list[str] = []
    conflicts: list[str] = []
    if quantities:
        agree, qualifier, conflict = compare_quantities(list(quantities), passage.quantities)
        agreements += agree
        conflicts += conflict
        if qualifier:
            parts["qualifiers"] = qualifier
        credit = len(agree) + 0.5 * len(qualifier) + CONFLICT_CREDIT[lang] * len(conflict)
        parts["numbers"] = round(100 * credit / len(quantities), 1)
        scores.append((parts["numbers"], FIGURE_WEIGHT))
    if dates:
        agree, conflict = compare_dates(list(dates), passage.dates)
        agreements += agree
        conflicts += conflict
        parts["dates"] = round(100 * (len(agree) + CONFLICT_CREDIT[lang] * len(conflict)) / len(dates), 1)
        scores.append((parts["dates"], FIGURE_WEIGHT))
    parts["agreements"] = agreements
    parts["conflicts"] = conflicts
    if not scores:
        return None
    return sum(score * weight for score, weight in scores) / sum(weight for _, weight in scores)


def blend(wording: float, entity: float | None) -> float:
    """The score before any penalty: ``wording`` (0-100) blended with the ``entity`` part (0-100,
    or None when the claim has no name, number or date), which counts in full from ``ENTITY_GATE``."""
    if entity is None:
        return wording
    return (1 - ENTITY_WEIGHT) * wording + ENTITY_WEIGHT * entity * min(1.0, wording / ENTITY_GATE)
