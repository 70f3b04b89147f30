"""Sentence embeddings kept in the database, so a text is embedded once across processes too.

The matching core only knows the :class:`~workbench.matching.semantic.EmbeddingStore` protocol; this
is its database implementation, and :func:`semantic_for` gives the services a ready scorer (or None
when the ``semantic`` extra is not installed).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from workbench.matching.semantic import StoredEmbedder, load_embedder
from workbench.services.workspace import Workspace
from workbench.storage import Database
from workbench.storage.models import Embedding, utcnow

_CHUNK = 500  # keys per IN (...) query: SQLite limits the number of bound parameters


class DatabaseEmbeddingStore:
    """Vectors in the ``embedding`` table, by input hash and model; existing rows are kept as they are.

    With ``session`` it reads and writes in that session's transaction (a caller holding SQLite's
    write lock cannot wait for a session of its own); otherwise each call has its own session."""

    def __init__(self, db: Database, session: Session | None = None) -> None:
        self.db = db
        self.session = session

    @contextmanager
    def _session(self) -> Iterator[Session]:
        if self.session is not None:
            yield self.session
        else:
            with self.db.session() as session:
                yield session

    def load(self, keys: Sequence[str], model: str) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        with self._session() as session:
            for first in range(0, len(keys), _CHUNK):
                chunk = list(keys[first : first + _CHUNK])
                rows = session.exec(
                    select(Embedding.text_sha256, Embedding.vector).where(
                        col(Embedding.model) == model, col(Embedding.text_sha256).in_(chunk)
                    )
                )
                found.update((key, bytes(vector)) for key, vector in rows)
        return found

    def save(self, vectors: Mapping[str, bytes], model: str, dim: int) -> None:
        if not vectors:
            return
        now = utcnow()
        rows = [
            {"text_sha256": key, "model": model, "dim": dim, "vector": vector, "created_at": now}
            for key, vector in vectors.items()
        ]
        dialect = postgresql if self.db.engine.dialect.name == "postgresql" else sqlite
        with self._session() as session:
            for first in range(0, len(rows), _CHUNK):
                # Another process may have stored the same input meanwhile: same vector, keep theirs.
                statement: Any = dialect.insert(Embedding).values(rows[first : first + _CHUNK])
                session.exec(statement.on_conflict_do_nothing())

    def count(self) -> int:
        with self._session() as session:
            return len(session.exec(select(Embedding.text_sha256)).all())


def semantic_for(ws: Workspace, session: Session | None = None) -> StoredEmbedder | None:
    """Embedding similarity backed by ``ws``'s database (inside ``session``'s transaction when
    given), or None without the ``semantic`` extra."""
    embedder = load_embedder()
    return None if embedder is None else StoredEmbedder(embedder, DatabaseEmbeddingStore(ws.db, session))
