"""Which English relative clauses state a fact of their own.

A relative that runs to the sentence's end after a clause with its own verb ("... to a former
surgeon who was dismissed after ...") or a non-restrictive one at the end ("the plan, which will
cost $2 billion") is cut off (:func:`who_cuts`, :func:`relative_cuts`); one set off by commas
inside the sentence that carries a figure, a time or a name is a claim of its own while the
sentence stays whole (:func:`embedded_relatives`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.claims.english_words import (
    ADVERB,
    AUXILIARIES,
    WORD,
    base_verb,
    has_verb,
    is_finite,
    is_past,
    next_comma,
    plural_subject,
)
from workbench.language.numbers import find_numbers

# "... to a former surgeon who was dismissed after raising concerns": a relative clause that runs
# to the sentence's end after a clause with its own verb.
_WHO = re.compile(rf"\s+(?=who\s+(?:{ADVERB}\s+)?(?P<verb>[a-z]+)\s)")
# "said children who are driven ... often live further away": the noun right after a reporting
# verb or "that" is a reported clause's subject, and its relative no claim of its own.
_REPORTED_SUBJECT = re.compile(r"\b(?:said|says|say|told\s+\w+|that|because)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+$")
_RELATIVE = re.compile(r",\s+(?=(?:which|where)\s+\w)")
# "the participants, who were aged between 40 and 75, ...": "who" after a common noun (after a
# name it is an attribution's: "Gail Ferris, who has run the café since 1998,").
_SET_OFF = re.compile(r",\s+(?=(?:which|where|(?P<whose>whose)|(?P<who>who))\s+\w|(?P<past>[a-z]{4,})\s+\w)")
_PREPOSITIONS = frozenset(
    "about over of on in at to for from with by into among between around regarding".split()  # noqa: SIM905
)
# ", said Smith on Monday, ...": a reporting verb set off by commas is an aside, not a clause.
_REPORTING_PAST = frozenset(
    "said told added wrote noted stated explained warned argued claimed insisted".split()  # noqa: SIM905
)


def who_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cuts before a relative opened by "who" that runs to the end of ``text[start:end]``."""
    cuts: list[tuple[int, int]] = []
    for match in _WHO.finditer(text, start, end):
        verb_end = match.end("verb")
        verb = match.group("verb")
        # "an argument about who is to blame": "who" after a preposition asks, it does not relate
        before = WORD.findall(text[max(start, match.start() - 20) : match.start()])
        if before and before[-1].lower() in _PREPOSITIONS:
            continue
        singular = _singular_before(text, start, match.start())
        # one person named, or people the relative gives a figure for, with a verb of the plural
        # ("a group of supporters who now own 60 percent of the shares")
        counted = not singular and base_verb(verb) and bool(find_numbers(text, "en", (), verb_end, end))
        if (
            ((singular and is_finite(verb)) or counted)
            and _relative_to_end(text, verb_end, end)
            and has_verb(text, start, match.start())
            and next_comma(text, match.end(), end) == end
            and not _REPORTED_SUBJECT.search(text, start, match.start())
        ):
            cuts.append((match.start(), match.start() + 1))
    return cuts


def relative_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cuts before a "which" or "where" clause that closes ``text[start:end]``."""
    cuts: list[tuple[int, int]] = []
    for match in _RELATIVE.finditer(text, start, end):
        if _past_names(text, next_comma(text, match.end(), end), end) == end:
            cuts.append((match.start(), match.start() + 1))
    return cuts


def _singular_before(text: str, start: int, position: int) -> bool:
    """Whether the noun before "who" names one person ("a surgeon who was dismissed"), not a class
    of people ("people who have done nothing wrong", "those who ...") that the relative defines."""
    words = WORD.findall(text[start:position])
    if not words:
        return False
    noun = words[-1].lower()
    # "every customer who has been affected", "any child who ...": a class, as a plural is
    if any(w.lower() in ("every", "each", "any", "no") for w in words[-3:-1]):
        return False
    return not (plural_subject(noun) or noun in ("those", "anyone", "everyone", "someone", "all"))


def _past_names(text: str, comma: int, end: int) -> int:
    """The first comma at or after ``comma`` that does not open a name set off by commas
    ("which the airport's contractor, Skyline Services, made last month")."""
    while comma < end:
        close = next_comma(text, comma + 1, end)
        words = text[comma + 1 : close].split()
        if close == end or not words or len(words) > 4 or not all(w[0].isupper() or w == "&" for w in words):
            return comma
        comma = next_comma(text, close + 1, end)
    return comma


def _relative_to_end(text: str, position: int, end: int) -> bool:
    """Whether the relative clause whose verb ends at ``position`` holds no second verb group
    (an auxiliary after its own: "who were hurt will get ..." is the sentence's subject)."""
    words = WORD.findall(text[position:end])
    return not any(w.lower() in AUXILIARIES for w in words)


def embedded_relatives(
    text: str, start: int, end: int, times: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Clauses set off by commas inside ``text[start:end]`` that carry a figure or a time (a
    date's or a vague time's span in ``times``), each a claim of its own: relative ("The plant,
    which opened in 1968, supplied ...") or participial ("The report, published on Monday, found
    ...")."""
    found: list[tuple[int, int]] = []
    for match in _SET_OFF.finditer(text, start, end):
        past = match.group("past")
        if past is not None and (not is_past(past) or past in _REPORTING_PAST):
            continue
        if match.group("who") is not None:
            before = WORD.findall(text[max(start, match.start() - 30) : match.start()])
            if not before or not before[-1].islower():
                continue
        close = next_comma(text, match.end(), end)
        if close == end or len(text[close:end].split()) < 3:
            continue
        figure = re.search(r"\d", text[match.end() : close]) is not None
        # "The study, which was funded by the National Diabetes Trust, appears ...": a relative
        # naming someone (a name of two capitalised words) states who did what
        named = match.group("past") is None and re.search(
            r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+", text[match.end() : close]
        )
        # "The company, whose headquarters are in Tarlow, employs ...": a fact of its own always
        if match.group("who") is not None:
            # "who" only with a quantity (a year is none): "The mayor, who has lived in the town
            # since 1998, spoke ..." stays one claim
            if find_numbers(text, "en", (), match.end(), close):
                found.append((match.end(), close))
            continue
        if figure or named or match.group("whose") or any(match.end() <= s and e <= close for s, e in times):
            found.append((match.end(), close))
    return found
