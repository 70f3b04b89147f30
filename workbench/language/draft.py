"""English drafts of Indonesian sentences: the lexicon chooses the words, these rules the order.

A draft is what a checker reviews as a claim's English statement; it is a reading aid, not a
translation. docs/statements.md lists the rules and their figures.
"""

from __future__ import annotations

from workbench.language.lexicon import UnitTranslation, text_of, translate_units


def draft_english(text: str) -> str:
    """A word-by-word English draft of Indonesian ``text``: the first sense of every known word or
    phrase; names, numbers, acronyms and unknown words kept as written; punctuation kept in place."""
    pieces: list[str] = []
    cursor = 0
    for unit in translate_units(text):
        pieces.append(text[cursor : unit.start])
        pieces.append(_weekday(text, unit) or _render(unit))
        cursor = unit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _weekday(text: str, unit: UnitTranslation) -> str | None:
    """ "Minggu" is Sunday only where the dates module reads a weekday ("pada Minggu, 5 Maret");
    "minggu lalu" stays a week."""
    if len(unit.tokens) != 1 or unit.tokens[0].key != "minggu":
        return None
    from workbench.language.dates import weekday_at

    if weekday_at(text, unit.start, unit.end) == 6:
        return "Sunday"
    return "Week" if unit.tokens[0].is_capitalised else "week"


def _render(unit: UnitTranslation) -> str:
    first = unit.tokens[0]
    if not unit.english or first.is_number or (len(unit.tokens) == 1 and first.is_acronym):
        return text_of(unit)
    word = unit.english[0]
    if first.is_capitalised and word[:1].islower():
        word = word[:1].upper() + word[1:]
    return word
