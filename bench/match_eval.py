"""Recall@1/@5 and MRR of the ranker on the matching development sets, with a plain rapidfuzz baseline.

    .venv/bin/python bench/match_eval.py [--misses] [--semantic]
    .venv/bin/python bench/match_eval.py --set parallel --half tuning|test [--wide] [--semantic] [--misses]

``--semantic`` blends in embedding similarity (needs the ``semantic`` extra; see docs/semantic.md).

Sets of ``--set dev`` (ours, fictional; all three tuned on): ``match_dev_id_en.txt`` (Indonesian
sentences -> their English original among all 200 English sentences) and ``match_dev_nearmiss.txt``
(English claims -> evidence among near-miss distractors, shuffled with a fixed seed) and
``match_dev_reports.txt`` (English news claims -> the source sentence behind them among that
source's other sentences, the kind of set on which plain token_set_ratio is right about half the time).

``--set parallel`` is a retrieval task on ``data/parallel_id_en/{tuning,test}.jsonl`` (our own
Indonesian sentences with our English translations, lines ``{"id", "id_text", "en_text", "genre"}``):
each Indonesian sentence of a half against all English sentences of that half, ranked as
``workbench match`` and ``rank --batch`` rank (:meth:`PassageIndex.rank`, ``claim_lang="id"``, no
statement: an unconfirmed draft is never passed). Rules are tuned on the tuning half only; for the
test half the script prints aggregate figures and refuses ``--misses`` (docs/semantic.md). With
``--wide`` every English sentence of the dev sets joins a half's candidates (~940 in all), a harder
task that separates rules the plain one cannot.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.language.lexicon import draft_english
from workbench.matching.rank import PassageIndex
from workbench.matching.semantic import Embedder, load_embedder

HERE = Path(__file__).resolve().parent
PARALLEL = HERE / "data" / "parallel_id_en"
Case = tuple[str, list[str], int]  # claim, passages, index of the right passage


def load_id_en() -> tuple[list[str], list[tuple[str, int]]]:
    english: list[str] = []
    pairs: list[tuple[str, int]] = []
    for line in (HERE / "match_dev_id_en.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("EN: "):
            english.append(line[4:])
        elif line.startswith("ID: "):
            pairs.append((line[4:], len(english) - 1))
    return english, pairs


def load_parallel(half: str) -> tuple[list[str], list[tuple[str, int]], list[str]]:
    """English candidates, (Indonesian sentence, index of its English) pairs and genres of one half.
    Identical English sentences count as one candidate, so a pair's original cannot tie with itself."""
    english: list[str] = []
    positions: dict[str, int] = {}
    pairs: list[tuple[str, int]] = []
    genres: list[str] = []
    for line in (PARALLEL / f"{half}.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["en_text"]
        if text not in positions:
            positions[text] = len(english)
            english.append(text)
        pairs.append((row["id_text"], positions[text]))
        genres.append(str(row.get("genre", "")))
    return english, pairs, genres


def dev_english() -> list[str]:
    """Every English sentence of the dev sets: extra candidates for ``--wide``."""
    english = load_id_en()[0]
    for name in ("match_dev_nearmiss.txt", "match_dev_reports.txt"):
        for _, passages, _ in load_nearmiss(name=name):
            english += passages
    return english


def load_nearmiss(seed: int = 4, name: str = "match_dev_nearmiss.txt") -> list[Case]:
    cases: list[Case] = []
    rng = random.Random(seed)
    groups = (HERE / name).read_text(encoding="utf-8").split("\nC: ")[1:]
    for group in groups:
        lines = group.strip().splitlines()
        evidence = next(line[3:] for line in lines if line.startswith("E: "))
        passages = [line[3:] for line in lines if line.startswith(("E: ", "D: "))]
        rng.shuffle(passages)
        cases.append((lines[0], passages, passages.index(evidence)))
    return cases


def recall(ranks: list[int]) -> tuple[float, float]:
    return sum(r == 0 for r in ranks) / len(ranks), sum(r < 5 for r in ranks) / len(ranks)


def mean_reciprocal_rank(ranks: list[int]) -> float:
    return sum(1 / (r + 1) for r in ranks) / len(ranks)


def baseline_rank(claim: str, passages: list[str], gold: int) -> int:
    scores = [fuzz.token_set_ratio(claim.lower(), p.lower()) for p in passages]
    # Ties count against the gold passage: a tie is not a win.
    return sum(score >= scores[gold] for i, score in enumerate(scores) if i != gold)


SEMANTIC: Embedder | None = None  # set by --semantic


def ours_rank(
    index: PassageIndex, claim: str, gold: int, lang: str, statement: str | None = None
) -> tuple[int, list[int]]:
    ranking = index.rank(claim, claim_lang=lang, statement=statement, top=0, semantic=SEMANTIC)
    order = [r.index for r in ranking]
    return order.index(gold), order[:3]


def evaluate(
    name: str,
    cases: list[tuple[str, int]],
    index_for: Callable[[int], PassageIndex],
    passages_for: Callable[[int], list[str]],
    lang: str,
    misses: bool,
) -> list[int]:
    """Print the set's figures (and, with ``misses``, every claim ranked wrong); return the ranks."""
    started = time.perf_counter()
    ours, base = [], []
    for number, (claim, gold) in enumerate(cases):
        rank, top3 = ours_rank(index_for(number), claim, gold, lang)
        ours.append(rank)
        base.append(baseline_rank(claim, passages_for(number), gold))
        if misses and rank:
            passages = passages_for(number)
            print(
                f"  MISS (rank {rank + 1}) {claim}\n    want: {passages[gold]}\n    got:  {passages[top3[0]]}"
            )
    elapsed = time.perf_counter() - started
    r1, r5 = recall(ours)
    b1, b5 = recall(base)
    print(
        f"{name}: n={len(cases)} ours recall@1={r1:.3f} @5={r5:.3f} MRR={mean_reciprocal_rank(ours):.3f}"
        f" | token_set_ratio @1={b1:.3f} @5={b5:.3f} ({elapsed:.2f} s)"
    )
    return ours


def run_dev(misses: bool) -> None:
    english, pairs = load_id_en()
    index = PassageIndex(english)
    evaluate("id->en (200 sentences)", pairs, lambda _: index, lambda _: english, "id", misses)
    # The same with a machine draft (draft_english) given as the English statement.
    drafted = [(draft_english(claim), gold) for claim, gold in pairs]
    ranks = [
        ours_rank(index, claim, gold, "id", statement)[0]
        for (claim, gold), (statement, _) in zip(pairs, drafted, strict=True)
    ]
    at1, at5 = recall(ranks)
    print(f"id->en with draft_english as statement: recall@1={at1:.3f} @5={at5:.3f}")
    for name, filename in (
        ("en near-miss", "match_dev_nearmiss.txt"),
        ("en reports (source's own sentences)", "match_dev_reports.txt"),
    ):
        cases = load_nearmiss(name=filename)
        indexes = [PassageIndex(passages) for _, passages, _ in cases]
        evaluate(
            name,
            [(claim, gold) for claim, _, gold in cases],
            lambda n, indexes=indexes: indexes[n],
            lambda n, cases=cases: cases[n][1],
            "en",
            misses,
        )


def run_parallel(half: str, misses: bool, wide: bool) -> None:
    english, pairs, genres = load_parallel(half)
    if wide:  # the dev sets' sentences join as distractors (pairs keep their indices)
        have = set(english)
        english += [text for text in dict.fromkeys(dev_english()) if text not in have]
    index = PassageIndex(english)
    ranks = evaluate(
        f"parallel {half} id->en ({len(english)} candidates)",
        pairs,
        lambda _: index,
        lambda _: english,
        "id",
        misses,
    )
    for genre in sorted(set(genres)):
        mine = [rank for rank, g in zip(ranks, genres, strict=True) if g == genre]
        print(f"  {genre or '(no genre)'}: n={len(mine)} recall@1={recall(mine)[0]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=("dev", "parallel"), default="dev", help="which sets to rank")
    parser.add_argument("--half", choices=("tuning", "test"), help="half of the parallel set")
    parser.add_argument(
        "--wide",
        action="store_true",
        help="parallel set: the dev sets' English sentences join the candidates",
    )
    parser.add_argument("--misses", action="store_true", help="print the claims ranked wrong")
    parser.add_argument("--semantic", action="store_true", help="blend in embedding similarity")
    args = parser.parse_args()
    if args.set == "parallel" and args.half is None:
        parser.error("--set parallel needs --half tuning or --half test")
    if args.half == "test" and args.misses:
        parser.error("the test half is measured, never read: --misses is for the tuning half")
    if args.semantic:
        global SEMANTIC  # a benchmark-wide switch
        SEMANTIC = load_embedder()
        if SEMANTIC is None:
            parser.error("--semantic needs the semantic extra: pip install -e '.[semantic]'")
    if args.set == "parallel":
        run_parallel(args.half, args.misses, args.wide)
    else:
        run_dev(args.misses)


if __name__ == "__main__":
    main()
