"""Embedding throughput of the semantic extra's runtime on this machine: sentences a second with
one and with every core, by batch size.

    .venv/bin/python bench/embedding_benchmark.py [--texts 256] [--threads 1,2] [--batches 1,16,64,256]

Each thread count runs in a child process of its own (the runtime fixes its thread count when
its engine loads, from WORKBENCH_EMBED_THREADS here). The texts are the Contoso case's article
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
import statistics
import subprocess
import sys
import time
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=256)
    parser.add_argument("--threads", default=f"1,{os.cpu_count() or 1}")
    parser.add_argument("--batches", default="1,16,64,256")
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
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.texts} texts")
    for threads in dict.fromkeys(int(t) for t in args.threads.split(",")):
        env = dict(os.environ, WORKBENCH_EMBED_THREADS=str(threads))
        out = subprocess.run(
            [sys.executable, __file__, CHILD, "--texts", str(args.texts), "--batches", args.batches],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
        print(
            f"{threads} thread(s): model load {result['load_s']:.2f} s; texts of {result['words']:.0f} words on average"
        )
        for batch in batches:
            rate = result[str(batch)]
            cpu_ms = 1000 * result[f"cpu{batch}"]
            print(
                f"  batch {batch:>4}: {rate:7.1f} texts/s  ({1000 / rate:6.1f} ms a text; CPU {cpu_ms:5.1f} ms a text)"
            )


if __name__ == "__main__":
    main()
