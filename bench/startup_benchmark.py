"""Start-up of the command line: how long a command takes before it does any work.

    .venv/bin/python bench/startup_benchmark.py [--runs 9] [--db DEMO.db]

Runs each command as a fresh process (the console script, as a user types it) and prints the
median wall and CPU time of ``--runs`` runs and its ratio to a bare ``python -c pass``; the goal is
``--help`` under 10x that, and ``articles list --json`` on the demo database under 0.6 s. Without
``--db`` the demo database is built first in a temporary folder (offline, a few seconds). The
machine's load average is printed too: on a shared machine, compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tui_cold_start import compile_workbench  # bench/: this script's folder is on the path

VENV_BIN = Path(sys.executable).parent


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", help="an existing demo database (default: build one)")
    args = parser.parse_args()
    workbench = str(VENV_BIN / "workbench")
    compile_workbench()  # as installed: no run compiles the package from source
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, WORKBENCH_ARCHIVE=str(Path(tmp) / "archive"))
        db = args.db or str(Path(tmp) / "demo.db")
        if not args.db:
            subprocess.run(
                [workbench, "--db", db, "demo", "--offline", "--no-tui", "--json"],
                env=env,
                stdout=subprocess.DEVNULL,
                check=True,
            )
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "workbench --version": [workbench, "--version"],
            "workbench --help": [workbench, "--help"],
            "workbench match --help": [workbench, "match", "--help"],
            "workbench claims list --help": [workbench, "claims", "list", "--help"],
            "workbench articles list --json (demo db)": [workbench, "--db", db, "articles", "list", "--json"],
        }
        results: dict[str, tuple[float, float]] = {}
        load_before = os.getloadavg()[0]
        for name, command in commands.items():
            _timed(command, env)  # warm the file cache
            runs = [_timed(command, env) for _ in range(args.runs)]
            results[name] = (
                statistics.median(wall for wall, _ in runs),
                statistics.median(cpu for _, cpu in runs),
            )
    base_wall = results["python -c pass"][0]
    print(
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores; "
        f"median of {args.runs} runs"
    )
    print(f"{'command':<44} {'wall s':>7} {'cpu s':>7} {'x bare':>7}")
    for name, (wall, cpu) in results.items():
        print(f"{name:<44} {wall:7.3f} {cpu:7.3f} {wall / base_wall:7.1f}")
    listing = results["workbench articles list --json (demo db)"][0]
    print(
        f"goals: --help under 10x bare python ({results['workbench --help'][0] / base_wall:.1f}x); "
        f"articles list --json under 0.6 s ({listing:.2f} s)"
    )


if __name__ == "__main__":
    main()
