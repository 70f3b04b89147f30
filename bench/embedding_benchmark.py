"""Embedding throughput of the semantic extra's runtime on this machine: sentences a second with
one and with every core, by batch size, in one process or several at once.

    .venv/bin/python bench/embedding_benchmark.py [--texts 256] [--threads 1,2] [--batches 1,16,64,256]
        [--processes 1,2] [--pool 2]

Each thread count runs in a child process of its own (the runtime fixes its thread count when
its engine loads, from WORKBENCH_EMBED_THREADS here); ``--processes N`` runs N such children at
once, each on its own copy of the texts, and prints each one's rate and their sum (one thread in
each of two processes against two threads in one). ``--pool N`` then times what ``match`` does
with many texts and free cores: the texts embedded by N spawned one-thread workers in chunks
(workbench.matching.embed_pool), start-up included, against one process that loads the model
with N threads and embeds them (each once, one text a call). The texts are the Contoso case's article
sentences and its sources' sentences and paragraphs (what matching embeds), distinct, cycled to
``--texts``; nothing is cached between batches. Prints texts a second and ms a text (wall clock),
and the child process's CPU time a text: on cores shared with other work the wall clock says how
busy the machine was, the CPU time what the model costs.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

CHILD = "--child"


def _texts(count: int) -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from contoso_scale import contoso_case, long_text

    from workbench.matching.passages import split_passages

    pages = []
    for path in sorted((contoso_case().text_path.parent / "site" / "v1").rglob("*.html")):
        pages.append(html.unescape(re.sub(r"<[^>]+>", "\n", path.read_text(encoding="utf-8"))))
    texts = [page[p.start : p.end] for page in pages for p in split_passages(page)]
    article = long_text(copies=4)
    texts += [article[p.start : p.end] for p in split_passages(article)]
    distinct = list(dict.fromkeys(t for t in texts if len(t.split()) >= 3))
    # cycle with a marker so that every text is new to the model's caller
    return [f"{distinct[i % len(distinct)]} ({i})" for i in range(count)]


def child(texts_count: int, batches: list[int]) -> None:
    from workbench.matching.semantic import _load_model

    texts = _texts(texts_count)
    started = time.perf_counter()
    model = _load_model()
    load = time.perf_counter() - started
    results: dict[str, object] = {"load_s": load, "words": statistics.mean(len(t.split()) for t in texts)}
    for batch in batches:
        started, cpu = time.perf_counter(), time.process_time()
        for first in range(0, len(texts), batch):
            model.passage(texts[first : first + batch])
        results[str(batch)] = len(texts) / (time.perf_counter() - started)
        results[f"cpu{batch}"] = (time.process_time() - cpu) / len(texts)
    print(json.dumps(results))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_children(processes: int, threads: int, args: argparse.Namespace) -> list[dict[str, float]]:
    """``processes`` children of ``threads`` threads each, started together; their results."""
    env = dict(os.environ, WORKBENCH_EMBED_THREADS=str(threads))
    command = [sys.executable, __file__, CHILD, "--texts", str(args.texts), "--batches", args.batches]
    children = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) for _ in range(processes)
    ]
    results = []
    for child_process in children:
        out, _ = child_process.communicate()
        if child_process.returncode:
            raise SystemExit(f"a benchmark child failed ({child_process.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def pool(workers: int, count: int) -> None:
    """The texts embedded by ``workers`` spawned one-thread processes, as Embedder.prepare does,
    then (in a child, for a fresh engine) by one process of ``workers`` threads."""
    from workbench.matching.embed_pool import embed_in_workers
    from workbench.matching.semantic import EMBED_CHUNK, _load_model

    items = [(text, False) for text in _texts(count)]
    firsts: list[float] = []
    started, cpu, children_cpu = time.perf_counter(), time.process_time(), _children_cpu()
    embed_in_workers(
        items,
        workers=workers,
        chunk=EMBED_CHUNK,
        load=partial(_load_model, threads=1),
        keep=lambda first, vectors: firsts.append(time.perf_counter() - started),
    )
    wall = time.perf_counter() - started
    used = time.process_time() - cpu + _children_cpu() - children_cpu
    print(
        f"pool of {workers} one-thread workers: {count / wall:.1f} texts/s over {wall:.2f} s, start-up "
        f"included (first chunk of {EMBED_CHUNK} back after {firsts[0]:.2f} s); CPU {1000 * used / count:.1f} ms "
        f"a text, workers and this process"
    )
    env = dict(os.environ, WORKBENCH_EMBED_THREADS=str(workers))
    started, children_cpu = time.perf_counter(), _children_cpu()
    out = subprocess.run(
        [sys.executable, __file__, CHILD, "--texts", str(count), "--batches", "1"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    wall = time.perf_counter() - started
    used = _children_cpu() - children_cpu
    result = json.loads(out.strip().splitlines()[-1])
    ready = result["load_s"] + count / result["1"]
    print(
        f"one process of {workers} threads: {count / ready:.1f} texts/s over {ready:.2f} s, model load included"
        f" ({result['load_s']:.2f} s; the whole child, with Python's start-up and imports, {wall:.2f} s); CPU "
        f"{1000 * used / count:.1f} ms a text"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=256)
    parser.add_argument("--threads", default=f"1,{os.cpu_count() or 1}")
    parser.add_argument("--batches", default="1,16,64,256")
    parser.add_argument("--processes", default="1", help="children run at once, e.g. 1,2 (0: none)")
    parser.add_argument("--pool", type=int, default=0, metavar="N", help="then time a pool of N workers")
    parser.add_argument(CHILD, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    batches = [int(b) for b in args.batches.split(",")]
    if args.child:
        child(args.texts, batches)
        return
    from workbench.matching.semantic import PACKAGE, semantic_available

    if not semantic_available():
        print(f"the semantic extra ({PACKAGE}) is not installed")
        return
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.texts} texts", flush=True)
    for processes in dict.fromkeys(int(p) for p in args.processes.split(",") if int(p) > 0):
        for threads in dict.fromkeys(int(t) for t in args.threads.split(",")):
            results = _run_children(processes, threads, args)
            loads = ", ".join(f"{r['load_s']:.2f}" for r in results)
            print(
                f"{processes} process(es) x {threads} thread(s): model load "
                f"{loads} s; texts of "
                f"{results[0]['words']:.0f} words on average"
            )
            for batch in batches:
                rates = [r[str(batch)] for r in results]
                cpu_ms = 1000 * statistics.mean(r[f"cpu{batch}"] for r in results)
                each = f" ({' + '.join(f'{rate:.1f}' for rate in rates)})" if processes > 1 else ""
                print(
                    f"  batch {batch:>4}: {sum(rates):7.1f} texts/s{each}  ({1000 / statistics.mean(rates):6.1f} ms"
                    f" a text in each; CPU {cpu_ms:5.1f} ms a text)",
                    flush=True,
                )
    if args.pool:
        print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
        pool(args.pool, args.texts)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
