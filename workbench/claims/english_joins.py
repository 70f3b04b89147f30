"""Which English clauses cut from one sentence go back together, and which are no claims.

The clause rules (:mod:`workbench.claims.decompose`) cut wherever a clause could carry a fact of
its own; these rules, run by the extractor on English narration and quotations, undo the cuts that
leave pieces a fact-checker has nothing to check in: a quoted second predicate or lead-in with no
figure, date, time or name (:func:`join_bare_quote_clauses`), an undated "according to" between
two clauses (:func:`with_sources_kept`), the rest of a sentence whose first clause states no fact
(:func:`without_rest_of_no_fact`); and they drop an attribution's second form that adds nothing
(:func:`widest`, :func:`only_describes`).
"""

from __future__ import annotations

import re
from typing import Protocol

from workbench.claims.attributions import Attribution
from workbench.claims.decompose import Clause
from workbench.claims.english_words import WORD, base_verb, is_finite
from workbench.claims.worthiness import states_no_fact
from workbench.language.numbers import find_numbers


class ClauseContext(Protocol):
    """What these rules read of the article: its text and the dates and times near a span."""

    text: str

    def dates_near(self, start: int, end: int) -> list[tuple[int, int]]: ...

    def times_near(self, start: int, end: int) -> list[tuple[int, int]]: ...


def carries_fact(context: ClauseContext, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds something a fact-checker can look up: a figure, a date
    or a time, or a name (a capitalised word after the first, "I" aside)."""
    text = context.text
    if (
        find_numbers(text, "en", (), start, end)
        or context.dates_near(start, end)
        or context.times_near(start, end)
    ):
        return True
    words = re.findall(r"[\w'’-]+", text[start:end])[1:]
    return any(word[0].isupper() and word != "I" and not word.startswith("I'") for word in words)


# Words that open a clause as its subject or a phrase before it, never as a bare verb.
_NOT_BARE_VERBS = frozenset(
    """the a an its their his her our my your this that these those some all any every each no more
    most many few several about nearly almost around roughly we they he she it i you there here then
    now so also still even just only not never always""".split()  # noqa: SIM905
)


def _opens_with_verb(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with a verb and no subject of its own: a finite verb
    ("hoped someone knew"), or a bare verb under the modal or "is" before it ("make sure every
    landlord ...") whose next word is no verb (in "demand has barely moved" the first word is the
    subject)."""
    words = WORD.findall(text[start:end])[:2]
    if not words:
        return False
    if is_finite(words[0]):
        return True
    return (
        len(words) == 2
        and base_verb(words[0])
        and words[0] not in _NOT_BARE_VERBS
        and not is_finite(words[1])
        and not words[1].endswith("s")
    )


def join_bare_quote_clauses(context: ClauseContext, clauses: list[Clause]) -> list[Clause]:
    """In a quotation, a second predicate of the same subject that carries no fact of its own
    ("We just watched the smoke getting thicker and hoped someone knew what they were doing",
    "What we can do is stop the council adding to the pressure, and make sure ...") goes back to
    the clause before it: the speaker's sentence is one claim. So does any clause after ", and" or
    ", but" whose clause before holds no fact: with a fact of its own ("The mayor's cap is welcome,
    but it does nothing for the 44,000 households ...") it is what the lead-in leads to; with none
    ("Cutting routes buys time, but it does not fix the model") neither half has anything to check
    apart from the other, and the speaker's sentence stays whole, as annotators who never read
    these rules mark it."""
    text = context.text
    joined: list[Clause] = []
    for clause in clauses:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and _plain_pair(previous, clause)
            and (
                # ", and" / ", but" after a clause with no fact
                (
                    re.fullmatch(r"\s*,\s*(?:and|but)\s*", text[previous.end : clause.start]) is not None
                    and not carries_fact(context, previous.start, previous.end)
                )
                # a second predicate with no fact of its own
                or (
                    _opens_with_verb(text, clause.start, clause.end)
                    and re.fullmatch(r"[\s,]*(?:and|but)\s*", text[previous.end : clause.start]) is not None
                    and not carries_fact(context, clause.start, clause.end)
                )
            )
        ):
            joined[-1] = Clause(previous.start, clause.end)
            continue
        joined.append(clause)
    return joined


def _plain_pair(previous: Clause, clause: Clause) -> bool:
    """Two clauses the joins may put together: neither has a role nor sits inside another."""
    return previous.role is None and clause.role is None and not previous.inner and not clause.inner


# ", was blunter", " was more cautious": a copula and a word of manner, the whole predicate
_COPULA_VIEW = re.compile(r",?\s+(?:was|is|were|are)\s+(?:(?:more|less|much|far|even)\s+)?[a-z]+\s*")


def only_describes(context: ClauseContext, attributions: list[Attribution], clause: Clause) -> bool:
    """Whether ``clause`` is an attribution and a copula with one word of manner ("Priya
    Nandakumar, an aviation analyst at Holloway Securities, was blunter", "... was more cautious"):
    it says no more than the attribution, which is a claim of its own, and leads to what the person
    said ("Mayor Elena Ruiz welcomed the result" reports an act and stays)."""
    for attribution in attributions:
        if attribution.start == clause.start and attribution.end < clause.end:
            rest = context.text[attribution.end : clause.end]
            return _COPULA_VIEW.fullmatch(rest) is not None
    return False


def with_sources_kept(context: ClauseContext, clauses: list[Clause]) -> list[Clause]:
    """An undated "according to" cut off between commas goes back to the clause before it, as a
    closing one stays with it ("Its market share slipped to 27.8 percent in the 12 weeks to February
    22, according to retail analysts at Corvane Research, while ...")."""
    text = context.text
    kept: list[Clause] = []
    for clause in clauses:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.role is None
            and clause.role is None
            and re.match(r"according\s+to\s", text[clause.start : clause.end]) is not None
            and re.fullmatch(r"\s*,\s*", text[previous.end : clause.start]) is not None
            and not context.dates_near(clause.start, clause.end)
        ):
            kept[-1] = Clause(previous.start, clause.end, inner=previous.inner + clause.inner)
            continue
        kept.append(clause)
    return kept


def widest(context: ClauseContext, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions not held by a longer one that begins where they begin and adds only a
    role: "Councillor Priya Venn" says nothing "Councillor Priya Venn, who chairs the health
    scrutiny committee" does not ("Professor Adaeze Whitcombe, who took up the post in 2022" adds
    a date, and the title stays a claim of its own)."""
    return [
        a
        for a in attributions
        if not any(
            b.start == a.start and b.end > a.end and timeless(context, a.end, b.end) for b in attributions
        )
    ]


def timeless(context: ClauseContext, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds no figure, no date and no time without a day."""
    text = context.text
    return not (
        find_numbers(text, "en", (), start, end)
        or context.dates_near(start, end)
        or context.times_near(start, end)
    )


def without_rest_of_no_fact(context: ClauseContext, clauses: list[Clause]) -> list[Clause]:
    """The clauses of an English sentence of narration whose first clause states no fact
    (:func:`states_no_fact`), without those joined to it by ", and" or ", but" that hold no figure,
    date or time either: "For many people on the islands, the ferry is not a convenience but a
    lifeline, and the memory of that evening has not faded" is one view, not a view and a fact."""
    text = context.text
    if len(clauses) < 2:
        return clauses
    first = clauses[0]
    if first.role is not None or not timeless(context, first.start, first.end):
        return clauses
    if states_no_fact(text[first.start : first.end]) is None:
        return clauses
    kept = [first]
    for number, clause in enumerate(clauses[1:], start=1):
        joined = re.fullmatch(r"\s*,\s*(?:(?:and|but)\s*)?", text[clauses[number - 1].end : clause.start])
        if joined is None or clause.role is not None or not timeless(context, clause.start, clause.end):
            return kept + clauses[number:]
    return kept
