"""How long does claim extraction take on a 10,000-word article? Target: under a second.

Builds a long article by repeating the seed article's paragraphs and our own test articles
(and the seed article, when the folder of shared cases sits beside the repository) and prints the time of ``extract_claims``.

    .venv/bin/python bench/extract_benchmark.py [--words 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from workbench.claims import extract_claims

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "cases" / "microsoft-russia-2022" / "article.id.txt",
    ROOT / "sources" / "microsoft-russia-2022" / "article.id.txt",
    ROOT / "tests" / "claims" / "data" / "article.id.txt",
    ROOT / "tests" / "claims" / "data" / "article.en.txt",
]


def build_article(words: int) -> str:
    """Paragraphs of the available articles, repeated until ``words`` words are reached."""
    paragraphs: list[str] = []
    for path in SOURCES:
        if path.exists():
            paragraphs.extend(p for p in path.read_text(encoding="utf-8").splitlines() if p.strip())
    if not paragraphs:
        raise SystemExit("no article to build the benchmark text from")
    out: list[str] = []
    count = 0
    index = 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = build_article(args.words)
    # The first call pays for imports and the optional lexicon load; report it apart.
    started = time.perf_counter()
    claims = extract_claims(text, article_date=dt.date(2022, 3, 4))
    first = time.perf_counter() - started
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        claims = extract_claims(text, article_date=dt.date(2022, 3, 4))
        timings.append(time.perf_counter() - started)
    best = min(timings)
    print(
        f"{len(text.split())} words, {len(text)} characters, {len(claims)} claims: "
        f"first call {first:.3f} s, best of {args.repeat} {best:.3f} s "
        f"({'under' if best < 1 else 'OVER'} the 1 s target)"
    )


if __name__ == "__main__":
    main()
