"""Do shortlists cost ranking quality? Prints, per matching set, with the semantic extra:

- recall@1 over every passage (the full ranking) and over each claim's lexical top ``--size`` only,
  and how many distinct passages each needs embedded (a proposal, docs/semantic.md "Speed");
- the ranking ``workbench match`` does (top ``EVIDENCE_PER_CLAIM * 3`` above ``EVIDENCE_FLOOR``,
  passages that cannot reach either not scored): how many claims' results differ from the full
  ranking cut at the floor (0 if the bound holds), recall@1 counting a claim whose right passage
  is under the floor as a miss (as it would not become evidence) beside the full ranking's, and
  the share of passages scored.

    .venv/bin/python bench/semantic_shortlist_eval.py [--size 20] [--sets dev,tuning,test]

Aggregate figures only (the parallel test half is measured, never read). A claim whose right
passage is not in its shortlist counts as a miss.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from match_eval import load_id_en, load_nearmiss, load_parallel

from workbench.matching.rank import PassageIndex
from workbench.matching.scoring import ClaimQuery
from workbench.matching.semantic import Embedder, load_embedder
from workbench.services.matching import EVIDENCE_FLOOR, EVIDENCE_PER_CLAIM

_scored = [0]  # passages scored by ClaimQuery.score_only, counted by _counting
_score_only = ClaimQuery.score_only


def _counting(self: ClaimQuery, position: int, semantic: float | None = None) -> object:
    _scored[0] += 1
    return _score_only(self, position, semantic)


ClaimQuery.score_only = _counting  # type: ignore[assignment,method-assign]

Case = tuple[str, PassageIndex, int, str]  # claim, its passages, the right one, claim language


def _cases(name: str) -> list[Case]:
    if name == "dev":
        english, pairs = load_id_en()
        index = PassageIndex(english)
        cases = [(claim, index, gold, "id") for claim, gold in pairs]
        for filename in ("match_dev_nearmiss.txt", "match_dev_reports.txt"):
            cases += [(c, PassageIndex(p), g, "en") for c, p, g in load_nearmiss(name=filename)]
        return cases
    english, pairs, _ = load_parallel(name)
    index = PassageIndex(english)
    return [(claim, index, gold, "id") for claim, gold in pairs]


def _measure(name: str, cases: list[Case], embedder: Embedder, size: int) -> None:
    full_hits = short_hits = missing = 0
    every: set[str] = set()
    shortlisted: set[str] = set()
    for claim, index, gold, lang in cases:
        every.update(index.texts)
        full = index.rank(claim, claim_lang=lang, top=1, semantic=embedder)
        full_hits += full[0].index == gold
        lexical = index.rank(claim, claim_lang=lang, top=size)
        positions = sorted(r.index for r in lexical)
        shortlisted.update(index.texts[i] for i in positions)
        if gold not in positions:
            missing += 1
            continue
        short = index.rank(claim, claim_lang=lang, top=1, candidates=positions, semantic=embedder)
        short_hits += short[0].index == gold
    n = len(cases)
    print(
        f"{name}: n={n} recall@1 every passage {full_hits / n:.3f}, lexical top {size} {short_hits / n:.3f}"
        f" (right passage outside the shortlist: {missing}); passages to embed {len(every)} -> {len(shortlisted)}"
    )
    top = EVIDENCE_PER_CLAIM * 3
    differ = bounded_hits = passages = 0
    scored_full = scored_bounded = 0
    for claim, index, gold, lang in cases:
        _scored[0] = 0
        full = index.rank(claim, claim_lang=lang, top=0, semantic=embedder)
        scored_full += _scored[0]
        _scored[0] = 0
        bounded = index.rank(claim, claim_lang=lang, top=top, semantic=embedder, floor=EVIDENCE_FLOOR)
        scored_bounded += _scored[0]
        passages += index.size
        differ += bounded != [r for r in full if r.score >= EVIDENCE_FLOOR][:top]
        bounded_hits += bool(bounded) and bounded[0].index == gold
    print(
        f"{name}: as match ranks (top {top} from {EVIDENCE_FLOOR:g}): results differing from the full ranking"
        f" cut there {differ}; recall@1 {bounded_hits / n:.3f} (full {full_hits / n:.3f}); passages scored"
        f" {scored_bounded} of {scored_full} ({scored_bounded / max(1, passages):.1%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20)
    parser.add_argument("--sets", default="dev,tuning,test")
    args = parser.parse_args()
    embedder = load_embedder()
    if embedder is None:
        parser.error("needs the semantic extra: pip install -e '.[semantic]'")
    for name in args.sets.split(","):
        _measure(name, _cases(name), embedder, args.size)


if __name__ == "__main__":
    main()
