"""What a claim span says by the extractor's rules: its kind, dates, numbers and
check-worthiness. Used for extracted and hand-made claims alike."""

from __future__ import annotations

from workbench.claims.attributions import IS_ROLE_RE
from workbench.claims.worthiness import score_claim
from workbench.domain import ClaimKind, ExtractedClaim, NumberMention
from workbench.language.dates import FoundDate


def describe_claim(
    text: str,
    start: int,
    end: int,
    *,
    role: str | None,
    speaker: str | None,
    found_dates: list[FoundDate],
    numbers: list[NumberMention],
    vague_times: list[tuple[int, int]],
    kind: ClaimKind | None = None,
) -> ExtractedClaim:
    """The claim ``text[start:end]`` makes, by the extractor's rules: its kind (first rule that
    applies, unless ``kind`` is given), dates and numbers inside the span, check-worthiness with
    reasons. ``role`` is where the span stands (quote, list-item, attribution, aside...). The
    statement is left empty for the caller to draft. Used for extracted and hand-made claims alike."""
    span = text[start:end]
    dates = [d for d in found_dates if start <= d.start and d.end <= end]
    date_mentions = [d.mention for d in dates if d.mention is not None]
    vague = [text[s:e] for s, e in vague_times if start <= s and e <= end]
    if kind is None:
        kind = claim_kind(
            span, role, has_date=bool(date_mentions), has_time=bool(vague), has_number=bool(numbers)
        )
    score, reasons = score_claim(span, kind, numbers, date_mentions, speaker)
    reasons.extend(d.note for d in dates if d.note)
    reasons.extend(f"time without a day: {v}" for v in vague)
    return ExtractedClaim(
        start=start,
        end=end,
        text=span,
        kind=kind,
        statement="",
        statement_is_draft=True,
        speaker=speaker if kind is ClaimKind.QUOTE or role == "aside" else None,
        numbers=numbers,
        dates=date_mentions,
        score=score,
        reasons=reasons,
    )


def close_inner_quote(text: str, start: int, end: int) -> int:
    """Keep the closing mark of a short quotation inside a claim: 'were "painful but necessary."'."""
    span = text[start:end]
    for opening, closing in (('"', '"'), ("“", "”")):
        opened = span.count(opening) - span.count(closing) if opening != closing else span.count('"') % 2
        if opened > 0:
            found = text.find(closing, end, min(len(text), end + 3))
            if found >= 0:
                return found + 1
    return end


def claim_kind(span: str, role: str | None, *, has_date: bool, has_time: bool, has_number: bool) -> ClaimKind:
    """The first rule that applies: quote, list-item, date, number, attribution, event. A
    calendar date (``has_date``) makes a date claim; a time without a day ("in 1968", "next
    spring": ``has_time``) only when no figure is there to check."""
    has_date = has_date or (has_time and not has_number)
    if role == "quote":
        return ClaimKind.QUOTE
    if role == "list-item":
        return ClaimKind.LIST_ITEM
    if has_date:
        return ClaimKind.DATE
    if has_number:
        return ClaimKind.NUMBER
    if role == "attribution" or IS_ROLE_RE.match(span):
        return ClaimKind.ATTRIBUTION
    return ClaimKind.EVENT
