"""What a report holds, independent of its format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from workbench.provenance import SnapshotProvenance


@dataclass(frozen=True, slots=True)
class EvidenceEntry:
    quote: str
    source_url: str
    score: float
    fetched_at: datetime
    pinned: bool
    snapshot: SnapshotProvenance  # the copy the quote was read from: live or archived


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    id: int
    kind: str
    text: str
    statement: str
    start: int
    end: int
    label: str | None
    label_name: str | None
    rationale: str
    checker: str | None
    decided_at: datetime | None
    state: str
    evidence: EvidenceEntry | None
    speaker: str | None = None
    # "label — reason": the tool's suggestion, only for claims no checker has judged
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class SourceEntry:
    url: str
    title: str | None
    last_outcome: str | None
    fetched_at: datetime | None
    snapshot: SnapshotProvenance | None = None  # the copy matching reads, when there is one


@dataclass(frozen=True, slots=True)
class Report:
    article_id: int
    title: str
    language: str
    date: date | None
    generated_at: datetime
    url: str | None = None  # the article's own address, when it came from the web
    sources: list[SourceEntry] = field(default_factory=list)
    claims: list[ClaimEntry] = field(default_factory=list)

    def tally(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for claim in self.claims:
            key = claim.label or "unchecked"
            counts[key] = counts.get(key, 0) + 1
        return counts
