"""Archive search at scale: claims searched against every snapshot of a large SQLite archive.

    .venv/bin/python bench/archive_search_benchmark.py [--passages 100000] [--per-snapshot 50] [--claims 200] [--postgres]

``--postgres`` runs the same on a throwaway PostgreSQL server (``tests/postgres.py``: GIN index,
``to_tsquery``) instead of SQLite (FTS5).

The archive holds the synthetic sentences of ``match_scale.py`` (same generator, same seed), grouped
into snapshots of ``--per-snapshot`` sentences, one source each, written and indexed through the
models and ``index_snapshot`` as a fetch would. Claims are shortened, partly reworded copies of
random sentences; each is searched with :func:`search_archive` (FTS5 pre-selection of 160, then the
matching score). Prints the time to index, the time per search, and how often the sentence a claim
was made from is the first hit or among the top 5. Asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from match_scale import make_claim, make_passages, vocabulary

from workbench.services.archive_search import index_snapshot, search_archive
from workbench.services.articles import add_article
from workbench.services.verdicts import list_claims
from workbench.services.workspace import Workspace
from workbench.storage.models import Snapshot, Source


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--per-snapshot", type=int, default=50)
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL server, not SQLite")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        if args.postgres:
            from tests.postgres import postgres_server

            url = stack.enter_context(postgres_server())
        else:
            url = str(Path(tmp) / "bench.db")
        run(args, url, Path(tmp))


def run(args: argparse.Namespace, url: str, tmp: Path) -> None:
    rng = random.Random(7)
    sentences = make_passages(args.passages, rng)
    ws = Workspace.open(url, archive=tmp / "archive")
    started = time.perf_counter()
    with ws.db.session() as session:
        for number, first in enumerate(range(0, len(sentences), args.per_snapshot)):
            text = "\n".join(sentences[first : first + args.per_snapshot])
            source = Source(url=f"https://archive-{number}.example/page")
            session.add(source)
            session.flush()
            digest = hashlib.sha256(text.encode()).hexdigest()
            snapshot = Snapshot(source_id=source.id or 0, requested_url=source.url, final_url=source.url,
                                status=200, payload_sha256=digest, text_sha256=digest, text=text)  # fmt: skip
            session.add(snapshot)
            session.flush()
            index_snapshot(session, snapshot)
    indexed = time.perf_counter()
    planted = [rng.randrange(len(sentences)) for _ in range(args.claims)]
    words = vocabulary()
    claims = [make_claim(sentences[i], rng, words).capitalize() + "." for i in planted]
    article = add_article(ws, "\n".join(claims) + "\n", title="bench", language="en")
    views = list_claims(ws, article.id or 0)
    # each extracted claim goes with the planted sentence of the line it came from
    line_starts = [0]
    for claim in claims:
        line_starts.append(line_starts[-1] + len(claim) + 1)
    first = top5 = searched = 0
    search_started = time.perf_counter()
    for view in views:
        line = max(i for i, start in enumerate(line_starts[:-1]) if start <= view.claim.start)
        hits = search_archive(ws, view.claim.id or 0, top=5)
        searched += 1
        quotes = [hit.quote for hit in hits]
        first += bool(quotes) and quotes[0] == sentences[planted[line]]
        top5 += sentences[planted[line]] in quotes
    finished = time.perf_counter()
    ws.close()
    snapshots = -(-len(sentences) // args.per_snapshot)
    print(f"database: {ws.db.engine.dialect.name}")
    print(
        f"archive: {len(sentences)} sentences in {snapshots} snapshots; written and indexed in {indexed - started:.1f} s"
    )
    print(
        f"{searched} claims searched in {finished - search_started:.1f} s "
        f"({1000 * (finished - search_started) / max(1, searched):.0f} ms a claim)"
    )
    print(
        f"source sentence first: {first / max(1, searched):.3f}; in the top 5: {top5 / max(1, searched):.3f}"
    )


if __name__ == "__main__":
    main()
