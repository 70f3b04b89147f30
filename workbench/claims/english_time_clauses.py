"""Which English time clauses ("when ...", "before ...", "after ...", "until ...") are dated
events of their own.

A "when" clause with a figure or a time of day and a verb (:func:`when_cuts`), and a "before",
"after" or "until" clause with its own subject and a verb in the past that carries a figure, a
date or a time (:func:`time_clause_cuts`), are cut from the sentence before them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.claims.english_words import (
    AUXILIARIES,
    WORD,
    has_verb,
    is_past,
    next_comma,
)
from workbench.language.dates import find_vague_times
from workbench.language.numbers import find_numbers

# "ended after three days when Skyline raised its offer to 6 percent": a dated event of its own.
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\b\.?|p\.m\b\.?|am\b|pm\b)", re.IGNORECASE)
_WHEN = re.compile(r"(?<!,)\s+(?=when\s+\w)")
# "... was home to about 200 people before its residents were moved out in the 1950s", "... put up
# fences after two people had to be pulled from soft ground": a time clause with its own subject
# and verb is a dated event of its own.
_TIME_CLAUSE = re.compile(r"(?<!,)\s+(?=(?:before|after|until)\s+\w)")
_CLAUSE_OPENERS = frozenset(
    "when which who whom whose that because as while if and but or where so than".split()  # noqa: SIM905
)
_QUALIFYING_WORDS = frozenset("at least more than about nearly almost around roughly over some".split())  # noqa: SIM905
_SUBJECT_OPENERS = frozenset(
    """the a an its their his her our this that these those some many most all two three four five
    six seven eight nine ten he she it they we""".split()  # noqa: SIM905
)


def when_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cuts before a "when" clause of ``text[start:end]`` with a figure or a time of its own."""
    cuts: list[tuple[int, int]] = []
    for match in _WHEN.finditer(text, start, end):
        close = next_comma(text, match.end(), end)
        # a figure (a year is none: "when a survey was carried out in 2009" dates the one before)
        # or a time of day ("when it struck the tree shortly before 7 a.m.")
        timed = find_numbers(text, "en", (), match.end(), close) or _CLOCK.search(text, match.end(), close)
        if timed and has_verb(text, match.end(), close):
            cuts.append((match.start(), match.start() + 1))  # "... after three days when X raised ..."
    return cuts


def time_clause_cuts(
    text: str, start: int, end: int, dates: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Cuts before a past time clause of ``text[start:end]`` that carries a fact of its own;
    ``dates`` are the article's date spans."""
    cuts: list[tuple[int, int]] = []
    for match in _TIME_CLAUSE.finditer(text, start, end):
        # four words at least before it: "The effect held after the researchers took account of
        # weight" is one finding
        left_words = len(text[start : match.start()].split())
        # "leaked solvents ... from early 2021 until it was sealed in November 2023": the other end
        # of one stretch of time opened by "from", not an event of its own
        if re.search(r"\bfrom\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+$", text[start : match.start()]):
            continue
        # ", almost three weeks after it first detected the breach": an amount of time opening its
        # phrase belongs to the clause ("sold in the last two years after ..." is cut as before)
        amounts = find_numbers(text, "en", (), max(start, match.start() - 30), match.start())
        if amounts and amounts[-1].end == match.start() and amounts[-1].unit == "duration":
            opening = text[start : amounts[-1].start].rstrip()
            if not opening or opening.endswith(","):
                continue
        # "... for several minutes before the ship's drencher system was switched on": a time
        # clause with no figure, date or time of its own says when the first thing happened
        clause = text[match.end() : end]
        factless = (
            not find_numbers(text, "en", (), match.end(), end)
            and re.search(r"\d", clause) is None  # "in the 23rd minute"
            and not any(match.end() <= s < end for s, _ in dates)
            and not find_vague_times(clause)
        )
        if (
            left_words >= 4
            and not factless
            and _opens_past_clause(text, match.end(), end)
            and has_verb(text, start, match.start())
        ):
            cuts.append((match.start(), match.start() + 1))
    return cuts


def _opens_past_clause(text: str, position: int, end: int) -> bool:
    """Whether the conjunction at ``position`` ("after", "before") opens a clause in the past: a
    subject (a determiner, a pronoun, a number, a name) and a past verb within its next six words,
    before any word opening another clause ("after three days when Skyline raised ..." is none)."""
    words = WORD.findall(text[position:end])[1:10]
    while words and words[0].lower() in _QUALIFYING_WORDS:
        words = words[1:]  # "after at least 11 of their batteries caught fire"
    if not words:
        return False
    first = words[0]
    if not (first.lower() in _SUBJECT_OPENERS or first[0].isdigit() or first[0].isupper()):
        return False
    for word in words[1:7]:
        lowered = word.lower()
        if lowered in _CLAUSE_OPENERS:
            return False
        if lowered in ("was", "were", "had", "did") or (word.islower() and is_past(word)):
            return True
        if lowered in AUXILIARIES:
            return False  # "before the budget is set": a verb group in the present or future
    return False
