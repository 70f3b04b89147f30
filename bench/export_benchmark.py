"""Exporting a large article's report in every format: an article of 500 claims, every claim
judged (a fifth of them twice, so there is verdict history) with a pinned passage from one of 10
fetched sources (each with its WARC record), then each format built and rendered from the
database. Goal: under a second per format. Prints each format's median wall and CPU seconds
and the load (the 10,000-claim goal is read with bench/growth_benchmark.py --sizes 10000).

    .venv/bin/python bench/export_benchmark.py [--claims 500] [--sources 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from workbench.fetching.http import FetchPolicy
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article, latest_snapshot
from workbench.services.reports import FORMATS, ReportOptions, render_report
from workbench.services.sources import add_source, article_sources
from workbench.services.verdicts import add_evidence, list_claims, record_verdict
from workbench.services.workspace import Workspace

PLACES = ["Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Palembang", "Denpasar", "Padang"]
THINGS = ["sekolah", "jembatan", "puskesmas", "pasar", "perpustakaan", "stasiun", "pelabuhan"]
LABELS = ["supported", "partly-supported", "misattributed", "contradicted", "not-in-source", "unverifiable"]


def _pages(sources: int, per_source: int) -> dict[str, bytes]:
    """Each source page states its share of the numbered facts in English."""
    pages = {}
    for s in range(sources):
        facts = "".join(
            f"<p>The ministry opened {n + 3} new facilities in district {n} this year, officials said.</p>"
            for n in range(s * per_source, (s + 1) * per_source)
        )
        pages[f"/source-{s}"] = (
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Source {s}</title></head>"
            f"<body><article><h1>Source {s}</h1>{facts}</article></body></html>"
        ).encode()
    return pages


def _serve(pages: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    return httpd, f"http://{host!s}:{port}"


def build(ws: Workspace, claims: int, sources: int, base: str) -> int:
    rng = random.Random(7)
    lines = [
        f"Pemerintah membuka {n + 3} {rng.choice(THINGS)} baru di {rng.choice(PLACES)} pada tahun ini."
        for n in range(claims)
    ]
    article = add_article(ws, "\n".join(lines) + "\n", title="Laporan pembangunan daerah", language="id")
    article_id = article.id or 0
    for s in range(sources):
        add_source(ws, article_id, f"{base}/source-{s}", title=f"Source {s}", language="en")
    fetch_article(ws, article_id)
    snapshots = [latest_snapshot(ws, source.id or 0) for source in article_sources(ws, article_id)]
    views = list_claims(ws, article_id)
    for i, view in enumerate(views):
        snapshot = snapshots[i % len(snapshots)]
        assert snapshot is not None
        sentence = snapshot.text.split("\n")[1 + (i // len(snapshots)) % (snapshot.text.count("\n"))]
        start = snapshot.text.index(sentence)
        evidence = add_evidence(ws, view.claim.id or 0, snapshot.id or 0, start, start + len(sentence))
        if i % 5 == 0:
            record_verdict(ws, view.claim.id or 0, "unverifiable", rationale="First look.")
        record_verdict(
            ws,
            view.claim.id or 0,
            LABELS[i % len(LABELS)],
            rationale=f"The source gives the figure for district {i}; checked against the page.",
            evidence=evidence,
        )
    return article_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--sources", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3, help="runs per format; the median is shown")
    args = parser.parse_args()
    httpd, base = _serve(_pages(args.sources, args.claims // args.sources + 1))
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.open(str(Path(folder) / "claims.db"), archive=Path(folder) / "archive")
        ws.policy = FetchPolicy(allow_private=True)
        try:
            started = time.perf_counter()
            article_id = build(ws, args.claims, args.sources, base)
            count = len(list_claims(ws, article_id))
            print(
                f"set-up: {count} claims, all judged, {args.sources} sources: {time.perf_counter() - started:.1f} s"
            )
            slowest = 0.0
            for fmt in FORMATS:
                options = ReportOptions(fmt=fmt)
                times, cpus = [], []
                for _ in range(args.repeat):
                    begun, cpu = time.perf_counter(), time.process_time()
                    document = render_report(ws, article_id, options).document
                    times.append(time.perf_counter() - begun)
                    cpus.append(time.process_time() - cpu)
                slowest = max(slowest, statistics.median(times))
                print(
                    f"{fmt:<12} {statistics.median(times):6.3f} s  CPU {statistics.median(cpus):6.3f} s  "
                    f"({len(document) / 1e6:.1f} MB)"
                )
            print(
                f"slowest format: {slowest:.3f} s, median of {args.repeat} (goal < 1 s); "
                f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
            )
        finally:
            ws.close()
            httpd.shutdown()
    return 0 if slowest < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
