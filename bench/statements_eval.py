"""chrF and BLEU (sacrebleu) of the English drafts against reference translations, per half.

    .venv/bin/python bench/statements_eval.py --half tuning|test [--cli] [--errors N]

Data: ``bench/data/parallel_id_en/{tuning,test}.jsonl``, lines ``{"id", "id_text", "en_text",
"genre"}``; the halves were split before any drafting rule was changed. Prints corpus chrF and BLEU
of the drafts, of copying the Indonesian unchanged (the floor), and chrF per genre; the sacrebleu
signatures say exactly how they were computed.

By default the drafts come from ``workbench.language.lexicon.draft_english`` in this process (which
also runs on older commits: ``PYTHONPATH=/path/to/worktree``); ``--cli`` sends the sentences through
``workbench statements --batch`` instead, the contract scripts use.

``--errors N`` prints the N tuning sentences with the lowest sentence chrF, with their drafts. It
refuses the test half: rules are changed looking at tuning errors only.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "parallel_id_en"


def load(half: str) -> list[dict[str, str]]:
    path = DATA / f"{half}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def drafts_in_process(texts: list[str]) -> list[str]:
    if str(HERE.parent) not in sys.path:
        sys.path.append(str(HERE.parent))  # after PYTHONPATH, so a worktree given there wins
    from workbench.language.lexicon import draft_english

    return [draft_english(text) or text for text in texts]


def drafts_by_cli(texts: list[str]) -> list[str]:
    command = shutil.which("workbench") or str(Path(sys.executable).parent / "workbench")
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    result = subprocess.run(
        [command, "statements", "--batch", "-"], input=lines, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"workbench statements failed: {result.stderr.strip()}")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    return [answer["statement"] for answer in sorted(answers, key=lambda a: a["id"])]


def main() -> None:
    import sacrebleu

    parser = argparse.ArgumentParser(description="chrF and BLEU of the English drafts, per half.")
    parser.add_argument("--half", choices=["tuning", "test"], required=True)
    parser.add_argument("--cli", action="store_true", help="draft through `workbench statements --batch`")
    parser.add_argument("--errors", type=int, default=0, help="tuning half only: the N worst drafts")
    args = parser.parse_args()
    if args.errors and args.half != "tuning":
        raise SystemExit("--errors reads the tuning half only")
    rows = load(args.half)
    sources = [row["id_text"] for row in rows]
    references = [row["en_text"] for row in rows]
    drafts = drafts_by_cli(sources) if args.cli else drafts_in_process(sources)

    chrf, bleu = sacrebleu.CHRF(), sacrebleu.BLEU()
    print(f"{args.half}: {len(rows)} sentence pairs")
    for name, hypotheses in (("drafts", drafts), ("copy the Indonesian", sources)):
        c = chrf.corpus_score(hypotheses, [references])
        b = bleu.corpus_score(hypotheses, [references])
        print(f"  {name:20} chrF {c.score:5.1f}   BLEU {b.score:5.1f}")
    by_genre: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        by_genre[row.get("genre") or "?"].append(index)
    for genre, indices in sorted(by_genre.items()):
        c = chrf.corpus_score([drafts[i] for i in indices], [[references[i] for i in indices]])
        print(f"  genre {genre:14} ({len(indices):3}) chrF {c.score:5.1f}")
    print(f"  {chrf.get_signature()}")
    print(f"  {bleu.get_signature()}")
    if args.errors:
        scored = sorted(range(len(rows)), key=lambda i: chrf.sentence_score(drafts[i], [references[i]]).score)
        for i in scored[: args.errors]:
            print(
                f"\n[{rows[i]['id']}] ID:  {sources[i]}\n      REF: {references[i]}\n      OUT: {drafts[i]}"
            )


if __name__ == "__main__":
    main()
