"""Accuracy of the language identifier on ``bench/langid_dev.tsv``, tuning and test halves apart.

    .venv/bin/python bench/langid_eval.py [--errors]

Rules were changed looking at the tuning half only; the test half was scored, not read. An
"unsure" answer counts as wrong in "accuracy" (the checker has to give --lang), and is reported
separately; "sure and wrong" is the rate that matters most: a wrong language read with confidence
turns "1.500" into 1.5 without a warning.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Row = tuple[str, str, str, str]  # label, split, origin, text


def load() -> list[Row]:
    rows = []
    for line in (ROOT / "bench" / "langid_dev.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        label, half, origin, text = line.split("\t")
        rows.append((label, half, origin, text))
    return rows


def report(name: str, judge: Callable[[str], tuple[str, bool]], rows: list[Row], errors: bool) -> None:
    for half in ("tune", "test"):
        subset = [r for r in rows if r[1] == half]
        right = unsure = sure_wrong = forced = 0
        short_right = short = 0
        for label, _, _, text in subset:
            lang, sure = judge(text)
            ok = lang == label and sure
            right += ok
            forced += lang == label
            unsure += not sure
            sure_wrong += sure and lang != label
            if len(text.split()) <= 6:
                short += 1
                short_right += ok
            if errors and half == "tune" and not ok:
                print(f"  {label} -> {lang}{'' if sure else '?'}  {text}")
        print(
            f"{name:<28} {half}: n={len(subset)} accuracy {right / len(subset):.3f}  unsure "
            f"{unsure / len(subset):.3f}  sure-and-wrong {sure_wrong / len(subset):.3f}  "
            f"forced {forced / len(subset):.3f}  "
            f"(<=6 words: {short_right}/{short})"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", action="store_true", help="print the tuning half's errors")
    args = parser.parse_args()
    rows = load()
    from workbench.language.identify import identify_language

    def judge(text: str) -> tuple[str, bool]:
        guess = identify_language(text)
        return guess.lang, guess.sure

    report("identify_language", judge, rows, args.errors)


if __name__ == "__main__":
    main()
