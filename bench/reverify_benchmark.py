"""Re-verification at scale: 500 sources on 50 loopback hosts, every response delayed 100 ms.

Each host is a real HTTP server on 127.0.0.1 (its own port). Half the hosts honour ETags (304),
the others always answer 200; 10% of the pages change and 2% disappear before the timed run.
Every source has a pinned verdict, so the run re-anchors 500 quotes. Prints the figures.

    .venv/bin/python bench/reverify_benchmark.py [--hosts 50] [--per-host 10] [--delay 0.1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlmodel import select

from workbench.fetching.http import FetchPolicy
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_sources, latest_snapshot
from workbench.services.reverify import reverify
from workbench.services.sources import add_source
from workbench.services.verdicts import add_evidence, record_verdict
from workbench.services.workspace import Workspace
from workbench.storage.models import Claim, Source

WORDS = [
    "harbour",
    "council",
    "budget",
    "river",
    "school",
    "bridge",
    "market",
    "energy",
    "report",
    "ministry",
    "station",
    "rail",
    "water",
]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + f" number {n}."


class Site:
    """Pages of one host: path → HTML; a test-controlled state shared with the handler."""

    def __init__(self, delay: float, etags: bool) -> None:
        self.pages: dict[str, bytes] = {}
        self.delay = delay
        self.etags = etags
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                time.sleep(site.delay)
                body = site.pages.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                tag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if site.etags and self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                if site.etags:
                    self.send_header("ETag", tag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"


def html(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>t</title></head><body><article>{body}</article></body></html>".encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--per-host", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--profile", action="store_true", help="write reverify.prof in the temp folder")
    args = parser.parse_args()
    rng = random.Random(7)
    sites = [Site(args.delay, etags=i % 2 == 0) for i in range(args.hosts)]
    texts: dict[str, list[str]] = {}
    for i, site in enumerate(sites):
        for j in range(args.per_host):
            paragraphs = [sentence(rng, i * 1000 + j * 10 + k) for k in range(8)]
            path = f"/page/{j}"
            site.pages[path] = html(paragraphs)
            texts[site.base + path] = paragraphs
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(str(Path(tmp) / "bench.db"), archive=Path(tmp) / "archive")
        ws.policy = FetchPolicy(allow_private=True)
        article = add_article(ws, "JAKARTA - Artikel uji untuk tolok ukur.\n", language="id")
        for url in texts:
            add_source(ws, article.id or 0, url)
        with ws.db.session() as session:
            sources = list(session.exec(select(Source)).all())
        started = time.perf_counter()
        fetch_sources(ws, sources)
        first = time.perf_counter() - started
        with ws.db.session() as session:
            claims = [Claim(article_id=article.id or 0, start=0, end=7, text="JAKARTA") for _ in sources]
            session.add_all(claims)
        for source, claim in zip(sources, claims, strict=True):
            snapshot = latest_snapshot(ws, source.id or 0)
            assert snapshot is not None
            quote = texts[source.url][3]
            start = snapshot.text.index(quote)
            evidence = add_evidence(ws, claim.id or 0, snapshot.id or 0, start, start + len(quote))
            record_verdict(ws, claim.id or 0, "supported", evidence=evidence, checker="bench")
        urls = list(texts)
        rng.shuffle(urls)
        changed, gone = urls[: len(urls) // 10], urls[len(urls) // 10 : len(urls) // 10 + len(urls) // 50]
        by_base = {site.base: site for site in sites}
        for n, url in enumerate(changed):
            base, path = url[: url.index("/page/")], url[url.index("/page/") :]
            paragraphs = list(texts[url])
            if n % 3 == 0:  # a note on top: the pinned quote is intact
                paragraphs.insert(0, "Update: this page was revised after publication.")
            elif n % 3 == 1:  # the pinned paragraph reworded a little: edited
                paragraphs[3] = paragraphs[3].replace(" number ", " figure ")
            else:  # the pinned paragraph removed: orphaned
                del paragraphs[3]
            by_base[base].pages[path] = html(paragraphs)
        for url in gone:
            base, path = url[: url.index("/page/")], url[url.index("/page/") :]
            del by_base[base].pages[path]
        started = time.perf_counter()
        if "--profile" in sys.argv:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        report = reverify(ws, article.id or 0)
        if "--profile" in sys.argv:
            profiler.disable()
            profiler.dump_stats(str(Path(tempfile.gettempdir()) / "reverify.prof"))
        elapsed = time.perf_counter() - started
        outcomes: dict[str, int] = {}
        for item in report.sources:
            outcomes[item.outcome] = outcomes.get(item.outcome, 0) + 1
        statuses: dict[str, int] = {}
        for check in report.evidence:
            statuses[check.status] = statuses.get(check.status, 0) + 1
        ws.close()
    print(f"sources: {len(urls)} on {args.hosts} hosts, {args.delay * 1000:.0f} ms per response")
    print(f"first fetch (archive + extract): {first:.2f} s")
    print(f"reverify: {elapsed:.2f} s  (goal < 10 s)")
    print(f"source outcomes: {outcomes}")
    print(f"evidence statuses: {statuses}; stale claims: {report.stale}")


if __name__ == "__main__":
    main()
