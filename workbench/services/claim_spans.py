"""What a hand-chosen span of an article says: its text, kind, numbers, dates and draft statement.

The extractor's own rules and parsers (``workbench.claims``) describe the span, so a claim made
by hand reads exactly like an extracted one. Offsets are code-point indices into the article text.
"""

from __future__ import annotations

from workbench.claims import extract_claims
from workbench.claims.extract import describe_claim, statement_drafter  # the extractor's own rules
from workbench.claims.segment import find_quotes, split_lines, trim
from workbench.domain import ClaimKind, ExtractedClaim
from workbench.language.dates import find_dates, find_vague_times
from workbench.language.identify import detect_language
from workbench.language.numbers import find_numbers
from workbench.storage.models import Article

# Kinds that come from where a span stands (inside quotation marks, in a list, naming a role)
# rather than from what it contains; an edited span keeps them.
CONTEXT_KINDS = frozenset({ClaimKind.QUOTE, ClaimKind.LIST_ITEM, ClaimKind.ATTRIBUTION})


def parse_kind(value: str) -> ClaimKind:
    try:
        return ClaimKind(value)
    except ValueError:
        known = ", ".join(k.value for k in ClaimKind)
        raise ValueError(f"unknown kind {value!r} (known: {known})") from None


def checked_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` validated against ``text`` (0 ≤ start < end ≤ len) and trimmed of whitespace."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is not inside the article (0 ≤ start < end ≤ {len(text)})")
    start, end = trim(text, start, end)
    if start >= end:
        raise ValueError(f"span {start}-{end} holds only whitespace")
    return start, end


def _language(article: Article) -> str:
    return article.language if article.language in ("id", "en") else detect_language(article.text)


def describe_span(
    article: Article,
    start: int,
    end: int,
    *,
    role: ClaimKind | None = None,
    kind: ClaimKind | None = None,
    speaker: str | None = None,
) -> ExtractedClaim:
    """A claim for ``article.text[start:end]`` (already checked and trimmed).

    ``role`` is a context kind (quote, list-item, attribution) the span keeps; ``kind`` forces the
    kind. Otherwise the extractor's first-rule-that-applies order decides, with numbers and dates
    parsed over the whole text (years and "lalu" need their context) and kept when inside the span.
    """
    text, lang = article.text, _language(article)
    found_dates = find_dates(text, lang, article.date)
    all_date_spans = [(d.start, d.end) for d in found_dates]
    numbers = [
        n.mention for n in find_numbers(text, lang, all_date_spans) if start <= n.start and n.end <= end
    ]

    def describe(who: str | None) -> ExtractedClaim:
        return describe_claim(
            text, start, end, role=str(role) if role else None, kind=kind, speaker=who,
            found_dates=found_dates, numbers=numbers, vague_times=find_vague_times(text),
        )  # fmt: skip

    claim = describe(speaker)
    if speaker and claim.kind is not ClaimKind.QUOTE:
        claim = describe(None)  # only a quote has a speaker, in its score too
    claim.statement = statement_drafter(lang)(claim.text)
    return claim


def guess_span(article: Article, start: int, end: int, kind: ClaimKind | None = None) -> ExtractedClaim:
    """Describe a new span the way extraction would: the extractor's own claim when it found
    exactly this span; otherwise the span's context (inside a quotation, a bullet line, an
    extracted list item) gives its role and a quotation's speaker."""
    text = article.text
    found = extract_claims(text, _language(article), article.date)
    same = next((c for c in found if (c.start, c.end) == (start, end)), None)
    if same is not None and (kind is None or kind is same.kind):
        return same
    overlapping = [c for c in found if c.start < end and start < c.end]
    role: ClaimKind | None = None
    speaker = next((c.speaker for c in overlapping if c.kind is ClaimKind.QUOTE and c.speaker), None)
    line = next((ln for ln in split_lines(text) if ln.start <= start and end <= ln.end), None)
    if line is not None:
        # A selection may include the quotation marks themselves.
        quoted = any(
            r.start - 1 <= start and end <= r.end + 1 for r in find_quotes(text, line.content_start, line.end)
        )
        if quoted:
            role = ClaimKind.QUOTE
        elif line.bullet or any(c.kind is ClaimKind.LIST_ITEM for c in overlapping):
            role = ClaimKind.LIST_ITEM
    return describe_span(article, start, end, role=role, kind=kind, speaker=speaker)


def find_text(text: str, needle: str) -> tuple[int, int]:
    """The span of ``needle`` in ``text``; an error when it is absent or occurs more than once."""
    if not needle:
        raise ValueError("the text to find is empty")
    found: list[int] = []
    at = text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    if not found:
        raise ValueError(f"{needle!r} does not occur in the article")
    if len(found) > 1:
        listed = ", ".join(str(i) for i in found[:10])
        raise ValueError(f"{needle!r} occurs {len(found)} times (at {listed}); give --start and --end")
    return found[0], found[0] + len(needle)
