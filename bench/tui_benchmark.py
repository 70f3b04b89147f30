"""The TUI at scale, driven through ``App.run_test()`` with a pilot on a generated database
(bench/tui_data.py): one article of 10,000 claims (83% judged, some stale after a
re-verification) and 200 articles of 50 claims. Prints figures; asserts nothing.

    .venv/bin/python bench/tui_benchmark.py [--claims 10000] [--articles 200] [--db PATH]
    .venv/bin/python bench/tui_benchmark.py --db PATH --only-match [--match-keys 100]

``--only-match`` opens the long article and times only the keys beside a match: Down with no job,
the match's start (the palette's "Match again", lexical: from the action to its first progress
line, and to its first claims ranked), Down while it runs, Esc, and the match process's CPU.
``--extraction`` adds what a fetch's page extraction costs the keys (CPU a page; Down while a
thread of the TUI's process extracts pages back to back).

Latencies are measured from the key event (sent as the terminal driver sends it) to the moment
the screen shows its effect (the detail pane names the claim under the cursor; the dialog is
mounted and focused; the saved row shows its new label), polling every millisecond; a pilot's
own ``press`` waits for the process to look idle and would measure that instead. Rendering the
frame comes after that moment; a full repaint of the screen is timed on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the generator beside this script

# A match runs in a spawned process, and spawning runs the parent's main script again in the
# child (as "__mp_main__"): the child must not import the TUI for nothing.
if __name__ == "__main__" or TYPE_CHECKING:
    from textual import events
    from textual.widgets import DataTable, Static
    from tui_cold_start import cold_start
    from tui_data import generate

    from workbench.services import matching
    from workbench.services.workspace import Workspace
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.run import tune_interpreter
    from workbench.tui.screens.articles import ArticlesScreen
    from workbench.tui.screens.claim_jobs import ClaimJobs
    from workbench.tui.screens.claims import ClaimsScreen
    from workbench.tui.screens.reverify import ReverifyScreen
    from workbench.tui.screens.verdict_dialog import VerdictDialog
    from workbench.tui.widgets.claim_detail import ClaimDetail

DEADLINE = 300.0  # seconds any one wait may take before the benchmark gives up


PAUSES: list[float] = []  # seconds of each full (generation 2) garbage collection
_gc_started = [0.0]


def _time_gc(phase: str, info: dict[str, int]) -> None:
    if info["generation"] == 2:
        if phase == "start":
            _gc_started[0] = time.perf_counter()
        else:
            PAUSES.append(time.perf_counter() - _gc_started[0])


def rss_mb() -> float:
    resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def until(condition: Callable[[], bool], what: str) -> float:
    """Seconds until ``condition()`` holds, checked every millisecond."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > DEADLINE:
            raise TimeoutError(what)
        await asyncio.sleep(0.001)
    return time.perf_counter() - started


def key(app: WorkbenchApp, name: str) -> None:
    """The key event a terminal driver would post."""
    app.post_message(events.Key(name, name if len(name) == 1 else None))


def shown(widget: Static) -> str:
    return str(widget.content)


def detail_shows(screen: ClaimsScreen) -> bool:
    """The detail pane shows the claim under the cursor (loaded, not the placeholder)."""
    claim_id = screen.current_id
    return claim_id is not None and screen.query_one(ClaimDetail).shown_claim == claim_id


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def figures(name: str, samples: list[tuple[float, float]]) -> str:
    ms = [wall * 1000 for wall, _ in samples]
    cpu = [cpu * 1000 for _, cpu in samples]
    return (
        f"{name}: median {statistics.median(ms):.1f} ms, p95 {p95(ms):.1f} ms, max {max(ms):.1f} ms "
        f"(n={len(ms)}); process CPU median {statistics.median(cpu):.1f} ms, p95 {p95(cpu):.1f} ms"
    )


def load() -> str:
    return "load " + " ".join(f"{value:.1f}" for value in os.getloadavg())


Step = Callable[[str, str, Callable[[], bool]], Awaitable[None]]


def _progressed(app: WorkbenchApp, *, ranked: bool) -> bool:
    """A running job's status shows the match's first progress line (``ranked``: claims ranked)."""
    for job in app.jobs.running():
        words = job.progress.split()
        if words[:1] == ["matching"] and (not ranked or words[1] != "0"):
            return True
        if not ranked and words[:1] == ["embedding"]:
            return True
    return False


async def match_section(
    app: WorkbenchApp,
    pilot: Any,
    screen: ClaimsScreen,
    claims: DataTable[Any],
    step: Step,
    samples: dict[str, list[tuple[float, float]]],
    keys: int,
) -> None:
    """Down with no job, then a lexical match (the palette's "Match again": nothing fetched)
    with its start-up and Down while it runs, then Esc; the match process's CPU."""
    await until(lambda: not app.jobs.running(), "no job")
    await pilot.pause()
    for _ in range(keys):
        target = claims.cursor_row + 1
        await step("Down, no job", "down", lambda t=target: claims.cursor_row == t and detail_shows(screen))
    print(figures("Down with no job running (detail pane updated)", samples["Down, no job"]))
    print(f"{load()} before the match")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    screen.action_match()
    await until(lambda: _progressed(app, ranked=False), "the match's first progress line")
    first_line = time.perf_counter() - started
    await until(lambda: _progressed(app, ranked=True), "the first claims ranked")
    first_ranked = time.perf_counter() - started
    print(
        f"match start-up: its first progress line {1000 * first_line:.0f} ms after the action, "
        f"its first claims ranked {1000 * first_ranked:.0f} ms"
    )
    job = app.jobs.running()[0]
    during = 0
    for _ in range(keys):
        target = claims.cursor_row + 1
        await step(
            "Down while matching", "down", lambda t=target: claims.cursor_row == t and detail_shows(screen)
        )
        during += job.running
    print(
        figures("Down while a match runs (detail pane updated)", samples["Down while matching"])
        + f"; {during} of {keys} keys with the match still running"
    )
    t = time.perf_counter()
    key(app, "escape")
    await until(lambda: not job.running, "the match to stop")
    print(
        f"Esc during the match: the job stopped {1000 * (time.perf_counter() - t):.0f} ms later, after {job.progress}"
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(
        f"match process CPU (user+sys) {child_cpu:.2f} s (0 where the match ran in a thread of this "
        f"process: its CPU is then in the keys' process CPU); {load()}"
    )
    await until(lambda: not any(w.group == "claims" and not w.is_finished for w in app.workers), "the reload")
    await pilot.pause()


def news_page(paragraphs: int = 150) -> bytes:
    """A page the size of a long news article with its site around it (~100 KB of HTML)."""
    nav = "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(80))
    body = "".join(
        f"<p>The council said on Monday that {n * 7} workers would be hired by March, and the mayor "
        f"added that the budget of {n + 12} million dollars was approved after a long debate.</p>"
        for n in range(paragraphs)
    )
    related = "".join(
        f"<div class='card'><a href='/story/{n}'>Another story, number {n}</a><p>A related story.</p></div>"
        for n in range(60)
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Budget</title></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><article><h1>Budget approved</h1>{body}</article>"
        f"<aside>{related}</aside><footer>A page written for the benchmark.</footer></body></html>"
    ).encode()


async def extraction_section(
    screen: ClaimsScreen,
    claims: DataTable[Any],
    step: Step,
    samples: dict[str, list[tuple[float, float]]],
    keys: int,
) -> None:
    """What a fetch's extraction (trafilatura, in the job's thread) costs the keys: the CPU one
    page takes, and Down while a thread extracts such pages back to back (a fetch extracts one
    page per source, so this is the worst case, for as long as the keys take)."""
    from workbench.fetching.extract import page_from_body

    page = news_page()
    url = "https://news.example/budget"
    cpu = []
    for _ in range(5):
        started = time.thread_time()
        page_from_body(page, url, "text/html")
        cpu.append(time.thread_time() - started)
    print(
        f"extraction of a {len(page) / 1000:.0f} KB news page: median {1000 * statistics.median(cpu):.0f} ms "
        f"of CPU (5 runs); {load()}"
    )
    stop = threading.Event()
    extracted = [0]

    def back_to_back() -> None:
        while not stop.is_set():
            page_from_body(page, url, "text/html")
            extracted[0] += 1

    worker = threading.Thread(target=back_to_back, daemon=True)
    worker.start()
    for _ in range(keys):
        target = claims.cursor_row + 1
        await step(
            "Down while extracting", "down", lambda t=target: claims.cursor_row == t and detail_shows(screen)
        )
    stop.set()
    worker.join()
    print(
        figures("Down while a thread extracts pages back to back", samples["Down while extracting"])
        + f"; {extracted[0]} pages extracted meanwhile"
    )


async def run(
    db: Path, big_claims: int, *, only_match: bool = False, match_keys: int = 100, extraction: bool = False
) -> None:
    tune_interpreter()  # as workbench.tui.run does for the real TUI
    # the job timed below matches lexically (the embedding of 10,000 new claims takes minutes):
    # in a process of its own (ClaimJobs.match_semantic), or in a thread in trees before it
    ClaimJobs.match_semantic = False
    matching.semantic_for = lambda *_args, **_kwargs: None  # type: ignore[assignment]
    ws = Workspace.open(str(db))
    app = WorkbenchApp(ws)
    started = time.perf_counter()
    cpu_started = time.process_time()
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen
        assert isinstance(articles, ArticlesScreen)
        table = articles.query_one("#articles-table", DataTable)
        await until(lambda: table.row_count > 0, "the article list")
        listed = time.perf_counter() - started
        print(f"app start to the article list ({table.row_count} articles): {listed * 1000:.0f} ms")

        # open the long article (the first row)
        table.move_cursor(row=0)
        opened = time.perf_counter()
        key(app, "enter")
        await until(
            lambda: isinstance(app.screen, ClaimsScreen) and app.screen.is_mounted, "the claims screen"
        )
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        claims = screen.query_one("#claims-table", DataTable)
        await until(lambda: claims.row_count == big_claims and detail_shows(screen), "the claims table")
        shown_at = time.perf_counter()
        # interactive: the next key is handled (a Down shows the next claim's detail)
        key(app, "down")
        await until(lambda: claims.cursor_row == 1 and detail_shows(screen), "the first key")
        interactive = time.perf_counter()
        print(
            f"open a {big_claims:,}-claim article: table and detail shown {1000 * (shown_at - opened):.0f} ms, "
            f"first key handled {1000 * (interactive - opened):.0f} ms; "
            f"cold start (app start to the table interactive) {1000 * (interactive - started):.0f} ms, "
            f"process CPU {1000 * (time.process_time() - cpu_started):.0f} ms; resident memory {rss_mb():.0f} MB"
        )
        await pilot.pause()

        samples: dict[str, list[tuple[float, float]]] = {}  # what -> (wall, process CPU) seconds

        async def step(what: str, name: str, condition: Callable[[], bool]) -> None:
            t, c = time.perf_counter(), time.process_time()
            key(app, name)
            await until(condition, name)
            samples.setdefault(what, []).append((time.perf_counter() - t, time.process_time() - c))

        if only_match:
            await match_section(app, pilot, screen, claims, step, samples, match_keys)
            if extraction:
                await extraction_section(screen, claims, step, samples, match_keys)
            return

        repaint = []
        for _ in range(5):
            t, c = time.perf_counter(), time.process_time()
            app.screen._compositor.render_update(full=True)
            repaint.append((time.perf_counter() - t, time.process_time() - c))
        print(figures("full repaint of the claims screen (120x40)", repaint))

        for _ in range(200):
            target = claims.cursor_row + 1
            await step("Down", "down", lambda t=target: claims.cursor_row == t and detail_shows(screen))
        for _ in range(60):
            before = claims.cursor_row
            await step(
                "PageDown", "pagedown", lambda b=before: claims.cursor_row > b and detail_shows(screen)
            )
        for _ in range(15):
            await step(
                "End (last claim)",
                "end",
                lambda: claims.cursor_row == big_claims - 1 and detail_shows(screen),
            )
            await step("Home (first claim)", "home", lambda: claims.cursor_row == 0 and detail_shows(screen))
        for what in ("Down", "PageDown", "End (last claim)", "Home (first claim)"):
            print(figures(f"{what}, detail pane updated", samples[what]))

        rng = random.Random(3)
        load_calls = 0
        original_load = screen.load_claims

        def counting_load(*args: object, **kwargs: object) -> object:
            nonlocal load_calls
            load_calls += 1
            return original_load(*args, **kwargs)  # type: ignore[arg-type]

        screen.load_claims = counting_load  # type: ignore[method-assign]
        unjudged = [i for i, row in enumerate(screen.rows) if row.label is None]
        rng.shuffle(unjudged)
        dialog_open = lambda: isinstance(app.screen, VerdictDialog) and app.screen.focused is not None  # noqa: E731
        for i in range(30):
            claims.move_cursor(row=unjudged[i])
            await until(lambda: detail_shows(screen), "the detail after a jump")
            await pilot.pause()
            await step("open the verdict dialog (v)", "v", dialog_open)
            await pilot.pause()
            await step("close it (Esc)", "escape", lambda: app.screen is screen)
            await pilot.pause()
            if i < 20:  # save: s opens the dialog with Supported chosen, Enter saves
                await step("open it with a label (s)", "s", dialog_open)
                await pilot.pause()
                row_key = str(screen.current_id)
                status_before = shown(screen.query_one("#status-line", Static))

                def saved(row_key: str = row_key, before: str = status_before) -> bool:
                    view = screen.current
                    return (
                        app.screen is screen
                        and "Supported" in str(claims.get_row(row_key)[2])
                        and view is not None
                        and view.verdict is not None
                        and detail_shows(screen)
                        and shown(screen.query_one("#status-line", Static)) != before
                    )

                await step("save a verdict (Enter) until its row, detail and status show it", "enter", saved)
                await pilot.pause()
        for what in (
            "open the verdict dialog (v)",
            "close it (Esc)",
            "open it with a label (s)",
            "save a verdict (Enter) until its row, detail and status show it",
        ):
            print(figures(what, samples[what]))
        print(f"full table reloads during those saves: {load_calls}; resident memory now {rss_mb():.0f} MB")
        await pilot.pause()

        await match_section(app, pilot, screen, claims, step, samples, match_keys)
        if extraction:
            await extraction_section(screen, claims, step, samples, match_keys)
        review, review_cpu = time.perf_counter(), time.process_time()
        key(app, "r")
        await until(
            lambda: isinstance(app.screen, ReverifyScreen) and app.screen.is_mounted,
            "the re-verification screen",
        )
        rv = app.screen
        assert isinstance(rv, ReverifyScreen)
        rv_table = rv.query_one("#review-table", DataTable)
        await until(
            lambda: rv_table.row_count > 0 and bool(shown(rv.query_one("#review-body", Static))),
            "review items",
        )
        print(
            f"re-verification screen ({rv_table.row_count:,} items) shown: "
            f"{1000 * (time.perf_counter() - review):.0f} ms, process CPU {1000 * (time.process_time() - review_cpu):.0f} ms"
        )
        await pilot.pause()
        for i in range(1, 31):
            await step(
                "re-verification Down", "down", lambda i=i: rv_table.cursor_row == i and rv.shown_item == i
            )
        print(figures("re-verification Down, passages shown", samples["re-verification Down"]))
        key(app, "escape")
        await until(lambda: app.screen is screen, "back to the claims")
        key(app, "escape")
        await until(lambda: isinstance(app.screen, ArticlesScreen), "back to the articles")

        # a short article among 200
        table = app.screen.query_one("#articles-table", DataTable)
        await until(lambda: table.row_count > 1, "the article list again")
        table.move_cursor(row=table.row_count // 2)
        t, c = time.perf_counter(), time.process_time()
        key(app, "enter")
        await until(
            lambda: (
                isinstance(app.screen, ClaimsScreen) and app.screen is not screen and app.screen.is_mounted
            ),
            "a short article",
        )
        short = app.screen
        assert isinstance(short, ClaimsScreen)
        short_table = short.query_one("#claims-table", DataTable)
        await until(lambda: short_table.row_count > 0 and detail_shows(short), "its table")
        print(
            f"open a {short_table.row_count}-claim article among {table.row_count}: "
            f"{1000 * (time.perf_counter() - t):.0f} ms, process CPU {1000 * (time.process_time() - c):.0f} ms"
        )
        print(
            f"garbage collection: {len(PAUSES)} full collections, longest {1000 * max(PAUSES, default=0):.0f} ms"
        )
        print(f"resident memory now {rss_mb():.0f} MB, peak {peak_rss_mb():.0f} MB")
    ws.close()


def import_time() -> float:
    """Seconds for a fresh interpreter to import the TUI (median of three)."""
    code = "import time; t = time.perf_counter(); import workbench.tui.app; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    ]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--db", type=Path, help="reuse (or write) the generated database here")
    parser.add_argument("--only-match", action="store_true", help="only the keys beside a match")
    parser.add_argument("--match-keys", type=int, default=100, help="Down keys with and without the match")
    parser.add_argument("--extraction", action="store_true", help="also Down while pages are extracted")
    args = parser.parse_args()
    gc.callbacks.append(_time_gc)
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; workbench from {Path(matching.__file__).parents[1]}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "tui.db"
        if args.db is None or not args.db.exists():
            t = time.perf_counter()
            made = generate(db, claims=args.claims, articles=args.articles, per_article=args.per_article)
            print(f"generated {made} in {time.perf_counter() - t:.1f} s")
            if args.db is not None:
                shutil.copy(db, args.db)
        else:
            shutil.copy(args.db, db)  # the run records verdicts: on a copy
        if not args.only_match:
            print(f"import of the TUI in a fresh interpreter: {1000 * import_time():.0f} ms")
            cold_start(db, runs=3, claims=args.claims)  # new processes: bench/tui_cold_start.py
        asyncio.run(
            run(
                db,
                args.claims,
                only_match=args.only_match,
                match_keys=args.match_keys,
                extraction=args.extraction,
            )
        )


if __name__ == "__main__":
    main()
