"""The claim extractor: article text in, atomic claims with exact spans out.

Pure: no database, no network, no UI. Offsets are code-point indices into ``text`` exactly as
given, so ``text[c.start:c.end] == c.text`` for every claim.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from workbench import settings
from workbench.claims.attributions import find_attributions, find_titled_names
from workbench.claims.boilerplate import content_end, is_boilerplate, is_heading, is_headline
from workbench.claims.decompose import TRIM_CHARS, split_clauses
from workbench.claims.describe import describe_claim as describe_claim  # re-exported for services
from workbench.claims.drafts import Draft, Mentions, build_claim, mention_span
from workbench.claims.english_joins import (
    join_bare_quote_clauses,
    only_describes,
    widest,
    with_sources_kept,
    without_rest_of_no_fact,
)
from workbench.claims.people import PeopleIndex
from workbench.claims.quote_speakers import is_speech, quote_speakers, says_when
from workbench.claims.segment import Line, QuoteRegion, find_quotes, split_lines, split_sentences, trim
from workbench.claims.spans import SpanIndex, span_index
from workbench.claims.speakers import TRAILING_SOURCE_RE
from workbench.domain import ExtractedClaim
from workbench.language.dates import find_dates, find_vague_times
from workbench.language.identify import detect_language
from workbench.language.numbers import find_numbers


@dataclass(slots=True)
class _Context:
    text: str
    people: PeopleIndex
    date_spans: SpanIndex[tuple[int, int]]
    english: bool = False
    time_spans: SpanIndex[tuple[int, int]] | None = None

    def dates_near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The date spans that touch ``text[start:end]``: all a clause split looks at."""
        return self.date_spans.overlapping(start, end)

    def times_near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of times without a day ("last year", "in 1968") touching ``text[start:end]``."""
        return self.time_spans.overlapping(start, end) if self.time_spans is not None else []


class ArticleTooLong(ValueError):
    """A text past the extraction size cap; the message says how long and what the cap is."""


def check_length(text: str) -> None:
    """Refuse (ArticleTooLong) a text longer than the cap: extraction time grows with the text."""
    cap = settings.max_article_chars()
    if len(text) > cap:
        raise ArticleTooLong(
            f"the article has {len(text):,} characters; claim extraction takes at most {cap:,} "
            "(WORKBENCH_MAX_ARTICLE_CHARS)"
        )


def extract_claims(
    text: str, lang: str | None = None, article_date: dt.date | None = None
) -> list[ExtractedClaim]:
    """Atomic claims of a news article, in document order.

    ``lang`` is "id" or "en" (detected when None); ``article_date`` gives year-less dates
    their year and resolves bare weekdays. Boilerplate lines are skipped. A text longer than
    ``settings.max_article_chars()`` raises :class:`ArticleTooLong` before any work is done.
    """
    check_length(text)
    language = lang if lang in ("id", "en") else detect_language(text)
    found_dates = find_dates(text, language, article_date)
    date_spans = [(d.start, d.end) for d in found_dates]
    vague_times = find_vague_times(text)
    found_numbers = find_numbers(text, language, date_spans)
    all_lines = split_lines(text)
    lines = [
        replace(line, end=content_end(text, line.content_start, line.end))
        for line in all_lines
        if not (is_boilerplate(text[line.start : line.end]) or is_heading(text[line.start : line.end]))
    ]
    # the headline above the byline is no claim
    if len(all_lines) > 1 and lines and lines[0].start == all_lines[0].start:
        first, second = all_lines[0], all_lines[1]
        if is_headline(text[first.start : first.end], text[second.start : second.end]):
            lines = lines[1:]
    people = PeopleIndex()
    for line in lines:
        for attribution in find_attributions(text, line.content_start, line.end):
            people.add(attribution.name, attribution.role)
        for name in find_titled_names(text, line.content_start, line.end):
            people.add(name)
    context = _Context(text, people, span_index(date_spans), language == "en", span_index(vague_times))
    drafts: list[Draft] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        # "The building now has:" before bullets is no claim of its own, unless it counts them.
        intro = following is not None and following.bullet and text[line.end - 1] == ":"
        drafts.extend(_line_drafts(context, line, intro, following))
    translate = statement_drafter(language)
    mentions = Mentions(
        SpanIndex(found_dates, mention_span), SpanIndex(found_numbers, mention_span), span_index(vague_times)
    )
    claims: list[ExtractedClaim] = []
    seen: set[tuple[int, int]] = set()
    for draft in sorted(drafts, key=lambda d: (d.start, d.end)):
        claim = build_claim(text, draft, mentions, translate, language == "en")
        if claim is not None and (claim.start, claim.end) not in seen:
            seen.add((claim.start, claim.end))
            claims.append(claim)
    return claims


def _line_drafts(
    context: _Context, line: Line, intro: bool = False, lookahead: Line | None = None
) -> list[Draft]:
    text = context.text
    regions = [r for r in find_quotes(text, line.content_start, line.end) if is_speech(text, r)]
    sentences = split_sentences(text, line.content_start, line.end)
    speakers, aside_spans = quote_speakers(
        text, context.people, context.english, line.content_start, regions, sentences, lookahead
    )
    asides = _Asides(aside_spans)
    # quotations do not overlap, so their ends are in order too
    region_ends = [r.end for r in regions]
    drafts: list[Draft] = []
    for sentence_start, sentence_end in sentences:
        if _is_question(text, sentence_start, sentence_end, regions):
            continue
        if asides.covering(sentence_start, sentence_end):
            drafts.append(Draft(sentence_start, sentence_end, "aside", context.people.last_speaker))
            continue
        position = sentence_start
        last_speaker: str | None = None
        # the quotations this sentence touches: the first one ending after its start, and on
        for number in range(bisect_right(region_ends, sentence_start), len(regions)):
            region, speaker = regions[number], speakers[number]
            if region.start >= sentence_end:
                break
            if region.start > position:
                drafts.extend(_narration(context, position, region.start - 1, line, intro, asides, speaker))
            quote_start, quote_end = max(sentence_start, region.start), min(sentence_end, region.end)
            dates = context.dates_near(quote_start, quote_end)
            times = context.times_near(quote_start, quote_end)
            clauses = split_clauses(text, quote_start, quote_end, dates, context.english, times)
            if context.english:
                clauses = join_bare_quote_clauses(context, clauses)
            for clause in clauses:
                drafts.append(Draft(clause.start, clause.end, "quote", speaker))
            position = min(sentence_end, region.end + 1)
            last_speaker = speaker
        if position < sentence_end:
            drafts.extend(_narration(context, position, sentence_end, line, intro, asides, last_speaker))
    return drafts


_SOURCE_ONLY = re.compile(
    r"(?:(?i:the|an?)\s+)?(?:[\w'’&-]+\s+){0,5}(?:said|says|added|reported|announced|told\s+reporters)$"
)


def _is_question(text: str, start: int, end: int, regions: list[QuoteRegion]) -> bool:
    """A sentence of narration that asks ("What happens next?") states no fact; a quoted
    question stays: that someone asked it can be checked."""
    if not text[start:end].rstrip().endswith("?"):
        return False
    return not any(r.start < end and start < r.end for r in regions)


class _Asides:
    """The attributions around one paragraph's quotations (spans, in the order found)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.index = SpanIndex(range(len(spans)), spans.__getitem__)

    def covering(self, start: int, end: int) -> bool:
        """Whether one aside holds all of ``[start, end)``."""
        spans = (self.spans[number] for number in self.index.overlapping(start, end))
        return any(a_start <= start and end <= a_end for a_start, a_end in spans)

    def first_meeting(self, start: int, end: int) -> tuple[int, int] | None:
        """The first aside (in the order found) that begins inside ``[start, end)`` or holds ``start``."""
        for number in sorted(self.index.overlapping(start, end)):
            aside_start, aside_end = self.spans[number]
            if start <= aside_start < end or aside_start <= start < aside_end:
                return aside_start, aside_end
        return None


def _narration(
    context: _Context,
    start: int,
    end: int,
    line: Line,
    intro: bool,
    asides: _Asides,
    speaker: str | None,
) -> list[Draft]:
    text = context.text
    meeting = asides.first_meeting(start, end)
    if meeting is not None:
        aside_start, aside_end = meeting
        if trim(text, start, aside_start, TRIM_CHARS)[0] < aside_start:
            # "Anton Weiss, ..., which represents about 2,100 households, said ...": the words
            # before an aside that begins inside the span are narration
            before = _narration(context, start, aside_start, line, intro, asides, speaker)
            return before + _narration(context, aside_start, end, line, intro, asides, speaker)
        # "said Jane Roe, the charity's director": the role is a claim even in an aside.
        roles = [
            Draft(a.start, a.end, "attribution") for a in widest(context, find_attributions(text, start, end))
        ]
        aside_start, aside_end = max(start, aside_start), min(end, aside_end)
        if context.english and says_when(text, aside_start, aside_end):
            return roles
        return [*roles, Draft(aside_start, aside_end, "aside", speaker)]
    attributions = [a for a in find_attributions(text, start, end) if a.end <= end]
    if attributions:
        # "Ketua RT 05, Sri Lestari, mengatakan ..." makes her the "-nya" of the next quotation.
        context.people.last_speaker = attributions[-1].name
    drafts = [Draft(a.start, a.end, "attribution") for a in widest(context, attributions)]
    source = TRAILING_SOURCE_RE.search(text, start, end)
    # "..., with the loss of roughly 3,100 jobs, according to the regional statistics office": in
    # English a closing "according to" with no date of its own says where the clause before it
    # comes from and stays with it ("according to a survey published on Friday" is cut)
    kept_source = (
        source is not None
        and context.english
        and re.match(r",\s+according\s+to\b", text[source.start() : end]) is not None
        and not context.dates_near(source.start(), end)
    )
    sentence_end = end
    if source is not None and _words(text, start, source.start()) >= 4:
        # "..., the regional environment agency said in a report on Friday.": the source
        # line is a claim of its own only when it carries a date or a number.
        if not kept_source:
            drafts.append(Draft(source.start(), end, "aside", speaker))
        end = source.start()
    role = "list-item" if line.bullet else "aside" if intro else None
    clauses = split_clauses(
        text, start, end, context.dates_near(start, end), context.english, context.times_near(start, end)
    )
    if kept_source and clauses and clauses[-1].end == trim(text, start, end, TRIM_CHARS)[1]:
        clauses[-1] = replace(clauses[-1], end=trim(text, start, sentence_end, TRIM_CHARS)[1])
    if context.english and role is None:
        clauses = without_rest_of_no_fact(context, with_sources_kept(context, clauses))
    for c in clauses:
        # "..., the Transport Workers' Union said, threatening ...": a source left alone by a cut is
        # an aside, a claim only with a date or a figure
        source_only = context.english and _SOURCE_ONLY.match(text, c.start, c.end) is not None
        # an attribution inside the clause is a claim of its own too ("Holt, who founded the company
        # in 2004, added that ..."): its date or figure does not decide the clause's kind
        held = tuple(
            (a.start, a.end)
            for a in attributions
            if c.start <= a.start and a.end <= c.end and context.english
        )
        inner = c.inner + held if (c.start, c.end) not in held else c.inner
        if context.english and role is None and c.role is None and only_describes(context, attributions, c):
            continue
        drafts.append(Draft(c.start, c.end, "aside" if source_only else c.role or role, inner=inner))
    return drafts


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def statement_drafter(language: str) -> Callable[[str], str]:
    if language != "id":
        return lambda claim_text: claim_text
    try:
        from workbench.language.lexicon import draft_english
    except ImportError:  # the lexicon is optional; the Indonesian text is an honest fallback
        return lambda claim_text: claim_text

    def drafter(claim_text: str) -> str:
        try:
            return draft_english(claim_text) or claim_text
        except Exception:  # a broken lexicon must not stop extraction
            return claim_text

    return drafter
