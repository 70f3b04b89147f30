"""Growth with the number of claims: extraction, matching, every export format and
re-verification of one article at 500, 5,000 and 20,000 claims.

    .venv/bin/python bench/growth_benchmark.py [--sizes 500,5000,20000] [--formats md,html,...]
        [--no-suggestions] [--skip reverify] [--export-repeat 3]

The export goal (every format under 3 s for one article of 10,000 claims) is read with
``--sizes 10000 --skip reverify``: each format's median wall and CPU seconds, and the load.

The article is the Contoso case repeated with variations (bench/contoso_scale.py) and its four
sources are fetched through the offline demo transport; 80% of the claims with evidence get a
verdict pinning their best passage; re-verification runs against version 2 of the demo site (one
page edited, one removed). Exports go through ``services.reports.export_article`` with the
workbench's suggestions included (the heavier report). Matching is lexical.

Prints each stage's seconds per size and, per stage, the growth ratio between consecutive sizes:
(time ratio) / (claims ratio), 1.0 for linear growth, the claims ratio itself for quadratic.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from contoso_scale import fetch_sources, judge_most, load_long_article, long_text, scale_workspace

from workbench.services.matching import match_article
from workbench.services.reports import FORMATS, export_article
from workbench.services.reverify import reverify

PER_COPY = 28  # claims the Contoso article yields


def run_size(
    claims: int, formats: list[str], *, suggestions: bool, skip: set[str], export_repeat: int = 3
) -> dict[str, float]:
    text = long_text(copies=max(1, round(claims / PER_COPY)))
    times: dict[str, float] = {}
    export_cpu: dict[str, float] = {}
    with scale_workspace() as ws:
        started = time.perf_counter()
        loaded = load_long_article(ws, text)
        times["extract"] = time.perf_counter() - started
        fetch_sources(ws, loaded.article_id)
        started = time.perf_counter()
        report = match_article(ws, loaded.article_id, semantic=False)
        times["match"] = time.perf_counter() - started
        verdicts = judge_most(ws, loaded.article_id)
        for fmt in formats:
            walls, cpus = [], []
            for _ in range(export_repeat):
                started, cpu = time.perf_counter(), time.process_time()
                document = export_article(ws, loaded.article_id, fmt, include_suggestions=suggestions)
                walls.append(time.perf_counter() - started)
                cpus.append(time.process_time() - cpu)
                assert document
            times[f"export {fmt}"] = statistics.median(walls)
            export_cpu[fmt] = statistics.median(cpus)
        if "reverify" not in skip:
            ws.site_version = "v2"
            started = time.perf_counter()
            checked = reverify(ws, loaded.article_id)
            times["reverify"] = time.perf_counter() - started
        else:
            checked = None
    print(
        f"  {loaded.claims} claims ({loaded.words} words), {report.with_evidence} with evidence, "
        f"{verdicts} verdicts" + (f", {len(checked.evidence)} pinned passages re-checked" if checked else ""),
        flush=True,
    )
    if formats:
        figures = ", ".join(
            f"{fmt} {times[f'export {fmt}']:.2f} s (CPU {export_cpu[fmt]:.2f})" for fmt in formats
        )
        print(
            f"  exports, median of {export_repeat}: {figures}; load {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cores (goal at 10,000 claims: every format under 3 s)",
            flush=True,
        )
    times["claims"] = loaded.claims
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000,20000")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--no-suggestions", action="store_true", help="exports without suggestions")
    parser.add_argument("--skip", default="", help="comma-separated stages to skip: reverify")
    parser.add_argument("--export-repeat", type=int, default=3, help="runs per export format (median)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = [f for f in args.formats.split(",") if f]
    results = []
    for size in sizes:
        print(f"size {size}:", flush=True)
        results.append(
            run_size(
                size,
                formats,
                suggestions=not args.no_suggestions,
                skip=set(args.skip.split(",")),
                export_repeat=args.export_repeat,
            )
        )
    stages = [k for k in results[0] if k != "claims"]
    header = f"{'stage':<20}" + "".join(f"{int(r['claims']):>10}" for r in results)
    header += "".join(f"  growth {i + 1}->{i + 2}" for i in range(len(results) - 1))
    print(header)
    for stage in stages:
        row = f"{stage:<20}" + "".join(f"{r[stage]:>9.2f}s" for r in results)
        for a, b in itertools.pairwise(results):
            growth = (b[stage] / max(a[stage], 1e-9)) / (b["claims"] / a["claims"])
            row += f"  {growth:>13.2f}"
        print(row)
    print("growth: (time ratio) / (claims ratio); 1.0 is linear")


if __name__ == "__main__":
    main()
