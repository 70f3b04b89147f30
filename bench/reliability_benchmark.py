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
    from workbench.services.articles import add_article
    from workbench.services.fetching import fetch_article
    from workbench.services.sources import add_source

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


# -- claims, bundles, batch lines and databases ----------------------------------------------------


def article_text(size: int, dense: bool = False) -> str:
    """An article of about ``size`` bytes: the paragraphs of the built-in cases' and the claim
    tests' articles, repeated with their counts changed on each pass (years kept, so dates stay
    dates). ``dense``: a market report with four figures and a date in every sentence instead."""
    import re

    out: list[str] = []
    total = 0
    if dense:
        while total < size:
            i = len(out)
            line = (
                f"Pada {i % 28 + 1} Maret 2022, harga saham naik {i % 97} persen menjadi Rp {i % 9 + 1}."
                f"{i % 1000:03d} per lembar, dan {i % 50 + 2} perusahaan mencatat laba lebih dari "
                f"{i % 40 + 3} miliar rupiah."
            )
            out.append(line)
            total += len(line.encode()) + 1
        return "\n".join(out) + "\n"
    files = sorted([*REPO.glob("sources/*/article*.txt"), *REPO.glob("tests/claims/data/*.txt")])
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    while total < size:
        turn = len(out) // len(lines)
        line = re.sub(
            r"(?<!\d)\d{1,3}(?!\d)",
            lambda m, turn=turn: str(int(m.group()) + turn),  # type: ignore[misc]
            lines[len(out) % len(lines)],
        )
        out.append(line)
        total += len(line.encode()) + 1
    return "\n".join(out) + "\n"


def extract_case(size: int, dense: bool = False) -> str:
    import datetime as dt

    from workbench.claims import extract_claims

    os.environ["WORKBENCH_MAX_ARTICLE_CHARS"] = str(4 * size)  # measure past the default cap too
    text = article_text(size, dense)
    extract_claims("Kata dia 20 orang datang.", "id", None)  # imports and the lexicon, not the text's cost
    cpu, started = time.process_time(), time.perf_counter()
    claims = extract_claims(text, None, dt.date(2022, 3, 4))
    return (
        f"{len(claims):,} claims from {len(text):,} characters in {time.perf_counter() - started:.1f} s "
        f"({time.process_time() - cpu:.1f} s CPU)"
    )


def case_claims_refused() -> str:
    from typer.testing import CliRunner

    from workbench.cli import app

    path = Path(tempfile.mkdtemp(prefix="reliability-")) / "huge.txt"
    with path.open("w", encoding="utf-8") as handle:
        chunk = article_text(1_000_000)
        for _ in range(50):
            handle.write(chunk)
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["claims", "extract", str(path)])
    return f"{time.perf_counter() - started:.2f} s, exit {result.exit_code}: {result.stderr.strip()[:160]}"


def judged_bundle(folder: Path) -> Path:
    """The offline Contoso case fetched, matched, three verdicts with pinned evidence, exported."""
    from workbench.services.bundles import export_bundle
    from workbench.services.demo import load_builtin_cases
    from workbench.services.verdicts import list_claims, record_verdict

    ws = workspace_in(folder)
    try:
        load_builtin_cases(ws, offline=True)
        for view in list_claims(ws, "contoso-demo")[:3]:
            record_verdict(ws, view.claim.id or 0, "supported", evidence="best")
        bundle = folder / "contoso.zip"
        export_bundle(ws, "contoso-demo", bundle)
    finally:
        ws.close()
    return bundle


def import_into_new(bundle: Path) -> tuple[float, str]:
    from workbench.services.bundles import BundleError, import_bundle

    folder = Path(tempfile.mkdtemp(prefix="reliability-"))
    ws = workspace_in(folder)
    started = time.perf_counter()
    try:
        outcome = f"imported as article {import_bundle(ws, bundle)}"
    except BundleError as exc:
        outcome = f"refused: {exc}"
    finally:
        ws.close()
    return time.perf_counter() - started, outcome


def zero_members(path: Path, count: int, size: int) -> None:
    """A bundle of one article (no claims) whose archive members each inflate to ``size`` zero
    bytes (written in pieces, so making it holds none of it in memory)."""
    import hashlib
    import zipfile

    text = "JAKARTA - Sebuah artikel tanpa klaim.\n"
    article = {"id": 1, "text": text, "content_hash": hashlib.sha256(text.encode()).hexdigest()}
    tables = ["claims", "edits", "sources", "snapshots", "attempts", "evidence", "verdicts", "checks"]
    data = {"format": "workbench-bundle/1", "article": article} | {key: [] for key in tables}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("bundle.json", json.dumps(data))
        piece = bytes(1024 * 1024)
        for number in range(count):
            with bundle.open(f"archive/{number:064x}.warc.gz", "w", force_zip64=True) as member:
                for _ in range(size // len(piece)):
                    member.write(piece)


def case_bundle_bomb() -> str:
    path = Path(tempfile.mkdtemp(prefix="reliability-")) / "bomb.zip"
    zero_members(path, 1, 64 * 1024 * 1024)
    seconds, outcome = import_into_new(path)
    return f"{path.stat().st_size / 1024:.0f} KB bundle, {seconds:.2f} s: {outcome}"


def case_bundle_large_members() -> str:
    path = Path(tempfile.mkdtemp(prefix="reliability-")) / "members.zip"
    zero_members(path, 12, 190 * 1024 * 1024)
    seconds, outcome = import_into_new(path)
    return f"{path.stat().st_size / 1024:.0f} KB bundle, {seconds:.2f} s: {outcome}"


def case_bundle_contoso() -> str:
    bundle = judged_bundle(Path(tempfile.mkdtemp(prefix="reliability-")))
    seconds, outcome = import_into_new(bundle)
    return f"{seconds:.2f} s (every check, each snapshot re-extracted from its record, the writes): {outcome}"


def case_bundle_forged() -> str:
    import hashlib
    import zipfile

    folder = Path(tempfile.mkdtemp(prefix="reliability-"))
    bundle = judged_bundle(folder)
    forged = folder / "forged.zip"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(forged, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            blob = source.read(name)
            if name == "bundle.json":
                # a word changed in a snapshot, and everything the bundle says about that text
                # changed to match: only the archive record can tell
                data = json.loads(blob)
                snapshot = data["snapshots"][0]
                text = snapshot["text"] = snapshot["text"].replace("Contoso", "Fabrika")
                snapshot["text_sha256"] = hashlib.sha256(text.encode()).hexdigest()
                for evidence in data["evidence"]:
                    if evidence["snapshot_id"] == snapshot["id"]:
                        start, end = evidence["start"], evidence["end"]
                        evidence["quote"] = text[start:end]
                        evidence["prefix"] = text[max(0, start - len(evidence["prefix"])) : start]
                        evidence["suffix"] = text[end : end + len(evidence["suffix"])]
                blob = json.dumps(data).encode()
            out.writestr(name, blob)
    seconds, outcome = import_into_new(forged)
    return f"{seconds:.2f} s: {outcome}"


def batch(lines: list[str]) -> tuple[float, list[str]]:
    import contextlib
    import io

    import typer

    from workbench.cli.offline import anchor

    path = Path(tempfile.mkdtemp(prefix="reliability-")) / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = Path(tempfile.mkdtemp(prefix="reliability-")) / "out.jsonl"
    saved = sys.stdout
    started = time.perf_counter()
    with (
        out.open("w", encoding="utf-8") as sys.stdout,
        contextlib.redirect_stderr(io.StringIO()),
        contextlib.suppress(typer.Exit),
    ):
        anchor(path)  # typer.Exit(1) when some line had an error
    sys.stdout = saved
    return time.perf_counter() - started, out.read_text(encoding="utf-8").splitlines()


def anchor_request(ident: int, text: str) -> str:
    at = text.find("kerja sama", len(text) // 2)
    return json.dumps({"id": ident, "selector": {"exact": text[at - 20 : at + 40]}, "text": text})


def case_anchor_long_line() -> str:
    text = article_text(5_400_000)
    seconds, answers = batch([anchor_request(1, text), anchor_request(2, text[:5_000])])
    return f"{seconds:.2f} s; " + "; ".join(a[:110] for a in answers)


def case_jsonl_nested() -> str:
    text = article_text(5_000)
    seconds, answers = batch(
        [anchor_request(1, text), "[" * 100_000 + "]" * 100_000, anchor_request(3, text)]
    )
    return f"{seconds:.2f} s; " + "; ".join(a[:80] for a in answers)


def case_database_check() -> str:
    import sqlite3

    from workbench.services.demo import load_builtin_cases
    from workbench.storage import database

    folder = Path(tempfile.mkdtemp(prefix="reliability-"))
    ws = workspace_in(folder)
    load_builtin_cases(ws, offline=True)
    ws.close()
    demo = folder / "claims.db"
    started = time.perf_counter()
    database.check_sqlite_file(demo)
    demo_ms = (time.perf_counter() - started) * 1000
    big = folder / "big.db"
    with sqlite3.connect(big) as connection:
        connection.execute("CREATE TABLE t (body BLOB)")
        connection.executemany("INSERT INTO t VALUES (randomblob(4000))", [()] * 25_000)
    started = time.perf_counter()
    with sqlite3.connect(big) as connection:
        connection.execute("PRAGMA quick_check").fetchall()
    big_ms = (time.perf_counter() - started) * 1000
    return (
        f"demo database ({demo.stat().st_size / 1e6:.1f} MB): {demo_ms:.1f} ms, once per process; "
        f"a {big.stat().st_size / 1e6:.0f} MB file: {big_ms:.0f} ms"
    )


CASES.extend(
    [
        Case(
            "claims-0.5mb",
            "claim extraction, a 0.5 MB article (the built-in articles repeated, counts varied)",
            "linear; `WORKBENCH_MAX_ARTICLE_CHARS` (1,000,000)",
            lambda: extract_case(500_000),
        ),
        Case("claims-1mb", "claim extraction, a 1 MB article", "linear", lambda: extract_case(1_000_000)),
        Case(
            "claims-2mb",
            "claim extraction, a 2 MB article (the cap raised to measure it)",
            "linear",
            lambda: extract_case(2_000_000),
        ),
        Case(
            "claims-dense-1mb",
            "claim extraction, 1 MB of figures (a date and four numbers a sentence)",
            "linear",
            lambda: extract_case(1_000_000, dense=True),
        ),
        Case(
            "claims-50mb",
            "`claims extract` on a 50 MB file",
            "refused: larger than 4 × `WORKBENCH_MAX_ARTICLE_CHARS` bytes, unread",
            case_claims_refused,
        ),
        Case(
            "bundle-bomb",
            "`import-bundle`: one 64 MB member deflated to ~64 KB",
            "read from the zip directory before inflating: a record ≤ 21 MiB; no member over 1 MiB "
            "inflating more than 100 times",
            case_bundle_bomb,
        ),
        Case(
            "bundle-members",
            "`import-bundle`: 12 members of 190 MB",
            "a record inflates to ≤ 21 MiB, bundle.json ≤ 64 MiB, all ≤ 1 GiB",
            case_bundle_large_members,
        ),
        Case(
            "bundle-contoso",
            "`import-bundle`: the judged Contoso case (for comparison)",
            "every snapshot re-extracted from its WARC record",
            case_bundle_contoso,
        ),
        Case(
            "bundle-forged",
            "`import-bundle`: a snapshot text forged, its WARC record intact",
            "refused: the text is not what its record gives",
            case_bundle_forged,
        ),
        Case(
            "anchor-line",
            "`anchor --batch`: one 5.4 MB line, then a small one",
            "`text` ≤ `WORKBENCH_TEXT_CAP` (500,000) characters, else that line's error; lines ≤ 16 MiB",
            case_anchor_long_line,
        ),
        Case(
            "jsonl-nested",
            "`anchor --batch`: a line of 100,000 nested brackets between two requests",
            "that line's error; the run goes on",
            case_jsonl_nested,
        ),
        Case(
            "database-check",
            "opening a database: `PRAGMA quick_check`",
            "once per file per process",
            case_database_check,
        ),
    ]
)


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
