"""Matching a long article: 20,000 words (~1,500 claims) against its 4 sources.

    .venv/bin/python bench/long_article_benchmark.py [--words 20000] [--runs 3] [--no-semantic] [--alternate N] [--check-evidence]

The article is the Contoso case repeated with variations (bench/contoso_scale.py); its sources are
fetched through the offline demo transport. Prints, as the median of ``--runs``:

- lexical: ``match_article(semantic=False)``, first in the process (passages prepared) and again;
- with the semantic extra, cold: no vector stored and the model not loaded (its load counted);
- with the semantic extra, warm: a fresh embedder (as a new process would have) reading the
  vectors the cold run stored in the database; the model is not loaded.

Each figure is wall-clock time, then the CPU time of the process and of the embedding worker
processes it started (every thread counted): on shared cores the wall time depends on what else runs (the load average is printed before and
after), the CPU time much less.

``--alternate N`` then runs lexical and warm semantic matches in turn, N of each, and prints their
median and least wall and CPU time (compared under the same load, each after a garbage collection).

``--check-evidence`` then matches the article again with every passage scored (the ranking's floor
bound switched off, as before it existed) and compares the evidence written, lexical and semantic:
claims with evidence, and claims whose chosen passage (rank 0) or any evidence row differs.

Goals: lexical under 5 s; semantic under 30 s cold and under the lexical time warm.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from contoso_scale import fetch_sources, load_long_article, long_text, scale_workspace
from sqlmodel import col, delete, select

from workbench.matching import rank as rank_module
from workbench.matching import semantic as semantic_module
from workbench.services import matching as matching_service
from workbench.services.matching import MatchReport, match_article
from workbench.services.workspace import Workspace
from workbench.storage.models import Claim, Embedding, Evidence

Row = tuple[int, int, int, int, float, str]  # snapshot, start, end, rank, score, parts


def _cpu() -> float:
    """CPU seconds of this process and of its children waited for (the embedding workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(run: Callable[[], MatchReport]) -> tuple[tuple[float, float], MatchReport]:
    started, cpu = time.perf_counter(), _cpu()
    report = run()
    return (time.perf_counter() - started, _cpu() - cpu), report


def _fresh_process_state(ws: Workspace, *, forget_vectors: bool) -> None:
    """What a new process starts with: no prepared passages, no embedder; optionally no stored vectors."""
    rank_module._index_for.cache_clear()
    semantic_module.load_embedder.cache_clear()
    if forget_vectors:
        with ws.db.session() as session:
            session.exec(delete(Embedding))


def _evidence(ws: Workspace, article: int) -> dict[int, list[Row]]:
    """Each claim's evidence rows in rank order (claims without evidence left out)."""
    rows: dict[int, list[Row]] = {}
    with ws.db.session() as session:
        found = session.exec(
            select(Evidence)
            .join(Claim, col(Claim.id) == col(Evidence.claim_id))
            .where(Claim.article_id == article)
            .order_by(col(Evidence.claim_id), col(Evidence.rank))
        ).all()
        for e in found:
            rows.setdefault(e.claim_id, []).append(
                (e.snapshot_id, e.start, e.end, e.rank, e.score, repr(sorted(e.parts.items())))
            )
    return rows


def _unbounded(*args: object, floor: float | None = None, **kwargs: object) -> object:
    """rank_passages scoring every passage (the floor is applied by the caller, as it was)."""
    return _ranker(*args, **kwargs)


_ranker = matching_service.rank_passages


def _check_evidence(ws: Workspace, article: int, semantic: bool) -> None:
    _fresh_process_state(ws, forget_vectors=False)
    match_article(ws, article, semantic=semantic)
    bounded = _evidence(ws, article)
    matching_service.rank_passages = _unbounded  # type: ignore[assignment]
    try:
        _fresh_process_state(ws, forget_vectors=False)
        match_article(ws, article, semantic=semantic)
    finally:
        matching_service.rank_passages = _ranker
    full = _evidence(ws, article)
    claims = set(bounded) | set(full)
    first = [c for c in claims if bounded.get(c, [()])[0][:3] != full.get(c, [()])[0][:3]]
    rows = [c for c in claims if bounded.get(c) != full.get(c)]
    print(
        f"evidence, {'semantic' if semantic else 'lexical'}: claims with evidence {len(bounded)} bounded, "
        f"{len(full)} every passage scored; chosen passage differs for {len(first)}, any row for {len(rows)}"
    )


def _alternate(ws: Workspace, article: int, times: int) -> None:
    """Lexical and warm semantic matches in turn, each as a new process would start it: on shared
    cores one run's figures swing with the load, so the two are compared under the same load. The
    garbage of the run before is collected first, outside the timing: the full collection it
    triggers (~0.1 s here) otherwise fell on whichever path ran next."""
    found: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    for _ in range(times):
        for semantic in (False, True):
            _fresh_process_state(ws, forget_vectors=False)
            gc.collect()
            found[semantic].append(_timed(lambda on=semantic: match_article(ws, article, semantic=on))[0])
    for semantic, runs in found.items():
        walls, cpus = sorted(t for t, _ in runs), sorted(c for _, c in runs)
        print(
            f"alternated, {'semantic warm' if semantic else 'lexical':<13} x{times}: wall median "
            f"{statistics.median(walls):.2f} s (least {walls[0]:.2f}), CPU median {statistics.median(cpus):.2f} s"
            f" (least {cpus[0]:.2f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-semantic", action="store_true")
    parser.add_argument("--check-evidence", action="store_true", help="compare with every passage scored")
    parser.add_argument(
        "--alternate",
        type=int,
        default=0,
        metavar="N",
        help="then lexical and warm semantic, in turn, N times each",
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    with scale_workspace() as ws:
        loaded = load_long_article(ws, long_text(words=args.words))
        fetch_sources(ws, loaded.article_id)
        article = loaded.article_id
        print(f"{loaded.words} words, {loaded.claims} claims, 4 sources (3 reachable)", flush=True)
        rows: dict[str, list[tuple[float, float]]] = {}
        for _ in range(args.runs):
            _fresh_process_state(ws, forget_vectors=False)
            first, report = _timed(lambda: match_article(ws, article, semantic=False))
            again, _ = _timed(lambda: match_article(ws, article, semantic=False))
            rows.setdefault("lexical, first in process", []).append(first)
            rows.setdefault("lexical, again", []).append(again)
        print(f"claims with evidence (lexical): {report.with_evidence} of {report.claims}")
        semantic = not args.no_semantic and semantic_module.load_embedder() is not None
        if semantic:
            for _ in range(args.runs):
                _fresh_process_state(ws, forget_vectors=True)
                cold, report = _timed(lambda: match_article(ws, article))
                embedder = semantic_module.load_embedder()
                computed = embedder.computed if embedder else 0
                pooled = embedder.pooled if embedder else 0
                _fresh_process_state(ws, forget_vectors=False)
                warm, _ = _timed(lambda: match_article(ws, article))
                embedder = semantic_module.load_embedder()
                rows.setdefault("semantic, cold (model load, every text embedded)", []).append(cold)
                rows.setdefault("semantic, warm (vectors from the database)", []).append(warm)
            print(
                f"claims with evidence (semantic): {report.with_evidence}; texts embedded cold: "
                f"{computed} ({pooled} by worker processes); warm: {embedder.computed if embedder else 0} (model loaded warm: "
                f"{embedder is not None and embedder._backend is not None})"
            )
        if semantic and args.alternate:
            _alternate(ws, article, args.alternate)
        if args.check_evidence:
            _check_evidence(ws, article, semantic=False)
            if semantic:
                _check_evidence(ws, article, semantic=True)
        for name, times in rows.items():
            wall = statistics.median(t for t, _ in times)
            cpu = statistics.median(c for _, c in times)
            print(
                f"{name:<52} {wall:7.2f} s  ({1000 * wall / loaded.claims:.1f} ms a claim; CPU {cpu:.2f} s)"
            )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
