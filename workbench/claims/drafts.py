"""Whether a candidate span becomes a claim, and of what kind.

A :class:`Draft` is a span the extractor proposes, with its role (quotation, list item,
attribution, aside or narration), its speaker and the clauses inside it that are claims of their
own. :func:`build_claim` trims it, drops what checks nothing (a bare aside, a span too short for
its role, a transition, a view with no figure, date or time in English) and describes the rest,
with the article's dates, figures and times (:class:`Mentions`) that fall inside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workbench.claims.decompose import TRIM_CHARS
from workbench.claims.describe import claim_kind, close_inner_quote, describe_claim
from workbench.claims.segment import trim
from workbench.claims.spans import SpanIndex
from workbench.claims.worthiness import states_no_fact
from workbench.domain import ClaimKind, ExtractedClaim
from workbench.language.dates import FoundDate
from workbench.language.numbers import FoundNumber


@dataclass(frozen=True, slots=True)
class Draft:
    """A candidate claim span before kinds and mentions are worked out.

    ``role`` is "quote", "list-item", "attribution", "aside" (an attribution line around a
    quotation: a claim only when it carries a date or a number) or None (narration). ``inner``
    are clauses inside the span that are claims of their own ("which start at $4.50"): their
    figures and dates do not decide this span's kind."""

    start: int
    end: int
    role: str | None = None
    speaker: str | None = None
    inner: tuple[tuple[int, int], ...] = ()


# "Not everyone is convinced.": a short sentence about unnamed people that leads to the next
# speaker states no fact of its own.
_TRANSITION = re.compile(
    r"^(?:not\s+(?:everyone|everybody|all)|no\s+one|nobody)\b(?:\s+\S+){0,3}$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Mentions:
    """The article's dates, numbers and vague times, found once, looked up per claim."""

    dates: SpanIndex[FoundDate]
    numbers: SpanIndex[FoundNumber]
    vague_times: SpanIndex[tuple[int, int]]


def mention_span(found: FoundDate | FoundNumber) -> tuple[int, int]:
    """Where a found date or figure sits in the text: the key :class:`Mentions` indexes it by."""
    return found.start, found.end


def build_claim(
    text: str,
    draft: Draft,
    mentions: Mentions,
    translate: Callable[[str], str],
    english: bool = False,
) -> ExtractedClaim | None:
    start, end = trim(text, draft.start, draft.end, TRIM_CHARS)
    if end < len(text) and text[end] == ")" and text[start:end].count("(") > text[start:end].count(")"):
        end += 1
    end = close_inner_quote(text, start, end)
    if start >= end:
        return None
    span = text[start:end]
    dates = mentions.dates.within(start, end)
    numbers = [n.mention for n in mentions.numbers.within(start, end)]
    date_mentions = [d.mention for d in dates if d.mention is not None]
    vague_times = mentions.vague_times.within(start, end)
    # "..., said Ellen Okoro, who took over the club in January": an aside is a claim with a date,
    # a figure or a time without a day
    if draft.role == "aside" and not (date_mentions or numbers or vague_times):
        return None
    minimum = 2 if draft.role in ("attribution", "list-item") else 3
    if draft.role == "quote" and not (date_mentions or numbers):
        minimum = 4  # "That is football.": a three-word quotation without a figure checks nothing
    # "..., which has struggled as carmakers shift ...": in English a relative cut down to its verb
    # with no figure, date or time says nothing of its own
    relative = re.match(r"(?:which|who|where)\s", span) is not None
    if english and relative and draft.role is None and not (date_mentions or numbers or vague_times):
        minimum = 4
    if draft.role is None and not (date_mentions or numbers) and _TRANSITION.match(span):
        return None
    # "Few of them expect the next summer to be any kinder": a time without a day does not make
    # what unnamed people expect, or the rest of a question, a fact (``timed``); a date does,
    # except to a mood (``dated``). Figures, dates and times inside a clause cut out as a claim
    # of its own ("At the harbour, where more than 120 boats are registered, the mood ... was
    # grim") are that clause's, not this one's.
    if english and draft.role is None:
        outer_numbers = [n for n in mentions.numbers.within(start, end) if _outside(draft, mention_span(n))]
        outer_dates = [d for d in dates if d.mention is not None and _outside(draft, mention_span(d))]
        outer_times = [v for v in vague_times if _outside(draft, v)]
        if not outer_numbers and states_no_fact(span, timed=bool(outer_times), dated=bool(outer_dates)):
            return None
    if len(span.split()) < minimum:
        return None
    claim = describe_claim(
        text, start, end, role=draft.role, speaker=draft.speaker, found_dates=dates,
        numbers=numbers, vague_times=vague_times, kind=_kind_outside(text, draft, start, end, mentions),
    )  # fmt: skip
    claim.statement = translate(span)
    return claim


def _outside(draft: Draft, span: tuple[int, int]) -> bool:
    """Whether ``span`` lies in none of the draft's inner clauses (claims of their own)."""
    return not any(s <= span[0] and span[1] <= e for s, e in draft.inner)


def _kind_outside(text: str, draft: Draft, start: int, end: int, mentions: Mentions) -> ClaimKind | None:
    """The kind of a span holding clauses that are claims of their own, counting only the dates,
    figures and times outside them; None (the usual rule) when it holds none."""
    if not draft.inner:
        return None

    def outside(span: tuple[int, int]) -> bool:
        return not any(s <= span[0] and span[1] <= e for s, e in draft.inner)

    return claim_kind(
        text[start:end],
        draft.role,
        has_date=any(
            d.mention is not None and outside(mention_span(d)) for d in mentions.dates.within(start, end)
        ),
        has_time=any(outside(v) for v in mentions.vague_times.within(start, end)),
        has_number=any(outside(mention_span(n)) for n in mentions.numbers.within(start, end)),
    )
