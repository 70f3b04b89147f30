"""Re-anchoring benchmark: generated documents, generated edits, truth from the generator's edit log.

    .venv/bin/python bench/anchor_benchmark.py [--seed 7] [--per-kind 400] [--show wrong|orphaned]

Each case pins a quote in an old text (TextQuoteSelector with 32 characters of context and its old
offsets), edits the document, and asks :func:`workbench.anchoring.reanchor_quote` where the quote
is now. The generator (``bench/anchor_corpus.py``) knows the answer because the quote is wrapped in
marker characters through every edit.

Scoring, per case:
- the quote survives (truth has spans): **correct** when the result is not orphaned and both of its
  ends are within ``SLACK`` characters of a truth span's ends; **orphaned** when the anchorer gave
  up; **wrong** otherwise (a span somewhere else).
- the passage is gone (deleted or rewritten): **correct** when orphaned, **wrong** otherwise.
"status ok" counts results whose status is the one the kind calls for (intact or moved for
"located", edited, orphaned). Goals: >= 98% correct where the quote survives; wrong < 0.5% of all.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from anchor_corpus import KINDS, Case, generate

from workbench.anchoring import AnchorResult, reanchor_quote

SLACK = 4  # characters either end may differ from the truth and still count as correct


def grade(case: Case, result: AnchorResult) -> str:
    """ "correct", "orphaned" (gave up on a surviving quote) or "wrong"."""
    if result.status == "orphaned":
        return "correct" if not case.truth else "orphaned"
    if result.start is None or result.end is None:
        return "wrong"
    for start, end in case.truth:
        if abs(result.start - start) <= SLACK and abs(result.end - end) <= SLACK:
            return "correct"
    return "wrong"


def status_ok(case: Case, result: AnchorResult) -> bool:
    expected = KINDS[case.kind]
    if expected == "located":
        return result.status in ("intact", "moved")
    return result.status == expected


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-kind", type=int, default=400)
    parser.add_argument("--show", choices=["wrong", "orphaned"], help="print the cases graded so")
    args = parser.parse_args()

    cases = list(generate(args.seed, args.per_kind))
    began = time.perf_counter()
    results = [reanchor_quote(case.selector, case.text) for case in cases]
    elapsed = time.perf_counter() - began

    table: dict[str, Counter[str]] = defaultdict(Counter)
    statuses: dict[str, Counter[str]] = defaultdict(Counter)
    for case, result in zip(cases, results, strict=True):
        verdict = grade(case, result)
        table[case.kind][verdict] += 1
        table[case.kind]["status ok"] += status_ok(case, result)
        statuses[case.kind][result.status] += 1
        if args.show == verdict:
            _show(case, result)

    header = f"{'kind':<27}{'expect':>9}{'cases':>7}{'correct':>9}{'orphaned':>10}{'wrong':>7}{'status ok':>11}   statuses"
    print(header)
    print("-" * len(header))
    for kind, expected in KINDS.items():
        row = table[kind]
        total = sum(row[k] for k in ("correct", "orphaned", "wrong"))
        seen = " ".join(f"{s}:{n}" for s, n in sorted(statuses[kind].items()))
        print(
            f"{kind:<27}{expected:>9}{total:>7}{row['correct']:>9}{row['orphaned']:>10}{row['wrong']:>7}"
            f"{row['status ok']:>11}   {seen}"
        )
    surviving = [k for k, v in KINDS.items() if v != "orphaned"]
    survived = sum(sum(table[k][v] for v in ("correct", "orphaned", "wrong")) for k in surviving)
    correct_surviving = sum(table[k]["correct"] for k in surviving)
    gone = [k for k, v in KINDS.items() if v == "orphaned"]
    gone_total = sum(sum(table[k][v] for v in ("correct", "wrong")) for k in gone)
    wrong = sum(table[k]["wrong"] for k in KINDS)
    print("-" * len(header))
    print(f"cases: {len(cases)} (seed {args.seed}, {args.per_kind} per kind, slack {SLACK} characters)")
    print(
        f"correct where the quote survives: {correct_surviving}/{survived} = {100 * correct_surviving / survived:.2f}%"
    )
    print(f"orphaned where the passage is gone: {sum(table[k]['correct'] for k in gone)}/{gone_total}")
    print(f"wrong anchors: {wrong}/{len(cases)} = {100 * wrong / len(cases):.2f}% of all cases")
    print(f"time: {elapsed:.2f} s re-anchoring ({1000 * elapsed / len(cases):.2f} ms per case)")
    print()
    print("by quote length (short: fewer than 5 words or 30 characters), cases where the quote survives:")
    by_length: dict[str, Counter[str]] = defaultdict(Counter)
    for case, result in zip(cases, results, strict=True):
        if KINDS[case.kind] != "orphaned":
            short = case.quote_words < 5 or len(case.selector.exact) < 30
            by_length["short" if short else "longer"][grade(case, result)] += 1
    for name, row in sorted(by_length.items()):
        total = sum(row.values())
        print(
            f"  {name:<8}{total:>6} cases  correct {row['correct']:>5} ({100 * row['correct'] / total:.1f}%)"
            f"  orphaned {row['orphaned']:>4}  wrong {row['wrong']:>3}"
        )


def _show(case: Case, result: AnchorResult) -> None:
    print(f"--- #{case.ident} {case.kind}: {result.status} {result.start}:{result.end} ({result.reason})")
    print(f"    quote:  {case.selector.prefix!r} [{case.selector.exact!r}] {case.selector.suffix!r}")
    for start, end in case.truth:
        print(
            f"    truth:  {case.text[max(0, start - 32) : start]!r} [{case.text[start:end]!r}] {case.text[end : end + 32]!r}"
        )
    if result.start is not None and result.end is not None:
        s, e = result.start, result.end
        print(f"    found:  {case.text[max(0, s - 32) : s]!r} [{case.text[s:e]!r}] {case.text[e : e + 32]!r}")


if __name__ == "__main__":
    main()
