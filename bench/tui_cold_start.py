"""TUI cold start from a new process, on the generated database of bench/tui_data.py: from the
command to the long article's claims table (goal: interactive within 1.5 s).

    .venv/bin/python bench/tui_cold_start.py [--db PATH] [--runs 5] [--claims 10000]

Two measurements, each a new process per run, medians printed with the machine's load:

- ``pilot``: ``python -c`` that opens the TUI as ``workbench`` does (``tui.run.run_tui``: the
  database check beside the imports, the same app), headless, with a pilot that presses Enter on
  the article list as soon as it shows and then Down once the table and the first claim's detail
  show. Times from before the interpreter starts (this process's clock) to the table shown (its
  rows in place), to the first claim's detail shown (both read by plain SQL, before the ORM
  loads), and to that first key handled; the child's CPU time to the same moments.
- ``terminal``: the ``workbench`` console script itself under a pseudo-terminal (120x40), as a
  checker types it; Enter is sent once the article list is drawn. Times from the launch to the
  first row of the list drawn, and to the claims table drawn (its title line names the claim
  count and is written in the same refresh as the rows); the child's CPU time (every thread,
  from /proc) when each is seen drawn.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

VENV_BIN = Path(sys.executable).parent
PACKAGE = Path(__file__).resolve().parent.parent / "workbench"
DEADLINE = 120.0  # seconds any one wait may take

PILOT = """
import time
started, cpu = time.perf_counter(), time.process_time()
import sys
from textual import events
from workbench.tui.run import run_tui

# seconds between two looks: each look also refreshes the screen, and looking every millisecond
# cost the measured process ~0.25 s of CPU for each second it waited
POLL = 0.01

def figures(what):
    print(what, time.perf_counter() - started, time.process_time() - cpu, flush=True)

def detail_shown(screen):
    detail = screen.query("#claim-detail")
    return bool(detail) and screen.current_id is not None and detail.first().shown_claim == screen.current_id

async def drive(pilot):
    app = pilot.app
    while not app.screen.query("#articles-table") or not app.screen.query_one("#articles-table").row_count:
        await pilot.pause(POLL)
    app.post_message(events.Key("enter", None))  # not pilot.press: it waits for the process to idle
    while not (type(app.screen).__name__ == "ClaimsScreen" and app.screen.rows):
        await pilot.pause(POLL)
    figures("table")
    while not detail_shown(app.screen):
        await pilot.pause(POLL)
    figures("shown")
    screen = app.screen
    table = screen.query_one("#claims-table")
    app.post_message(events.Key("down", None))
    while not (table.cursor_row == 1 and detail_shown(screen)):
        await pilot.pause(POLL)
    figures("interactive")
    app.exit()

run_tui(sys.argv[1], headless=True, auto_pilot=drive)
"""


def compile_workbench() -> None:
    """Write the package's bytecode, as installing it does: with ``PYTHONDONTWRITEBYTECODE`` set
    (this machine sets it) a checkout never gets any, and every run would compile the workbench's
    modules from source first (~0.1 s of CPU before the TUI's first screen)."""
    import compileall

    compileall.compile_dir(PACKAGE, quiet=1)


def pilot_run(db: Path) -> dict[str, float]:
    """One new process: seconds (this clock, from before the interpreter starts) and child CPU
    seconds to the table shown and to the first key handled."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", PILOT, str(db)], stdout=subprocess.PIPE, text=True, bufsize=1
    )
    found: dict[str, float] = {}
    assert child.stdout is not None
    for line in child.stdout:
        what, _inside, cpu = line.split()
        found[what] = time.perf_counter() - started
        found[f"{what} cpu"] = float(cpu)
    if child.wait() != 0 or "interactive" not in found:
        raise RuntimeError(f"the pilot run failed (exit {child.returncode})")
    return found


def terminal_run(db: Path, claims: int) -> dict[str, float]:
    """One ``workbench --db DB`` under a pseudo-terminal: seconds from the launch to the article
    list drawn and to the claims table drawn; then ``q``."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    started = time.perf_counter()
    child = subprocess.Popen(
        [str(VENV_BIN / "workbench"), "--db", str(db)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    screen = bytearray()

    def read() -> None:
        ready, _, _ = select.select([master], [], [], 0.005)
        if ready:
            with contextlib.suppress(OSError):  # the child closed the terminal
                screen.extend(os.read(master, 1 << 20))

    def cpu() -> float:
        """The child's CPU seconds so far (user + system, every thread), from /proc."""
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return float("nan")

    def until(pattern: bytes) -> float:
        while re.search(pattern, screen) is None:
            if time.perf_counter() - started > DEADLINE:
                seen = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b" ", bytes(screen[-3000:]))
                raise TimeoutError(f"{pattern.decode()} not drawn; last output: {seen!r}")
            read()
        return time.perf_counter() - started

    try:
        found = {"list drawn": until(rb"Long report")}
        found["list drawn cpu"] = cpu()
        os.write(master, b"\r")
        found["table drawn"] = until(rf"\b{claims} claims".encode())
        found["table drawn cpu"] = cpu()
        os.write(master, b"q")
        while child.poll() is None and time.perf_counter() - started < DEADLINE:
            read()  # the terminal is read until the end, or the child would wait to write
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    return found


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def cold_start(db: Path, *, runs: int, claims: int) -> None:
    """Print both measurements (the database is copied per run: nothing the TUI writes carries
    over)."""
    compile_workbench()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "tui.db"
        pilot, terminal = [], []
        for _ in range(runs):
            shutil.copy(db, copy)
            pilot.append(pilot_run(copy))
            shutil.copy(db, copy)
            terminal.append(terminal_run(copy, claims))
        load = os.getloadavg()[0]
    p, t = medians(pilot), medians(terminal)
    print(
        f"TUI cold start, new process, {claims:,}-claim article (median of {runs}, load {load:.1f} "
        f"on {os.cpu_count()} cores; goal: table interactive within 1.5 s):"
    )
    print(
        f"  pilot (run_tui, headless): table shown {p['table']:.2f} s, its first claim's detail "
        f"{p['shown']:.2f} s, first key handled {p['interactive']:.2f} s (child CPU "
        f"{p['table cpu']:.2f} s / {p['shown cpu']:.2f} s / {p['interactive cpu']:.2f} s)"
    )
    print(
        f"  terminal (`workbench --db`, pty 120x40): article list drawn {t['list drawn']:.2f} s, "
        f"claims table drawn {t['table drawn']:.2f} s (child CPU {t['list drawn cpu']:.2f} s / "
        f"{t['table drawn cpu']:.2f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database from bench/tui_data.py (default: generate one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--claims", type=int, default=10_000)
    args = parser.parse_args()
    if args.db is not None:
        cold_start(args.db, runs=args.runs, claims=args.claims)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from tui_data import generate

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "tui.db"
        generate(db, claims=args.claims, articles=200, per_article=50)
        cold_start(db, runs=args.runs, claims=args.claims)


if __name__ == "__main__":
    main()
