"""Whether a claim's numbers and dates agree with a source passage's.

The parsing is the language layer's, the same as the claim list's (:mod:`workbench.language.numbers`,
:mod:`workbench.language.dates`): "hampir 20" is "less than 20, nearly" in both, and "minggu" (a
week) is never Sunday. Here only the comparison: values in comparable units, qualifiers, notes.
"""

from __future__ import annotations

import math

from workbench.language.dates import CalendarDate, calendar_dates, find_dates
from workbench.language.numbers import FoundNumber, comparable, describe, find_numbers

Quantity = FoundNumber

__all__ = [
    "CalendarDate",
    "Quantity",
    "compare_dates",
    "compare_quantities",
    "describe",
    "extract_dates",
    "extract_quantities",
]


def extract_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Quantities in ``text``, leaving out years and the numbers of dates."""
    dates = [(d.start, d.end) for d in find_dates(text, lang)]
    return find_numbers(text, lang, dates)


def extract_dates(text: str, lang: str = "en") -> list[CalendarDate]:
    """Day-and-month dates and weekdays of ``text`` (numeric dates read d/m/y, or m/d/y in English)."""
    return calendar_dates(text, lang)


def compare_quantities(
    claim: list[Quantity], source: list[Quantity]
) -> tuple[list[str], list[str], list[str]]:
    """(agreements, qualifier differences, conflicts) as notes "claim: X — source: Y".

    A claim number agrees with a source number of the same unit and value; a different qualifier on
    the same value ("20" vs "more than 20") is a qualifier difference. A claim number with no equal
    source number conflicts with the closest source number of the same unit that no claim number
    accounts for: a passage that states the claim's other figure ("30 MW ... 1.5 billion" against
    "1.5 billion") does not contradict the first one, it only does not mention it.
    """
    if not source:  # most passages state no figure: nothing agrees, nothing conflicts
        return [], [], []
    agreements, qualifiers, conflicts = [], [], []
    accounted = {id(s) for s in source for number in claim if _same_value(s, number)}
    for number in claim:
        unit = comparable(number)[0]
        same_unit = [s for s in source if comparable(s)[0] == unit]
        equal = [s for s in same_unit if _same_value(s, number)]
        note = "claim: {} — source: {}"
        if any(_same_qualifier(s, number) for s in equal):
            agreements.append(describe(number))
        elif equal:
            qualifiers.append(note.format(describe(number), describe(equal[0])))
        else:
            unpaired = [s for s in same_unit if id(s) not in accounted]
            if unpaired:
                value = comparable(number)[1]
                closest = min(unpaired, key=lambda s: abs(comparable(s)[1] - value))
                conflicts.append(note.format(describe(number), describe(closest)))
    return agreements, qualifiers, conflicts


def _qualifier(found: Quantity) -> str:
    # "hampir 20" is close to 20: it reports a "20" or "about 20" faithfully
    return "about" if found.near else found.mention.qualifier


def _same_qualifier(first: Quantity, second: Quantity) -> bool:
    # "about 20" reports "20" faithfully; "more than 20" does not. A vague amount ("puluhan", more
    # than ten) is judged by its order of magnitude alone (see _same_value).
    a, b = _qualifier(first), _qualifier(second)
    return a == b or {a, b} <= {"exact", "about"} or first.vague or second.vague


def _same_value(first: Quantity, second: Quantity) -> bool:
    """Same unit and value: within 0.5%, or 12% when either is loose ("nearly a third" and "30
    percent" agree; "19" and "20" do not); a vague amount ("puluhan", "dozens") takes any value
    of its order of magnitude."""
    unit_a, a = comparable(first)
    unit_b, b = comparable(second)
    if unit_a != unit_b:
        return False
    if first.vague and second.vague:
        return math.floor(math.log10(a)) == math.floor(math.log10(b))
    if first.vague or second.vague:
        low, other = (a, b) if first.vague else (b, a)
        return low <= other < 10 * low
    loose = (
        first.approximate
        or second.approximate
        or first.near
        or second.near
        or "about" in (first.mention.qualifier, second.mention.qualifier)
    )
    tolerance = 0.12 if loose else 0.005
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


def compare_dates(claim: list[CalendarDate], source: list[CalendarDate]) -> tuple[list[str], list[str]]:
    """(agreements, conflicts) between the claim's dates and a source passage's."""
    if not source:
        return [], []
    agreements, conflicts = [], []
    for date in claim:
        if date.weekday is not None:
            others = [s for s in source if s.weekday is not None]
            if any(s.weekday == date.weekday for s in others):
                agreements.append(date.text)
            elif others:
                conflicts.append(f"claim: {date.text} — source: {others[0].text}")
            continue
        others = [s for s in source if s.month is not None]
        if any(s.month == date.month and s.day == date.day for s in others):
            agreements.append(date.text)
        elif others:
            conflicts.append(f"claim: {date.text} — source: {others[0].text}")
    return agreements, conflicts
