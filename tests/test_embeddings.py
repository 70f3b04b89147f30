"""Embeddings kept in the database: the table, the store, and a cache that outlives the process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from tests.conftest import REPO
from workbench.matching import semantic
from workbench.services.embeddings import DatabaseEmbeddingStore, semantic_for
from workbench.services.workspace import Workspace
from workbench.storage.models import Embedding, Evidence


def test_store_round_trip_keeps_the_first_vector(workspace: Workspace) -> None:
    store = DatabaseEmbeddingStore(workspace.db)
    first, second = "a" * 64, "b" * 64
    store.save({first: b"\x00" * 8, second: b"\x01" * 8}, "m", 2)
    store.save({first: b"\x02" * 8}, "m", 2)  # the same input again: the stored row stays
    assert store.load([first, second, "c" * 64], "m") == {first: b"\x00" * 8, second: b"\x01" * 8}
    assert store.load([first], "other model") == {}
    with workspace.db.session() as session:
        row = session.exec(select(Embedding).where(Embedding.text_sha256 == first)).one()
    assert (row.model, row.dim) == ("m", 2)
    assert row.created_at.tzinfo is not None


def test_store_loads_more_keys_than_one_query_binds(workspace: Workspace) -> None:
    store = DatabaseEmbeddingStore(workspace.db)
    vectors = {f"{n:064x}": n.to_bytes(4, "little") for n in range(1200)}
    store.save(vectors, "m", 1)
    assert store.load(list(vectors), "m") == vectors
    assert store.count() == 1200


def test_without_the_extra_matching_stores_lexical_evidence(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services.demo import load_builtin_cases

    semantic.load_embedder.cache_clear()
    # services.embeddings imported the loader by name: patch it where it is looked up.
    monkeypatch.setattr("workbench.services.embeddings.load_embedder", lambda: None)
    assert semantic_for(workspace) is None
    load_builtin_cases(workspace, offline=True)
    with workspace.db.session() as session:
        evidence = session.exec(select(Evidence)).all()
        assert session.exec(select(Embedding)).first() is None
    assert evidence
    assert {item.method for item in evidence} == {"lexical"}
    assert all("semantic" not in item.parts for item in evidence)


_WARM_AGAIN = """
import json, sys
from workbench.services.embeddings import semantic_for
from workbench.services.workspace import Workspace
ws = Workspace.open(sys.argv[1])
texts = json.loads(sys.argv[2])
similarity = semantic_for(ws)
similarity.warm(texts["claims"], texts["passages"])
print(similarity.embedder.computed)
"""


def test_database_cache_survives_a_new_process(tmp_path: Path) -> None:
    pytest.importorskip(semantic.PACKAGE)
    from workbench.services.demo import load_builtin_cases

    db = tmp_path / "claims.db"
    ws = Workspace.open(str(db), archive=tmp_path / "archive")
    try:
        load_builtin_cases(ws, offline=True)
        with ws.db.session() as session:
            evidence = session.exec(select(Evidence)).all()
            stored = len(session.exec(select(Embedding.text_sha256)).all())
        assert evidence
        assert {item.method for item in evidence} == {"lexical+semantic"}
        assert all(0 <= item.parts["semantic"] <= 100 for item in evidence)
        assert stored > 0
    finally:
        ws.close()
    texts = {
        "claims": ["a claim first embedded in the first subprocess"],
        "passages": sorted({item.quote for item in evidence}),
    }
    # The first process embeds the texts once and keeps them...
    first = subprocess.run(
        [sys.executable, "-c", _WARM_AGAIN, str(db), json.dumps(texts)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    # ...the second, a new process and a new workspace on the same file, embeds nothing.
    second = subprocess.run(
        [sys.executable, "-c", _WARM_AGAIN, str(db), json.dumps(texts)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    assert int(first.stdout) >= 1
    assert int(second.stdout) == 0
