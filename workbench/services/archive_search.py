"""Search the whole archive, every source of every article, for a claim's evidence.

An article's own sources are matched in full (``services/matching.py``). Evidence often sits
elsewhere: in a source another article cited, in last year's press release. Each snapshot's
passages are kept in ``archive_passage`` under the database's own full-text index (FTS5 on SQLite,
a GIN index on PostgreSQL; migration 0006). A search pre-selects ``pool`` candidates among the
latest snapshot of each source by the claim's content words (stopwords out, the Indonesian ones
through the lexicon: :func:`workbench.matching.candidates.query_terms`), then re-ranks them with the
score matching uses, so a hit reads the same here as on the claims screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from workbench.matching.candidates import CANDIDATE_POOL, fts5_any, query_terms
from workbench.matching.passages import split_passages
from workbench.matching.rank import PassageIndex
from workbench.provenance import SnapshotProvenance
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import ArchivePassage, Article, Claim, Snapshot, Source
from workbench.storage.queries import snapshot_copies

# Constant SQL; only the bound parameters vary. Each source's newest live snapshot is searched (a web
# archive's "as of" copy only when there is no live one), as everywhere else in the workbench.
_SQLITE_QUERY = text(
    "SELECT p.id FROM archive_passage_fts JOIN archive_passage AS p ON p.id = archive_passage_fts.rowid "
    "WHERE archive_passage_fts MATCH :query "
    "AND p.snapshot_id IN (SELECT coalesce(max(CASE WHEN archive_name IS NULL THEN id END), max(id)) "
    "FROM snapshot GROUP BY source_id) "
    "ORDER BY bm25(archive_passage_fts) LIMIT :pool"
)
_POSTGRES_QUERY = text(
    "SELECT id FROM archive_passage "
    "WHERE to_tsvector('english', text) @@ to_tsquery('english', :query) "
    "AND snapshot_id IN (SELECT coalesce(max(CASE WHEN archive_name IS NULL THEN id END), max(id)) "
    "FROM snapshot GROUP BY source_id) "
    "ORDER BY ts_rank(to_tsvector('english', text), to_tsquery('english', :query)) DESC LIMIT :pool"
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ArchiveHit:
    """A passage found for a claim: where it is (snapshot offsets), what it says, how it scored."""

    snapshot_id: int
    source_id: int
    source_url: str
    start: int
    end: int
    quote: str
    score: float
    parts: dict[str, Any]
    snapshot: SnapshotProvenance | None = None  # which copy: live, or a web archive's

    def as_json(self) -> dict[str, Any]:
        return {
            "snapshot_id": self.snapshot_id,
            "source_url": self.source_url,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "score": self.score,
            "snapshot": self.snapshot.as_json() if self.snapshot else None,
        }


def index_snapshot(session: Session, snapshot: Snapshot) -> int:
    """Add ``snapshot``'s passages (paragraphs and sentences) to the archive index; returns how many."""
    assert snapshot.id is not None
    passages = split_passages(snapshot.text)
    session.add_all(
        ArchivePassage(snapshot_id=snapshot.id, start=p.start, end=p.end, text=snapshot.text[p.start : p.end])
        for p in passages
    )
    return len(passages)


def index_archive(ws: Workspace) -> int:
    """Index the snapshots that are not yet (written before migration 0006, or imported from a
    bundle); returns how many were indexed. New snapshots are indexed as they are written."""
    done = 0
    with ws.db.session() as session:
        indexed = select(ArchivePassage.snapshot_id).distinct()
        missing = session.exec(select(Snapshot).where(col(Snapshot.id).not_in(indexed))).all()
        for snapshot in missing:
            try:
                with session.begin_nested():  # another checker indexing the same snapshot wins
                    index_snapshot(session, snapshot)
                    session.flush()
                done += 1
            except IntegrityError:
                continue
    return done


def search_archive(
    ws: Workspace, claim_id: int, *, top: int = 5, pool: int = CANDIDATE_POOL
) -> list[ArchiveHit]:
    """The ``top`` passages of the whole archive for claim ``claim_id``, best first."""
    index_archive(ws)
    with ws.db.session() as session:
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise NotFound(f"no claim with id {claim_id}")
        article = session.get(Article, claim.article_id)
        language = article.language if article else None
        statement = None if claim.statement_is_draft else claim.statement
        terms = query_terms(claim.text, claim_lang=language, statement=statement)
        ids = _candidate_ids(session, terms, pool) if terms else []
        if not ids:
            return []
        rows = session.exec(
            select(ArchivePassage, Snapshot.source_id, Source.url)
            .join(Snapshot, col(Snapshot.id) == col(ArchivePassage.snapshot_id))
            .join(Source, col(Source.id) == col(Snapshot.source_id))
            .where(col(ArchivePassage.id).in_(ids))
            .order_by(col(ArchivePassage.id))
        ).all()
        ranking = PassageIndex([passage.text for passage, _, _ in rows]).rank(
            claim.text, claim_lang=language, statement=statement, top=top
        )
        copies = snapshot_copies(session, (rows[ranked.index][0].snapshot_id for ranked in ranking))
        hits = []
        for ranked in ranking:
            passage, source_id, url = rows[ranked.index]
            hits.append(
                ArchiveHit(
                    snapshot_id=passage.snapshot_id,
                    source_id=source_id,
                    source_url=url,
                    start=passage.start,
                    end=passage.end,
                    quote=passage.text,
                    score=ranked.score,
                    parts=ranked.parts,
                    snapshot=copies.get(passage.snapshot_id),
                )
            )
        return hits


def _candidate_ids(session: Session, terms: list[str], pool: int) -> list[int]:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return [row[0] for row in session.execute(_SQLITE_QUERY, {"query": fts5_any(terms), "pool": pool})]
    if dialect == "postgresql":
        # to_tsquery has its own syntax: only word characters reach it, a term's pieces adjacent
        pieces = [" <-> ".join(words) for term in terms if (words := _WORD.findall(term))]
        if not pieces:
            return []
        query = " | ".join(f"({piece})" for piece in dict.fromkeys(pieces))
        return [row[0] for row in session.execute(_POSTGRES_QUERY, {"query": query, "pool": pool})]
    raise NotImplementedError(f"no full-text search for {dialect}")
