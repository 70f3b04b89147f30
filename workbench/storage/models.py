"""SQLModel tables: what must never be lost.

Snapshots, verdicts and fetch attempts are append-only. Timestamps are timezone-aware UTC
(sqlmodel's UTC type refuses naive datetimes on save).
"""

from __future__ import annotations

from datetime import UTC, datetime
from datetime import date as Date
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str | None = Field(default=None, unique=True, index=True)
    title: str = ""
    language: str = "id"
    url: str | None = None
    date: Date | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Claim(SQLModel, table=True):
    # an id is never handed out twice (migration 0007): a removed claim's history stays its own
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    statement: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    statement_is_draft: bool = True
    kind: str = "event"
    speaker: str | None = None
    numbers: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    dates: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    score: int = 0
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    origin: str = "extracted"  # "extracted" or "manual"
    edited: bool = False  # a person changed it: re-extraction keeps it
    position: int = 0
    created_at: datetime = Field(default_factory=utcnow)


class Source(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True)  # as first given: what is fetched
    # the URL's identity (workbench/fetching/urls.py): another spelling of it is the same source
    url_key: str | None = Field(default=None, index=True)
    title: str | None = None
    author: str | None = None
    published: Date | None = None
    language: str | None = None


class ArticleLink(SQLModel, table=True):
    """A link in the main text of an article read from a web page (kept at ingest, so candidate
    sources can be offered offline): the URL, its anchor text and the paragraph around it."""

    __tablename__ = "article_link"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    position: int = 0
    url: str
    url_key: str
    text: str = ""
    context: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class ArticleSource(SQLModel, table=True):
    __tablename__ = "article_source"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    source_id: int = Field(foreign_key="source.id", primary_key=True, ondelete="CASCADE")


class Snapshot(SQLModel, table=True):
    """One distinct content of a source, written only when the payload is new."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    requested_url: str
    final_url: str
    fetched_at: datetime = Field(default_factory=utcnow)
    status: int
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    payload_sha256: str = Field(index=True)
    text_sha256: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    title: str | None = None
    author: str | None = None
    published: str | None = None
    archive_record: str | None = None  # file name of the WARC record in the archive
    archive_name: str | None = None  # for "as of" copies: which archive served it
    memento_datetime: datetime | None = None


class FetchAttempt(SQLModel, table=True):
    __tablename__ = "fetch_attempt"

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    url: str
    attempted_at: datetime = Field(default_factory=utcnow)
    outcome: str  # FetchOutcome
    status: int | None = None
    duration_ms: int = 0
    error: str | None = None
    snapshot_id: int | None = Field(default=None, foreign_key="snapshot.id")


class Evidence(SQLModel, table=True):
    """A claim's passage in a snapshot, as a TextQuoteSelector plus TextPositionSelector."""

    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused (migration 0007)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    snapshot_id: int = Field(foreign_key="snapshot.id", index=True)
    start: int
    end: int
    quote: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str = ""
    suffix: str = ""
    score: float = 0.0
    parts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    rank: int = 0
    method: str = "lexical"
    pinned: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class Verdict(SQLModel, table=True):
    """Append-only: the latest row of a claim is its current verdict."""

    __table_args__ = (Index("ix_verdict_claim_created", "claim_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    label: str
    rationale: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    evidence_id: int | None = Field(default=None, foreign_key="evidence.id")
    checker: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class ClaimEdit(SQLModel, table=True):
    """Who changed a claim, when, and how: the audit trail of hand edits."""

    __tablename__ = "claim_edit"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int | None = Field(default=None, foreign_key="claim.id", index=True, ondelete="SET NULL")
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    action: str  # edit, split, merge, add, delete
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    editor: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class ReverifyRun(SQLModel, table=True):
    """One re-verification pass: when, over what, and its totals."""

    __tablename__ = "reverify_run"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    scope: str = ""  # article id, or "all"
    checker: str = ""


class SourceCheck(SQLModel, table=True):
    """A source's outcome in a run: unchanged, changed, unreachable, gone or error."""

    __tablename__ = "source_check"

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="reverify_run.id", index=True, ondelete="CASCADE")
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    outcome: str
    snapshot_id: int | None = Field(default=None, foreign_key="snapshot.id")
    error: str | None = None


class EvidenceCheck(SQLModel, table=True):
    """Where a pinned quote was found again (or not) in a source's newer snapshot.

    The evidence row itself never changes: its current place is the latest check's."""

    __tablename__ = "evidence_check"

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="reverify_run.id", index=True, ondelete="CASCADE")
    evidence_id: int = Field(foreign_key="evidence.id", index=True, ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    # the verdict that rested on this evidence when it was checked: a claim is stale when its
    # current verdict is this one (ids, not the clocks of two machines, decide "after")
    verdict_id: int | None = Field(default=None, foreign_key="verdict.id")
    status: str  # intact, moved, edited, orphaned, gone
    snapshot_id: int | None = Field(default=None, foreign_key="snapshot.id")
    start: int | None = None
    end: int | None = None
    quote: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    score: float = 0.0
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    checked_at: datetime = Field(default_factory=utcnow)


class ArchivePassage(SQLModel, table=True):
    """A passage of a snapshot, kept for full-text search across the whole archive: every source
    of every article, not only the article's own (``services/archive_search.py``). The index over
    ``text`` is the database's own: an FTS5 table on SQLite, a GIN index on PostgreSQL
    (migration 0006)."""

    __tablename__ = "archive_passage"
    __table_args__ = (UniqueConstraint("snapshot_id", "start", "end", name="uq_archive_passage_span"),)

    id: int | None = Field(default=None, primary_key=True)
    snapshot_id: int = Field(foreign_key="snapshot.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))


__all__ = [
    "ArchivePassage",
    "Article",
    "ArticleLink",
    "ArticleSource",
    "Claim",
    "ClaimEdit",
    "Evidence",
    "EvidenceCheck",
    "FetchAttempt",
    "ReverifyRun",
    "Snapshot",
    "Source",
    "SourceCheck",
    "Verdict",
    "utcnow",
]


class Embedding(SQLModel, table=True):
    """A sentence embedding kept across processes (the ``semantic`` extra): float32 bytes, by the
    SHA-256 of the exact model input (e5 prefix and text). Safe to delete: it is only a cache."""

    text_sha256: str = Field(primary_key=True, max_length=64)
    model: str = Field(primary_key=True)  # a vector of another model is another row, never a mix
    dim: int
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
