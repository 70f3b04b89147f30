"""Re-anchoring benchmark: generated documents, generated edits, truth from the generator's edit log.

    .venv/bin/python bench/anchor_benchmark.py [--seed 7] [--per-kind 400] [--show wrong|orphaned]
    .venv/bin/python bench/anchor_benchmark.py --corpus realistic --half tuning|test [--per-kind 300]
    add --w3c-only to re-anchor from the W3C selector alone (no whole own sentence), as when the
    text a quote was pinned in is not at hand

Each case pins a quote in an old text (TextQuoteSelector with 32 characters of context and its old
offsets), edits the document, and asks :func:`workbench.anchoring.reanchor_quote` where the quote
is now. The generator knows the answer because the quote is wrapped in marker characters through
every edit. Two corpora: ``generated`` (``bench/anchor_corpus.py``: template sentences, word-level
edits, one seed) and ``realistic`` (``bench/anchor_realistic.py``: news and blog articles edited the
way editors edit them, in a tuning half and a test half; see docs/anchoring.md).

Scoring, per case:
- the quote survives (truth has spans): **correct** when the result is not orphaned and both of its
  ends are within ``SLACK`` characters of a truth span's ends; **orphaned** when the anchorer gave
  up; **wrong** otherwise (a span somewhere else).
- the passage is gone (deleted or rewritten): **correct** when orphaned, **wrong** otherwise.
- the passage survives but was recast too heavily to be a close match (realistic corpus, expect
  "rewritten"): **correct** when orphaned or located at the truth, **wrong** otherwise; these cases
  are left out of "correct where the quote survives" and counted on their own line.
- either way, a span the case lists in ``also`` is not wrong (realistic corpus: the same words about
  the same figure, said elsewhere in the article); such results are counted on their own line.
"status ok" counts results whose status is the one the case calls for (intact or moved for
"located", edited, orphaned). Goals: >= 98% correct where the quote survives; wrong < 0.5% of all.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import anchor_corpus
import anchor_realistic
from anchor_corpus import Case

from workbench.anchoring import AnchorResult, reanchor_quote

SLACK = 4  # characters either end may differ from the truth and still count as correct


def grade(case: Case, result: AnchorResult) -> str:
    """ "correct", "orphaned" (gave up on a surviving quote) or "wrong"."""
    if result.status == "orphaned":
        return "correct" if not case.truth or case.expect == "rewritten" else "orphaned"
    if result.start is None or result.end is None:
        return "wrong"
    for start, end in case.truth + case.also:
        if abs(result.start - start) <= SLACK and abs(result.end - end) <= SLACK:
            return "correct"
    return "wrong"


def status_ok(case: Case, result: AnchorResult) -> bool:
    if case.expect == "located":
        return result.status in ("intact", "moved")
    if case.expect == "rewritten":
        return result.status in ("edited", "orphaned")
    return result.status == case.expect


def load(corpus: str, seed: int, half: str, per_kind: int | None) -> tuple[list[Case], list[str], str]:
    """The cases, their kinds in report order, and a line saying where they come from."""
    if corpus == "realistic":
        n = per_kind or 300
        cases = list(anchor_realistic.generate(half, n))
        return cases, list(anchor_realistic.KINDS), f"realistic corpus, {half} half, {n} per kind"
    n = per_kind or 400
    return list(anchor_corpus.generate(seed, n)), list(anchor_corpus.KINDS), f"seed {seed}, {n} per kind"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", choices=["generated", "realistic"], default="generated")
    parser.add_argument("--seed", type=int, default=7, help="generated corpus only")
    parser.add_argument(
        "--half", choices=list(anchor_realistic.HALVES), default="tuning", help="realistic only"
    )
    parser.add_argument("--per-kind", type=int, help="default 400 (generated), 300 (realistic)")
    parser.add_argument("--show", choices=["wrong", "orphaned"], help="print the cases graded so")
    parser.add_argument("--kind", help="with --show: only this kind")
    parser.add_argument(
        "--w3c-only", action="store_true", help="selectors without the quote's whole own sentence"
    )
    args = parser.parse_args()

    cases, kinds, origin = load(args.corpus, args.seed, args.half, args.per_kind)
    if args.w3c_only:
        for case in cases:
            case.selector = replace(case.selector, sentence_before=None, sentence_after=None)
        origin += ", W3C selector only"
    began, began_cpu = time.perf_counter(), time.process_time()
    results = [reanchor_quote(case.selector, case.text) for case in cases]
    elapsed, cpu = time.perf_counter() - began, time.process_time() - began_cpu

    table: dict[str, Counter[str]] = defaultdict(Counter)
    statuses: dict[str, Counter[str]] = defaultdict(Counter)
    expects: dict[str, Counter[str]] = defaultdict(Counter)
    for case, result in zip(cases, results, strict=True):
        verdict = grade(case, result)
        table[case.kind][verdict] += 1
        table[case.kind]["status ok"] += status_ok(case, result)
        statuses[case.kind][result.status] += 1
        expects[case.kind][case.expect] += 1
        if args.show == verdict and args.kind in (None, case.kind):
            _show(case, result)

    header = f"{'kind':<30}{'expect':>26}{'cases':>7}{'correct':>9}{'orphaned':>10}{'wrong':>7}{'status ok':>11}   statuses"
    print(header)
    print("-" * len(header))
    for kind in kinds:
        row = table[kind]
        total = sum(row[k] for k in ("correct", "orphaned", "wrong"))
        seen = " ".join(f"{s}:{n}" for s, n in sorted(statuses[kind].items()))
        expected = "/".join(sorted(expects[kind]))
        print(
            f"{kind:<30}{expected:>26}{total:>7}{row['correct']:>9}{row['orphaned']:>10}{row['wrong']:>7}"
            f"{row['status ok']:>11}   {seen}"
        )
    verdicts = [grade(case, result) for case, result in zip(cases, results, strict=True)]
    graded = list(zip(cases, verdicts, strict=True))
    survived = sum(1 for case in cases if case.truth and case.expect != "rewritten")
    correct_surviving = sum(1 for c, v in graded if c.truth and c.expect != "rewritten" and v == "correct")
    gone_total = sum(1 for case in cases if not case.truth)
    gone_orphaned = sum(1 for case, v in graded if not case.truth and v == "correct")
    recast = Counter(v for c, v in graded if c.expect == "rewritten")
    wrong = verdicts.count("wrong")
    print("-" * len(header))
    print(f"cases: {len(cases)} ({origin}, slack {SLACK} characters)")
    print(
        f"correct where the quote survives: {correct_surviving}/{survived} = {100 * correct_surviving / survived:.2f}%"
    )
    print(f"orphaned where the passage is gone: {gone_orphaned}/{gone_total}")
    if recast:
        print(
            f"recast too heavily to be a close match (found or orphaned both right): {recast.total()},"
            f" wrong {recast['wrong']}"
        )
    print(f"wrong anchors: {wrong}/{len(cases)} = {100 * wrong / len(cases):.2f}% of all cases")
    restated = sum(1 for case, result in zip(cases, results, strict=True) if _on_restatement(case, result))
    if any(case.also for case in cases):
        print(f"placed on a restatement of the same words (graded correct): {restated}")
    # On shared cores the wall time says mostly how busy the machine was; the CPU time less so.
    print(
        f"time: {elapsed:.2f} s re-anchoring ({1000 * elapsed / len(cases):.2f} ms per case);"
        f" CPU {cpu:.2f} s ({1000 * cpu / len(cases):.2f} ms per case); load {os.getloadavg()[0]:.1f}"
    )
    print()
    print("by quote length (short: fewer than 5 words or 30 characters), cases where the quote survives:")
    by_length: dict[str, Counter[str]] = defaultdict(Counter)
    for case, result in zip(cases, results, strict=True):
        if case.truth and case.expect != "rewritten":
            short = case.quote_words < 5 or len(case.selector.exact) < 30
            by_length["short" if short else "longer"][grade(case, result)] += 1
    for name, row in sorted(by_length.items()):
        total = sum(row.values())
        print(
            f"  {name:<8}{total:>6} cases  correct {row['correct']:>5} ({100 * row['correct'] / total:.1f}%)"
            f"  orphaned {row['orphaned']:>4}  wrong {row['wrong']:>3}"
        )


def _on_restatement(case: Case, result: AnchorResult) -> bool:
    if result.start is None or result.end is None:
        return False

    def near(spans: list[tuple[int, int]]) -> bool:
        return any(abs(result.start - s) <= SLACK and abs(result.end - e) <= SLACK for s, e in spans)  # type: ignore[operator]

    return near(case.also) and not near(case.truth)


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
