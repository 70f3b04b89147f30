"""Hostile input and faults: how long each case takes and how much memory it needs, against its bound.

Each case runs in a child process of its own (so one case's memory does not count against the
next); the parent samples the child's peak resident memory (VmHWM in /proc) and stops it at
``--limit`` seconds. Pages are served by a real HTTP server on 127.0.0.1 in the child. Prints one
Markdown row per case (the table in docs/reliability.md).

    .venv/bin/python bench/reliability_benchmark.py [--limit 600] [--case NAME ...]

Add a case by writing a function ``case_<name>() -> str`` (the returned text goes to the
"observed" column) and an entry in ``CASES`` naming its bound.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PAGE_BYTES = 19 * 1024 * 1024
VOCABULARY = (
    "the council said on monday that more than twenty organisations were protected from attacks "
    "by the company which published its report in march after a review of the incidents across "
    "three regions where engineers worked with officials to restore water power and rail service"
)
WORDS = VOCABULARY.split(" ")
ARTICLE = (
    "The council said on Monday that more than twenty organisations were protected from attacks.\n"
    "The company published its report in March after a review of the incidents.\n"
    "Engineers worked with officials in three regions to restore water and rail service.\n"
    "Officials said power was restored to 12,000 homes within two days.\n"
)


# -- the server --------------------------------------------------------------------------------


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    trickle: float | None = None  # seconds between bytes


class Server:
    """A real HTTP server on 127.0.0.1 serving ``pages`` by path."""

    def __init__(self, pages: dict[str, Page]) -> None:
        stopping = self.stopping = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                page = pages.get(self.path)
                if page is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                try:
                    if page.trickle is None:
                        self.wfile.write(page.body)
                        return
                    for byte in page.body:
                        if stopping.wait(page.trickle):
                            return
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    return

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


# -- pages -------------------------------------------------------------------------------------


def paragraphs(size: int, seed: int = 7) -> list[str]:
    """Sentences of news-like words, in paragraphs, about ``size`` characters in all."""
    rng = random.Random(seed)
    found: list[str] = []
    total = 0
    while total < size:
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))).capitalize() + "."
            for _ in range(rng.randint(2, 6))
        ]
        text = " ".join(sentences)
        found.append(text)
        total += len(text) + 40
    return found


def html_page(size: int) -> bytes:
    """A news page of about ``size`` bytes: head metadata, navigation, one long article, footer."""
    head = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>A long report</title>"
        "<meta property='article:published_time' content='2022-03-04T10:00:00Z'></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><main><article>"
        "<h1>A long report</h1>"
    )
    body = "".join(f"<div class='block'><p>{p}</p></div>" for p in paragraphs(size - 1000))
    return (
        head + body + "</article></main><footer>Written for the benchmark.</footer></body></html>"
    ).encode()


def text_page(size: int) -> bytes:
    return "\n\n".join(paragraphs(size)).encode()


# -- the workbench ------------------------------------------------------------------------------


def workspace_in(folder: Path):  # type: ignore[no-untyped-def]
    from workbench.fetching.http import FetchPolicy
    from workbench.services.workspace import Workspace

    ws = Workspace.open(str(folder / "claims.db"), archive=folder / "archive")
    ws.policy = FetchPolicy(allow_private=True, retries=0)  # other limits as configured
    return ws


def fetch_one(page: Page) -> tuple[str, float, object]:
    """Serve ``page``, fetch it as an article's only source; returns a summary, the seconds the
    fetch took and the workspace with its article id (for matching afterwards)."""
    from workbench.services.articles import add_article, add_source
    from workbench.services.fetching import fetch_article

    folder = Path(tempfile.mkdtemp(prefix="reliability-"))
    server = Server({"/page": page})
    ws = workspace_in(folder)
    try:
        article = add_article(ws, ARTICLE, title="Report", language="en")
        add_source(ws, article.id or 0, server.url("/page"))
        started = time.perf_counter()
        [report] = fetch_article(ws, article.id or 0)
        seconds = time.perf_counter() - started
    finally:
        server.stop()
    chars = report.snapshot and _snapshot_chars(ws, report.snapshot_id)
    note = getattr(report, "note", None)  # absent before pages were cut at the text cap
    summary = f"{report.outcome}, {chars or 0:,} characters kept" + (f"; {note}" if note else "")
    if report.error:
        summary += f"; {report.error}"
    return summary, seconds, (ws, article.id)


def _snapshot_chars(ws, snapshot_id: int | None) -> int:  # type: ignore[no-untyped-def]
    from workbench.storage.models import Snapshot

    with ws.db.session() as session:
        snapshot = session.get(Snapshot, snapshot_id)
        return len(snapshot.text) if snapshot else 0


# -- cases --------------------------------------------------------------------------------------


def case_html_19mb() -> str:
    summary, seconds, _ = fetch_one(Page(html_page(PAGE_BYTES)))
    return f"fetch + extract + archive + index {seconds:.1f} s: {summary}"


def case_text_19mb_and_match() -> str:
    from workbench.services.matching import match_article

    summary, seconds, (ws, article_id) = fetch_one(Page(text_page(PAGE_BYTES), "text/plain; charset=utf-8"))  # type: ignore[misc]
    started = time.perf_counter()
    report = match_article(ws, article_id, semantic=False)
    matched = time.perf_counter() - started
    return (
        f"fetch {seconds:.1f} s ({summary}); match {matched:.1f} s, {matched / max(report.claims, 1):.1f} s "
        f"a claim ({report.with_evidence} of {report.claims} claims with evidence)"
    )


def case_trickle() -> str:
    from workbench import settings

    body = html_page(20_000)
    summary, seconds, _ = fetch_one(Page(body, trickle=1.0))
    return f"{seconds:.1f} s (deadline {settings.fetch_deadline():g} s): {summary}"


def case_normal_page() -> str:
    summary, seconds, _ = fetch_one(Page(html_page(60_000)))
    return f"{seconds * 1000:.0f} ms: {summary}"


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    bound: str
    run: Callable[[], str]


CASES = [
    Case("normal-page", "a 60 KB news page (for comparison)", "-", case_normal_page),
    Case(
        "html-19mb",
        "a 19 MB HTML page",
        "20 MB body cap; 4 × WORKBENCH_TEXT_CAP characters of HTML read (scripts and styles dropped "
        "first), WORKBENCH_TEXT_CAP (500,000) characters of text kept, with a note",
        case_html_19mb,
    ),
    Case(
        "text-19mb",
        "a 19 MB text/plain page, then `match` (4 claims)",
        "WORKBENCH_TEXT_CAP characters of text kept, with a note; matching reads only what was kept",
        case_text_19mb_and_match,
    ),
    Case(
        "trickle",
        "a server sending 1 byte a second (20 KB page)",
        "WORKBENCH_FETCH_DEADLINE (30 s) for the whole fetch; outcome unreachable",
        case_trickle,
    ),
]


# -- running --------------------------------------------------------------------------------------


def run_child(name: str) -> None:
    case = next(c for c in CASES if c.name == name)
    observed = case.run()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"observed": observed, "peak_mb": peak_mb}))


def peak_of(pid: int) -> float:
    """The peak resident memory of a running process, in MB (0 once it is gone)."""
    try:
        with Path(f"/proc/{pid}/status").open() as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(case: Case, limit: float) -> tuple[float, float, str]:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", case.name],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "WORKBENCH_ALLOW_PRIVATE": "1"},
    )
    peak = 0.0
    while child.poll() is None:
        peak = max(peak, peak_of(child.pid))
        if time.perf_counter() - started > limit:
            child.kill()
            child.wait()
            return time.perf_counter() - started, peak, f"did not finish in {limit:.0f} s (stopped)"
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    out = child.stdout.read() if child.stdout else ""
    if child.returncode != 0 or not out.strip():
        return seconds, peak, f"failed (exit {child.returncode})"
    result = json.loads(out.strip().splitlines()[-1])
    return seconds, max(peak, float(result["peak_mb"])), str(result["observed"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=600.0, help="seconds before a case is stopped")
    parser.add_argument("--case", action="append", help="run only these cases (names in CASES)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child)
        return
    chosen = [c for c in CASES if not args.case or c.name in args.case]
    print("| case | bound | process time | peak memory | observed |")
    print("|---|---|---|---|---|")
    for case in chosen:
        seconds, peak, observed = measure(case, args.limit)
        print(f"| {case.what} | {case.bound} | {seconds:.1f} s | {peak:.0f} MB | {observed} |", flush=True)


if __name__ == "__main__":
    main()
