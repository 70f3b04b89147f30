"""What a report holds, independent of its format: plain data, built by ``services/reports.py``.

A claim is named for a reader by the article's own words (``ClaimEntry.text``). Its English
``statement`` is set only when a checker confirmed it; an unreviewed machine draft is kept apart
in ``machine_draft`` so no format can present it as a statement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workbench.provenance import SnapshotProvenance


@dataclass(frozen=True, slots=True)
class CheckEntry:
    """The latest re-verification of a pinned passage: intact, moved, edited, orphaned or gone."""

    status: str
    checked_at: dt.datetime


@dataclass(frozen=True, slots=True)
class EvidenceEntry:
    """A passage of a source's copy; ``start``/``end`` index that copy's extracted text."""

    id: int
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    score: float
    pinned: bool
    source_url: str
    source_title: str | None
    source_language: str | None
    snapshot_id: int
    snapshot: SnapshotProvenance  # the copy the quote was read from: live or archived
    copy_url: str  # where that copy was fetched (an archived copy: the archive's address for it)
    archive_record: str | None  # file name of the WARC record in the evidence archive
    warc_record_id: str | None  # the record's WARC-Record-ID, when the archive file could be read
    check: CheckEntry | None = None


@dataclass(frozen=True, slots=True)
class VerdictEntry:
    id: int
    label: str
    rationale: str  # the checker's words (an import's origin note is split off into imported_from)
    checker: str
    decided_at: dt.datetime
    evidence_id: int | None
    imported_from: str | None = None  # the ClaimReview a verdict was imported from (its url)
    imported_by: str | None = None  # the organisation that published that ClaimReview


@dataclass(frozen=True, slots=True)
class SuggestionEntry:
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    id: int
    number: int  # 1-based place in the article's reading order
    kind: str
    text: str  # the article's own words: text == article_text[start:end]
    start: int
    end: int
    statement: str | None  # the English statement a checker confirmed; None otherwise
    machine_draft: str | None  # an unreviewed machine statement; None once confirmed
    speaker: str | None
    state: str  # unchecked, checked, stale
    verdict: VerdictEntry | None
    history: list[VerdictEntry] = field(default_factory=list)  # oldest first; the last is current
    evidence: EvidenceEntry | None = None  # the passage the current verdict pinned
    suggestion: SuggestionEntry | None = None  # only for unchecked claims, only when asked for


@dataclass(frozen=True, slots=True)
class SourceEntry:
    id: int
    url: str
    title: str | None
    author: str | None
    language: str | None
    last_outcome: str | None
    snapshot: SnapshotProvenance | None = None  # the copy matching reads, when there is one
    copy_url: str | None = None
    archive_record: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    article_id: int
    slug: str | None
    title: str
    language: str  # the article's language
    date: dt.date | None
    url: str | None  # the article's own address, when it came from the web
    content_sha256: str  # of the article text: with a claim's span it names a review in any database
    generated_at: dt.datetime
    lang: str = "en"  # the report's language: headings and label names (en or id)
    organisation: str | None = None  # WORKBENCH_ORG
    review_url_template: str | None = None  # WORKBENCH_REVIEW_URL
    include_suggestions: bool = False
    sources: list[SourceEntry] = field(default_factory=list)
    claims: list[ClaimEntry] = field(default_factory=list)

    @property
    def judged(self) -> list[ClaimEntry]:
        return [c for c in self.claims if c.verdict is not None]

    @property
    def unchecked(self) -> list[ClaimEntry]:
        return [c for c in self.claims if c.verdict is None]

    @property
    def checkers(self) -> list[str]:
        """Who decided the current verdicts, in order of first appearance."""
        names = [c.verdict.checker for c in self.judged if c.verdict and c.verdict.checker]
        return list(dict.fromkeys(names))

    @property
    def checked_dates(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day a current verdict was decided (UTC)."""
        days = sorted(c.verdict.decided_at.date() for c in self.judged if c.verdict)
        return (days[0], days[-1]) if days else None

    @property
    def outlet(self) -> str | None:
        """The outlet as its web address names it (host without ``www.``), when the article has one."""
        from urllib.parse import urlsplit

        if not self.url:
            return None
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.") or None

    def tally(self) -> dict[str, int]:
        """Label id (or ``unchecked``) -> number of claims."""
        counts: dict[str, int] = {}
        for claim in self.claims:
            key = claim.verdict.label if claim.verdict else "unchecked"
            counts[key] = counts.get(key, 0) + 1
        return counts
