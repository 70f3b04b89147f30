"""End to end on the offline Contoso case: load + extract, fetch (mounted transport), match.

    .venv/bin/python bench/pipeline_benchmark.py

Prints the time of each stage; matching is the lexical path (the semantic extra adds its own cost).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from workbench.services.articles import add_article
from workbench.services.cases import builtin_cases
from workbench.services.fetching import fetch_article
from workbench.services.matching import match_article
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace


def main() -> None:
    case = next(c for c in builtin_cases() if c.slug == "contoso-demo")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(str(Path(tmp) / "bench.db"), archive=Path(tmp) / "archive")
        started = time.perf_counter()
        article = add_article(
            ws, case.read_text(), language=case.language, article_date=case.date, slug=case.slug
        )
        for source in case.sources:
            add_source(ws, article.id or 0, source.url)
        loaded = time.perf_counter()
        fetch_article(ws, article.id or 0)
        fetched = time.perf_counter()
        report = match_article(ws, article.id or 0, semantic=False)
        matched = time.perf_counter()
        again = match_article(ws, article.id or 0, semantic=False)
        rematched = time.perf_counter()
        semantic = match_article(ws, article.id or 0)  # embeds every passage once (the extra, if installed)
        embedded = time.perf_counter()
        semantic_again = match_article(ws, article.id or 0)
        semantic_rematched = time.perf_counter()
        ws.close()
    print(f"load + extract claims: {loaded - started:.3f} s")
    print(f"fetch {len(case.sources)} sources (archive, extract text): {fetched - loaded:.3f} s")
    print(f"match {report.claims} claims against {report.snapshots} snapshots: {matched - fetched:.3f} s")
    print(f"match again (warm): {rematched - matched:.3f} s; claims with evidence: {again.with_evidence}")
    print(
        f"with the semantic extra, first time (embeds every passage): {embedded - rematched:.3f} s; "
        f"again (vectors from the database): {semantic_rematched - embedded:.3f} s; "
        f"claims with evidence: {semantic_again.with_evidence} of {semantic.claims}"
    )


if __name__ == "__main__":
    main()
